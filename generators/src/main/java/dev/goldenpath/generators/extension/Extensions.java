package dev.goldenpath.generators.extension;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.report.RenderException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The escape hatches registered on a renderer: customizations of generated objects, extra objects and platform
 * generators, in registration order. The {@code Renderer} holds one and applies it between generation and the final
 * checks; its builder methods ({@code customize}, {@code extraObjects}, {@code generator}, ...) add to it.
 */
public final class Extensions {

    /**
     * One registration.
     *
     * @param app           the app it is limited to; {@code null}: every app
     * @param onApp         what it does for each matching app instance
     * @param onEnvironment what it does for each environment; {@code null} for app-limited registrations
     * @param origin        who registered it, for messages
     */
    private record Registration(String app, Consumer<AppContext> onApp, Consumer<EnvironmentContext> onEnvironment,
                                String origin) {
    }

    /**
     * What the extensions contributed.
     *
     * @param appObjects      per instance (in the order of the instances given), the objects added to its folder
     * @param platformObjects per environment name, the objects added to its platform folder
     * @param origins         every added object (by identity) and who added it
     */
    public record Result(List<List<HasMetadata>> appObjects, Map<String, List<HasMetadata>> platformObjects,
                         Map<HasMetadata, String> origins) {

        /**
         * One problem per added object that takes the place of another (the same file, or the same object in the
         * cluster), given every placed object of {@code apps/} and {@code platform/}.
         */
        public List<String> clashes(List<dev.goldenpath.generators.resolved.Manifests.Manifest> placed) {
            return Clashes.of(placed, origins);
        }
    }

    private static final Extensions NONE = new Extensions(List.of());

    private final List<Registration> registrations;

    private Extensions(List<Registration> registrations) {
        this.registrations = List.copyOf(registrations);
    }

    /** No extension: the render is exactly the golden path. */
    public static Extensions none() {
        return NONE;
    }

    /** These extensions and a platform generator that runs for every app and environment. */
    public Extensions with(PlatformGenerator generator) {
        Objects.requireNonNull(generator, "generator");
        return add(new Registration(null, generator::contribute, generator::contribute, generator.getClass().getName()));
    }

    /**
     * These extensions and a contribution to one app's instances ({@code origin} names it in messages). An app name
     * that the platform does not declare fails the render.
     */
    public Extensions withApp(String app, String origin, Consumer<AppContext> contribution) {
        Objects.requireNonNull(app, "app");
        return add(new Registration(app, Objects.requireNonNull(contribution, "contribution"), null, origin));
    }

    /** These extensions and a contribution to every environment's platform folder. */
    public Extensions withEnvironment(String origin, Consumer<EnvironmentContext> contribution) {
        return add(new Registration(null, app -> { }, Objects.requireNonNull(contribution, "contribution"), origin));
    }

    private Extensions add(Registration registration) {
        // Extensions often add YAML: what its first reading initializes starts now, beside the render's own work.
        YamlObjects.prepareInBackground();
        List<Registration> more = new ArrayList<>(registrations);
        more.add(registration);
        return new Extensions(more);
    }

    /** True when nothing is registered. */
    public boolean isEmpty() {
        return registrations.isEmpty();
    }

