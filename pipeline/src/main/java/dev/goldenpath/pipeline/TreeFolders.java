package dev.goldenpath.pipeline;

import dev.goldenpath.tree.RenderedTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Rendered trees on disk: a folder read back as a tree (the previous render, a checkout), and the removal of the
 * files a render no longer produces. Paths are '/'-separated and relative; {@code .git} is never part of a tree.
 *
 * <pre>{@code
 * RenderedTree last = TreeFolders.read(Path.of("target/goldenpath/acme"));
 * int removed = TreeFolders.removeOthers(Path.of("target/goldenpath/acme"), tree.paths());
 * }</pre>
 */
public final class TreeFolders {

    private TreeFolders() {
    }

    /** Every regular file below {@code folder} (skipping {@code .git}), by relative path; empty when it does not exist. */
    public static SortedMap<String, Path> files(Path folder) {
        SortedMap<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (!relative.equals(".git") && !relative.startsWith(".git/")) {
                    files.put(relative, file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + folder, e);
        }
        return files;
    }

    /** The files below {@code folder} as a tree (empty when it does not exist). */
    public static RenderedTree read(Path folder) {
        RenderedTree.Builder tree = RenderedTree.builder();
        try {
            for (var file : files(folder).entrySet()) {
                tree.add(file.getKey(), Files.readAllBytes(file.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + folder, e);
        }
        return tree.build();
    }

    /** Deletes the files below {@code folder} not in {@code keep}, then the folders left empty; returns how many files. */
    public static int removeOthers(Path folder, Set<String> keep) {
        int removed = 0;
        try {
            for (var file : files(folder).entrySet()) {
                if (!keep.contains(file.getKey())) {
                    Files.delete(file.getValue());
                    removed++;
                }
            }
            if (!Files.isDirectory(folder)) {
                return removed;
            }
            List<Path> folders;
            try (Stream<Path> walk = Files.walk(folder)) {
                folders = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
            }
            for (Path candidate : folders) {
                if (!candidate.equals(folder)) {
                    try (Stream<Path> entries = Files.list(candidate)) {
                        if (entries.findAny().isEmpty()) {
                            Files.delete(candidate);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean " + folder, e);
        }
        return removed;
    }
}
