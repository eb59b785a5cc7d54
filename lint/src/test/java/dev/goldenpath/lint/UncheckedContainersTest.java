package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The search without paths finds exactly where the search with paths finds something, at every depth and shape. */
class UncheckedContainersTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("container", "containers", "initContainers", "image", "spec",
            "template", "steps", "items", "x.y/z");

    @Test
    void theSearchWithoutPathsAgreesWithTheSearchWithPaths() {
        Random random = new Random(18);
        int found = 0;
        for (int round = 0; round < 5_000; round++) {
            JsonNode tree = node(random, 0);
            String path = UncheckedContainers.find(tree, "spec", 0);
            assertEquals(!path.isEmpty(), UncheckedContainers.holds(tree, 0), tree.toString());
            found += path.isEmpty() ? 0 : 1;
        }
        // Both answers occur often enough for the agreement to mean something.
        assertEquals(true, found > 100 && found < 4_900, "found in " + found + " of 5000");
    }

    @Test
    void deeperThanTheBoundIsNotSearchedByEither() {
        JsonNode deep = containers();
        for (int i = 0; i < 14; i++) {
            ObjectNode parent = NODES.objectNode();
            parent.set("spec", deep);
            deep = parent;
        }
        assertEquals("", UncheckedContainers.find(deep, "spec", 0));
        assertEquals(false, UncheckedContainers.holds(deep, 0));
    }

    private static ObjectNode containers() {
        ObjectNode holder = NODES.objectNode();
        holder.putArray("containers").addObject().put("image", "registry.example.com/app:1");
        return holder;
    }

    private static JsonNode node(Random random, int depth) {
        if (depth > 15 || random.nextInt(4) == 0) {
            return random.nextBoolean() ? NODES.textNode("registry.example.com/app:" + random.nextInt(9))
                    : NODES.numberNode(random.nextInt(9));
        }
        if (random.nextInt(3) == 0) {
            ArrayNode array = NODES.arrayNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                array.add(node(random, depth + 1));
            }
            return array;
        }
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
            object.set(KEYS.get(random.nextInt(KEYS.size())), node(random, depth + 1));
        }
        return object;
    }
}
