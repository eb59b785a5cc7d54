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
    void mapsOfTheSameKeysShareThemAndChangeIndependently() throws Exception {
        // 12 keys: past INDEXED_FROM, so the shared index is used too. Built on two threads at once, as a render does,
        // in a new tree of sequences (so that no other test's sequences fill it up in between).
        FieldMap.Shape.startAgain();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add("shared-" + i);
        }
        List<FieldMap<Integer>> maps = java.util.Collections.synchronizedList(new ArrayList<>());
        Runnable build = () -> {
            for (int m = 0; m < 500; m++) {
                FieldMap<Integer> map = new FieldMap<>();
                for (int i = 0; i < names.size(); i++) {
                    map.put(new String(names.get(i)), m * 100 + i);
                }
                maps.add(map);
            }
        };
        Thread other = new Thread(build);
        other.start();
        build.run();
        other.join();
        assertEquals(1000, maps.size());
        List<Map<String, Integer>> expected = new ArrayList<>();
        for (FieldMap<Integer> map : maps) {
            assertTrue(map.sharesKeys(), "maps of one key sequence share it");
            Map<String, Integer> copy = new LinkedHashMap<>();
            for (String name : names) {
                copy.put(name, map.get(name));
            }
            expected.add(copy);
            assertEquals(copy, map);
            assertEquals(List.copyOf(copy.keySet()), List.copyOf(map.keySet()));
        }
        // Every change one map makes leaves the others as they were.
        Random random = new Random(18);
        for (int step = 0; step < 5_000; step++) {
            int m = random.nextInt(maps.size());
            FieldMap<Integer> map = maps.get(m);
            Map<String, Integer> copy = expected.get(m);
            String key = random.nextInt(3) == 0 ? "other-" + random.nextInt(4) : names.get(random.nextInt(names.size()));
            switch (random.nextInt(5)) {
                case 0 -> assertEquals(copy.remove(key), map.remove(key));
                case 1 -> assertEquals(copy.put(key, step), map.put(key, step));
                case 2 -> {
                    if (random.nextInt(20) == 0) {
                        copy.clear();
                        map.clear();
                    }
                }
                case 3 -> removeEvery(copy.entrySet().iterator(), map.entrySet().iterator(), 3);
                default -> assertEquals(copy.get(key), map.get(key));
            }
        }
        for (int m = 0; m < maps.size(); m++) {
            assertEquals(expected.get(m), maps.get(m), "map " + m);
            assertEquals(List.copyOf(expected.get(m).keySet()), List.copyOf(maps.get(m).keySet()), "map " + m);
            for (String name : names) {
                assertEquals(expected.get(m).get(name), maps.get(m).get(name), "map " + m + " " + name);
            }
        }
    }

    @Test
    void aFullTreeOfSequencesStartsAgainAndTheMapsOfTheOldOneKeepTheirs() {
        FieldMap.Shape.startAgain();
        List<FieldMap<Integer>> old = new ArrayList<>();
        for (int i = 0; i < FieldMap.MAX_SHAPES; i++) {
            FieldMap<Integer> map = new FieldMap<>();
            map.put("only-" + i, i);
            old.add(map);
        }
        assertTrue(old.stream().allMatch(FieldMap::sharesKeys), "the tree holds as many sequences as its bound");
        // The next new sequence finds the tree full: that map keeps keys of its own, and maps after it share again.
        FieldMap<Integer> full = new FieldMap<>();
        full.put("one-more", 1);
        assertFalse(full.sharesKeys());
        FieldMap<Integer> first = new FieldMap<>();
        FieldMap<Integer> second = new FieldMap<>();
        first.put("again", 1);
        second.put("again", 2);
        assertTrue(first.sharesKeys() && second.sharesKeys(), "a new tree");
        assertEquals(Map.of("one-more", 1), full);
        assertEquals(Map.of("again", 2), second);
        for (int i = 0; i < old.size(); i += 997) {
            assertEquals(Map.of("only-" + i, i), old.get(i));
            old.get(i).put("more", 0);
            assertEquals(List.of("only-" + i, "more"), List.copyOf(old.get(i).keySet()));
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
