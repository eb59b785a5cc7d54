package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared reader that extra objects and the review use: the linter's reading, as a public API. */
class KubernetesYamlTest {

    @Test
    void mergesInGoYamlsOrderAndSkipsEmptyDocuments() {
        List<JsonNode> documents = KubernetesYaml.documents("""
                base: &p {privileged: true}
                sc:
                  privileged: false
                  <<: *p
                ---
                # only a comment
                ---
                enabled: yes
                """);
        assertEquals(2, documents.size());
        // go-yaml applies keys in document order: the merge after the explicit key wins.
        assertTrue(documents.get(0).at("/sc/privileged").asBoolean());
        assertTrue(documents.get(1).path("enabled").isBoolean(), "YAML 1.1: yes is true");
    }

    @Test
    void namesTheDocumentKubernetesWouldRefuseWithoutItsText() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> KubernetesYaml.documents("a: 1\n---\npassword: hunter2\npassword: hunter3\n"));
        assertTrue(refused.getMessage().startsWith("document 2 is not valid YAML: "), refused.getMessage());
        assertTrue(refused.getMessage().contains("(line "), refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter"), refused.getMessage());
    }
}
