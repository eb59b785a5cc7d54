package dev.goldenpath.generators;

import dev.goldenpath.generators.resolved.ResolvedPlatform;

import dev.goldenpath.generators.resolved.Manifests;

import dev.goldenpath.generators.report.RenderException;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.DeclaredWeakening;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.resolved.Manifests.Manifest;
import dev.goldenpath.generators.argocd.ArgoCd;
import dev.goldenpath.generators.baseline.ClusterBaseline;
import dev.goldenpath.generators.exposure.Exposures;
import dev.goldenpath.generators.extension.Extensions;
import dev.goldenpath.generators.extension.PlatformGenerator;
import dev.goldenpath.generators.mesh.MeshPolicies;
import dev.goldenpath.generators.namespace.Namespaces;
import dev.goldenpath.generators.network.Connections;
import dev.goldenpath.generators.network.Edge;
import dev.goldenpath.generators.network.MermaidDiagram;
import dev.goldenpath.generators.network.NetworkPolicies;
import dev.goldenpath.generators.rbac.Roles;
import dev.goldenpath.generators.report.RenderReport;
import dev.goldenpath.generators.secrets.SecretObjects;
import dev.goldenpath.generators.workload.ConfigMaps;
import dev.goldenpath.generators.workload.Workloads;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.secrets.sealed.SealedSecret;
import dev.goldenpath.secrets.sealed.Sealer;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.tree.TreeLayout;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Renders a validated {@link Platform} into a {@link RenderedTree}: one folder per app and environment
 * ({@code apps/<environment>/<app>/}), the namespaces per environment ({@code platform/<environment>/}),
 * one YAML document per object and a {@code kustomization.yaml} per folder, so {@code kubectl apply -k}
 * works on any folder. The same platform always renders byte-identical trees.
 *
 * <pre>{@code
 * Rendering rendering = Renderer.secureByDefault().render(platform);
 * rendering.tree().writeTo(Path.of("target/gitops"));
 * }</pre>
 */
public final class Renderer {

    /** The largest document the renderer writes: under a ConfigMap's 1 MiB, with room for server-side metadata. */
    static final int MAX_OBJECT_BYTES = 900 * 1024;


    private final PolicyCheck policy;
    private final Map<String, Sealer> sealers;
    private final RenderedTree previous;
    private final Function<String, String> variables;
    private final Extensions extensions;

    private Renderer(PolicyCheck policy, Map<String, Sealer> sealers, RenderedTree previous,
                     Function<String, String> variables, Extensions extensions) {
        this.policy = policy;
        this.sealers = Map.copyOf(sealers);
        this.previous = previous;
        this.variables = variables;
        this.extensions = extensions;
    }

    /** The renderer with every secure default on, checked by the platform's default lint rules. */
    public static Renderer secureByDefault() {
        return new Renderer(PolicyCheck.defaults(), Map.of(), RenderedTree.empty(), System::getenv, Extensions.none());
    }

    /**
     * The same renderer, sealing render-time secret values of one environment with this sealer (made for that
     * environment's controller certificate). Give it a sealing key ({@code Sealer.deterministic}) so that unchanged
     * values render unchanged ciphertext.
     */
    public Renderer sealing(String environment, Sealer sealer) {
        Map<String, Sealer> more = new TreeMap<>(sealers);
        more.put(environment, sealer);
        return new Renderer(policy, more, previous, variables, extensions);
    }

    /**
     * The same renderer, keeping the ciphertext of the previous render for values that did not change (compared by
     * keyed fingerprint; needs deterministic sealers). This survives a controller key renewal.
     */
    public Renderer previous(RenderedTree tree) {
        return new Renderer(policy, sealers, tree, variables, extensions);
    }

    /**
     * The same renderer with another policy: the platform team can tighten the render-time check, e.g.
     * {@code Linter.builder().requireDigest(true).build()} to refuse images pinned only by tag.
     */
    public Renderer policy(dev.goldenpath.lint.Linter linter) {
        return new Renderer(new PolicyCheck(linter), sealers, previous, variables, extensions);
    }

    /** The same renderer, reading render-time secret values' environment variables through this function. */
    public Renderer environmentVariables(Function<String, String> lookup) {
        return new Renderer(policy, sealers, previous, lookup, extensions);
    }

