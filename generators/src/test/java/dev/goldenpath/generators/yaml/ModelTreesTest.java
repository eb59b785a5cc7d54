package dev.goldenpath.generators.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The tree writers written at build time ({@link ModelTrees}) give exactly Jackson's tree ({@link Yaml#throughJackson}),
 * field order and node types included, for every class they were written for, filled with random values: nulls,
 * empty and blank strings, empty and unsorted maps, maps of nulls, lists with nulls and empty lists, nested free-form
 * values in {@code additionalProperties}, quantities, int-or-strings and enums.
 */
public class ModelTreesTest {

    private static final int INSTANCES_PER_CLASS = 12;
    private static final com.fasterxml.jackson.databind.ObjectMapper NODES = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String[] TEXTS = {"", "a", "web", "x-y.z", "true", "123", "with: colon", "grün", " ", "null"};

    private final TreeWriterTable table = table();

    /** The writers the build wrote (found by name, as ModelTrees finds them). */
    static TreeWriterTable table() {
        try {
            return (TreeWriterTable) Class.forName(ModelTrees.class.getPackageName() + ".ModelWriters")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the build wrote no tree writers (generators' tree-writers executions)", e);
        }
    }

    @Test
    void theBuildWroteWritersForTheKindsGoldenpathRenders() {
        assertTrue(ModelTrees.written());
        List<String> classes = Arrays.asList(table.classes());
        for (String kind : List.of("io.fabric8.kubernetes.api.model.apps.Deployment",
                "io.fabric8.kubernetes.api.model.apps.StatefulSet", "io.fabric8.kubernetes.api.model.batch.v1.CronJob",
                "io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy",
                "io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute",
                "io.fabric8.kubernetes.api.model.GenericKubernetesResource",
                "dev.goldenpath.secrets.sealed.SealedSecret", "dev.goldenpath.generators.argocd.ApplicationSet",
                "dev.goldenpath.generators.mesh.AuthorizationPolicy", "dev.goldenpath.generators.exposure.Certificate")) {
            assertTrue(classes.contains(kind), kind);
        }
        assertEquals(List.of("io.fabric8.kubernetes.api.model.Quantity"), Arrays.asList(table.quantities()));
        assertTrue(Arrays.asList(table.anyTypes()).contains(IntOrString.class.getName()));
    }

    @Test
    void everyWrittenClassGivesJacksonsTreeForRandomValues() {
        List<String> unbuilt = new ArrayList<>();
        Map<String, String> failures = new TreeMap<>();
        int compared = 0;
        for (String name : table.classes()) {
            Class<?> type = load(name);
            int built = 0;
            for (int seed = 0; seed < INSTANCES_PER_CLASS * 3 && built < INSTANCES_PER_CLASS; seed++) {
                Object value;
                try {
                    // Every other instance without nulls: goldenpath's own records refuse them.
                    value = new Values(new Random(name.hashCode() * 31L + seed), seed % 2 == 0).instance(type, 0);
                } catch (RuntimeException e) {
                    failures.put(name, e.toString());
                    continue; // a constructor that refuses random values (a spec record checking its input)
                }
                if (value == null) {
                    continue;
                }
                built++;
                compare(name + " #" + seed, value);
            }
            if (built == 0) {
                unbuilt.add(name);
            }
            compared += built;
        }
        failures.keySet().retainAll(unbuilt);
        assertEquals(List.of(), unbuilt, "classes no random instance could be made of: " + failures);
        assertTrue(compared > table.classes().length * 5, "compared " + compared);
    }

    @Test
    void freeFormValuesAndMapsGiveJacksonsTree() {
        for (int seed = 0; seed < 300; seed++) {
            Values values = new Values(new Random(seed), true);
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < 6; i++) {
                map.put(values.key(), values.free(0));
            }
            compare("free-form #" + seed, map);
            // The same as a Jackson tree held in a model (a schema in a custom resource), order as inserted.
            compare("tree #" + seed, Map.of("schema", NODES.valueToTree(map)));
        }
    }

