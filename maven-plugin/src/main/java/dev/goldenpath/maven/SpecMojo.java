package dev.goldenpath.maven;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;
import dev.goldenpath.dsl.SpecException;
import dev.goldenpath.generators.RenderException;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.generators.policy.PolicyViolationException;
import dev.goldenpath.secrets.sealed.Sealer;
import dev.goldenpath.secrets.sealed.SealingCertificate;
import dev.goldenpath.secrets.sealed.SealingKey;
import dev.goldenpath.tree.RenderedTree;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
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
 * What every goal shares: finding the project's platform specs on its runtime class path, and rendering them with
 * every problem collected into one build failure.
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
     * Loads every spec and renders every platform.
     *
     * @throws MojoFailureException listing every spec violation and every policy finding of every platform
     */
    Map<Platform, Rendering> render() throws MojoExecutionException, MojoFailureException {
        List<String> problems = new ArrayList<>();
        Map<Platform, Rendering> renderings = new LinkedHashMap<>();
        Renderer renderer = Generators.added(renderer(), classPath(), getClass().getClassLoader());
        for (Platform loaded : platforms(problems)) {
            try {
                Rendering rendering = renderer.previous(previous(loaded)).render(loaded);
                renderings.put(loaded, rendering);
            } catch (PolicyViolationException | RenderException e) {
                problems.add("platform '" + loaded.name() + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException(String.join("\n", problems));
        }
        return renderings;
    }

    /** Secure defaults, and a sealer per environment that has a certificate (deterministic with a sealing key). */
    private Renderer renderer() throws MojoFailureException {
        Renderer renderer = Renderer.secureByDefault();
        if (requireDigest) {
            // The platform team may tighten the policy (never loosen it): images pinned by digest only.
            renderer = renderer.policy(dev.goldenpath.lint.Linter.builder().requireDigest(true).build());
        }
        if (sealingCertificates.isEmpty()) {
            return renderer;
        }
        SealingKey key = null;
        try {
            if (sealingKeyFile != null) {
                key = SealingKey.fromFile(sealingKeyFile.toPath());
            } else {
                key = SealingKey.fromEnvIfSet(SealingKey.DEFAULT_ENVIRONMENT_VARIABLE).orElse(null);
            }
            for (Map.Entry<String, File> certificate : sealingCertificates.entrySet()) {
                Sealer sealer = Sealer.with(SealingCertificate.fromPemFile(certificate.getValue().toPath()));
                renderer = renderer.sealing(certificate.getKey(), key == null ? sealer : sealer.deterministic(key));
            }
            return renderer;
        } catch (IllegalArgumentException e) {
            // Messages name files and environments, never key material.
            throw new MojoFailureException("goldenpath sealing: " + e.getMessage(), e);
        } finally {
            if (key != null) {
                key.destroy();
            }
        }
    }

    private List<Platform> platforms(List<String> problems) throws MojoExecutionException, MojoFailureException {
        List<Platform> platforms = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader("goldenpath-specs", classPath(), getClass().getClassLoader())) {
            List<PlatformSpec> found;
            try {
                found = PlatformSpec.find(loader, specs);
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(NothingCompiled.explain(project, e.getMessage()));
            }
            for (PlatformSpec spec : found) {
                try {
                    Platform built = spec.build();
                    if (platform == null || platform.equals(built.name())) {
                        platforms.add(built);
                    }
                } catch (SpecException e) {
                    if (platform == null || platform.equals(e.platform())) {
                        problems.add(e.getMessage());
                    }
                } catch (LinkageError e) {
                    throw new MojoExecutionException(spec.getClass().getName() + " does not fit this plugin (compiled"
                            + " against another goldenpath-dsl version? use the plugin's version for both): " + e, e);
                } catch (RuntimeException e) {
                    throw new MojoExecutionException(spec.getClass().getName() + ".build() failed: " + e, e);
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("could not close the spec class loader", e);
        }
        if (platform != null && platforms.isEmpty() && problems.isEmpty()) {
            throw new MojoFailureException("no spec defines platform '" + platform + "'");
        }
        return platforms;
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
