package dev.goldenpath.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A throwaway bare repository whose branch holds a folder's files as one commit, for a dry run against what is on
 * disk (working-tree edits included) rather than what was committed. Deleted on close.
 */
final class Snapshot implements AutoCloseable {

    static final String BRANCH = "snapshot";

    private final Path folder;

    private Snapshot(Path folder) {
        this.folder = folder;
    }

    static Snapshot of(SortedMap<String, Path> files) {
        Path folder;
        try {
            folder = Files.createTempDirectory("goldenpath-checkout");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary folder", e);
        }
        Snapshot snapshot = new Snapshot(folder);
        try (Repository repository = FileRepositoryBuilder.create(snapshot.repository().toFile())) {
            repository.create(true);
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                DirCache index = DirCache.newInCore();
                DirCacheBuilder builder = index.builder();
                for (Map.Entry<String, Path> file : files.entrySet()) {
                    DirCacheEntry entry = new DirCacheEntry(file.getKey());
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, Files.readAllBytes(file.getValue())));
                    builder.add(entry);
                }
                builder.finish();
                // A fixed identity and time: the snapshot's commit is the same for the same files.
                PersonIdent identity = new PersonIdent("goldenpath", "goldenpath@localhost", Instant.EPOCH, ZoneOffset.UTC);
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(index.writeTree(inserter));
                commit.setAuthor(identity);
                commit.setCommitter(identity);
                commit.setMessage("checkout snapshot\n");
                ObjectId id = inserter.insert(commit);
                inserter.flush();
                RefUpdate update = repository.updateRef(Constants.R_HEADS + BRANCH);
                update.setNewObjectId(id);
                RefUpdate.Result result = update.forceUpdate();
                if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED) {
                    throw new IOException("could not create branch " + BRANCH + ": " + result);
                }
            }
        } catch (IOException e) {
            snapshot.close();
            throw new UncheckedIOException("could not snapshot the checkout", e);
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
        return snapshot;
    }

    Path repository() {
        return folder.resolve("checkout.git");
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + folder, e);
        }
    }
}
