package dev.goldenpath.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Lays a publisher's {@link Layout} over the tree of the current head, in the object database, without a
 * working tree: owned files are added, replaced or removed, every other entry is kept as it is.
 *
 * <p>Cost follows the change, not the repository: a folder whose existing tree id equals the id of the
 * desired folder is kept without being read, and only trees on the path to a changed file are read and
 * rewritten. New objects are collected, not written, so that the secret guard and a dry run see them
 * before anything touches the repository.
 */
final class TreeOverlay {

    /** A file the new tree adds or changes. */
    record NewFile(String path, byte[] content) {
    }

    /** A rendered path that would overwrite something this publisher does not own. */
    record Conflict(String path, String detail) {
    }

    /** An object the new tree needs that the repository may not have yet. */
    record NewObject(int type, byte[] content) {
    }

    private final ObjectReader reader;
    private final Layout layout;
    private final boolean adoptExisting;

    final List<String> added = new ArrayList<>();
    final List<String> changed = new ArrayList<>();
    final List<String> removed = new ArrayList<>();
    final List<NewFile> newFiles = new ArrayList<>();
    final List<Conflict> conflicts = new ArrayList<>();
    final Map<ObjectId, NewObject> newObjects = new LinkedHashMap<>();
    long bytes;
    ObjectId tree;

    private TreeOverlay(ObjectReader reader, Layout layout, boolean adoptExisting) {
        this.reader = reader;
        this.layout = layout;
        this.adoptExisting = adoptExisting;
    }

    /**
     * Computes the tree that results from publishing {@code layout} on {@code baseTree} (null for an empty
     * branch). Conflicts are collected in {@link #conflicts}, not thrown.
     */
    static TreeOverlay apply(ObjectReader reader, ObjectId baseTree, Layout layout, OwnershipRecord.Owned owned,
            boolean adoptExisting) throws IOException {
        TreeOverlay overlay = new TreeOverlay(reader, layout, adoptExisting);
        ObjectId tree = overlay.merge(baseTree, layout.root, owned, "");
        if (tree == null) {
            // Everything was removed: git represents that as the empty tree.
            byte[] empty = new byte[0];
            tree = new GitObjects().id(Constants.OBJ_TREE, empty);
            overlay.newObjects.put(tree, new NewObject(Constants.OBJ_TREE, empty));
        }
        overlay.tree = tree;
        Collections.sort(overlay.added);
        Collections.sort(overlay.changed);
        Collections.sort(overlay.removed);
        return overlay;
    }

