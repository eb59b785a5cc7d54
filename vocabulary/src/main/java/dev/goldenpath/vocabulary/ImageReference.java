package dev.goldenpath.vocabulary;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container image reference, {@code [domain[:port]/]path[:tag][@digest]}, split as the container runtime reads it.
 *
 * <p>{@link #parse} splits any text (images in foreign YAML are read as they are); {@link #strict} accepts only
 * references of the distribution project's {@code reference} grammar (lowercase path components, a tag of 1 to 128
 * word characters, '.' and '-') whose digest, if any, {@link #pinned() pins}.
 *
 * <p>Pinning follows the OCI image specification ("Digests"): a digest is {@code algorithm ":" encoded} with
 * {@code algorithm ::= [a-z0-9]+ ([+._-] [a-z0-9]+)*} and {@code encoded ::= [a-zA-Z0-9=_-]+}, and for the registered
 * algorithms the encoded part MUST be lowercase hex of the algorithm's length: {@code sha256} 64, {@code sha512} 128.
 * Only such a digest pins an image: a runtime verifies the content against it. Text that merely fits the general
 * grammar (an unregistered algorithm, or {@code sha256:abc}) names no verifiable content, so it does not pin.
 *
 * <pre>{@code
 * ImageReference image = ImageReference.parse("registry.example.com:5000/team/app:1.4.2");
 * image.registry();   // registry.example.com:5000
 * image.tag();        // 1.4.2
 * image.pinned();     // false: no digest
 * }</pre>
 *
 * @param domain the registry host (and port) as written; empty when the reference names none (Docker Hub)
 * @param path   the repository path inside the registry
 * @param tag    the tag; empty when there is none
 * @param digest the digest as written after '@'; empty when there is none
 */
public record ImageReference(String domain, String path, String tag, String digest) {

    /** Where a reference without a domain comes from (distribution's {@code defaultDomain}). */
    public static final String DOCKER_HUB = "docker.io";

    /** The OCI image specification's digest grammar. */
    private static final Pattern DIGEST = Pattern.compile("^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$");
    /** The registered algorithms' encodings (OCI image specification, "Registered algorithms"). */
    private static final Pattern REGISTERED_DIGEST = Pattern.compile("^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$");
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*(?::[0-9]+)?)";
    private static final Pattern REFERENCE = Pattern.compile(
            "^(?:(?<domain>" + DOMAIN + ")/)?(?<path>" + COMPONENT + "(?:/" + COMPONENT + ")*)"
                    + "(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@(?<digest>[^@]+))?$");
    /** Longer references are refused before any pattern runs. */
    private static final int MAX_LENGTH = 4096;

    public ImageReference {
        java.util.Objects.requireNonNull(domain, "domain");
        java.util.Objects.requireNonNull(path, "path");
        java.util.Objects.requireNonNull(tag, "tag");
        java.util.Objects.requireNonNull(digest, "digest");
    }

    /**
     * Splits any reference. The first path component is a domain when it holds a '.' or a ':', is {@code localhost}
     * or holds an uppercase letter (distribution's {@code ParseNormalizedNamed}); a ':' after the last '/' starts the
     * tag, an '@' the digest.
     */
    public static ImageReference parse(String image) {
        String rest = image;
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = "";
        int colon = rest.lastIndexOf(':');
        // A colon before the last slash belongs to the registry's port, not to a tag.
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String domain = "";
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.toLowerCase(Locale.ROOT).equals(first)) {
                domain = first;
                rest = rest.substring(slash + 1);
            }
        }
        return new ImageReference(domain, rest, tag, digest);
    }

    /**
     * The reference when it keeps the distribution grammar and any digest it has pins (see the class comment);
     * empty otherwise.
     */
    public static Optional<ImageReference> strict(String image) {
        if (image.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(image);
        if (!m.matches() || m.group("digest") != null && !pins(m.group("digest"))) {
            return Optional.empty();
        }
        return Optional.of(new ImageReference(text(m.group("domain")), m.group("path"), text(m.group("tag")),
                text(m.group("digest"))));
    }

    /** {@code true} when the text is a digest by the OCI grammar, registered algorithm or not. */
    public static boolean isDigest(String digest) {
        return DIGEST.matcher(digest).matches();
    }

    /** {@code true} when the digest is one of a registered algorithm in its required encoding: it pins content. */
    public static boolean pins(String digest) {
        return REGISTERED_DIGEST.matcher(digest).matches();
    }

    /** {@code true} when the reference is pinned by a digest that names exactly one image (see {@link #pins}). */
    public boolean pinned() {
        return pins(digest);
    }

    /** The registry the image comes from: its domain, or {@link #DOCKER_HUB} when it names none. */
    public String registry() {
        return domain.isEmpty() ? DOCKER_HUB : domain;
    }

    /** The repository with its domain as written: the reference without tag and digest. */
    public String repository() {
        return domain.isEmpty() ? path : domain + "/" + path;
    }

    /** The same repository with another tag; a digest is dropped because it pinned the old tag. */
    public ImageReference withTag(String newTag) {
        return new ImageReference(domain, path, newTag, "");
    }

    /** The reference as text: {@code [domain/]path[:tag][@digest]}. */
    @Override
    public String toString() {
        return repository() + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }

    private static String text(String groupOrNull) {
        return groupOrNull == null ? "" : groupOrNull;
    }
}
