package dev.goldenpath.samples;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.gitops.GitOps;
import dev.goldenpath.gitops.PublishRequest;
import dev.goldenpath.gitops.PublishResult;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The main job: renders the sample platform into a folder, then commits it to a local bare GitOps repository
 * (created on first use). Running it again commits nothing, because nothing changed.
 *
 * <p>Usage: {@code RenderSamples [rendered-folder] [bare-repository]}.
 */
public final class RenderSamples {

    private RenderSamples() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/goldenpath/rendered");
        Path repository = Path.of(args.length > 1 ? args[1] : "target/goldenpath/gitops.git");
        run(out, repository, System.out);
    }

    /** Renders, writes and publishes; returns the publish result. */
    static PublishResult run(Path out, Path repository, PrintStream console) {
        Platform platform = AcmePlatform.build();
        Rendering rendering = AcmePlatform.renderer().render(platform);
        int written = rendering.tree().writeTo(out);
        console.printf("rendered platform %s: %d apps in %d environments (%d app instances)%n", platform.name(),
                platform.apps().size(), platform.environments().size(), rendering.instances());
        console.printf("  %d files, %d YAML documents, %d bytes; %d declared weakenings, %d weakened lint findings%n",
                rendering.tree().size(), rendering.objects().size(), rendering.tree().totalBytes(),
                rendering.report().weakenings().size(), rendering.lint().weakened().size());
        console.printf("  wrote %d changed files to %s%n", written, out.toAbsolutePath().normalize());
        PublishResult result = GitOps.localBare(repository)
                .publish(rendering.tree(), PublishRequest.message("Render sample platform " + platform.name()));
        console.printf("published to %s%n  %s%n", repository.toAbsolutePath().normalize(), result.summary());
        return result;
    }
}