    /**
     * The same renderer, changing every object of this kind (or a subtype) of one app, in every environment, after
     * generation and before the policy check: e.g. {@code customize("frontend", Deployment.class, d -> ...)}. What it
     * sets is written as set; a change that weakens a default fails the render unless the app declares the matching
     * weakening; a change that matches nothing or touches goldenpath's labels or weakening annotations fails it too
     * (docs/beyond-the-golden-path.md).
     */
    public <T extends HasMetadata> Renderer customize(String app, Class<T> kind, Consumer<? super T> change) {
        return extend(extensions.withApp(app, "Renderer",
                context -> context.customize(kind, change)));
    }

    /** The same renderer, changing the pod template of every workload of one app, whatever its kind. */
    public Renderer customizePods(String app, Consumer<PodTemplateSpec> change) {
        return extend(extensions.withApp(app, "Renderer", context -> context.customizePods(change)));
    }

    /**
     * The same renderer, adding objects of kinds the DSL does not model to one app's folder in each environment
     * (the function sees the instance, so the objects may differ per environment). They are placed in the app's
     * namespace, labelled, listed in the kustomization, allowed by the team's Argo CD project and linted.
     */
    public Renderer extraObjects(String app, Function<AppInstance, ? extends Collection<? extends HasMetadata>> objects) {
        return extend(extensions.withApp(app, "Renderer.extraObjects(" + app + ")",
                context -> objects.apply(context.instance()).forEach(context::add)));
    }

    /** Like {@link #extraObjects} with YAML text (one or more documents), parsed as Kubernetes parses it. */
    public Renderer extraYaml(String app, Function<AppInstance, String> yaml) {
        return extend(extensions.withApp(app, "Renderer.extraYaml(" + app + ")",
                context -> context.addYaml(yaml.apply(context.instance()))));
    }

    /** The same renderer, adding objects to each environment's platform folder ({@code platform/<env>/extensions}). */
    public Renderer platformObjects(Function<Environment, ? extends Collection<? extends HasMetadata>> objects) {
        return extend(extensions.withEnvironment("Renderer.platformObjects",
                context -> objects.apply(context.environment()).forEach(context::add)));
    }

    /** The same renderer with a platform team's generator, run for every app instance and environment. */
    public Renderer generator(PlatformGenerator generator) {
        return extend(extensions.with(generator));
    }

    /** The same renderer with every generator listed for ServiceLoader on this class loader (sorted by class name). */
    public Renderer generators(ClassLoader loader) {
        Renderer renderer = this;
        for (PlatformGenerator generator : PlatformGenerator.find(loader)) {
            renderer = renderer.generator(generator);
        }
        return renderer;
    }

    private Renderer extend(Extensions more) {
        return new Renderer(policy, sealers, previous, variables, more);
    }

    /** Generates and serializes the platform: {@code serialize(generate(platform))}. */
    public Rendering render(Platform platform) {
        return serialize(generate(platform));
    }

