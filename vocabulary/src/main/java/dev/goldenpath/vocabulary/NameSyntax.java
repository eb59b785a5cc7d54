package dev.goldenpath.vocabulary;

import java.util.regex.Pattern;

/**
 * Kubernetes' grammars for names, label keys and label values, as k8s.io/apimachinery's {@code pkg/util/validation}
 * states them, defined once. Each check answers only whether a value keeps the grammar; the callers word their own
 * messages.
 *
 * <pre>{@code
 * NameSyntax.isDns1123Label("payments-api");      // true
 * NameSyntax.isDns1035Label("1st-api");           // false: a Service name starts with a letter
 * NameSyntax.isQualifiedName("example.com/tier"); // true
 * }</pre>
 */
public final class NameSyntax {

    /** The longest DNS-1123 label (and label value, and name part of a qualified name). */
    public static final int LABEL_MAX = 63;
    /** The longest DNS-1123 subdomain (and prefix of a qualified name). */
    public static final int SUBDOMAIN_MAX = 253;
    /** The longest IANA service name (RFC 6335): a container port's name. */
    public static final int PORT_NAME_MAX = 15;

    /** DNS-1123 label: namespaces, container names; also the character set of IANA service names. */
    public static final Pattern DNS1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
    /** DNS-1035 label: Service names, whose DNS name must not start with a digit. */
    public static final Pattern DNS1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    /** DNS-1123 subdomain: most object names, label-key prefixes. */
    public static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    /** The name part of a qualified name, and a non-empty label value. */
    public static final Pattern QUALIFIED_NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");

    private NameSyntax() {
    }

    /** A DNS-1123 label of 1 to 63 characters. */
    public static boolean isDns1123Label(String name) {
        return name.length() <= LABEL_MAX && DNS1123_LABEL.matcher(name).matches();
    }

    /** A DNS-1035 label of 1 to 63 characters. */
    public static boolean isDns1035Label(String name) {
        return name.length() <= LABEL_MAX && DNS1035_LABEL.matcher(name).matches();
    }

    /** A DNS-1123 subdomain of 1 to 253 characters. */
    public static boolean isDns1123Subdomain(String name) {
        return name.length() <= SUBDOMAIN_MAX && DNS1123_SUBDOMAIN.matcher(name).matches();
    }

    /** A label or annotation key: {@code [<DNS-1123 subdomain>/]<name of 1 to 63 characters>}. */
    public static boolean isQualifiedName(String key) {
        int slash = key.lastIndexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        return (slash < 0 || isDns1123Subdomain(key.substring(0, slash)))
                && name.length() <= LABEL_MAX && QUALIFIED_NAME.matcher(name).matches();
    }

    /** A label value: empty, or up to 63 characters of the qualified-name grammar. */
    public static boolean isLabelValue(String value) {
        return value.isEmpty() || value.length() <= LABEL_MAX && QUALIFIED_NAME.matcher(value).matches();
    }

    /** An IANA service name (RFC 6335): 1 to 15 of {@code [a-z0-9-]}, at least one letter, no double hyphen. */
    public static boolean isIanaServiceName(String name) {
        return name.length() <= PORT_NAME_MAX && DNS1123_LABEL.matcher(name).matches() && !name.contains("--")
                && name.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    }
}
