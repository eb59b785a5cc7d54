package dev.goldenpath.generators.yaml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Deterministic Kubernetes YAML. Object fields keep the model's declared order ({@code apiVersion},
 * {@code kind}, {@code metadata}, {@code spec}), map entries are sorted by key, and nulls, empty lists and
 * empty maps are left out, so the same objects always give the same bytes. Empty objects are kept because
 * Kubernetes gives them meaning ({@code podSelector: {}} selects every pod, {@code emptyDir: {}}).
 *
 * <pre>{@code
 * byte[] yaml = Yaml.write(deployment);
 * }</pre>
 */
public final class Yaml {

    /** The tree mapper: only values without a tree writer ({@link ModelTrees}) need it, so it is made on first use. */
    private static final class Tree {
        static final ObjectMapper TREE = new ObjectMapper()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);

        static {
            JsonInclude.Value nonEmpty = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                    JsonInclude.Include.NON_NULL);
            TREE.configOverride(Map.class).setInclude(nonEmpty);
            TREE.configOverride(Collection.class).setInclude(nonEmpty);
        }
    }

    /** How the YAML looks: the generator features of every document goldenpath writes. */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build();

    /**
     * The YAML mapper, for reading and as the reference writer; made on first use: writing a render's trees needs
     * only the {@link #FACTORY}'s generator (an ObjectMapper's first construction alone is a tenth of a small render).
     */
    private static final class Mapper {
        static final ObjectMapper YAML = new ObjectMapper(FACTORY)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** The same bytes as the mapper for the shapes rendered objects have, several times faster. */
    private static final BlockYaml BLOCK = new BlockYaml(Yaml::stream);

    private Yaml() {
    }

    /**
     * The object as a JSON tree: what the YAML holds, and what the policy check reads. fabric8 model objects go
     * through tree writers written at build time ({@link ModelTrees}); anything else through Jackson
     * ({@link #throughJackson}), with the same result.
     */
    public static ObjectNode toTree(Object object) {
        JsonNode tree = ModelTrees.value(object);
        if (!(tree instanceof ObjectNode node)) {
            throw new IllegalArgumentException("not an object: " + object.getClass().getName());
        }
        return node;
    }

    /** What {@link #toTree} must equal for any value: Jackson's tree, built while serializing ({@link TreeGenerator}). */
    static JsonNode throughJackson(Object object) {
        // Not through valueToTree's token buffer and a second pruning walk.
        TreeGenerator generator = new TreeGenerator(Tree.TREE);
        try {
            Tree.TREE.writeValue(generator, object);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("could not convert " + object.getClass().getSimpleName() + " to a tree", e);
        }
        return generator.root();
    }

    /** What {@link #toTree} must equal: Jackson's {@code valueToTree}, pruned (checked in YamlTest). */
    static ObjectNode throughTokens(Object object) {
        ObjectNode tree = Tree.TREE.valueToTree(object);
        prune(tree);
        return tree;
    }

    /** One YAML document, ending with a newline. */
    public static byte[] write(Object object) {
        return write(object instanceof JsonNode node ? node : toTree(object));
    }

    /** One YAML document for a tree built by {@link #toTree(Object)}. */
    public static byte[] write(JsonNode tree) {
        byte[] fast = BLOCK.write(tree);
        return fast != null ? fast : stream(tree);
    }

    /** The document as Jackson's YAML mapper writes it: what {@link BlockYaml} and {@link #stream} must equal. */
    static byte[] jackson(JsonNode tree) {
        try {
            return Mapper.YAML.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write YAML", e);
        }
    }

    /**
     * The document the mapper writes ({@link #jackson}), through the factory's generator without a mapper: the tree's
     * tokens, in its order, as {@code JsonNode.serialize} gives them to the generator.
     */
    static byte[] stream(JsonNode tree) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(256);
        try (com.fasterxml.jackson.core.JsonGenerator generator = FACTORY.createGenerator(bytes,
                com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            tokens(generator, tree);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("could not write YAML", e);
        }
        return bytes.toByteArray();
    }

    private static void tokens(com.fasterxml.jackson.core.JsonGenerator generator, JsonNode node)
            throws java.io.IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject(node);
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    tokens(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray(node, node.size());
                for (JsonNode element : node) {
                    tokens(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL -> generator.writeNull();
            case BINARY -> generator.writeBinary(node.binaryValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case DOUBLE -> generator.writeNumber(node.doubleValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
                    default -> throw new IllegalArgumentException("a number of type " + node.numberType());
                }
            }
            default -> throw new IllegalArgumentException("a " + node.getNodeType() + " node has no YAML here");
        }
    }

    /** Parses one YAML document, e.g. to read rendered output back in tests. */
    public static JsonNode read(byte[] yaml) {
        try {
            return Mapper.YAML.readTree(yaml);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("could not parse YAML", e);
        }
    }

    /** Reads a tree (as {@link #read(byte[])} or {@link #toTree(Object)} give it) into a model class. */
    public static <T> T read(JsonNode tree, Class<T> type) {
        try {
            return Mapper.YAML.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not read the tree as " + type.getSimpleName(), e);
        }
    }

    /**
     * The tree read into a fabric8 model class as an {@code ObjectMapper} that ignores unknown properties reads it,
     * through the readers written at build time ({@link ModelReaders}); null when they leave it to Jackson (a value
     * Jackson would coerce or refuse, a null, a quantity...), and the caller reads it with Jackson.
     */
    public static <T> T readWithoutJackson(JsonNode tree, Class<T> type) {
        return ModelReaders.read(tree, type);
    }

    /** Parses one YAML document into a model class. */
    public static <T> T read(byte[] yaml, Class<T> type) {
        try {
            return Mapper.YAML.readValue(yaml, type);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("could not parse YAML as " + type.getSimpleName(), e);
        }
    }

    /**
     * Drops what the model classes emit although it carries no meaning: empty lists and maps that the
     * annotations did not catch (the models initialise every collection).
     */
    private static void prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                JsonNode value = fields.next().getValue();
                prune(value);
                if (value.isNull() || value.isArray() && value.isEmpty() || value.isMissingNode()) {
                    fields.remove();
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                prune(element);
            }
        }
    }
}
