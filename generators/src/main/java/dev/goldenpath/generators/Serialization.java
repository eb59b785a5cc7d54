package dev.goldenpath.generators;

import dev.goldenpath.generators.yaml.RenderedObject;

import dev.goldenpath.generators.resolved.Manifests;

import dev.goldenpath.generators.report.RenderException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.argocd.ArgoCd;
import dev.goldenpath.generators.argocd.ConsistencyReport;
import dev.goldenpath.generators.report.RenderReport;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.tree.TreeLayout;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * One serialization: every placed object becomes a {@link RenderedObject} (its path, tree and bytes, made once), and
 * every check reads those records: the policy check, Pod Security admission, the API server's limits, the network
 * proof and the Argo CD proof. Nothing is returned unless all of them pass.
 */
final class Serialization {

    private final PolicyCheck policy;
    private final Manifests manifests;

    Serialization(PolicyCheck policy, Manifests manifests) {
        this.policy = policy;
        this.manifests = manifests;
    }

    Rendering run() {
        // One parallel pass: each object's tree, bytes and the API server's limits (names, labels, annotations, size).
        List<Checked> checked = manifests.objects().parallelStream().map(placed -> {
            ObjectNode tree = Yaml.toTree(placed.object());
            RenderedObject object = new RenderedObject(placed.path(), placed.object(), tree, Yaml.write(tree));
            return new Checked(object, ObjectLimits.check(object.path(), tree, object.bytes().length,
                    Renderer.MAX_OBJECT_BYTES));
        }).toList();
        List<RenderedObject> rendered = checked.stream().map(Checked::object).toList();
        // The network proof and the Argo CD proof read only what is written: they run beside the policy check, which
        // is sequential work too (docs/benchmarks.md, issue 18). The tree the Argo CD proof reads lacks only the
        // weakenings page, written from the policy check's report: a file under docs/, which no app or platform
        // folder holds.
        ForkJoinTask<List<String>> network = ForkJoinPool.commonPool().submit(() -> networkProof(rendered));
        RenderedTree.Builder tree = RenderedTree.builder();
        Kustomizations kustomizations = new Kustomizations();
        for (RenderedObject object : rendered) {
            // Written for this tree alone, and read but never changed by the checks: handed over, not copied.
            tree.addHandedOver(object.path(), object.bytes());
            kustomizations.add(object.path());
        }
        kustomizations.addTo(tree);
        manifests.documents().forEach(tree::add);
        RenderedTree withoutPage = tree.build();
        Map<String, RenderedObject> byPath = new HashMap<>();
        rendered.forEach(o -> byPath.put(o.path(), o));
        ForkJoinTask<ConsistencyReport> argo = ForkJoinPool.commonPool()
                .submit(() -> ArgoCd.check(manifests.platform(), withoutPage, byPath));
        try {
            return check(checked, rendered, tree, network, argo);
        } finally {
            // A failed check must not leave a proof running: wait for both (their results are then irrelevant).
            argo.quietlyJoin();
            network.quietlyJoin();
        }
    }

    /** One object as written, with every limit it breaks. */
    private record Checked(RenderedObject object, List<String> beyondLimits) {
    }

    // The checks in the order their failures are reported: policy, Pod Security admission, limits, network, Argo CD.
    private Rendering check(List<Checked> checked, List<RenderedObject> rendered, RenderedTree.Builder tree,
                            ForkJoinTask<List<String>> network, ForkJoinTask<ConsistencyReport> argo) {
        List<String> paths = rendered.stream().map(RenderedObject::path).toList();
        List<ObjectNode> trees = rendered.stream().map(RenderedObject::tree).toList();
        // The policy check runs on exactly what is written, before anything is written.
        LintReport lint = policy.check(paths, trees);
        // Weakened is not enough: the namespace's Pod Security level must admit the pod too.
        List<String> inadmissible = new ArrayList<>(PodSecurityAdmission.problems(lint, paths, trees));
        inadmissible.addAll(UnusedWeakenings.problems(manifests.platform(), lint));
        if (!inadmissible.isEmpty()) {
            throw new RenderException(inadmissible);
        }
        // The API server's limits, checked on exactly what is written in the serialization pass.
        List<String> beyondLimits = checked.stream().flatMap(c -> c.beyondLimits().stream()).toList();
        if (!beyondLimits.isEmpty()) {
            throw new RenderException(beyondLimits);
        }
        // Joined first: a proof still waiting in the pool is run by this thread (ForkJoinTask.join takes it back).
        ConsistencyReport applications = argo.join();
        // The emitted NetworkPolicies of each environment allow exactly its declared graph.
        List<String> holes = network.join();
        if (!holes.isEmpty()) {
            throw new RenderException(holes);
        }
        // The ApplicationSets, evaluated as Argo CD would, deploy exactly the rendered app folders.
        applications.orThrow();
        // Read from exactly what is written, so the page lists every weakening the tree holds.
        List<RenderReport.Entry> dslOnly = manifests.report().weakenings().stream()
                .filter(e -> e.ruleIds().stream().allMatch(Weakening.DSL_ONLY_RULE_IDS::contains))
                .toList();
        tree.add(TreeLayout.WEAKENINGS_PAGE, WeakeningsPage.markdown(paths, trees, dslOnly));
        return new Rendering(tree.build(), manifests.report(), lint, trees, manifests.instances());
    }

    /** Every difference between the allowed and the declared graph, in every environment, one line each. */
    private List<String> networkProof(List<RenderedObject> rendered) {
        Map<String, List<HasMetadata>> byEnvironment = new LinkedHashMap<>();
        manifests.resolved().environments().forEach(e -> byEnvironment.put(e.name(), new ArrayList<>()));
        for (RenderedObject object : rendered) {
            TreeLayout.environment(object.path()).map(byEnvironment::get).ifPresent(list -> list.add(object.object()));
        }
        return manifests.resolved().environments().parallelStream()
                .map(environment -> NetworkVerification.check(environment, byEnvironment.get(environment.name())))
                .flatMap(result -> result.problems().stream())
                .toList();
    }
}
