package dev.goldenpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.gitops.PublishException;
import dev.goldenpath.gitops.PublishResult;
import dev.goldenpath.pipeline.Publication;
import dev.goldenpath.pipeline.Renders;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code goldenpath publish}: renders one platform and commits the tree to its GitOps repository. Secrets come
 * from environment variables or files, never from an argument's value (arguments end up in shell history and
 * process lists).
 */
@Command(name = "publish", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        header = "Render one platform and commit it to its GitOps repository.",
        description = {
            "Commits only when something changed, pushes fast-forward only, and touches only the files this "
                + "publisher owns. Plaintext secrets are refused before anything is committed.",
            "",
            "Credentials are never an argument's value nor part of the URL (such a URL is refused): an HTTPS token "
                + "comes from --token-file FILE or the environment variable named by --token-env (default "
                + "GOLDENPATH_GIT_TOKEN; set but empty is an error), sent as the password of user x-access-token. "
                + "SSH uses --ssh-key FILE (ed25519, ECDSA or RSA), or without it the keys of the ssh-agent in "
                + "$SSH_AUTH_SOCK; host keys are checked against --known-hosts FILE; a key passphrase comes from the "
                + "variable named by --ssh-passphrase-env.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:published, or nothing to commit",
            "1:invalid spec, policy findings, plaintext secrets or paths owned by someone else",
            "2:usage error",
            "3:network, credentials, host key, refused push or I/O",
        })
final class PublishCommand implements Callable<Integer> {

    /** Files listed in text output; a CI log does not need a thousand lines per publish. */
    private static final int SHOWN_FILES = 20;

    private final Console console;

    @Mixin
    SpecOptions specs;

    @Mixin
    SealingOptions sealing;

    @Option(names = "--repository", paramLabel = "URL",
            description = "https://, ssh://, git@host:path, or a local path (default: the platform's gitRepository).")
    String repository;

    @Option(names = "--branch", paramLabel = "NAME", description = "Branch to commit to (default: the platform's gitRevision).")
    String branch;

    @Option(names = "--root", paramLabel = "FOLDER", defaultValue = "",
            description = "Folder of the repository the tree goes under (default: the repository root).")
    String root;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Commit subject (default: 'Render platform <name>').")
    String message;

    @Option(names = "--source-revision", paramLabel = "SHA",
            description = "Revision of the spec repository, recorded as a commit trailer (default: $GITHUB_SHA or $CI_COMMIT_SHA).")
    String sourceRevision;

    @Mixin
    CredentialOptions credentials;

    @Option(names = "--create", description = "Create a bare repository at a local path on first use.")
    boolean create;

    @Option(names = "--dry-run", description = "Report what would change; commit nothing.")
    boolean dryRun;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    PublishCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        return Commands.guard(console, "publish", () -> {
            GitConfiguration.loadInBackground();
            Renders renders = SpecRun.render(console, specs, sealing);
            if (!renders.passed()) {
                if (output == OutputFormat.JSON) {
                    ObjectNode json = Json.object().put("published", false);
                    SpecRun.addProblems(renders, json);
                    console.out().print(Json.write(json));
                }
                SpecRun.printProblems(renders, console.err());
                return Goldenpath.FINDINGS;
            }
            RenderedPlatform rendered = SpecRun.mapped(renders::single);
            Platform platform = rendered.platform();
            Publication publication;
            try {
                publication = Publication.of(platform).repository(repository).branch(branch).root(root)
                        .createRepository(create).dryRun(dryRun).message(message).sourceRevision(sourceRevision)
                        .sourceRevisionFrom(name -> console.env().get(name))
                        .credentials(credentials.resolve(console));
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
            PublishResult result;
            try (Progress progress = Progress.start(console.err(), "publishing " + platform.name())) {
                result = publication.publish(rendered.rendering().tree());
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            } catch (PublishException e) {
                return failed(e, publication);
            }
            if (output == OutputFormat.JSON) {
                console.out().print(Json.write(json(platform, result)));
            } else {
                console.out().println((result.dryRun() ? "would publish " : result.nothingToCommit()
                        ? "nothing to publish for " : "published ") + platform.name() + ": " + result.summary());
                List<String> lines = result.diff().lines().toList();
                lines.stream().limit(SHOWN_FILES).forEach(console.out()::println);
                if (lines.size() > SHOWN_FILES) {
                    console.out().println("... and " + (lines.size() - SHOWN_FILES) + " more (--output json lists every file)");
                }
            }
            return Goldenpath.OK;
        });
    }

    private int failed(PublishException e, Publication publication) {
        // The library's message names its own API (createIfMissing()); on the command line it is --create.
        String message = e.reason() == PublishException.Reason.REPOSITORY_NOT_FOUND && !create && publication.isLocal()
                ? "no git repository at " + publication.location() + " (add --create to create a bare repository there)"
                : e.getMessage();
        console.err().println("goldenpath publish: " + e.reason() + ": " + message);
        boolean finding = switch (e.reason()) {
            case SECRET_DETECTED, PATH_CONFLICT -> true;
            default -> false;
        };
        if (output == OutputFormat.JSON) {
            console.out().print(Json.write(Json.object().put("published", false).put("outcome", "failed")
                    .put("reason", e.reason().name()).put("message", message)));
        }
        return e.reason() == PublishException.Reason.INVALID_REQUEST ? Goldenpath.USAGE
                : finding ? Goldenpath.FINDINGS : Goldenpath.FAILED;
    }

    private static ObjectNode json(Platform platform, PublishResult result) {
        // published: a commit was made (and pushed); not for a dry run or when the branch already holds the tree.
        ObjectNode json = Json.object()
                .put("published", !result.nothingToCommit() && !result.dryRun())
                .put("outcome", result.dryRun() ? "dry-run" : result.nothingToCommit() ? "nothing-to-commit" : "committed")
                .put("platform", platform.name())
                .put("branch", result.branch())
                .put("commit", result.commitId().orElse(null))
                .put("parent", result.parentId().orElse(null))
                .put("nothingToCommit", result.nothingToCommit())
                .put("dryRun", result.dryRun())
                .put("bytes", result.bytes())
                .put("retries", result.retries());
        for (var files : List.of(Map.entry("added", result.added()), Map.entry("changed", result.changed()),
                Map.entry("removed", result.removed()))) {
            ArrayNode array = json.putArray(files.getKey());
            files.getValue().forEach(array::add);
        }
        return json;
    }
}
