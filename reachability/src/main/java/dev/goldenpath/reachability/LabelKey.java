package dev.goldenpath.reachability;

/**
 * One label in one namespace, the key of the label indexes ({@link PolicyIndex}, {@link SourceIndex}): a record, so
 * that a lookup for every label of every pod costs a small object, not a joined string.
 *
 * @param namespace the namespace, or {@code ""} for the labels of namespaces themselves
 * @param key       the label's key
 * @param value     the label's value
 */
record LabelKey(String namespace, String key, String value) {
}
