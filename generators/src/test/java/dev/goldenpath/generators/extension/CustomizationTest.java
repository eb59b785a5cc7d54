package dev.goldenpath.generators.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.report.RenderException;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.generators.policy.PolicyViolationException;
import dev.goldenpath.tree.RenderedTree;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodDNSConfigBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Customization hooks: what they set reaches the output as set (including what cdk8s escape hatches drop), a change
 * that weakens a default fails with the linter's finding unless the app declares the weakening, and a hook can neither
 * forge nor remove what goldenpath owns, nor silently change nothing.
 */
class CustomizationTest {

    private static final String REASON = "needed by the vendor agent; SEC-77, approved by security";

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Rendering render(Consumer<Deployment> change) {
        return Renderer.secureByDefault().customize("web", Deployment.class, change).render(Platforms.shop());
    }

    @Test
    void whatAHookSetsIsWrittenAsSet() {
        RenderedTree tree = render(d -> {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            pod.setImagePullSecrets(List.of(new LocalObjectReference("registry-credentials")));
            pod.setDnsConfig(new PodDNSConfigBuilder().addNewOption("ndots", "2").build());
            container(d).getResources().getLimits().put("nvidia.com/gpu", new Quantity("1"));
            container(d).getResources().getRequests().put("nvidia.com/gpu", new Quantity("1"));
            d.getMetadata().getAnnotations().put("reloader.stakater.com/auto", "true");
            // int-or-string both ways, and a field the model does not have (a newer API server's)
            d.getSpec().getStrategy().getRollingUpdate().setMaxSurge(new IntOrString("50%"));
            d.getSpec().getStrategy().getRollingUpdate().setMaxUnavailable(new IntOrString(1));
            pod.setAdditionalProperty("futureScheduling", Map.of("mode", "Strict", "weight", 3));
        }).tree();
        for (String environment : List.of("staging", "prod")) {
            JsonNode deployment = Platforms.read(tree, "apps/" + environment + "/web/deployment.yaml");
            JsonNode pod = deployment.at("/spec/template/spec");
            assertEquals("registry-credentials", pod.at("/imagePullSecrets/0/name").asText());
            assertEquals("ndots", pod.at("/dnsConfig/options/0/name").asText());
            assertEquals("2", pod.at("/dnsConfig/options/0/value").asText());
            assertEquals("1", pod.at("/containers/0/resources/limits/nvidia.com~1gpu").asText());
            assertEquals("true", deployment.at("/metadata/annotations/reloader.stakater.com~1auto").asText());
            JsonNode rolling = deployment.at("/spec/strategy/rollingUpdate");
            assertTrue(rolling.get("maxSurge").isTextual());
            assertEquals("50%", rolling.get("maxSurge").asText());
            assertTrue(rolling.get("maxUnavailable").isInt(), "an int stays an int: " + rolling);
            assertEquals(1, rolling.get("maxUnavailable").asInt());
            assertEquals("Strict", pod.at("/futureScheduling/mode").asText());
            assertEquals(3, pod.at("/futureScheduling/weight").asInt());
        }
        String yaml = tree.text("apps/prod/web/deployment.yaml").orElseThrow();
        assertTrue(yaml.contains("maxSurge: 50%") && yaml.contains("maxUnavailable: 1\n"), yaml);
        // Other apps are not touched.
        assertFalse(tree.text("apps/prod/reader/deployment.yaml").orElseThrow().contains("registry-credentials"));
    }

    @Test
    void aHookAppliesToEveryObjectOfItsKindAndPodHooksToEveryWorkload() {
        RenderedTree tree = Renderer.secureByDefault()
                .customize("web", HasMetadata.class, o -> o.getMetadata().getLabels().put("cost-center", "cc-42"))
                .customizePods("web", pod -> pod.getMetadata().getAnnotations().put("example.com/scrape", "false"))
                .render(Platforms.shop()).tree();
        for (String file : List.of("deployment.yaml", "service.yaml", "serviceaccount.yaml", "networkpolicy.yaml",
                "poddisruptionbudget.yaml")) {
            assertEquals("cc-42", Platforms.read(tree, "apps/prod/web/" + file).at("/metadata/labels/cost-center").asText(), file);
        }
        assertEquals("false", Platforms.read(tree, "apps/prod/web/deployment.yaml")
                .at("/spec/template/metadata/annotations/example.com~1scrape").asText());
    }

    @Test
    void theSameHooksRenderTheSameBytes() {
        Consumer<Deployment> change = d -> d.getSpec().getTemplate().getSpec()
                .setImagePullSecrets(List.of(new LocalObjectReference("registry-credentials")));
        assertEquals(render(change).tree(), render(change).tree());
    }

