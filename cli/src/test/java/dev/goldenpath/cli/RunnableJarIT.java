package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.samples.AcmeSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar cli/target/goldenpath.jar}, exactly as the docs tell users to run it. */
class RunnableJarIT {

    @TempDir
    Path tmp;

    @Test
    void theShadedJarRunsEveryKindOfCommand() throws Exception {
        Path samples = Path.of(AcmeSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        Result help = java("--help");
        assertEquals(0, help.exit, help.output);
        assertTrue(help.output.contains("Commands:"), help.output);

        Result render = java("render", "-cp", samples.toString(), "--dir", tmp.toString());
        assertEquals(0, render.exit, render.output);
        assertTrue(Files.isRegularFile(tmp.resolve("acme/apps/production/frontend/deployment.yaml")), render.output);
        assertTrue(!render.output.contains("SLF4J"), render.output);

        Result publish = java("publish", "-cp", samples.toString(), "--repository", tmp.resolve("gitops.git").toString(),
                "--create", "-o", "json");
        assertEquals(0, publish.exit, publish.output);
        assertTrue(publish.output.contains("\"published\" : true"), publish.output);

        // fabric8 and the JDK HTTP client are found through merged META-INF/services files.
        Result seal = java("seal", "--generate-sealing-key");
        assertEquals(0, seal.exit, seal.output);

        Result usage = java("graph", "--no-such-option");
        assertEquals(2, usage.exit, usage.output);
    }

    private record Result(int exit, String output) {
    }

    private Result java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("goldenpath.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes());
        return new Result(process.waitFor(), output);
    }
}
