package dev.goldenpath.dsl;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Walks every value of a spec (records, lists, maps, optionals) once, before the rules run. Each null is reported as a
 * missing value at its path ({@code apps[web].image}) and replaced by a neutral value, or its record is left out, so
 * that the rules see a null-free spec and still report every other mistake. Every string is handed to a check
 * ({@link TextRules}) on the way.
 */
final class SpecWalk {

    /**
     * The path names of components whose DSL method has another name. The parts an app is grouped into have no name
     * of their own: the DSL sets {@code .image(..)} on the app, so the path reads {@code apps[web].image}.
     */
    private static final Map<String, String> DSL_NAMES = Map.ofEntries(
            Map.entry("Placement.environments", "onlyIn"), Map.entry("Placement.overrides", "in"),
            Map.entry("Traffic.callers", "calledBy"), Map.entry("Traffic.dependencies", "calls"),
            Map.entry("Team.contact", "owner"), Map.entry("Secret.entries", "keys"),
            Map.entry("App.container", ""), Map.entry("App.availability", ""), Map.entry("App.scheduling", ""),
            Map.entry("App.metadata", ""), Map.entry("App.placement", ""), Map.entry("App.traffic", ""),
            Map.entry("App.apiAccess", ""), Map.entry("App.workload", ""), Map.entry("App.config", ""),
            Map.entry("App.companions", ""), Map.entry("App.exposure", ""), Map.entry("Exposure.routes", "expose"),
            Map.entry("Config.files", "configFile"), Map.entry("Config.variables", "configEnv"),
            Map.entry("Companions.initContainers", "initContainer"), Map.entry("Companions.sidecars", "sidecar"),
            Map.entry("NamedContainer.container", ""),
            Map.entry("StatefulService.peerPorts", "peersCallEachOther"));

    /** Records that have a default the spec falls back to when one is missing (the rules then see the default). */
    private static final Map<Class<?>, Object> DEFAULTS = Map.of(
            Resources.class, Resources.DEFAULT, Rollout.class, Rollout.DEFAULT,
            DisruptionBudget.class, DisruptionBudget.DEFAULT, RuntimeProfile.class, RuntimeProfile.DEFAULT,
            Network.class, Network.DEFAULT, Baseline.class, Baseline.DEFAULT);

    /** Stands for "leave the enclosing value out": a record with a missing part that has no neutral value. */
    private static final Object DROP = new Object();

    private final Problems problems;
    private final BiConsumer<Supplier<String>, String> texts;
    private final List<String> missing = new ArrayList<>();

    private SpecWalk(Problems problems, BiConsumer<Supplier<String>, String> texts) {
        this.problems = problems;
        this.texts = texts;
    }

    /** The spec without nulls; every null is added to {@code problems}, every string handed to {@code texts}. */
    static Walked clean(Platform platform, Problems problems, BiConsumer<Supplier<String>, String> texts) {
        SpecWalk walk = new SpecWalk(problems, texts);
        Object clean = walk.record(platform.parts(), Path.ROOT);
        return new Walked(clean == DROP ? null : clean == platform.parts() ? platform : new Platform((Platform.Parts) clean),
                List.copyOf(walk.missing));
    }

    /** The cleaned platform (null only if the platform itself could not be rebuilt) and the paths of missing values. */
    record Walked(Platform platform, List<String> missingPaths) {
        /** Whether a violation at this path only repeats a missing value (e.g. "not a DNS label" for an absent name). */
        boolean repeatsMissing(String path) {
            return missingPaths.stream().anyMatch(m -> path.equals(m) || path.startsWith(m + ".") || path.startsWith(m + "["));
        }
    }

    /**
     * A value's place in the spec, made text ({@code apps[web].image}) only when something is reported there: a walk
     * passes every value of the spec, and almost none of them has a problem.
     */
    static final class Path implements Supplier<String> {

        static final Path ROOT = new Path(null, "", null, 0);

        private final Path parent;
        /** A component's name; null for a list element or a map entry. */
        private final String name;
        /** The list element or the map key that names the value in brackets. */
        private final Object element;
        /** The element's index in its list; -1 for a map entry. */
        private final int index;
        private String text;

        private Path(Path parent, String name, Object element, int index) {
            this.parent = parent;
            this.name = name;
            this.element = element;
            this.index = index;
            this.text = parent == null ? "" : null;
        }

        /** The component's path; an unnamed part (the app's container, traffic...) adds nothing. */
        Path field(String component) {
            return component.isEmpty() ? this : new Path(this, component, null, 0);
        }

        Path element(Object value, int at) {
            return new Path(this, null, value, at);
        }

        Path entry(Object key) {
            return new Path(this, null, key, -1);
        }

