package dev.goldenpath.maven;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.tree.RenderedTree;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
        Path folder = outputDirectory.toPath().resolve(platform.name());
        RenderedTree.Builder tree = RenderedTree.builder();
        if (!Files.isDirectory(folder)) {
            return tree.build();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                tree.add(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the previous render in " + folder, e);
        }
        return tree.build();
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("goldenpath: skipped");
            return;
        }
        for (Map.Entry<Platform, Rendering> entry : render().entrySet()) {
            Path target = outputDirectory.toPath().resolve(entry.getKey().name());
            Rendering rendering = entry.getValue();
            try {
                int written = rendering.tree().writeTo(target);
                int removed = removeOthers(target, rendering.tree().paths());
                getLog().info("goldenpath: rendered " + entry.getKey().name() + ": " + rendering.summary());
                getLog().info("goldenpath:   " + target + ": " + FileList.files(written) + " written, " + removed + " removed");
            } catch (UncheckedIOException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        }
    }

    /** Deletes the files below {@code folder} that are not in {@code keep}, then the folders left empty. */
    private static int removeOthers(Path folder, java.util.Set<String> keep) {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            int removed = 0;
            for (Path path : paths) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (Files.isRegularFile(path) && !keep.contains(relative)) {
                    Files.delete(path);
                    removed++;
                } else if (Files.isDirectory(path) && !path.equals(folder)) {
                    try (Stream<Path> entries = Files.list(path)) {
                        if (entries.findAny().isEmpty()) {
                            Files.delete(path);
                        }
                    }
                }
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean " + folder, e);
        }
    }
}
