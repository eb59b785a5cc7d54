package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest seen as a Kubernetes object: identity, metadata and, for pod-template-bearing kinds, where its pod
 * template lives. Built once per object; the rules only read it.
 */
final class KubeObject {

    final Manifest manifest;
    final JsonNode node;
    /** Path prefix of the object within its document: empty, or {@code items[3]} inside a {@code List}. */
    final String base;
    final String kind;
    final String apiVersion;
    final String name;
    /** The namespace, or an empty string when the object does not say (the namespace it is applied to). */
    final String namespace;
    final JsonNode metadata;
    final LineIndex lines;
    /** The pod template, for Pod, Deployment, ...; {@code null} for other kinds. */
    final PodTemplate pod;
    /**
     * Made once, when first asked for (a finding, a workload of the network check; most objects never are): the
     * report's list of objects and every site kept for the cross-object rules share it.
     */
    private String display;

    KubeObject(Manifest manifest, JsonNode node, String base, LineIndex lines) {
        this.manifest = manifest;
        this.node = node;
        this.base = base;
        this.lines = lines;
        this.kind = node.path("kind").asText("");
        this.apiVersion = node.path("apiVersion").asText("");
        this.metadata = node.path("metadata");
        this.name = metadata.path("name").asText("");
        this.namespace = metadata.path("namespace").asText("");
        this.pod = PodTemplate.of(this);
    }

    /** The path of a field given relative to the object. */
    String at(String relative) {
        if (base.isEmpty()) {
            return relative;
        }
        return relative.isEmpty() ? base : base + "." + relative;
    }

    /** {@code Deployment shop/payments-api}, or {@code ClusterRole reader} for objects without a namespace. */
    String display() {
        if (display == null) {
            String shownName = name.isEmpty() ? "(unnamed)" : name;
            display = kind + " " + (namespace.isEmpty() ? shownName : namespace + "/" + shownName);
        }
        return display;
    }

    boolean is(String expectedKind) {
        return kind.equals(expectedKind);
    }

    private static final List<String> CUSTOM_TEMPLATE_PATHS = List.of(
            "spec.template", "spec.jobTemplate.spec.template", "spec.jobTargetRef.template");
    /** Their fields, split once: every object of a kind without a known template is looked at (linting speed). */
    private static final List<String[]> CUSTOM_TEMPLATE_FIELDS = CUSTOM_TEMPLATE_PATHS.stream()
            .map(path -> path.split("\\.")).toList();

    /** The pod template of a workload: its spec, metadata and containers with their paths. */
    static final class PodTemplate {
        final JsonNode spec;
        final String specPath;
        final JsonNode metadata;
        final List<Container> containers;

        private PodTemplate(JsonNode spec, String specPath, JsonNode metadata) {
            this.spec = spec;
            this.specPath = specPath;
            this.metadata = metadata;
            this.containers = containersOf(spec, specPath);
        }

        static PodTemplate of(KubeObject object) {
            JsonNode node = object.node;
            return switch (object.kind) {
                case "Pod" -> new PodTemplate(node.path("spec"), object.at("spec"), node.path("metadata"));
                case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "ReplicationController" ->
                        template(node.path("spec").path("template"), object.at("spec.template"));
                case "CronJob" -> template(node.path("spec").path("jobTemplate").path("spec").path("template"),
                        object.at("spec.jobTemplate.spec.template"));
                case "PodTemplate" -> template(node.path("template"), object.at("template"));
                default -> customTemplate(object);
            };
        }

        /**
         * Custom resources that carry a pod template where the built-in kinds do: Argo Rollouts' Rollout, OpenKruise's
         * CloneSet and Knative's Service ({@code spec.template}), CronJob-like kinds
         * ({@code spec.jobTemplate.spec.template}), KEDA's ScaledJob ({@code spec.jobTargetRef.template}). The
         * controller turns the template into pods, so it must pass the same rules.
         */
        private static PodTemplate customTemplate(KubeObject object) {
            for (int i = 0; i < CUSTOM_TEMPLATE_PATHS.size(); i++) {
                JsonNode template = object.node;
                for (String field : CUSTOM_TEMPLATE_FIELDS.get(i)) {
                    template = template.path(field);
                }
                if (template.path("spec").path("containers").isArray()) {
                    return template(template, object.at(CUSTOM_TEMPLATE_PATHS.get(i)));
                }
            }
            return null;
        }

        /** Whether pods of this template run to completion (Jobs, CronJobs and their look-alikes). */
        boolean jobTemplate() {
            return specPath.contains("jobTemplate.") || specPath.contains("jobTargetRef.");
        }

        private static PodTemplate template(JsonNode template, String path) {
            return new PodTemplate(template.path("spec"), path + ".spec", template.path("metadata"));
        }

        /** A field of the pod spec: {@code spec.template.spec.hostNetwork}. */
        String at(String relative) {
            return specPath + "." + relative;
        }

        JsonNode securityContext() {
            return spec.path("securityContext");
        }

        /** PSS exempts Windows pods from the Linux-only restricted checks (spec.os.name: windows). */
        boolean windows() {
            return "windows".equals(spec.path("os").path("name").asText(""));
        }

        /** PSS 1.35+: pods in a user namespace (hostUsers: false) are relaxed for runAsNonRoot/runAsUser. */
        boolean userNamespace() {
            JsonNode hostUsers = spec.get("hostUsers");
            return hostUsers != null && hostUsers.isBoolean() && !hostUsers.booleanValue();
        }

        /** Labels of the pods this template creates. */
        JsonNode labels() {
            return metadata.path("labels");
        }

        private static List<Container> containersOf(JsonNode spec, String specPath) {
            List<Container> all = new ArrayList<>();
            // Upstream visits init containers, containers, then ephemeral containers: keep that order.
            add(all, spec.path("initContainers"), specPath + ".initContainers", Container.Type.INIT);
            add(all, spec.path("containers"), specPath + ".containers", Container.Type.REGULAR);
            add(all, spec.path("ephemeralContainers"), specPath + ".ephemeralContainers", Container.Type.EPHEMERAL);
            return List.copyOf(all);
        }

        private static void add(List<Container> all, JsonNode list, String path, Container.Type type) {
            if (!list.isArray()) {
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode container = list.get(i);
                if (container.isObject()) {
                    all.add(new Container(container, FieldPaths.index(path, i),
                            container.path("name").asText("#" + i), type));
                }
            }
        }
    }

    /** One container of a pod template, with its field path. */
    record Container(JsonNode node, String path, String name, Type type) {

        enum Type { INIT, REGULAR, EPHEMERAL }

        JsonNode securityContext() {
            return node.path("securityContext");
        }

        String at(String relative) {
            return path + "." + relative;
        }

        /** {@code container "app"}, {@code init container "migrate"}, {@code ephemeral container "debug"}. */
        String display() {
            return switch (type) {
                case INIT -> "init container \"" + name + "\"";
                case REGULAR -> "container \"" + name + "\"";
                case EPHEMERAL -> "ephemeral container \"" + name + "\"";
            };
        }

        /** Native sidecars are init containers with restartPolicy Always: they run for the pod's lifetime. */
        boolean sidecar() {
            return type == Type.INIT && "Always".equals(node.path("restartPolicy").asText(""));
        }
    }
}
