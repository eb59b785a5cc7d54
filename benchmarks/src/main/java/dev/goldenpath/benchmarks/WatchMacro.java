package dev.goldenpath.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code goldenpath render --watch} as a user runs it in the edit loop: the command line (the launcher, or
 * {@code java -jar}) started on a spec whose class is then compiled again, {@code rounds} times, with a pause between
 * (an edit takes a while). Prints one JSON line per platform:
 * <ul>
 *   <li>{@code first_s}: from starting the process to the end of its first render (a fresh process's render);</li>
 *   <li>{@code render_ms}: each render after a change, as the watch reports it;</li>
 *   <li>{@code latency_ms}: from writing the class to the end of the render it set off (the watch's look at the files,
 *       its wait for them to stay the same, the render): what the user waits for;</li>
 *   <li>{@code peak_rss_mb}: the process's peak resident memory; {@code idle_rss_mb}: its resident memory after 5 s
 *       without a change.</li>
 * </ul>
 *
 * <p>Usage: {@code WatchMacro [samples|APPS...]} (default {@code samples 100 1000}): {@code samples} is the samples'
 * spec (from {@code -Dsamples=samples/target/classes}), a number is {@link WholeProcessSpec} with that many apps.
 * {@code -Dcli=cli/target} is the folder of the jar and launcher, {@code -Drunner=launcher} (or {@code jar}),
 * {@code -Drounds=10}, {@code -Dpause=1000} (milliseconds between changes).
 */
public final class WatchMacro {

    private static final Pattern RENDERED = Pattern.compile("goldenpath render: (rendered|failed \\(exit \\d+\\)) in (\\d+\\.\\d+) s");

    private WatchMacro() {
    }

    public static void main(String[] args) throws Exception {
        List<String> cases = args.length > 0 ? List.of(args) : List.of("samples", "100", "1000");
        Path cli = Path.of(System.getProperty("cli", "cli/target")).toAbsolutePath();
        String runner = System.getProperty("runner", "launcher");
        int rounds = Integer.getInteger("rounds", 10);
        long pause = Long.getLong("pause", 1000);
        for (String platform : cases) {
            measure(platform, cli, runner, rounds, pause);
        }
    }

    private static void measure(String platform, Path cli, String runner, int rounds, long pause) throws Exception {
        boolean samples = platform.equals("samples");
        Path origin = samples ? Path.of(System.getProperty("samples", "samples/target/classes")).toAbsolutePath()
                : Path.of(WholeProcessSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String specClass = samples ? "dev.goldenpath.samples.AcmeSpec" : WholeProcessSpec.class.getName();
        // -Dwork: where the class folder and the rendered tree go (default: the system's temporary folder).
        Path work = System.getProperty("work") == null ? Files.createTempDirectory("goldenpath-watch-bench")
                : Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("work"))), "goldenpath-watch-bench");
        try {
            // The spec class in a class folder of its own, first on the class path; the rest from where it was built.
            Path classes = work.resolve("classes");
            Path spec = classes.resolve(specClass.replace('.', '/') + ".class");
            Files.createDirectories(spec.getParent());
            Files.copy(origin.resolve(specClass.replace('.', '/') + ".class"), spec);
            List<String> command = new ArrayList<>(runner.equals("jar")
                    ? List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                            cli.resolve("goldenpath.jar").toString())
                    : List.of(cli.resolve("goldenpath").toString()));
            command.addAll(List.of("render", "--watch", "-cp", classes + java.io.File.pathSeparator + origin,
                    "--spec", specClass, "--dir", work.resolve("out").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            if (!samples) {
                builder.environment().put("GOLDENPATH_BENCH_APPS", platform);
            }
            long start = System.nanoTime();
            Process process = builder.start();
            BlockingQueue<String> lines = lines(process.getErrorStream());
            try {
                await(lines, "watching", process);
                double first = (System.nanoTime() - start) / 1e9;
                List<Double> renders = new ArrayList<>();
                List<Double> latencies = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    Thread.sleep(pause);
                    // Compiled again: the same bytes, a new time (a second ahead of the last: file times have a tick).
                    long changed = System.nanoTime();
                    Files.write(spec, Files.readAllBytes(spec));
                    Files.setLastModifiedTime(spec, FileTime.fromMillis(System.currentTimeMillis() + 1000L * (round + 1)));
                    Matcher rendered = RENDERED.matcher(await(lines, "goldenpath render: rendered in", process));
                    latencies.add((System.nanoTime() - changed) / 1e6);
                    if (rendered.find()) {
                        renders.add(Double.parseDouble(rendered.group(2)) * 1000);
                    }
                }
                System.out.printf(Locale.ROOT, "{\"benchmark\":\"watch\",\"platform\":\"%s\",\"runner\":\"%s\",\"rounds\":%d,"
                                + "\"pause_ms\":%d,\"first_s\":%.2f,\"render_ms\":%s,\"latency_ms\":%s,\"peak_rss_mb\":%s,"
                        + "\"idle_rss_mb\":%s}%n", platform, runner, rounds, pause, first, stats(renders), stats(latencies),
                        rss(process.pid(), "VmHWM:"), idleRss(process.pid(), pause));
            } finally {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static BlockingQueue<String> lines(InputStream stream) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "watch-stderr");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next line that contains {@code part}; a line of a failed render ends the benchmark. */
    private static String await(BlockingQueue<String> lines, String part, Process process) throws InterruptedException {
        while (true) {
            String line = lines.poll(120, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("no '" + part + "' from the watch in 120 s (alive: " + process.isAlive() + ")");
            }
            if (line.contains(part)) {
                return line;
            }
            if (line.contains("failed (exit")) {
                throw new IllegalStateException("the watch's render failed: " + line);
            }
        }
    }

    private static String stats(List<Double> values) {
        if (values.isEmpty()) {
            return "null";
        }
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "{\"median\":%.0f,\"min\":%.0f,\"max\":%.0f}",
                sorted.get((sorted.size() - 1) / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /**
     * The resident memory after 5 s (or the pause, if longer) with nothing to render: what a watch holds while the user
     * edits (the launcher's periodic collection runs after 2 s without one).
     */
    private static String idleRss(long pid, long pause) throws InterruptedException {
        Thread.sleep(Math.max(pause, 5000));
        return rss(pid, "VmRSS:");
    }

    /**
     * A line of /proc/PID/status in MB ({@code VmHWM:} the peak resident memory, {@code VmRSS:} the current), where
     * /proc has it; the launcher's exec keeps the JVM's pid.
     */
    private static String rss(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return String.format(Locale.ROOT, "%.1f", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: no figure.
        }
        return "null";
    }
}
