package dev.goldenpath.generators.network;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.SyncJob;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.vocabulary.LabelKeys;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Zero-trust NetworkPolicies: a default deny for every namespace, and per app exactly the declared edges.
 * NSA/CISA Kubernetes hardening guide, "Network separation and hardening": deny by default, allow what is needed.
 */
public final class NetworkPolicies {

    /** The label Kubernetes puts on every namespace with its own name (since 1.21): a selector that cannot be spoofed by a team. */
    public static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    private NetworkPolicies() {
    }

    /** Denies all ingress and egress of every pod in the namespace that no other policy allows. */
    public static NetworkPolicy defaultDeny(Platform platform, String namespace) {
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName("default-deny")
                .withNamespace(namespace)
                .withLabels(LabelKeys.managed(platform.name()))
                .endMetadata()
                .withNewSpec()
                .withPodSelector(new LabelSelector())
                .withPolicyTypes("Ingress", "Egress")
                .endSpec()
                .build();
    }

    /** The app's allowances: one ingress rule per declared client, one egress rule per declared server. */
    public static NetworkPolicy forApp(Platform platform, AppInstance instance, List<Edge> edges) {
        return forPods(platform, instance, (Endpoint.App) Connections.endpoint(instance), edges);
    }

    /**
     * The allowances of the pods of a job the app runs before sync: the app's egress (its edges from
     * {@link Connections#syncJob}) and no ingress, selecting only the job's pods.
     */
    public static NetworkPolicy forSyncJob(Platform platform, AppInstance instance, SyncJob job, List<Edge> edges) {
        return forPods(platform, instance, Connections.syncJob(instance, job), edges);
    }

    private static NetworkPolicy forPods(Platform platform, AppInstance instance, Endpoint.App self, List<Edge> edges) {
        List<NetworkPolicyIngressRule> ingress = new ArrayList<>();
        List<NetworkPolicyEgressRule> egress = new ArrayList<>();
        for (Edge edge : edges) {
            if (edge.to().equals(self)) {
                ingress.add(new NetworkPolicyIngressRuleBuilder()
                        .withFrom(peer(edge.from(), instance.namespace()))
                        .withPorts(ports(edge.ports()))
                        .build());
            }
            if (edge.from().equals(self)) {
                egress.add(new NetworkPolicyEgressRuleBuilder()
                        .withTo(peer(edge.to(), instance.namespace()))
                        .withPorts(ports(edge.ports()))
                        .build());
            }
        }
        return new NetworkPolicyBuilder()
                .withMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                        .withName(self.app())
                        .withNamespace(instance.namespace())
                        .withLabels(Labels.of(platform, instance))
                        .withAnnotations(Labels.annotations(instance))
                        .build())
                .withNewSpec()
                .withPodSelector(new LabelSelectorBuilder().withMatchLabels(Map.of(Labels.NAME, self.app())).build())
                // Both types, always: with no rules of a type the app is isolated for it, which the default deny
                // already says; stating it here keeps the app isolated even if the default deny is removed.
                .withPolicyTypes("Ingress", "Egress")
                .withIngress(ingress)
                .withEgress(egress)
                .endSpec()
                .build();
    }

    private static NetworkPolicyPeer peer(Endpoint endpoint, String ownNamespace) {
        NetworkPolicyPeerBuilder peer = new NetworkPolicyPeerBuilder();
        if (endpoint instanceof Endpoint.App app) {
            peer.withPodSelector(new LabelSelectorBuilder().withMatchLabels(Map.of(Labels.NAME, app.app())).build());
            if (!app.namespace().equals(ownNamespace)) {
                // namespaceSelector and podSelector in ONE peer: the named pods in that namespace only (AND).
                peer.withNamespaceSelector(namespace(app.namespace()));
            }
        } else if (endpoint instanceof Endpoint.Namespace namespace) {
            peer.withNamespaceSelector(namespace(namespace.namespace()));
        } else if (endpoint instanceof Endpoint.Pods pods) {
            peer.withNamespaceSelector(namespace(pods.namespace()))
                    .withPodSelector(new LabelSelectorBuilder().withMatchLabels(pods.labels()).build());
        } else if (endpoint instanceof Endpoint.IpBlock block) {
            peer.withNewIpBlock().withCidr(block.cidr()).withExcept(block.except()).endIpBlock();
        }
        return peer.build();
    }

    private static LabelSelector namespace(String name) {
        return new LabelSelectorBuilder().withMatchLabels(Map.of(NAMESPACE_NAME, name)).build();
    }

    private static List<NetworkPolicyPort> ports(List<Edge.PortProtocol> ports) {
        return ports.stream().map(p -> new NetworkPolicyPortBuilder()
                .withPort(new IntOrString(p.port()))
                .withProtocol(p.protocol())
                .build()).toList();
    }
}
