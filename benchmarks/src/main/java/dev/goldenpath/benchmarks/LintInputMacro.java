package dev.goldenpath.benchmarks;

import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Lints foreign YAML of awkward shapes from a file, as {@code goldenpath check <file>} does, and prints one JSON
 * line per shape and size: wall time, bytes per second and the peak heap of the run. The shapes are those that
 * were superlinear before (one long line), next to an ordinary multi-document file of the same size.
 *
 * <p>Usage: {@code LintInputMacro [MB...]}, e.g. {@code LintInputMacro 1 8 32}. Each size is run {@code rounds}
 * times (system property, default 3) after one warm-up; the best round is printed.
 */
public final class LintInputMacro {

    private LintInputMacro() {
    }

    private enum Shape { LONG_VALUE, MINIFIED_JSON_LIST, DOCUMENTS }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = args.length > 0 ? Stream.of(args).map(Integer::parseInt).toList() : List.of(1, 8, 32);
        int rounds = Integer.getInteger("rounds", 3);
        Path dir = Files.createTempDirectory("goldenpath-lint-bench");
        try {
            for (Shape shape : Shape.values()) {
                for (int megabytes : sizes) {
                    Path file = dir.resolve(shape.name().toLowerCase(Locale.ROOT) + "-" + megabytes + ".yaml");
                    write(file, shape, megabytes * 1024L * 1024L);
                    lint(file); // warm-up
                    long best = Long.MAX_VALUE;
                    long peak = 0;
                    int objects = 0;
                    for (int r = 0; r < rounds; r++) {
                        resetPeaks();
                        long start = System.nanoTime();
                        objects = lint(file).objectCount();
                        best = Math.min(best, System.nanoTime() - start);
                        peak = Math.max(peak, peakHeap());
                    }
                    long bytes = Files.size(file);
                    System.out.printf(Locale.ROOT, "{\"benchmark\":\"lint-input\",\"shape\":\"%s\",\"bytes\":%d,"
                                    + "\"objects\":%d,\"millis\":%.1f,\"mbPerSecond\":%.1f,\"peakHeapMb\":%d}%n",
                            shape.name().toLowerCase(Locale.ROOT), bytes, objects, best / 1e6,
                            bytes / 1048576.0 / (best / 1e9), peak / 1048576);
                    Files.delete(file);
                }
            }
        } finally {
            Files.deleteIfExists(dir);
        }
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
