package dev.goldenpath.gitops;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A repository on this machine, updated in place: objects are written straight into it and the branch is
 * moved with a compare-and-swap ref update, which git's own lock files make safe against other processes.
 */
final class LocalTarget implements Target {

    private final Path directory;
    private final String branch;
    private final boolean createIfMissing;

    LocalTarget(Path directory, String branch, boolean createIfMissing) {
        this.directory = directory.toAbsolutePath().normalize();
        this.branch = branch;
        this.createIfMissing = createIfMissing;
    }

    private Path gitDir() {
        Path dotGit = directory.resolve(".git");
        return Files.isDirectory(dotGit) ? dotGit : directory;
    }

    /**
     * A lock file outside the repository (nothing is added to someone's repository folder), keyed by its
     * path so that every process on this machine agrees on it, also while the repository is being created.
     * It only spares publishers from losing races to each other: correctness comes from the ref update's
     * compare-and-swap.
     */
    @Override
    public Path lockFile() {
        return Path.of(System.getProperty("java.io.tmpdir"), "goldenpath-gitops-locks",
                Names.hash(directory.toString()) + ".lock");
    }

    @Override
    public Repository open() {
        try {
            if (!Files.exists(gitDir().resolve("HEAD"))) {
                if (!createIfMissing) {
                    throw new PublishException(PublishException.Reason.REPOSITORY_NOT_FOUND,
                            "no git repository at " + directory + " (use createIfMissing() or GitOps.localBare(..)"
                                    + " to create a bare one)");
                }
                if (Files.isDirectory(directory) && !isEmpty(directory)) {
                    throw new PublishException(PublishException.Reason.INVALID_REQUEST,
                            directory + " is neither a git repository nor empty: refusing to create a repository there");
                }
                createBare();
            }
            Repository repository = new FileRepositoryBuilder().setGitDir(gitDir().toFile()).setMustExist(true).build();
            if (!repository.isBare() && ("refs/heads/" + branch).equals(repository.getFullBranch())) {
                repository.close();
                throw new PublishException(PublishException.Reason.INVALID_REQUEST, "branch '" + branch
                        + "' is checked out in " + directory + "; moving it would leave the working tree stale."
                        + " Publish into a bare repository or another branch");
            }
            return repository;
        } catch (IOException e) {
            throw new PublishException(PublishException.Reason.IO_FAILED, "could not open " + directory + ": " + e, e);
        }
    }

    private void createBare() throws IOException {
        try (Git git = Git.init().setBare(true).setDirectory(directory.toFile()).setGitDir(directory.toFile())
                .setInitialBranch(branch).call()) {
            // Only the repository is wanted.
        } catch (GitAPIException e) {
            throw new IOException("could not create a bare repository at " + directory, e);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    @Override
    public Map<String, ObjectId> heads(Repository local, List<String> refs) {
        Map<String, ObjectId> heads = new LinkedHashMap<>();
        try {
            for (String name : refs) {
                Ref ref = local.exactRef(name);
                if (ref != null && ref.getObjectId() != null) {
                    heads.put(name, ref.getObjectId());
                }
            }
        } catch (IOException e) {
            throw new PublishException(PublishException.Reason.IO_FAILED, "could not read refs of " + directory, e);
        }
        return heads;
    }

    @Override
    public Update update(Repository local, String ref, ObjectId expectedOld, ObjectId newId, PersonIdent who,
            String why) {
        try {
            RefUpdate update = local.updateRef(ref);
            update.setExpectedOldObjectId(expectedOld == null ? ObjectId.zeroId() : expectedOld);
            update.setNewObjectId(newId);
            update.setForceUpdate(false);
            update.setRefLogIdent(who);
            update.setRefLogMessage(why, false);
            RefUpdate.Result result = update.update();
            return switch (result) {
                case NEW, FAST_FORWARD -> new Update(Outcome.UPDATED, result.name());
                case LOCK_FAILURE, REJECTED, REJECTED_OTHER_REASON -> new Update(Outcome.MOVED, result.name());
                default -> new Update(Outcome.REJECTED, "ref update " + result);
            };
        } catch (IOException e) {
            throw new PublishException(PublishException.Reason.IO_FAILED, "could not update " + ref + " in " + directory, e);
        }
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    @Override
    public void close() {
        // Nothing held between attempts.
    }

    File directory() {
        return directory.toFile();
    }
}