    @Test
    void aPrivilegedContainerFailsWithTheLintFindingUnlessDeclared() {
        Consumer<Deployment> privileged = d -> {
            container(d).getSecurityContext().setPrivileged(true);
            container(d).getSecurityContext().setAllowPrivilegeEscalation(true);
        };
        PolicyViolationException failure = assertThrows(PolicyViolationException.class, () -> render(privileged));
        assertTrue(failure.getMessage().contains("[pss-privileged]"), failure.getMessage());
        assertTrue(failure.getMessage().contains("[pss-allow-privilege-escalation]"), failure.getMessage());
        assertTrue(failure.getMessage().contains("apps/prod/web/deployment.yaml"), failure.getMessage());

        Rendering declared = Renderer.secureByDefault().customize("web", Deployment.class, privileged)
                .render(Platforms.shop(a -> a.weaken(Weakening.PRIVILEGED, REASON)
                        .weaken(Weakening.PRIVILEGE_ESCALATION, REASON)));
        assertWeakened(declared, "pss-privileged");
        // Admitted too: the namespace enforces the level the declared weakening needs.
        assertEquals("privileged", Platforms.read(declared.tree(), "platform/prod/namespaces/web-prod/namespace.yaml")
                .at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText());
        String weakenings = declared.tree().text("docs/weakenings.md").orElseThrow();
        assertTrue(weakenings.contains("PRIVILEGED") && weakenings.contains("SEC-77"), weakenings);
    }

