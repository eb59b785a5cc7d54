package dev.goldenpath.tree;

/** Rules for the relative paths a {@link RenderedTree} may hold. */
final class Paths {

    private Paths() {
    }

    /**
     * Returns the path when it is a normalized relative path ({@code a/b/c.yaml}); throws otherwise.
     * Refusing absolute paths, backslashes and dot segments keeps every writer inside its folder.
     */
    static String checkRelative(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("a rendered path must not be empty");
        }
        if (path.startsWith("/") || path.endsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + path
                    + "' is not a relative path: use '/' separators, no leading or trailing '/', no backslash");
        }
        // Segment by segment in place: every file of every render comes through here.
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            int length = end - start;
            if (length == 0 || path.charAt(start) == '.' && (length == 1 || length == 2 && path.charAt(start + 1) == '.')) {
                throw new IllegalArgumentException("'" + path + "' has an empty, '.' or '..' segment");
            }
            start = end + 1;
        }
        return path;
    }
}
