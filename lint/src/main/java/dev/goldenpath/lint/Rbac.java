package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.vocabulary.RuleId;
import java.util.Set;
import java.util.TreeSet;

/** RBAC least privilege (CIS 5.1, NSA/CISA hardening guide: authentication and authorization). */
final class Rbac {

    private static final Set<String> ESCALATION_VERBS = Set.of("escalate", "bind", "impersonate");
    private static final Set<String> SUBRESOURCES_ANY_VERB = Set.of("pods/exec", "pods/attach", "nodes/proxy");

    private Rbac() {
    }

    static void check(KubeObject object, Reporter reporter) {
        switch (object.kind) {
            case "Role", "ClusterRole" -> rules(object, reporter);
            case "RoleBinding", "ClusterRoleBinding" -> binding(object, reporter);
            default -> {
            }
        }
    }

    private static void rules(KubeObject role, Reporter reporter) {
        JsonNode rules = role.node.path("rules");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String path = FieldPaths.index(role.at("rules"), i);
            // CIS 5.1.3: no wildcards.
            for (String field : new String[] {"apiGroups", "resources", "verbs", "nonResourceURLs"}) {
                if (contains(rule.path(field), "*")) {
                    reporter.report(RuleId.RBAC_WILDCARD, role, path + "." + field,
                            "rule " + i + " grants \"*\" in " + field);
                }
            }
            Set<String> verbs = values(rule.path("verbs"));
            Set<String> resources = values(rule.path("resources"));
            // CIS 5.1.8: escalate, bind, impersonate.
            Set<String> escalation = new TreeSet<>(verbs);
            escalation.retainAll(ESCALATION_VERBS);
            if (!escalation.isEmpty()) {
                reporter.report(RuleId.RBAC_ESCALATION_VERBS, role, path + ".verbs",
                        "rule " + i + " grants the verbs " + Json.quoted(escalation));
            }
            // CIS 5.1.2: secrets, in the core group.
            if (resources.contains("secrets") && coreGroup(rule.path("apiGroups")) && !verbs.isEmpty()) {
                reporter.report(RuleId.RBAC_SECRETS_ACCESS, role, path + ".resources",
                        "rule " + i + " grants " + Json.quoted(verbs) + " on secrets");
            }
            // CIS 5.1.4, 5.1.10, 5.1.13: exec/attach into pods, the kubelet proxy, minting tokens.
            for (String resource : resources) {
                boolean sensitive = SUBRESOURCES_ANY_VERB.contains(resource)
                        || ("serviceaccounts/token".equals(resource) && (verbs.contains("create") || verbs.contains("*")));
                if (sensitive && !verbs.isEmpty()) {
                    reporter.report(RuleId.RBAC_SENSITIVE_SUBRESOURCES, role, path + ".resources",
                            "rule " + i + " grants " + Json.quoted(verbs) + " on " + Json.quote(resource));
                }
            }
        }
    }

    private static void binding(KubeObject binding, Reporter reporter) {
        JsonNode roleRef = binding.node.path("roleRef");
        String roleKind = Json.text(roleRef.path("kind"));
        String roleName = Json.text(roleRef.path("name"));
        boolean clusterAdmin = "ClusterRole".equals(roleKind) && "cluster-admin".equals(roleName);
        if (clusterAdmin) {
            reporter.report(RuleId.RBAC_CLUSTER_ADMIN_BINDING, binding, binding.at("roleRef.name"),
                    binding.kind + " binds ClusterRole \"cluster-admin\"");
            return;
        }
        if (binding.is("ClusterRoleBinding")) {
            JsonNode subjects = binding.node.path("subjects");
            for (int i = 0; i < subjects.size(); i++) {
                JsonNode subject = subjects.get(i);
                if ("ServiceAccount".equals(Json.text(subject.path("kind")))) {
                    String namespace = Json.text(subject.path("namespace"));
                    String name = Json.text(subject.path("name"));
                    reporter.report(RuleId.RBAC_CLUSTER_ROLE, binding, FieldPaths.index(binding.at("subjects"), i),
                            "ClusterRoleBinding grants " + roleKind + " " + Json.quote(roleName)
                                    + " in every namespace to service account "
                                    + Json.quote(namespace.isEmpty() ? name : namespace + "/" + name));
                }
            }
        }
    }

    private static boolean coreGroup(JsonNode apiGroups) {
        return apiGroups.isMissingNode() || contains(apiGroups, "") || contains(apiGroups, "*");
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> values(JsonNode list) {
        Set<String> values = new TreeSet<>();
        for (JsonNode item : list) {
            values.add(item.asText());
        }
        return values;
    }

}
