package dev.goldenpath.cli;

import dev.goldenpath.pipeline.Renders;
import dev.goldenpath.review.BaseTree;
import dev.goldenpath.review.Change;
import dev.goldenpath.review.FailOn;
import dev.goldenpath.review.Review;
import dev.goldenpath.review.ReviewException;
import dev.goldenpath.review.ReviewFormat;
import dev.goldenpath.tree.RenderedTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code goldenpath review}: the security meaning of a change, for a pull request. */
final class ReviewCommand implements Command {

    private final Console console;

    final SpecOptions specs = new SpecOptions();
    final SealingOptions sealing = new SealingOptions();
    String base;
    String baseRoot = "";
    Path head;
    ReviewFormat output = ReviewFormat.MARKDOWN;
    Path report;
    final List<String> failOn = new ArrayList<>();

    ReviewCommand(Console console) {
        this.console = console;
    }

    @Override
    public void declare(Syntax syntax) {
        syntax.header("Review the security meaning of a change (for a pull request).")
                .description("Compares the tree at --base (a folder, or the GitOps repository at a revision) with the new "
                        + "render of the specs (or the folder --head): network edges the NetworkPolicies allow, RBAC "
                        + "permissions, weakenings, Pod Security levels, images, secrets, Argo CD projects and baseline "
                        + "policies. Prints Markdown for a pull-request comment, JSON or SARIF. --fail-on makes chosen "
                        + "changes fail (exit 1).");
        specs.declare(syntax);
        sealing.declare(syntax);
        syntax.required("--base", "LOCATION[@REV]", "What is deployed: a folder, a git repository (working copy or bare) "
                + "at @REV, or a repository URL (cloned; @REV default HEAD), e.g. ../gitops@origin/main.",
                value -> base = value);
        syntax.option("--base-root", "FOLDER",
                "Folder of the base repository the tree is published under (default: its root).",
                value -> baseRoot = value);
        syntax.option("--head", "DIR", "Review this rendered folder instead of rendering the specs.",
                value -> head = Path.of(value));
        syntax.option("-o, --output", "FORMAT", "markdown, json or sarif (default: markdown).",
                value -> output = Syntax.choice(ReviewFormat.class, value));
        syntax.option("--report", "FILE", "Write the review to FILE instead of standard output.",
                value -> report = Path.of(value));
        syntax.list("--fail-on", "WHAT", ",", "Exit 1 on these changes (comma-separated): new-weakening, "
                + "cluster-permission, new-permission, new-edge, pss-lowered, image-unpinned, project-widened, "
                + "baseline-changed, widening, any.", failOn::add);
        syntax.exitCode(Goldenpath.OK, "reviewed, nothing --fail-on names")
                .exitCode(Goldenpath.FINDINGS, "a change --fail-on names, an invalid spec or policy findings")
                .exitCode(Goldenpath.USAGE, "usage error")
                .exitCode(Goldenpath.FAILED, "the review could not be made: base not readable, invalid YAML or "
                        + "NetworkPolicies, I/O");
    }

    @Override
    public int call() {
        return Commands.guard(console, "review", () -> {
            Set<FailOn> policy;
            try {
                policy = FailOn.parse(failOn);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--fail-on: " + e.getMessage());
            }
            try {
                RenderedTree before = BaseTree.read(base, baseRoot);
                RenderedTree after;
                if (head != null) {
                    if (!Files.isDirectory(head)) {
                        throw new UsageError("--head " + head + " is not a folder");
                    }
                    after = BaseTree.folder(head);
                } else {
                    // What is deployed is the previous render: unchanged secrets keep their ciphertext.
                    Renders renders = SpecRun.render(console, specs, sealing, java.util.Optional.empty(),
                            platform -> before);
                    if (!renders.passed()) {
                        SpecRun.printProblems(renders, console.err());
                        return Goldenpath.FINDINGS;
                    }
                    after = SpecRun.mapped(renders::single).rendering().tree();
                }
                Review review = Review.between(before, after);
                write(review.format(output));
                console.err().println("goldenpath review: " + review.summary());
                List<Change> violations = review.violations(policy);
                for (Change violation : violations) {
                    console.err().println("goldenpath review: fails on " + violation.rule() + ": " + violation.line());
                }
                return violations.isEmpty() ? Goldenpath.OK : Goldenpath.FINDINGS;
            } catch (ReviewException e) {
                console.err().println("goldenpath review: " + e.getMessage());
                return Goldenpath.FAILED;
            }
        });
    }

    private void write(String text) {
        if (report == null) {
            console.out().print(text);
            return;
        }
        try {
            Path parent = report.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(report, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + report, e);
        }
    }
}
