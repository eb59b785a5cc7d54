package dev.goldenpath.generators;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Exemption;
import dev.goldenpath.dsl.Platform;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The labels and annotations every rendered object carries. Kubernetes' recommended labels
 * ({@code app.kubernetes.io/*}) let tools group objects; {@code owner}, {@code environment} and {@code app}
 * are the labels the platform's admission policy requires (the reference K8sRequiredLabels constraint).
 */
public final class Labels {

    /** The label that selects an app's pods: stable for the app's whole life, because selectors are immutable. */
    public static final String NAME = "app.kubernetes.io/name";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String VERSION = "app.kubernetes.io/version";
    public static final String OWNER = "owner";
    public static final String ENVIRONMENT = "environment";
    public static final String APP = "app";
    public static final String MANAGER = "goldenpath";
    /** Annotation with the owning team's contact. */
    public static final String CONTACT = "goldenpath.dev/owner-contact";
    /** Prefix of the annotation that records a declared weakening: {@code exception.goldenpath.dev/<rule-id>}. */
    public static final String EXCEPTION_PREFIX = "exception.goldenpath.dev/";

    private static final Pattern LABEL_VALUE = Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");

    private Labels() {
    }

    /** The labels a selector uses for the app's pods. */
    public static Map<String, String> selector(AppInstance instance) {
        return Map.of(NAME, instance.name());
    }

    /** Labels of every object of an app: recommended, required, then the app's own. */
    public static Map<String, String> of(Platform platform, AppInstance instance) {
        Map<String, String> labels = new TreeMap<>(instance.app().metadata().labels());
        labels.put(NAME, instance.name());
        labels.put(PART_OF, platform.name());
        labels.put(MANAGED_BY, MANAGER);
        labels.put(OWNER, instance.team().name());
        labels.put(ENVIRONMENT, instance.environment().name());
        labels.put(APP, instance.name());
        return labels;
    }

    /**
     * Labels of the Deployment and its pods: {@link #of} plus the version. Kept off other objects so that a
     * release changes as few files as possible.
     */
    public static Map<String, String> versioned(Platform platform, AppInstance instance) {
        Map<String, String> labels = new TreeMap<>(of(platform, instance));
        version(instance.image()).ifPresent(v -> labels.put(VERSION, v));
        return labels;
    }

    /** The app's own annotations plus the team contact. */
    public static Map<String, String> annotations(AppInstance instance) {
        Map<String, String> annotations = new TreeMap<>(instance.app().metadata().annotations());
        if (!instance.team().contact().isEmpty()) {
            annotations.put(CONTACT, instance.team().contact());
        }
        return annotations;
    }

    /** {@link #annotations} plus one {@code exception.goldenpath.dev/<rule-id>} annotation per declared weakening. */
    public static Map<String, String> annotationsWithExemptions(AppInstance instance) {
        Map<String, String> annotations = annotations(instance);
        for (Exemption exemption : instance.app().exemptions()) {
            // DSL-only rule ids (e.g. egress-anywhere) are no lint rules: an annotation naming one would be refused.
            for (String ruleId : exemption.weakening().lintRuleIds()) {
                annotations.put(EXCEPTION_PREFIX + ruleId, exemption.reason());
            }
        }
        return annotations;
    }

    /** The image tag when it is a valid label value. */
    static Optional<String> version(String image) {
        int at = image.indexOf('@');
        String withoutDigest = at >= 0 ? image.substring(0, at) : image;
        int colon = withoutDigest.lastIndexOf(':');
        if (colon < 0 || withoutDigest.indexOf('/', colon) >= 0) {
            return Optional.empty();
        }
        String tag = withoutDigest.substring(colon + 1);
        return tag.length() <= 63 && LABEL_VALUE.matcher(tag).matches() ? Optional.of(tag) : Optional.empty();
    }
}
