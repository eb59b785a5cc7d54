package dev.goldenpath.pipeline;

import java.util.List;
import java.util.TreeMap;

/**
 * What a publish would change under its root: files added, changed and removed, paths relative to the root.
 *
 * @param added   paths the checkout does not have
 * @param changed paths whose content differs
 * @param removed paths the publisher owns there and the tree no longer renders
 */
public record Changes(List<String> added, List<String> changed, List<String> removed) {

    public Changes {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** True when a publish would change nothing. */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /** One {@code A}, {@code M} or {@code D} line per file, sorted by path, like {@code git status --short}. */
    public String status() {
        TreeMap<String, Character> all = new TreeMap<>();
        added.forEach(path -> all.put(path, 'A'));
        changed.forEach(path -> all.put(path, 'M'));
        removed.forEach(path -> all.put(path, 'D'));
        StringBuilder text = new StringBuilder();
        all.forEach((path, status) -> text.append(status).append(' ').append(path).append('\n'));
        return text.toString();
    }
}
