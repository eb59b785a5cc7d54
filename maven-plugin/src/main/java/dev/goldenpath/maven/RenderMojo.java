package dev.goldenpath.maven;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import dev.goldenpath.pipeline.TreeFolders;
import dev.goldenpath.tree.RenderedTree;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Renders the project's platform specs into {@code target/goldenpath/<platform>/}: one folder per app and
 * environment, the namespaces, the Argo CD objects and the docs, with a kustomization in every folder. Files the
 * render no longer produces are removed, so the folder always holds exactly the current render.
 *
 * <p>{@code mvn process-classes}: bound by default after compilation.
 *
 * <p>{@code mvn compile goldenpath:render}: or on its own.
 */
@Mojo(name = "render", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class RenderMojo extends SpecMojo {

    /** Where the trees go, one folder per platform. */
    @Parameter(property = "goldenpath.outputDirectory", defaultValue = "${project.build.directory}/goldenpath")
    File outputDirectory;

    /** The last render in the output folder: secrets whose values did not change keep their ciphertext. */
    @Override
    RenderedTree previous(Platform platform) {
        return TreeFolders.read(outputDirectory.toPath().resolve(platform.name()));
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("goldenpath: skipped");
            return;
        }
        for (RenderedPlatform rendered : render()) {
            String name = rendered.platform().name();
            Path target = outputDirectory.toPath().resolve(name);
            Rendering rendering = rendered.rendering();
            try {
                int written = rendering.tree().writeTo(target);
                int removed = TreeFolders.removeOthers(target, rendering.tree().paths());
                getLog().info("goldenpath: rendered " + name + ": " + rendering.summary());
                getLog().info("goldenpath:   " + target + ": " + FileList.files(written) + " written, " + removed + " removed");
            } catch (UncheckedIOException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        }
    }
}
