package dev.goldenpath.benchmarks;

import dev.goldenpath.benchmarks.SyntheticPlatforms.Shape;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * One render in a heap of a given size, for the memory budget (docs/benchmarks.md, "Memory budget"): run it with
 * {@code -Xmx} set to the budget for the render's output, and it either completes, so that everything the render held
 * at once fitted, or fails with {@link OutOfMemoryError}. It prints one JSON line: the output's bytes and what the
 * render keeps reachable with its result held (the heap in use after a full collection, minus the heap in use before
 * the render, also after one), which does not depend on the heap's size or the collector's timing.
 *
 * <p>Usage: {@code MemoryBudget SHAPE APPS}, e.g. {@code java -Xmx96m -XX:+UseSerialGC ... MemoryBudget one-team 500};
 * {@code MemoryBudgetTest} runs it for several shapes.
 */
public final class MemoryBudget {

    private MemoryBudget() {
    }

    public static void main(String[] args) {
        Shape shape = Shape.of(args[0]);
        int apps = Integer.parseInt(args[1]);
        Platform platform = SyntheticPlatforms.spec(shape, apps, 1).build();
        Renderer renderer = SyntheticPlatforms.renderer(shape);
        long before = usedAfterCollection();
        Rendering rendering = renderer.render(platform);
        long after = usedAfterCollection();
        long output = rendering.tree().totalBytes();
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"memory-budget\",\"shape\":\"%s\",\"apps\":%d,"
                        + "\"outputBytes\":%d,\"retainedBytes\":%d,\"retainedOverOutput\":%.2f,\"maxHeapBytes\":%d}%n",
                shape.label(), apps, output, after - before, (after - before) / (double) output,
                Runtime.getRuntime().maxMemory());
        // Held until measured: what the render keeps is what its result holds.
        Reference.reachabilityFence(rendering);
        Reference.reachabilityFence(platform);
    }

    /** The heap in use after a full collection (explicit collections are full ones with the serial collector). */
    static long usedAfterCollection() {
        System.gc();
        return HeapUse.inUse();
    }
}
