package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.ImageReference;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Image references: pinned by tag or digest, never {@code latest} (a mutable tag makes a deployment
 * irreproducible). The grammar, and which digests pin, are {@link ImageReference}'s; this class reports what it finds.
 */
record ImageRules(Problems problems) {

    /** A tag as the distribution project's reference grammar allows it. */
    private static final Pattern TAG = Pattern.compile("^[\\w][\\w.-]{0,127}$");

    /** A whole image reference, e.g. an app's image or the baseline's Falco image. */
    void image(FieldPath path, String image) {
        Optional<ImageReference> reference = ImageReference.strict(image);
        if (image.isEmpty()) {
            problems.add(ViolationCode.IMAGE_MISSING, path, image, "an image is required",
                    "set .image(\"registry.example.com/team/app:1.2.3\")");
        } else if (reference.isEmpty()) {
            problems.add(ViolationCode.IMAGE_INVALID, path, image,
                    "image reference must match [registry/]path[:tag][@sha256:digest]",
                    "use lowercase path components, e.g. registry.example.com/team/app:1.2.3");
        } else if (reference.get().tag().equals("latest")) {
            problems.add(ViolationCode.IMAGE_LATEST_TAG, path, image,
                    "the tag 'latest' is mutable: deployments would not be reproducible",
                    "use a version tag or pin by digest (@sha256:...)");
        } else if (reference.get().tag().isEmpty() && reference.get().digest().isEmpty()) {
            problems.add(ViolationCode.IMAGE_UNPINNED, path, image, "an image without tag or digest means 'latest'",
                    "add a version tag (:1.2.3) or a digest (@sha256:...)");
        }
    }

    /** A tag that replaces the tag of an app's image in one environment. */
    void tag(FieldPath path, String tag) {
        if (!TAG.matcher(tag).matches()) {
            problems.add(ViolationCode.IMAGE_TAG_INVALID, path, tag,
                    "an image tag is 1 to 128 letters, digits, '_', '.' and '-'", "use e.g. '1.4.3'");
        } else if (tag.equals("latest")) {
            problems.add(ViolationCode.IMAGE_LATEST_TAG, path, tag,
                    "the tag 'latest' is mutable: deployments would not be reproducible", "use a version tag");
        }
    }

    /** The image with another tag; a digest is dropped because it pinned the old tag. */
    static String withTag(String image, String tag) {
        return ImageReference.strict(image).map(reference -> reference.withTag(tag).toString())
                .orElse(image + ":" + tag);
    }
}
