package dev.goldenpath.dsl;

import java.util.Map;

/**
 * The labels and annotations an app adds to every one of its objects, next to those goldenpath sets.
 *
 * @param labels      extra labels
 * @param annotations extra annotations
 */
public record Metadata(Map<String, String> labels, Map<String, String> annotations) {

    public Metadata {
        labels = Copies.sortedMap(labels);
        annotations = Copies.sortedMap(annotations);
    }
}
