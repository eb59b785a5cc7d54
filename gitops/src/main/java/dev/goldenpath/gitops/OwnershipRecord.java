package dev.goldenpath.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The file {@code .goldenpath/owned/<publisher-id>.txt} committed in the repository: the sorted list of
 * repository-relative paths the publisher wrote last time. It is how a publisher, even one starting from a
 * fresh clone, knows which files it may rewrite or remove; every path not listed belongs to someone else.
 */
final class OwnershipRecord {

    private OwnershipRecord() {
    }

    /** The paths one publisher owns, as a trie walked folder by folder along the tree being merged. */
    interface Owned {
        boolean ownsFile(String name);

        /** The owned paths below folder {@code name}, or null when none. */
        Owned folder(String name);

        /** True when this is known, without looking, to be exactly the files of {@code folder}. */
        default boolean isExactly(Layout.Folder folder) {
            return false;
        }
    }

    static byte[] format(String publisherId, String root, List<String> sortedPaths) {
        StringBuilder text = new StringBuilder(64 + sortedPaths.size() * 48)
                .append("# goldenpath-gitops ownership record of publisher '").append(publisherId).append("'")
                .append(root.isEmpty() ? "" : ", root '" + root + "'").append(".\n")
                .append("# The publisher rewrites the files listed below and removes them when it stops rendering them;\n")
                .append("# it never touches any other file. Written by the publisher: do not edit.\n");
        for (String path : sortedPaths) {
            text.append(path).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The paths the publisher owns on {@code baseTree}: read from its record, or, when the record is
     * byte-identical to the one about to be written, the layout's own paths without reading anything.
     */
    static Owned read(ObjectReader reader, ObjectId baseTree, Layout layout) throws IOException {
        ObjectId recordId = baseTree == null ? null : blobAt(reader, baseTree, layout.recordPath);
        if (layout.recordId.equals(recordId)) {
            return new FolderView(layout.root);
        }
        Trie owned = new Trie();
        owned.add(layout.recordPath);
        if (recordId != null) {
            for (String path : parse(reader.open(recordId, Constants.OBJ_BLOB).getCachedBytes())) {
                owned.add(path);
            }
        }
        return owned;
    }

    /** Every publisher's record on {@code baseTree}: path to publisher id, for naming the owner in conflicts. */
    static Map<String, String> owners(ObjectReader reader, ObjectId baseTree) throws IOException {
        Map<String, String> owners = new TreeMap<>();
        if (baseTree == null) {
            return owners;
        }
        try (TreeWalk walk = TreeWalk.forPath(reader, Layout.RECORD_FOLDER, baseTree)) {
            if (walk == null || !walk.isSubtree()) {
                return owners;
            }
            walk.enterSubtree();
            while (walk.next()) {
                String name = walk.getNameString();
                if (!walk.isSubtree() && name.endsWith(".txt")) {
                    String id = name.substring(0, name.length() - ".txt".length());
                    for (String path : parse(reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getCachedBytes())) {
                        owners.put(path, id);
                    }
                }
            }
        }
        return owners;
    }

    static List<String> parse(byte[] record) {
        return new String(record, StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
    }

    private static ObjectId blobAt(ObjectReader reader, ObjectId tree, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            return walk == null || walk.isSubtree() ? null : walk.getObjectId(0);
        }
    }

    /** Ownership when the record did not change: exactly the layout's files. */
    private record FolderView(Layout.Folder folder) implements Owned {
        @Override
        public boolean ownsFile(String name) {
            return folder.files.containsKey(name);
        }

        @Override
        public Owned folder(String name) {
            Layout.Folder child = folder.folders.get(name);
            return child == null ? null : new FolderView(child);
        }

        @Override
        public boolean isExactly(Layout.Folder other) {
            return folder == other;
        }
    }

    private static final class Trie implements Owned {
        private final Set<String> files = new HashSet<>();
        private final Map<String, Trie> folders = new HashMap<>();

        void add(String path) {
            Trie node = this;
            int start = 0;
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', start)) {
                node = node.folders.computeIfAbsent(path.substring(start, slash), name -> new Trie());
                start = slash + 1;
            }
            node.files.add(path.substring(start));
        }

        @Override
        public boolean ownsFile(String name) {
            return files.contains(name);
        }

        @Override
        public Owned folder(String name) {
            return folders.get(name);
        }
    }
}
