package dev.goldenpath.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each subject may do, before and after: Roles and ClusterRoles resolved through RoleBindings and
 * ClusterRoleBindings into (scope, API group, resource, name, verb) tuples per subject. A ClusterRole bound by a
 * RoleBinding grants it in the binding's namespace only; by a ClusterRoleBinding, cluster-wide (RBAC docs, "Role
 * binding examples"). Changing a Role counts as much as changing a binding.
 */
final class RbacReview {

    private static final String RBAC = "rbac.authorization.k8s.io";
    private static final String CLUSTER = "";

    /** One permission of one subject: {@code namespace} empty means cluster-wide; {@code name} empty means all. */
    record Grant(String subject, String namespace, String group, String resource, String name, String verb)
            implements Comparable<Grant> {
        @Override
        public int compareTo(Grant other) {
            return key().compareTo(other.key());
        }

        String key() {
            return String.join("\u0000", subject, namespace, group, resource, name, verb);
        }
    }

    private RbacReview() {
    }

    static List<Change> between(Map<String, List<Manifest>> base, Map<String, List<Manifest>> head) {
        List<Change> changes = new ArrayList<>();
        TreeSet<String> environments = new TreeSet<>(base.keySet());
        environments.addAll(head.keySet());
        for (String environment : environments) {
            SortedMap<Grant, String> before = grants(base.getOrDefault(environment, List.of()));
            SortedMap<Grant, String> after = grants(head.getOrDefault(environment, List.of()));
            SortedMap<Grant, String> added = new TreeMap<>(after);
            added.keySet().removeAll(before.keySet());
            SortedMap<Grant, String> removed = new TreeMap<>(before);
            removed.keySet().removeAll(after.keySet());
            describe(environment, added, true, changes);
            describe(environment, removed, false, changes);
        }
        return changes;
    }

    /** Every grant of the objects, with the file of the binding that makes it. */
    static SortedMap<Grant, String> grants(List<Manifest> objects) {
        Map<String, JsonNode> roles = new HashMap<>();
        for (Manifest manifest : objects) {
            if (manifest.group().equals(RBAC) && (manifest.kind().equals("Role") || manifest.kind().equals("ClusterRole"))) {
                roles.put(manifest.kind() + "|" + (manifest.kind().equals("Role") ? NetworkGraph.namespace(manifest) : "")
                        + "|" + manifest.name(), manifest.body().path("rules"));
            }
        }
        SortedMap<Grant, String> grants = new TreeMap<>();
        for (Manifest binding : objects) {
            boolean namespaced = binding.kind().equals("RoleBinding");
            if (!binding.group().equals(RBAC) || !(namespaced || binding.kind().equals("ClusterRoleBinding"))) {
                continue;
            }
            String bindingNamespace = namespaced ? NetworkGraph.namespace(binding) : CLUSTER;
            JsonNode roleRef = binding.body().path("roleRef");
            String roleKind = roleRef.path("kind").asText();
            JsonNode rules = roles.get(roleKind + "|" + (roleKind.equals("Role") ? bindingNamespace : "") + "|"
                    + roleRef.path("name").asText());
            if (rules == null) {
                continue; // a binding to a role that is not in the tree grants nothing the review can see
            }
            for (JsonNode subject : binding.body().path("subjects")) {
                String subjectId = subject(subject, bindingNamespace);
                for (JsonNode rule : rules) {
                    expand(subjectId, bindingNamespace, rule, binding.path(), grants);
                }
            }
        }
        return grants;
    }

    private static String subject(JsonNode subject, String bindingNamespace) {
        String kind = subject.path("kind").asText("ServiceAccount");
        String name = subject.path("name").asText();
        if (kind.equals("ServiceAccount")) {
            String namespace = subject.path("namespace").asText(bindingNamespace.isEmpty() ? NetworkGraph.DEFAULT_NAMESPACE
                    : bindingNamespace);
            return "ServiceAccount " + namespace + "/" + name;
        }
        return kind + " " + name;
    }

    private static void expand(String subject, String namespace, JsonNode rule, String path, SortedMap<Grant, String> grants) {
        List<String> verbs = strings(rule.path("verbs"));
        for (String url : strings(rule.path("nonResourceURLs"))) {
            for (String verb : verbs) {
                grants.putIfAbsent(new Grant(subject, CLUSTER, "(non-resource URL)", url, "", verb), path);
            }
        }
        List<String> names = strings(rule.path("resourceNames"));
        if (names.isEmpty()) {
            names = List.of("");
        }
        for (String group : strings(rule.path("apiGroups"))) {
            for (String resource : strings(rule.path("resources"))) {
                for (String name : names) {
                    for (String verb : verbs) {
                        grants.putIfAbsent(new Grant(subject, namespace, group, resource, name, verb), path);
                    }
                }
            }
        }
    }

    /**
     * One change per subject, scope, resource and set of verbs, e.g.
     * {@code ServiceAccount payments/api: get, list secrets [db-creds] in namespace payments}.
     */
    private static void describe(String environment, SortedMap<Grant, String> grants, boolean added, List<Change> changes) {
        // First the verbs of each (subject, scope, resource, name), then the names sharing the same verbs.
        Map<List<String>, SortedSet<String>> verbsByName = new TreeMap<>(RbacReview::compareLists);
        Map<List<String>, String> paths = new HashMap<>();
        grants.forEach((grant, path) -> {
            List<String> key = List.of(grant.subject(), grant.namespace(), grant.group(), grant.resource(), grant.name());
            verbsByName.computeIfAbsent(key, k -> new TreeSet<>()).add(grant.verb());
            paths.putIfAbsent(key, path);
        });
        Map<List<String>, SortedSet<String>> namesByVerbs = new TreeMap<>(RbacReview::compareLists);
        Map<List<String>, String> groupPaths = new HashMap<>();
        verbsByName.forEach((key, verbs) -> {
            List<String> group = List.of(key.get(0), key.get(1), key.get(2), key.get(3), String.join(", ", verbs));
            namesByVerbs.computeIfAbsent(group, k -> new TreeSet<>()).add(key.get(4));
            groupPaths.putIfAbsent(group, paths.get(key));
        });
        namesByVerbs.forEach((group, names) -> {
            String subject = group.get(0);
            boolean cluster = group.get(1).isEmpty();
            String resource = group.get(2).isEmpty() || group.get(2).equals("(non-resource URL)")
                    ? (group.get(2).isEmpty() ? group.get(3) : "non-resource URL " + group.get(3))
                    : group.get(3) + "." + group.get(2);
            String named = names.contains("") ? "" : " " + names;
            String scope = cluster ? "cluster-wide" : "in namespace " + group.get(1);
            String description = subject + ": " + group.get(4) + " " + resource + named + " " + scope;
            String rule = added ? (cluster ? "cluster-permission-added" : "permission-added") : "permission-removed";
            changes.add(new Change(Section.RBAC, rule, added ? '+' : '-', added ? Impact.WIDENS : Impact.NARROWS,
                    environment, subject, description, groupPaths.get(group)));
        });
    }

    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int compared = a.get(i).compareTo(b.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
