package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.lint.KubeObject.Container;
import dev.goldenpath.lint.KubeObject.PodTemplate;
import dev.goldenpath.vocabulary.ImageReference;
import dev.goldenpath.vocabulary.RuleId;
import java.util.ArrayList;
import java.util.List;

/** Container hardening beyond PSS: immutable file systems, resources, probes and image references. */
final class Workloads {

    private static final String[][] RESOURCE_FIELDS = {
        {"requests", "cpu"}, {"requests", "memory"}, {"limits", "cpu"}, {"limits", "memory"}};

    private Workloads() {
    }

    static void check(KubeObject object, Reporter reporter) {
        PodTemplate pod = object.pod;
        boolean longRunning = longRunning(object);
        for (Container container : pod.containers) {
            // Ephemeral (debug) containers can set neither resources nor probes, and exist to change things.
            if (container.type() != Container.Type.EPHEMERAL) {
                readOnlyRootFilesystem(object, pod, container, reporter);
                resources(object, container, reporter);
            }
            if (longRunning && (container.type() == Container.Type.REGULAR || container.sidecar())) {
                probes(object, container, reporter);
            }
            images(object, container, reporter);
        }
    }

    // NSA/CISA hardening guide: "use immutable container file systems". Windows has no read-only root.
    private static void readOnlyRootFilesystem(KubeObject object, PodTemplate pod, Container container,
                                               Reporter reporter) {
        if (!pod.windows() && !Json.isTrue(container.securityContext().get("readOnlyRootFilesystem"))) {
            reporter.report(RuleId.READ_ONLY_ROOT_FILESYSTEM, object,
                    container.at("securityContext.readOnlyRootFilesystem"),
                    container.display() + " must set securityContext.readOnlyRootFilesystem=true");
        }
    }

    // NSA/CISA hardening guide, resource policies: requests and limits for CPU and memory.
    private static void resources(KubeObject object, Container container, Reporter reporter) {
        JsonNode resources = container.node().path("resources");
        List<String> missing = new ArrayList<>(4);
        for (String[] field : RESOURCE_FIELDS) {
            if (Json.text(resources.path(field[0]).path(field[1])).isEmpty()) {
                missing.add(field[0] + "." + field[1]);
            }
        }
        if (!missing.isEmpty()) {
            reporter.report(RuleId.RESOURCES, object, container.at("resources"),
                    container.display() + " must set resources " + String.join(", ", missing));
        }
    }

    private static void probes(KubeObject object, Container container, Reporter reporter) {
        List<String> missing = new ArrayList<>(2);
        for (String probe : new String[] {"livenessProbe", "readinessProbe"}) {
            if (Json.empty(container.node().get(probe))) {
                missing.add(probe);
            }
        }
        if (!missing.isEmpty()) {
            reporter.report(RuleId.PROBES, object, container.path(),
                    container.display() + " should define " + String.join(" and ", missing));
        }
    }

    /** Jobs, CronJobs and run-to-completion pods finish: liveness and readiness do not apply. */
    private static boolean longRunning(KubeObject object) {
        return switch (object.kind) {
            case "Job", "CronJob" -> false;
            case "Pod", "PodTemplate" -> {
                String restartPolicy = Json.text(object.pod.spec.path("restartPolicy"));
                yield restartPolicy.isEmpty() || "Always".equals(restartPolicy);
            }
            default -> !object.pod.jobTemplate();
        };
    }

    private static void images(KubeObject object, Container container, Reporter reporter) {
        String image = Json.text(container.node().path("image"));
        if (image.isEmpty()) {
            return;
        }
        ImageReference reference = ImageReference.parse(image);
        String path = container.at("image");
        if (!reference.pinned()) {
            if (reference.tag().isEmpty()) {
                reporter.report(RuleId.IMAGE_TAG, object, path, container.display() + " uses image "
                        + Json.quote(image) + " without a tag (the registry serves \"latest\")");
            } else if ("latest".equals(reference.tag())) {
                reporter.report(RuleId.IMAGE_TAG, object, path, container.display() + " uses image "
                        + Json.quote(image) + " with the mutable tag \"latest\"");
            }
            reporter.report(RuleId.IMAGE_DIGEST, object, path,
                    container.display() + " uses image " + Json.quote(image) + " that is not pinned by digest");
        }
    }
}
