package dev.goldenpath.gitops;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * Writes what one publish attempt built: the new blobs and trees of a {@link TreeOverlay} and the commit on top of
 * the base, checking that JGit stores each object under the id the overlay computed; and says, when rendered paths
 * collide with files the publisher does not own, whose they are.
 */
final class CommitWriter {

    /** More new objects than this go into one pack file instead of as many loose files. */
    private static final int PACK_THRESHOLD = 512;

    private CommitWriter() {
    }

    static ObjectId write(Repository repository, TreeOverlay overlay, ObjectId base, String message,
            PersonIdent author, PersonIdent committer) throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(overlay.tree);
        if (base != null) {
            commit.setParentId(base);
        }
        commit.setAuthor(author);
        commit.setCommitter(committer);
        commit.setMessage(message);
        try (ObjectInserter inserter = inserter(repository, overlay.newObjects.size())) {
            for (Map.Entry<ObjectId, TreeOverlay.NewObject> object : overlay.newObjects.entrySet()) {
                ObjectId written = inserter.insert(object.getValue().type(), object.getValue().content());
                if (!written.equals(object.getKey())) {
                    throw new IOException("object id mismatch: computed " + object.getKey().name() + ", JGit wrote "
                            + written.name());
                }
            }
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }

    private static ObjectInserter inserter(Repository repository, int objects) {
        // Thousands of loose object files (the first publish of a large tree) are slow to write and to
        // push; one pack is not. Small changes stay loose, as git itself writes them.
        if (objects > PACK_THRESHOLD && repository.getObjectDatabase() instanceof ObjectDirectory directory) {
            var pack = directory.newPackInserter();
            pack.checkExisting(true);
            return pack;
        }
        return repository.newObjectInserter();
    }

    static PublishException conflicts(ObjectReader reader, ObjectId baseTree, TreeOverlay overlay,
            String publisherId) throws IOException {
        Map<String, String> owners = OwnershipRecord.owners(reader, baseTree);
        List<String> lines = new ArrayList<>();
        for (TreeOverlay.Conflict conflict : overlay.conflicts) {
            String owner = owners.get(conflict.path());
            lines.add(conflict.path() + " " + conflict.detail()
                    + (owner == null ? " (no publisher owns it)" : " (it belongs to publisher '" + owner + "')"));
        }
        return new PublishException(PublishException.Reason.PATH_CONFLICT, "refusing to publish as '" + publisherId
                + "': " + lines.size() + (lines.size() == 1 ? " rendered path collides" : " rendered paths collide")
                + " with files this publisher does not own (nothing was committed):\n  " + String.join("\n  ", lines)
                + "\nChoose another root, remove those files, or take them over with adoptExistingFiles().");
    }
}
