package dev.goldenpath.secrets.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Validates objects against the upstream CRDs in {@code /work/shared/crds}, the way
 * {@code /work/shared/crds/README.md} prescribes: pick the served version's openAPIV3Schema, map the
 * Kubernetes extensions to JSON Schema (int-or-string, nullable, embedded-resource), and treat unknown
 * fields as errors (additionalProperties: false on every object with properties that is not under
 * x-kubernetes-preserve-unknown-fields), as {@code kubectl --validate=strict} would.
 */
public final class CrdSchemas {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Path, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private CrdSchemas() {
    }

    /** The CRD folder, or empty when this checkout has none (tests then skip with a message). */
    public static Optional<Path> directory() {
        String configured = System.getProperty("goldenpath.crds", System.getenv("GOLDENPATH_CRDS"));
        Stream<Path> candidates = configured != null ? Stream.of(Path.of(configured))
                : Stream.of(Path.of("../shared/crds"), Path.of("../../shared/crds"), Path.of("/work/shared/crds"));
        return candidates.map(Path::toAbsolutePath).map(Path::normalize).filter(Files::isDirectory).findFirst();
    }

    /** Schema violations of {@code document} (a Jackson tree of a whole object) against {@code crdFile}. */
    public static List<String> violations(Path crdFile, JsonNode document) {
        JsonSchema schema = CACHE.computeIfAbsent(crdFile, file -> compile(file, document));
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(document)) {
            problems.add(message.getMessage());
        }
        return problems;
    }

    private static JsonSchema compile(Path crdFile, JsonNode document) {
        JsonNode crd;
        try {
            crd = YAML.readTree(crdFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String apiVersion = document.path("apiVersion").asText();
        String group = crd.path("spec").path("group").asText();
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        if (!apiVersion.equals(group + "/" + version) || !crd.path("spec").path("names").path("kind").asText()
                .equals(document.path("kind").asText())) {
            throw new IllegalArgumentException(crdFile + " does not define " + apiVersion + " "
                    + document.path("kind").asText());
        }
        for (JsonNode candidate : crd.path("spec").path("versions")) {
            if (candidate.path("name").asText().equals(version) && candidate.path("served").asBoolean()) {
                ObjectNode converted = (ObjectNode) convert(candidate.path("schema").path("openAPIV3Schema"), false);
                // The API server accepts apiVersion, kind and metadata on every object, whether or not the CRD's
                // schema lists them (Istio's do not); metadata is validated as ObjectMeta, not here.
                ObjectNode properties = converted.has("properties") ? (ObjectNode) converted.get("properties")
                        : converted.putObject("properties");
                properties.putIfAbsent("apiVersion", NODES.objectNode().put("type", "string"));
                properties.putIfAbsent("kind", NODES.objectNode().put("type", "string"));
                properties.putIfAbsent("metadata", NODES.objectNode().put("type", "object"));
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(converted);
            }
        }
        throw new IllegalArgumentException(crdFile + " serves no version " + version);
    }

    static JsonNode convert(JsonNode node, boolean underPreserve) {
        ObjectNode out = NODES.objectNode();
        boolean preserve = underPreserve || node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.properties().forEach(p -> properties.set(p.getKey(), convert(p.getValue(), preserve)));
                }
                case "items", "not" -> out.set(key, convert(value, preserve));
                case "additionalProperties" -> out.set(key, value.isObject() ? convert(value, preserve) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode list = out.putArray(key);
                    value.forEach(item -> list.add(convert(item, preserve)));
                }
                // Annotations and formats (int64, byte, date-time) do not constrain what we check here.
                case "description", "default", "format", "example", "nullable" -> { }
                default -> {
                    if (!key.startsWith("x-kubernetes-")) {
                        out.set(key, value);
                    }
                }
            }
        }
        if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.remove("type");
            ArrayNode either = NODES.arrayNode();
            either.addObject().put("type", "integer");
            either.addObject().put("type", "string");
            if (out.has("anyOf")) {
                out.putArray("allOf").addObject().set("anyOf", either);
            } else {
                out.set("anyOf", either);
            }
        }
        if (node.path("nullable").asBoolean(false) && out.has("type") && out.get("type").isTextual()) {
            ArrayNode types = NODES.arrayNode().add(out.get("type").asText()).add("null");
            out.set("type", types);
        }
        if (node.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            ArrayNode required = out.has("required") ? (ArrayNode) out.get("required") : out.putArray("required");
            for (String field : List.of("apiVersion", "kind", "metadata")) {
                required.add(field);
            }
        }
        if (!preserve && out.has("properties") && !out.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
