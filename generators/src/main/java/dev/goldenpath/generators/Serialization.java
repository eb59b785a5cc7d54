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
        List<Manifests.Manifest> placed = manifests.objects();
        List<RenderedObject> rendered = new ArrayList<>(placed.size());
        List<String> beyondLimits = new ArrayList<>();
        PolicyCheck.Run lint = policy.start();
        PodSecurityAdmission.Namespaces namespaces = new PodSecurityAdmission.Namespaces();
        WeakeningsPage.Rows weakenings = new WeakeningsPage.Rows();
        // In slices: each slice's objects become trees and bytes in parallel, on this thread and the pool's, then the
        // checks that read whole trees (the policy check, what Pod Security admission and the weakenings page need)
        // read each in order, and the trees are let go. A render holds one slice of trees, not every document's: at
        // 10 000 apps that was about 140 MB, which every collection of the render copied again (docs/benchmarks.md,
        // issue 18). Not pipelined: making the next slice in the pool while this thread checks the last one leaves
        // the serialization, several times the checks' work, to the pool's threads alone (one on two cores).
        for (int start = 0; start < placed.size(); start += SLICE) {
            for (Serialized object : serialize(placed, start)) {
                String path = object.rendered().path();
                lint.add(path, object.tree());
                namespaces.add(path, object.tree());
                weakenings.add(path, object.tree());
                beyondLimits.addAll(object.beyondLimits());
                rendered.add(object.rendered());
            }
        }
        // The network proof and the Argo CD proof read only what is written: they run beside the rest of the policy
        // check. The tree the Argo CD proof reads lacks only the weakenings page, written from the policy check's
        // report: a file under docs/, which no app or platform folder holds.
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
            return check(lint, namespaces, weakenings, beyondLimits, rendered, tree, network, argo);
        } finally {
            // A failed check must not leave a proof running: wait for both (their results are then irrelevant).
            argo.quietlyJoin();
            network.quietlyJoin();
        }
    }

    /** Objects serialized in one go: enough for the pool's threads to share, few enough to hold as trees. */
    private static final int SLICE = 1024;

    /** The slice starting at {@code start}: each object's tree, bytes and the API server's limits it breaks. */
    private static List<Serialized> serialize(List<Manifests.Manifest> placed, int start) {
        return placed.subList(start, Math.min(placed.size(), start + SLICE)).parallelStream().map(object -> {
            ObjectNode tree = Yaml.toTree(object.object());
            byte[] bytes = Yaml.write(tree);
            RenderedObject rendered = new RenderedObject(object.path(), object.object(), RenderedObject.Identity.of(tree),
                    bytes);
            return new Serialized(rendered, tree, ObjectLimits.check(object.path(), tree, bytes.length,
                    Renderer.MAX_OBJECT_BYTES));
        }).toList();
    }

    /** One object as written, the tree it was written from (held until the checks read it), and the limits it breaks. */
    private record Serialized(RenderedObject rendered, ObjectNode tree, List<String> beyondLimits) {
    }

    // The checks in the order their failures are reported: policy, Pod Security admission, limits, network, Argo CD.
    private Rendering check(PolicyCheck.Run policyCheck, PodSecurityAdmission.Namespaces namespaces,
                            WeakeningsPage.Rows weakenings, List<String> beyondLimits, List<RenderedObject> rendered,
                            RenderedTree.Builder tree, ForkJoinTask<List<String>> network,
                            ForkJoinTask<ConsistencyReport> argo) {
        List<String> paths = rendered.stream().map(RenderedObject::path).toList();
        // The policy check runs on exactly what is written, before anything is written.
        LintReport lint = policyCheck.finish();
        // Weakened is not enough: the namespace's Pod Security level must admit the pod too.
        List<String> inadmissible = new ArrayList<>(namespaces.problems(lint));
        inadmissible.addAll(UnusedWeakenings.problems(manifests.platform(), lint));
        if (!inadmissible.isEmpty()) {
            throw new RenderException(inadmissible);
        }
        // The API server's limits, checked on exactly what is written in the serialization pass.
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
        tree.add(TreeLayout.WEAKENINGS_PAGE, weakenings.markdown(dslOnly));
        RenderedTree written = tree.build();
        return new Rendering(written, manifests.report(), lint, new WrittenObjects(written, paths), manifests.instances());
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
