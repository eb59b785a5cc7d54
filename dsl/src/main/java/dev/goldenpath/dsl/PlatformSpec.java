package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * A platform spec that the shells (the {@code goldenpath} command line and the Maven plugin) can find and
 * render. Implement it in your project, with a public no-argument constructor, and either name the class
 * ({@code --spec com.acme.AcmeSpec}, or {@code <specs>} in the plugin's configuration) or list it in
 * {@code src/main/resources/META-INF/services/dev.goldenpath.dsl.PlatformSpec}, the JDK's
 * {@link ServiceLoader} convention.
 *
 * <pre>{@code
 * public final class AcmeSpec implements PlatformSpec {
 *     @Override
 *     public Platform build() {
 *         return platform("acme")
 *             .gitRepository("https://git.example.com/platform/gitops.git")
 *             .environment(environment("production").cluster("https://kubernetes.default.svc"))
 *             .team(team("payments").owner("payments@acme.example"))
 *             .app(app("payments-api").team("payments").image("registry.example.com/payments-api:1.4.2").port(8080))
 *             .build();
 *     }
 * }
 * }</pre>
 */
public interface PlatformSpec {

    /**
     * Builds the validated platform. (Not named {@code platform()}: inside an implementing class that name would
     * hide the statically imported {@code GoldenPath.platform(name)} the spec starts with.)
     *
     * @throws SpecException listing every violation, when the spec is invalid
     */
    Platform build();

    /**
     * Finds the specs to render: the named classes, in the given order, or, when no name is given, every
     * implementation listed in {@code META-INF/services/dev.goldenpath.dsl.PlatformSpec} on the class path of
     * {@code loader}, sorted by class name.
     *
     * @throws IllegalArgumentException listing every class that cannot be loaded or instantiated, or saying that
     *                                  no spec was found
     */
    static List<PlatformSpec> find(ClassLoader loader, List<String> classNames) {
        Objects.requireNonNull(loader, "loader");
        List<PlatformSpec> specs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (classNames.isEmpty()) {
            try {
                ServiceLoader.load(PlatformSpec.class, loader).stream()
                        .sorted(java.util.Comparator.comparing(provider -> provider.type().getName()))
                        .forEach(provider -> specs.add(provider.get()));
            } catch (ServiceConfigurationError e) {
                // The JDK names neither the file nor a fix: say which line of which services file, and suggest.
                List<String> explained = ServiceFiles.problems(loader);
                problems.addAll(explained.isEmpty() ? List.of(e.getMessage()) : explained);
            }
            if (problems.isEmpty() && specs.isEmpty()) {
                problems.add("no platform spec found: name a class implementing " + PlatformSpec.class.getName()
                        + " or list it in META-INF/services/" + PlatformSpec.class.getName());
            }
        }
        for (String className : classNames) {
            try {
                Class<?> type = Class.forName(className.strip(), true, loader);
                if (!PlatformSpec.class.isAssignableFrom(type)) {
                    problems.add(className + " does not implement " + PlatformSpec.class.getName());
                    continue;
                }
                specs.add((PlatformSpec) type.getConstructor().newInstance());
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                problems.add(className + " is not on the class path");
            } catch (NoSuchMethodException e) {
                problems.add(className + " has no public no-argument constructor");
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                problems.add(className + " could not be created: " + cause);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return List.copyOf(specs);
    }
}
