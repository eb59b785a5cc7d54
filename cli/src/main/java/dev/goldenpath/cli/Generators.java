package dev.goldenpath.cli;

import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.extension.PlatformGenerator;
import java.net.URLClassLoader;

/**
 * The platform generators on the specs' class path (listed in
 * {@code META-INF/services/dev.goldenpath.generators.extension.PlatformGenerator}), found as the specs are and added to
 * every render (docs/beyond-the-golden-path.md).
 */
final class Generators {

    private Generators() {
    }

    /**
     * The renderer with every listed generator, in class-name order.
     *
     * @throws UsageError when a listed generator cannot be created
     */
    static Renderer added(Renderer renderer, SpecOptions options) {
        // Not closed: the generators run during the render, after the specs' own loader is closed, and may load
        // classes of theirs only then. The loader lives as long as this process's command.
        URLClassLoader loader = new URLClassLoader("goldenpath-generators", options.urls(), Goldenpath.class.getClassLoader());
        try {
            return renderer.generators(loader);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }
}
