package dev.goldenpath.cli;

import dev.goldenpath.tree.RenderedTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * How a rendered tree differs from a GitOps checkout: the files a publish would add, change and remove.
 * Removal follows the publisher's rule: only files it owns (listed in {@code .goldenpath/owned/<publisher-id>.txt}
 * of the checkout) are removed; without that record, the files in the folders the tree writes to.
 *
 * @param added   paths (relative to the root) the checkout does not have
 * @param changed paths whose content differs
 * @param removed paths the checkout has and the tree no longer renders
 */
record TreeDiff(List<String> added, List<String> changed, List<String> removed) {

    TreeDiff {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /**
     * Compares {@code tree} with {@code checkout/root}.
     *
     * @param publisherId the publisher whose ownership record decides what counts as removed
     */
    static TreeDiff between(RenderedTree tree, Path checkout, String root, String publisherId) {
        Path base = root.isEmpty() ? checkout : checkout.resolve(root);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        tree.forEach((path, bytes) -> {
            Path file = base.resolve(path);
            if (!Files.isRegularFile(file)) {
                added.add(path);
            } else if (!Arrays.equals(read(file), bytes)) {
                changed.add(path);
            }
        });
        List<String> removed = new ArrayList<>();
        for (String path : owned(tree, checkout, base, root, publisherId)) {
            if (!tree.contains(path) && Files.isRegularFile(base.resolve(path))) {
                removed.add(path);
            }
        }
        return new TreeDiff(added, changed, removed);
    }

    /** The paths (relative to the root) the publisher owns in the checkout. */
    private static Set<String> owned(RenderedTree tree, Path checkout, Path base, String root, String publisherId) {
        Path record = checkout.resolve(".goldenpath/owned/" + publisherId + ".txt");
        Set<String> owned = new TreeSet<>();
        if (Files.isRegularFile(record)) {
            String prefix = root.isEmpty() ? "" : root + "/";
            new String(read(record), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && line.startsWith(prefix))
                    .forEach(line -> owned.add(line.substring(prefix.length())));
            return owned;
        }
        Set<String> folders = new TreeSet<>();
        for (String path : tree.paths()) {
            int slash = path.indexOf('/');
            folders.add(slash < 0 ? path : path.substring(0, slash + 1));
        }
        SortedMap<String, Path> files = Folders.files(base);
        for (String path : files.keySet()) {
            int slash = path.indexOf('/');
            if (folders.contains(slash < 0 ? path : path.substring(0, slash + 1))) {
                owned.add(path);
            }
        }
        return owned;
    }

    boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /** One {@code A}, {@code M} or {@code D} line per file, sorted by path, like {@code git status --short}. */
    String status() {
        java.util.TreeMap<String, Character> all = new java.util.TreeMap<>();
        added.forEach(path -> all.put(path, 'A'));
        changed.forEach(path -> all.put(path, 'M'));
        removed.forEach(path -> all.put(path, 'D'));
        StringBuilder text = new StringBuilder();
        all.forEach((path, status) -> text.append(status).append(' ').append(path).append('\n'));
        return text.toString();
    }

    /** Every difference as a unified diff, file by file in path order. */
    String unified(RenderedTree tree, Path checkout, String root) {
        Path base = root.isEmpty() ? checkout : checkout.resolve(root);
        TreeSet<String> paths = new TreeSet<>(added);
        paths.addAll(changed);
        paths.addAll(removed);
        StringBuilder text = new StringBuilder();
        for (String path : paths) {
            boolean before = !added.contains(path);
            boolean after = !removed.contains(path);
            String old = before ? new String(read(base.resolve(path)), StandardCharsets.UTF_8) : "";
            String now = after ? tree.text(path).orElseThrow() : "";
            text.append(UnifiedDiff.of(path, old, now, before, after));
        }
        return text.toString();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
