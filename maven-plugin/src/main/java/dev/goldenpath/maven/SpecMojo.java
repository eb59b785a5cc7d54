package dev.goldenpath.maven;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;
import dev.goldenpath.dsl.SpecException;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.generators.policy.PolicyViolationException;
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

    /** Skips the goal. */
    @Parameter(property = "goldenpath.skip", defaultValue = "false")
    boolean skip;

    /**
     * Loads every spec and renders every platform.
     *
     * @throws MojoFailureException listing every spec violation and every policy finding of every platform
     */
    Map<Platform, Rendering> render() throws MojoExecutionException, MojoFailureException {
        List<String> problems = new ArrayList<>();
        Map<Platform, Rendering> renderings = new LinkedHashMap<>();
        for (Platform loaded : platforms(problems)) {
            try {
                Rendering rendering = Renderer.secureByDefault().render(loaded);
                renderings.put(loaded, rendering);
            } catch (PolicyViolationException e) {
                problems.add("platform '" + loaded.name() + "': " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException(String.join("\n", problems));
        }
        return renderings;
    }

    private List<Platform> platforms(List<String> problems) throws MojoExecutionException, MojoFailureException {
        List<Platform> platforms = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader("goldenpath-specs", classPath(), getClass().getClassLoader())) {
            List<PlatformSpec> found;
            try {
                found = PlatformSpec.find(loader, specs);
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(e.getMessage() + "\n(see docs/maven-plugin.md: name your specs in "
                        + "<specs> or list them in src/main/resources/META-INF/services/" + PlatformSpec.class.getName() + ")");
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
