package dev.goldenpath.generators.metadata;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.DeclaredWeakening;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.vocabulary.Annotations;
import dev.goldenpath.vocabulary.ImageReference;
import dev.goldenpath.vocabulary.LabelKeys;
import dev.goldenpath.vocabulary.NameSyntax;
import dev.goldenpath.vocabulary.RuleId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The labels and annotations every rendered object carries. Kubernetes' recommended labels
 * ({@code app.kubernetes.io/*}) let tools group objects; {@code owner}, {@code environment} and {@code app}
 * are the labels the platform's admission policy requires (the reference K8sRequiredLabels constraint).
 */
public final class Labels {

    // The keys are the shared vocabulary's (LabelKeys, Annotations); these names stay for the generators' callers.
    /** The label that selects an app's pods: stable for the app's whole life, because selectors are immutable. */
    public static final String NAME = LabelKeys.NAME;
    public static final String PART_OF = LabelKeys.PART_OF;
    public static final String MANAGED_BY = LabelKeys.MANAGED_BY;
    public static final String VERSION = LabelKeys.VERSION;
    public static final String OWNER = LabelKeys.OWNER;
    public static final String ENVIRONMENT = LabelKeys.ENVIRONMENT;
    public static final String APP = LabelKeys.APP;
    public static final String MANAGER = LabelKeys.MANAGER;
    /** Annotation with the owning team's contact. */
    public static final String CONTACT = Annotations.OWNER_CONTACT;
    /** Prefix of the annotation that records a declared weakening: {@code weakening.goldenpath.dev/<rule-id>}. */
    public static final String WEAKENING_PREFIX = Annotations.WEAKENING_PREFIX;

    private Labels() {
    }

    /** The labels a selector uses for the app's pods. */
    public static Map<String, String> selector(AppInstance instance) {
        return Map.of(NAME, instance.name());
    }

    /** Labels of every object of an app: recommended, required, then the app's own. */
    public static Map<String, String> of(Platform platform, AppInstance instance) {
        Map<String, String> labels = new TreeMap<>(instance.app().metadata().labels());
        labels.putAll(LabelKeys.recommended(instance.name(), platform.name()));
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

    /** {@link #annotations} plus one {@code weakening.goldenpath.dev/<rule-id>} annotation per declared weakening. */
    public static Map<String, String> annotationsWithWeakenings(AppInstance instance) {
        Map<String, String> annotations = annotations(instance);
        for (DeclaredWeakening weakening : instance.app().weakenings()) {
            // DSL-only rule ids (e.g. egress-anywhere) are no lint rules: an annotation naming one would be refused.
            weakening.weakening().rules().stream().filter(RuleId::isLintRule)
                    .forEach(rule -> annotations.put(rule.weakeningAnnotation(), weakening.reason()));
        }
        return annotations;
    }

    /** The image tag when it is a valid label value. */
    static Optional<String> version(String image) {
        String tag = ImageReference.parse(image).tag();
        return !tag.isEmpty() && NameSyntax.isLabelValue(tag) ? Optional.of(tag) : Optional.empty();
    }
}
