package dev.goldenpath.maven;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import dev.goldenpath.review.BaseTree;
import dev.goldenpath.review.Change;
import dev.goldenpath.review.FailOn;
import dev.goldenpath.review.Review;
import dev.goldenpath.review.ReviewException;
import dev.goldenpath.review.ReviewFormat;
import dev.goldenpath.tree.RenderedTree;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reviews the security meaning of the change from what is deployed (the GitOps repository at a revision, or a folder)
 * to the new render: network edges, RBAC permissions, weakenings, Pod Security levels, images, secrets, Argo CD
 * projects and baseline policies. Writes the review (Markdown for a pull-request comment, JSON or SARIF) and fails
 * the build on the changes {@code failOn} names.
 *
 * <pre>{@code
 * mvn verify goldenpath:review -Dgoldenpath.review.base=../gitops@origin/main -Dgoldenpath.review.failOn=new-weakening
 * }</pre>
 */
@Mojo(name = "review", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class ReviewMojo extends SpecMojo {

    /** What is deployed: a folder, a git repository at {@code @REV}, or a repository URL ({@code @REV} default HEAD). */
    @Parameter(property = "goldenpath.review.base", required = true)
    String base;

    /** Folder of the base repository the tree is published under; default its root. */
    @Parameter(property = "goldenpath.review.baseRoot", defaultValue = "")
    String baseRoot;

    /** {@code markdown}, {@code json} or {@code sarif}. */
    @Parameter(property = "goldenpath.review.format", defaultValue = "markdown")
    String format;

    /** Where the review is written; default {@code target/goldenpath-review.md} ({@code .json}, {@code .sarif}). */
    @Parameter(property = "goldenpath.review.report")
    File report;

    /** Changes that fail the build, e.g. {@code new-weakening,cluster-permission}; none by default. */
    @Parameter(property = "goldenpath.review.failOn")
    List<String> failOn = new ArrayList<>();

    private RenderedTree baseTree;

    @Override
    RenderedTree previous(Platform platform) {
        // What is deployed is the previous render: unchanged secrets keep their ciphertext.
        return baseTree;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("goldenpath: skipped");
            return;
        }
        ReviewFormat reviewFormat = format(format);
        Set<FailOn> policy = policy(failOn);
        try {
            baseTree = BaseTree.read(base, baseRoot);
        } catch (ReviewException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        List<RenderedPlatform> renderings = render();
        if (renderings.size() != 1) {
            throw new MojoFailureException("goldenpath review compares one platform with its GitOps repository; the specs"
                    + " define " + renderings.size() + ": choose one with <platform>");
        }
        Path target = report != null ? report.toPath()
                : Path.of(project.getBuild().getDirectory(), "goldenpath-review." + extension(reviewFormat));
        review(baseTree, renderings.get(0).rendering().tree(), reviewFormat, policy, target, getLog());
    }

    /**
     * Reviews, writes the report, logs the summary and fails on what {@code policy} names.
     *
     * @throws MojoFailureException listing every change the policy fails on
     * @throws MojoExecutionException when the review cannot be made or written
     */
    static Review review(RenderedTree before, RenderedTree after, ReviewFormat format, Set<FailOn> policy, Path report,
                         Log log) throws MojoExecutionException, MojoFailureException {
        Review review;
        try {
            review = Review.between(before, after);
        } catch (ReviewException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        try {
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, review.format(format), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("could not write " + report, e);
        }
        log.info("goldenpath: review: " + review.summary() + " (" + report + ")");
        review.changes().forEach(change -> log.info("goldenpath:   " + change.line()));
        List<Change> violations = review.violations(policy);
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder("the change fails the review policy (" + violations.size()
                    + " change" + (violations.size() == 1 ? "" : "s") + "):");
            violations.forEach(change -> message.append("\n  [").append(change.rule()).append("] ").append(change.line()));
            throw new MojoFailureException(message.toString());
        }
        return review;
    }

    static ReviewFormat format(String text) throws MojoFailureException {
        try {
            return ReviewFormat.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("goldenpath.review.format: '" + text + "' is not markdown, json or sarif");
        }
    }

    static Set<FailOn> policy(List<String> values) throws MojoFailureException {
        try {
            return FailOn.parse(values);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("goldenpath.review.failOn: " + e.getMessage());
        }
    }

    private static String extension(ReviewFormat format) {
        return switch (format) {
            case MARKDOWN -> "md";
            case JSON -> "json";
            case SARIF -> "sarif";
        };
    }
}