    @Test
    void aHatchOnlyWeakeningThatNothingUsesFails() {
        RenderException failure = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .render(Platforms.shop(a -> a.weaken(Weakening.PRIVILEGED, REASON))));
        assertTrue(failure.getMessage().contains("apps[web]: .weaken(PRIVILEGED, ..) is declared, but no object "
                + "of the app needs it"), failure.getMessage());
    }

    @Test
    void aHostPathVolumeFailsUnlessDeclared() {
        Consumer<Deployment> hostPath = d -> {
            d.getSpec().getTemplate().getSpec().getVolumes().add(new VolumeBuilder().withName("docker")
                    .withNewHostPath().withPath("/var/run/docker.sock").endHostPath().build());
            container(d).getVolumeMounts().add(new VolumeMountBuilder().withName("docker")
                    .withMountPath("/var/run/docker.sock").build());
        };
        PolicyViolationException failure = assertThrows(PolicyViolationException.class, () -> render(hostPath));
        assertTrue(failure.getMessage().contains("[pss-host-path-volumes]"), failure.getMessage());
        Rendering declared = Renderer.secureByDefault().customize("web", Deployment.class, hostPath)
                .render(Platforms.shop(a -> a.weaken(Weakening.HOST_PATH_VOLUMES, REASON)));
        assertWeakened(declared, "pss-host-path-volumes");
    }

    @Test
    void runningAsRootFailsUnlessDeclared() {
        Consumer<Deployment> root = d -> d.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsUser(0L);
        PolicyViolationException failure = assertThrows(PolicyViolationException.class, () -> render(root));
        assertTrue(failure.getMessage().contains("[pss-run-as-user]"), failure.getMessage());
        Rendering declared = Renderer.secureByDefault().customize("web", Deployment.class, root)
                .render(Platforms.shop(a -> a.runAsUser(0).weaken(Weakening.RUN_AS_ROOT, REASON)));
        assertWeakened(declared, "pss-run-as-user");
    }

    @Test
    void aCapabilityFailsAndOneBeyondWhatTheNamespaceAdmitsFailsEvenWhenDeclared() {
        Consumer<Deployment> ptrace = d -> container(d).getSecurityContext().getCapabilities().getAdd().add("SYS_PTRACE");
        PolicyViolationException failure = assertThrows(PolicyViolationException.class, () -> render(ptrace));
        assertTrue(failure.getMessage().contains("[pss-capabilities-baseline]"), failure.getMessage());
        // Declared for CHOWN (a baseline capability) the namespace enforces baseline, which rejects SYS_PTRACE.
        RenderException inadmissible = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .customize("web", Deployment.class, ptrace)
                .render(Platforms.shop(a -> a.addCapabilities("CHOWN").weaken(Weakening.ADDED_CAPABILITIES, REASON))));
        assertTrue(inadmissible.getMessage().contains("namespace web-prod enforces Pod Security 'baseline'"),
                inadmissible.getMessage());
    }

    @Test
    void aWildcardRoleFailsUnlessDeclared() {
        Consumer<Role> wildcard = role -> role.getRules().get(0).setVerbs(List.of("*"));
        PolicyViolationException failure = assertThrows(PolicyViolationException.class, () -> Renderer.secureByDefault()
                .customize("reader", Role.class, wildcard).render(Platforms.shop()));
        assertTrue(failure.getMessage().contains("[rbac-wildcard]"), failure.getMessage());
        Rendering declared = Renderer.secureByDefault().customize("reader", Role.class, wildcard)
                .render(Platforms.shop(a -> a, r -> r.weaken(Weakening.RBAC_WILDCARD, REASON)
));
        assertWeakened(declared, "rbac-wildcard");
    }

    @Test
    void aHookCannotForgeAnExceptionAnnotation() {
        RenderException failure = assertThrows(RenderException.class, () -> render(d -> {
            container(d).getSecurityContext().setPrivileged(true);
            d.getMetadata().getAnnotations().put("weakening.goldenpath.dev/pss-privileged", "trust me");
            d.getSpec().getTemplate().getMetadata().getAnnotations().put("weakening.goldenpath.dev/pss-privileged", "me too");
        }));
        assertTrue(failure.getMessage().contains("added metadata.annotations[weakening.goldenpath.dev/pss-privileged]"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains(
                "added spec.template.metadata.annotations[weakening.goldenpath.dev/pss-privileged]"), failure.getMessage());
    }

    @Test
    void aHookCannotRemoveOrChangeWhatGoldenpathOwns() {
        RenderException failure = assertThrows(RenderException.class, () -> render(d -> {
            d.getMetadata().getLabels().remove("owner");
            d.getSpec().getTemplate().getMetadata().getLabels().put("app.kubernetes.io/name", "other");
            d.getMetadata().setName("renamed");
        }));
        String message = failure.getMessage();
        assertTrue(message.contains("apps[web] in prod: Renderer.customize(Deployment) on Deployment 'web' removed "
                + "metadata.labels[owner]"), message);
        assertTrue(message.contains("changed spec.template.metadata.labels[app.kubernetes.io/name] from 'web' to 'other'"),
                message);
        assertTrue(message.contains("changed metadata.name from 'web' to 'renamed'"), message);
        assertTrue(message.contains("apps[web] in staging"), "every instance is reported: " + message);
    }

    @Test
    void aHookMayLabelANetworkPolicyButNotWidenIt() {
        RenderedTree labelled = Renderer.secureByDefault()
                .customize("web", NetworkPolicy.class, p -> p.getMetadata().getLabels().put("cost-center", "cc-42"))
                .render(Platforms.shop()).tree();
        assertEquals("cc-42", Platforms.read(labelled, "apps/prod/web/networkpolicy.yaml").at("/metadata/labels/cost-center")
                .asText());
        RenderException failure = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .customize("web", NetworkPolicy.class, p -> p.getSpec().getIngress().add(new NetworkPolicyIngressRule()))
                .render(Platforms.shop()));
        assertTrue(failure.getMessage().contains("apps[web] in prod: Renderer.customize(NetworkPolicy) on NetworkPolicy 'web' "
                + "changed which traffic it allows, but the allowed network graph is exactly the declared one"),
                failure.getMessage());
    }

    @Test
    void aHookThatCutsADeclaredConnectionFailsTheRenderWithTheNetworkProof() {
        // The exporter is called by namespace monitoring on its metrics port 9100. A hook may change a container's
        // ports (goldenpath does not own them), but then the declared connection reaches no listening port: the
        // network proof, run on what is emitted, fails the render and names the edge in every environment.
        RenderException failure = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .customize("exporter", Deployment.class, d -> d.getSpec().getTemplate().getSpec().getContainers().get(0)
                        .getPorts().stream().filter(p -> p.getContainerPort() == 9100).forEach(p -> p.setContainerPort(9101)))
                .render(Platforms.shop()));
        assertEquals(List.of(
                "environment staging: the spec declares monitoring/probe -> web-staging/exporter 9100/TCP, which the "
                        + "emitted objects do not allow (no NetworkPolicy rule admits it, or no container listens on that "
                        + "port; fix: leave the generated NetworkPolicies and container ports as they are)",
                "environment prod: the spec declares monitoring/probe -> web-prod/exporter 9100/TCP, which the "
                        + "emitted objects do not allow (no NetworkPolicy rule admits it, or no container listens on that "
                        + "port; fix: leave the generated NetworkPolicies and container ports as they are)"),
                failure.problems());
    }

    @Test
    void aHookThatMatchesNothingOrNamesAnUnknownAppFails() {
        RenderException failure = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .customize("web", StatefulSet.class, s -> s.getSpec().setReplicas(5))
                .customize("wbe", Deployment.class, d -> d.getSpec().setReplicas(5))
                .render(Platforms.shop()));
        String message = failure.getMessage();
        assertTrue(message.contains("apps[web] in prod: Renderer.customize(StatefulSet) matched no object of the app, so it would "
                + "change nothing"),
                message);
        assertTrue(message.contains("Deployment, NetworkPolicy, PodDisruptionBudget, Service, ServiceAccount"), message);
        assertTrue(message.contains("apps[wbe]: Renderer: the platform has no such app (fix: use one of "
                + "[exporter, reader, web])"), message);
    }

    @Test
    void aHookThatThrowsFailsTheRenderNamingIt() {
        RenderException failure = assertThrows(RenderException.class,
                () -> render(d -> d.getSpec().getTemplate().getSpec().getInitContainers().get(3)));
        assertTrue(failure.getMessage().contains("apps[web] in prod: Renderer.customize(Deployment) on Deployment 'web' threw "
                + "IndexOutOfBoundsException"), failure.getMessage());
    }

    private static void assertWeakened(Rendering rendering, String ruleId) {
        assertEquals(List.of(), rendering.lint().failing());
        assertTrue(rendering.lint().weakened().stream().anyMatch(f -> f.ruleId().equals(ruleId)
                        && f.weakeningReason().equals(REASON)),
                () -> ruleId + " not weakened: " + rendering.lint().weakened());
    }
}
