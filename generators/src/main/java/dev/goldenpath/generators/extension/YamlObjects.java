package dev.goldenpath.generators.extension;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML text as Kubernetes reads it, into fabric8 objects: every document of the stream, anchors, aliases and merge
 * keys resolved (SnakeYAML's safe loader, no custom tags), timestamps kept as text (the API server gets strings); kinds
 * fabric8 models become their typed class, others a {@code GenericKubernetesResource}.
 */
final class YamlObjects {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private YamlObjects() {
    }

    /**
     * The objects of the text, in order.
     *
     * @throws IllegalArgumentException naming the document and what is wrong with it
     */
    static List<HasMetadata> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // kubectl rejects duplicate keys
        options.setMaxAliasesForCollections(50); // "billion laughs" guard
        DumperOptions dumper = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new TextTimestamps());
        List<HasMetadata> objects = new ArrayList<>();
        int index = 0;
        try {
            for (Object document : yaml.loadAll(text)) {
                index++;
                if (document == null) {
                    continue;
                }
                JsonNode tree = JSON.valueToTree(document);
                if (!tree.isObject() || !tree.path("apiVersion").isTextual() || !tree.path("kind").isTextual()
                        || !tree.path("metadata").path("name").isTextual()) {
                    throw new IllegalArgumentException("document " + index
                            + " is not a Kubernetes object (it needs apiVersion, kind and metadata.name)");
                }
                KubernetesResource resource = JSON.treeToValue(tree, KubernetesResource.class);
                if (!(resource instanceof HasMetadata object)) {
                    throw new IllegalArgumentException("document " + index + " (" + tree.path("kind").asText()
                            + ") is a list, not one object: give its items one by one");
                }
                objects.add(object);
            }
        } catch (YAMLException e) {
            throw new IllegalArgumentException("document " + (index + 1) + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("document " + index + " does not fit its kind: " + e.getOriginalMessage(), e);
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("the YAML text holds no object");
        }
        return objects;
    }

    /** A deep copy, so that an object given once and placed in several folders is placed in each on its own. */
    static HasMetadata copy(HasMetadata object) {
        try {
            return JSON.treeToValue(JSON.valueToTree(object), object.getClass());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(Placement.describe(object) + " cannot be copied: " + e.getMessage(), e);
        }
    }

    /** YAML 1.1 resolution as Kubernetes' parser does it, except timestamps, which stay strings. */
    private static final class TextTimestamps extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, java.util.regex.Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }

        @Override
        public void addImplicitResolver(Tag tag, java.util.regex.Pattern regexp, String first) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first);
            }
        }
    }
}
