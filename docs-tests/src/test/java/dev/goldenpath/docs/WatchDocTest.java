package dev.goldenpath.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.goldenpath.cli.Goldenpath;
import dev.goldenpath.samples.AcmeSpec;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/cli.md's {@code render --watch}: its command, run as the page shows it (the samples' class folder and the output
 * folder moved to a temporary one), with the spec class compiled again once, prints the output the page shows, times
 * aside.
 */
class WatchDocTest {

    static final Path PAGE = Docs.ROOT.resolve("docs/cli.md");

    @TempDir
    Path tmp;

    @Test
    void theWatchPrintsWhatThePageShows() throws Exception {
        Markdown.Block command = Markdown.blocks(PAGE).stream()
                .filter(b -> ShellCommands.isShell(b) && b.text().contains("render --watch")).findFirst()
                .orElseThrow(() -> new AssertionError("no render --watch command in " + PAGE));
        List<String> words = new ArrayList<>(Arrays.asList(command.text().strip().split("\\s+")));
        assertEquals(List.of("java", "-jar", "cli/target/goldenpath.jar"), words.subList(0, 3), command.where());
        words.subList(0, 3).clear();

        // The samples' spec class in a class folder of its own, as a build leaves it; the rest of the samples comes from
        // the test class path (the class loader asks it first, so the class itself is the same either way).
        Path classes = tmp.resolve("samples/target/classes");
        Path spec = classes.resolve(AcmeSpec.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(spec.getParent());
        try (InputStream bytes = AcmeSpec.class.getResourceAsStream("AcmeSpec.class")) {
            Files.write(spec, bytes.readAllBytes());
        }
        List<String> args = words.stream().map(word -> switch (word) {
            case "samples/target/classes" -> classes.toString();
            case "target/samples" -> tmp.resolve("target/samples").toString();
            default -> word;
        }).toList();
        assertTrue(args.contains(classes.toString()) && args.contains(tmp.resolve("target/samples").toString()),
                "the command names the samples' classes and target/samples: " + args);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread watch = new Thread(() -> exit.set(Goldenpath.run(args.toArray(String[]::new), InputStream.nullInputStream(),
                both, both, Map.of())), "watch-doc");
        watch.start();
        try {
            await(printed, watch, "watching 1 class path entry");
            // Compiled again without a change: the same bytes, a new time.
            Files.write(spec, Files.readAllBytes(spec));
            Files.setLastModifiedTime(spec, FileTime.fromMillis(System.currentTimeMillis() + 2_000));
            await(printed, watch, "rendered in");
        } finally {
            watch.interrupt();
            watch.join(60_000);
        }
        assertFalse(watch.isAlive(), "the watch did not stop when interrupted");
        assertEquals(0, exit.get());

        String output = printed.toString(StandardCharsets.UTF_8).replace(tmp + "/", "")
                .replaceAll("rendered in \\d+\\.\\d\\d s", "rendered in 0.11 s")
                .replace("goldenpath render: stopped watching\n", "")
                // A first render over a second (a cold test JVM) prints a progress line (docs/cli.md, Progress).
                .replaceAll("(?m)^goldenpath: loading and rendering the platform specs .*\n", "");
        Markdown.Block shown = Markdown.blocks(PAGE).stream()
                .filter(b -> b.marked("output") && b.marker().get().argument().equals("watch")).findFirst()
                .orElseThrow(() -> new AssertionError("no <!-- docs: output watch --> in " + PAGE));
        assertEquals(shown.text().strip(), output.strip(), shown.where() + " is not what the watch printed");
    }

    private static void await(ByteArrayOutputStream printed, Thread watch, String part) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!printed.toString(StandardCharsets.UTF_8).contains(part)) {
            if (!watch.isAlive() || System.nanoTime() > deadline) {
                fail("no '" + part + "' in what the watch printed:\n" + printed.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
    }
}
