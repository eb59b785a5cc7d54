package dev.goldenpath.gitops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;

/**
 * A remote repository reached through a bare clone cache on this machine. The cache holds only objects
 * and one tracking ref per fetched branch ({@code refs/goldenpath/remote/...}); there is never a working
 * tree. Pushes are compare-and-swap: the remote branch must still be where the commit was built on.
 */
final class RemoteTarget implements Target {

    private static final String TRACKING = "refs/goldenpath/remote/";

    private final Connections connections;
    private final Path cacheRepository;
    private final Path lockFile;

    RemoteTarget(Connections connections, Path cache) {
        this.connections = connections;
        String address = connections.uri().toString();
        String key = Names.slug(connections.uri().getHost() + "-" + connections.uri().getPath()) + "-"
                + Names.hash(address);
        Path folder = cache.toAbsolutePath().normalize();
        this.cacheRepository = folder.resolve(key + ".git");
        this.lockFile = folder.resolve(key + ".lock");
    }

    @Override
    public Path lockFile() {
        return lockFile;
    }

    @Override
    public Repository open() {
        try {
            Repository repository = new FileRepositoryBuilder().setGitDir(cacheRepository.toFile()).setBare().build();
            if (!Files.exists(cacheRepository.resolve("HEAD"))) {
                repository.create(true);
                StoredConfig config = repository.getConfig();
                // The cache is private to publishers: no reflog bookkeeping for tracking refs.
                config.setBoolean("core", null, "logAllRefUpdates", false);
                config.save();
            }
            removeStaleLocks();
            return repository;
        } catch (IOException | IllegalStateException e) {
            throw new PublishException(PublishException.Reason.IO_FAILED,
                    "could not open the clone cache " + cacheRepository + ": " + e.getMessage(), e);
        }
    }

    /**
     * A publisher killed mid-fetch leaves git lock files behind, which would make every later ref update
     * fail. We hold the cache's exclusive lock, so no live writer owns them.
     */
    private void removeStaleLocks() throws IOException {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> top = Files.list(cacheRepository)) {
            top.filter(path -> path.getFileName().toString().endsWith(".lock")).forEach(stale::add);
        }
        Path refs = cacheRepository.resolve("refs");
        if (Files.isDirectory(refs)) {
            try (Stream<Path> all = Files.walk(refs)) {
                all.filter(path -> path.getFileName().toString().endsWith(".lock")).forEach(stale::add);
            }
        }
        for (Path path : stale) {
            Files.deleteIfExists(path);
        }
    }

    @Override
    public Map<String, ObjectId> heads(Repository local, List<String> refs) {
        Map<String, ObjectId> heads = new LinkedHashMap<>();
        try (Transport transport = connections.open(local); FetchConnection fetch = transport.openFetch()) {
            List<Ref> wanted = new ArrayList<>();
            for (String name : refs) {
                Ref ref = fetch.getRef(name);
                if (ref != null && ref.getObjectId() != null) {
                    heads.put(name, ref.getObjectId());
                    if (!local.getObjectDatabase().has(ref.getObjectId())) {
                        wanted.add(ref);
                    }
                }
            }
            if (!wanted.isEmpty()) {
                fetch.fetch(NullProgressMonitor.INSTANCE, wanted, Set.of());
            }
        } catch (Exception e) {
            throw connections.failure("fetch from", e);
        }
        // Tracking refs keep fetched objects reachable and let the next fetch tell the server what we have.
        heads.forEach((name, id) -> track(local, name, id));
        return heads;
    }

    private static void track(Repository local, String remoteRef, ObjectId id) {
        try {
            RefUpdate update = local.updateRef(TRACKING + remoteRef.substring("refs/".length()));
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            update.disableRefLog();
            update.update();
        } catch (IOException e) {
            // Only an optimisation for the next fetch; the publish itself does not depend on it.
        }
    }

    @Override
    public Update update(Repository local, String ref, ObjectId expectedOld, ObjectId newId, PersonIdent who,
            String why) {
        RemoteRefUpdate update;
        PushResult result;
        try (Transport transport = connections.open(local)) {
            // Not a thin pack (JGit's default): on loopback and CI networks the delta search against the
            // server's trees costs more time than the few hundred kilobytes it saves (measured with
            // GitOpsPublishMacro at 10 000 apps).
            update = new RemoteRefUpdate(local, (String) null, newId, ref, false, null,
                    expectedOld == null ? ObjectId.zeroId() : expectedOld);
            result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
        } catch (Exception e) {
            throw connections.failure("push to", e);
        }
        String status = update.getMessage() == null ? "" : connections.scrub(update.getMessage());
        // The reason a hook or a protection rule gives is on the server's side-band, not in the status; it is
        // shown, but never decides whether to retry (a hook saying "locked" is not a lost ref-lock race).
        List<String> said = update.getStatus() == RemoteRefUpdate.Status.OK ? List.of()
                : ServerMessages.clean(result.getMessages(), connections::scrub);
        String message = said.isEmpty() ? status : status + "\n  remote: " + String.join("\n  remote: ", said);
        return switch (update.getStatus()) {
            case OK -> {
                track(local, ref, newId);
                yield new Update(Outcome.UPDATED, message);
            }
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> new Update(Outcome.MOVED, message);
            // git receive-pack reports losing a race for the ref lock as "failed to lock" / "cannot lock ref".
            case REJECTED_OTHER_REASON -> new Update(
                    status.toLowerCase(Locale.ROOT).contains("lock") ? Outcome.MOVED : Outcome.REJECTED, message);
            default -> new Update(Outcome.REJECTED, update.getStatus() + (message.isEmpty() ? "" : ": " + message));
        };
    }

    @Override
    public String describe() {
        return connections.uri().toString();
    }

    @Override
    public void close() {
        connections.close();
    }
}
