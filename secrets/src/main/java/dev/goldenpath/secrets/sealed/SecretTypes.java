package dev.goldenpath.secrets.sealed;

import dev.goldenpath.kube.KubernetesNames;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Secret's {@code type} demands, so that a SealedSecret the controller cannot turn into a Secret
 * is refused when it is sealed, not discovered in the controller's events after it was committed.
 *
 * <p>Required keys and annotations are the API server's own rules (kubernetes
 * {@code pkg/apis/core/validation} {@code ValidateSecret}): the controller creates the Secret through the
 * API server, which refuses it otherwise. The syntax rule is goldenpath's: the API server accepts any
 * non-empty custom type, but every built-in type and the documented convention for custom ones
 * ({@code <domain>/<name>}) are qualified names, and a type like {@code "Opaque Secret!"} is a mistake.
 */
final class SecretTypes {

    /** Keys each built-in type requires, every one of them (core.SecretType* and their data keys). */
    private static final Map<String, List<String>> REQUIRED_KEYS = Map.of(
            "kubernetes.io/tls", List.of("tls.crt", "tls.key"),
            "kubernetes.io/ssh-auth", List.of("ssh-privatekey"),
            "kubernetes.io/dockercfg", List.of(".dockercfg"),
            "kubernetes.io/dockerconfigjson", List.of(".dockerconfigjson"));

    private static final String BASIC_AUTH = "kubernetes.io/basic-auth";
    private static final String SERVICE_ACCOUNT_TOKEN = "kubernetes.io/service-account-token";
    private static final String SERVICE_ACCOUNT_NAME = "kubernetes.io/service-account.name";

    private SecretTypes() {
    }

    /** The type's syntax: a qualified name, {@code [prefix/]name}. */
    static void checkType(String type, List<String> problems) {
        if (type.isBlank()) {
            problems.add("type must not be blank (Opaque, kubernetes.io/tls, ...)");
            return;
        }
        // The grammar of label and annotation keys (apimachinery's IsQualifiedName).
        if (KubernetesNames.qualifiedName(type).isPresent()) {
            problems.add("type '" + type + "' is not a qualified name ([prefix/]name: name at most 63 alphanumerics,"
                    + " '-', '_' or '.', prefix a DNS subdomain), e.g. Opaque, kubernetes.io/tls or"
                    + " example.com/api-credentials");
        }
    }

    /** The keys and annotations the API server requires for the type. */
    static void checkContents(String type, Set<String> keys, Map<String, String> annotations, List<String> problems) {
        for (String key : REQUIRED_KEYS.getOrDefault(type, List.of())) {
            if (!keys.contains(key)) {
                problems.add("type " + type + " requires key '" + key + "' (the API server refuses the Secret"
                        + " without it); keys are " + keys);
            }
        }
        // ValidateSecret: basic-auth needs the username or the password key (either may be empty).
        if (type.equals(BASIC_AUTH) && !keys.contains("username") && !keys.contains("password")) {
            problems.add("type " + BASIC_AUTH + " requires key 'username' or 'password'; keys are " + keys);
        }
        if (type.equals(SERVICE_ACCOUNT_TOKEN) && annotations.getOrDefault(SERVICE_ACCOUNT_NAME, "").isEmpty()) {
            problems.add("type " + SERVICE_ACCOUNT_TOKEN + " requires annotation '" + SERVICE_ACCOUNT_NAME + "'");
        }
    }
}
