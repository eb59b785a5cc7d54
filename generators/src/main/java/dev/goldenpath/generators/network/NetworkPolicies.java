package dev.goldenpath.generators.network;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.SyncJob;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.metadata.Models;
import dev.goldenpath.vocabulary.LabelKeys;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
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
        NetworkPolicySpec spec = new NetworkPolicySpec();
        spec.setPodSelector(new LabelSelector());
        spec.setPolicyTypes(Models.list("Ingress", "Egress"));
        return policy(Models.meta("default-deny", namespace, LabelKeys.managed(platform.name()), null), spec);
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
                NetworkPolicyIngressRule rule = new NetworkPolicyIngressRule();
                rule.setFrom(Models.list(peer(edge.from(), instance.namespace())));
                rule.setPorts(ports(edge.ports()));
                ingress.add(rule);
            }
            if (edge.from().equals(self)) {
                NetworkPolicyEgressRule rule = new NetworkPolicyEgressRule();
                rule.setTo(Models.list(peer(edge.to(), instance.namespace())));
                rule.setPorts(ports(edge.ports()));
                egress.add(rule);
            }
        }
        NetworkPolicySpec spec = new NetworkPolicySpec();
        spec.setPodSelector(Models.matchLabels(Map.of(Labels.NAME, self.app())));
        // Both types, always: with no rules of a type the app is isolated for it, which the default deny
        // already says; stating it here keeps the app isolated even if the default deny is removed.
        spec.setPolicyTypes(Models.list("Ingress", "Egress"));
        spec.setIngress(ingress);
        spec.setEgress(egress);
        return policy(Models.meta(self.app(), instance.namespace(), Labels.of(platform, instance),
                Labels.annotations(instance)), spec);
    }

    private static NetworkPolicy policy(ObjectMeta metadata, NetworkPolicySpec spec) {
        NetworkPolicy policy = new NetworkPolicy();
        policy.setMetadata(metadata);
        policy.setSpec(spec);
        return policy;
    }

    private static NetworkPolicyPeer peer(Endpoint endpoint, String ownNamespace) {
        NetworkPolicyPeer peer = new NetworkPolicyPeer();
        if (endpoint instanceof Endpoint.App app) {
            peer.setPodSelector(Models.matchLabels(Map.of(Labels.NAME, app.app())));
            if (!app.namespace().equals(ownNamespace)) {
                // namespaceSelector and podSelector in ONE peer: the named pods in that namespace only (AND).
                peer.setNamespaceSelector(namespace(app.namespace()));
            }
        } else if (endpoint instanceof Endpoint.Namespace namespace) {
            peer.setNamespaceSelector(namespace(namespace.namespace()));
        } else if (endpoint instanceof Endpoint.Pods pods) {
            peer.setNamespaceSelector(namespace(pods.namespace()));
            peer.setPodSelector(Models.matchLabels(pods.labels()));
        } else if (endpoint instanceof Endpoint.IpBlock block) {
            IPBlock ipBlock = new IPBlock();
            ipBlock.setCidr(block.cidr());
            ipBlock.setExcept(Models.list(block.except()));
            peer.setIpBlock(ipBlock);
        }
        return peer;
    }

    private static LabelSelector namespace(String name) {
        return Models.matchLabels(Map.of(NAMESPACE_NAME, name));
    }

    private static List<NetworkPolicyPort> ports(List<Edge.PortProtocol> ports) {
        List<NetworkPolicyPort> list = new ArrayList<>(ports.size());
        for (Edge.PortProtocol p : ports) {
            NetworkPolicyPort port = new NetworkPolicyPort();
            port.setPort(new IntOrString(p.port()));
            port.setProtocol(p.protocol());
            list.add(port);
        }
        return list;
    }
}
