package dev.goldenpath.maven;

import dev.goldenpath.dsl.PlatformSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.maven.project.MavenProject;

/**
 * Why no spec was found. After {@code mvn clean goldenpath:check} the cause is not the services file but that nothing
 * was compiled: the goals render compiled classes, so say that first.
 */
final class NothingCompiled {

    private NothingCompiled() {
    }

    static String explain(MavenProject project, String problem) {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (!hasClasses(classes)) {
            return "nothing compiled: " + classes + " holds no classes, and the goldenpath goals render the compiled "
                    + "spec classes. Run them after compile: `mvn verify`, or `mvn compile goldenpath:"
                    + "check` (" + problem.lines().findFirst().orElse("") + ")";
        }
        return problem + "\n(name your specs in <specs><spec>com.example.MyPlatform</spec></specs>, or list them one per "
                + "line in src/main/resources/META-INF/services/" + PlatformSpec.class.getName() + ")";
    }

    static boolean hasClasses(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.anyMatch(p -> p.toString().endsWith(".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
