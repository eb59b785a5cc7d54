package dev.goldenpath.generators.yaml;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The fields of a rendered object's tree node, in insertion order, like the {@code LinkedHashMap} Jackson's
 * {@code ObjectNode} holds by default, in a third of the memory: two arrays instead of a hash table and an entry
 * object per field. A render keeps every object's tree until its checks end, so at thousands of apps these maps were
 * most of the live heap and of the collector's copying (docs/benchmarks.md, issue 18). A field is found by a scan
 * while there are few (most objects have two to six), through an index once there are more. Everything a
 * {@code Map} does works as in {@code LinkedHashMap}: replacing a value keeps its place, removing closes the gap,
 * entries read and write through, iterators fail fast ({@code FieldMapTest} holds it to {@code LinkedHashMap}).
 *
 * <p>Maps built by appending the same keys in the same order share one keys array (and index), as JavaScript engines'
 * hidden classes do: a rendered platform has a million object nodes but a few hundred key sequences (every container
 * port {@code containerPort, name, protocol}, every label map of the same keys). Each map points at its sequence, a
 * {@link Shape} in a tree of sequences shared by all maps; appending a key moves it to the sequence one key longer.
 * Anything else (removing a key, clearing) first gives the map keys of its own. That is a million arrays fewer to keep
 * and to copy through collections at 10 000 apps.
 */
final class FieldMap<V> extends AbstractMap<String, V> {

    /** From this many fields on, a field is found through a hash index rather than a scan. */
    static final int INDEXED_FROM = 9;

    /**
     * Most sequences one tree holds (keys may be user data, such as a ConfigMap's file names): when it is full, maps
     * start a new tree, as the shared texts do ({@code ModelTrees}), so a long-lived JVM keeps sharing what it renders
     * now. Maps of the old tree keep their sequences.
     */
    static final int MAX_SHAPES = 20_000;

    /** The keys {@code keys[0, size)}: the shared array of {@link #shape} (exactly that long), or the map's own. */
    private String[] keys;
    private Object[] values;
    private int size;
    private HashMap<String, Integer> index;
    private int modifications;
    /** The shared sequence the keys are, or null once the map has keys of its own. */
    private Shape shape;

    FieldMap() {
        shape = Shape.root;
        keys = shape.keys;
        values = new Object[4];
    }

