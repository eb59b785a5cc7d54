package dev.goldenpath.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldenpath.reachability.Edge;
import dev.goldenpath.reachability.Endpoint;
import dev.goldenpath.reachability.Reachability;
import dev.goldenpath.tree.RenderedTree;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The review asks the evaluator only about candidate pairs; this proves the candidates lose nothing: the pod-to-pod
 * edges equal the evaluator's own all-pairs {@code allowedEdges()} on a tree with selectors of every shape.
 */
class CandidateEdgesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void candidateEdgesEqualAllPairs() {
        RenderedTree tree = Platforms.render(f -> f.calls("ledger", 5432), UnaryOperator.identity());
        tree = Platforms.with(tree, "apps/prod/extra/policies.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: expressions, namespace: data-prod}
                spec:
                  podSelector: {matchExpressions: [{key: app.kubernetes.io/name, operator: In, values: [ledger]}]}
                  ingress:
                    - from:
                        - namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: NotIn, values: [data-prod]}]}
                          podSelector: {matchExpressions: [{key: app.kubernetes.io/name, operator: Exists}]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: everyone-out, namespace: web-prod}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress: [{}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: same-namespace, namespace: web-prod}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: api}}
                  ingress: [{from: [{podSelector: {}}]}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: open, namespace: loose}
                spec:
                  template:
                    metadata: {labels: {app: open}}
                    spec: {containers: [{name: open, image: open@sha256:00, ports: [{containerPort: 9000}]}]}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: loose, labels: {team: none}}
                """);
        List<Manifest> objects = Inventory.of(tree, "head").all();
        List<String> problems = new ArrayList<>();
        Set<String> candidates = new TreeSet<>(NetworkGraph.edges("head", objects, Map.of(),
                new NetworkGraph.ExternalPorts(List.of(), -1), problems).keySet());
        assertEquals(List.of(), problems);

        Reachability.Builder builder = Reachability.builder();
        Set<String> namespaces = new TreeSet<>();
        for (Manifest manifest : objects) {
            if (manifest.kind().equals("Namespace")) {
                builder.namespace(manifest.name(), manifest.labels());
                namespaces.add(manifest.name());
            } else if (manifest.kind().equals("NetworkPolicy")) {
                builder.policy(JSON.convertValue(manifest.body(), NetworkPolicy.class));
            } else {
                PodTemplates.of(manifest).ifPresent(template -> builder.pod(Endpoint.pod(manifest.namespace(), manifest.name(),
                        JSON.convertValue(template, PodTemplateSpec.class))));
            }
        }
        Set<String> allPairs = new TreeSet<>();
        for (Edge edge : builder.build().allowedEdges()) {
            allPairs.add(edge.toString());
        }
        assertEquals(allPairs, candidates);
        assertEquals(Set.of(
                "web-prod/frontend -> web-prod/api 8080/TCP",          // rendered
                "web-prod/frontend -> data-prod/ledger 5432/TCP",      // rendered
                "web-prod/api -> data-prod/ledger 5432/TCP",           // matchExpressions, egress to everything
                "web-prod/api -> loose/open 9000/TCP",                 // a pod no policy isolates
                "web-prod/frontend -> loose/open 9000/TCP"), candidates);
    }
}
