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

/**
 * {@code goldenpath publish}: renders one platform and commits the tree to its GitOps repository. Secrets come
 * from environment variables or files, never from an argument's value (arguments end up in shell history and
 * process lists).
 */
final class PublishCommand implements Command {

    /** Files listed in text output; a CI log does not need a thousand lines per publish. */
    private static final int SHOWN_FILES = 20;

    private final Console console;

    final SpecOptions specs = new SpecOptions();
    final SealingOptions sealing = new SealingOptions();
    final CredentialOptions credentials = new CredentialOptions();
    String repository;
    String branch;
    String root = "";
    String message;
    String sourceRevision;
    boolean create;
    boolean dryRun;
    OutputFormat output = OutputFormat.TEXT;

    PublishCommand(Console console) {
        this.console = console;
    }

    @Override
    public void declare(Syntax syntax) {
        syntax.header("Render one platform and commit it to its GitOps repository.")
                .description("Commits only when something changed, pushes fast-forward only, and touches only the files "
                        + "this publisher owns. Plaintext secrets are refused before anything is committed.",
                        "",
                        "Credentials are never an argument's value nor part of the URL (such a URL is refused): an HTTPS "
                        + "token comes from --token-file FILE or the environment variable named by --token-env (default "
                        + "GOLDENPATH_GIT_TOKEN; set but empty is an error), sent as the password of user x-access-token. "
                        + "SSH uses --ssh-key FILE (ed25519, ECDSA or RSA), or without it the keys of the ssh-agent in "
                        + "$SSH_AUTH_SOCK; host keys are checked against --known-hosts FILE; a key passphrase comes from "
                        + "the variable named by --ssh-passphrase-env.");
        specs.declare(syntax);
        sealing.declare(syntax);
        syntax.option("--repository", "URL",
                "https://, ssh://, git@host:path, or a local path (default: the platform's gitRepository).",
                value -> repository = value);
        syntax.option("--branch", "NAME", "Branch to commit to (default: the platform's gitRevision).",
                value -> branch = value);
        syntax.option("--root", "FOLDER", "Folder of the repository the tree goes under (default: the repository root).",
                value -> root = value);
        syntax.option("-m, --message", "TEXT", "Commit subject (default: 'Render platform <name>').",
                value -> message = value);
        syntax.option("--source-revision", "SHA", "Revision of the spec repository, recorded as a commit trailer "
                + "(default: $GITHUB_SHA or $CI_COMMIT_SHA).", value -> sourceRevision = value);
        credentials.declare(syntax);
        syntax.flag("--create", "Create a bare repository at a local path on first use.", () -> create = true);
        syntax.flag("--dry-run", "Report what would change; commit nothing.", () -> dryRun = true);
        syntax.option("-o, --output", "FORMAT", "text or json (default: text).",
                value -> output = Syntax.choice(OutputFormat.class, value));
        syntax.exitCode(Goldenpath.OK, "published, or nothing to commit")
                .exitCode(Goldenpath.FINDINGS, "invalid spec, policy findings, plaintext secrets or paths owned by "
                        + "someone else")
                .exitCode(Goldenpath.USAGE, "usage error")
                .exitCode(Goldenpath.FAILED, "network, credentials, host key, refused push or I/O");
    }

    @Override
    public int call() {
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
