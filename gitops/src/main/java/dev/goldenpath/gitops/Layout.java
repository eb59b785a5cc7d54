package dev.goldenpath.gitops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

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
        for (int i = 0; i < paths.size(); i++) {
            layout.put(paths.get(i), contents.get(i), objects, problems);
        }
        if (!paths.isEmpty()) {
            // A publisher that renders nothing owns nothing: its record is removed, not written empty.
            layout.put(recordPath, record, objects, problems);
        }
        if (!problems.isEmpty()) {
            throw new PublishException(PublishException.Reason.INVALID_REQUEST,
                    "the rendered tree cannot be published:\n  " + String.join("\n  ", problems));
        }
        computeIds(layout.root, objects);
        return layout;
    }

    private void put(String path, byte[] content, GitObjects objects, List<String> problems) {
        String[] segments = path.split("/");
        Folder folder = root;
        for (int i = 0; i < segments.length - 1; i++) {
            if (folder.files.containsKey(segments[i])) {
                problems.add("'" + path + "' needs folder '" + String.join("/", List.of(segments).subList(0, i + 1))
                        + "', which the tree also has as a file");
                return;
            }
            folder = folder.folders.computeIfAbsent(segments[i], name -> new Folder());
        }
        String name = segments[segments.length - 1];
        if (folder.folders.containsKey(name)) {
            problems.add("'" + path + "' is a file, but the tree also has files below it");
            return;
        }
        folder.files.put(name, new Leaf(content, objects.blobId(content)));
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
