package dev.goldenpath.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.vocabulary.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The image of every container (init, regular and ephemeral) of every pod template, by workload and container name.
 * A changed reference is classified: a digest replaced by a tag (unpinned: the image may change under the same
 * name), a tag replaced by a digest (pinned), another registry, or another tag or digest.
 */
final class ImageReview {

    private record Container(Manifest workload, String name, String image) {
    }

    private ImageReview() {
    }

    static List<Change> between(List<Manifest> base, List<Manifest> head) {
        Map<String, Container> before = containers(base);
        Map<String, Container> after = containers(head);
        List<Change> changes = new ArrayList<>();
        after.forEach((key, now) -> {
            Container was = before.get(key);
            String subject = now.workload().id() + " container " + now.name();
            ImageReference to = ImageReference.parse(now.image());
            if (was == null) {
                changes.add(new Change(Section.IMAGES, to.pinned() ? "image-added" : "image-added-unpinned", '+',
                        to.pinned() ? Impact.REVIEW : Impact.WIDENS, now.workload().environment(), subject,
                        subject + ": " + now.image() + (to.pinned() ? " (pinned by digest)" : " (not pinned by digest)"),
                        now.workload().path()));
            } else if (!was.image().equals(now.image())) {
                ImageReference from = ImageReference.parse(was.image());
                String rule;
                String what;
                Impact impact = Impact.REVIEW;
                if (from.pinned() && !to.pinned()) {
                    rule = "image-unpinned";
                    what = "digest replaced by a tag";
                    impact = Impact.WIDENS;
                } else if (!from.pinned() && to.pinned()) {
                    rule = "image-pinned";
                    what = "tag replaced by a digest";
                    impact = Impact.NARROWS;
                } else if (!from.registry().equals(to.registry())) {
                    rule = "image-registry-changed";
                    what = "registry " + from.registry() + " -> " + to.registry();
                } else {
                    rule = "image-changed";
                    what = !from.repository().equals(to.repository()) ? "another repository"
                            : to.pinned() ? "another digest" : "another tag";
                }
                if (!rule.equals("image-registry-changed") && !from.registry().equals(to.registry())) {
                    what += ", registry " + from.registry() + " -> " + to.registry();
                }
                changes.add(new Change(Section.IMAGES, rule, '!', impact, now.workload().environment(), subject,
                        subject + ": " + was.image() + " -> " + now.image() + " (" + what + ")", now.workload().path()));
            }
        });
        before.forEach((key, was) -> {
            if (!after.containsKey(key)) {
                String subject = was.workload().id() + " container " + was.name();
                changes.add(new Change(Section.IMAGES, "image-removed", '-', Impact.NARROWS, was.workload().environment(),
                        subject, subject + ": " + was.image(), was.workload().path()));
            }
        });
        return changes;
    }

    private static Map<String, Container> containers(List<Manifest> objects) {
        Map<String, Container> containers = new TreeMap<>();
        for (Manifest object : objects) {
            PodTemplates.of(object).ifPresent(template -> {
                for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
                    for (JsonNode container : template.path("spec").path(list)) {
                        String name = container.path("name").asText("");
                        containers.put(object.key() + "|" + name,
                                new Container(object, name, container.path("image").asText("")));
                    }
                }
            });
        }
        return containers;
    }
}
