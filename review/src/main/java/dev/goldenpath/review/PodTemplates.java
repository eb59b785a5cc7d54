package dev.goldenpath.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Where each workload kind keeps the pod it creates: its labels (for NetworkPolicies) and its containers. */
final class PodTemplates {

    private PodTemplates() {
    }

    /**
     * The pod template of a workload ({@code metadata} and {@code spec} of the pods it creates), the object itself for
     * a Pod, empty for anything else.
     */
    static Optional<JsonNode> of(Manifest manifest) {
        JsonNode body = manifest.body();
        JsonNode template = switch (manifest.kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job" ->
                    body.path("spec").path("template");
            case "CronJob" -> body.path("spec").path("jobTemplate").path("spec").path("template");
            case "Pod" -> body;
            default -> null;
        };
        return template == null || !template.isObject() ? Optional.empty() : Optional.of(template);
    }
}