    /** Generates every Kubernetes object of the platform, each placed in its folder. */
    public Manifests generate(Platform platform) {
        // Resolved once: instances, namespaces with their Pod Security level and the declared graph of each environment.
        ResolvedPlatform resolved = ResolvedPlatform.of(platform);
        List<AppInstance> instances = resolved.instances();
        Map<String, ResolvedPlatform.Environment> environments = new HashMap<>();
        resolved.environments().forEach(e -> environments.put(e.name(), e));
        // Instances are independent: generate them in parallel, then keep the instances' order.
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<List<HasMetadata>> perInstance = instances.parallelStream()
                .map(instance -> {
                    List<Edge> edges = environments.get(instance.environment().name()).edgesOf(instance);
                    List<HasMetadata> objects = new ArrayList<>(
                            Workloads.render(platform, instance, !instance.app().apiAccess().permissions().isEmpty()));
                    objects.addAll(Exposures.render(platform, instance));
                    objects.add(NetworkPolicies.forApp(platform, instance, edges));
                    instance.app().beforeSync().forEach(job -> objects.add(NetworkPolicies.forSyncJob(platform, instance, job,
                            environments.get(instance.environment().name()).edgesOf(Connections.syncJob(instance, job)))));
                    objects.addAll(Roles.render(platform, instance));
                    if (platform.network().mesh()) {
                        objects.add(MeshPolicies.forApp(platform, instance, edges));
                    }
                    ConfigMaps.render(platform, instance).ifPresent(objects::add);
                    objects.addAll(SecretObjects.render(platform, instance,
                            Optional.ofNullable(sealers.get(instance.environment().name())),
                            name -> previousSealedSecret(instance, name), problems, variables));
                    return objects;
                })
                .toList();
        if (!problems.isEmpty()) {
            throw new RenderException(problems.stream().sorted().toList());
        }
        // Escape hatches run on the finished objects, before anything is checked or written.
        Extensions.Result extended = extensions.apply(platform, instances, perInstance);
        List<Manifest> objects = new ArrayList<>();
        List<RenderReport.Entry> report = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            AppInstance instance = instances.get(i);
            String folder = ResolvedPlatform.folder(instance);
            for (HasMetadata object : perInstance.get(i)) {
                objects.add(new Manifest(folder, object));
            }
            for (HasMetadata object : extended.appObjects().get(i)) {
                objects.add(new Manifest(folder, object));
            }
            for (DeclaredWeakening weakening : instance.app().weakenings()) {
                report.add(new RenderReport.Entry(instance.environment().name(), instance.namespace(), instance.name(),
                        weakening.weakening().name(), weakening.weakening().ruleIds(), weakening.reason()));
            }
        }
        for (ResolvedPlatform.Environment environment : resolved.environments()) {
            for (ResolvedPlatform.Namespace namespace : environment.namespaces().values()) {
                String folder = TreeLayout.namespaceFolder(environment.name(), namespace.name());
                objects.add(new Manifest(folder, Namespaces.namespace(platform, environment.environment(), namespace.name(),
                        namespace.level(), namespace.members())));
                objects.add(new Manifest(folder, NetworkPolicies.defaultDeny(platform, namespace.name())));
                if (platform.network().mesh()) {
                    objects.add(new Manifest(folder, MeshPolicies.strictMtls(platform, namespace.name())));
                }
            }
        }
        for (ResolvedPlatform.Environment environment : resolved.environments()) {
            objects.addAll(ClusterBaseline.render(platform, environment));
            for (HasMetadata object : extended.platformObjects().get(environment.name())) {
                objects.add(new Manifest(TreeLayout.extensionsFolder(environment.name()), object));
            }
        }
        List<String> clashes = extended.clashes(objects);
        if (!clashes.isEmpty()) {
            throw new RenderException(clashes);
        }
        // Argo CD last: its projects allow exactly the kinds and namespaces the objects above hold.
        objects.addAll(ArgoCd.render(resolved, objects));
        Map<String, String> documents = new TreeMap<>();
        resolved.environments().forEach(environment -> documents.put(TreeLayout.networkDiagram(environment.name()),
                MermaidDiagram.markdown(environment.name(), environment.edges())));
        return new Manifests(resolved, objects, new RenderReport(report), documents);
    }

    /**
     * Serializes generated objects into the tree: one YAML document per file, plus kustomizations and the report.
     * Before anything is returned, the emitted objects are checked: the policy check, the API server's limits, the
     * network proof (the emitted NetworkPolicies allow exactly the declared graph) and the Argo CD proof (the
     * ApplicationSets deploy exactly the rendered app folders).
     *
     * @throws dev.goldenpath.generators.policy.PolicyViolationException when an object breaks a policy rule
     *         without a declared weakening
     * @throws RenderException when an object is beyond the API server's limits, or the emitted NetworkPolicies do
     *         not allow exactly the declared graph
     */
    public Rendering serialize(Manifests manifests) {
        return new Serialization(policy, manifests).run();
    }

    private Optional<SealedSecret> previousSealedSecret(AppInstance instance, String name) {
        String path = TreeLayout.file(ResolvedPlatform.folder(instance), SealedSecret.KIND, name);
        return previous.bytes(path).map(bytes -> Yaml.read(bytes, SealedSecret.class));
    }
}
