package dev.goldenpath.dsl;

import java.util.HashMap;
import java.util.Map;

/**
 * Where apps land: never in a namespace the platform does not own, never twice in the same place, and the platform's
 * network peers (ingress controller, DNS) named so that a policy can select them.
 */
record NamespaceRules(Platform platform, Problems problems) {

    void check() {
        clusters();
        peer("ingressController", platform.network().ingressController(), "ingress-nginx",
                "app.kubernetes.io/name", "ingress-nginx");
        peer("dns", platform.network().dns(), "kube-system", "k8s-app", "kube-dns");
        for (App app : platform.apps()) {
            instances(app, FieldPath.app(app.name()));
        }
    }

    /** Argo CD knows a cluster by name and deploys by server URL: one name, one server; one server once per environment. */
    private void clusters() {
        Map<String, String> servers = new HashMap<>();
        for (Environment environment : platform.environments()) {
            Map<String, String> inEnvironment = new HashMap<>();
            for (Cluster cluster : environment.clusters()) {
                FieldPath server = FieldPath.environment(environment.name()).field("clusters").key(cluster.name())
                        .field("server");
                String other = servers.putIfAbsent(cluster.name(), cluster.server());
                if (other != null && !other.equals(cluster.server())) {
                    problems.add(ViolationCode.CLUSTER_NAME_CONFLICT,
                            server, cluster.server(), "the cluster name '" + cluster.name()
                            + "' already stands for " + other + " in another environment: Argo CD knows one cluster per name",
                            "give the clusters different names, or the same server");
                }
                String twin = inEnvironment.putIfAbsent(cluster.server(), cluster.name());
                if (twin != null) {
                    problems.add(ViolationCode.CLUSTER_SERVER_DUPLICATE, server, cluster.server(), "cluster " + twin
                            + " of this environment has the same server: two Applications would fight over every object",
                            "declare the cluster once");
                }
            }
        }
    }

    /** An app's namespace in each environment: the platform's own, and not shared with another of its instances. */
    private void instances(App app, FieldPath path) {
        Map<String, String> destinations = new HashMap<>();
        for (Environment environment : platform.environments()) {
            if (!Instances.deployedIn(app, environment)) {
                continue;
            }
            String namespace = Instances.namespace(app, environment);
            ReservedNamespaces.owner(namespace, platform).ifPresent(owner -> problems.add(ViolationCode.NAMESPACE_OWNED_BY_OTHER,
                    path.field("namespace"), namespace,
                    "namespace " + namespace + " (in " + environment.name() + ") belongs to " + owner
                            + "; the app's default-deny policies and Pod Security labels would cut it off",
                    "use a namespace of the app's own, e.g. the default pattern '" + Environment.DEFAULT_NAMESPACE_PATTERN + "'"));
            for (Cluster cluster : clusters(app, environment)) {
                String destination = cluster.server() + " " + namespace;
                String other = destinations.putIfAbsent(destination, environment.name());
                if (other != null) {
                    problems.add(ViolationCode.NAMESPACE_SHARED_ACROSS_ENVIRONMENTS,
                            path.field("namespace"), namespace, "environments " + other + " and " + environment.name()
                            + " both put the app in namespace " + namespace + " of " + cluster.server()
                            + ": their Applications would fight over one Deployment",
                            "include {environment} in the namespace pattern, or use different clusters");
                }
            }
        }
    }

    private static java.util.List<Cluster> clusters(App app, Environment environment) {
        return app.placement().overrides().stream().filter(o -> o.environment().equals(environment.name()) && !o.clusters().isEmpty())
                .findFirst()
                .map(o -> environment.clusters().stream().filter(c -> o.clusters().contains(c.name())).toList())
                .orElse(environment.clusters());
    }

    /** A network peer is pods with these labels in this namespace: no labels would select every pod there. */
    private void peer(String field, Network.Peer peer, String exampleNamespace, String exampleKey, String exampleValue) {
        FieldPath path = FieldPath.root("network").field(field);
        String problem = Names.dns1123Label(peer.namespace());
        if (problem != null) {
            problems.add(ViolationCode.NAMESPACE_INVALID,
                    path.field("namespace"), peer.namespace(), "the namespace " + problem,
                    "use the namespace it runs in, e.g. '" + exampleNamespace + "'");
        }
        if (peer.podLabels().isEmpty()) {
            problems.add(ViolationCode.NETWORK_PEER_SELECTS_ALL,
                    path.field("podLabels"), "{}", "no pod labels select every pod of " + peer.namespace()
                    + ", so policies would let all of them in", "name its pods' labels, e.g. Map.of(\"" + exampleKey
                    + "\", \"" + exampleValue + "\")");
        }
        peer.podLabels().forEach((key, value) -> {
            String keyProblem = Names.qualifiedName(key);
            if (keyProblem != null) {
                problems.add(ViolationCode.LABEL_KEY_INVALID,
                        path.field("podLabels").key(key), key, "label key: " + keyProblem, "use e.g. '" + exampleKey + "'");
            }
            String valueProblem = Names.labelValue(value);
            if (valueProblem != null) {
                problems.add(ViolationCode.LABEL_VALUE_INVALID,
                        path.field("podLabels").key(key), value, valueProblem, "use e.g. '" + exampleValue + "'");
            }
        });
    }
}
