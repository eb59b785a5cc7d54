package dev.goldenpath.generators.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.resolved.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tree built while serializing equals Jackson's valueToTree with nulls and empty lists pruned, order included. */
class YamlTest {

    @Test
    void everyGeneratedObjectBecomesTheTreeValueToTreeGives() {
        Manifests manifests = Renderer.secureByDefault().generate(BlockYamlTest.richPlatform());
        assertTrue(manifests.objects().size() > 50, "a rich platform: " + manifests.objects().size());
        for (Manifests.Manifest manifest : manifests.objects()) {
            ObjectNode expected = Yaml.throughTokens(manifest.object());
            long before = ModelTrees.jacksonCount();
            ObjectNode actual = Yaml.toTree(manifest.object());
            // Every object goldenpath renders has a tree writer written at build time.
            assertEquals(before, ModelTrees.jacksonCount(), manifest.path() + " went to Jackson");
            assertEquals(expected, actual, manifest.path());
            // ObjectNode.equals ignores field order; the bytes written do not.
            assertEquals(expected.toString(), actual.toString(), manifest.path());
        }
    }

    @Test
    void nullsAndEmptyListsAreLeftOutButEmptyObjectsAndNestedValuesAreKept() {
        ConfigMap withEmpties = new ConfigMapBuilder().withNewMetadata().withName("c").withNamespace("n")
                .withFinalizers(new ArrayList<>()).withAnnotations(Map.of()).endMetadata()
                .addToData("empty", "").addToData("zero", "0").build();
        withEmpties.setAdditionalProperty("list", List.of(List.of(), Map.of(), "x"));
        withEmpties.setAdditionalProperty("nothing", null);
        withEmpties.setAdditionalProperty("emptyList", List.of());
        withEmpties.setAdditionalProperty("number", 3L);
        withEmpties.setAdditionalProperty("decimal", new java.math.BigDecimal("1.50"));
        ObjectNode tree = Yaml.toTree(withEmpties);
        assertEquals(Yaml.throughTokens(withEmpties).toString(), tree.toString());
        assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\",\"namespace\":\"n\"},"
                + "\"data\":{\"empty\":\"\",\"zero\":\"0\"},\"decimal\":1.5,\"list\":[[],{},\"x\"],\"number\":3}",
                tree.toString());
    }
}
