package dev.goldenpath.generators.metadata;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fabric8 model objects made directly, for the generators' hot paths. A fabric8 builder copies every nested object
 * into a nested builder and back when it builds: for the objects every app instance gets (its NetworkPolicy, pod,
 * containers, Role) that was three quarters of generating them and most of what they allocated
 * (docs/benchmarks.md, issue 18). What these helpers make is what the builders made: fresh objects, mutable
 * collections of their own in the order given (a platform generator may still change any of them), nothing shared.
 */
public final class Models {

    private Models() {
    }

    /**
     * Metadata with a name, a namespace (null for none), and copies of these labels and annotations (null leaves the
     * empty map a new {@code ObjectMeta} has, as a builder not given them does).
     */
    public static ObjectMeta meta(String name, String namespace, Map<String, String> labels,
                                  Map<String, String> annotations) {
        ObjectMeta meta = new ObjectMeta();
        meta.setName(name);
        meta.setNamespace(namespace);
        if (labels != null) {
            meta.setLabels(new LinkedHashMap<>(labels));
        }
        if (annotations != null) {
            meta.setAnnotations(new LinkedHashMap<>(annotations));
        }
        return meta;
    }

    /** A selector of these labels. */
    public static LabelSelector matchLabels(Map<String, String> labels) {
        LabelSelector selector = new LabelSelector();
        selector.setMatchLabels(map(labels));
        return selector;
    }

    /** A mutable copy in the same order; null for null (a builder given null keeps null too). */
    public static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? null : new LinkedHashMap<>(map);
    }

    /** A mutable copy in the same order. */
    public static <T> List<T> list(List<T> list) {
        return new ArrayList<>(list);
    }

    /** A mutable list of these values. */
    @SafeVarargs
    public static <T> List<T> list(T... values) {
        return new ArrayList<>(List.of(values));
    }
}
