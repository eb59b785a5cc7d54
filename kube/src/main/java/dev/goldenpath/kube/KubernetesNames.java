package dev.goldenpath.kube;

import java.util.Optional;

/**
 * The API server's syntax rules for names, label keys and values, as k8s.io/apimachinery's
 * {@code pkg/util/validation} states them. Each method answers why a value breaks its rule, or nothing when it
 * keeps it. The renderer checks every object it writes with these, and the sealer the labels, annotations and keys
 * of every SealedSecret.
 *
 * <pre>{@code
 * KubernetesNames.label("payments-api");   // Optional.empty()
 * KubernetesNames.label("Payments");       // Optional[must be a DNS-1123 label: ...]
 * }</pre>
 */
public final class KubernetesNames {

    /** The longest DNS-1123 label, label value and name part of a qualified name. */
    public static final int LABEL_MAX = 63;
    /** The longest DNS-1123 subdomain (and Secret key). */
    public static final int SUBDOMAIN_MAX = 253;
    /** IANA service names (RFC 6335): what a container port's name must be. */
    public static final int PORT_NAME_MAX = 15;

    // The grammars below are apimachinery's regular expressions, matched by hand: the renderer checks every name,
    // label and key of every object, and java.util.regex costs more there than the rest of the check together.
    //   label          [a-z0-9]([-a-z0-9]*[a-z0-9])?
    //   DNS-1035       [a-z]([-a-z0-9]*[a-z0-9])?
    //   subdomain      label(\.label)*
    //   qualified name ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
    //   port name      [-a-z0-9]+

    private KubernetesNames() {
    }

    /** A DNS-1123 label: namespaces, container and volume names, Service port names. */
    public static Optional<String> label(String value) {
        if (value.length() > LABEL_MAX) {
            return Optional.of(tooLong(value, LABEL_MAX, "a DNS-1123 label"));
        }
        return isLabel(value, 0, value.length()) ? Optional.empty()
                : Optional.of("must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit");
    }

    /** A DNS-1035 label: Service names (a Service's name becomes a DNS name that must not start with a digit). */
    public static Optional<String> dns1035(String value) {
        if (value.length() > LABEL_MAX) {
            return Optional.of(tooLong(value, LABEL_MAX, "a DNS-1035 label"));
        }
        return isDns1035(value) ? Optional.empty()
                : Optional.of("must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter");
    }

    /** A DNS-1123 subdomain: the names of most objects. */
    public static Optional<String> subdomain(String value) {
        if (value.length() > SUBDOMAIN_MAX) {
            return Optional.of(tooLong(value, SUBDOMAIN_MAX, "a DNS-1123 subdomain"));
        }
        return isSubdomain(value) ? Optional.empty()
                : Optional.of("must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.'");
    }

    /** A path segment: the names of RBAC objects, which may hold ':' but never '/', '%', '.' or '..'. */
    public static Optional<String> pathSegment(String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..") || value.contains("/") || value.contains("%")) {
            return Optional.of("must be a path segment: not empty, '.' or '..', and without '/' or '%'");
        }
        return Optional.empty();
    }

    /** A label or annotation key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    public static Optional<String> qualifiedName(String key) {
        int slash = key.indexOf('/');
        // The usual case, a valid key, is decided on the key itself: no substring, no Optional of a message.
        if ((slash < 0 || slash > 0 && slash <= SUBDOMAIN_MAX && isSubdomain(key, 0, slash))
                && key.length() - slash - 1 <= LABEL_MAX && isQualifiedName(key, slash + 1, key.length())) {
            return Optional.empty();
        }
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            Optional<String> problem = prefix.isEmpty() ? Optional.of("has an empty prefix before '/'") : subdomain(prefix);
            if (problem.isPresent()) {
                return Optional.of("prefix " + problem.get());
            }
        }
        if (name.length() > LABEL_MAX) {
            return Optional.of(tooLong(name, LABEL_MAX, "the name part of a key"));
        }
        return isQualifiedName(name) ? Optional.empty()
                : Optional.of("must be a qualified name: letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
    }

    /** A label value: empty, or at most 63 characters of the qualified-name alphabet. */
    public static Optional<String> labelValue(String value) {
        if (value.length() > LABEL_MAX) {
            return Optional.of(tooLong(value, LABEL_MAX, "a label value"));
        }
        return value.isEmpty() || isQualifiedName(value) ? Optional.empty()
                : Optional.of("must be a label value: letters, digits, '-', '_' and '.', starting and ending with a letter or digit");
    }

    /** A key of a Secret's or ConfigMap's data: {@code [-._a-zA-Z0-9]+}, at most 253 characters. */
    public static Optional<String> secretKey(String key) {
        if (key.length() > SUBDOMAIN_MAX) {
            return Optional.of(tooLong(key, SUBDOMAIN_MAX, "a Secret key"));
        }
        if (key.isEmpty() || !key.chars().allMatch(c -> alphanumeric((char) c) || c == '-' || c == '.' || c == '_')) {
            return Optional.of("must be a Secret key: letters, digits, '-', '_' and '.'");
        }
        return Optional.empty();
    }

    /** A container port's name: an IANA service name (at most 15 characters, a letter, no "--"). */
    public static Optional<String> portName(String value) {
        if (value.length() > PORT_NAME_MAX) {
            return Optional.of(tooLong(value, PORT_NAME_MAX, "a container port name (IANA service name)"));
        }
        if (!isPortName(value) || value.startsWith("-") || value.endsWith("-") || value.contains("--")
                || value.chars().noneMatch(Character::isLetter)) {
            return Optional.of("must be an IANA service name: lowercase letters, digits and single '-' inside, with a letter");
        }
        return Optional.empty();
    }

    private static boolean lowerAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean alphanumeric(char c) {
        return lowerAlphanumeric(c) || c >= 'A' && c <= 'Z';
    }

    private static boolean isLabel(String value, int from, int to) {
        if (from >= to || !lowerAlphanumeric(value.charAt(from)) || !lowerAlphanumeric(value.charAt(to - 1))) {
            return false;
        }
        for (int i = from + 1; i < to - 1; i++) {
            char c = value.charAt(i);
            if (!lowerAlphanumeric(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDns1035(String value) {
        return !value.isEmpty() && value.charAt(0) >= 'a' && value.charAt(0) <= 'z' && isLabel(value, 0, value.length());
    }

    private static boolean isSubdomain(String value) {
        return isSubdomain(value, 0, value.length());
    }

    // value[start, end) is a DNS-1123 subdomain (its length is not checked here).
    private static boolean isSubdomain(String value, int start, int end) {
        int from = start;
        while (true) {
            int dot = value.indexOf('.', from);
            int to = dot < 0 || dot >= end ? end : dot;
            if (!isLabel(value, from, to)) {
                return false;
            }
            if (to == end) {
                return true;
            }
            from = dot + 1;
        }
    }

    private static boolean isQualifiedName(String value) {
        return isQualifiedName(value, 0, value.length());
    }

    // value[from, to) is a qualified name (its length is not checked here).
    private static boolean isQualifiedName(String value, int from, int to) {
        int last = to - 1;
        if (last < from || !alphanumeric(value.charAt(from)) || !alphanumeric(value.charAt(last))) {
            return false;
        }
        for (int i = from + 1; i < last; i++) {
            char c = value.charAt(i);
            if (!alphanumeric(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isPortName(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!lowerAlphanumeric(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static String tooLong(String value, int max, String what) {
        return "is " + value.length() + " characters, over the " + max + " of " + what;
    }
}
