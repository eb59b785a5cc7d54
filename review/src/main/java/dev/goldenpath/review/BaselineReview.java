package dev.goldenpath.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.tree.TreeLayout;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cluster baseline: every object under {@code platform/} that the other sections do not already cover
 * (Gatekeeper templates and constraints, Kyverno policies, Sigstore image policies, Istio mesh policies, Falco rules,
 * Trivy settings, ...). Added, removed, or changed, with the first fields that changed. Workloads (the Falco
 * DaemonSet, the Trivy CronJob) are not policies: their images, network and RBAC are reviewed in those sections,
 * and what they derive from the apps (the list of images Trivy scans) would only repeat the image lines.
 */
final class BaselineReview {

    /** Kinds the other sections review. */
    private static final Set<String> COVERED = Set.of("Namespace", "NetworkPolicy", "Role", "ClusterRole", "RoleBinding",
            "ClusterRoleBinding", "Secret", "SealedSecret", "ExternalSecret", "AppProject");
    private static final int SHOWN_FIELDS = 3;

    private BaselineReview() {
    }

    static List<Change> between(List<Manifest> base, List<Manifest> head) {
        Map<String, Manifest> before = baseline(base);
        Map<String, Manifest> after = baseline(head);
        List<Change> changes = new ArrayList<>();
        after.forEach((key, now) -> {
            Manifest was = before.get(key);
            if (was == null) {
                changes.add(new Change(Section.BASELINE, "baseline-added", '+', Impact.REVIEW, now.environment(), now.id(),
                        now.id() + " added", now.path()));
            } else if (!was.body().equals(now.body())) {
                List<String> fields = new ArrayList<>();
                differences("", was.body(), now.body(), fields);
                String shown = String.join(", ", fields.subList(0, Math.min(SHOWN_FIELDS, fields.size())))
                        + (fields.size() > SHOWN_FIELDS ? " and " + (fields.size() - SHOWN_FIELDS) + " more" : "");
                changes.add(new Change(Section.BASELINE, "baseline-changed", '!', Impact.REVIEW, now.environment(), now.id(),
                        now.id() + " changed: " + shown, now.path()));
            }
        });
        before.forEach((key, was) -> {
            if (!after.containsKey(key)) {
                changes.add(new Change(Section.BASELINE, "baseline-removed", '-', Impact.WIDENS, was.environment(), was.id(),
                        was.id() + " removed", was.path()));
            }
        });
        return changes;
    }

    private static Map<String, Manifest> baseline(List<Manifest> objects) {
        Map<String, Manifest> baseline = new TreeMap<>();
        objects.stream().filter(m -> TreeLayout.inPlatform(m.path()) && !COVERED.contains(m.kind())
                        && PodTemplates.of(m).isEmpty())
                .forEach(m -> baseline.put(m.key(), m));
        return baseline;
    }

    /** The paths of the leaves that differ ({@code spec.rules[0].match}), in document order. */
    private static void differences(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differences(path.isEmpty() ? name : path + "." + name, a.path(name), b.path(name), out);
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> left = a.elements();
            Iterator<JsonNode> right = b.elements();
            for (int i = 0; left.hasNext(); i++) {
                differences(path + "[" + i + "]", left.next(), right.next(), out);
            }
        } else {
            out.add(path.isEmpty() ? "(whole object)" : path);
        }
    }
}
