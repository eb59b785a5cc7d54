package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.samples.AcmeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code goldenpath} launcher next to the runnable jar: it renders exactly what {@code java -jar} renders, maps its
 * class-data sharing archive when that fits (on JDK 25 and later the JVM's ahead-of-time cache), and never hands the
 * JVM an archive that is damaged or made for another jar or another java (the JVM would crash on a truncated one, or
 * warn on a stale one): it runs without and makes it again.
 */
class LauncherIT {

    @TempDir
    Path tmp;

    private Path bin;
    private Path archive;
    private Path samples;

    @BeforeEach
    void copyTheLauncherAndJar() throws Exception {
        // A copy of its own: the tests damage the archive and touch the jar.
        Path jar = Path.of(System.getProperty("goldenpath.jar"));
        bin = Files.createDirectories(tmp.resolve("bin"));
        Files.copy(jar, bin.resolve("goldenpath.jar"));
        Files.copy(jar.resolveSibling("goldenpath"), bin.resolve("goldenpath"), StandardCopyOption.COPY_ATTRIBUTES);
        archive = bin.resolve("goldenpath.jsa");
        samples = Path.of(AcmeSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void rendersTheSameWithTheArchiveAsWithout() throws Exception {
        Result created = launch(Map.of("GOLDENPATH_CDS", "create"), "created");
        assertEquals(0, created.exit, created.output);
        assertTrue(Files.size(archive) > 0, created.output);

        Result without = render(Map.of("GOLDENPATH_CDS", "off"), "without");
        Result with = render(Map.of(), "with");
        assertEquals(0, without.exit, without.err);
        assertEquals(without.output, with.output);
        assertEquals(files(tmp.resolve("without/out")), files(tmp.resolve("with/out")));
        assertTrue(files(tmp.resolve("with/out")).containsKey("acme/apps/production/frontend/deployment.yaml"));
        assertFalse(fromArchive("without"), "GOLDENPATH_CDS=off maps no archive");
        assertTrue(fromArchive("with"), "the command's classes come from the archive");
        // A static archive: the command's classes sit in one layer with the JDK's, not in a dynamic archive's top layer.
        assertTrue(Files.readString(tmp.resolve("with.log")).lines()
                .anyMatch(line -> line.endsWith(" dev.goldenpath.cli.RenderCommand source: shared objects file")),
                "a static archive serves the command's classes");
        // The records the render hashes write out equals and hashCode: a record's own link on first use through
        // ObjectMethods, which spins method-handle classes no JDK 17 archive holds (docs/architecture.md).
        assertFalse(Files.readString(tmp.resolve("with.log")).contains(" java.lang.runtime.ObjectMethods "),
                "a render of the samples links no record method through ObjectMethods");
    }

    @Test
    void aTruncatedArchiveIsNotMappedAndIsMadeAgain() throws Exception {
        assertEquals(0, launch(Map.of("GOLDENPATH_CDS", "create"), "created").exit);
        Result reference = render(Map.of("GOLDENPATH_CDS", "off"), "reference");
        byte[] whole = Files.readAllBytes(archive);
        archive.toFile().setWritable(true);
        Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));

        Result damaged = render(Map.of(), "damaged");
        assertEquals(reference.output, damaged.output);
        assertFalse(fromArchive("damaged"));
        assertNoCrashReport();
        awaitArchive();
    }

    @Test
    void anArchiveOfAnotherJarIsNotMappedAndIsMadeAgain() throws Exception {
        assertEquals(0, launch(Map.of("GOLDENPATH_CDS", "create"), "created").exit);
        Result reference = render(Map.of("GOLDENPATH_CDS", "off"), "reference");
        // A new build of the jar: the archive no longer describes it.
        Files.setLastModifiedTime(bin.resolve("goldenpath.jar"), FileTime.from(Instant.now().plusSeconds(60)));

        Result stale = render(Map.of(), "stale");
        assertEquals(reference.output, stale.output);
        assertFalse(stale.err.contains("warning"), "no JVM warning about the archive: " + stale.err);
        assertFalse(fromArchive("stale"));
        awaitArchive();
    }

    @Test
    void aMissingArchiveIsMadeInTheBackground() throws Exception {
        Result first = launch(Map.of(), "first", "--version");
        assertEquals(0, first.exit, first.err);
        assertEquals("goldenpath 0.1.0-SNAPSHOT", first.output.strip());
        awaitArchive();
    }

    @Test
    void onJdk25TheArchiveIsTheAheadOfTimeCache() throws Exception {
        Path java25 = javaFrom25();
        Map<String, String> on25 = Map.of("GOLDENPATH_JAVA", java25.toString());
        Result created = launch(with(on25, "GOLDENPATH_CDS", "create"), "created");
        assertEquals(0, created.exit, created.err);
        assertEquals("goldenpath: class-data sharing archive " + archive, created.output.strip(),
                "the JVM's own reports of making the cache stay off the output");
        assertEquals("aot", kind());

        Result without = render(with(on25, "GOLDENPATH_CDS", "off"), "without");
        Result with = render(on25, "with");
        assertEquals(0, with.exit, with.err);
        assertEquals(without.output, with.output);
        assertEquals(files(tmp.resolve("without/out")), files(tmp.resolve("with/out")));
        assertFalse(fromArchive("without"));
        assertTrue(fromArchive("with"), "the command's classes come from the ahead-of-time cache");
        assertEquals(List.of(), with.err.lines().filter(line -> line.contains("warning") || line.contains("AOT")).toList(),
                "no JVM message about the cache");
        assertNoCrashReport();
    }

    @Test
    void anArchiveOfAnotherJavaIsNotMappedAndIsMadeAgainForIt() throws Exception {
        Path java25 = javaFrom25();
        assertEquals(0, launch(Map.of("GOLDENPATH_JAVA", java25.toString(), "GOLDENPATH_CDS", "create"), "created").exit);
        assertEquals("aot", kind());
        // The tests' own java (JDK 17 here) cannot map JDK 25's cache, nor be handed its log tag.
        Result reference = render(Map.of("GOLDENPATH_CDS", "off"), "reference");
        Result other = render(Map.of(), "other");
        assertEquals(0, other.exit, other.err);
        assertEquals(reference.output, other.output);
        assertFalse(other.err.contains("warning"), "no JVM warning about the archive: " + other.err);
        assertFalse(fromArchive("other"));
        awaitArchive();
        assertEquals(Runtime.version().feature() >= 25 ? "aot" : "cds", kind());
    }

    @Test
    void refusesAnUnknownArchiveMode() throws Exception {
        Result result = launch(Map.of("GOLDENPATH_CDS", "always"), "mode", "--version");
        assertEquals(2, result.exit, result.err);
        assertTrue(result.err.contains("GOLDENPATH_CDS must be auto, off or create"), result.err);
    }

    @Test
    void runsWithOneCompilerThreadUnlessTheUsersOptionsChooseTheCompilers() throws Exception {
        Result quick = launch(Map.of("GOLDENPATH_CDS", "off", "GOLDENPATH_JAVA_OPTS", "-XX:+PrintFlagsFinal"),
                "quick", "--version");
        assertEquals(0, quick.exit, quick.err);
        assertTrue(flag(quick.output, "CICompilerCount").equals("1"), quick.output);
        assertTrue(flag(quick.output, "TieredStopAtLevel").equals("1"), quick.output);
        // C2 back: the JVM refuses one compiler thread there, so the launcher leaves the count to the JVM.
        for (String options : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-XX:CICompilerCount=2")) {
            Result chosen = launch(Map.of("GOLDENPATH_CDS", "off", "GOLDENPATH_JAVA_OPTS", options + " -XX:+PrintFlagsFinal"),
                    "chosen", "--version");
            assertEquals(0, chosen.exit, options + ": " + chosen.err);
            assertFalse(flag(chosen.output, "CICompilerCount").equals("1"), options + ": " + chosen.output);
            assertTrue(chosen.output.contains("goldenpath "), chosen.output);
        }
    }

    @Test
    void aLintOfMoreThan16MibOfInputRunsWithTheJvmsOwnCompilers() throws Exception {
        // Sparse: 17 MiB to du, nothing on disk; --list-rules answers without reading it.
        Path large = tmp.resolve("large.yaml");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(17L * 1024 * 1024);
        }
        Path small = Files.writeString(tmp.resolve("small.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n");
        Map<String, String> flags = Map.of("GOLDENPATH_CDS", "off", "GOLDENPATH_JAVA_OPTS",
                "-XX:+PrintFlagsFinal -XshowSettings:properties");
        String readers = "goldenpath.lint.readers = ";
        for (String command : List.of("lint", "check")) {
            Result big = launch(flags, command + "-large", command, "--list-rules", large.toString());
            assertEquals(0, big.exit, big.err);
            assertEquals("4", flag(big.output, "TieredStopAtLevel"), command + " of 17 MiB: C2 as well");
            assertFalse(big.err.contains(readers), "with C2's profiling code, documents are read on one thread");
            assertFalse(flag(big.output, "CICompilerCount").equals("1"), big.output);
            assertEquals(String.valueOf(128L * 1024 * 1024), flag(big.output, "MaxNewSize"), "a young generation that fits what lint keeps");
            Result both = launch(flags, command + "-both", command, "--list-rules", small.toString(), large.toString());
            assertEquals("4", flag(both.output, "TieredStopAtLevel"), command + ": the paths' sizes add up");
            Result little = launch(flags, command + "-small", command, "--list-rules", small.toString());
            assertEquals("1", flag(little.output, "TieredStopAtLevel"), command + " of a small file: C1 alone");
            assertEquals("1", flag(little.output, "CICompilerCount"), little.output);
            assertFalse(flag(little.output, "MaxNewSize").equals(String.valueOf(128L * 1024 * 1024)), little.output);
            assertTrue(little.err.contains(readers + Runtime.getRuntime().availableProcessors()),
                    command + " with C1 alone: a large file's documents read on every core\n" + little.err);
        }
        // The class path holds classes, not input: a spec check stays a short run.
        Result spec = launch(flags, "spec", "check", "-cp", large.toString(), "--list-rules");
        assertEquals("1", flag(spec.output, "TieredStopAtLevel"), spec.output);
        Result render = launch(flags, "render", "render", "--help", large.toString());
        assertEquals("1", flag(render.output, "TieredStopAtLevel"), "only lint and check read input: " + render.output);
        assertFalse(render.err.contains(readers), render.err);
    }

    /** A flag's value in {@code -XX:+PrintFlagsFinal} output: {@code intx CICompilerCount = 1 {product} {...}}. */
    private static String flag(String printed, String name) {
        return printed.lines().map(String::trim).map(line -> line.split("\\s+"))
                .filter(words -> words.length > 3 && words[1].equals(name) && words[2].equals("="))
                .map(words -> words[3]).findFirst().orElseThrow(() -> new AssertionError("no flag " + name));
    }

    /** Waits for the background maker, then checks that the next run maps what it made. */
    @Test
    void aWatchRunsWithTheCollectorThatReturnsMemoryAndEndsOnATerminationSignal() throws Exception {
        // The samples' spec class in a class folder of its own, first on the class path; the rest from the samples.
        Path spec = tmp.resolve("classes/dev/goldenpath/samples/AcmeSpec.class");
        Files.createDirectories(spec.getParent());
        try (java.io.InputStream bytes = AcmeSpec.class.getResourceAsStream("AcmeSpec.class")) {
            Files.write(spec, bytes.readAllBytes());   // samples is a jar or a class folder, as the build has it
        }
        String classPath = tmp.resolve("classes") + java.io.File.pathSeparator + samples;

        Result once = launch(Map.of("GOLDENPATH_CDS", "off", "GOLDENPATH_JAVA_OPTS", "-Xlog:gc:file=" + tmp.resolve("once-gc.log")),
                "once", "render", "-cp", classPath, "--spec", AcmeSpec.class.getName(), "--dir", "out");
        assertEquals(0, once.exit, once.err);
        assertTrue(Files.readString(tmp.resolve("once-gc.log")).contains("Using Parallel"), "a short run: the parallel collector");

        Path err = tmp.resolve("watch.err");
        ProcessBuilder builder = builder(Map.of("GOLDENPATH_CDS", "off", "GOLDENPATH_JAVA_OPTS",
                "-Xlog:gc:file=" + tmp.resolve("watch-gc.log")), "watch", "render", "--watch", "-cp", classPath,
                "--spec", AcmeSpec.class.getName(), "--dir", "out").redirectOutput(tmp.resolve("watch.out").toFile());
        Process watch = builder.start();
        try {
            awaitLine(err, "watching 2 class path entries", watch);
            Files.write(spec, Files.readAllBytes(spec));
            Files.setLastModifiedTime(spec, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2_000));
            awaitLine(err, "rendered in", watch);
        } finally {
            watch.destroy();
        }
        assertTrue(watch.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the watch did not end on SIGTERM");
        assertEquals(143, watch.exitValue(), "ended by the signal (128 + 15)");
        assertTrue(Files.readString(tmp.resolve("watch-gc.log")).contains("Using G1"), "a watch: G1, which returns memory");
        assertEquals(files(tmp.resolve("once/out")), files(tmp.resolve("watch/out")), "the watch renders what a run renders");
        assertTrue(Files.readString(tmp.resolve("watch.out")).contains("0 files written"), "the second render rewrote files");
    }

    private static void awaitLine(Path err, String part, Process process) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.readString(err).contains(part)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no '" + part + "' from the watch (alive: " + process.isAlive() + "):\n"
                        + Files.readString(err));
            }
            Thread.sleep(50);
        }
    }

    private void awaitArchive() throws Exception {
        Path lock = bin.resolve("goldenpath.jsa.lock");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while ((Files.exists(lock) || !Files.exists(bin.resolve("goldenpath.jsa.key"))) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        Result again = launch(Map.of("GOLDENPATH_JAVA_OPTS", "-Xlog:class+load=info:file=" + tmp.resolve("again.log")),
                "again", "--version");
        assertEquals(0, again.exit, again.output);
        assertTrue(Files.readString(tmp.resolve("again.log")).contains("dev.goldenpath.cli.Goldenpath source: shared objects file"),
                "the archive was made again and is used");
        assertNoCrashReport();
    }

    /** The kind the key says the archive is: {@code aot} (JDK 25 and later) or {@code cds}. */
    private String kind() throws IOException {
        return Files.readAllLines(bin.resolve("goldenpath.jsa.key")).get(0);
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> more = new TreeMap<>(env);
        more.put(name, value);
        return more;
    }

    /**
     * A java of JDK 25 or later: this one, or one installed beside it (e.g. under /usr/lib/jvm). The tests that need
     * it are skipped, saying so, where there is none.
     */
    private static Path javaFrom25() throws IOException {
        Path home = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= 25) {
            return home.resolve("bin/java");
        }
        Path installed = home.toRealPath().getParent();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> homes = Files.list(installed)) {
            for (Path candidate : homes.sorted().toList()) {
                Path release = candidate.resolve("release");
                Path java = candidate.resolve("bin/java");
                if (Files.isRegularFile(release) && Files.isExecutable(java) && feature(release) >= 25) {
                    found.add(java);
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(found.isEmpty(),
                "no JDK 25 or later beside " + home + ": the launcher's ahead-of-time cache is not tested here");
        return found.get(0);
    }

    /** The feature release a JDK's {@code release} file names (JAVA_VERSION="25.0.1" gives 25), or 0. */
    private static int feature(Path release) throws IOException {
        return Files.readAllLines(release).stream()
                .filter(line -> line.startsWith("JAVA_VERSION=\""))
                .map(line -> line.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0])
                .filter(number -> number.matches("\\d+"))
                .mapToInt(Integer::parseInt)
                .findFirst().orElse(0);
    }

    private void assertNoCrashReport() throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList());
        }
    }

    private Result render(Map<String, String> env, String name) throws Exception {
        Map<String, String> logged = new TreeMap<>(env);
        logged.put("GOLDENPATH_JAVA_OPTS", "-Xlog:class+load=info:file=" + tmp.resolve(name + ".log"));
        return launch(logged, name, "render", "-cp", samples.toString(), "--dir", "out");
    }

    private boolean fromArchive(String name) throws IOException {
        return Files.readString(tmp.resolve(name + ".log"))
                .contains("dev.goldenpath.cli.RenderCommand source: shared objects file");
    }

    /** Standard output, and standard error apart: progress lines there depend on the machine's speed. */
    private record Result(int exit, String output, String err) {
    }

    /** Runs the launcher in its own working folder {@code tmp/<name>}, with a clean goldenpath environment. */
    private Result launch(Map<String, String> env, String name, String... args) throws Exception {
        Process process = builder(env, name, args).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        return new Result(exit, output, Files.readString(tmp.resolve(name + ".err")));
    }

    /** The launcher with {@code args}, standard error to {@code tmp/<name>.err}, working in {@code tmp/<name>}. */
    private ProcessBuilder builder(Map<String, String> env, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(bin.resolve("goldenpath").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(tmp.resolve(name + ".err").toFile())
                .directory(Files.createDirectories(tmp.resolve(name)).toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("GOLDENPATH_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        return builder;
    }

    private static SortedMap<String, String> files(Path folder) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
