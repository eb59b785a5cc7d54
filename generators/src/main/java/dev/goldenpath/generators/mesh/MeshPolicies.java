package dev.goldenpath.generators.mesh;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.network.Connections;
import dev.goldenpath.generators.network.Edge;
import dev.goldenpath.generators.network.Endpoint;
import dev.goldenpath.vocabulary.LabelKeys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Istio policies derived from the same declarations as the NetworkPolicies: mutual TLS required in every namespace
 * (so identities cannot be spoofed), and per app an ALLOW policy naming its declared callers by service-account
 * principal. NetworkPolicies stay: the mesh adds identity on top of the network layer, it does not replace it.
 */
public final class MeshPolicies {

    private MeshPolicies() {
    }

    /** STRICT mutual TLS for every workload of the namespace. */
    public static HasMetadata strictMtls(Platform platform, String namespace) {
        return new PeerAuthentication(new ObjectMetaBuilder().withName("default").withNamespace(namespace)
                .withLabels(LabelKeys.managed(platform.name())).build(),
                new PeerAuthentication.Spec(new PeerAuthentication.Mtls("STRICT")));
    }

    /** The app's callers by identity; with none, the policy allows nothing. */
    public static HasMetadata forApp(Platform platform, AppInstance instance, List<Edge> edges) {
        Endpoint self = Connections.endpoint(instance);
        List<AuthorizationPolicy.Rule> rules = new ArrayList<>();
        for (Edge edge : edges) {
            if (!edge.to().equals(self)) {
                continue;
            }
            AuthorizationPolicy.Source source;
            if (edge.from() instanceof Endpoint.App app) {
                // Each app runs as its own ServiceAccount, named after it (its jobs run before sync too): its SPIFFE identity.
                source = new AuthorizationPolicy.Source(
                        List.of("cluster.local/ns/" + app.namespace() + "/sa/" + app.serviceAccount()), List.of());
            } else if (edge.from() instanceof Endpoint.Namespace namespace) {
                source = new AuthorizationPolicy.Source(List.of(), List.of(namespace.namespace()));
            } else if (edge.from() instanceof Endpoint.Pods pods) {
                source = new AuthorizationPolicy.Source(List.of(), List.of(pods.namespace()));
            } else {
                continue;
            }
            List<AuthorizationPolicy.To> to = edge.ports().isEmpty() ? List.of() : List.of(new AuthorizationPolicy.To(
                    new AuthorizationPolicy.Operation(edge.ports().stream().map(p -> Integer.toString(p.port())).distinct().toList())));
            rules.add(new AuthorizationPolicy.Rule(List.of(new AuthorizationPolicy.From(source)), to));
        }
        ObjectMeta metadata = new ObjectMetaBuilder().withName(instance.name()).withNamespace(instance.namespace())
                .withLabels(Labels.of(platform, instance)).withAnnotations(Labels.annotations(instance)).build();
        return new AuthorizationPolicy(metadata, new AuthorizationPolicy.Spec(
                new AuthorizationPolicy.Selector(Labels.selector(instance)), "ALLOW", rules));
    }
}
