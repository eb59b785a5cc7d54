package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.NameSyntax;
import java.util.regex.Pattern;

/** Kubernetes' name and label syntax (apimachinery {@code pkg/util/validation}). */
final class Names {

    // The grammars are the shared vocabulary's; this class words the DSL's messages about them.
    static final Pattern DNS1123_LABEL = NameSyntax.DNS1123_LABEL;
    static final Pattern DNS1035_LABEL = NameSyntax.DNS1035_LABEL;
    static final Pattern DNS1123_SUBDOMAIN = NameSyntax.DNS1123_SUBDOMAIN;
    static final Pattern QUALIFIED_NAME = NameSyntax.QUALIFIED_NAME;
    static final Pattern ENV_VAR_NAME = Pattern.compile("^[-._a-zA-Z][-._a-zA-Z0-9]*$");
    static final Pattern CAPABILITY = Pattern.compile("^[A-Z][A-Z_]*[A-Z]$");
    static final Pattern INT_OR_PERCENT = Pattern.compile("^(0|[1-9][0-9]{0,8})%?$");

    private Names() {
    }

    /** Why the name is not a DNS-1123 label (max 63), or null when it is one. */
    static String dns1123Label(String name) {
        if (name.isEmpty()) {
            return "must not be empty";
        }
        if (name.length() > 63) {
            return "must be at most 63 characters (DNS-1123 label), is " + name.length();
        }
        if (!DNS1123_LABEL.matcher(name).matches()) {
            return "must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit";
        }
        return null;
    }

    /** Why the name is not a DNS-1035 label (Service names), or null when it is one. */
    static String dns1035Label(String name) {
        String problem = dns1123Label(name);
        if (problem != null) {
            return problem;
        }
        if (!DNS1035_LABEL.matcher(name).matches()) {
            return "must start with a letter (DNS-1035 label, required for Service names)";
        }
        return null;
    }

    /** Why the key is not a valid label or annotation key ({@code [prefix/]name}), or null. */
    static String qualifiedName(String key) {
        String name = key;
        int slash = key.lastIndexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (!NameSyntax.isDns1123Subdomain(prefix)) {
                return "the prefix before '/' must be a DNS-1123 subdomain of at most 253 characters";
            }
        }
        if (name.isEmpty() || name.length() > 63) {
            return "the name part must be 1 to 63 characters";
        }
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            return "the name part may hold letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
        }
        return null;
    }

    /** Why the value is not a valid label value, or null. */
    static String labelValue(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 63) {
            return "a label value must be at most 63 characters, is " + value.length();
        }
        if (!QUALIFIED_NAME.matcher(value).matches()) {
            return "a label value may hold letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
        }
        return null;
    }

    /** Why the port name is not an IANA service name (max 15, at least one letter), or null. */
    static String portName(String name) {
        if (name.isEmpty() || name.length() > 15) {
            return "a port name must be 1 to 15 characters (IANA service name)";
        }
        if (!DNS1123_LABEL.matcher(name).matches() || name.contains("--")) {
            return "a port name may hold lowercase letters, digits and single '-', starting and ending with a letter or digit";
        }
        if (name.chars().noneMatch(Character::isLetter)) {
            return "a port name must contain at least one letter";
        }
        return null;
    }
}
