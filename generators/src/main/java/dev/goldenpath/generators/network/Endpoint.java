package dev.goldenpath.generators.network;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One end of a declared connection. */
public sealed interface Endpoint permits Endpoint.App, Endpoint.Namespace, Endpoint.Pods, Endpoint.IpBlock {

    /** A stable, readable key: used for sorting and as the diagram's node id. */
    String key();

    /**
     * Pods of the platform selected by {@code app.kubernetes.io/name}: an app instance's, or those of a job it runs
     * before sync.
     *
     * @param namespace      their namespace
     * @param app            their {@code app.kubernetes.io/name}: the app's name, or the sync job's Job name
     * @param serviceAccount the service account they run as (their mesh identity): the app's
     */
    record App(String namespace, String app, String serviceAccount) implements Endpoint {

        /** An app instance's pods, which run as the app's own service account. */
        public App(String namespace, String app) {
            this(namespace, app, app);
        }

        public String key() {
            return "app:" + namespace + "/" + app;
        }

        // Written out, as the records of the hot keys are (docs/architecture.md, "Records as keys").
        @Override
        public boolean equals(Object other) {
            return other instanceof App that && Objects.equals(namespace, that.namespace) && Objects.equals(app, that.app)
                    && Objects.equals(serviceAccount, that.serviceAccount);
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(namespace) * 31 + Objects.hashCode(app)) * 31 + Objects.hashCode(serviceAccount);
        }
    }

    /** Every pod of a namespace. */
    record Namespace(String namespace) implements Endpoint {
        public String key() {
            return "namespace:" + namespace;
        }

        // Written out, as the records of the hot keys are (docs/architecture.md, "Records as keys").
        @Override
        public boolean equals(Object other) {
            return other instanceof Namespace that && Objects.equals(namespace, that.namespace);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(namespace);
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

        // Written out, as the records of the hot keys are (docs/architecture.md, "Records as keys").
        @Override
        public boolean equals(Object other) {
            return other instanceof Pods that && Objects.equals(role, that.role) && Objects.equals(namespace, that.namespace)
                    && Objects.equals(labels, that.labels);
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(role) * 31 + Objects.hashCode(namespace)) * 31 + Objects.hashCode(labels);
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

        // Written out, as the records of the hot keys are (docs/architecture.md, "Records as keys").
        @Override
        public boolean equals(Object other) {
            return other instanceof IpBlock that && Objects.equals(role, that.role) && Objects.equals(cidr, that.cidr)
                    && Objects.equals(except, that.except);
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(role) * 31 + Objects.hashCode(cidr)) * 31 + Objects.hashCode(except);
        }
    }
}
