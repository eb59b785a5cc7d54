package dev.goldenpath.benchmarks;

import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Lints foreign YAML of awkward shapes from a file, as {@code goldenpath check <file>} does, and prints one JSON
 * line per shape and size: wall time, bytes per second, CPU time (of the linting thread, and of the whole process
 * with the garbage collector's and compiler's threads) and the peak heap of the run. The shapes are those that
 * were superlinear before (one long line), an ordinary multi-document file of the same size, and hardened workloads
 * as goldenpath renders them ({@link WorkloadDocuments}), where every cross-object rule has work to do.
 *
 * <p>Usage: {@code LintInputMacro [MB...]}, e.g. {@code LintInputMacro 1 8 32}. Each size is run {@code rounds}
 * times (system property, default 3) after one warm-up; the best round is printed. {@code -Dshapes=workloads}
 * (comma-separated) runs some shapes only. A run that exhausts the heap prints {@code "error":"OutOfMemoryError"}.
 */
public final class LintInputMacro {

    /** CPU times beside wall time: on a shared machine they show the work done, whatever else runs. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LintInputMacro() {
    }

    private enum Shape { LONG_VALUE, MINIFIED_JSON_LIST, DOCUMENTS, WORKLOADS }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = args.length > 0 ? Stream.of(args).map(Integer::parseInt).toList() : List.of(1, 8, 32);
        int rounds = Integer.getInteger("rounds", 3);
        List<Shape> shapes = System.getProperty("shapes") == null ? List.of(Shape.values())
                : Stream.of(System.getProperty("shapes").split(","))
                        .map(name -> Shape.valueOf(name.trim().toUpperCase(Locale.ROOT))).toList();
        Path dir = Files.createTempDirectory("goldenpath-lint-bench");
        try {
            for (Shape shape : shapes) {
                for (int megabytes : sizes) {
                    Path file = dir.resolve(shape.name().toLowerCase(Locale.ROOT) + "-" + megabytes + ".yaml");
                    write(file, shape, megabytes * 1024L * 1024L);
                    try {
                        measure(file, shape, rounds);
                    } catch (OutOfMemoryError e) {
                        System.out.printf(Locale.ROOT, "{\"benchmark\":\"lint-input\",\"shape\":\"%s\",\"bytes\":%d,"
                                        + "\"error\":\"OutOfMemoryError\",\"maxHeapMb\":%d}%n",
                                shape.name().toLowerCase(Locale.ROOT), Files.size(file),
                                Runtime.getRuntime().maxMemory() / 1048576);
                    }
                    Files.delete(file);
                }
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static void measure(Path file, Shape shape, int rounds) throws IOException {
        lint(file); // warm-up
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        long bestProcessCpu = Long.MAX_VALUE;
        long peak = 0;
        LintReport report = null;
        for (int r = 0; r < rounds; r++) {
            report = null;
            resetPeaks();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long processCpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            report = lint(file);
            best = Math.min(best, System.nanoTime() - start);
            bestCpu = Math.min(bestCpu, THREADS.getCurrentThreadCpuTime() - cpu);
            bestProcessCpu = Math.min(bestProcessCpu, OS.getProcessCpuTime() - processCpu);
            peak = Math.max(peak, peakHeap());
        }
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"lint-input\",\"shape\":\"%s\",\"bytes\":%d,"
                        + "\"objects\":%d,\"findings\":%d,\"millis\":%.1f,\"mbPerSecond\":%.1f,\"cpuMillis\":%.1f,"
                        + "\"processCpuMillis\":%.1f,\"peakHeapMb\":%d,\"maxHeapMb\":%d}%n",
                shape.name().toLowerCase(Locale.ROOT), bytes, report.objectCount(), report.findings().size(),
                best / 1e6, bytes / 1048576.0 / (best / 1e9), bestCpu / 1e6, bestProcessCpu / 1e6, peak / 1048576,
                Runtime.getRuntime().maxMemory() / 1048576);
    }

    private static LintReport lint(Path file) {
        return Linter.defaults().lint(file);
    }

    private static void write(Path file, Shape shape, long bytes) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            switch (shape) {
                case LONG_VALUE -> {
                    out.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big, namespace: shop}\ndata: {blob: ");
                    for (long written = 0; written < bytes; written += 1024) {
                        out.write("x".repeat(1024));
                    }
                    out.write("}\n");
                }
                case MINIFIED_JSON_LIST -> {
                    out.write("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[");
                    long written = 0;
                    for (int i = 0; written < bytes; i++) {
                        String item = (i == 0 ? "" : ",") + "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                                + "\"metadata\":{\"name\":\"c" + i + "\",\"namespace\":\"shop\"},\"data\":{\"k\":\""
                                + "v".repeat(200) + "\"}}";
                        out.write(item);
                        written += item.length();
                    }
                    out.write("]}");
                }
                case DOCUMENTS -> {
                    long written = 0;
                    for (int i = 0; written < bytes; i++) {
                        String document = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c" + i
                                + "\n  namespace: shop\ndata:\n  k: " + "v".repeat(200) + "\n";
                        out.write(document);
                        written += document.length();
                    }
                }
                case WORKLOADS -> WorkloadDocuments.write(out, bytes);
                default -> throw new IllegalStateException(shape.name());
            }
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
