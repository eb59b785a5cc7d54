package dev.goldenpath.dsl;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Container image references, by the grammar of the distribution project's {@code reference} package:
 * {@code [registry[:port]/]path[:tag][@sha256:<64 hex>]}.
 */
final class ImageReference {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String DOMAIN_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_PART + "(?:\\." + DOMAIN_PART + ")*(?::[0-9]+)?)";
    private static final Pattern REFERENCE = Pattern.compile(
            "^(?:(?<domain>" + DOMAIN + ")/)?(?<path>" + COMPONENT + "(?:/" + COMPONENT + ")*)"
                    + "(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@(?<digest>sha256:[a-f0-9]{64}))?$");

    private ImageReference() {
    }

    /** The problem with this reference, or empty when it is valid and pinned by tag or digest. */
    static Optional<String[]> problem(String image) {
        Matcher m = REFERENCE.matcher(image);
        if (image.isEmpty()) {
            return Optional.of(new String[] {"an image is required",
                    "set .image(\"registry.example.com/team/app:1.2.3\")"});
        }
        if (image.length() > 4096 || !m.matches()) {
            return Optional.of(new String[] {"image reference must match [registry/]path[:tag][@sha256:digest]",
                    "use lowercase path components, e.g. registry.example.com/team/app:1.2.3"});
        }
        String tag = m.group("tag");
        String digest = m.group("digest");
        if ("latest".equals(tag)) {
            return Optional.of(new String[] {"the tag 'latest' is mutable: deployments would not be reproducible",
                    "use a version tag or pin by digest (@sha256:...)"});
        }
        if (tag == null && digest == null) {
            return Optional.of(new String[] {"an image without tag or digest means 'latest'",
                    "add a version tag (:1.2.3) or a digest (@sha256:...)"});
        }
        return Optional.empty();
    }

    /** The tag, if the reference has one. */
    static Optional<String> tag(String image) {
        Matcher m = REFERENCE.matcher(image);
        return m.matches() ? Optional.ofNullable(m.group("tag")) : Optional.empty();
    }

    /** The same repository with another tag; a digest is dropped because it pinned the old tag. */
    static String withTag(String image, String tag) {
        Matcher m = REFERENCE.matcher(image);
        if (!m.matches()) {
            return image + ":" + tag;
        }
        String domain = m.group("domain");
        return (domain == null ? "" : domain + "/") + m.group("path") + ":" + tag;
    }
}
