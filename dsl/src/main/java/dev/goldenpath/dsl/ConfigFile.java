package dev.goldenpath.dsl;

/**
 * A config file an app reads: rendered into the app's immutable ConfigMap, whose name carries a hash of its content (a
 * change rolls the pods, Argo CD prunes the old one), and mounted read-only at exactly this path.
 *
 * @param path    the absolute path the file appears at in the container
 * @param content the file's text (empty when it could not be read, see {@code reading})
 * @param origin  where the content came from, for messages: {@code text}, or {@code classpath:<resource>}
 * @param reading whether the content could be read as text; anything but {@link Reading#TEXT} is a violation
 */
public record ConfigFile(String path, String content, String origin, Reading reading) {

    /** A file with this text, given in the spec. */
    public ConfigFile(String path, String content, String origin) {
        this(path, content, origin, Reading.TEXT);
    }

    /** What came of reading the content. */
    public enum Reading {
        /** The content is text (given as a string, or a resource that is valid UTF-8). */
        TEXT,
        /** The classpath resource does not exist for the class loader that read it. */
        RESOURCE_NOT_FOUND,
        /** The classpath resource is not valid UTF-8: a binary file. */
        NOT_UTF8
    }
}
