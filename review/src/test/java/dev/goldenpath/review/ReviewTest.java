package dev.goldenpath.review;

import static dev.goldenpath.dsl.GoldenPath.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.tree.RenderedTree;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Two platforms that differ in one thing each; the review shows exactly that one line. */
class ReviewTest {

    private static final RenderedTree BASE = Platforms.render();

    private static List<String> lines(Review review) {
        return review.changes().stream().map(Change::line).toList();
    }

    @Test
    void identicalTreesHaveNoSecurityRelevantChange() {
        Review review = Review.between(BASE, Platforms.render());
        assertTrue(review.isEmpty(), () -> String.join("\n", lines(review)));
        assertEquals("no security-relevant change", review.summary());
        assertTrue(review.format(ReviewFormat.MARKDOWN).contains("**no security-relevant change**"));
    }

    @Test
    void aNewCallIsOneNewEdge() {
        Review review = Review.between(BASE, Platforms.render(f -> f.calls("ledger", 5432), UnaryOperator.identity()));
        assertEquals(List.of("+ prod: web-prod/frontend -> data-prod/ledger 5432/TCP"), lines(review));
        assertEquals("edge-added", review.changes().get(0).rule());
        assertEquals("apps/prod/ledger/deployment.yaml", review.changes().get(0).path());
    }

    @Test
    void aNewPermissionIsOneLineForItsServiceAccount() {
        // The first permission also opens egress to the API server and lets the team's project sync Roles: a second
        // permission differs in the permission alone.
        RenderedTree base = Platforms.render(UnaryOperator.identity(), l -> l.permissions(read("configmaps")));
        Review review = Review.between(base, Platforms.render(UnaryOperator.identity(),
                l -> l.permissions(read("configmaps"), read("services"))));
        assertEquals(List.of("+ prod: ServiceAccount data-prod/ledger: get, list, watch services in namespace data-prod"),
                lines(review));
        assertEquals("permission-added", review.changes().get(0).rule());
    }

    @Test
    void aNewWeakeningShowsItsReason() {
        Review review = Review.between(BASE, Platforms.render(UnaryOperator.identity(),
                l -> l.weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "vendor binary rewrites /etc; SEC-12")));
        assertEquals(List.of("+ prod: Deployment data-prod/ledger read-only-root-filesystem: \"vendor binary rewrites /etc; SEC-12\""),
                lines(review));
    }

    @Test
    void aChangedReasonIsOneLineWithBothReasons() {
        RenderedTree base = Platforms.render(UnaryOperator.identity(),
                l -> l.weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "vendor binary rewrites /etc; SEC-12"));
        Review review = Review.between(base, Platforms.render(UnaryOperator.identity(),
                l -> l.weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "still needed; SEC-12 extended to 2027")));
        assertEquals(List.of("! prod: Deployment data-prod/ledger read-only-root-filesystem: reason "
                + "\"vendor binary rewrites /etc; SEC-12\" -> \"still needed; SEC-12 extended to 2027\""), lines(review));
        assertEquals("weakening-reason-changed", review.changes().get(0).rule());
    }

    @Test
    void aDigestSwappedForATagIsUnpinned() {
        Review review = Review.between(BASE, Platforms.render(UnaryOperator.identity(),
                l -> l.image("r.example.com/data/ledger:3.0.7")));
        assertEquals(List.of("! prod: Deployment data-prod/ledger container ledger: " + Platforms.LEDGER_DIGEST
                + " -> r.example.com/data/ledger:3.0.7 (digest replaced by a tag)"), lines(review));
        assertEquals("image-unpinned", review.changes().get(0).rule());
    }

    @Test
    void aNamespaceLoweredToBaselineIsOneLine() {
        String path = "platform/prod/namespaces/data-prod/namespace.yaml";
        RenderedTree head = Platforms.edited(BASE, path, "pod-security.kubernetes.io/enforce: restricted",
                "pod-security.kubernetes.io/enforce: baseline");
        Review review = Review.between(BASE, head);
        assertEquals(List.of("! prod: namespace data-prod: enforce restricted -> baseline"), lines(review));
        assertEquals("pss-lowered", review.changes().get(0).rule());
    }

    @Test
    void aHandEditedNetworkPolicyInTheOldTreeCounts() {
        // Written by hand, with an anchor and a merge key as people do: the review reads YAML as Kubernetes does.
        RenderedTree base = Platforms.with(BASE, "apps/prod/ledger/hand-edited.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: hotfix-frontend-to-ledger
                  namespace: data-prod
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: ledger}}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: web-prod}}
                          podSelector: {matchLabels: {app.kubernetes.io/name: frontend}}
                      ports: [{port: 5432, protocol: TCP}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: hotfix-frontend-to-ledger
                  namespace: web-prod
                spec:
                  podSelector: &frontend
                    matchLabels: {app.kubernetes.io/name: frontend}
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: data-prod}}
                          podSelector:
                            <<: *frontend
                            matchLabels: {app.kubernetes.io/name: ledger}
                      ports: [{port: 5432, protocol: TCP}]
                """);
        Review review = Review.between(base, Platforms.render());
        assertEquals(List.of("- prod: web-prod/frontend -> data-prod/ledger 5432/TCP"), lines(review));
        assertEquals("edge-removed", review.changes().get(0).rule());
    }
}
