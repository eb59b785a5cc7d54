package dev.goldenpath.lint;

/**
 * Field paths in the apimachinery style: {@code spec.template.spec.containers[0].securityContext}. Keys that are
 * not plain identifiers (annotation and label keys) are written in brackets:
 * {@code metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]}. The YAML line index builds its
 * paths with the same functions, so a finding's path finds its line.
 */
final class FieldPaths {

    private FieldPaths() {
    }

    static String child(String parent, String key) {
        if (!plain(key)) {
            return parent + "[" + key + "]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static boolean plain(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' || c == '$';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The path without its last segment, or an empty string. */
    static String parent(String path) {
        int end = path.length();
        if (end == 0) {
            return "";
        }
        if (path.charAt(end - 1) == ']') {
            // Brackets may hold dots (annotation keys): find the matching '['.
            int open = path.lastIndexOf('[');
            return open <= 0 ? "" : path.substring(0, open);
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf(']');
        if (dot < 0 || bracket > dot) {
            return bracket > 0 ? path.substring(0, bracket + 1) : "";
        }
        return path.substring(0, dot);
    }
}
