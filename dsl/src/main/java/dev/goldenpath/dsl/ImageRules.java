package dev.goldenpath.dsl;

import java.util.regex.Pattern;

/**
 * Image references: pinned by tag or digest, never {@code latest} (a mutable tag makes a deployment
 * irreproducible). The grammar is {@link ImageReference}'s; this class reports what it finds.
 */
record ImageRules(Problems problems) {

    /** A tag as the distribution project's reference grammar allows it. */
    private static final Pattern TAG = Pattern.compile("^[\\w][\\w.-]{0,127}$");

    /** A whole image reference, e.g. an app's image or the baseline's Falco image. */
    void image(FieldPath path, String image) {
        ImageReference.problem(image).ifPresent(p -> problems.add(path, image, p[0], p[1]));
    }

    /** A tag that replaces the tag of an app's image in one environment. */
    void tag(FieldPath path, String tag) {
        if (!TAG.matcher(tag).matches()) {
            problems.add(path, tag, "an image tag is 1 to 128 letters, digits, '_', '.' and '-'", "use e.g. '1.4.3'");
        } else if (tag.equals("latest")) {
            problems.add(path, tag, "the tag 'latest' is mutable: deployments would not be reproducible",
                    "use a version tag");
        }
    }
}
