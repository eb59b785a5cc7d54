package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stage apps are deployed to ({@code staging}, {@code production}), mapped to one or more clusters.
 *
 * @param name             a DNS-1123 label
 * @param clusters         where the environment runs; at least one
 * @param namespacePattern how app namespaces are named; placeholders {@code {team}}, {@code {environment}},
 *                         {@code {app}}
 * @param podSecurityVersion the Pod Security Standards version the namespace labels pin ({@code latest} or
 *                         {@code v1.NN})
 * @param apiServerCidrs   where the API server's endpoints are: the egress target of apps with API permissions
 *                         (NetworkPolicy sees the endpoints after the Service's address is translated)
 * @param apiServerPort    the API server endpoints' port (6443 on most clusters)
 * @param gateway          the Gateway API Gateway exposed apps' HTTPRoutes attach to; empty when the environment uses
 *                         an ingress class or exposes nothing
 * @param ingressClass     the ingress class exposed apps' Ingresses use; empty when the environment uses a Gateway or
 *                         exposes nothing
 * @param nativeSidecars   whether the clusters run sidecars as native sidecars (init containers with
 *                         {@code restartPolicy: Always}, Kubernetes 1.29 and later); false renders them as regular
 *                         containers
 */
public record Environment(String name, List<Cluster> clusters, String namespacePattern, String podSecurityVersion,
                          List<String> apiServerCidrs, int apiServerPort, Optional<Gateway> gateway,
                          Optional<IngressClass> ingressClass, boolean nativeSidecars) {

    /** Namespaces per team and environment unless the environment says otherwise. */
    public static final String DEFAULT_NAMESPACE_PATTERN = "{team}-{environment}";

    public Environment {
        clusters = Copies.list(clusters);
        apiServerCidrs = Copies.list(apiServerCidrs);
    }

    /** Builds an {@link Environment}; start with {@code GoldenPath.environment(name)}. */
    public static final class Builder {
        private final String name;
        private final List<Cluster> clusters = new ArrayList<>();
        private String namespacePattern = DEFAULT_NAMESPACE_PATTERN;
        private String podSecurityVersion = "latest";
        private List<String> apiServerCidrs = List.of();
        private int apiServerPort = 6443;
        private Optional<Gateway> gateway = Optional.empty();
        private Optional<IngressClass> ingressClass = Optional.empty();
        private boolean nativeSidecars = true;

        Builder(String name) {
            this.name = name;
        }

        /** Deploys to the cluster at this API server URL, named after the environment. */
        public Builder cluster(String server) {
            clusters.add(new Cluster(clusters.isEmpty() ? name : name + "-" + (clusters.size() + 1), server, java.util.Map.of()));
            return this;
        }

        /** Deploys to this cluster as well. */
        public Builder cluster(Cluster cluster) {
            clusters.add(cluster);
            return this;
        }

        /** Names namespaces by this pattern ({@code {team}}, {@code {environment}}, {@code {app}}). */
        public Builder namespacePattern(String pattern) {
            this.namespacePattern = pattern;
            return this;
        }

        /** Pins the Pod Security Standards version of the namespace labels, e.g. {@code v1.33}. */
        public Builder podSecurityVersion(String version) {
            this.podSecurityVersion = version;
            return this;
        }

        /**
         * The API server endpoints' addresses and port, for the egress of apps that use the API. A vanilla
         * NetworkPolicy cannot select the API server by name: it matches the endpoints' IPs after NAT.
         */
        public Builder apiServer(int port, String... cidrs) {
            this.apiServerCidrs = Copies.list(cidrs);
            this.apiServerPort = port;
            return this;
        }

        /**
         * Whether the clusters support native sidecars (default true: the SidecarContainers feature is on by default
         * from Kubernetes 1.29 and GA in 1.33). Set false for older clusters: sidecars are then rendered as regular
         * containers, which keep a Job from completing, so a scheduled job with a sidecar is refused there.
         */
        public Builder nativeSidecars(boolean supported) {
            this.nativeSidecars = supported;
            return this;
        }

        /**
         * Exposed apps' HTTPRoutes attach to this Gateway (instead of an ingress class):
         * {@code .gateway(gateway("gateways", "public"))}.
         */
        public Builder gateway(Gateway platformGateway) {
            this.gateway = Copies.optional(platformGateway);
            this.ingressClass = Optional.empty();
            return this;
        }

        /**
         * Exposed apps get Ingresses of this class (instead of a Gateway's routes), served by the platform's ingress
         * controller: {@code .ingressClass(ingressClass("nginx").issuer(clusterIssuer("letsencrypt")))}.
         */
        public Builder ingressClass(IngressClass ingressClass) {
            this.ingressClass = Copies.optional(ingressClass);
            this.gateway = Optional.empty();
            return this;
        }

        public Environment build() {
            return new Environment(name, clusters, namespacePattern, podSecurityVersion, apiServerCidrs, apiServerPort,
                    gateway, ingressClass, nativeSidecars);
        }
    }
}