    private int find(Object key) {
        if (index != null) {
            Integer at = index.get(key);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < size; i++) {
            // Keys are mostly the writers' constants, so the identity check usually decides.
            if (keys[i] == key || keys[i] != null && keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int at = find(key);
        return at < 0 ? null : (V) values[at];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(String key, V value) {
        int at = find(key);
        if (at >= 0) {
            V old = (V) values[at];
            values[at] = value;
            return old;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        Shape longer = shape == null || key == null ? null : shape.then(key);
        if (longer != null) {
            shape = longer;
            keys = longer.keys;
            index = longer.index;
        } else {
            own();
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, Math.max(4, size * 2));
            }
            keys[size] = key;
        }
        values[size] = value;
        size++;
        modifications++;
        if (shape == null) {
            if (index != null) {
                index.put(key, size - 1);
            } else if (size >= INDEXED_FROM) {
                reindex();
            }
        }
        return null;
    }

    /** Keys (and index) of the map's own, before a change other than appending a key. */
    private void own() {
        if (shape != null) {
            keys = Arrays.copyOf(keys, Math.max(4, size));
            index = index == null ? null : new HashMap<>(index);
            shape = null;
        }
    }

    /**
     * One sequence of keys, shared by every map whose keys are exactly it; its successors are the sequences one key
     * longer. Immutable but for the successors.
     */
    static final class Shape {

        /** The empty sequence of the tree new maps start in. */
        static volatile Shape root = new Shape(new String[0]);
        /** How many sequences the current tree holds. */
        private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

        final String[] keys;
        /** The index of {@link #keys} once there are {@link #INDEXED_FROM} or more; never changed. */
        final HashMap<String, Integer> index;
        /** The successor asked for last: most sequences have one (a class's fields come in one order). */
        private volatile Shape recent;
        /** The sequences one key longer, by that key (concurrent: read without the lock, added under it). */
        private final java.util.concurrent.ConcurrentHashMap<String, Shape> successors =
                new java.util.concurrent.ConcurrentHashMap<>(2);

        private Shape(String[] keys) {
            this.keys = keys;
            if (keys.length >= INDEXED_FROM) {
                index = new HashMap<>(keys.length * 2);
                for (int i = 0; i < keys.length; i++) {
                    index.put(keys[i], i);
                }
            } else {
                index = null;
            }
        }

        /** This sequence and then {@code key}, or null when no more sequences are shared. */
        Shape then(String key) {
            Shape last = recent;
            if (last != null && isLast(last, key)) {
                return last;
            }
            Shape known = successors.get(key);
            if (known == null) {
                known = add(key);
            }
            if (known != null) {
                recent = known;
            }
            return known;
        }

        private static boolean isLast(Shape shape, String key) {
            String last = shape.keys[shape.keys.length - 1];
            return last == key || last.equals(key);
        }

        private synchronized Shape add(String key) {
            Shape known = successors.get(key);
            if (known != null) {
                return known;
            }
            if (COUNT.get() >= MAX_SHAPES) {
                // This map goes on with keys of its own; the next maps start a new tree.
                startAgain();
                return null;
            }
            String[] longer = Arrays.copyOf(keys, keys.length + 1);
            longer[keys.length] = key;
            Shape added = new Shape(longer);
            successors.put(key, added);
            COUNT.incrementAndGet();
            return added;
        }

        /** A new, empty tree for the maps made from now on. */
        static void startAgain() {
            root = new Shape(new String[0]);
            COUNT.set(0);
        }
    }

    /** Whether this map's keys are a shared sequence (tests). */
    boolean sharesKeys() {
        return shape != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        int at = find(key);
        if (at < 0) {
            return null;
        }
        V old = (V) values[at];
        removeAt(at);
        return old;
    }

    private void removeAt(int at) {
        own();
        System.arraycopy(keys, at + 1, keys, at, size - at - 1);
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        modifications++;
        if (index != null) {
            if (size < INDEXED_FROM) {
                index = null;
            } else {
                reindex();
            }
        }
    }

    private void reindex() {
        index = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            index.put(keys[i], i);
        }
    }

    @Override
    public void clear() {
        own();
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        index = null;
        modifications++;
    }

    /** Every field in order, without an entry object per field ({@code ObjectNode.forEachEntry} calls this). */
    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super String, ? super V> action) {
        int expected = modifications;
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], (V) values[i]);
            if (modifications != expected) {
                throw new ConcurrentModificationException();
            }
        }
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        // Not kept: a view per map held for the whole render costs more than a short-lived one per iteration.
        return new Entries();
    }

    private final class Entries extends AbstractSet<Map.Entry<String, V>> {

        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            FieldMap.this.clear();
        }

        @Override
        public Iterator<Map.Entry<String, V>> iterator() {
            return new Iterator<>() {
                private int next;
                private int last = -1;
                private int expected = modifications;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public Map.Entry<String, V> next() {
                    if (modifications != expected) {
                        throw new ConcurrentModificationException();
                    }
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    last = next++;
                    return new Field(keys[last], last);
                }

                @Override
                public void remove() {
                    if (last < 0) {
                        throw new IllegalStateException();
                    }
                    if (modifications != expected) {
                        throw new ConcurrentModificationException();
                    }
                    removeAt(last);
                    next = last;
                    last = -1;
                    expected = modifications;
                }
            };
        }
    }

    /** One field, reading and writing the map's value for its key (as a {@code LinkedHashMap} entry does). */
    private final class Field implements Map.Entry<String, V> {

        private final String key;
        private int at;
        /** The value last read or written: what the field keeps once its key is removed from the map. */
        private V seen;

        @SuppressWarnings("unchecked")
        Field(String key, int at) {
            this.key = key;
            this.at = at;
            this.seen = (V) values[at];
        }

        /** Where the key is now (fields before it may have been removed), or -1 once it is gone. */
        private int at() {
            if (at >= size || keys[at] != key) {
                at = find(key);
            }
            return at;
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V getValue() {
            int now = at();
            if (now >= 0) {
                seen = (V) values[now];
            }
            return seen;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V setValue(V value) {
            int now = at();
            V old = now < 0 ? seen : (V) values[now];
            if (now >= 0) {
                values[now] = value;
            }
            seen = value;
            return old;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Map.Entry<?, ?> entry && Objects.equals(key, entry.getKey())
                    && Objects.equals(getValue(), entry.getValue());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(key) ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return key + "=" + getValue();
        }
    }
}
