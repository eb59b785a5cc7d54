package dev.goldenpath.generators.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The kind-to-class lookup reads every object as fabric8's own (slow, load-everything) lookup does. */
class ModelClassesTest {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void findsTheClassFabric8FindsForEveryListedModel() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String name : listed()) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            if (!KubernetesResource.class.isAssignableFrom(type) || type.isInterface()
                    || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            String kind = HasMetadata.getKind(type);
            String apiVersion = HasMetadata.getApiVersion(type);
            // The rule typeOf relies on: a kind no class is named like is not modelled (lists weakened).
            if (!kind.equals(type.getSimpleName()) && !kind.endsWith("List")) {
                mismatches.add(name + " is kind " + kind);
            }
            ObjectNode tree = object(apiVersion, kind);
            Class<?> fabric8 = JSON.treeToValue(tree, KubernetesResource.class).getClass();
            Class<? extends KubernetesResource> ours = ModelClasses.typeOf(apiVersion, kind);
            Class<?> read = JSON.treeToValue(tree, ours).getClass();
            if (!fabric8.equals(read)) {
                mismatches.add(apiVersion + " " + kind + ": fabric8 reads " + fabric8.getName() + ", typeOf " + read.getName());
            }
            checked++;
        }
        assertTrue(checked > 250, "the fabric8 model lists its classes: " + checked);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void readsKindsFabric8DoesNotModelAsGenericResourcesEqualToFabric8s() throws Exception {
        JsonNode certificate = JSON.readTree("""
                {"apiVersion": "cert-manager.io/v1", "kind": "Certificate",
                 "metadata": {"name": "gateway", "labels": {"app": "gateway"}},
                 "spec": {"secretName": "gateway-tls", "dnsNames": ["gateway.example.com"], "duration": "2160h"}}
                """);
        assertEquals(GenericKubernetesResource.class, ModelClasses.typeOf("cert-manager.io/v1", "Certificate"));
        assertEquals(JSON.treeToValue(certificate, KubernetesResource.class),
                JSON.treeToValue(certificate, ModelClasses.typeOf("cert-manager.io/v1", "Certificate")));
    }

    @Test
    void readsModelledKindsWithTheirContentEqualToFabric8s() throws Exception {
        JsonNode deployment = JSON.readTree("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
                 "spec": {"replicas": 2, "template": {"spec": {"containers": [{"name": "web", "image": "web:1"}]}}}}
                """);
        assertEquals(Deployment.class, ModelClasses.typeOf("apps/v1", "Deployment"));
        assertEquals(JSON.treeToValue(deployment, KubernetesResource.class),
                JSON.treeToValue(deployment, ModelClasses.typeOf("apps/v1", "Deployment")));
        // The same kind in another group is not this class: an extensions/v1beta1 Deployment is its own class.
        assertFalse(ModelClasses.of("apps/v2", "Deployment").isPresent());
    }

    @Test
    void leavesListsToFabric8() {
        assertEquals(KubernetesResource.class, ModelClasses.typeOf("v1", "List"));
        assertEquals(KubernetesResource.class, ModelClasses.typeOf("v1", "PodList"));
    }

    private static ObjectNode object(String apiVersion, String kind) {
        ObjectNode tree = JSON.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
        tree.putObject("metadata").put("name", "x");
        return tree;
    }

    private List<String> listed() throws Exception {
        TreeSet<String> names = new TreeSet<>();
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/" + KubernetesResource.class.getName()))) {
            try (InputStream in = url.openStream();
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().map(line -> line.replaceAll("#.*", "").strip()).filter(line -> !line.isEmpty())
                        .forEach(names::add);
            }
        }
        return List.copyOf(names);
    }

    @Test
    void readsTheListsOfEachClassLoaderOnce() {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        List<AtomicInteger> reads = new ArrayList<>();
        try {
            for (int loader = 0; loader < 2; loader++) {
                AtomicInteger count = new AtomicInteger();
                reads.add(count);
                Thread.currentThread().setContextClassLoader(new ClassLoader(getClass().getClassLoader()) {
                    @Override
                    public Enumeration<URL> getResources(String name) throws IOException {
                        if (name.startsWith("META-INF/services/")) {
                            count.incrementAndGet();
                        }
                        return super.getResources(name);
                    }
                });
                for (int i = 0; i < 3; i++) {
                    assertEquals(Deployment.class, ModelClasses.typeOf("apps/v1", "Deployment"));
                    assertEquals(GenericKubernetesResource.class,
                            ModelClasses.typeOf("monitoring.coreos.com/v1", "ServiceMonitor"));
                }
            }
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        // Each context loader read once, whatever the number of lookups; a new loader reads its own.
        assertEquals(List.of(1, 1), reads.stream().map(AtomicInteger::get).toList());
    }
}
