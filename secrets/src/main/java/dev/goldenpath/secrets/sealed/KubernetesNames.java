package dev.goldenpath.secrets.sealed;

import java.util.List;
import java.util.regex.Pattern;

/** The apimachinery syntax rules for Secret keys, labels and annotation keys (pkg/util/validation). */
final class KubernetesNames {

    private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private KubernetesNames() {
    }

    static boolean isSecretKey(String key) {
        return key.length() <= 253 && SECRET_KEY.matcher(key).matches();
    }

    static void checkLabel(String key, String value, List<String> problems) {
        checkQualifiedName("label", key, problems);
        if (!value.isEmpty() && (value.length() > 63 || !QUALIFIED_NAME.matcher(value).matches())) {
            problems.add("label '" + key + "' has value '" + value + "', which is not a valid label value"
                    + " (alphanumerics, '-', '_' and '.', at most 63 characters)");
        }
    }

    static void checkAnnotationKey(String key, List<String> problems) {
        checkQualifiedName("annotation", key, problems);
    }

    private static void checkQualifiedName(String what, String key, List<String> problems) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean valid = name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches()
                && (prefix == null || (prefix.length() <= 253 && DNS1123_SUBDOMAIN.matcher(prefix).matches()));
        if (!valid) {
            problems.add(what + " key '" + key + "' is not a qualified name ([prefix/]name, name at most 63"
                    + " alphanumerics, '-', '_' or '.', prefix a DNS subdomain)");
        }
    }
}
