package dev.goldenpath.gitops;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.URIish;

import dev.goldenpath.gitops.Attempt.Outcome;
import dev.goldenpath.gitops.Attempt.Published;
import dev.goldenpath.gitops.Attempt.Rejection;
import dev.goldenpath.tree.RenderedTree;

/**
 * Publishes rendered trees into one branch of one git repository. Configure it fluently (every method
 * returns a new, immutable publisher, safe to share between threads), then call {@link #publish}.
 *
 * <pre>{@code
 * PublishResult result = GitOps.repository("https://git.example.com/platform/gitops.git")
 *     .branch("main")
 *     .root("clusters/prod")
 *     .credentials(Credentials.token(System.getenv("GITOPS_TOKEN")))
 *     .publish(tree, PublishRequest.message("payments-api 1.4.2").sourceRevision(gitSha));
 * }</pre>
 *
 * <p>A publish fetches the branch, lays the tree over the head commit's tree directly in the object
 * database (no checkout), commits only when the tree changed, and pushes fast-forward only, never forced.
 * When the branch moved meanwhile it fetches again, re-applies the tree on the new head and retries with
 * jittered backoff. The publisher owns exactly the paths it wrote (recorded in
 * {@code .goldenpath/owned/<publisher-id>.txt} in the repository): it removes those it no longer renders
 * and never touches any other file.
 */
public final class Publisher {

    /** The default identity of commits: a bot, as the commits are made by automation. */
    public static final String DEFAULT_AUTHOR_NAME = "goldenpath-bot";
    public static final String DEFAULT_AUTHOR_EMAIL = "goldenpath-bot@users.noreply.goldenpath.dev";

    /** Logs name targets, branches and paths only; never credentials. */
    private static final System.Logger LOG = System.getLogger("dev.goldenpath.gitops");


    private static final class Settings implements Cloneable {
        Path localDirectory;
        URIish remote;
        boolean createIfMissing;
        String branch = "main";
        String root = "";
        String publisherId;
        Credentials credentials = Credentials.none();
        String authorName = DEFAULT_AUTHOR_NAME;
        String authorEmail = DEFAULT_AUTHOR_EMAIL;
        String committerName;
        String committerEmail;
        Path cache;
        RetryPolicy retryPolicy = RetryPolicy.defaults();
        Duration timeout = Duration.ofMinutes(2);
        Duration lockTimeout = Duration.ofMinutes(10);
        boolean adoptExistingFiles;
        String changeBranchPrefix;
        boolean dryRun;

