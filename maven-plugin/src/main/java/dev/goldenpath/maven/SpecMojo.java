package dev.goldenpath.maven;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.pipeline.Pipeline;
import dev.goldenpath.pipeline.PipelineException;
import dev.goldenpath.pipeline.Renders;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import dev.goldenpath.tree.RenderedTree;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the project's parameters mapped to the library pipeline ({@link Pipeline}), which finds the
 * platform specs on the project's runtime class path and renders them, every problem collected into one build failure.
 *
 * <p>Discovery: the classes named in {@code <specs>}, or else every class listed in
 * {@code src/main/resources/META-INF/services/dev.goldenpath.dsl.PlatformSpec}.
 */
abstract class SpecMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Classes implementing {@code dev.goldenpath.dsl.PlatformSpec}; default: those listed for ServiceLoader. */
    @Parameter(property = "goldenpath.specs")
    List<String> specs = new ArrayList<>();

    /** Only the platform with this name, when the specs define several. */
    @Parameter(property = "goldenpath.platform")
    String platform;

    /**
     * Tightens the render-time policy: images must be pinned by digest (lint rule {@code image-digest}). The
     * policy can be tightened here, never loosened: exceptions are declared in the spec.
     */
    @Parameter(property = "goldenpath.requireDigest", defaultValue = "false")
    boolean requireDigest;

    /** Skips the goal (it logs {@code goldenpath: skipped}), e.g. {@code -Dgoldenpath.skip} for a build without specs. */
    @Parameter(property = "goldenpath.skip", defaultValue = "false")
    boolean skip;

    /**
     * The sealed-secrets controller certificate (PEM file) of each environment, for secrets sealed at render time:
     * {@code <sealingCertificates><production>certs/production.pem</production></sealingCertificates>}.
     */
    @Parameter
    Map<String, File> sealingCertificates = new LinkedHashMap<>();

    /** A sealing key file for repeatable ciphertext; default: the environment variable GOLDENPATH_SEALING_KEY. */
    @Parameter(property = "goldenpath.sealingKeyFile")
    File sealingKeyFile;

    /** The tree a platform rendered last time, whose ciphertext unchanged secrets keep; none by default. */
    RenderedTree previous(Platform platform) {
        return RenderedTree.empty();
    }

    /**
     * Loads every spec and renders every platform, through the library pipeline.
     *
     * @throws MojoFailureException listing every spec violation and every policy finding of every platform
     */
    List<RenderedPlatform> render() throws MojoExecutionException, MojoFailureException {
        Pipeline pipeline = Pipeline.classPath(List.of(classPath()), getClass().getClassLoader())
                .specs(specs)
                .platform(platform)
                .previous(this::previous);
        if (requireDigest) {
            // The platform team may tighten the policy (never loosen it): images pinned by digest only.
            pipeline = pipeline.policy(Linter.builder().requireDigest(true).build());
        }
        for (Map.Entry<String, File> certificate : sealingCertificates.entrySet()) {
            pipeline = pipeline.sealingCertificate(certificate.getKey(), certificate.getValue().toPath());
        }
        if (sealingKeyFile != null) {
            pipeline = pipeline.sealingKey(sealingKeyFile.toPath());
        }
        Renders renders;
        try {
            renders = pipeline.render();
        } catch (PipelineException e) {
            String message = switch (e.reason()) {
                case SPEC_NOT_FOUND -> NothingCompiled.explain(project, e.getMessage());
                case SPEC_INCOMPATIBLE -> e.getMessage() + " (use the plugin's version for goldenpath-dsl too)";
                case GENERATOR -> e.getMessage() + "\n(see docs/beyond-the-golden-path.md)";
                // Messages name files and environments, never key material.
                case SEALING -> "goldenpath sealing: " + e.getMessage();
                default -> e.getMessage();
            };
            // A spec that does not fit or fails is broken code (an error); the rest are the project's to fix.
            if (e.reason() == PipelineException.Reason.SPEC_INCOMPATIBLE || e.reason() == PipelineException.Reason.SPEC_FAILED) {
                throw new MojoExecutionException(message, e);
            }
            throw new MojoFailureException(message, e);
        }
        if (!renders.passed()) {
            throw new MojoFailureException(String.join("\n", renders.problems()));
        }
        return renders.rendered();
    }

    /** The project's compiled classes and runtime dependencies; the plugin's own goldenpath classes come first. */
    private URL[] classPath() throws MojoExecutionException {
        try {
            List<URL> urls = new ArrayList<>();
            for (String element : project.getRuntimeClasspathElements()) {
                urls.add(new File(element).toURI().toURL());
            }
            return urls.toArray(URL[]::new);
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoExecutionException("could not build the project's runtime class path", e);
        }
    }
}