    private void compare(String what, Object value) {
        JsonNode expected = Yaml.throughJackson(value);
        long before = ModelTrees.jacksonCount();
        JsonNode actual = ModelTrees.value(value);
        assertEquals(expected, actual, what);
        // ObjectNode.equals ignores field order; the bytes written do not.
        assertEquals(expected.toString(), actual.toString(), what);
        assertEquals(before, ModelTrees.jacksonCount(), what + ": went to Jackson");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Random values of a declared type, through each class's widest public constructor. */
    /** Random values of declared types (also used by other packages' tests). */
    public static final class Values {

        private static final int DEPTH = 5;
        private final Random random;
        private final boolean nulls;

        public Values(Random random, boolean nulls) {
            this.random = random;
            this.nulls = nulls;
        }

        public Object instance(Class<?> type, int depth) {
            // Declared, not only public: goldenpath's own custom resources are package-private classes.
            Constructor<?> widest = Arrays.stream(type.getDeclaredConstructors())
                    .filter(c -> !Modifier.isPrivate(c.getModifiers()))
                    .max(Comparator.comparingInt(Constructor::getParameterCount)).orElse(null);
            if (widest == null) {
                return null;
            }
            widest.setAccessible(true);
            Type[] parameters = widest.getGenericParameterTypes();
            Object[] arguments = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                arguments[i] = value(parameters[i], depth + 1);
            }
            Object instance;
            try {
                instance = widest.newInstance(arguments);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            additionalProperties(instance, depth);
            return instance;
        }

        /** fabric8's free-form extra fields, when the class has them. */
        private void additionalProperties(Object instance, int depth) {
            Method set;
            try {
                set = instance.getClass().getMethod("setAdditionalProperty", String.class, Object.class);
            } catch (NoSuchMethodException e) {
                return;
            }
            int count = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
            for (int i = 0; i < count; i++) {
                try {
                    set.invoke(instance, key(), free(depth + 1));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        Object value(Type type, int depth) {
            Class<?> raw = raw(type);
            if (raw.isPrimitive()) {
                // Not one ternary: it would promote every branch to double.
                if (raw == boolean.class) {
                    return random.nextBoolean();
                }
                if (raw == long.class) {
                    return (long) random.nextInt(100);
                }
                if (raw == double.class) {
                    return random.nextInt(100) / 4.0;
                }
                return raw == int.class ? (Object) random.nextInt(100) : null;
            }
            if (nulls && random.nextInt(8) == 0 || depth > DEPTH && !(Collection.class.isAssignableFrom(raw)
                    || Map.class.isAssignableFrom(raw))) {
                return null;
            }
            if (raw == String.class) {
                return text();
            }
            if (raw == Integer.class) {
                return random.nextInt(2000) - 1000;
            }
            if (raw == Long.class) {
                return (long) random.nextInt(100_000);
            }
            if (raw == Boolean.class) {
                return random.nextBoolean();
            }
            if (raw == Double.class) {
                return random.nextInt(100) / 4.0;
            }
            if (raw == Quantity.class) {
                return random.nextBoolean() ? new Quantity(random.nextInt(500) + "", random.nextBoolean() ? "Mi" : null)
                        : new Quantity(null, null);
            }
            if (raw == IntOrString.class) {
                return random.nextBoolean() ? new IntOrString(random.nextInt(9000)) : new IntOrString(text());
            }
            if (raw.isEnum()) {
                Object[] constants = raw.getEnumConstants();
                return constants[random.nextInt(constants.length)];
            }
            if (raw == Object.class) {
                return free(depth);
            }
            if (JsonNode.class.isAssignableFrom(raw)) {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    fields.put(key(), free(depth + 1));
                }
                return NODES.valueToTree(fields);
            }
            if (List.class.isAssignableFrom(raw) || raw == Collection.class) {
                return list(argument(type, 0), depth);
            }
            if (raw == java.util.Set.class) {
                return new LinkedHashSet<>(list(argument(type, 0), depth));
            }
            if (Map.class.isAssignableFrom(raw)) {
                Map<String, Object> map = new LinkedHashMap<>();
                int size = depth > DEPTH ? 0 : random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    map.put(key(), nulls && random.nextInt(5) == 0 ? null : value(argument(type, 1), depth + 1));
                }
                return map;
            }
            if (Modifier.isAbstract(raw.getModifiers()) || raw.isInterface()) {
                return null;
            }
            return instance(raw, depth);
        }

        private List<Object> list(Type element, int depth) {
            List<Object> list = new ArrayList<>();
            int size = depth > DEPTH ? 0 : random.nextInt(4);
            for (int i = 0; i < size; i++) {
                list.add(nulls && random.nextInt(10) == 0 ? null : value(element, depth + 1));
            }
            return list;
        }

        /** What YAML read without a model gives: text, numbers, booleans, maps and lists of those, nulls. */
        Object free(int depth) {
            int choice = random.nextInt(depth > DEPTH ? 5 : 10);
            switch (choice) {
                case 0:
                    return text();
                case 1:
                    return random.nextInt(100);
                case 2:
                    return random.nextBoolean();
                case 3:
                    return null;
                case 4:
                    return random.nextBoolean() ? (long) random.nextInt(100) : new BigDecimal("1.50");
                case 5:
                case 6: {
                    Map<String, Object> map = random.nextBoolean() ? new HashMap<>() : new TreeMap<>();
                    int size = random.nextInt(4);
                    for (int i = 0; i < size; i++) {
                        map.put(key(), free(depth + 1));
                    }
                    return map;
                }
                default: {
                    List<Object> list = new ArrayList<>();
                    int size = random.nextInt(4);
                    for (int i = 0; i < size; i++) {
                        list.add(free(depth + 1));
                    }
                    return list;
                }
            }
        }

        String key() {
            return List.of("b", "a", "spec", "kind", "z", "metadata", "A", "0", "aa").get(random.nextInt(9));
        }

        private String text() {
            return TEXTS[random.nextInt(TEXTS.length)];
        }

        private static Class<?> raw(Type type) {
            if (type instanceof Class<?> c) {
                return c;
            }
            if (type instanceof ParameterizedType p) {
                return (Class<?>) p.getRawType();
            }
            if (type instanceof WildcardType w) {
                return raw(w.getUpperBounds()[0]);
            }
            return Object.class;
        }

        private static Type argument(Type type, int index) {
            if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
                return p.getActualTypeArguments()[index];
            }
            return Object.class;
        }
    }
}