        @Override
        protected Settings clone() {
            try {
                return (Settings) super.clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private interface Change {
        void apply(Settings settings);
    }

    private final Settings settings;

    private Publisher(Settings settings) {
        this.settings = settings;
    }

    static Publisher local(Path directory, boolean createIfMissing) {
        Settings settings = new Settings();
        settings.localDirectory = directory.toAbsolutePath().normalize();
        settings.createIfMissing = createIfMissing;
        return new Publisher(settings);
    }

    static Publisher remote(URIish uri) {
        RepositoryUrls.requireNoSecret(uri);
        Settings settings = new Settings();
        settings.remote = uri;
        return new Publisher(settings);
    }

    private Publisher with(Change change) {
        Settings copy = settings.clone();
        change.apply(copy);
        return new Publisher(copy);
    }

    /** The branch to publish to; default {@code main}. It is created on the first publish if missing. */
    public Publisher branch(String branch) {
        Objects.requireNonNull(branch, "branch");
        if (!Repository.isValidRefName("refs/heads/" + branch)) {
            throw new IllegalArgumentException("'" + branch + "' is not a valid branch name");
        }
        return with(s -> s.branch = branch);
    }

    /**
     * The folder inside the repository the tree is published under, e.g. {@code "clusters/prod"}; default
     * the repository root. Also the default publisher id ({@code "clusters-prod"}).
     */
    public Publisher root(String root) {
        Objects.requireNonNull(root, "root");
        String checked = Names.root(root);
        return with(s -> s.root = checked);
    }

    /**
     * The name under which this publisher records what it owns ({@code .goldenpath/owned/<id>.txt});
     * default derived from the root. Publishers with the same id replace each other's files (last writer
     * wins); publishers with different ids never touch each other's files.
     */
    public Publisher publisherId(String id) {
        Objects.requireNonNull(id, "id");
        String checked = Names.publisherId(id);
        return with(s -> s.publisherId = checked);
    }

    public Publisher credentials(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return with(s -> s.credentials = credentials);
    }

    /** The author (and, unless {@link #committer} is set, committer) of the commits; default the goldenpath bot. */
    public Publisher author(String name, String email) {
        Names.identity(name, email);
        return with(s -> {
            s.authorName = name;
            s.authorEmail = email;
        });
    }

    public Publisher committer(String name, String email) {
        Names.identity(name, email);
        return with(s -> {
            s.committerName = name;
            s.committerEmail = email;
        });
    }

    /**
     * The folder of local clone caches for remote repositories (one bare repository per remote, file-locked
     * so threads and processes can share it); default {@code $XDG_CACHE_HOME/goldenpath/gitops} or
     * {@code ~/.cache/goldenpath/gitops}. Deleting it is always safe.
     */
    public Publisher cache(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return with(s -> s.cache = folder);
    }

    public Publisher retries(RetryPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return with(s -> s.retryPolicy = policy);
    }

    /** Network timeout of each fetch and push; default 2 minutes. */
    public Publisher timeout(Duration timeout) {
        Names.positive(timeout, "timeout");
        return with(s -> s.timeout = timeout);
    }

    /** How long to wait for another publish holding the same local repository or cache; default 10 minutes. */
    public Publisher lockTimeout(Duration timeout) {
        Names.positive(timeout, "lockTimeout");
        return with(s -> s.lockTimeout = timeout);
    }

    /**
     * Lets this publisher take over files that exist at paths it renders but that no publisher owns (for
     * example when moving a hand-maintained folder under the publisher). Without it such files are a
     * {@link PublishException.Reason#PATH_CONFLICT}.
     */
    public Publisher adoptExistingFiles() {
        return with(s -> s.adoptExistingFiles = true);
    }

    /**
     * Pull-request mode: instead of the branch itself, each change goes to its own branch named
     * {@code prefix + <source revision>} (or {@code prefix + <first 12 hex digits of the tree digest>} when
     * the request names no source revision), created from the branch's head, or updated fast-forward when it
     * exists already. Open the pull request from it with your hosting's API.
     */
    public Publisher changeBranches(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!Repository.isValidRefName("refs/heads/" + prefix + "x")) {
            throw new IllegalArgumentException("'" + prefix + "' is not a valid branch name prefix");
        }
        return with(s -> s.changeBranchPrefix = prefix);
    }

    /** Reports what a publish would add, change and remove (after fetching), and commits nothing. */
    public Publisher dryRun() {
        return with(s -> s.dryRun = true);
    }

    /** For a local path: create a bare repository there on first use if none exists. */
    public Publisher createIfMissing() {
        if (settings.localDirectory == null) {
            throw new IllegalStateException("createIfMissing() applies to local repositories only");
        }
        return with(s -> s.createIfMissing = true);
    }

    /** Publishes {@code tree} with {@code message} as the commit subject. */
    public PublishResult publish(RenderedTree tree, String message) {
        return publish(tree, PublishRequest.message(message));
    }

    /**
     * Publishes {@code tree} under the root of the branch.
     *
     * @throws SecretGuardException when a file to be committed holds a plaintext secret
     * @throws PublishException     for every other failure; nothing was pushed
     */
    public PublishResult publish(RenderedTree tree, PublishRequest request) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(request, "request");
        String publisherId = publisherId();
        String pushBranch = settings.changeBranchPrefix == null ? settings.branch
                : changeBranchName(request, tree);
        Attempt plan = new Attempt(Layout.of(tree, settings.root, publisherId), request, publisherId,
                "refs/heads/" + settings.branch, pushBranch);
        try (Target target = openTarget()) {
            Rejection previous = null;
            for (int retries = 0; ; retries++) {
                Outcome outcome;
                try (RepositoryLock lock = RepositoryLock.acquire(target.lockFile(), settings.lockTimeout)) {
                    outcome = attempt(target, plan, retries, previous);
                }
                if (outcome instanceof Published published) {
                    PublishResult result = published.result();
                    LOG.log(System.Logger.Level.DEBUG, () -> "published to " + target.describe() + ": "
                            + result.summary());
                    return result;
                }
                previous = (Rejection) outcome;
                Rejection rejection = previous;
                int attempt = retries + 1;
                LOG.log(System.Logger.Level.DEBUG, () -> "push " + attempt + " to " + pushBranch + " of "
                        + target.describe() + " did not land (" + rejection.message() + "); rebuilding on the new head");
                if (retries >= settings.retryPolicy.maxRetries()) {
                    throw new PublishException(PublishException.Reason.RETRIES_EXHAUSTED, "gave up publishing to "
                            + pushBranch + " of " + target.describe() + " after " + (retries + 1)
                            + " attempts: the branch kept moving (last: " + previous.message() + ")");
                }
                sleep(settings.retryPolicy.delayBefore(retries + 1));
            }
        }
    }

