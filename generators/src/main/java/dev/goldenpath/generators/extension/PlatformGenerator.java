package dev.goldenpath.generators.extension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A platform team's own part of the golden path, added to every render: it sees each app instance and each
 * environment and contributes objects (placed in the app's or the platform's folder) or changes to the generated
 * objects. Everything it contributes goes through the same checks as the generated objects: the policy check (lint),
 * the name-clash and ownership checks, the Argo CD projects and the size limit. It cannot weaken a secure default
 * that the app did not declare with {@code .weaken(..)}.
 *
 * <p>Register one on the renderer ({@code Renderer.secureByDefault().generator(new ServiceMonitors())}), or list it
 * in {@code META-INF/services/dev.goldenpath.generators.extension.PlatformGenerator} next to the specs: the command
 * line and the Maven plugin find it there as they find {@code PlatformSpec}s.
 *
 * <pre>{@code
 * public final class CompanyLabels implements PlatformGenerator {
 *     public void contribute(AppContext app) {
 *         app.customize(HasMetadata.class, o -> o.getMetadata().getLabels().put("cost-center", "cc-42"));
 *     }
 * }
 * }</pre>
 *
 * <p>Implementations must be deterministic (the same input gives the same contributions) and must not keep state
 * between calls: the renderer may call them for many platforms.
 */
public interface PlatformGenerator {

    /** Contributes to one app in one environment; by default nothing. */
    default void contribute(AppContext app) {
    }

    /** Contributes to one environment's platform folder; by default nothing. */
    default void contribute(EnvironmentContext environment) {
    }

    /**
     * Every generator listed for {@link ServiceLoader} on this class loader, sorted by class name so that the order
     * in which their changes apply does not depend on the class path's order.
     *
     * @throws IllegalArgumentException when a listed class cannot be found or created
     */
    static List<PlatformGenerator> find(ClassLoader loader) {
        List<PlatformGenerator> found = new ArrayList<>();
        try {
            ServiceLoader.load(PlatformGenerator.class, loader).forEach(found::add);
        } catch (java.util.ServiceConfigurationError e) {
            throw new IllegalArgumentException("a platform generator listed in META-INF/services/"
                    + PlatformGenerator.class.getName() + " could not be created: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(g -> g.getClass().getName()));
        return List.copyOf(found);
    }
}
