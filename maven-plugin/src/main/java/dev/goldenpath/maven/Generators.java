package dev.goldenpath.maven;

import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.extension.PlatformGenerator;
import java.net.URL;
import java.net.URLClassLoader;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The platform generators on the project's class path (listed in
 * {@code META-INF/services/dev.goldenpath.generators.extension.PlatformGenerator}), found as the specs are and added to
 * every render (docs/beyond-the-golden-path.md).
 */
final class Generators {

    private Generators() {
    }

    /**
     * The renderer with every listed generator, in class-name order.
     *
     * @throws MojoFailureException when a listed generator cannot be created
     */
    static Renderer added(Renderer renderer, URL[] classPath, ClassLoader plugin) throws MojoFailureException {
        // Not closed: the generators run during the render, after the specs' loader is closed, and may load classes of
        // theirs only then. Unreferenced after the goal, the loader and its jar files are released by the collector.
        URLClassLoader loader = new URLClassLoader("goldenpath-generators", classPath, plugin);
        try {
            return renderer.generators(loader);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage() + "\n(see docs/beyond-the-golden-path.md)", e);
        }
    }
}
