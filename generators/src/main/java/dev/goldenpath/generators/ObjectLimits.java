package dev.goldenpath.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.kube.KubernetesNames;
import dev.goldenpath.vocabulary.Utf8;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The API server's limits on every rendered object, checked on exactly what is written so that nothing is committed
 * that a cluster would refuse: names (DNS-1123 subdomain, label or DNS-1035 label by kind, and the shorter limits of
 * CronJob, Job and StatefulSet names that their controllers derive labels from), namespaces, label keys and values
 * (on the object, its pod template, its claim templates and in label selectors), annotation keys and their total size
 * (256 KiB), container, port and volume names, and the size of the whole object.
 */
final class ObjectLimits {

    /** apimachinery {@code TotalAnnotationSizeLimitB}: keys and values of all annotations of one object. */
    static final int MAX_ANNOTATION_BYTES = 256 * 1024;
    /** A CronJob's Jobs are named {@code <cronjob>-<11 digits>} and that name must fit a label value (batch validation). */
    static final int MAX_CRONJOB_NAME = 52;

    /**
     * The StatefulSet controller labels each pod {@code controller-revision-hash: <name>-<hash>} (a hash of up to 10
     * characters) and {@code statefulset.kubernetes.io/pod-name: <name>-<ordinal>}: label values of at most 63.
     */
    static final int MAX_STATEFULSET_NAME = 52;

    /** API groups whose selectors are label selectors (the built-in kinds and Istio's). */
    private static final Set<String> SELECTOR_GROUPS = Set.of("", "apps", "batch", "policy", "networking.k8s.io",
            "autoscaling", "rbac.authorization.k8s.io", "security.istio.io");
    private static final Set<String> RBAC_KINDS = Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");

    private final String path;
    private final JsonNode object;
    private final List<String> problems = new ArrayList<>(0);

    private ObjectLimits(String path, JsonNode object) {
        this.path = path;
        this.object = object;
    }

    // Which object a problem is about; made only when there is one (most objects break no limit).
    private String where() {
        JsonNode metadata = object.path("metadata");
        String namespace = metadata.path("namespace").asText("");
        return path + ": " + object.path("kind").asText() + " "
                + (namespace.isEmpty() ? "" : namespace + "/") + metadata.path("name").asText();
    }

    /** Every limit the object at {@code path} breaks, one line each, naming the field, the value, the rule and a fix. */
    static List<String> check(String path, JsonNode object, int documentBytes, int maxDocumentBytes) {
        ObjectLimits limits = new ObjectLimits(path, object);
        if (documentBytes > maxDocumentBytes) {
            // etcd refuses objects over 1.5 MiB and ConfigMaps over 1 MiB; stay below both with room for metadata.
            limits.problems.add(path + " is " + documentBytes + " bytes, over the " + maxDocumentBytes
                    + " bytes a Kubernetes object may safely hold");
        }
        limits.object(object);
        return limits.problems;
    }

    private void object(JsonNode object) {
        String kind = object.path("kind").asText();
        String apiVersion = object.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        JsonNode metadata = object.path("metadata");
        name(group, kind, metadata.path("name").asText(""));
        if (metadata.has("namespace")) {
            rule("metadata.namespace", metadata.path("namespace").asText(), KubernetesNames::label,
                    "use a shorter namespace (team or environment) name");
        }
        metadata("metadata", metadata);
        if (!SELECTOR_GROUPS.contains(group)) {
            return;
        }
        JsonNode spec = object.path("spec");
        if (kind.equals("Service")) {
            labels("spec.selector", spec.path("selector"), false);
            int i = 0;
            for (JsonNode port : spec.path("ports")) {
                optional("spec.ports[" + i++ + "].name", port, KubernetesNames::label);
            }
        }
        selectors("spec", spec);
        podTemplate("spec.template", spec.path("template"));
        int c = 0;
        for (JsonNode claim : spec.path("volumeClaimTemplates")) {
            // The claim names a pod volume (a DNS-1123 label) and the PVCs '<claim>-<statefulset>-<ordinal>'.
            String at = "spec.volumeClaimTemplates[" + c++ + "].metadata";
            rule(at + ".name", claim.path("metadata").path("name").asText(""), KubernetesNames::label, "use a shorter volume name");
            metadata(at, claim.path("metadata"));
        }
        JsonNode job = spec.path("jobTemplate");
        if (!job.isMissingNode()) {
            metadata("spec.jobTemplate.metadata", job.path("metadata"));
            podTemplate("spec.jobTemplate.spec.template", job.path("spec").path("template"));
        }
    }

