package dev.goldenpath.review;

import dev.goldenpath.vocabulary.PodSecurityLabels.Mode;
import dev.goldenpath.vocabulary.PodSecurityLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pod Security Standards labels of namespaces ({@code pod-security.kubernetes.io/<mode>} and {@code <mode>-version}).
 * A namespace present before and after is listed when a level or version changed; a new namespace only when it
 * enforces less than {@code restricted}. A missing label means {@code privileged}, the admission controller's
 * default (Kubernetes "Pod Security Admission": "If no label is set, the default is privileged" unless the cluster
 * configures otherwise).
 */
final class PodSecurityReview {

    private static final List<String> LEVELS = List.of("privileged", "baseline", "restricted");

    private PodSecurityReview() {
    }

    static List<Change> between(List<Manifest> base, List<Manifest> head) {
        Map<String, Manifest> before = namespaces(base);
        Map<String, Manifest> after = namespaces(head);
        List<Change> changes = new ArrayList<>();
        after.forEach((key, now) -> {
            Manifest was = before.get(key);
            String subject = "namespace " + now.name();
            if (was == null) {
                String enforce = level(now, Mode.ENFORCE);
                if (rank(enforce) < rank("restricted")) {
                    changes.add(new Change(Section.POD_SECURITY, "pss-lowered", '+', Impact.WIDENS, now.environment(), subject,
                            subject + " (new): enforce " + enforce, now.path()));
                }
                return;
            }
            List<String> differences = new ArrayList<>();
            boolean lowered = false;
            boolean raised = false;
            for (Mode mode : Mode.values()) {
                String from = level(was, mode);
                String to = level(now, mode);
                if (!from.equals(to)) {
                    differences.add(mode.mode() + " " + from + " -> " + to);
                    lowered |= rank(to) < rank(from);
                    raised |= rank(to) > rank(from);
                }
                String fromVersion = was.labels().getOrDefault(mode.versionLabel(), PodSecurityLabels.DEFAULT_VERSION);
                String toVersion = now.labels().getOrDefault(mode.versionLabel(), PodSecurityLabels.DEFAULT_VERSION);
                if (!fromVersion.equals(toVersion)) {
                    differences.add(mode.mode() + "-version " + fromVersion + " -> " + toVersion);
                }
            }
            if (!differences.isEmpty()) {
                String rule = lowered ? "pss-lowered" : raised ? "pss-raised" : "pss-version-changed";
                Impact impact = lowered ? Impact.WIDENS : raised ? Impact.NARROWS : Impact.REVIEW;
                changes.add(new Change(Section.POD_SECURITY, rule, '!', impact, now.environment(), subject,
                        subject + ": " + String.join(", ", differences), now.path()));
            }
        });
        return changes;
    }

    private static Map<String, Manifest> namespaces(List<Manifest> objects) {
        Map<String, Manifest> namespaces = new TreeMap<>();
        objects.stream().filter(m -> m.kind().equals("Namespace") && m.group().isEmpty())
                .forEach(m -> namespaces.put(m.key(), m));
        return namespaces;
    }

    private static String level(Manifest namespace, Mode mode) {
        return namespace.labels().getOrDefault(mode.label(), PodSecurityLabels.DEFAULT_LEVEL);
    }

    /** privileged < baseline < restricted; an unknown value ranks lowest, as the admission controller rejects it. */
    private static int rank(String level) {
        return LEVELS.indexOf(level);
    }
}