    private Outcome attempt(Target target, Attempt plan, int retries, Rejection previous) {
        Layout layout = plan.layout();
        String branchRef = plan.branchRef();
        String pushRef = plan.pushRef();
        String pushBranch = plan.pushBranch();
        try (Repository repository = openRepository(target);
                ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            List<String> refs = branchRef.equals(pushRef) ? List.of(branchRef) : List.of(branchRef, pushRef);
            Map<String, ObjectId> heads = repository instanceof InMemoryRepository ? Map.of()
                    : target.heads(repository, refs);
            ObjectId expected = heads.get(pushRef);
            ObjectId base = expected != null ? expected : heads.get(branchRef);
            if (previous != null && previous.hard() && Objects.equals(previous.base(), base)) {
                throw new PublishException(PublishException.Reason.PUSH_REJECTED, "the server rejected the push to "
                        + pushBranch + " of " + target.describe() + ": " + previous.message());
            }
            RevCommit baseCommit = base == null ? null : walk.parseCommit(base);
            ObjectId baseTree = baseCommit == null ? null : baseCommit.getTree().getId();
            OwnershipRecord.Owned owned = OwnershipRecord.read(reader, baseTree, layout);
            TreeOverlay overlay = TreeOverlay.apply(reader, baseTree, layout, owned, settings.adoptExistingFiles);
            if (!overlay.conflicts.isEmpty()) {
                throw CommitWriter.conflicts(reader, baseTree, overlay, plan.publisherId());
            }
            boolean changesTree = base == null ? !layout.paths.isEmpty() : !overlay.tree.equals(baseTree);
            String parent = base == null ? null : base.name();
            if (!changesTree) {
                return new Published(new PublishResult(pushBranch, null, parent, settings.dryRun, false, List.of(),
                        List.of(), List.of(), 0, retries));
            }
            List<SecretFinding> findings = SecretGuard.scan(overlay.newFiles);
            if (!findings.isEmpty()) {
                throw new SecretGuardException(findings);
            }
            if (settings.dryRun) {
                return new Published(new PublishResult(pushBranch, null, parent, true, true, overlay.added,
                        overlay.changed, overlay.removed, overlay.bytes, retries));
            }
            PersonIdent committer = committer();
            PersonIdent author = new PersonIdent(settings.authorName, settings.authorEmail,
                    committer.getWhenAsInstant(), committer.getZoneId());
            ObjectId commit = CommitWriter.write(repository, overlay, base,
                    CommitMessage.of(plan.request(), plan.publisherId(), settings.root, overlay), author, committer);
            Target.Update update = target.update(repository, pushRef, expected, commit, committer,
                    "goldenpath publish: " + plan.request().message());
            return switch (update.outcome()) {
                case UPDATED -> new Published(new PublishResult(pushBranch, commit.name(), parent, false, true,
                        overlay.added, overlay.changed, overlay.removed, overlay.bytes, retries));
                case MOVED -> new Rejection(base, false, "branch moved: " + update.message());
                case REJECTED -> new Rejection(base, true, update.message());
            };
        } catch (IOException e) {
            throw new PublishException(PublishException.Reason.IO_FAILED,
                    "could not build the commit for " + target.describe() + ": " + e.getMessage(), e);
        }
    }

    private Repository openRepository(Target target) {
        if (settings.dryRun && target instanceof LocalTarget local && !local.directory().exists()) {
            // A dry run must not create the repository it would publish to.
            return new InMemoryRepository(new DfsRepositoryDescription("dry-run"));
        }
        return target.open();
    }

    private Target openTarget() {
        if (settings.localDirectory != null) {
            return new LocalTarget(settings.localDirectory, settings.branch, settings.createIfMissing);
        }
        Path cache = settings.cache == null ? Connections.defaultCache() : settings.cache;
        return new RemoteTarget(new Connections(settings.remote, settings.credentials, settings.timeout), cache);
    }

    private PersonIdent committer() {
        Instant now = Instant.now();
        String name = settings.committerName == null ? settings.authorName : settings.committerName;
        String email = settings.committerName == null ? settings.authorEmail : settings.committerEmail;
        return new PersonIdent(name, email, now, java.time.ZoneOffset.UTC);
    }

    private String publisherId() {
        return settings.publisherId != null ? settings.publisherId : Names.defaultPublisherId(settings.root);
    }

    private String changeBranchName(PublishRequest request, RenderedTree tree) {
        String suffix = request.sourceRevision()
                .map(revision -> revision.replaceAll("[^A-Za-z0-9._-]", "-"))
                .orElseGet(() -> tree.digest().substring(0, 12));
        String name = settings.changeBranchPrefix + suffix;
        if (!Repository.isValidRefName("refs/heads/" + name)) {
            throw new PublishException(PublishException.Reason.INVALID_REQUEST,
                    "change branch '" + name + "' is not a valid branch name");
        }
        return name;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(PublishException.Reason.RETRIES_EXHAUSTED, "interrupted while backing off");
        }
    }

    /** Names the repository, branch, root and kind of credentials; never a secret. */
    @Override
    public String toString() {
        String where = settings.localDirectory != null ? settings.localDirectory.toString() : settings.remote.toString();
        return "Publisher[" + where + " branch=" + settings.branch + " root=" + (settings.root.isEmpty() ? "/" : settings.root)
                + " id=" + publisherId() + " " + settings.credentials + (settings.dryRun ? " dry-run" : "") + "]";
    }
}
