package dev.goldenpath.generators.yaml;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The readers written at build time ({@link ModelReaders}) read exactly what Jackson reads (as goldenpath reads extra
 * YAML objects: unknown properties not an error), or leave the object to Jackson: for every class with a reader, random
 * objects turned into trees, and the same trees with values of other kinds, nulls and stray fields put in.
 */
class ModelReadersTest {

    private static final ObjectMapper JACKSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final TreeWriterTable table = ModelTreesTest.table();

    @Test
    void everyReaderReadsWhatJacksonReadsOrLeavesItToJackson() throws Exception {
        int read = 0;
        int left = 0;
        int classes = 0;
        for (String name : table.classes()) {
            if (!name.startsWith("io.fabric8.")) {
                continue;
            }
            Class<?> type = Class.forName(name);
            boolean hasReader = false;
            for (int seed = 0; seed < 16; seed++) {
                Random random = new Random(name.hashCode() * 17L + seed);
                Object value;
                try {
                    value = new ModelTreesTest.Values(random, seed % 2 == 0).instance(type, 0);
                } catch (RuntimeException e) {
                    continue;
                }
                if (value == null || !(ModelTrees.value(value) instanceof ObjectNode tree)) {
                    continue;
                }
                boolean mutated = seed % 4 == 3;
                if (mutated) {
                    mutate(tree, random);
                }
                Object ours = ModelReaders.read(tree, type);
                Object theirs;
                try {
                    theirs = JACKSON.treeToValue(tree, type);
                } catch (Exception e) {
                    assertNull(ours, name + ": Jackson refuses " + tree + " (" + e.getMessage() + ") but the reader read it");
                    left++;
                    continue;
                }
                if (ours == null) {
                    left++;
                    continue;
                }
                hasReader = true;
                read++;
                assertEquals(ModelTrees.value(theirs).toString(), ModelTrees.value(ours).toString(), name + " " + tree);
                assertEquals(theirs, ours, name + " " + tree);

            }
            if (hasReader) {
                classes++;
            }
        }
        assertTrue(classes > 150, "classes read without Jackson: " + classes);
        // Random values hold quantities, int-or-strings and wrong kinds often, which go to Jackson: many are left.
        assertTrue(read > 1_000, "read " + read + ", left to Jackson " + left);
    }

    @Test
    void extraObjectsOfTheUsualShapesAreReadWithoutJackson() {
        ObjectNode configMap = NODES.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", "settings").putObject("labels").put("team", "web");
        configMap.putObject("data").put("LOG_LEVEL", "info");
        ConfigMap read = ModelReaders.read(configMap, ConfigMap.class);
        assertNotNull(read);
        assertEquals(Map.of("LOG_LEVEL", "info"), read.getData());

        ObjectNode service = NODES.objectNode().put("apiVersion", "v1").put("kind", "Service");
        service.putObject("metadata").put("name", "web");
        service.putObject("spec").putArray("ports").addObject().put("port", 80).put("targetPort", 8080);
        io.fabric8.kubernetes.api.model.Service readService = ModelReaders.read(service,
                io.fabric8.kubernetes.api.model.Service.class);
        assertNotNull(readService, "int-or-string ports are read without Jackson");
        assertEquals(readService, assertDoesNotThrow(() -> JACKSON.treeToValue(service,
                io.fabric8.kubernetes.api.model.Service.class)));

        ObjectNode deployment = NODES.objectNode().put("apiVersion", "apps/v1").put("kind", "Deployment");
        deployment.putObject("metadata").put("name", "web");
        ObjectNode container = deployment.putObject("spec").putObject("template").putObject("spec")
                .putArray("containers").addObject().put("name", "web").put("image", "web:1");
        container.putObject("resources").putObject("limits").put("cpu", "500m").put("memory", "256Mi");
        container.withObject("resources").putObject("requests").put("cpu", 1);
        io.fabric8.kubernetes.api.model.apps.Deployment readDeployment = ModelReaders.read(deployment,
                io.fabric8.kubernetes.api.model.apps.Deployment.class);
        assertNotNull(readDeployment, "quantities are read without Jackson");
        assertEquals(readDeployment, assertDoesNotThrow(() -> JACKSON.treeToValue(deployment,
                io.fabric8.kubernetes.api.model.apps.Deployment.class)));

        ObjectNode certificate = NODES.objectNode().put("apiVersion", "cert-manager.io/v1").put("kind", "Certificate");
        certificate.putObject("metadata").put("name", "web-tls");
        ObjectNode spec = certificate.putObject("spec").put("secretName", "web-tls").put("duration", "2160h");
        spec.putArray("dnsNames").add("web.example.com");
        spec.putObject("issuerRef").put("kind", "ClusterIssuer").put("name", "internal-ca");
        GenericKubernetesResource generic = ModelReaders.read(certificate, GenericKubernetesResource.class);
        assertNotNull(generic);
        assertEquals(List.of("web.example.com"), ((Map<?, ?>) generic.getAdditionalProperties().get("spec")).get("dnsNames"));
    }

    /** Puts values of other kinds, nulls and stray fields into the tree. */
    private static void mutate(ObjectNode tree, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(tree, objects);
        for (int i = 0; i < 3; i++) {
            ObjectNode object = objects.get(random.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() || random.nextInt(4) == 0 ? "stray" + i : names.get(random.nextInt(names.size()));
            switch (random.nextInt(7)) {
                case 0 -> object.putNull(name);
                case 1 -> object.put(name, "12");
                case 2 -> object.put(name, 12);
                case 3 -> object.put(name, true);
                case 4 -> object.putArray(name).add("x");
                case 5 -> object.putObject(name).put("a", 1);
                default -> object.put(name, 1.5);
            }
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
            object.elements().forEachRemaining(child -> collect(child, objects));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> collect(child, objects));
        }
    }
}
