package dev.goldenpath.review;

import dev.goldenpath.vocabulary.Annotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Declared weakenings of the secure defaults: every {@code weakening.goldenpath.dev/<rule>} annotation on an object's
 * own metadata (the reason is its value), added, removed or with a changed reason. Pod templates repeat their
 * workload's annotations and are not read twice.
 */
final class WeakeningReview {

    private record Declared(Manifest object, String rule, String reason) {
    }

    private WeakeningReview() {
    }

    static List<Change> between(List<Manifest> base, List<Manifest> head) {
        Map<String, Declared> before = declared(base);
        Map<String, Declared> after = declared(head);
        List<Change> changes = new ArrayList<>();
        after.forEach((key, now) -> {
            Declared was = before.get(key);
            String subject = now.object().id() + " " + now.rule();
            if (was == null) {
                changes.add(new Change(Section.WEAKENINGS, "weakening-added", '+', Impact.WIDENS, now.object().environment(),
                        subject, subject + ": " + quote(now.reason()), now.object().path()));
            } else if (!was.reason().equals(now.reason())) {
                changes.add(new Change(Section.WEAKENINGS, "weakening-reason-changed", '!', Impact.REVIEW,
                        now.object().environment(), subject,
                        subject + ": reason " + quote(was.reason()) + " -> " + quote(now.reason()), now.object().path()));
            }
        });
        before.forEach((key, was) -> {
            if (!after.containsKey(key)) {
                String subject = was.object().id() + " " + was.rule();
                changes.add(new Change(Section.WEAKENINGS, "weakening-removed", '-', Impact.NARROWS, was.object().environment(),
                        subject, subject + ": " + quote(was.reason()), was.object().path()));
            }
        });
        return changes;
    }

    private static Map<String, Declared> declared(List<Manifest> objects) {
        Map<String, Declared> declared = new TreeMap<>();
        for (Manifest object : objects) {
            object.annotations().forEach((key, value) -> {
                Annotations.weakeningRule(key).ifPresent(rule ->
                        declared.put(object.key() + "|" + rule, new Declared(object, rule, value)));
            });
        }
        return declared;
    }

    static String quote(String text) {
        return "\"" + text.replace("\n", " ") + "\"";
    }
}
