package dev.goldenpath.treegen;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.ser.AnyGetterWriter;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes, at build time, the tree writers of the generators module: for each fabric8 model class reachable from the
 * given roots, one Java method that turns an instance into the JSON tree Jackson would make of it, property by
 * property, in Jackson's order, with Jackson's inclusion rules. What Jackson decides once per class at run time
 * (introspecting getters and annotations, building serializers: a third of a small render) is asked of Jackson here,
 * once, and written down as plain code.
 *
 * <p>The mapper is configured as {@code dev.goldenpath.generators.yaml.Yaml}'s tree mapper (nulls left out, map
 * entries sorted, empty maps and collections left out); generators' {@code ModelTreesTest} compares both on every
 * generated class, with random values, so a drift between the two fails the build.
 *
 * <p>A class is written down only when its serializer is a plain {@link BeanSerializer} whose properties are public
 * getters without type ids, views, custom serializers or unusual inclusion rules; the few classes with a class-level
 * serializer goldenpath knows (fabric8's {@code Quantity} and {@code AnyType}) are listed for the run-time helpers;
 * everything else is left to Jackson at run time.
 *
 * <pre>{@code
 * java -cp ... dev.goldenpath.treegen.TreeWriters OUTPUT_DIR PACKAGE CLASSES_DIR ROOT_CLASS...
 * }</pre>
 *
 * <p>The roots are the named classes and every concrete Kubernetes object class ({@code HasMetadata}) compiled into
 * CLASSES_DIR. Writers of classes in PACKAGE's module are put in the class's own package (they may be package-private);
 * the dispatch class {@code ModelWriters} goes into PACKAGE, where the run time finds it by name.
 */
public final class TreeWriters {

    private static final String FABRIC8 = "io.fabric8.";
    private static final String MODEL = "io.fabric8.kubernetes.api.model";
    /**
     * Cases per dispatch method. Small, so that the JIT compiles only the groups a render uses: C1 inlines each
     * case's small writer, and one method of 200 cases took 16 to 34 ms to compile, to 70 kB of code, in every render
     * of 100 apps (the groups it uses now: 4 to 5 ms). Each group is still too large to be inlined into the method
     * that picks it (docs/benchmarks.md).
     */
    private static final int CASES_PER_METHOD = 16;

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private final SerializerProvider provider;
    private final AnnotationIntrospector annotations;

    /** Classes written down, by name (sorted: the output does not depend on the order roots are found in). */
    private final Map<String, Bean> beans = new TreeMap<>();
    /** Classes with a class-level serializer the run time knows, by name, with its kind ("quantity", "anyType"). */
    private final Map<String, String> special = new TreeMap<>();
    /** Enums, by name, with the text Jackson writes for each constant (by ordinal). */
    private final Map<String, List<String>> enums = new TreeMap<>();
    /** Classes left to Jackson, with why (printed, so a build log says what is not written down). */
    private final Map<String, String> left = new TreeMap<>();

    /** The package of the dispatch class, and its module's root package (where own classes' writers may go). */
    private final String pkg;
    private final String own;

    private TreeWriters(String pkg) {
        this.pkg = pkg;
        this.own = pkg.substring(0, pkg.lastIndexOf('.') + 1);
        JsonInclude.Value nonEmpty = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                JsonInclude.Include.NON_NULL);
        mapper.configOverride(Map.class).setInclude(nonEmpty);
        mapper.configOverride(Collection.class).setInclude(nonEmpty);
        provider = mapper.getSerializerProviderInstance();
        annotations = mapper.getSerializationConfig().getAnnotationIntrospector();
    }

    /** One property of a written-down class. */
    private record Property(String name, String getter, String kind, String skip) {
    }

    /** A written-down class: its properties in Jackson's order. */
    private record Bean(Class<?> type, List<Property> properties) {
    }

    /**
     * How a property is read: the setter, the Java type to cast to, the node kind and, for a list or map, its
     * element kind; a bean kind names the class whose reader reads it. Kind null: a value the readers leave to Jackson.
     */
    private record Setter(String name, String setter, String javaType, String kind, String element, String beanClass) {
    }

    /** A class with a reader: its setters, the names Jackson ignores, and its any-setter (null: none). */
    private record Reader(List<Setter> setters, List<String> ignored, String anySetter) {
    }

    /** Readers by class name: only fabric8 beans Jackson reads with a default constructor and setters. */
    private final Map<String, Reader> readers = new TreeMap<>();

    /** As goldenpath reads extra YAML objects (generators' YamlObjects): unknown properties are not an error. */
    private final ObjectMapper readMapper = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: TreeWriters OUTPUT_DIR PACKAGE CLASSES_DIR ROOT_CLASS...");
            System.exit(2);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        TreeWriters writers = new TreeWriters(args[1]);
        Deque<Class<?>> queue = new ArrayDeque<>();
        for (String root : Arrays.asList(args).subList(3, args.length)) {
            queue.add(Class.forName(root, false, loader));
        }
        queue.addAll(kubernetesObjects(Path.of(args[2]), loader));
        writers.visitAll(queue);
        writers.readers();
        writers.write(Path.of(args[0]));
        System.out.printf("treegen: %d classes written down, %d enums, %d with known serializers, %d left to Jackson;"
                + " %d readers%n", writers.beans.size(), writers.enums.size(), writers.special.size(),
                writers.left.size(), writers.readers.size());
        writers.left.forEach((name, why) -> System.out.println("treegen: left to Jackson: " + name + ": " + why));
    }

    private void visitAll(Deque<Class<?>> queue) throws Exception {
        while (!queue.isEmpty()) {
            Class<?> type = queue.poll();
            String name = type.getName();
            if (!name.startsWith(FABRIC8) && !name.startsWith("dev.goldenpath.") || beans.containsKey(name) || special.containsKey(name)
                    || left.containsKey(name)) {
                continue;
            }
            visit(type, queue);
        }
    }

    private void visit(Class<?> type, Deque<Class<?>> queue) throws Exception {
        String name = type.getName();
        if (type.isEnum() && (name.startsWith(own) || accessible(type))) {
            List<String> texts = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                com.fasterxml.jackson.databind.JsonNode text = mapper.valueToTree(constant);
                if (!text.isTextual()) {
                    left.put(name, "an enum not written as text");
                    return;
                }
                texts.add(text.textValue());
            }
            enums.put(name, texts);
            return;
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isArray()
                || type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            left.put(name, "not a concrete class");
            return;
        }
        if (!name.startsWith(own) && !accessible(type)) {
            left.put(name, "not public, and not in this module");
            return;
        }
        JsonSerializer<Object> serializer = provider.findValueSerializer(type);
        if (serializer.getClass() != BeanSerializer.class) {
            String serializerName = serializer.getClass().getName();
            if (serializerName.equals(MODEL + ".Quantity$Serializer")) {
                special.put(name, "quantity");
            } else if (serializerName.equals(MODEL + ".AnyType$Serializer")) {
                special.put(name, "anyType");
            } else {
                left.put(name, "serialized by " + serializerName);
            }
            return;
        }
        BeanSerializerBase bean = (BeanSerializerBase) serializer;
        String unsupported = unsupportedSerializer(bean);
        if (unsupported != null) {
            left.put(name, unsupported);
            return;
        }
        List<Property> properties = new ArrayList<>();
        List<JavaType> reached = new ArrayList<>();
        for (Iterator<PropertyWriter> it = bean.properties(); it.hasNext(); ) {
            PropertyWriter writer = it.next();
            Property property = writer instanceof AnyGetterWriter any ? anyProperty(any) : property(type,
                    (BeanPropertyWriter) writer);
            if (property == null) {
                left.put(name, "property '" + writer.getName() + "' is serialized in a way the writers do not copy");
                return;
            }
            properties.add(property);
            reached.add(writer.getType());
        }
        beans.put(name, new Bean(type, properties));
        for (JavaType javaType : reached) {
            enqueue(javaType, queue);
        }
    }

    /** Works out which written-down fabric8 classes the readers read, and how. */
    private void readers() throws Exception {
        com.fasterxml.jackson.databind.DeserializationConfig config = readMapper.getDeserializationConfig();
        com.fasterxml.jackson.databind.deser.DefaultDeserializationContext context =
                ((com.fasterxml.jackson.databind.deser.DefaultDeserializationContext) readMapper
                        .getDeserializationContext()).createDummyInstance(config);
        AnnotationIntrospector introspector = config.getAnnotationIntrospector();
        for (Bean bean : beans.values()) {
            Class<?> type = bean.type();
            if (!type.getName().startsWith(FABRIC8) || !accessible(type)) {
                continue;
            }
            Object deserializer;
            try {
                deserializer = context.findRootValueDeserializer(readMapper.constructType(type));
            } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                continue;
            }
            if (deserializer.getClass() != com.fasterxml.jackson.databind.deser.BeanDeserializer.class) {
                continue;
            }
            Class<?> base = com.fasterxml.jackson.databind.deser.BeanDeserializerBase.class;
            var instantiator = (com.fasterxml.jackson.databind.deser.ValueInstantiator) read(base, "_valueInstantiator",
                    deserializer);
            if ((boolean) read(base, "_nonStandardCreation", deserializer) || !instantiator.canCreateUsingDefault()
                    || read(base, "_injectables", deserializer) != null
                    || read(base, "_objectIdReader", deserializer) != null
                    || read(base, "_unwrappedPropertyHandler", deserializer) != null
                    || read(base, "_externalTypeIdHandler", deserializer) != null
                    || read(base, "_includableProps", deserializer) != null
                    || (boolean) read(base, "_needViewProcesing", deserializer)
                    || (boolean) read(base, "_ignoreAllUnknown", deserializer)
                    || type.getConstructor().getParameterCount() != 0) {
                continue;
            }
            String anySetter = null;
            Object any = read(base, "_anySetter", deserializer);
            if (any != null) {
                Class<?> anyBase = com.fasterxml.jackson.databind.deser.SettableAnyProperty.class;
                AnnotatedMember setter = (AnnotatedMember) read(anyBase, "_setter", any);
                JavaType valueType = (JavaType) read(anyBase, "_type", any);
                if (!(setter instanceof AnnotatedMethod method) || method.getParameterCount() != 2
                        || valueType.getRawClass() != Object.class || read(anyBase, "_valueTypeDeserializer", any) != null
                        || introspector.findContentDeserializer(setter) != null
                        || !java.lang.reflect.Modifier.isPublic(method.getAnnotated().getModifiers())) {
                    continue;
                }
                anySetter = method.getName();
            }
            @SuppressWarnings("unchecked")
            java.util.Set<String> ignorable = (java.util.Set<String>) read(base, "_ignorableProps", deserializer);
            List<Setter> setters = new ArrayList<>();
            boolean supported = true;
            var properties = ((com.fasterxml.jackson.databind.deser.BeanDeserializerBase) deserializer).properties();
            while (properties.hasNext()) {
                var property = properties.next();
                AnnotatedMember member = property.getMember();
                if (property.getClass() != com.fasterxml.jackson.databind.deser.impl.MethodProperty.class
                        || !(member instanceof AnnotatedMethod method) || method.getParameterCount() != 1
                        || !java.lang.reflect.Modifier.isPublic(method.getAnnotated().getModifiers())
                        || property.getValueTypeDeserializer() != null
                        || introspector.findDeserializer(member) != null
                        || introspector.findContentDeserializer(member) != null
                        || introspector.findKeyDeserializer(member) != null
                        || introspector.findPropertyAliases(member) != null
                        && !introspector.findPropertyAliases(member).isEmpty()
                        || property.hasViews()) {
                    supported = false;
                    break;
                }
                setters.add(setter(property.getName(), method, property.getType()));
            }
            if (!supported) {
                continue;
            }
            readers.put(type.getName(), new Reader(setters,
                    ignorable == null ? List.of() : new ArrayList<>(new java.util.TreeSet<>(ignorable)), anySetter));
        }
    }

    /** The kind a node must be of for a value of this type: null when the readers leave it to Jackson. */
    private String kind(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            return "TEXT";
        }
        if (raw == Integer.class || raw == int.class) {
            return "INTEGER";
        }
        if (raw == Long.class || raw == long.class) {
            return "LONG";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "BOOL";
        }
        if (raw == Double.class || raw == double.class) {
            return "DOUBLE";
        }
        if (raw == Object.class) {
            return "UNTYPED";
        }
        // fabric8's two scalar classes, read as their own deserializer and creator read them.
        if (raw.getName().equals(MODEL + ".Quantity")) {
            return "QUANTITY";
        }
        if (raw.getName().equals(MODEL + ".IntOrString")) {
            return "INT_OR_STRING";
        }
        if (beans.containsKey(raw.getName()) && raw.getName().startsWith(FABRIC8) && accessible(raw)) {
            return "BEAN";
        }
        return null;
    }

    private Setter setter(String name, AnnotatedMethod method, JavaType type) {
        Class<?> raw = type.getRawClass();
        String javaType = method.getAnnotated().getGenericParameterTypes()[0].getTypeName().replace('$', '.');
        if (raw == List.class) {
            JavaType element = type.getContentType();
            String elementKind = kind(element);
            return new Setter(name, method.getName(), javaType, elementKind == null ? null : "LIST", elementKind,
                    "BEAN".equals(elementKind) ? element.getRawClass().getName() : null);
        }
        if (raw == Map.class && type.getKeyType().getRawClass() == String.class) {
            JavaType element = type.getContentType();
            String elementKind = kind(element);
            return new Setter(name, method.getName(), javaType, elementKind == null ? null : "MAP", elementKind,
                    "BEAN".equals(elementKind) ? element.getRawClass().getName() : null);
        }
        String kind = kind(type);
        return new Setter(name, method.getName(), javaType, kind, null,
                "BEAN".equals(kind) ? raw.getName() : null);
    }

    /** Public, and so are all classes it is nested in. */
    private static boolean accessible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** The concrete Kubernetes object classes compiled into a folder. */
    private static List<Class<?>> kubernetesObjects(Path classes, ClassLoader loader) throws Exception {
        Class<?> hasMetadata = Class.forName(MODEL + ".HasMetadata", false, loader);
        List<Class<?>> found = new ArrayList<>();
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(file -> file.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : files) {
            String relative = classes.relativize(file).toString();
            String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
            Class<?> type = Class.forName(name, false, loader);
            if (hasMetadata.isAssignableFrom(type) && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers())) {
                found.add(type);
            }
        }
        return found;
    }

    private static void enqueue(JavaType type, Deque<Class<?>> queue) {
        if (type == null) {
            return;
        }
        queue.add(type.getRawClass());
        enqueue(type.getContentType(), queue);
        enqueue(type.getKeyType(), queue);
        for (int i = 0; i < type.getBindings().size(); i++) {
            enqueue(type.getBindings().getBoundType(i), queue);
        }
    }

    private static String unsupportedSerializer(BeanSerializerBase bean) throws Exception {
        if (bean.usesObjectId()) {
            return "object ids";
        }
        for (String field : List.of("_typeId", "_propertyFilterId", "_filteredProps")) {
            if (read(BeanSerializerBase.class, field, bean) != null) {
                return "a type id, filter or views (" + field + ")";
            }
        }
        return null;
    }

    /** Where a class's writer goes: its own package when it is of this module, else the dispatch class's. */
    private String holderPackage(Class<?> type) {
        return type.getName().startsWith(own) ? type.getPackageName() : pkg;
    }

    private Property property(Class<?> type, BeanPropertyWriter writer) throws Exception {
        if (writer.getClass() != BeanPropertyWriter.class || writer.isUnwrapping() || writer.getViews() != null
                || writer.getTypeSerializer() != null) {
            return null;
        }
        AnnotatedMember member = writer.getMember();
        if (!(member instanceof AnnotatedMethod method) || method.getParameterCount() != 0
                || !Modifier.isPublic(method.getAnnotated().getModifiers())
                || !accessible(method.getAnnotated().getDeclaringClass())
                && !method.getAnnotated().getDeclaringClass().getPackageName().equals(holderPackage(type))
                || method.getAnnotated().getDeclaringClass().isInterface()) {
            return null;
        }
        if (annotations.findSerializer(member) != null || annotations.findContentSerializer(member) != null
                || annotations.findKeySerializer(member) != null || annotations.findNullSerializer(member) != null) {
            return null;
        }
        Object suppressable = read(BeanPropertyWriter.class, "_suppressableValue", writer);
        // Whether a map value of this property leaves out null entries (its content inclusion): only then does a map
        // of nulls count as empty. ALWAYS and USE_DEFAULTS keep them (the tree drops them all the same).
        JsonInclude.Include content = writer.findPropertyInclusion(mapper.getSerializationConfig(), Map.class)
                .getContentInclusion();
        boolean mapNullsSuppressed;
        if (content == JsonInclude.Include.NON_NULL || content == JsonInclude.Include.NON_ABSENT) {
            mapNullsSuppressed = true;
        } else if (content == JsonInclude.Include.ALWAYS || content == JsonInclude.Include.USE_DEFAULTS) {
            mapNullsSuppressed = false;
        } else {
            return null;
        }
        String skip;
        if (suppressable == null) {
            skip = "KEEP";
        } else if (suppressable == BeanPropertyWriter.MARKER_FOR_EMPTY) {
            skip = mapNullsSuppressed ? "EMPTY_OR_ALL_NULL" : "EMPTY";
        } else {
            return null;
        }
        Class<?> returned = method.getAnnotated().getReturnType();
        String kind = returned == String.class ? "text"
                : returned == Integer.class || returned == int.class ? "integer"
                : returned == Boolean.class || returned == boolean.class ? "bool"
                : returned == Long.class || returned == long.class ? "longInteger"
                : returned.isPrimitive() ? null
                : "field";
        if (kind == null) {
            return null;
        }
        if (kind.equals("text")) {
            skip = skip.equals("KEEP") ? "false" : "true";
        } else if (!kind.equals("field")) {
            skip = null;
        } else {
            skip = "ModelTrees." + skip;
        }
        return new Property(writer.getName(), method.getName(), kind, skip);
    }

    private static Property anyProperty(AnyGetterWriter any) throws Exception {
        AnnotatedMember accessor = (AnnotatedMember) read(AnyGetterWriter.class, "_accessor", any);
        if (!(accessor instanceof AnnotatedMethod method) || !Map.class.isAssignableFrom(method.getRawReturnType())
                || !Modifier.isPublic(method.getAnnotated().getModifiers())) {
            return null;
        }
        return new Property(null, method.getName(), "any", null);
    }

    private static Object read(Class<?> owner, String field, Object from) throws Exception {
        Field declared = owner.getDeclaredField(field);
        declared.setAccessible(true);
        return declared.get(from);
    }

    // ------------------------------------------------------------------------------------------------ writing

    private void write(Path folder) throws IOException {
        // Holders: one class per (holder package, model package); each bean gets a method named after its class.
        Map<String, List<Bean>> byHolder = new TreeMap<>();
        for (Bean bean : beans.values()) {
            String holder = holderPackage(bean.type()) + "." + holderName(bean.type().getPackageName());
            byHolder.computeIfAbsent(holder, h -> new ArrayList<>()).add(bean);
        }
        Map<String, String> calls = new TreeMap<>();
        java.util.Set<Path> written = new java.util.HashSet<>();
        for (Map.Entry<String, List<Bean>> entry : byHolder.entrySet()) {
            String holder = entry.getKey();
            String holderPackage = holder.substring(0, holder.lastIndexOf('.'));
            String className = holder.substring(holder.lastIndexOf('.') + 1);
            boolean local = holderPackage.equals(pkg);
            for (Bean bean : entry.getValue()) {
                calls.put(bean.type().getName(), (local ? className : holder) + "." + methodName(bean.type()));
            }
            Path file = folder.resolve(holderPackage.replace('.', '/')).resolve(className + ".java");
            writeIfChanged(file, holderSource(holderPackage, className, !local, entry.getValue()));
            written.add(file);
        }
        Path dispatch = folder.resolve(pkg.replace('.', '/')).resolve("ModelWriters.java");
        writeIfChanged(dispatch, dispatchSource(calls));
        written.add(dispatch);
        // Writers of classes no longer reached (the roots changed) must not stay behind to be compiled.
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!written.contains(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    /** {@code io.fabric8.kubernetes.api.model.networking.v1} → {@code NetworkingV1Writers}. */
    static String holderName(String modelPackage) {
        String rest = modelPackage.startsWith(MODEL) ? modelPackage.substring(MODEL.length())
                : modelPackage.startsWith(FABRIC8) ? modelPackage.substring(FABRIC8.length())
                : modelPackage.substring("dev.goldenpath.".length());
        StringBuilder name = new StringBuilder();
        for (String part : rest.split("[.]")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return (name.length() == 0 ? "Core" : name.toString()) + "Writers";
    }

    /** {@code PeerAuthentication.Spec} → {@code writePeerAuthentication_Spec}. */
    private static String methodName(Class<?> type) {
        String simple = type.getName().substring(type.getPackageName().length() + 1);
        return "write" + simple.replace('$', '_');
    }

    private String holderSource(String holderPackage, String className, boolean exported, List<Bean> beans) {
        String visibility = exported ? "public " : "";
        StringBuilder java = new StringBuilder();
        java.append("package ").append(holderPackage).append(";\n\n")
                .append("import com.fasterxml.jackson.databind.node.ObjectNode;\n")
                .append(exported ? "import " + pkg + ".ModelTrees;\n" : "")
                .append("\n/**\n * Generated by goldenpath-treegen at build time, do not edit; not an API (public only for the ")
                .append("dispatch in\n * dev.goldenpath.generators.yaml). Tree writers of ")
                .append(beans.get(0).type().getPackageName()).append(".\n */\n")
                .append("@SuppressWarnings({\"deprecation\", \"rawtypes\", \"unchecked\"})\n")
                .append(visibility).append("final class ").append(className).append(" {\n\n")
                .append("    private ").append(className).append("() {\n    }\n");
        for (Bean bean : beans) {
            String type = bean.type().getName().replace('$', '.');
            java.append("\n    ").append(visibility).append("static ObjectNode ").append(methodName(bean.type()))
                    .append("(Object value) {\n")
                    .append("        ").append(type).append(" v = (").append(type).append(") value;\n")
                    .append("        ObjectNode n = ModelTrees.object();\n");
            for (Property property : bean.properties()) {
                if (property.kind().equals("any")) {
                    java.append("        ModelTrees.any(n, v.").append(property.getter()).append("());\n");
                } else {
                    java.append("        ModelTrees.").append(property.kind()).append("(n, \"")
                            .append(property.name().replace("\\", "\\\\").replace("\"", "\\\""))
                            .append("\", v.").append(property.getter()).append("()");
                    if (property.skip() != null) {
                        java.append(", ").append(property.skip());
                    }
                    java.append(");\n");
                }
            }
            java.append("        return n;\n    }\n");
            Reader reader = readers.get(bean.type().getName());
            if (reader != null) {
                readerSource(java, visibility, bean.type(), reader);
            }
        }
        return java.append("}\n").toString();
    }

    /**
     * A reader: the object Jackson would read from the node, or null where Jackson must decide (a value of another
     * kind than the property's, which Jackson may coerce or refuse; a null; a type the readers do not read).
     */
    private void readerSource(StringBuilder java, String visibility, Class<?> type, Reader reader) {
        String name = type.getName().replace('$', '.');
        java.append("\n    ").append(visibility).append("static Object read")
                .append(methodName(type).substring("write".length()))
                .append("(com.fasterxml.jackson.databind.node.ObjectNode node) {\n")
                .append("        ").append(name).append(" v = new ").append(name).append("();\n")
                .append("        for (java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e : ")
                .append("node.properties()) {\n")
                .append("            com.fasterxml.jackson.databind.JsonNode f = e.getValue();\n")
                .append("            Object x;\n")
                .append("            switch (e.getKey()) {\n");
        java.util.Set<String> cases = new java.util.HashSet<>();
        for (Setter setter : reader.setters()) {
            cases.add(setter.name());
            java.append("                case \"").append(escape(setter.name())).append("\":\n");
            if (setter.kind() == null) {
                java.append("                    return null;\n");
                continue;
            }
            String bean = setter.beanClass() == null ? "null" : "\"" + setter.beanClass() + "\"";
            switch (setter.kind()) {
                case "LIST" -> java.append("                    x = ModelReaders.list(f, ModelReaders.")
                        .append(setter.element()).append(", ").append(bean).append(");\n");
                case "MAP" -> java.append("                    x = ModelReaders.map(f, ModelReaders.")
                        .append(setter.element()).append(", ").append(bean).append(");\n");
                default -> java.append("                    x = ModelReaders.value(f, ModelReaders.")
                        .append(setter.kind()).append(", ").append(bean).append(");\n");
            }
            java.append("                    if (x == ModelReaders.JACKSON) {\n                        return null;\n")
                    .append("                    }\n")
                    .append("                    v.").append(setter.setter()).append("((").append(boxed(setter.javaType()))
                    .append(") x);\n                    break;\n");
        }
        for (String ignored : reader.ignored()) {
            if (cases.add(ignored)) {
                java.append("                case \"").append(escape(ignored)).append("\":\n                    break;\n");
            }
        }
        java.append("                default:\n");
        if (reader.anySetter() == null) {
            java.append("                    break;\n");
        } else {
            java.append("                    x = ModelReaders.value(f, ModelReaders.UNTYPED, null);\n")
                    .append("                    if (x == ModelReaders.JACKSON) {\n                        return null;\n")
                    .append("                    }\n")
                    .append("                    v.").append(reader.anySetter()).append("(e.getKey(), x);\n")
                    .append("                    break;\n");
        }
        java.append("            }\n        }\n        return v;\n    }\n");
    }

    private static String boxed(String javaType) {
        return switch (javaType) {
            case "int" -> "Integer";
            case "long" -> "Long";
            case "boolean" -> "Boolean";
            case "double" -> "Double";
            default -> javaType;
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private String dispatchSource(Map<String, String> calls) {
        List<String> names = new ArrayList<>(calls.keySet());
        StringBuilder java = new StringBuilder();
        java.append("package ").append(pkg).append(";\n\n")
                .append("import com.fasterxml.jackson.databind.node.ObjectNode;\n\n")
                .append("/**\n * Generated by goldenpath-treegen at build time, do not edit. Which classes have ")
                .append("written-down tree writers\n * (index i of classes() is written by write(i, value)), and ")
                .append("which have a serializer the run time knows.\n */\n")
                .append("final class ModelWriters implements TreeWriterTable {\n\n")
                .append("    private static final String[] CLASSES = {\n");
        for (String name : names) {
            java.append("        \"").append(name).append("\",\n");
        }
        java.append("    };\n\n    private static final String[] QUANTITIES = {\n");
        special.forEach((name, kind) -> {
            if (kind.equals("quantity")) {
                java.append("        \"").append(name).append("\",\n");
            }
        });
        java.append("    };\n\n    private static final String[] ANY_TYPES = {\n");
        special.forEach((name, kind) -> {
            if (kind.equals("anyType")) {
                java.append("        \"").append(name).append("\",\n");
            }
        });
        java.append("    };\n\n    private static final String[] ENUMS = {\n");
        enums.keySet().forEach(name -> java.append("        \"").append(name).append("\",\n"));
        java.append("    };\n\n    private static final String[][] ENUM_TEXTS = {\n");
        enums.values().forEach(texts -> {
            java.append("        {");
            for (String text : texts) {
                java.append("\"").append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append("\", ");
            }
            java.append("},\n");
        });
        java.append("    };\n\n")
                .append("    @Override\n    public String[] enums() {\n        return ENUMS.clone();\n    }\n\n")
                .append("    @Override\n    public String[] enumTexts(int index) {\n        return ENUM_TEXTS[index].clone();\n    }\n\n")
                .append("    @Override\n    public String[] classes() {\n        return CLASSES.clone();\n    }\n\n")
                .append("    @Override\n    public String[] quantities() {\n        return QUANTITIES.clone();\n    }\n\n")
                .append("    @Override\n    public String[] anyTypes() {\n        return ANY_TYPES.clone();\n    }\n\n")
                .append("    @Override\n    public Object read(int index, com.fasterxml.jackson.databind.node.ObjectNode n) {\n");
        int readMethods = (names.size() + CASES_PER_METHOD - 1) / CASES_PER_METHOD;
        java.append("        switch (index / ").append(CASES_PER_METHOD).append(") {\n");
        for (int m = 0; m < readMethods; m++) {
            java.append("            case ").append(m).append(":\n                return read").append(m)
                    .append("(index, n);\n");
        }
        java.append("            default:\n                return null;\n        }\n    }\n");
        for (int m = 0; m < readMethods; m++) {
            java.append("\n    private static Object read").append(m)
                    .append("(int index, com.fasterxml.jackson.databind.node.ObjectNode n) {\n")
                    .append("        switch (index) {\n");
            for (int i = m * CASES_PER_METHOD; i < Math.min(names.size(), (m + 1) * CASES_PER_METHOD); i++) {
                if (readers.containsKey(names.get(i))) {
                    String call = calls.get(names.get(i));
                    int dot = call.lastIndexOf('.');
                    java.append("            case ").append(i).append(":\n                return ")
                            .append(call, 0, dot + 1).append("read").append(call.substring(dot + 1 + "write".length()))
                            .append("(n);\n");
                }
            }
            java.append("            default:\n                return null;\n        }\n    }\n");
        }
        java.append("\n    @Override\n    public ObjectNode write(int index, Object v) {\n");
        int methods = (names.size() + CASES_PER_METHOD - 1) / CASES_PER_METHOD;
        java.append("        switch (index / ").append(CASES_PER_METHOD).append(") {\n");
        for (int m = 0; m < methods; m++) {
            java.append("            case ").append(m).append(":\n                return write").append(m)
                    .append("(index, v);\n");
        }
        java.append("            default:\n                throw new IllegalArgumentException(\"no writer \" + index);\n")
                .append("        }\n    }\n");
        for (int m = 0; m < methods; m++) {
            java.append("\n    private static ObjectNode write").append(m).append("(int index, Object v) {\n")
                    .append("        switch (index) {\n");
            for (int i = m * CASES_PER_METHOD; i < Math.min(names.size(), (m + 1) * CASES_PER_METHOD); i++) {
                java.append("            case ").append(i).append(":\n                return ")
                        .append(calls.get(names.get(i))).append("(v);\n");
            }
            java.append("            default:\n                throw new IllegalArgumentException(\"no writer \" + index);\n")
                    .append("        }\n    }\n");
        }
        return java.append("}\n").toString();
    }

    /** Leaves an unchanged file alone, so that an incremental build does not recompile what did not change. */
    private static void writeIfChanged(Path file, String source) throws IOException {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
