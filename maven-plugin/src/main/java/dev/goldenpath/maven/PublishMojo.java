package dev.goldenpath.maven;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.gitops.Credentials;
import dev.goldenpath.gitops.PublishException;
import dev.goldenpath.gitops.PublishResult;
import dev.goldenpath.pipeline.Publication;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Renders the platform and commits the tree to its GitOps repository (the spec's {@code gitRepository} unless
 * {@code <repository>} says otherwise): fast-forward only, only when something changed.
 *
 * <p>Credentials never come from the POM nor from the repository URL (a URL holding a token is refused). In
 * order: the {@code settings.xml} server named by {@code <serverId>} ({@code password} is the token, or
 * {@code privateKey} and {@code passphrase} for SSH; encrypted passwords are decrypted), then the environment
 * variable named by {@code <tokenEnv>} (default {@code GOLDENPATH_GIT_TOKEN}; set but empty is an error), then
 * the ssh-agent in {@code SSH_AUTH_SOCK} when {@code <knownHosts>} is given, then none (local repositories,
 * anonymous remotes; over SSH the agent and {@code ~/.ssh} keys, as git does).
 *
 * <p>{@code mvn deploy}: bound by default to the deploy phase.
 *
 * <p>{@code mvn verify goldenpath:publish}: or after the checks, without deploying artifacts.
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class PublishMojo extends SpecMojo {

    /** The repository: https://, ssh://, git@host:path or a local path. Default: the platform's gitRepository. */
    @Parameter(property = "goldenpath.repository")
    String repository;

    /** The branch. Default: the platform's gitRevision. */
    @Parameter(property = "goldenpath.branch")
    String branch;

    /** The folder of the repository the tree goes under. Default: the repository root. */
    @Parameter(property = "goldenpath.root")
    String root;

    /** Creates a bare repository at a local {@code repository} path on first use. */
    @Parameter(property = "goldenpath.createRepository", defaultValue = "false")
    boolean createRepository;

    /** The commit subject. Default: {@code Render platform <name> from <groupId>:<artifactId>:<version>}. */
    @Parameter(property = "goldenpath.message")
    String message;

    /** The spec repository's revision, recorded as a trailer. Default: $GITHUB_SHA or $CI_COMMIT_SHA when set. */
    @Parameter(property = "goldenpath.sourceRevision")
    String sourceRevision;

    /** The id of a {@code <server>} in settings.xml holding the credentials. */
    @Parameter(property = "goldenpath.serverId")
    String serverId;

    /** The environment variable holding an HTTPS token, used when no {@code serverId} is given. */
    @Parameter(property = "goldenpath.tokenEnv", defaultValue = PublishCredentials.DEFAULT_TOKEN_VARIABLE)
    String tokenEnv;

    /** known_hosts for SSH servers (a path, not a secret). Default: ~/.ssh/known_hosts. */
    @Parameter(property = "goldenpath.knownHosts")
    File knownHosts;

    /** Reports what would change; commits nothing. */
    @Parameter(property = "goldenpath.dryRun", defaultValue = "false")
    boolean dryRun;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Component
    SettingsDecrypter decrypter;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("goldenpath: skipped");
            return;
        }
        List<RenderedPlatform> renderings = render();
        if (renderings.size() > 1 && repository != null) {
            throw new MojoFailureException("the specs define " + renderings.size() + " platforms but <repository> names"
                    + " one repository: choose a platform with <platform> (-Dgoldenpath.platform=NAME)");
        }
        Credentials credentials = new PublishCredentials(System::getenv, getLog()::info)
                .resolve(server(), serverId, tokenEnv, knownHosts);
        for (RenderedPlatform rendered : renderings) {
            publish(rendered, credentials);
        }
    }

    private void publish(RenderedPlatform rendered, Credentials credentials)
            throws MojoExecutionException, MojoFailureException {
        Platform platform = rendered.platform();
        Publication publication = Publication.of(platform).repository(repository).branch(branch).root(root)
                .createRepository(createRepository).dryRun(dryRun).credentials(credentials)
                .message(message != null ? message : "Render platform " + platform.name() + " from "
                        + project.getGroupId() + ":" + project.getArtifactId() + ":" + project.getVersion())
                .sourceRevision(sourceRevision).sourceRevisionFrom(System::getenv);
        try {
            PublishResult result = publication.publish(rendered.rendering().tree());
            // Where it went in words a reader knows (repository, branch, root), not the publisher's toString().
            String where = publication.location() + " branch " + publication.branch()
                    + (root == null || root.isEmpty() ? "" : " root " + root);
            getLog().info("goldenpath: " + (result.dryRun() ? "would publish " : result.nothingToCommit()
                    ? "nothing to publish for " : "published ") + platform.name() + " to " + where + ": " + result.summary());
            FileList.log(result.diff(), line -> getLog().info("goldenpath:   " + line));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("goldenpath publish: " + e.getMessage(), e);
        } catch (PublishException e) {
            // SECRET_DETECTED and PATH_CONFLICT are findings in the tree; the rest are failures to do the work.
            // The library's message names its own API (createIfMissing()); in a POM it is <createRepository>.
            String message = e.reason() == PublishException.Reason.REPOSITORY_NOT_FOUND && !createRepository
                    && publication.isLocal()
                    ? "no git repository at " + publication.location() + " (set <createRepository>true</createRepository>, "
                            + "or -Dgoldenpath.createRepository=true, to create a bare repository there)"
                    : e.getMessage();
            String text = "goldenpath publish of " + platform.name() + " failed: " + e.reason() + ": " + message;
            if (e.reason() == PublishException.Reason.SECRET_DETECTED || e.reason() == PublishException.Reason.PATH_CONFLICT
                    || e.reason() == PublishException.Reason.INVALID_REQUEST) {
                throw new MojoFailureException(text, e);
            }
            throw new MojoExecutionException(text, e);
        }
    }

    /** The decrypted settings.xml server named by serverId, or null when none is named. */
    private Server server() throws MojoFailureException {
        if (serverId == null || serverId.isBlank()) {
            return null;
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoFailureException("no <server> with id '" + serverId + "' in settings.xml");
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!decrypted.getProblems().isEmpty()) {
            throw new MojoFailureException("could not decrypt settings.xml server '" + serverId + "': "
                    + decrypted.getProblems().get(0).getMessage());
        }
        return decrypted.getServer();
    }
}
