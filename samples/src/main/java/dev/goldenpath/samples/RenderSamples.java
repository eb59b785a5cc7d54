package dev.goldenpath.samples;

import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import java.nio.file.Path;

/** The main job: renders the sample platform into a folder and prints a summary. */
public final class RenderSamples {

    private RenderSamples() {
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "target/gitops");
        Rendering rendering = Renderer.secureByDefault().render(AcmePlatform.build());
        int written = rendering.tree().writeTo(out);
        System.out.println("rendered " + rendering.summary());
        System.out.println("wrote " + written + " changed files to " + out.toAbsolutePath());
    }
}
