package dev.goldenpath.generators.network;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One end of a declared connection. */
public sealed interface Endpoint permits Endpoint.App, Endpoint.Namespace, Endpoint.Pods, Endpoint.IpBlock {

    /** A stable, readable key: used for sorting and as the diagram's node id. */
    String key();

    /** An app instance of the platform. */
    record App(String namespace, String app) implements Endpoint {
        public String key() {
            return "app:" + namespace + "/" + app;
        }
    }

    /** Every pod of a namespace. */
    record Namespace(String namespace) implements Endpoint {
        public String key() {
            return "namespace:" + namespace;
        }
    }

    /**
     * Pods outside the platform's apps, by namespace and labels: the ingress controller, the cluster DNS.
     *
     * @param role what they are, e.g. {@code ingress-controller}
     */
    record Pods(String role, String namespace, Map<String, String> labels) implements Endpoint {
        public Pods {
            Objects.requireNonNull(role, "role");
            labels = Map.copyOf(labels);
        }

        public String key() {
            return role + ":" + namespace;
        }
    }

    /**
     * Addresses by CIDR: outside services, the API server's endpoints.
     *
     * @param role what they are, e.g. {@code external} or {@code kubernetes-api}
     */
    record IpBlock(String role, String cidr, List<String> except) implements Endpoint {
        public IpBlock {
            except = List.copyOf(except);
        }

        public String key() {
            return role + ":" + cidr + (except.isEmpty() ? "" : " except " + String.join(",", except));
        }
    }
}