        @Override
        public String get() {
            if (text == null) {
                String before = parent.get();
                if (name != null) {
                    text = before.isEmpty() ? name : before + "." + name;
                } else {
                    text = before + "[" + (index < 0 ? String.valueOf(element) : key(element, index)) + "]";
                }
            }
            return text;
        }

        @Override
        public String toString() {
            return get();
        }
    }

    private Object value(Object value, Type type, Path at) {
        if (value == null) {
            String path = at.get();
            missing.add(path);
            problems.add(ViolationCode.SPEC_VALUE_MISSING,
                    path, "null", "a value is required, but it is missing (null)",
                    "set " + (path.isEmpty() ? "it" : path) + " to a real value (was a variable or file empty?)");
            return neutral(raw(type));
        }
        if (value instanceof Record record) {
            Object clean = record(record, at);
            return clean == DROP ? DEFAULTS.getOrDefault(raw(type), DROP) : clean;
        }
        if (value instanceof List<?> list) {
            return list(list, argument(type, 0), at);
        }
        if (value instanceof Map<?, ?> map) {
            return map(map, argument(type, 1), at);
        }
        if (value instanceof Optional<?> optional) {
            if (optional.isEmpty()) {
                return optional;
            }
            Object inner = value(optional.get(), argument(type, 0), at);
            return inner == DROP ? Optional.empty() : inner == optional.get() ? optional : Optional.of(inner);
        }
        if (value instanceof String text) {
            texts.accept(at, text);
        }
        return value;
    }

    private Object record(Record record, Path at) {
        Shape shape = SHAPES.get(record.getClass());
        Object[] values = new Object[shape.accessors.length];
        boolean dropped = false;
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            Object original = read(shape.accessors[i], record);
            Object clean = value(original, shape.types[i], at.field(shape.names[i]));
            dropped |= clean == DROP;
            changed |= clean != original;
            values[i] = clean;
        }
        if (dropped) {
            return DROP;
        }
        if (!changed) {
            return record;
        }
        try {
            return shape.constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getName(), e);
        }
    }

    /** A record class's components, their path names and its canonical constructor, looked up once per class. */
    private record Shape(Method[] accessors, Type[] types, String[] names, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Type[] types = new Type[components.length];
            String[] names = new String[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
                names[i] = DSL_NAMES.getOrDefault(type.getSimpleName() + "." + components[i].getName(),
                        components[i].getName());
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
                return new Shape(accessors, types, names, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private Object list(List<?> list, Type elementType, Path at) {
        List<Object> clean = new ArrayList<>(list.size());
        boolean changed = false;
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            Object cleaned = value(element, elementType, at.element(element, i));
            if (element != null && cleaned != DROP) {
                clean.add(cleaned);
            }
            changed |= cleaned != element;
        }
        return changed ? clean : list;
    }

    private Object map(Map<?, ?> map, Type valueType, Path at) {
        Map<Object, Object> clean = new LinkedHashMap<>();
        boolean[] changed = {false};
        map.forEach((key, value) -> {
            Path entryPath = at.entry(key);
            if (key == null) {
                value(null, String.class, entryPath);
                changed[0] = true;
                return;
            }
            value(key, String.class, entryPath);
            Object cleaned = value(value, valueType, entryPath);
            if (value != null && cleaned != DROP) {
                clean.put(key, cleaned);
            }
            changed[0] |= cleaned != value;
        });
        return changed[0] ? clean : map;
    }

    /** How a list element is named in paths: by its first component when that is a name, else by its index. */
    private static String key(Object element, int index) {
        if (element instanceof Record record && SHAPES.get(record.getClass()).accessors.length > 0) {
            Object first = read(SHAPES.get(record.getClass()).accessors[0], record);
            if (first instanceof Enum<?> || first instanceof String s && !s.isBlank() && s.length() <= 253
                    && s.chars().noneMatch(c -> c < 0x20 || c == '[' || c == ']')) {
                return first.toString();
            }
        } else if (element instanceof String s && !s.isBlank() && s.length() <= 253 && s.chars().noneMatch(c -> c < 0x20)) {
            return s;
        }
        return String.valueOf(index);
    }

    private static Object neutral(Class<?> type) {
        if (type == String.class) {
            return "";
        } else if (type == List.class) {
            return List.of();
        } else if (type == Map.class) {
            return Map.of();
        } else if (type == Optional.class) {
            return Optional.empty();
        } else if (type == OptionalInt.class) {
            return OptionalInt.empty();
        } else if (type == OptionalLong.class) {
            return OptionalLong.empty();
        }
        return DEFAULTS.getOrDefault(type, DROP);
    }

    private static Object read(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }
}
