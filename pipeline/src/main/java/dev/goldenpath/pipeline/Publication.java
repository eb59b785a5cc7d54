package dev.goldenpath.pipeline;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.gitops.Credentials;
import dev.goldenpath.gitops.GitOps;
import dev.goldenpath.gitops.PublishRequest;
import dev.goldenpath.gitops.PublishResult;
import dev.goldenpath.gitops.Publisher;
import dev.goldenpath.tree.RenderedTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Publishing one platform's tree: to its spec's {@code gitRepository} and {@code gitRevision} unless told otherwise,
 * with a commit subject and the spec repository's revision as a trailer. One configured, immutable object and one
 * terminal {@link #publish}.
 *
 * <pre>{@code
 * PublishResult result = Publication.of(platform)
 *     .credentials(Credentials.token(token))
 *     .sourceRevisionFrom(System::getenv)        // $GITHUB_SHA or $CI_COMMIT_SHA
 *     .publish(rendering.tree());
 * }</pre>
 */
public final class Publication {

    /** CI variables holding the revision being built, in the order they are asked. */
    static final List<String> REVISION_VARIABLES = List.of("GITHUB_SHA", "CI_COMMIT_SHA");

    private final Platform platform;
    private final String repository;
    private final String branch;
    private final String root;
    private final Credentials credentials;
    private final boolean createRepository;
    private final boolean dryRun;
    private final String message;
    private final String sourceRevision;

    private Publication(Platform platform, String repository, String branch, String root, Credentials credentials,
                        boolean createRepository, boolean dryRun, String message, String sourceRevision) {
        this.platform = platform;
        this.repository = repository;
        this.branch = branch;
        this.root = root;
        this.credentials = credentials;
        this.createRepository = createRepository;
        this.dryRun = dryRun;
        this.message = message;
        this.sourceRevision = sourceRevision;
    }

    /** Publishes {@code platform}: its gitRepository, its gitRevision, the repository root, no credentials. */
    public static Publication of(Platform platform) {
        Objects.requireNonNull(platform, "platform");
        return new Publication(platform, platform.gitRepository(), platform.gitRevision(), "", Credentials.none(),
                false, false, "Render platform " + platform.name(), null);
    }

    /** Another repository than the spec's: https://, ssh://, git@host:path or a local path; null keeps the spec's. */
    public Publication repository(String location) {
        return location == null ? this : new Publication(platform, location, branch, root, credentials,
                createRepository, dryRun, message, sourceRevision);
    }

    /** Another branch than the spec's gitRevision; null keeps it. */
    public Publication branch(String name) {
        return name == null ? this : new Publication(platform, repository, name, root, credentials, createRepository,
                dryRun, message, sourceRevision);
    }

    /** The folder of the repository the tree goes under; null or empty for the root. */
    public Publication root(String folder) {
        return new Publication(platform, repository, branch, folder == null ? "" : folder, credentials,
                createRepository, dryRun, message, sourceRevision);
    }

    public Publication credentials(Credentials given) {
        return new Publication(platform, repository, branch, root, Objects.requireNonNull(given, "credentials"),
                createRepository, dryRun, message, sourceRevision);
    }

    /** Creates a bare repository at a local path on first use. */
    public Publication createRepository(boolean create) {
        return new Publication(platform, repository, branch, root, credentials, create, dryRun, message, sourceRevision);
    }

    /** Reports what would change and commits nothing. */
    public Publication dryRun(boolean dry) {
        return new Publication(platform, repository, branch, root, credentials, createRepository, dry, message,
                sourceRevision);
    }

    /** The commit subject; null keeps {@code Render platform <name>}. */
    public Publication message(String subject) {
        return subject == null ? this : new Publication(platform, repository, branch, root, credentials,
                createRepository, dryRun, subject, sourceRevision);
    }

    /** The spec repository's revision, recorded as a commit trailer; null for none. */
    public Publication sourceRevision(String revision) {
        return new Publication(platform, repository, branch, root, credentials, createRepository, dryRun, message,
                revision);
    }

    /**
     * The revision a CI build is building, when no {@link #sourceRevision} is set: {@code $GITHUB_SHA}, else
     * {@code $CI_COMMIT_SHA} (GitLab), read through {@code variables}.
     */
    public Publication sourceRevisionFrom(Function<String, String> variables) {
        if (sourceRevision != null) {
            return this;
        }
        Optional<String> found = REVISION_VARIABLES.stream().map(variables).filter(v -> v != null && !v.isBlank())
                .findFirst();
        return found.isEmpty() ? this : sourceRevision(found.get());
    }

    /** Where the tree goes: the repository given, else the spec's. */
    public String location() {
        return repository;
    }

    /** The branch the tree goes to. */
    public String branch() {
        return branch;
    }

    /** True when the location is a path on this machine (not a URL nor {@code user@host:path}). */
    public boolean isLocal() {
        return !repository.contains("://") && !repository.matches("[^/]+@[^/:]+:.*");
    }

    /**
     * Publishes {@code tree}.
     *
     * @throws IllegalArgumentException when the location, branch or root is not valid (a URL holding a token, ...)
     * @throws dev.goldenpath.gitops.PublishException when the publish fails; nothing was pushed
     */
    public PublishResult publish(RenderedTree tree) {
        Publisher publisher = createRepository ? GitOps.localBare(Path.of(repository)) : GitOps.repository(repository);
        publisher = publisher.branch(branch).root(root).credentials(credentials);
        if (dryRun) {
            publisher = publisher.dryRun();
        }
        PublishRequest request = PublishRequest.message(message);
        if (sourceRevision != null) {
            request = request.sourceRevision(sourceRevision);
        }
        return publisher.publish(tree, request);
    }
}
