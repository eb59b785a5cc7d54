package dev.goldenpath.secrets.external;

import java.util.List;
import java.util.regex.Pattern;

/** apimachinery name rules, as the external-secrets CRDs also state them in their patterns. */
final class Names {

    static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private Names() {
    }

    static void check(String namespace, String name, List<String> problems) {
        if (namespace != null && (namespace.length() > 63 || !DNS1123_LABEL.matcher(namespace).matches())) {
            problems.add("namespace '" + namespace + "' is not a DNS-1123 label");
        }
        checkName("name", name, problems);
    }

    static void checkName(String what, String name, List<String> problems) {
        if (name == null || name.length() > 253 || !DNS1123_SUBDOMAIN.matcher(name).matches()) {
            problems.add(what + " '" + name + "' is not a DNS-1123 subdomain");
        }
    }
}
