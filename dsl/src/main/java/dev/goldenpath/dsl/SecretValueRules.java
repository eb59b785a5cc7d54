package dev.goldenpath.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Secrets in plain sight and secrets Kubernetes would refuse: a literal password in an environment variable, a
 * credential pasted into a command line or an annotation, a Secret type or store the API server or the operator
 * would reject. Values are never echoed: violations show {@code <redacted>}.
 */
record SecretValueRules(Platform platform, Problems problems) {

    /** Secret types whose keys the API server requires (core/v1 validation of Secret, per type). */
    private static final Map<String, List<String>> REQUIRED_KEYS = Map.of(
            "kubernetes.io/tls", List.of("tls.crt", "tls.key"),
            "kubernetes.io/dockerconfigjson", List.of(".dockerconfigjson"),
            "kubernetes.io/dockercfg", List.of(".dockercfg"),
            "kubernetes.io/ssh-auth", List.of("ssh-privatekey"));
    private static final Pattern QUALIFIED_TYPE = Pattern.compile("^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$");
    private static final String REDACTED = "<redacted>";

    void stores() {
        Set<String> names = new HashSet<>();
        for (SecretStore store : platform.secretStores()) {
            FieldPath path = FieldPath.secretStore(store.name());
            problems.addIf(ViolationCode.NAME_DNS1123_LABEL,
                    path.field("name"), store.name(), Names.dns1123Label(store.name()), "use e.g. 'vault'");
            if (!names.add(store.name())) {
                problems.add(ViolationCode.SECRET_STORE_DUPLICATE,
                        path, store.name(), "the store is declared twice", "declare it once");
            }
            Urls.https(store.server()).ifPresent(p -> problems.add(ViolationCode.SECRET_STORE_SERVER_INVALID,
                    path.field("server"), store.server(),
                    "a secret store is reached over https only (secrets and the operator's token cross this connection): " + p,
                    "use e.g. https://vault.example.com:8200"));
            if (store.path().isBlank() || store.path().startsWith("/") || store.path().endsWith("/")) {
                problems.add(ViolationCode.SECRET_STORE_PATH_INVALID,
                        path.field("path"), store.path(), "the KV mount is a path without leading or trailing '/'",
                        "use e.g. 'secret'");
            }
            if (store.kvVersion() != 1 && store.kvVersion() != 2) {
                problems.add(ViolationCode.SECRET_STORE_KV_VERSION_INVALID,
                        path.field("kvVersion"), store.kvVersion(), "Vault's KV engine is version 1 or 2", "use 2");
            }
            if (store.authMount().isBlank()) {
                problems.add(ViolationCode.SECRET_STORE_AUTH_MOUNT_MISSING,
                        path.field("authMount"), store.authMount(), "the Kubernetes auth mount is required", "use e.g. 'kubernetes'");
            }
            if (store.role().isBlank()) {
                problems.add(ViolationCode.SECRET_STORE_ROLE_MISSING,
                        path.field("role"), store.role(), "the Vault role is required", "use e.g. 'goldenpath'");
            }
        }
    }

    void app(App app, FieldPath path) {
        container(app.container(), path);
        app.metadata().annotations().forEach((key, value) -> {
            if (Credentials.credentialValue(value)) {
                problems.add(ViolationCode.SECRET_PLAINTEXT_CREDENTIAL,
                        path.field("annotations").key(key), REDACTED, "the value looks like a credential and would "
                        + "be rendered in plaintext on every object", "remove it; secrets belong in sealed(..) or external(..)");
            }
        });
        for (Secret secret : app.secrets()) {
            type(secret, path.field("secrets").key(secret.name()));
        }
    }

    /** Plain variables, command and arguments of one container of the pod: no credential in plaintext. */
    void container(Container container, FieldPath path) {
        for (EnvVar variable : container.env()) {
            variable(path.field("env").key(variable.name()).field("value"), variable);
        }
        words(path.field("command"), container.command());
        words(path.field("args"), container.args());
    }

    /** A plain variable's value (from {@code .env(..)} or {@code .configEnv(..)}): never a literal secret. */
    void variable(FieldPath value, EnvVar variable) {
        if (variable.value().isEmpty() || Credentials.reference(variable.value())) {
            return;
        }
        if (Credentials.secretName(variable.name())) {
            problems.add(ViolationCode.SECRET_PLAINTEXT_ENV,
                    value, REDACTED, "a literal value under a secret-looking name would be rendered "
                            + "in plaintext into the Deployment and the git repository",
                    "declare the value as a secret: .secret(sealed(\"<name>\").fromEnvironment(..).env(\""
                            + variable.name() + "\", \"<key>\")) or external(..)");
        } else if (Credentials.credentialValue(variable.value())) {
            problems.add(ViolationCode.SECRET_PLAINTEXT_CREDENTIAL,
                    value, REDACTED, "the value looks like a credential (a private key or an access "
                    + "token) and would be rendered in plaintext", "move it into sealed(..) or external(..)");
        }
    }

    private void words(FieldPath path, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (Credentials.credentialValue(words.get(i))) {
                problems.add(ViolationCode.SECRET_PLAINTEXT_CREDENTIAL,
                        path.index(i), REDACTED, "the word looks like a credential and would be rendered in "
                        + "plaintext into the Deployment", "read it from a secret: .secret(sealed(..).env(\"VAR\", \"key\")) "
                        + "and pass \"$(VAR)\"");
            }
        }
    }

    /** The API server accepts a Secret type like a qualified name and requires the keys of its built-in types. */
    private void type(Secret secret, FieldPath path) {
        String type = secret.type();
        if (type.isEmpty() || type.length() > 253 || !QUALIFIED_TYPE.matcher(type).matches()) {
            problems.add(ViolationCode.SECRET_TYPE_INVALID,
                    path.field("type"), type, "a Secret type is 'Opaque' or a qualified name like 'kubernetes.io/tls'",
                    "use e.g. Opaque or kubernetes.io/tls");
            return;
        }
        if (type.equals("kubernetes.io/service-account-token") || type.equals("bootstrap.kubernetes.io/token")) {
            problems.add(ViolationCode.SECRET_TYPE_RESERVED,
                    path.field("type"), type, "Kubernetes itself issues tokens of this type", "use Opaque");
        }
        List<String> required = REQUIRED_KEYS.getOrDefault(type, List.of());
        for (String key : required) {
            if (secret.entries().stream().noneMatch(e -> e.key().equals(key))) {
                problems.add(ViolationCode.SECRET_TYPE_KEY_MISSING,
                        path.field("keys"), key, "a Secret of type " + type + " must have the key " + key,
                        "add the key " + key);
            }
        }
    }
}
