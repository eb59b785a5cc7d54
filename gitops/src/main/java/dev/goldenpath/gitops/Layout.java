package dev.goldenpath.gitops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

import dev.goldenpath.tree.RenderedTree;

/**
 * What one publisher wants the repository to contain: the rendered files moved under the root, plus the
 * publisher's ownership record, as a folder tree with every blob and tree id computed up front. Built once
 * per publish and reused by every retry.
 */
final class Layout {

    /** Folder of the ownership records, at the repository root; rendered trees may not write into it. */
    static final String RECORD_FOLDER = ".goldenpath/owned";

    /** One folder of the desired content. */
    static final class Folder {
        final TreeMap<String, Folder> folders = new TreeMap<>();
        final TreeMap<String, Leaf> files = new TreeMap<>();
        ObjectId id;
        byte[] treeBytes;
    }

    /** One file of the desired content. */
    record Leaf(byte[] content, ObjectId id) {
    }

    final Folder root = new Folder();
    final String recordPath;
    final ObjectId recordId;
    final List<String> paths;

    private Layout(String recordPath, ObjectId recordId, List<String> paths) {
        this.recordPath = recordPath;
        this.recordId = recordId;
        this.paths = paths;
    }

    /**
     * Lays out {@code tree} under {@code root} ("" for the repository root) for publisher {@code publisherId}.
     *
     * @throws PublishException INVALID_REQUEST listing every path that cannot be laid out
     */
    static Layout of(RenderedTree tree, String root, String publisherId) {
        String prefix = root.isEmpty() ? "" : root + "/";
        List<String> paths = new ArrayList<>(tree.size());
        List<String> problems = new ArrayList<>();
        GitObjects objects = new GitObjects();
        String recordPath = RECORD_FOLDER + "/" + publisherId + ".txt";
        List<byte[]> contents = new ArrayList<>(tree.size());
        tree.forEach((path, content) -> {
            String full = prefix + path;
            if (full.startsWith(".goldenpath/")) {
                problems.add("'" + full + "' is inside .goldenpath/, which holds the publishers' ownership records");
            } else if (full.equals(".git") || full.startsWith(".git/") || full.contains("/.git/")
                    || full.endsWith("/.git")) {
                problems.add("'" + full + "' is a .git path, which git refuses to check out");
            }
            paths.add(full);
            contents.add(content);
        });
        byte[] record = OwnershipRecord.format(publisherId, root, paths);
        Layout layout = new Layout(recordPath, objects.blobId(record), List.copyOf(paths));
        ObjectId[] ids = blobIds(contents);
        for (int i = 0; i < paths.size(); i++) {
            layout.put(paths.get(i), new Leaf(contents.get(i), ids[i]), problems);
        }
        if (!paths.isEmpty()) {
            // A publisher that renders nothing owns nothing: its record is removed, not written empty.
            layout.put(recordPath, new Leaf(record, layout.recordId), problems);
        }
        if (!problems.isEmpty()) {
            throw new PublishException(PublishException.Reason.INVALID_REQUEST,
                    "the rendered tree cannot be published:\n  " + String.join("\n  ", problems));
        }
        computeIds(layout.root, objects);
        return layout;
    }

    /**
     * Hashing every file is the one cost of a publish that grows with the whole tree rather than with the
     * change, so it uses every core.
     */
    private static ObjectId[] blobIds(List<byte[]> contents) {
        ObjectId[] ids = new ObjectId[contents.size()];
        ThreadLocal<GitObjects> hashers = ThreadLocal.withInitial(GitObjects::new);
        IntStream.range(0, ids.length).parallel().forEach(i -> ids[i] = hashers.get().blobId(contents.get(i)));
        return ids;
    }

    private String lastFolderPath;
    private Folder lastFolder;

    private void put(String path, Leaf leaf, List<String> problems) {
        int slash = path.lastIndexOf('/');
        String folderPath = slash < 0 ? "" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        // Paths arrive sorted, so most files share the previous file's folder: no walk from the root.
        Folder folder = folderPath.equals(lastFolderPath) ? lastFolder : folder(folderPath, path, problems);
        if (folder == null) {
            return;
        }
        lastFolderPath = folderPath;
        lastFolder = folder;
        if (folder.folders.containsKey(name)) {
            problems.add("'" + path + "' is a file, but the tree also has files below it");
            return;
        }
        folder.files.put(name, leaf);
    }

    private Folder folder(String folderPath, String path, List<String> problems) {
        Folder folder = root;
        if (folderPath.isEmpty()) {
            return folder;
        }
        int start = 0;
        while (start <= folderPath.length()) {
            int end = folderPath.indexOf('/', start);
            end = end < 0 ? folderPath.length() : end;
            String segment = folderPath.substring(start, end);
            if (folder.files.containsKey(segment)) {
                problems.add("'" + path + "' needs folder '" + folderPath.substring(0, end)
                        + "', which the tree also has as a file");
                return null;
            }
            folder = folder.folders.computeIfAbsent(segment, n -> new Folder());
            start = end + 1;
        }
        return folder;
    }

    private static void computeIds(Folder folder, GitObjects objects) {
        List<GitObjects.Entry> entries = new ArrayList<>(folder.files.size() + folder.folders.size());
        folder.files.forEach((name, leaf) -> entries.add(
                new GitObjects.Entry(name.getBytes(StandardCharsets.UTF_8), FileMode.REGULAR_FILE, leaf.id())));
        folder.folders.forEach((name, child) -> {
            computeIds(child, objects);
            entries.add(new GitObjects.Entry(name.getBytes(StandardCharsets.UTF_8), FileMode.TREE, child.id));
        });
        entries.sort(GitObjects.GIT_ORDER);
        folder.treeBytes = GitObjects.treeBytes(entries);
        folder.id = objects.id(Constants.OBJ_TREE, folder.treeBytes);
    }
}
