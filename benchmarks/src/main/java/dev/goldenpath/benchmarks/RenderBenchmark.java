package dev.goldenpath.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.resolved.Manifests;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.tree.RenderedTree;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Rendering one app, against the floor of writing the same objects with plain Jackson. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {

    private Platform platform;
    private Manifests manifests;
    private final ObjectMapper plain = new ObjectMapper(new YAMLFactory());
    private final Renderer renderer = Renderer.secureByDefault();

    @Setup
    public void setUp() {
        platform = SyntheticPlatforms.spec(1, 1).build();
        manifests = renderer.generate(platform);
    }

    /** Validation of a one-app spec. */
    @Benchmark
    public Platform validateOneApp() {
        return SyntheticPlatforms.spec(1, 1).build();
    }

    /** Generation and serialization of one app: what a render costs per app. */
    @Benchmark
    public RenderedTree renderOneApp() {
        return renderer.render(platform).tree();
    }

    /** The floor: the same fabric8 objects written by a plain Jackson YAML mapper. */
    @Benchmark
    public void plainJacksonFloor(Blackhole hole) throws Exception {
        for (Manifests.Manifest manifest : manifests.objects()) {
            hole.consume(plain.writeValueAsBytes(manifest.object()));
        }
    }
}
