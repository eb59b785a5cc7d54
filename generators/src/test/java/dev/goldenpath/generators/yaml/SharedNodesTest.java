package dev.goldenpath.generators.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Trees of rendered objects share what they can without changing what they are: short texts are one node each, and
 * object nodes of the same keys in the same order share their keys; both trees still equal Jackson's own.
 */
class SharedNodesTest {

    private static HasMetadata configMap(String name, String note) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("shop")
                .withLabels(Map.of("app.kubernetes.io/name", name, "team", "web"))
                .withAnnotations(Map.of("example.com/note", note)).endMetadata()
                .withData(Map.of("mode", "strict")).build();
    }

    @Test
    void shortTextsAreOneNodeAndTreesStayEqualToJacksons() {
        // From an empty table, so that it is not forgotten (when full) between the two trees.
        ModelTrees.forgetSharedTexts();
        String longNote = "n".repeat(ModelTrees.MAX_SHARED_TEXT_LENGTH + 1);
        HasMetadata one = configMap("web", longNote);
        HasMetadata two = configMap("api", new String(longNote));
        ObjectNode first = Yaml.toTree(one);
        ObjectNode second = Yaml.toTree(two);
        assertEquals(Yaml.throughJackson(one), first);
        assertEquals(Yaml.throughJackson(two), second);
        assertSame(first.get("kind"), second.get("kind"));
        assertSame(first.path("metadata").get("namespace"), second.path("metadata").get("namespace"));
        assertSame(first.path("metadata").path("labels").get("team"), second.path("metadata").path("labels").get("team"));
        assertSame(first.path("data").get("mode"), second.path("data").get("mode"));
        // A long text is its own node, and texts that differ are different nodes.
        assertNotSame(first.path("metadata").path("annotations").get("example.com/note"),
                second.path("metadata").path("annotations").get("example.com/note"));
        assertEquals("web", first.path("metadata").get("name").textValue());
        assertEquals("api", second.path("metadata").get("name").textValue());
    }

    @Test
    void aFullTableStartsAgainSoThatTheTextsOfNowAreShared() {
        ModelTrees.forgetSharedTexts();
        for (int i = 0; i < ModelTrees.MAX_SHARED_TEXTS + 10; i++) {
            Yaml.toTree(Map.of("k", "text-" + i));
        }
        // Past the bound the table started again: a text seen now is shared with the next tree that has it.
        ObjectNode first = Yaml.toTree(Map.of("k", "now"));
        ObjectNode second = Yaml.toTree(Map.of("k", "now"));
        assertSame(first.get("k"), second.get("k"));
    }

    @Test
    void objectNodesOfTheSameKeysShareThemAndAChangeToOneLeavesTheOther() {
        ObjectNode first = Yaml.toTree(configMap("web", "a"));
        ObjectNode second = Yaml.toTree(configMap("api", "b"));
        ObjectNode labels = (ObjectNode) first.path("metadata").path("labels");
        ObjectNode others = (ObjectNode) second.path("metadata").path("labels");
        // Both label maps were built with the same two keys in the same order (FieldMapTest checks that they share).
        labels.remove("team");
        labels.put("tier", "front");
        assertEquals("{\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"}", labels.toString());
        assertEquals("{\"app.kubernetes.io/name\":\"api\",\"team\":\"web\"}", others.toString());
        assertEquals(Yaml.throughJackson(configMap("api", "b")), second);
    }
}
