package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.vocabulary.Annotations;
import dev.goldenpath.vocabulary.PodSecurityLabels;
import dev.goldenpath.vocabulary.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rules on single objects that are not about pod templates or RBAC. */
final class ObjectChecks {

    private static final String ENFORCE_LABEL = PodSecurityLabels.Mode.ENFORCE.label();

    private ObjectChecks() {
    }

    static void check(KubeObject object, Reporter reporter, List<String> requiredLabels) {
        weakeningAnnotations(object, object.metadata, object.at("metadata"), reporter);
        if (object.pod != null) {
            weakeningAnnotations(object, object.pod.metadata, PodSecurity.templateMetadataPath(object), reporter);
            requiredLabels(object, reporter, requiredLabels);
        }
        switch (object.kind) {
            case "Secret" -> plaintextSecret(object, reporter);
            case "Service" -> serviceType(object, reporter);
            case "Namespace" -> namespacePodSecurity(object, reporter);
            default -> {
            }
        }
    }

    // The weakening contract: a known rule id and a non-blank reason.
    private static void weakeningAnnotations(KubeObject object, JsonNode metadata, String metadataPath,
                                             Reporter reporter) {
        for (Map.Entry<String, JsonNode> annotation : metadata.path("annotations").properties()) {
            String key = annotation.getKey();
            if (!Annotations.isWeakening(key)) {
                continue;
            }
            String ruleId = Annotations.weakeningRule(key).orElseThrow();
            String path = FieldPaths.child(metadataPath + ".annotations", key);
            if (Rules.byId(ruleId).isEmpty()) {
                reporter.report(RuleId.WEAKENING_ANNOTATION, object, path,
                        "weakening annotation names unknown rule " + Json.quote(ruleId));
            } else if (Json.text(annotation.getValue()).isBlank()) {
                reporter.report(RuleId.WEAKENING_ANNOTATION, object, path,
                        "weakening of rule " + Json.quote(ruleId) + " gives no reason");
            }
        }
    }

    // Platform convention: owner, environment and app labels on every workload.
    private static void requiredLabels(KubeObject object, Reporter reporter, List<String> required) {
        JsonNode labels = object.metadata.path("labels");
        List<String> missing = new ArrayList<>();
        for (String label : required) {
            if (Json.text(labels.get(label)).isEmpty()) {
                missing.add(label);
            }
        }
        if (!missing.isEmpty()) {
            reporter.report(RuleId.REQUIRED_LABELS, object, object.at("metadata.labels"),
                    object.kind + " is missing the required " + (missing.size() == 1 ? "label " : "labels ")
                            + Json.quoted(missing));
        }
    }

    // NSA/CISA and CIS 5.4: base64 is not encryption. Only the number of keys is reported, never a key or value.
    private static void plaintextSecret(KubeObject secret, Reporter reporter) {
        for (String field : new String[] {"data", "stringData"}) {
            JsonNode values = secret.node.get(field);
            if (values != null && values.isObject() && !values.isEmpty()) {
                reporter.report(RuleId.PLAINTEXT_SECRET, secret, secret.at(field), "Secret carries " + values.size()
                        + (values.size() == 1 ? " plaintext value" : " plaintext values") + " in " + field);
            }
        }
    }

    // NSA/CISA network hardening: no node ports, no load balancers outside the ingress layer.
    private static void serviceType(KubeObject service, Reporter reporter) {
        String type = Json.text(service.node.path("spec").path("type"));
        if ("NodePort".equals(type)) {
            reporter.report(RuleId.SERVICE_TYPE, service, service.at("spec.type"),
                    "Service type \"NodePort\" opens the port on every node");
        } else if ("LoadBalancer".equals(type)) {
            reporter.report(RuleId.SERVICE_TYPE, service, service.at("spec.type"),
                    "Service type \"LoadBalancer\" exposes the service outside the cluster");
        }
    }

    // PSS via Pod Security Admission: the namespace enforces restricted.
    private static void namespacePodSecurity(KubeObject namespace, Reporter reporter) {
        String enforce = Json.text(namespace.metadata.path("labels").get(ENFORCE_LABEL));
        if (!"restricted".equals(enforce)) {
            reporter.report(RuleId.NAMESPACE_POD_SECURITY, namespace,
                    FieldPaths.child(namespace.at("metadata.labels"), ENFORCE_LABEL),
                    "namespace " + Json.quote(namespace.name) + " must set label " + ENFORCE_LABEL + ": restricted"
                            + (enforce.isEmpty() ? " (label missing)" : " (is " + Json.quote(enforce) + ")"));
        }
    }
}
