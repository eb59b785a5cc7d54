package dev.goldenpath.gitops;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * Where commits are built and where the branch lives: a local repository updated in place, or a remote
 * reached through a local clone cache.
 */
interface Target extends AutoCloseable {

    /** What happened to a compare-and-swap of a branch. */
    enum Outcome { UPDATED, MOVED, REJECTED }

    record Update(Outcome outcome, String message) {
    }

    /** The file whose lock gives one publish at a time the use of the local repository. */
    Path lockFile();

    /** Opens (creating it when needed) the local repository commits are built in; called under the lock. */
    Repository open();

    /** The current ids of the given refs, fetching them first from a remote; absent refs are left out. */
    Map<String, ObjectId> heads(Repository local, List<String> refs);

    /** Sets {@code ref} to {@code newId} only if it still is {@code expectedOld} (null: does not exist); never forced. */
    Update update(Repository local, String ref, ObjectId expectedOld, ObjectId newId, PersonIdent who, String why);

    /** The target as it may appear in messages and logs: no credentials. */
    String describe();

    @Override
    void close();
}
