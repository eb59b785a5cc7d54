package dev.goldenpath.generators.extension;

import dev.goldenpath.generators.metadata.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What goldenpath owns on an object, taken before a hook runs and compared after it: the identity (apiVersion, kind,
 * name, namespace: placement, kustomizations and Argo CD projects depend on it), every label goldenpath set (selectors,
 * required labels, ownership), and every annotation in goldenpath's own domains, above all the
 * {@code weakening.goldenpath.dev/<rule>} annotations that turn lint findings into weakened ones. A hook may add labels
 * and annotations of its own; it may not change or remove these, and it may not add a weakening annotation: that
 * would weaken a default without a declared, reasoned weakening. Checked rather than restored, so that a hook never
 * has an effect that silently does not reach the output.
 */
record OwnedMetadata(String apiVersion, String kind, String name, String namespace, Map<String, String> labels,
                     Map<String, String> annotations, Map<String, String> templateLabels,
                     Map<String, String> templateAnnotations) {

    /** Annotation domains that only goldenpath writes. */
    static boolean owned(String annotation) {
        return annotation.startsWith(Labels.WEAKENING_PREFIX) || annotation.startsWith("goldenpath.dev/");
    }

    static OwnedMetadata of(HasMetadata object) {
        ObjectMeta metadata = object.getMetadata();
        ObjectMeta template = PodTemplates.of(object).map(t -> t.getMetadata()).orElse(null);
        return new OwnedMetadata(object.getApiVersion(), object.getKind(),
                metadata == null ? null : metadata.getName(), metadata == null ? null : metadata.getNamespace(),
                labels(metadata), ownedAnnotations(metadata), labels(template), ownedAnnotations(template));
    }

    /** What the hook changed that it may not, one phrase each; empty when it kept everything. */
    List<String> changesIn(HasMetadata after) {
        OwnedMetadata now = of(after);
        List<String> changes = new ArrayList<>();
        same(changes, "apiVersion", apiVersion, now.apiVersion);
        same(changes, "kind", kind, now.kind);
        same(changes, "metadata.name", name, now.name);
        same(changes, "metadata.namespace", namespace, now.namespace);
        kept(changes, "metadata.labels", labels, now.labels);
        exact(changes, "metadata.annotations", annotations, now.annotations);
        kept(changes, "spec.template.metadata.labels", templateLabels, now.templateLabels);
        exact(changes, "spec.template.metadata.annotations", templateAnnotations, now.templateAnnotations);
        return changes;
    }

    private static void same(List<String> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add("changed " + field + " from '" + before + "' to '" + after + "'");
        }
    }

    private static void kept(List<String> changes, String field, Map<String, String> before, Map<String, String> after) {
        before.forEach((key, value) -> {
            if (!after.containsKey(key)) {
                changes.add("removed " + field + "[" + key + "]");
            } else if (!value.equals(after.get(key))) {
                changes.add("changed " + field + "[" + key + "] from '" + value + "' to '" + after.get(key) + "'");
            }
        });
    }

    private static void exact(List<String> changes, String field, Map<String, String> before, Map<String, String> after) {
        kept(changes, field, before, after);
        after.keySet().stream().filter(key -> !before.containsKey(key))
                .forEach(key -> changes.add("added " + field + "[" + key + "]"));
    }

    private static SortedMap<String, String> labels(ObjectMeta metadata) {
        return metadata == null || metadata.getLabels() == null ? new TreeMap<>() : new TreeMap<>(metadata.getLabels());
    }

    private static SortedMap<String, String> ownedAnnotations(ObjectMeta metadata) {
        SortedMap<String, String> owned = new TreeMap<>();
        if (metadata != null && metadata.getAnnotations() != null) {
            metadata.getAnnotations().forEach((key, value) -> {
                if (owned(key)) {
                    owned.put(key, value);
                }
            });
        }
        return owned;
    }
}
