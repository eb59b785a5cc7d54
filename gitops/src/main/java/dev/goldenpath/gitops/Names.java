package dev.goldenpath.gitops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Validation and derivation of what a publisher is configured with: roots, publisher ids, file-system keys,
 * identities and durations.
 */
final class Names {

    private static final Pattern PUBLISHER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Names() {
    }

    /** A root path: relative, '/'-separated, no empty, '.' or '..' segments; "" or "/" for the repository root. */
    static String root(String root) {
        String trimmed = root.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        if (trimmed.startsWith("/") || trimmed.contains("\\")) {
            throw new IllegalArgumentException("root '" + root + "' must be a relative path with '/' separators");
        }
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.equals(".git")) {
                throw new IllegalArgumentException("root '" + root + "' has an empty, '.', '..' or '.git' segment");
            }
        }
        if (trimmed.equals(".goldenpath") || trimmed.startsWith(".goldenpath/")) {
            throw new IllegalArgumentException("root '" + root + "' is inside .goldenpath/, which holds ownership records");
        }
        return trimmed;
    }

    static String publisherId(String id) {
        if (!PUBLISHER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("publisher id '" + id
                    + "' must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return id;
    }

    /** The default publisher id of a root: its path with '/' as '-', or "root" for the repository root. */
    static String defaultPublisherId(String root) {
        if (root.isEmpty()) {
            return "root";
        }
        String id = root.replace('/', '-').replaceAll("[^A-Za-z0-9._-]", "_");
        id = id.replaceFirst("^[._-]+", "");
        id = id.isEmpty() ? "root" : id;
        return id.length() <= 100 ? id : id.substring(0, 87) + "-" + hash(root).substring(0, 12);
    }

    /** A stable, file-name-safe key: the first 16 hex digits of the SHA-256 of {@code text}. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A readable, file-name-safe label (at most 40 characters) for a cache folder. */
    static String slug(String text) {
        String slug = text.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() <= 40 ? slug : slug.substring(slug.length() - 40);
    }

    /** A commit identity: a one-line name and e-mail without the angle brackets git uses around the e-mail. */
    static void identity(String name, String email) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        if (name.isBlank() || email.isBlank() || (name + email).contains("\n") || (name + email).contains("<")
                || (name + email).contains(">")) {
            throw new IllegalArgumentException("an identity needs a one-line name and e-mail without '<' or '>'");
        }
    }

    /** A duration above zero. */
    static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
