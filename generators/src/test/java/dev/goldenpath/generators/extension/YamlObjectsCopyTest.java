package dev.goldenpath.generators.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.generators.yaml.ModelTreesTest;
import dev.goldenpath.generators.yaml.Yaml;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The copy of an added object renders exactly as the object (or, where Jackson's copy changes an object, as Jackson's
 * copy), and is its own: random objects of the kinds platform teams add, empty values and free-form fields included.
 */
class YamlObjectsCopyTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aCopyRendersAsTheObjectAndSharesNothingWithIt() throws Exception {
        int copied = 0;
        for (Class<?> kind : List.of(ConfigMap.class, Service.class, Deployment.class, NetworkPolicy.class,
                GenericKubernetesResource.class)) {
            for (int seed = 0; seed < 40; seed++) {
                Object value;
                try {
                    // Without nulls: Jackson's copy of an object without an apiVersion gets the class's default.
                    value = new ModelTreesTest.Values(new Random(seed * 7919L + kind.getName().hashCode()), false)
                            .instance(kind, 0);
                } catch (RuntimeException e) {
                    continue;
                }
                if (!(value instanceof HasMetadata object) || object.getMetadata() == null) {
                    continue;
                }
                HasMetadata copy;
                try {
                    copy = YamlObjects.copy(object);
                } catch (IllegalArgumentException e) {
                    // Random free-form fields named like typed ones ("kind": {..}) that Jackson cannot read back.
                    continue;
                }
                assertNotSame(object, copy);
                String rendered = Yaml.toTree(copy).toString();
                if (!rendered.equals(Yaml.toTree(object).toString())) {
                    // Only where Jackson's own copy changes the object too (a free-form "kind": 49 read back as
                    // text): then the copy is Jackson's.
                    assertEquals(Yaml.toTree(JACKSON.treeToValue(JACKSON.valueToTree(object), object.getClass()))
                            .toString(), rendered, kind.getSimpleName() + " #" + seed);
                }
                copy.getMetadata().setLabels(new java.util.HashMap<>(Map.of("changed", "yes")));
                assertTrue(object.getMetadata().getLabels() == null
                        || !"yes".equals(object.getMetadata().getLabels().get("changed")), "the copy is its own");
                copied++;
            }
        }
        assertTrue(copied > 100, "copied " + copied);
    }
}
