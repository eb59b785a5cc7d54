package dev.goldenpath.reachability;

import java.util.Objects;

/**
 * One label in one namespace, the key of the label indexes ({@link PolicyIndex}, {@link SourceIndex}): a record, so
 * that a lookup for every label of every pod costs a small object, not a joined string.
 *
 * @param namespace the namespace, or {@code ""} for the labels of namespaces themselves
 * @param key       the label's key
 * @param value     the label's value
 */
record LabelKey(String namespace, String key, String value) {

    // Written out, as the records of the hot keys are (docs/architecture.md, "Records as keys").
    @Override
    public boolean equals(Object other) {
        return other instanceof LabelKey that && Objects.equals(namespace, that.namespace) && Objects.equals(key, that.key)
                && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(namespace) * 31 + Objects.hashCode(key)) * 31 + Objects.hashCode(value);
    }
}
