package dev.goldenpath.dsl;

/**
 * A config file an app reads: rendered into an immutable ConfigMap whose name carries a hash of the content (a change
 * rolls the pods, Argo CD prunes the old one) and mounted read-only.
 *
 * @param path    the absolute path the file appears at in the container
 * @param content the file's text
 * @param origin  where the content came from, for messages ({@code text} or {@code classpath:<resource>})
 */
public record ConfigFile(String path, String content, String origin) {
}
