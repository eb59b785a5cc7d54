package dev.goldenpath.reachability;

import static dev.goldenpath.vocabulary.Protocol.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Namespaces, pods and policies built as fabric8 objects, the way generators produce them. */
class Fabric8InputTest {

    @Test
    void fabric8BuiltObjectsEvaluateLikeTheirYaml() {
        NetworkPolicy policy = new NetworkPolicyBuilder()
                .withNewMetadata().withName("api-ingress").withNamespace("web").endMetadata()
                .withNewSpec()
                    .withNewPodSelector().addToMatchLabels("app", "api").endPodSelector()
                    .withPolicyTypes("Ingress")
                    .addNewIngress()
                        .addNewFrom()
                            .withNewNamespaceSelector().addToMatchLabels("team", "edge").endNamespaceSelector()
                            .withNewPodSelector().addToMatchLabels("app", "gateway").endPodSelector()
                        .endFrom()
                        .addNewPort().withPort(new IntOrString("http")).endPort()
                    .endIngress()
                .endSpec()
                .build();
        io.fabric8.kubernetes.api.model.Pod gateway = new PodBuilder()
                .withNewMetadata().withName("gateway-7d9f").withNamespace("edge").addToLabels("app", "gateway").endMetadata()
                .withNewSpec().addNewContainer().withName("gateway").endContainer().endSpec()
                .withNewStatus().withPodIP("10.1.0.4").addNewPodIP("10.1.0.4").addNewPodIP("fd00::4").endStatus()
                .build();
        Pod api = Endpoint.pod("web", "api-5c8b", new PodTemplateSpecBuilder()
                .withNewMetadata().addToLabels("app", "api").endMetadata()
                .withNewSpec()
                    .addNewContainer().withName("api")
                        .addNewPort().withName("http").withContainerPort(8080).endPort()
                        .addNewPort().withName("metrics").withContainerPort(9090).withProtocol("TCP").endPort()
                    .endContainer()
                .endSpec()
                .build());

        Reachability reachability = Reachability.builder()
                .namespace(new NamespaceBuilder().withNewMetadata().withName("edge").addToLabels("team", "edge").endMetadata().build())
                .namespace(new NamespaceBuilder().withNewMetadata().withName("web").endMetadata().build())
                .pod(Endpoint.pod(gateway))
                .pod(api)
                .policies(List.of(policy))
                .build();

        Pod gatewayPod = reachability.pod("edge", "gateway-7d9f");
        assertEquals(List.of("10.1.0.4", "fd00::4"), gatewayPod.ips());
        assertEquals(List.of(Port.named("http", 8080, TCP), Port.named("metrics", 9090, TCP)), api.ports());
        assertTrue(reachability.allows(gatewayPod, api, 8080, TCP));
        assertFalse(reachability.allows(gatewayPod, api, 9090, TCP));
        assertEquals(Map.of("team", "edge", Reachability.NAMESPACE_NAME_LABEL, "edge"),
                reachability.namespaces().get("edge"));
    }
}
