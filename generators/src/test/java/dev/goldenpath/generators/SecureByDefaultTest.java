package dev.goldenpath.generators;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SecureByDefaultTest {

    static Platform minimal(UnaryOperator<App.Builder> change) {
        return platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("payments").owner("payments@example.com"))
                .app(change.apply(app("api").team("payments").image("registry.example.com/api:1.0.0").port(8080)))
                .build();
    }

    static <T> T read(RenderedTree tree, String path, Class<T> type) {
        return Yaml.read(tree.bytes(path).orElseThrow(() -> new AssertionError("missing " + path + " in " + tree.paths())), type);
    }

    @Test
    void minimalAppIsHardenedWithoutAnyOption() {
        RenderedTree tree = Renderer.secureByDefault().render(minimal(a -> a)).tree();
        Deployment deployment = read(tree, "apps/prod/api/deployment.yaml", Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(10001L, pod.getSecurityContext().getRunAsUser());
        assertEquals(10001L, pod.getSecurityContext().getRunAsGroup());
        assertEquals(10001L, pod.getSecurityContext().getFsGroup());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        assertFalse(pod.getAutomountServiceAccountToken());
        assertFalse(pod.getEnableServiceLinks());
        assertEquals("api", pod.getServiceAccountName());
        Container container = pod.getContainers().get(0);
        assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation());
        assertFalse(container.getSecurityContext().getPrivileged());
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(List.of("ALL"), container.getSecurityContext().getCapabilities().getDrop());
        assertTrue(container.getSecurityContext().getCapabilities().getAdd().isEmpty());
        assertEquals("100m", container.getResources().getRequests().get("cpu").toString());
        assertEquals("128Mi", container.getResources().getLimits().get("memory").toString());
        assertEquals("http", container.getLivenessProbe().getTcpSocket().getPort().getStrVal());
        assertEquals("http", container.getReadinessProbe().getTcpSocket().getPort().getStrVal());
        assertFalse(read(tree, "apps/prod/api/serviceaccount.yaml", ServiceAccount.class).getAutomountServiceAccountToken());
        assertEquals("ClusterIP", read(tree, "apps/prod/api/service.yaml", Service.class).getSpec().getType());
    }

    @Test
    void labelsNamespacesForPodSecurityRestricted() {
        RenderedTree tree = Renderer.secureByDefault().render(minimal(a -> a)).tree();
        Namespace namespace = read(tree, "platform/prod/namespaces/payments-prod/namespace.yaml", Namespace.class);
        for (String mode : List.of("enforce", "audit", "warn")) {
            assertEquals("restricted", namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/" + mode));
            assertEquals("latest", namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/" + mode + "-version"));
        }
    }

    @Test
    void carriesRecommendedAndRequiredLabelsOnEveryObject() {
        RenderedTree tree = Renderer.secureByDefault().render(minimal(a -> a.label("tier", "backend"))).tree();
        for (String path : tree.under("apps/prod/api").paths()) {
            if (path.endsWith("kustomization.yaml")) {
                continue;
            }
            var labels = Yaml.read(tree.bytes(path).orElseThrow()).path("metadata").path("labels");
            for (String key : List.of("app.kubernetes.io/name", "app.kubernetes.io/part-of", "app.kubernetes.io/managed-by",
                    "owner", "environment", "app", "tier")) {
                assertTrue(labels.has(key), path + " lacks " + key);
            }
        }
        Deployment deployment = read(tree, "apps/prod/api/deployment.yaml", Deployment.class);
        assertEquals("1.0.0", deployment.getMetadata().getLabels().get("app.kubernetes.io/version"));
        assertEquals("payments@example.com", deployment.getMetadata().getAnnotations().get("goldenpath.dev/owner-contact"));
    }

    @Test
    void mountsWritablePathsAsBoundedEmptyDirs() {
        RenderedTree tree = Renderer.secureByDefault().render(minimal(a -> a.writablePath("/tmp").writablePath("/var/cache/app", "2Gi"))).tree();
        PodSpec pod = read(tree, "apps/prod/api/deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec();
        assertEquals(List.of("tmp", "var-cache-app"), pod.getVolumes().stream().map(v -> v.getName()).toList());
        assertEquals("1Gi", pod.getVolumes().get(0).getEmptyDir().getSizeLimit().toString());
        assertEquals("2Gi", pod.getVolumes().get(1).getEmptyDir().getSizeLimit().toString());
        assertEquals("/var/cache/app", pod.getContainers().get(0).getVolumeMounts().get(1).getMountPath());
        assertTrue(pod.getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem());
    }

    @Test
    void rendersDisruptionBudgetOnlyForSeveralReplicas() {
        assertFalse(Renderer.secureByDefault().render(minimal(a -> a)).tree().contains("apps/prod/api/poddisruptionbudget.yaml"));
        RenderedTree tree = Renderer.secureByDefault().render(minimal(a -> a.replicas(3))).tree();
        PodDisruptionBudget pdb = read(tree, "apps/prod/api/poddisruptionbudget.yaml", PodDisruptionBudget.class);
        assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal());
        assertEquals("AlwaysAllow", pdb.getSpec().getUnhealthyPodEvictionPolicy());
        PodSpec pod = read(tree, "apps/prod/api/deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec();
        assertEquals("kubernetes.io/hostname", pod.getTopologySpreadConstraints().get(0).getTopologyKey());
    }

    @Test
    void autoscaledDeploymentsLeaveReplicasToTheAutoscaler() {
        RenderedTree tree = Renderer.secureByDefault().render(minimal(a -> a.autoscale(2, 5, 60))).tree();
        assertNull(read(tree, "apps/prod/api/deployment.yaml", Deployment.class).getSpec().getReplicas());
        assertTrue(tree.contains("apps/prod/api/horizontalpodautoscaler.yaml"));
        assertTrue(tree.contains("apps/prod/api/poddisruptionbudget.yaml"));
    }

    @Test
    void declaredWeakeningIsRenderedWithItsReasonAndLowersOnlyEnforce() {
        String reason = "vendor image needs uid 0; SEC-42 approved by security";
        Rendering rendering = Renderer.secureByDefault().render(minimal(a -> a.runAsUser(0).weaken(Weakening.RUN_AS_ROOT, reason)));
        Deployment deployment = read(rendering.tree(), "apps/prod/api/deployment.yaml", Deployment.class);
        assertEquals(reason, deployment.getMetadata().getAnnotations().get("weakening.goldenpath.dev/pss-run-as-non-root"));
        assertEquals(reason, deployment.getSpec().getTemplate().getMetadata().getAnnotations().get("weakening.goldenpath.dev/pss-run-as-user"));
        assertFalse(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        Namespace namespace = read(rendering.tree(), "platform/prod/namespaces/payments-prod/namespace.yaml", Namespace.class);
        assertEquals("baseline", namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
        assertEquals("restricted", namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/warn"));
        assertEquals("restricted", namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/audit"));
        assertTrue(namespace.getMetadata().getAnnotations().get("weakening.goldenpath.dev/namespace-pod-security").contains(reason));
        assertEquals(1, rendering.report().weakenings().size());
        assertTrue(rendering.tree().text("docs/weakenings.md").orElseThrow().contains(reason));
    }

    @Test
    void listsEveryFileOfAFolderInItsKustomization() {
        RenderedTree tree = Renderer.secureByDefault().render(minimal(a -> a.replicas(2))).tree();
        var resources = Yaml.read(tree.bytes("apps/prod/api/kustomization.yaml").orElseThrow()).path("resources");
        List<String> listed = new java.util.ArrayList<>();
        resources.forEach(r -> listed.add("apps/prod/api/" + r.asText()));
        List<String> files = tree.under("apps/prod/api").paths().stream().filter(p -> !p.endsWith("kustomization.yaml")).toList();
        assertEquals(files, listed);
        List<String> platformFolders = new java.util.ArrayList<>();
        Yaml.read(tree.bytes("platform/prod/kustomization.yaml").orElseThrow()).path("resources")
                .forEach(r -> platformFolders.add(r.asText()));
        assertTrue(platformFolders.contains("namespaces"), platformFolders::toString);
        platformFolders.forEach(folder -> assertTrue(tree.contains("platform/prod/" + folder + "/kustomization.yaml"), folder));
    }

    @Test
    void aTightenedPolicyFailsTheRenderAndListsEveryFinding() {
        var strict = Renderer.secureByDefault().policy(dev.goldenpath.lint.Linter.builder().requireDigest(true).build());
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.goldenpath.generators.policy.PolicyViolationException.class,
                () -> strict.render(minimal(a -> a)));
        assertTrue(e.getMessage().contains("apps/prod/api/deployment.yaml:1 Deployment payments-prod/api"), e.getMessage());
        assertTrue(e.getMessage().contains("[image-digest]"), e.getMessage());
        assertTrue(e.report().failing().stream().allMatch(f -> f.ruleId().equals("image-digest")));
    }
}