    /**
     * Runs every registration: collects and places the added objects, then applies every change, in registration
     * order, to each instance's generated and added objects.
     *
     * @param generated per instance, its generated objects (changed in place)
     * @throws RenderException listing every problem: an unknown app, a contribution that threw, an added object that
     *         cannot be placed, a change that matched nothing or touched what goldenpath owns
     */
    public Result apply(Platform platform, List<AppInstance> instances, List<List<HasMetadata>> generated) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> apps = new TreeSet<>(platform.apps().stream().map(App::name).toList());
        for (Registration registration : registrations) {
            if (registration.app() != null && !apps.contains(registration.app())) {
                problems.add("apps[" + registration.app() + "]: " + registration.origin()
                        + ": the platform has no such app (fix: use one of " + apps + ")");
            }
        }
        Map<HasMetadata, String> origins = new IdentityHashMap<>();
        List<List<HasMetadata>> appObjects = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            appObjects.add(applyTo(platform, instances.get(i), generated.get(i), origins, problems));
        }
        Map<String, List<HasMetadata>> platformObjects = new LinkedHashMap<>();
        for (Environment environment : platform.environments()) {
            List<AppInstance> inEnvironment = instances.stream()
                    .filter(i -> i.environment().name().equals(environment.name())).toList(); // names are unique
            List<HasMetadata> added = new ArrayList<>();
            for (Registration registration : registrations) {
                if (registration.onEnvironment() == null) {
                    continue;
                }
                EnvironmentContext context = new EnvironmentContext(platform, environment, inEnvironment, registration.origin());
                run(() -> registration.onEnvironment().accept(context), "environments[" + environment.name() + "]: "
                        + registration.origin(), problems);
                problems.addAll(context.problems());
                for (AppContext.Added object : context.added()) {
                    Placement.inPlatform(platform, environment, object, problems);
                    added.add(object.object());
                    origins.put(object.object(), object.origin());
                }
            }
            platformObjects.put(environment.name(), List.copyOf(added));
        }
        if (!problems.isEmpty()) {
            throw new RenderException(problems);
        }
        return new Result(appObjects, platformObjects, origins);
    }

    private List<HasMetadata> applyTo(Platform platform, AppInstance instance, List<HasMetadata> generated,
                                      Map<HasMetadata, String> origins, List<String> problems) {
        List<AppContext> contexts = new ArrayList<>();
        for (Registration registration : registrations) {
            if (registration.app() == null || registration.app().equals(instance.name())) {
                AppContext context = new AppContext(platform, instance, registration.origin());
                run(() -> registration.onApp().accept(context), where(instance) + ": " + registration.origin(), problems);
                problems.addAll(context.problems().stream().map(p -> where(instance) + ": " + p).toList());
                contexts.add(context);
            }
        }
        List<HasMetadata> added = new ArrayList<>();
        for (AppContext context : contexts) {
            for (AppContext.Added object : context.added()) {
                Placement.inApp(platform, instance, object, problems);
                added.add(object.object());
                origins.put(object.object(), object.origin());
            }
        }
        List<HasMetadata> all = new ArrayList<>(generated);
        all.addAll(added);
        for (AppContext context : contexts) {
            for (AppContext.Hook hook : context.hooks()) {
                int matched = 0;
                for (HasMetadata object : all) {
                    if (!hook.matches().test(object)) {
                        continue;
                    }
                    matched++;
                    OwnedMetadata before = OwnedMetadata.of(object);
                    JsonNode rules = DeclaredGraph.governs(object) ? DeclaredGraph.rules(object) : null;
                    String where = where(instance) + ": " + hook.origin() + " on " + Placement.describe(object);
                    if (run(() -> hook.change().accept(object), where, problems)) {
                        before.changesIn(object).forEach(change -> problems.add(where + " " + change
                                + ", which goldenpath owns (fix: leave identity, goldenpath's labels and weakening "
                                + "annotations as they are; declare weakenings with .weaken(Weakening.X, \"<reason>\"))"));
                        if (rules != null && !rules.equals(DeclaredGraph.rules(object))) {
                            problems.add(where + " changed which traffic it allows, but the allowed network graph is "
                                    + "exactly the declared one (" + DeclaredGraph.FIX + ")");
                        }
                    }
                }
                if (matched == 0) {
                    problems.add(where(instance) + ": " + hook.origin() + " matched no object of the app, so it would "
                            + "change nothing (its objects: " + kinds(all) + "; fix: name one of these kinds)");
                }
            }
        }
        return added;
    }

    /** Runs a contribution or a change; an exception becomes a problem that names where it happened. */
    private static boolean run(Runnable code, String where, List<String> problems) {
        try {
            code.run();
            return true;
        } catch (RuntimeException e) {
            problems.add(where + " threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        }
    }

    static String where(AppInstance instance) {
        return "apps[" + instance.name() + "] in " + instance.environment().name();
    }

    private static String kinds(List<HasMetadata> objects) {
        return String.join(", ", new TreeSet<>(objects.stream().map(HasMetadata::getKind).toList()));
    }
}
