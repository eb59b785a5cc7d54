package dev.goldenpath.generators.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.report.RenderException;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.generators.argocd.ArgoCd;
import dev.goldenpath.generators.policy.PolicyViolationException;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.tree.RenderedTree;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Extra objects: placed, labelled, listed in the kustomization, allowed by Argo CD, linted, and never clashing. */
class ExtraObjectsTest {

    /** A VerticalPodAutoscaler: a kind neither the DSL nor fabric8's core model has. */
    private static final String VPA = """
            apiVersion: autoscaling.k8s.io/v1
            kind: VerticalPodAutoscaler
            metadata:
              name: web
              annotations:
                example.com/ticket: OPS-12
            spec:
              targetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              updatePolicy:
                updateMode: "Off"
              resourcePolicy:
                containerPolicies:
                  - &defaults
                    containerName: web
                    controlledValues: RequestsOnly
                  - <<: *defaults
                    containerName: sidecar
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web-feature-flags
              annotations: &notes
                example.com/ticket: OPS-12
              labels: *notes
            data:
              checkout: "on"
              since: 2024-01-01
            """;

    @Test
    void extraObjectsArePlacedListedAllowedAndLinted() {
        Rendering rendering = Renderer.secureByDefault()
                .extraYaml("web", instance -> VPA)
                .extraObjects("reader", instance -> List.of(new ConfigMapBuilder().withNewMetadata().withName("reader-config")
                        .endMetadata().withData(Map.of("environment", instance.environment().name())).build()))
                .render(Platforms.shop());
        RenderedTree tree = rendering.tree();
        JsonNode vpa = Platforms.read(tree, "apps/prod/web/verticalpodautoscaler.yaml");
        assertEquals("web-prod", vpa.at("/metadata/namespace").asText());
        assertEquals("web", vpa.at("/metadata/labels/owner").asText());
        assertEquals("prod", vpa.at("/metadata/labels/environment").asText());
        assertEquals("OPS-12", vpa.at("/metadata/annotations/example.com~1ticket").asText());
        // The merge key is resolved as Kubernetes resolves it.
        assertEquals("sidecar", vpa.at("/spec/resourcePolicy/containerPolicies/1/containerName").asText());
        assertEquals("RequestsOnly", vpa.at("/spec/resourcePolicy/containerPolicies/1/controlledValues").asText());
        JsonNode flags = Platforms.read(tree, "apps/staging/web/configmap-web-feature-flags.yaml");
        assertEquals("on", flags.at("/data/checkout").asText());
        assertEquals("2024-01-01", flags.at("/data/since").asText(), "timestamps stay text");
        assertEquals("OPS-12", flags.at("/metadata/labels/example.com~1ticket").asText(), "aliases are resolved");
        assertEquals("staging", Platforms.read(tree, "apps/staging/reader/configmap-reader-config.yaml")
                .at("/data/environment").asText());

        String kustomization = tree.text("apps/prod/web/kustomization.yaml").orElseThrow();
        assertTrue(kustomization.contains("- verticalpodautoscaler.yaml") && kustomization.contains("- configmap-web-feature-flags.yaml"),
                kustomization);
        JsonNode kinds = Platforms.read(tree, "argocd/prod/appproject-web-prod.yaml").at("/spec/namespaceResourceWhitelist");
        List<String> allowed = new ArrayList<>();
        kinds.forEach(k -> allowed.add(k.path("group").asText() + "/" + k.path("kind").asText()));
        assertTrue(allowed.contains("autoscaling.k8s.io/VerticalPodAutoscaler") && allowed.contains("/ConfigMap"),
                allowed.toString());
        // The Argo CD projects admit what their Applications hold, evaluated from the tree alone.
        assertTrue(ArgoCd.check(Platforms.shop(), tree).problems().isEmpty());
        assertEquals(List.of(), Linter.defaults().lint(tree).failing());
        assertTrue(rendering.objects().stream().anyMatch(o -> o.path("kind").asText().equals("VerticalPodAutoscaler")),
                "the policy check saw it");
    }

    @Test
    void anExtraWorkloadIsLintedLikeAGeneratedOne() {
        PolicyViolationException failure = assertThrows(PolicyViolationException.class, () -> Renderer.secureByDefault()
                .extraObjects("web", instance -> List.of(new DeploymentBuilder().withNewMetadata().withName("web-worker")
                        .endMetadata().withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("worker")
                        .withImage("registry.example.com/worker:latest").endContainer().endSpec().endTemplate().endSpec()
                        .build()))
                .render(Platforms.shop()));
        String message = failure.getMessage();
        for (String rule : List.of("pss-run-as-non-root", "pss-seccomp-restricted", "pss-capabilities-restricted",
                "resources", "image-tag")) {
            assertTrue(message.contains("apps/prod/web/deployment-web-worker.yaml") && message.contains("[" + rule + "]"),
                    rule + ": " + message);
        }
    }

