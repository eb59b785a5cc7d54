package dev.goldenpath.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Manifests;
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
 * serialize, write, and the floor (the same fabric8 objects written by a plain Jackson YAML mapper).
 *
 * <p>Usage: {@code RenderMacro [environments] N...}, e.g. {@code RenderMacro 1 100 1000 10000}. Each size is
 * run {@code rounds} times (system property {@code rounds}, default 3) after one warm-up; the best round is
 * printed, because the minimum is the least noisy estimate on a shared machine.
 */
public final class RenderMacro {

    private RenderMacro() {
    }

    public static void main(String[] args) throws IOException {
        int environments = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<Integer> sizes = args.length > 1
                ? Stream.of(args).skip(1).map(Integer::parseInt).toList() : List.of(100, 1000, 10000);
        int rounds = Integer.getInteger("rounds", 3);
        for (int size : sizes) {
            run(size, environments); // warm-up
            Result best = null;
            for (int r = 0; r < rounds; r++) {
                Result result = run(size, environments);
                best = best == null || result.total() < best.total() ? result : best;
            }
            best.print(size, environments);
        }
    }

    record Result(long buildSpec, long validate, long generate, long serialize, long write, long floor, long floorWrite,
                  int instances,
                  int documents, int files, long bytes, long floorBytes) {
        long total() {
            return buildSpec + validate + generate + serialize + write;
        }

        void print(int apps, int environments) {
            line(apps, environments, "build-spec", buildSpec, 0, 0);
            line(apps, environments, "validate", validate, 0, 0);
            line(apps, environments, "generate", generate, documents, 0);
            line(apps, environments, "serialize", serialize, documents, bytes);
            line(apps, environments, "write", write, files, bytes);
            line(apps, environments, "total", total(), documents, bytes);
            line(apps, environments, "floor-plain-jackson", floor, documents, floorBytes);
            line(apps, environments, "floor-plain-files-write", floorWrite, files, bytes);
            System.out.printf(Locale.ROOT,
                    "{\"benchmark\":\"render\",\"apps\":%d,\"environments\":%d,\"phase\":\"ratio\","
                            + "\"generateAndSerializeOverFloor\":%.2f,\"instances\":%d}%n",
                    apps, environments, (generate + serialize) / (double) floor, instances);
        }

        private static void line(int apps, int environments, String phase, long nanos, long documents, long bytes) {
            System.out.printf(Locale.ROOT,
                    "{\"benchmark\":\"render\",\"apps\":%d,\"environments\":%d,\"phase\":\"%s\",\"millis\":%.1f,"
                            + "\"items\":%d,\"bytes\":%d}%n",
                    apps, environments, phase, nanos / 1e6, documents, bytes);
        }
    }

    static Result run(int apps, int environments) throws IOException {
        long t0 = System.nanoTime();
        Platform.Builder spec = SyntheticPlatforms.spec(apps, environments);
        long t1 = System.nanoTime();
        Platform platform = spec.build();
        long t2 = System.nanoTime();
        Renderer renderer = Renderer.secureByDefault();
        Manifests manifests = renderer.generate(platform);
        long t3 = System.nanoTime();
        Rendering rendering = renderer.serialize(manifests);
        long t4 = System.nanoTime();
        Path dir = Files.createTempDirectory("goldenpath-bench");
        rendering.tree().writeTo(dir);
        long t5 = System.nanoTime();
        deleteRecursively(dir);
        ObjectMapper plain = new ObjectMapper(new YAMLFactory());
        long t6 = System.nanoTime();
        long floorBytes = manifests.objects().parallelStream().mapToLong(m -> {
            try {
                return plain.writeValueAsBytes(m.object()).length;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).sum();
        long t7 = System.nanoTime();
        // The file system's floor: the same files written one by one with nothing but Files.write.
        Path raw = Files.createTempDirectory("goldenpath-bench-raw");
        long t8 = System.nanoTime();
        rendering.tree().forEach((path, bytes) -> {
            try {
                Path target = raw.resolve(path);
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long t9 = System.nanoTime();
        deleteRecursively(raw);
        return new Result(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t7 - t6, t9 - t8, rendering.instances(),
                manifests.objects().size(), rendering.tree().size(), rendering.tree().totalBytes(), floorBytes);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
