package dev.goldenpath.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Argo CD AppProjects: what a project may deploy from (sourceRepos, sourceNamespaces), to (destinations) and which
 * kinds (resource allow- and deny-lists). Entries added to an allow-list widen; entries added to a deny-list narrow.
 * A project that is new or gone counts as all its entries added or removed.
 */
final class ProjectReview {

    /** Each list and whether adding to it widens what the project may do. */
    private static final Map<String, Boolean> FIELDS = fields();

    private ProjectReview() {
    }

    private static Map<String, Boolean> fields() {
        Map<String, Boolean> fields = new TreeMap<>();
        fields.put("sourceRepos", true);
        fields.put("sourceNamespaces", true);
        fields.put("destinations", true);
        fields.put("clusterResourceWhitelist", true);
        fields.put("namespaceResourceWhitelist", true);
        fields.put("clusterResourceBlacklist", false);
        fields.put("namespaceResourceBlacklist", false);
        return fields;
    }

    static List<Change> between(List<Manifest> base, List<Manifest> head) {
        Map<String, Manifest> before = projects(base);
        Map<String, Manifest> after = projects(head);
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            Manifest was = before.get(key);
            Manifest now = after.get(key);
            Manifest any = now != null ? now : was;
            FIELDS.forEach((field, allows) -> {
                Set<String> old = entries(was, field);
                Set<String> current = entries(now, field);
                Set<String> added = new TreeSet<>(current);
                added.removeAll(old);
                Set<String> removed = new TreeSet<>(old);
                removed.removeAll(current);
                if (!added.isEmpty()) {
                    changes.add(change(any, field, '+', added, allows));
                }
                if (!removed.isEmpty()) {
                    changes.add(change(any, field, '-', removed, !allows));
                }
            });
        }
        return changes;
    }

    private static Change change(Manifest project, String field, char sign, Set<String> entries, boolean widens) {
        return new Change(Section.PROJECTS, widens ? "project-widened" : "project-narrowed", sign,
                widens ? Impact.WIDENS : Impact.NARROWS, project.environment(), project.id(),
                project.id() + " " + field + (sign == '+' ? " added " : " removed ") + String.join(", ", entries),
                project.path());
    }

    private static Map<String, Manifest> projects(List<Manifest> objects) {
        Map<String, Manifest> projects = new TreeMap<>();
        objects.stream().filter(m -> m.kind().equals("AppProject") && m.group().equals("argoproj.io"))
                .forEach(m -> projects.put(m.key(), m));
        return projects;
    }

    private static Set<String> entries(Manifest project, String field) {
        Set<String> entries = new TreeSet<>();
        if (project == null) {
            return entries;
        }
        for (JsonNode entry : project.body().path("spec").path(field)) {
            if (entry.isValueNode()) {
                entries.add(entry.asText());
            } else if (field.equals("destinations")) {
                String cluster = entry.hasNonNull("server") ? entry.get("server").asText() : "name=" + entry.path("name").asText();
                entries.add(cluster + " namespace " + entry.path("namespace").asText("*"));
            } else {
                String group = entry.path("group").asText("");
                entries.add((group.isEmpty() ? "" : group + "/") + entry.path("kind").asText("*"));
            }
        }
        return entries;
    }
}