    @Test
    void anExtraRoleWithAWildcardNeedsTheDeclaredWeakening() {
        var role = new RoleBuilder().withNewMetadata().withName("web-operator").endMetadata()
                .addNewRule().withApiGroups("apps").withResources("deployments").withVerbs("*").endRule().build();
        PolicyViolationException failure = assertThrows(PolicyViolationException.class, () -> Renderer.secureByDefault()
                .extraObjects("web", instance -> List.of(role)).render(Platforms.shop()));
        assertTrue(failure.getMessage().contains("[rbac-wildcard]"), failure.getMessage());
        String reason = "operator manages its own rollouts; SEC-90, approved by security";
        Rendering declared = Renderer.secureByDefault().extraObjects("web", instance -> List.of(role))
                .render(Platforms.shop(a -> a.weaken(Weakening.RBAC_WILDCARD, reason)));
        assertTrue(declared.lint().weakened().stream().anyMatch(f -> f.ruleId().equals("rbac-wildcard")
                && f.file().equals("apps/prod/web/role-web-operator.yaml") && f.weakeningReason().equals(reason)));
        assertTrue(declared.tree().text("docs/weakenings.md").orElseThrow().contains("SEC-90"));
    }

    @Test
    void anExtraObjectMustNotTakeAGeneratedObjectsPlace() {
        RenderException failure = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .extraObjects("web", instance -> List.of(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
                        .withNewSpec().withType("ClusterIP").endSpec().build()))
                .render(Platforms.shop()));
        assertTrue(failure.getMessage().contains("apps/prod/web: Renderer.extraObjects(web): Service 'web' clashes with the "
                + "generated Service 'web'"), failure.getMessage());
    }

    @Test
    void whatCannotBePlacedFailsTheRenderWithEveryProblem() {
        RenderException failure = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .extraObjects("web", instance -> List.of(
                        new ConfigMapBuilder().withNewMetadata().withName("elsewhere").withNamespace("kube-system")
                                .endMetadata().build(),
                        new ConfigMapBuilder().withNewMetadata().withName("forged")
                                .addToAnnotations("weakening.goldenpath.dev/pss-privileged", "trust me").endMetadata().build(),
                        new ConfigMapBuilder().withNewMetadata().withName("owned").addToLabels("owner", "someone-else")
                                .endMetadata().build(),
                        new ClusterRoleBuilder().withNewMetadata().withName("web-reader").endMetadata().build(),
                        new NetworkPolicyBuilder().withNewMetadata().withName("allow-all").endMetadata()
                                .withNewSpec().withNewPodSelector().endPodSelector().addNewIngress().endIngress().endSpec()
                                .build()))
                .extraYaml("reader", instance -> "kind: [unclosed")
                .render(Platforms.shop()));
        String message = failure.getMessage();
        assertTrue(message.contains("ConfigMap 'elsewhere' names namespace 'kube-system', but the app's folder is deployed "
                + "to 'web-prod'"), message);
        assertTrue(message.contains("ConfigMap 'forged' sets annotation 'weakening.goldenpath.dev/pss-privileged', which "
                + "only goldenpath writes"), message);
        assertTrue(message.contains("ConfigMap 'owned' sets label 'owner' to 'someone-else', but goldenpath sets it to 'web'"),
                message);
        assertTrue(message.contains("ClusterRole 'web-reader' is cluster-scoped"), message);
        assertTrue(message.contains("NetworkPolicy 'allow-all' would allow traffic, but the allowed network graph is "
                + "exactly the declared one (fix: declare the connection in the DSL"), message);
        assertTrue(message.contains("apps[reader] in prod: Renderer.extraYaml(reader): the YAML text document 1 is not valid YAML"),
                message);
    }

    @Test
    void platformObjectsGoToThePlatformFolderAndItsProject() {
        RenderedTree tree = Renderer.secureByDefault()
                .platformObjects(environment -> List.of(new GenericKubernetesResourceBuilder()
                        .withApiVersion("cert-manager.io/v1").withKind("ClusterIssuer")
                        .withNewMetadata().withName("internal-ca").endMetadata()
                        .withAdditionalProperties(Map.of("spec", Map.of("ca", Map.of("secretName", "internal-ca-" + environment.name()))))
                        .build()))
                .render(Platforms.shop()).tree();
        JsonNode issuer = Platforms.read(tree, "platform/prod/extensions/clusterissuer-internal-ca.yaml");
        assertEquals("internal-ca-prod", issuer.at("/spec/ca/secretName").asText());
        assertEquals("goldenpath", issuer.at("/metadata/labels/app.kubernetes.io~1managed-by").asText());
        assertTrue(tree.text("platform/prod/kustomization.yaml").orElseThrow().contains("- extensions"));
        assertTrue(tree.text("platform/prod/extensions/kustomization.yaml").orElseThrow()
                .contains("- clusterissuer-internal-ca.yaml"));
        JsonNode clusterResources = Platforms.read(tree, "argocd/prod/appproject-platform-prod.yaml")
                .at("/spec/clusterResourceWhitelist");
        List<String> allowed = new ArrayList<>();
        clusterResources.forEach(r -> allowed.add(r.path("group").asText() + "/" + r.path("kind").asText() + "/"
                + r.path("name").asText()));
        assertTrue(allowed.contains("cert-manager.io/ClusterIssuer/internal-ca"), allowed.toString());
    }
}
