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
import java.util.function.Consumer;
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

    /** What a publication is configured with; copied on every change, so a publication never changes. */
    private static final class Options extends Settings<Options> {
        Platform platform;
        String repository;
        String branch;
        String root = "";
        Credentials credentials = Credentials.none();
        boolean createRepository;
        boolean dryRun;
        String message;
        String sourceRevision;
    }

    private final Options settings;

    private Publication(Options settings) {
        this.settings = settings;
    }

    private Publication with(Consumer<Options> change) {
        return new Publication(settings.with(change));
    }

    /** Publishes {@code platform}: its gitRepository, its gitRevision, the repository root, no credentials. */
    public static Publication of(Platform platform) {
        Options settings = new Options();
        settings.platform = Objects.requireNonNull(platform, "platform");
        settings.repository = platform.gitRepository();
        settings.branch = platform.gitRevision();
        settings.message = "Render platform " + platform.name();
        return new Publication(settings);
    }

    /** Another repository than the spec's: https://, ssh://, git@host:path or a local path; null keeps the spec's. */
    public Publication repository(String location) {
        return location == null ? this : with(s -> s.repository = location);
    }

    /** Another branch than the spec's gitRevision; null keeps it. */
    public Publication branch(String name) {
        return name == null ? this : with(s -> s.branch = name);
    }

    /** The folder of the repository the tree goes under; null or empty for the root. */
    public Publication root(String folder) {
        return with(s -> s.root = folder == null ? "" : folder);
    }

    /** How to authenticate (an HTTPS token, an SSH key, the ssh-agent); default none. */
    public Publication credentials(Credentials given) {
        Objects.requireNonNull(given, "credentials");
        return with(s -> s.credentials = given);
    }

    /** Creates a bare repository at a local path on first use. */
    public Publication createRepository(boolean create) {
        return with(s -> s.createRepository = create);
    }

    /** Reports what would change and commits nothing. */
    public Publication dryRun(boolean dry) {
        return with(s -> s.dryRun = dry);
    }

    /** The commit subject; null keeps {@code Render platform <name>}. */
    public Publication message(String subject) {
        return subject == null ? this : with(s -> s.message = subject);
    }

    /** The spec repository's revision, recorded as a commit trailer; null for none. */
    public Publication sourceRevision(String revision) {
        return with(s -> s.sourceRevision = revision);
    }

    /**
     * The revision a CI build is building, when no {@link #sourceRevision} is set: {@code $GITHUB_SHA}, else
     * {@code $CI_COMMIT_SHA} (GitLab), read through {@code variables}.
     */
    public Publication sourceRevisionFrom(Function<String, String> variables) {
        if (settings.sourceRevision != null) {
            return this;
        }
        Optional<String> found = REVISION_VARIABLES.stream().map(variables).filter(v -> v != null && !v.isBlank())
                .findFirst();
        return found.isEmpty() ? this : sourceRevision(found.get());
    }

    /** Where the tree goes: the repository given, else the spec's. */
    public String location() {
        return settings.repository;
    }

    /** The branch the tree goes to. */
    public String branch() {
        return settings.branch;
    }

    /** True when the location is a path on this machine (not a URL nor {@code user@host:path}). */
    public boolean isLocal() {
        return !settings.repository.contains("://") && !settings.repository.matches("[^/]+@[^/:]+:.*");
    }

    /**
     * Publishes {@code tree}.
     *
     * @throws IllegalArgumentException when the location, branch or root is not valid (a URL holding a token, ...)
     * @throws dev.goldenpath.gitops.PublishException when the publish fails; nothing was pushed
     */
    public PublishResult publish(RenderedTree tree) {
        Publisher publisher = settings.createRepository ? GitOps.localBare(Path.of(settings.repository))
                : GitOps.repository(settings.repository);
        publisher = publisher.branch(settings.branch).root(settings.root).credentials(settings.credentials);
        if (settings.dryRun) {
            publisher = publisher.dryRun();
        }
        PublishRequest request = PublishRequest.message(settings.message);
        if (settings.sourceRevision != null) {
            request = request.sourceRevision(settings.sourceRevision);
        }
        return publisher.publish(tree, request);
    }
}
