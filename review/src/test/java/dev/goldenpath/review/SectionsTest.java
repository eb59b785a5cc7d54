package dev.goldenpath.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.tree.RenderedTree;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each section on hand-written trees, as a GitOps repository edited by people holds them. */
class SectionsTest {

    private static RenderedTree tree(String... pathsAndContents) {
        RenderedTree.Builder tree = RenderedTree.builder();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            tree.add(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return tree.build();
    }

    private static List<String> lines(RenderedTree base, RenderedTree head) {
        return Review.between(base, head).changes().stream().map(Change::line).toList();
    }

    private static final String ROLE = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            rules:
              - apiGroups: [""]
                resources: [secrets]
                resourceNames: [db-creds, api-key]
                verbs: [get]
              - apiGroups: [apps]
                resources: [deployments]
                verbs: [get, list]
            """;

    @Test
    void aClusterRoleBindingGrantsClusterWideAndARoleBindingInItsNamespace() {
        RenderedTree base = tree("apps/prod/x/role.yaml", ROLE);
        RenderedTree namespaced = tree("apps/prod/x/role.yaml", ROLE, "apps/prod/x/binding.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: reader, namespace: shop}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
                subjects: [{kind: ServiceAccount, name: api}]
                """);
        assertEquals(List.of(
                "+ prod: ServiceAccount shop/api: get secrets [api-key, db-creds] in namespace shop",
                "+ prod: ServiceAccount shop/api: get, list deployments.apps in namespace shop"), lines(base, namespaced));
        RenderedTree cluster = tree("apps/prod/x/role.yaml", ROLE, "apps/prod/x/binding.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: reader}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
                subjects: [{kind: ServiceAccount, name: api, namespace: shop}]
                """);
        Review review = Review.between(namespaced, cluster);
        assertEquals(List.of(
                "+ prod: ServiceAccount shop/api: get secrets [api-key, db-creds] cluster-wide",
                "- prod: ServiceAccount shop/api: get secrets [api-key, db-creds] in namespace shop",
                "+ prod: ServiceAccount shop/api: get, list deployments.apps cluster-wide",
                "- prod: ServiceAccount shop/api: get, list deployments.apps in namespace shop"),
                review.changes().stream().map(Change::line).toList());
        assertEquals(2, review.violations(List.of(FailOn.CLUSTER_PERMISSION)).size());
    }

    @Test
    void secretsShowKeysNeverValues() {
        RenderedTree base = tree("apps/prod/x/sealed.yaml", """
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata: {name: db, namespace: shop}
                spec:
                  encryptedData: {password: AgBy3iOLDCIPHERTEXTONE, user: AgBy3iUSERCIPHER}
                """);
        RenderedTree head = tree("apps/prod/x/sealed.yaml", """
                apiVersion: bitnami.com/v1alpha1
                kind: SealedSecret
                metadata: {name: db, namespace: shop}
                spec:
                  encryptedData: {password: AgBy3iNEWCIPHERTEXTTWO, host: AgBy3iHOSTCIPHER}
                """, "apps/prod/x/secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: leaked, namespace: shop}
                stringData: {token: hunter2-plaintext}
                """);
        Review review = Review.between(base, head);
        assertEquals(List.of("! prod: SealedSecret shop/db: keys added host; keys removed user; values changed password",
                "+ prod: Secret shop/leaked (plaintext Secret): keys token"),
                review.changes().stream().map(Change::line).toList());
        for (ReviewFormat format : ReviewFormat.values()) {
            String text = review.format(format);
            assertFalse(text.contains("hunter2") || text.contains("AgBy3i"), format + " shows a value:\n" + text);
        }
    }

    @Test
    void projectsWidenWithMoreDestinationsAndKindsAndNarrowWithDenyLists() {
        String project = """
                apiVersion: argoproj.io/v1alpha1
                kind: AppProject
                metadata: {name: web, namespace: argocd}
                spec:
                  sourceRepos: [https://git.example.com/gitops.git]
                  destinations: [{server: https://kubernetes.default.svc, namespace: web-prod}]
                  namespaceResourceWhitelist: [{group: apps, kind: Deployment}]
                """;
        RenderedTree head = tree("argocd/prod/web.yaml", project.replace("namespace: web-prod}]",
                "namespace: web-prod}, {server: https://kubernetes.default.svc, namespace: kube-system}]")
                + "  clusterResourceWhitelist: [{group: '*', kind: '*'}]\n"
                + "  namespaceResourceBlacklist: [{group: '', kind: ResourceQuota}]\n");
        assertEquals(List.of(
                "+ prod: AppProject argocd/web clusterResourceWhitelist added */*",
                "+ prod: AppProject argocd/web destinations added https://kubernetes.default.svc namespace kube-system",
                "+ prod: AppProject argocd/web namespaceResourceBlacklist added ResourceQuota"),
                lines(tree("argocd/prod/web.yaml", project), head));
        assertEquals(List.of("project-widened", "project-widened", "project-narrowed"),
                Review.between(tree("argocd/prod/web.yaml", project), head).changes().stream().map(Change::rule).toList());
    }

    @Test
    void baselinePoliciesAddedRemovedOrChanged() {
        String kyverno = """
                apiVersion: kyverno.io/v1
                kind: ClusterPolicy
                metadata: {name: require-signatures}
                spec:
                  validationFailureAction: Enforce
                  rules: [{name: verify, match: {any: [{resources: {kinds: [Pod]}}]}}]
                """;
        String gatekeeper = """
                apiVersion: constraints.gatekeeper.sh/v1beta1
                kind: K8sRequiredLabels
                metadata: {name: owner}
                spec: {parameters: {labels: [owner]}}
                """;
        RenderedTree base = tree("platform/prod/kyverno.yaml", kyverno, "platform/prod/gatekeeper.yaml", gatekeeper);
        RenderedTree head = tree("platform/prod/kyverno.yaml", kyverno.replace("Enforce", "Audit"));
        assertEquals(List.of(
                "! prod: ClusterPolicy require-signatures changed: spec.validationFailureAction",
                "- prod: K8sRequiredLabels owner removed"), lines(base, head));
    }

    @Test
    void imagesFromAnotherRegistryAndNewUnpinnedContainers() {
        String job = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: backup, namespace: shop}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers: [{name: backup, image: registry.example.com/ops/backup:1.2}]
                """;
        RenderedTree base = tree("apps/prod/backup/cronjob.yaml", job);
        RenderedTree head = tree("apps/prod/backup/cronjob.yaml", job.replace("registry.example.com/ops/backup:1.2",
                "ghcr.io/someone/backup:1.2").replace("containers: [", "initContainers: [{name: init, image: busybox}]\n"
                + "          containers: ["));
        assertEquals(List.of(
                "! prod: CronJob shop/backup container backup: registry.example.com/ops/backup:1.2 -> ghcr.io/someone/backup:1.2"
                        + " (registry registry.example.com -> ghcr.io)",
                "+ prod: CronJob shop/backup container init: busybox (not pinned by digest)"), lines(base, head));
    }

    @Test
    void onlyARegisteredDigestPinsANewContainer() {
        // OCI image spec, "Digests": sha256 is 64 and sha512 128 lowercase hex digits; anything else names no
        // content a runtime can verify, so the image may still change under the same reference.
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata: {name: api, namespace: shop}
                spec: {containers: [{name: api, image: IMAGE}]}
                """;
        String sha256 = "sha256:" + "0123456789abcdef".repeat(4);
        for (String image : List.of("api@sha256:00", "api@sha256:" + "A".repeat(64), "api@sha384:" + "a".repeat(96),
                "api:1.0@" + sha256.substring(0, 20))) {
            assertEquals(List.of("+ prod: Pod shop/api container api: " + image + " (not pinned by digest)"),
                    lines(tree(), tree("apps/prod/api/pod.yaml", pod.replace("IMAGE", image))), image);
        }
        for (String image : List.of("api@" + sha256, "api:1.0@sha512:" + "0123456789abcdef".repeat(8))) {
            assertEquals(List.of("+ prod: Pod shop/api container api: " + image + " (pinned by digest)"),
                    lines(tree(), tree("apps/prod/api/pod.yaml", pod.replace("IMAGE", image))), image);
        }
    }

    @Test
    void egressToTheInternetOnAnyPortIsOneEdge() {
        String namespace = """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop}
                """;
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec:
                  template:
                    metadata: {labels: {app: api}}
                    spec: {containers: [{name: api, image: api@sha256:00, ports: [{containerPort: 8080}]}]}
                """;
        String denyAll = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: shop}
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                """;
        RenderedTree base = tree("platform/prod/ns.yaml", namespace, "apps/prod/api/deploy.yaml", deployment,
                "apps/prod/api/deny.yaml", denyAll);
        RenderedTree head = tree("platform/prod/ns.yaml", namespace, "apps/prod/api/deploy.yaml", deployment,
                "apps/prod/api/deny.yaml", denyAll, "apps/prod/api/internet.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: internet, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Egress]
                  egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]}]
                """);
        assertEquals(List.of("+ prod: shop/api -> 0.0.0.0/0 except 10.0.0.0/8 any/TCP",
                "+ prod: shop/api -> 0.0.0.0/0 except 10.0.0.0/8 any/UDP"), lines(base, head));
        // Without any policy, the pod is not isolated: the review says so with every edge, not with silence.
        RenderedTree open = tree("platform/prod/ns.yaml", namespace, "apps/prod/api/deploy.yaml", deployment);
        assertTrue(lines(base, open).isEmpty(), "no other endpoint to reach: " + lines(base, open));
    }

    @Test
    void everyProblemOfBothTreesIsListed() {
        RenderedTree broken = tree("apps/prod/x/bad.yaml", "a: [", "apps/prod/x/policy.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: shop}
                spec: {podSelecter: {}, policyTypes: [ingress]}
                """);
        ReviewException e = assertThrows(ReviewException.class, () -> Review.between(broken, broken));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("base apps/prod/x/bad.yaml: not valid YAML"), e.getMessage());
        assertTrue(e.problems().get(1).startsWith("head apps/prod/x/bad.yaml: not valid YAML"), e.getMessage());
    }
}