    private void name(String group, String kind, String name) {
        String fix = "use a shorter app, team, environment or secret name";
        if (group.isEmpty() && kind.equals("Namespace")) {
            rule("metadata.name", name, KubernetesNames::label, fix);
        } else if (group.isEmpty() && kind.equals("Service")) {
            rule("metadata.name", name, KubernetesNames::dns1035, fix);
        } else if (group.equals("rbac.authorization.k8s.io") && RBAC_KINDS.contains(kind)) {
            rule("metadata.name", name, KubernetesNames::pathSegment, fix);
        } else {
            rule("metadata.name", name, KubernetesNames::subdomain, fix);
            if (group.equals("batch") && kind.equals("CronJob")) {
                rule("metadata.name", name, n -> n.length() > MAX_CRONJOB_NAME ? Optional.of("is " + n.length()
                        + " characters, over the " + MAX_CRONJOB_NAME + " of a CronJob name (its Jobs add 11)") : Optional.empty(), fix);
            } else if (group.equals("apps") && kind.equals("StatefulSet")) {
                rule("metadata.name", name, n -> n.length() > MAX_STATEFULSET_NAME ? Optional.of("is " + n.length()
                        + " characters, over the " + MAX_STATEFULSET_NAME + " of a StatefulSet name (its pods are labelled"
                        + " '<name>-<revision hash>')") : Optional.empty(), fix);
            } else if (group.equals("batch") && kind.equals("Job")) {
                // The Job controller labels its pods with the Job's name (batch.kubernetes.io/job-name).
                rule("metadata.name", name, KubernetesNames::label, fix);
            }
        }
    }

    private void metadata(String field, JsonNode metadata) {
        labels(field + ".labels", metadata.path("labels"), true);
        JsonNode annotations = metadata.path("annotations");
        long bytes = 0;
        for (Map.Entry<String, JsonNode> annotation : annotations.properties()) {
            rule(field + ".annotations", annotation.getKey(), KubernetesNames::qualifiedName,
                    "use a key like 'example.com/name'");
            bytes += Utf8.length(annotation.getKey()) + Utf8.length(annotation.getValue().asText());
        }
        if (bytes > MAX_ANNOTATION_BYTES) {
            problems.add(where() + ": " + field + ": the annotations hold " + bytes + " bytes, over the " + MAX_ANNOTATION_BYTES
                    + " bytes (256 KiB) the API server allows for all annotations of an object; shorten the weakening reasons"
                    + " or the app's annotations");
        }
    }

    private void labels(String field, JsonNode labels, boolean keysToo) {
        if (!(labels instanceof ObjectNode object)) {
            return;
        }
        object.forEachEntry((key, label) -> {
            if (keysToo) {
                rule(field, key, KubernetesNames::qualifiedName, "use a key like 'example.com/name'");
            }
            String value = label.asText();
            Optional<String> problem = KubernetesNames.labelValue(value);
            if (problem.isPresent()) {
                problems.add(where() + ": " + field + "[" + key + "]: " + shown(value) + " " + problem.get()
                        + "; a label value holds at most 63 characters of letters, digits, '-', '_' and '.': shorten"
                        + " the name it comes from");
            }
        });
    }

    /** Every {@code matchLabels} below {@code node}: the values are label values. */
    private void selectors(String field, JsonNode node) {
        selectors(new StringBuilder(field), node);
    }

    // The field's path is one buffer, extended and cut back while walking: a string per node cost more than the check.
    private void selectors(StringBuilder field, JsonNode node) {
        int length = field.length();
        if (node.isObject()) {
            ((ObjectNode) node).forEachEntry((key, value) -> {
                if (key.equals("matchLabels")) {
                    labels(field + ".matchLabels", value, true);
                } else if (value.isContainerNode() && !key.equals("template") && !key.equals("jobTemplate")) {
                    selectors(field.append('.').append(key), value);
                    field.setLength(length);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainerNode()) {
                    selectors(field.append('[').append(i).append(']'), node.get(i));
                    field.setLength(length);
                }
            }
        }
    }

    private void podTemplate(String field, JsonNode template) {
        if (template.isMissingNode()) {
            return;
        }
        metadata(field + ".metadata", template.path("metadata"));
        JsonNode pod = template.path("spec");
        selectors(field + ".spec", pod);
        for (String list : List.of("initContainers", "containers")) {
            int i = 0;
            for (JsonNode container : pod.path(list)) {
                String at = field + ".spec." + list + "[" + i++ + "]";
                optional(at + ".name", container, KubernetesNames::label);
                int p = 0;
                for (JsonNode port : container.path("ports")) {
                    optional(at + ".ports[" + p++ + "].name", port, KubernetesNames::portName);
                }
            }
        }
        int v = 0;
        for (JsonNode volume : pod.path("volumes")) {
            optional(field + ".spec.volumes[" + v++ + "].name", volume, KubernetesNames::label);
        }
    }

    private void optional(String field, JsonNode holder, Function<String, Optional<String>> check) {
        if (holder.has("name")) {
            rule(field, holder.path("name").asText(), check, "use a shorter name");
        }
    }

    private void rule(String field, String value, Function<String, Optional<String>> check, String fix) {
        // No lambda for ifPresent: this runs for every name and key of every object, and almost never finds one.
        Optional<String> problem = check.apply(value);
        if (problem.isPresent()) {
            problems.add(where() + ": " + field + ": " + shown(value) + " " + problem.get() + "; " + fix);
        }
    }

    /** The value, cut for the message (a long reason or key would bury the problem). */
    private static String shown(String value) {
        return "'" + (value.length() <= 80 ? value : value.substring(0, 60) + "...' (" + value.length() + " characters)")
                + (value.length() <= 80 ? "'" : "");
    }
}
