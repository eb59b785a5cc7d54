package dev.goldenpath.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * An immutable, sorted map of relative paths to file contents: everything a render produced, before
 * anything is persisted. Directory writers, approval snapshots and the GitOps publisher all take one.
 *
 * <p>Paths use {@code /} as separator, are relative, and contain no {@code .}, {@code ..} or empty
 * segments, so a tree can never write outside the folder it is written to.
 *
 * <pre>{@code
 * RenderedTree tree = RenderedTree.builder()
 *     .add("apps/prod/payments-api/deployment.yaml", yamlBytes)
 *     .build();
 * tree.writeTo(Path.of("target/gitops"));
 * }</pre>
 */
public final class RenderedTree {

    private static final RenderedTree EMPTY = new RenderedTree(new TreeMap<>());

    private final NavigableMap<String, byte[]> files;

    private RenderedTree(NavigableMap<String, byte[]> files) {
        this.files = files;
    }

    /** A tree with no files. */
    public static RenderedTree empty() {
        return EMPTY;
    }

    /** A builder that collects files; adding the same path twice is an error. */
    public static Builder builder() {
        return new Builder();
    }

    /** All paths, sorted by their natural (UTF-16 code unit) order. */
    public SortedSet<String> paths() {
        return Collections.unmodifiableNavigableSet(files.navigableKeySet());
    }

    /** The number of files. */
    public int size() {
        return files.size();
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    /** A copy of the file's bytes, or empty when the tree has no such path. */
    public Optional<byte[]> bytes(String path) {
        byte[] content = files.get(path);
        return content == null ? Optional.empty() : Optional.of(content.clone());
    }

    /** The file's content decoded as UTF-8, or empty when the tree has no such path. */
    public Optional<String> text(String path) {
        byte[] content = files.get(path);
        return content == null ? Optional.empty() : Optional.of(new String(content, StandardCharsets.UTF_8));
    }

    /** The total size of all files in bytes. */
    public long totalBytes() {
        long total = 0;
        for (byte[] content : files.values()) {
            total += content.length;
        }
        return total;
    }

    /**
     * Visits every file in path order. The array handed to the visitor is a copy-free view for speed;
     * visitors must not modify it.
     */
    public void forEach(BiConsumer<String, byte[]> visitor) {
        files.forEach(visitor);
    }

    /** The files whose path matches the predicate. */
    public RenderedTree filter(Predicate<String> pathPredicate) {
        NavigableMap<String, byte[]> kept = new TreeMap<>();
        files.forEach((path, content) -> {
            if (pathPredicate.test(path)) {
                kept.put(path, content);
            }
        });
        return new RenderedTree(kept);
    }

    /** The files below {@code folder} (a relative folder path, without trailing slash), paths unchanged. */
    public RenderedTree under(String folder) {
        String prefix = Paths.checkRelative(folder) + "/";
        return new RenderedTree(new TreeMap<>(files.subMap(prefix, true, prefix + Character.MAX_VALUE, false)));
    }

    /** The same files with {@code folder/} put in front of every path. */
    public RenderedTree prefixed(String folder) {
        String prefix = Paths.checkRelative(folder) + "/";
        NavigableMap<String, byte[]> moved = new TreeMap<>();
        files.forEach((path, content) -> moved.put(prefix + path, content));
        return new RenderedTree(moved);
    }

    /** This tree plus the other one's files; a path present in both is an error. */
    public RenderedTree plus(RenderedTree other) {
        Builder builder = new Builder();
        files.forEach(builder::addUnchecked);
        other.files.forEach(builder::addUnchecked);
        return builder.build();
    }

    /**
     * Writes every file below {@code directory}, creating folders as needed. Files that already exist
     * with identical content are left untouched (their modification time does not change).
     *
     * @return the number of files whose content was (re)written
     */
    public int writeTo(Path directory) {
        Objects.requireNonNull(directory, "directory");
        try {
            // Create each folder once, then write files in parallel: on large trees the file system, not the
            // CPU, is the limit, and it overlaps well.
            java.util.Set<Path> folders = new java.util.TreeSet<>();
            for (String path : files.keySet()) {
                folders.add(directory.resolve(path).getParent());
            }
            // A folder made now holds none of the files yet: they are created without first asking whether they
            // exist (a fresh render of 10 000 apps makes 112 000 files).
            java.util.Set<Path> made = new java.util.HashSet<>();
            for (Path folder : folders) {
                if (!Files.isDirectory(folder)) {
                    Files.createDirectories(folder);
                    made.add(folder);
                }
            }
            return (int) files.entrySet().parallelStream().filter(file -> {
                Path target = directory.resolve(file.getKey());
                return write(target, file.getValue(), made.contains(target.getParent()));
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the rendered tree to " + directory, e);
        }
    }

    private static boolean write(Path target, byte[] content, boolean inNewFolder) {
        try {
            if (inNewFolder) {
                try {
                    Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    return true;
                } catch (FileAlreadyExistsException e) {
                    // Made by someone else since the folder was: compared below, like any existing file.
                }
            }
            if (Files.isRegularFile(target) && Files.size(target) == content.length
                    && Arrays.equals(Files.readAllBytes(target), content)) {
                return false;
            }
            Files.write(target, content);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    /**
     * A SHA-256 over every path and content, in path order: equal digests mean byte-identical trees.
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] separator = {0};
            files.forEach((path, content) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update(separator);
                sha.update(Integer.toString(content.length).getBytes(StandardCharsets.US_ASCII));
                sha.update(separator);
                sha.update(content);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof RenderedTree tree) || tree.files.size() != files.size()) {
            return false;
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!Arrays.equals(file.getValue(), tree.files.get(file.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            hash = 31 * hash + file.getKey().hashCode();
            hash = 31 * hash + Arrays.hashCode(file.getValue());
        }
        return hash;
    }

    @Override
    public String toString() {
        return "RenderedTree[" + files.size() + " files, " + totalBytes() + " bytes]";
    }

    /** Collects files for a {@link RenderedTree}. Not thread-safe. */
    public static final class Builder {
        private final NavigableMap<String, byte[]> files = new TreeMap<>();

        private Builder() {
        }

        /** Adds a file; the bytes are copied. */
        public Builder add(String path, byte[] content) {
            Objects.requireNonNull(content, "content");
            return addUnchecked(path, content.clone());
        }

        /**
         * Adds a file whose bytes the caller hands over instead of lending: they are kept as they are, not copied, so
         * the caller must never change them afterwards. For bytes made for this tree alone (a render hands over every
         * document it just wrote: at 10 000 apps, 83 MB that {@link #add(String, byte[])} would copy once more).
         */
        public Builder addHandedOver(String path, byte[] content) {
            Objects.requireNonNull(content, "content");
            return addUnchecked(path, content);
        }

        /** Adds a UTF-8 text file. */
        public Builder add(String path, String content) {
            Objects.requireNonNull(content, "content");
            return addUnchecked(path, content.getBytes(StandardCharsets.UTF_8));
        }

        /** Adds every file of another tree. */
        public Builder addAll(RenderedTree tree) {
            tree.files.forEach(this::addUnchecked);
            return this;
        }

        private Builder addUnchecked(String path, byte[] content) {
            Paths.checkRelative(path);
            if (files.putIfAbsent(path, content) != null) {
                throw new IllegalArgumentException("the rendered tree already has a file at '" + path
                        + "': two objects were rendered to the same path");
            }
            return this;
        }

        public RenderedTree build() {
            return files.isEmpty() ? EMPTY : new RenderedTree(new TreeMap<>(files));
        }
    }
}
