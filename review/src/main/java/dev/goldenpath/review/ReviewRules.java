package dev.goldenpath.review;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every kind of change a review reports, with what it means; the SARIF rules and docs/review.md list the same. */
final class ReviewRules {

    static final Map<String, String> DESCRIPTIONS = descriptions();

    private ReviewRules() {
    }

    private static Map<String, String> descriptions() {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("edge-added", "The NetworkPolicies now allow a connection they did not allow before.");
        rules.put("edge-removed", "The NetworkPolicies no longer allow a connection they allowed before.");
        rules.put("permission-added", "A subject gained an RBAC permission in a namespace.");
        rules.put("cluster-permission-added", "A subject gained an RBAC permission cluster-wide.");
        rules.put("permission-removed", "A subject lost an RBAC permission.");
        rules.put("weakening-added", "An object declares a new weakening of the secure defaults.");
        rules.put("weakening-removed", "A weakening of the secure defaults is gone.");
        rules.put("weakening-reason-changed", "The reason given for a weakening changed.");
        rules.put("pss-lowered", "A namespace enforces, audits or warns at a lower Pod Security level.");
        rules.put("pss-raised", "A namespace enforces, audits or warns at a higher Pod Security level.");
        rules.put("pss-version-changed", "A namespace pins another Pod Security Standards version.");
        rules.put("image-unpinned", "A digest-pinned image reference was replaced by a tag.");
        rules.put("image-pinned", "A tag was replaced by a digest-pinned image reference.");
        rules.put("image-registry-changed", "An image now comes from another registry.");
        rules.put("image-changed", "An image reference changed (another tag, digest or repository).");
        rules.put("image-added", "A new container runs an image pinned by digest.");
        rules.put("image-added-unpinned", "A new container runs an image not pinned by digest.");
        rules.put("image-removed", "A container is gone.");
        rules.put("secret-added", "A Secret, SealedSecret or ExternalSecret was added.");
        rules.put("secret-removed", "A Secret, SealedSecret or ExternalSecret was removed.");
        rules.put("secret-changed", "Keys of a secret were added, removed, or hold another value.");
        rules.put("project-widened", "An Argo CD project may deploy from more sources, to more destinations or more kinds.");
        rules.put("project-narrowed", "An Argo CD project may deploy less than before.");
        rules.put("baseline-added", "A cluster baseline object was added.");
        rules.put("baseline-removed", "A cluster baseline object was removed.");
        rules.put("baseline-changed", "A cluster baseline object changed.");
        return java.util.Collections.unmodifiableMap(rules);
    }
}
