package dev.goldenpath.generators.extension;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Platform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One app in one environment, as a {@link PlatformGenerator} sees it: the instance, and what the generator adds to
 * its folder ({@code apps/<environment>/<app>/}) or changes on its objects.
 *
 * <p>Added objects get the app's namespace (another namespace is a violation), the app's labels (a conflicting value
 * is a violation) and the weakening annotations of the app's declared weakenings; they are listed in the folder's
 * kustomization, allowed by the team's Argo CD project and linted like every generated object. A change runs on the
 * generated objects and the added ones after all of them exist, in registration order, before the policy check and
 * serialization. A change that matches no object, throws, or touches what goldenpath owns (identity, goldenpath's
 * labels, weakening annotations) fails the render.
 *
 * <pre>{@code
 * public void contribute(AppContext app) {
 *     if (app.instance().app().container().ports().stream().anyMatch(p -> p.name().equals("metrics"))) {
 *         app.add(serviceMonitorFor(app.instance()));
 *     }
 *     app.customizePods(pod -> pod.getMetadata().getAnnotations().put("example.com/scrape", "true"));
 * }
 * }</pre>
 */
public final class AppContext {

    /** A change, the objects it applies to, and who registered it (for messages). */
    record Hook(Predicate<HasMetadata> matches, Consumer<HasMetadata> change, String origin) {
    }

    /** An object added, with who added it (for messages). */
    record Added(HasMetadata object, String origin) {
    }

    private final Platform platform;
    private final AppInstance instance;
    private final String origin;
    private final List<Added> added = new ArrayList<>();
    private final List<Hook> hooks = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    AppContext(Platform platform, AppInstance instance, String origin) {
        this.platform = platform;
        this.instance = instance;
        this.origin = origin;
    }

    /** The platform being rendered. */
    public Platform platform() {
        return platform;
    }

    /** The app in this environment, with the environment's overrides applied. */
    public AppInstance instance() {
        return instance;
    }

    /** Adds an object of a kind the DSL does not model to the app's folder. */
    public AppContext add(HasMetadata object) {
        Objects.requireNonNull(object, "object");
        added.add(new Added(YamlObjects.copy(object), origin));
        return this;
    }

    /**
     * Adds the objects of YAML text (one or more documents, as Kubernetes reads them: anchors and merge keys
     * resolved) to the app's folder; text that is not a Kubernetes object fails the render, naming the document.
     */
    public AppContext addYaml(String yaml) {
        // Parsed here, so owned by no one else: no copy needed (add(..) copies what the caller may still hold).
        YamlObjects.addEach(yaml, origin, object -> added.add(new Added(object, origin)), problems);
        return this;
    }

    /**
     * Changes every object of the app of this kind (its class or a supertype, e.g. {@code Deployment.class} or
     * {@code HasMetadata.class}) after generation. It must match at least one object.
     */
    public <T extends HasMetadata> AppContext customize(Class<T> kind, Consumer<? super T> change) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(change, "change");
        hooks.add(new Hook(kind::isInstance, object -> change.accept(kind.cast(object)),
                origin + ".customize(" + kind.getSimpleName() + ")"));
        return this;
    }

    /**
     * Changes the pod template of every workload of the app, whatever its kind (Deployment, StatefulSet, DaemonSet,
     * Job, CronJob, ...). It must match at least one workload.
     */
    public AppContext customizePods(Consumer<PodTemplateSpec> change) {
        Objects.requireNonNull(change, "change");
        hooks.add(new Hook(object -> PodTemplates.of(object).isPresent(),
                object -> change.accept(PodTemplates.of(object).orElseThrow()), origin + ".customizePods"));
        return this;
    }

    List<Added> added() {
        return added;
    }

    List<Hook> hooks() {
        return hooks;
    }

    List<String> problems() {
        return problems;
    }
}
