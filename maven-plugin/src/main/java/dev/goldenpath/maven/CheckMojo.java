package dev.goldenpath.maven;

import dev.goldenpath.generators.Rendering;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when a spec is invalid or a rendered object breaks the policy, listing every spec violation and
 * every policy finding of every platform in one failure. Writes nothing.
 *
 * <p>{@code mvn verify}: bound by default, like other checks.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class CheckMojo extends SpecMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("goldenpath: skipped");
            return;
        }
        for (RenderedPlatform rendered : render()) {
            Rendering rendering = rendered.rendering();
            getLog().info("goldenpath: " + rendered.platform().name() + " passed: spec valid, " + rendering.objects().size()
                    + " objects pass the policy, " + rendering.report().weakenings().size() + " declared weakenings");
            rendering.report().weakenings().forEach(e -> getLog().info("goldenpath:   declared weakening "
                    + e.environment() + "/" + e.app() + " " + e.weakening() + ": " + e.reason()));
        }
    }
}
