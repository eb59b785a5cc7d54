package dev.goldenpath.generators.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FieldMap} does what the {@code LinkedHashMap} it replaces in tree nodes does: the same random operations on
 * both, small maps and maps past {@link FieldMap#INDEXED_FROM}, leave them equal in content and order after every
 * step, with the same answers.
 */
class FieldMapTest {

    @Test
    void randomOperationsLeaveItAsALinkedHashMap() {
        Random random = new Random(18);
        for (int run = 0; run < 400; run++) {
            FieldMap<Integer> map = new FieldMap<>();
            Map<String, Integer> expected = new LinkedHashMap<>();
            int keys = 1 + random.nextInt(run % 4 == 0 ? 40 : 10);
            for (int step = 0; step < 200; step++) {
                String key = "k" + random.nextInt(keys);
                // A key equal to but not the same string as the ones put before: found by equals, not identity.
                String other = new String(key);
                Integer value = random.nextInt(5) == 0 ? null : random.nextInt(100);
                String op;
                switch (random.nextInt(12)) {
                    case 0, 1, 2, 3 -> {
                        op = "put";
                        assertEquals(expected.put(key, value), map.put(key, value));
                    }
                    case 4 -> {
                        op = "remove";
                        assertEquals(expected.remove(other), map.remove(other));
                    }
                    case 5 -> {
                        op = "get";
                        assertEquals(expected.get(other), map.get(other));
                        assertEquals(expected.containsKey(other), map.containsKey(other));
                        assertEquals(expected.containsValue(value), map.containsValue(value));
                    }
                    case 6 -> {
                        op = "iterator remove";
                        removeEvery(expected.entrySet().iterator(), map.entrySet().iterator(), random.nextInt(3) + 2);
                    }
                    case 7 -> {
                        op = "entry set";
                        int at = random.nextInt(expected.size() + 1);
                        setValueAt(expected, at, value);
                        setValueAt(map, at, value);
                    }
                    case 8 -> {
                        op = "views";
                        assertEquals(expected.keySet().remove(other), map.keySet().remove(other));
                        assertEquals(expected.values().remove(value), map.values().remove(value));
                    }
                    case 9 -> {
                        op = "putAll";
                        Map<String, Integer> more = new LinkedHashMap<>();
                        more.put("k" + random.nextInt(keys), 1);
                        more.put("n" + step, 2);
                        expected.putAll(more);
                        map.putAll(more);
                    }
                    case 10 -> {
                        op = "clear";
                        if (random.nextInt(10) == 0) {
                            expected.clear();
                            map.clear();
                        }
                    }
                    default -> {
                        op = "compute";
                        assertEquals(expected.merge(key, 1, Integer::sum), map.merge(key, 1, Integer::sum));
                    }
                }
                String where = "run " + run + ", step " + step + " (" + op + ")";
                assertEquals(List.copyOf(expected.entrySet()), List.copyOf(map.entrySet()), where);
                List<String> visited = new ArrayList<>();
                map.forEach((k, v) -> visited.add(k + "=" + v));
                List<String> expectedVisits = new ArrayList<>();
                expected.forEach((k, v) -> expectedVisits.add(k + "=" + v));
                assertEquals(expectedVisits, visited, where);
                assertEquals(expected, map, where);
                assertEquals(map, expected, where);
                assertEquals(expected.hashCode(), map.hashCode(), where);
                assertEquals(expected.size(), map.size(), where);
                assertEquals(expected.toString(), map.toString(), where);
            }
        }
    }

    private static void removeEvery(Iterator<Map.Entry<String, Integer>> a, Iterator<Map.Entry<String, Integer>> b, int nth) {
        int i = 0;
        while (a.hasNext()) {
            assertTrue(b.hasNext());
            Map.Entry<String, Integer> x = a.next();
            Map.Entry<String, Integer> y = b.next();
            assertEquals(x, y);
            assertEquals(x.hashCode(), y.hashCode());
            if (i++ % nth == 0) {
                a.remove();
                b.remove();
                assertEquals(x.getValue(), y.getValue(), "a removed entry keeps its value");
            }
        }
        assertFalse(b.hasNext());
    }

    private static void setValueAt(Map<String, Integer> map, int at, Integer value) {
        int i = 0;
        for (Map.Entry<String, Integer> entry : map.entrySet()) {
            if (i++ == at) {
                Integer old = entry.getValue();
                assertEquals(old, entry.setValue(value));
                assertEquals(value, map.get(entry.getKey()), "an entry writes through");
                return;
            }
        }
    }

    @Test
    void iteratorsFailFastAsLinkedHashMapsDo() {
        FieldMap<Integer> map = new FieldMap<>();
        map.put("a", 1);
        map.put("b", 2);
        Iterator<Map.Entry<String, Integer>> iterator = map.entrySet().iterator();
        iterator.next();
        map.put("c", 3);
        assertThrows(ConcurrentModificationException.class, iterator::next);
        assertThrows(ConcurrentModificationException.class, () -> map.forEach((k, v) -> map.put(k + "'", v)));
        Iterator<Map.Entry<String, Integer>> again = map.entrySet().iterator();
        assertThrows(IllegalStateException.class, again::remove);
        // Replacing a value is no structural change, as in LinkedHashMap: the iteration goes on and sees it.
        Iterator<Map.Entry<String, Integer>> replaced = map.entrySet().iterator();
        Map.Entry<String, Integer> first = replaced.next();
        map.put("a", 10);
        assertEquals(10, first.getValue());
        assertEquals("b", replaced.next().getKey());
    }

    @Test
    void treeNodesHoldingItAreEqualToJacksonsOwn() {
        ObjectNode compact = ModelTrees.object();
        ObjectNode jackson = JsonNodeFactory.instance.objectNode();
        for (ObjectNode node : List.of(compact, jackson)) {
            for (int i = 0; i < 20; i++) {
                node.put("f" + i, i);
            }
            node.putObject("inner").put("x", "y");
            node.remove("f3");
            node.set("f5", node.textNode("five"));
        }
        assertEquals(jackson, compact);
        assertEquals(compact, jackson);
        List<String> names = new ArrayList<>();
        compact.fieldNames().forEachRemaining(names::add);
        List<String> jacksonNames = new ArrayList<>();
        jackson.fieldNames().forEachRemaining(jacksonNames::add);
        assertEquals(jacksonNames, names);
        assertEquals(jackson.toString(), compact.toString());
        assertArrayEquals(Yaml.jackson(jackson), Yaml.write(compact));
        assertTrue(compact.get("inner") instanceof ObjectNode inner && inner.get("x").asText().equals("y"));
        JsonNode copy = compact.deepCopy();
        assertEquals(compact, copy);
    }

    private static void assertArrayEquals(byte[] expected, byte[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }
}
