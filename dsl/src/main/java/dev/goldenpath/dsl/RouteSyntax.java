package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.NameSyntax;
import java.util.regex.Pattern;

/**
 * The grammar of exposed hosts and path prefixes: what the Gateway API's HTTPRoute and the Ingress API both accept,
 * minus what reads differently in different controllers (wildcards, regular expressions, dot segments).
 */
final class RouteSyntax {

    /** The longest path an HTTPRoute match holds (its CRD's {@code maxLength}). */
    static final int PATH_MAX = 1024;

    /**
     * Segments of unreserved characters (RFC 3986: letters, digits, {@code -._~}). Everything else is refused: ingress
     * controllers read {@code * ( ) [ ] + $ ^ | ? { }} as a regular expression once any Ingress of the class asks for
     * regex paths (ingress-nginx {@code use-regex}), and percent-encoded or reserved characters match differently in
     * different controllers.
     */
    private static final Pattern PATH = Pattern.compile("^(/[A-Za-z0-9._~-]+)+$");

    private RouteSyntax() {
    }

    /** Why the host is not a name an app may expose, or null when it is one. */
    static String hostProblem(String host) {
        if (host.isEmpty()) {
            return "must not be empty";
        }
        if (host.startsWith("*")) {
            return "a wildcard host is refused: it would claim every name below it, including other apps' hosts";
        }
        if (host.length() > NameSyntax.SUBDOMAIN_MAX) {
            return "must be at most 253 characters (a DNS name), is " + host.length();
        }
        if (!NameSyntax.DNS1123_SUBDOMAIN.matcher(host).matches()) {
            return "must be a lowercase DNS name: labels of letters, digits and '-', starting and ending with a letter or"
                    + " digit, separated by '.'";
        }
        String[] labels = host.split("\\.");
        for (String label : labels) {
            if (label.length() > 63) {
                return "each label must be at most 63 characters, '" + label.substring(0, 20) + "…' is " + label.length();
            }
        }
        if (labels.length < 2) {
            return "must be a fully qualified name (at least one '.'): a bare name resolves differently on every network";
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return "an IP address is not a host name (the Gateway API and TLS certificates need a DNS name)";
        }
        return null;
    }

    /** Why the path prefix is not one an app may route, or null when it is one. */
    static String pathProblem(String prefix) {
        if (!prefix.startsWith("/")) {
            return "must start with '/'";
        }
        if (prefix.equals("/")) {
            return null;
        }
        if (prefix.length() > PATH_MAX) {
            return "must be at most " + PATH_MAX + " characters, is " + prefix.length();
        }
        if (prefix.endsWith("/")) {
            return "must not end with '/': a prefix matches whole path segments, so '" + prefix.replaceAll("/+$", "")
                    + "' already covers '" + prefix + "' and everything below it";
        }
        if (prefix.contains("//")) {
            return "must not hold an empty segment ('//')";
        }
        for (String segment : prefix.substring(1).split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return "must not hold a '.' or '..' segment: it would be resolved differently by clients and controllers";
            }
        }
        if (!PATH.matcher(prefix).matches()) {
            return "may hold only letters, digits and '-', '.', '_', '~' between slashes: no regular expression, no"
                    + " percent-encoding, no query";
        }
        return null;
    }
}