    /** The merged tree id for one folder, or null when the merged folder is empty. */
    private ObjectId merge(ObjectId existing, Layout.Folder ours, OwnershipRecord.Owned owned, String path)
            throws IOException {
        if (ours == null && owned == null) {
            return existing;
        }
        if (existing == null) {
            if (ours == null) {
                return null;
            }
            addAll(ours, path);
            return ours.id;
        }
        if (ours != null && ours.id.equals(existing) && ownsAll(ours, owned)) {
            return existing;
        }
        List<GitObjects.Entry> result = new ArrayList<>();
        Map<String, GitObjects.Entry> existingEntries = entries(existing);
        for (GitObjects.Entry entry : existingEntries.values()) {
            String name = entry.nameString();
            String childPath = path + name;
            Layout.Leaf ourFile = ours == null ? null : ours.files.get(name);
            Layout.Folder ourFolder = ours == null ? null : ours.folders.get(name);
            boolean ownedFile = owned != null && owned.ownsFile(name);
            OwnershipRecord.Owned ownedFolder = owned == null ? null : owned.folder(name);
            if (entry.isTree()) {
                if (ourFile != null) {
                    // A folder of nothing but this publisher's files may become a file; anything else may not.
                    ObjectId remaining = merge(entry.id(), null, ownedFolder, childPath + "/");
                    if (remaining == null) {
                        added.add(childPath);
                        write(childPath, ourFile);
                        result.add(new GitObjects.Entry(entry.name(), FileMode.REGULAR_FILE, ourFile.id()));
                    } else {
                        conflict(childPath, "is a folder in the repository, holding files this publisher does not"
                                + " own, but a file in the rendered tree");
                        result.add(entry);
                    }
                } else {
                    ObjectId merged = merge(entry.id(), ourFolder, ownedFolder, childPath + "/");
                    if (merged != null) {
                        result.add(merged.equals(entry.id()) ? entry
                                : new GitObjects.Entry(entry.name(), FileMode.TREE, merged));
                    }
                }
            } else if (ourFile != null) {
                if (!ownedFile && !adoptExisting) {
                    conflict(childPath, "exists and is not owned by this publisher");
                    result.add(entry);
                } else if (ourFile.id().equals(entry.id()) && FileMode.REGULAR_FILE.equals(entry.mode())) {
                    result.add(entry);
                } else {
                    changed.add(childPath);
                    write(childPath, ourFile);
                    result.add(new GitObjects.Entry(entry.name(), FileMode.REGULAR_FILE, ourFile.id()));
                }
            } else if (ourFolder != null) {
                if (!ownedFile && !adoptExisting) {
                    conflict(childPath, "is a file in the repository, not owned by this publisher, but a folder in the rendered tree");
                    result.add(entry);
                } else {
                    removed.add(childPath);
                    addAll(ourFolder, childPath + "/");
                    result.add(new GitObjects.Entry(entry.name(), FileMode.TREE, ourFolder.id));
                }
            } else if (ownedFile) {
                if (!childPath.equals(layout.recordPath)) {
                    removed.add(childPath);
                }
            } else {
                result.add(entry);
            }
        }
        if (ours != null) {
            ours.files.forEach((name, leaf) -> {
                if (!existingEntries.containsKey(name)) {
                    added.add(path + name);
                    write(path + name, leaf);
                    result.add(new GitObjects.Entry(name.getBytes(StandardCharsets.UTF_8), FileMode.REGULAR_FILE,
                            leaf.id()));
                }
            });
            ours.folders.forEach((name, folder) -> {
                if (!existingEntries.containsKey(name)) {
                    addAll(folder, path + name + "/");
                    result.add(new GitObjects.Entry(name.getBytes(StandardCharsets.UTF_8), FileMode.TREE, folder.id));
                }
            });
        }
        if (result.isEmpty()) {
            return null;
        }
        result.sort(GitObjects.GIT_ORDER);
        byte[] treeBytes = GitObjects.treeBytes(result);
        ObjectId id = new GitObjects().id(Constants.OBJ_TREE, treeBytes);
        if (!id.equals(existing)) {
            newObjects.putIfAbsent(id, new NewObject(Constants.OBJ_TREE, treeBytes));
        }
        return id;
    }

    /**
     * Whether every file of {@code folder} is owned. A folder identical to the desired one can be kept
     * unread only then: identical files that another publisher (or nobody) owns are still conflicts.
     */
    private static boolean ownsAll(Layout.Folder folder, OwnershipRecord.Owned owned) {
        if (owned == null) {
            return false;
        }
        if (owned.isExactly(folder)) {
            return true;
        }
        for (String name : folder.files.keySet()) {
            if (!owned.ownsFile(name)) {
                return false;
            }
        }
        for (Map.Entry<String, Layout.Folder> child : folder.folders.entrySet()) {
            if (!ownsAll(child.getValue(), owned.folder(child.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Records a folder that does not exist yet: all its files are added. */
    private void addAll(Layout.Folder folder, String path) {
        folder.files.forEach((name, leaf) -> {
            added.add(path + name);
            write(path + name, leaf);
        });
        folder.folders.forEach((name, child) -> addAll(child, path + name + "/"));
        newObjects.putIfAbsent(folder.id, new NewObject(Constants.OBJ_TREE, folder.treeBytes));
    }

    private void write(String path, Layout.Leaf leaf) {
        newObjects.putIfAbsent(leaf.id(), new NewObject(Constants.OBJ_BLOB, leaf.content()));
        if (path.equals(layout.recordPath)) {
            // The ownership record is bookkeeping, not part of what the caller rendered.
            removeLast(added, path);
            removeLast(changed, path);
            return;
        }
        newFiles.add(new NewFile(path, leaf.content()));
        bytes += leaf.content().length;
    }

    private static void removeLast(List<String> list, String path) {
        if (!list.isEmpty() && list.get(list.size() - 1).equals(path)) {
            list.remove(list.size() - 1);
        }
    }

    private void conflict(String path, String detail) {
        conflicts.add(new Conflict(path, detail));
    }

    private Map<String, GitObjects.Entry> entries(ObjectId tree) throws IOException {
        Map<String, GitObjects.Entry> entries = new LinkedHashMap<>();
        CanonicalTreeParser parser = new CanonicalTreeParser(null, reader, tree);
        while (!parser.eof()) {
            byte[] name = new byte[parser.getNameLength()];
            parser.getName(name, 0);
            entries.put(new String(name, StandardCharsets.UTF_8),
                    new GitObjects.Entry(name, parser.getEntryFileMode(), parser.getEntryObjectId()));
            parser.next();
        }
        return entries;
    }
}
