package dev.goldenpath.lint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The field paths at which the cross-object rules report (network policy coverage, default deny, service account
 * tokens), as a tree of path segments that {@link YamlComposer} follows while it reads a document, recording the
 * lines of these paths only.
 *
 * <p>Why: the linter streams documents and drops each tree once its object is checked, but whether a cross-object
 * rule fires is known only when the whole input is read. The line each of those findings would point at is taken
 * while the document is read the first time, at the cost of a map lookup per key on these few paths, instead of
 * reading every workload a second time for its line index. {@code items[N]} leads back to the root: the objects of
 * a List report at the same paths below their item.
 */
final class SitePaths {

    /** Where pod templates live: {@link KubeObject.PodTemplate}'s kinds and custom resources. */
    private static final List<String> TEMPLATES = List.of("", "spec.template.", "spec.jobTemplate.spec.template.",
            "template.", "spec.jobTargetRef.template.");

    static final SitePaths ROOT = build();

    private final Map<String, SitePaths> children = new HashMap<>();
    private SitePaths element;

    private SitePaths() {
    }

    private static SitePaths build() {
        SitePaths root = new SitePaths();
        root.add("metadata.name");
        root.add("metadata.namespace");
        for (String template : TEMPLATES) {
            root.add(template + "metadata.labels");
            root.add(template + "spec.automountServiceAccountToken");
        }
        SitePaths items = new SitePaths();
        root.children.put("items", items);
        items.element = root;
        return root;
    }

    private void add(String path) {
        SitePaths node = this;
        for (String segment : path.split("\\.")) {
            node = node.children.computeIfAbsent(segment, key -> new SitePaths());
        }
    }

    /** The paths below a mapping key, or {@code null} when none of them passes there. */
    SitePaths child(String key) {
        return children.get(key);
    }

    /** The paths below any element of a sequence, or {@code null}. */
    SitePaths element() {
        return element;
    }

    /**
     * Whether {@code path} (as {@link FieldPaths} writes it) and all its parents are on these paths, so that their
     * lines were recorded. Anything unusual (bracketed keys) is not covered: the caller then reads the full index.
     */
    boolean covers(String path) {
        SitePaths node = this;
        int position = 0;
        int length = path.length();
        while (position < length && node != null) {
            char c = path.charAt(position);
            if (c == '[') {
                int close = path.indexOf(']', position);
                if (close < 0 || !digits(path, position + 1, close)) {
                    return false;
                }
                node = node.element;
                position = close + 1;
            } else {
                if (c == '.') {
                    if (position == 0) {
                        return false;
                    }
                    position++;
                }
                int end = position;
                while (end < length && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == position) {
                    return false;
                }
                node = node.children.get(path.substring(position, end));
                position = end;
            }
        }
        return node != null;
    }

    private static boolean digits(String text, int start, int end) {
        if (start >= end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
