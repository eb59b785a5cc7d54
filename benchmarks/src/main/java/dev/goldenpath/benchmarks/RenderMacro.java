package dev.goldenpath.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.goldenpath.benchmarks.SyntheticPlatforms.Shape;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.resolved.Manifests;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Renders synthetic platforms of N apps and prints one JSON line per phase: build spec, validate, generate,
 * serialize, render (the three before: what a render costs without writing), write, and the floors (the same fabric8
 * objects written by a plain Jackson YAML mapper; the same files written by {@code Files.write}).
 *
 * <p>Usage: {@code RenderMacro [environments] N...}, e.g. {@code RenderMacro 1 100 1000 10000}. System properties:
 * {@code shape} (a {@link Shape} label such as {@code one-team}, default {@code teams}), {@code rounds} (default 3),
 * {@code write} ({@code false} skips writing to disk and the {@code Files.write} floor). Each size is run once to warm
 * up (printed as phase {@code first-render}: in a fresh process, the first size's is a cold render), then
 * {@code rounds} times; each phase's best round is printed, because the minimum is the least noisy estimate on a
 * shared machine (the heap figures are the largest of the rounds). Peak heap is measured around the render (not the write) with {@link HeapUse}.
 */
public final class RenderMacro {

    private RenderMacro() {
    }

    public static void main(String[] args) throws IOException {
        int environments = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<Integer> sizes = args.length > 1
                ? Stream.of(args).skip(1).map(Integer::parseInt).toList() : List.of(100, 1000, 10000);
        int rounds = Integer.getInteger("rounds", 3);
        Shape shape = Shape.of(System.getProperty("shape", "teams"));
        boolean write = Boolean.parseBoolean(System.getProperty("write", "true"));
        for (int size : sizes) {
            Result first = run(shape, size, environments, write);
            Result best = rounds == 0 ? first : null;
            long bestRender = rounds == 0 ? first.render() : Long.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                Result result = run(shape, size, environments, write);
                best = best == null ? result : best.min(result);
                bestRender = Math.min(bestRender, result.render());
            }
            best.print(shape, size, environments, first, bestRender);
        }
    }

    /**
     * One round. Times are wall-clock nanoseconds; {@code cpu} holds the process's CPU time of validate, generate,
     * serialize and the Jackson floor (all threads, GC included), which a busy shared machine distorts far less.
     */
    record Result(long buildSpec, long validate, long generate, long serialize, long write, long floor, long floorWrite,
                  int instances, int documents, int files, long bytes, long floorBytes, HeapUse.Figures heap, Cpu cpu,
                  Allocated allocated) {
        /** Each phase's best of the two rounds (phases vary independently on a shared machine). */
        Result min(Result other) {
            return new Result(Math.min(buildSpec, other.buildSpec), Math.min(validate, other.validate),
                    Math.min(generate, other.generate), Math.min(serialize, other.serialize),
                    Math.min(write, other.write), Math.min(floor, other.floor), Math.min(floorWrite, other.floorWrite),
                    instances, documents, files, bytes, floorBytes, new HeapUse.Figures(
                            Math.max(heap.peakBytes(), other.heap.peakBytes()),
                            Math.max(heap.liveBytes(), other.heap.liveBytes())), cpu.min(other.cpu),
                    allocated.min(other.allocated));
        }

        long render() {
            return validate + generate + serialize;
        }

        long total() {
            return buildSpec + render() + write;
        }

        void print(Shape shape, int apps, int environments, Result first, long bestRender) {
            Line line = new Line(shape, apps, environments);
            line.print("build-spec", buildSpec, 0, 0);
            line.print("validate", validate, 0, 0);
            line.print("generate", generate, documents, 0);
            line.print("serialize", serialize, documents, bytes);
            line.print("render", bestRender, documents, bytes);
            line.print("first-render", first.render(), documents, bytes);
            line.print("write", write, files, bytes);
            line.print("total", total(), documents, bytes);
            line.print("floor-plain-jackson", floor, documents, floorBytes);
            line.print("floor-plain-files-write", floorWrite, files, bytes);
            System.out.printf(Locale.ROOT,
                    "{\"benchmark\":\"render\",\"shape\":\"%s\",\"apps\":%d,\"environments\":%d,\"phase\":\"ratio\","
                            + "\"generateAndSerializeOverFloor\":%.2f,\"instances\":%d,\"peakHeapBytes\":%d,"
                            + "\"liveHeapBytes\":%d,\"peakHeapOverOutput\":%.2f,\"liveHeapOverOutput\":%.2f}%n",
                    shape.label(), apps, environments, (generate + serialize) / (double) floor, instances,
                    heap.peakBytes(), heap.liveBytes(), heap.peakBytes() / (double) bytes,
                    heap.liveBytes() / (double) bytes);
            System.out.printf(Locale.ROOT,
                    "{\"benchmark\":\"render\",\"shape\":\"%s\",\"apps\":%d,\"environments\":%d,\"phase\":\"cpu\","
                            + "\"validateCpuMillis\":%.1f,\"generateCpuMillis\":%.1f,\"serializeCpuMillis\":%.1f,"
                            + "\"floorCpuMillis\":%.1f,\"generateAndSerializeOverFloorCpu\":%.2f}%n",
                    shape.label(), apps, environments, cpu.validate() / 1e6, cpu.generate() / 1e6,
                    cpu.serialize() / 1e6, cpu.floor() / 1e6, (cpu.generate() + cpu.serialize()) / (double) cpu.floor());
            System.out.printf(Locale.ROOT,
                    "{\"benchmark\":\"render\",\"shape\":\"%s\",\"apps\":%d,\"environments\":%d,\"phase\":\"allocated\","
                            + "\"generateBytes\":%d,\"serializeBytes\":%d,\"floorBytes\":%d,"
                            + "\"generateAndSerializeOverFloor\":%.2f}%n",
                    shape.label(), apps, environments, allocated.generate(), allocated.serialize(), allocated.floor(),
                    (allocated.generate() + allocated.serialize()) / (double) allocated.floor());
        }
    }

    /**
     * Bytes allocated per phase, by every thread that lived through it (the pool's workers do): unlike time, nearly the
     * same from run to run, and what a busy machine's collections and first-touched pages are paid for.
     */
    record Allocated(long generate, long serialize, long floor) {
        Allocated min(Allocated other) {
            return new Allocated(Math.min(generate, other.generate), Math.min(serialize, other.serialize),
                    Math.min(floor, other.floor));
        }
    }

    /** Bytes allocated so far by each live thread, by thread id. */
    private static java.util.Map<Long, Long> allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
                .getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        java.util.Map<Long, Long> byThread = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }

    /** What the threads allocated between two readings (a thread started in between counts from zero). */
    private static long allocatedSince(java.util.Map<Long, Long> before, java.util.Map<Long, Long> after) {
        long sum = 0;
        for (java.util.Map.Entry<Long, Long> thread : after.entrySet()) {
            sum += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return sum;
    }

    /** CPU nanoseconds of the process per phase. */
    record Cpu(long validate, long generate, long serialize, long floor) {
        Cpu min(Cpu other) {
            return new Cpu(Math.min(validate, other.validate), Math.min(generate, other.generate),
                    Math.min(serialize, other.serialize), Math.min(floor, other.floor));
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private record Line(Shape shape, int apps, int environments) {
        void print(String phase, long nanos, long items, long bytes) {
            System.out.printf(Locale.ROOT,
                    "{\"benchmark\":\"render\",\"shape\":\"%s\",\"apps\":%d,\"environments\":%d,\"phase\":\"%s\","
                            + "\"millis\":%.1f,\"items\":%d,\"bytes\":%d}%n",
                    shape.label(), apps, environments, phase, nanos / 1e6, items, bytes);
        }
    }

    static Result run(Shape shape, int apps, int environments, boolean write) throws IOException {
        HeapUse heapUse = new HeapUse();
        heapUse.start();
        long t0 = System.nanoTime();
        Platform.Builder spec = SyntheticPlatforms.spec(shape, apps, environments);
        long t1 = System.nanoTime();
        long c1 = cpuNanos();
        Platform platform = spec.build();
        long t2 = System.nanoTime();
        long c2 = cpuNanos();
        Renderer renderer = SyntheticPlatforms.renderer(shape);
        java.util.Map<Long, Long> a2 = allocatedBytes();
        Manifests manifests = renderer.generate(platform);
        long t3 = System.nanoTime();
        long c3 = cpuNanos();
        java.util.Map<Long, Long> a3 = allocatedBytes();
        Rendering rendering = renderer.serialize(manifests);
        long t4 = System.nanoTime();
        long c4 = cpuNanos();
        java.util.Map<Long, Long> a4 = allocatedBytes();
        HeapUse.Figures heap = heapUse.stop();
        long writing = 0;
        long floorWrite = 0;
        if (write) {
            Path dir = Files.createTempDirectory("goldenpath-bench");
            long t5 = System.nanoTime();
            rendering.tree().writeTo(dir);
            writing = System.nanoTime() - t5;
            deleteRecursively(dir);
            floorWrite = filesWriteFloor(rendering);
        }
        int instances = rendering.instances();
        int files = rendering.tree().size();
        long bytes = rendering.tree().totalBytes();
        // The floor starts where serialization started: the generated objects held, the render's result not. Like
        // the render, it keeps what it wrote (a renderer must hold its output until it is written or committed); a
        // floor that drops each document at once measured collections the render cannot avoid as the render's own.
        rendering = null;
        System.gc();
        ObjectMapper plain = new ObjectMapper(new YAMLFactory());
        java.util.Map<Long, Long> a6 = allocatedBytes();
        long t6 = System.nanoTime();
        long c6 = cpuNanos();
        List<byte[]> written = manifests.objects().parallelStream().map(m -> {
            try {
                return plain.writeValueAsBytes(m.object());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        long t7 = System.nanoTime();
        long c7 = cpuNanos();
        java.util.Map<Long, Long> a7 = allocatedBytes();
        long floorBytes = written.stream().mapToLong(document -> document.length).sum();
        return new Result(t1 - t0, t2 - t1, t3 - t2, t4 - t3, writing, t7 - t6, floorWrite, instances,
                manifests.objects().size(), files, bytes, floorBytes, heap,
                new Cpu(c2 - c1, c3 - c2, c4 - c3, c7 - c6),
                new Allocated(allocatedSince(a2, a3), allocatedSince(a3, a4), allocatedSince(a6, a7)));
    }

    // The file system's floor: the same files written one by one with nothing but Files.write.
    private static long filesWriteFloor(Rendering rendering) throws IOException {
        Path raw = Files.createTempDirectory("goldenpath-bench-raw");
        long start = System.nanoTime();
        rendering.tree().forEach((path, bytes) -> {
            try {
                Path target = raw.resolve(path);
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long nanos = System.nanoTime() - start;
        deleteRecursively(raw);
        return nanos;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
