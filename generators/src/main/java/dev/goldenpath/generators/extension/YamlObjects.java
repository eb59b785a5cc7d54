package dev.goldenpath.generators.extension;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.lint.KubernetesYaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * YAML text as Kubernetes reads it ({@link KubernetesYaml}, the linter's reader: anchors, aliases and merge keys in
 * go-yaml's order, duplicate keys refused), into fabric8 objects; kinds fabric8 models become their typed class,
 * others a {@code GenericKubernetesResource}.
 */
final class YamlObjects {

    private static final AtomicBoolean PREPARING = new AtomicBoolean();

    /**
     * Made on first use: the readers written at build time read the usual objects without it (an ObjectMapper and its
     * deserializers cost a small render about a tenth).
     */
    private static final class Json {
        static final ObjectMapper JSON = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private YamlObjects() {
    }

    /**
     * Starts, on a daemon thread and once per process, what the first YAML a platform generator adds would otherwise
     * pay on the render's own thread: the YAML reader's classes and the initialization of fabric8's
     * {@code GenericKubernetesResource}, whose class makes an {@code ObjectMapper} (Jackson's date formats, time zones
     * and calendars): together about 40 ms of a small render in a fresh process. Started when a renderer gets its first
     * extension, before it generates anything, so that it runs beside the spec's validation and the apps' generation;
     * should it not have finished, the first parse waits for what it is still initializing, as without it.
     */
    static void prepareInBackground() {
        if (!PREPARING.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                parse("apiVersion: prepare.goldenpath.dev/v1\nkind: Prepare\nmetadata:\n  name: prepare\n");
            } catch (RuntimeException | LinkageError e) {
                // Nothing to report: the first real parse meets the same problem and reports it.
            }
        }, "goldenpath-yaml-objects");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The objects of the text, in order.
     *
     * @throws IllegalArgumentException naming the document and what is wrong with it
     */
    static List<HasMetadata> parse(String text) {
        List<HasMetadata> objects = new ArrayList<>();
        int index = 0;
        try {
            for (JsonNode tree : KubernetesYaml.documents(text)) {
                index++;
                if (!tree.isObject() || !tree.path("apiVersion").isTextual() || !tree.path("kind").isTextual()
                        || !tree.path("metadata").path("name").isTextual()) {
                    throw new IllegalArgumentException("document " + index
                            + " is not a Kubernetes object (it needs apiVersion, kind and metadata.name)");
                }
                Class<? extends KubernetesResource> type = ModelClasses.typeOf(tree.path("apiVersion").asText(),
                        tree.path("kind").asText());
                KubernetesResource resource = Yaml.readWithoutJackson(tree, type);
                if (resource == null) {
                    resource = Json.JSON.treeToValue(tree, type);
                }
                if (!(resource instanceof HasMetadata object)) {
                    throw new IllegalArgumentException("document " + index + " (" + tree.path("kind").asText()
                            + ") is a list, not one object: give its items one by one");
                }
                objects.add(object);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("document " + index + " does not fit its kind: " + e.getOriginalMessage(), e);
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("the YAML text holds no object");
        }
        return objects;
    }

    /**
     * Adds the objects of YAML text through {@code add}; text that is not a Kubernetes object becomes one problem
     * naming the hatch ({@code origin}) and the document, so the render fails with every other problem too.
     */
    static void addEach(String yaml, String origin, Consumer<HasMetadata> add, List<String> problems) {
        Objects.requireNonNull(yaml, "yaml");
        try {
            parse(yaml).forEach(add);
        } catch (IllegalArgumentException e) {
            problems.add(origin + ": the YAML text " + e.getMessage() + " (fix: give one Kubernetes object per document)");
        }
    }

    /**
     * A deep copy, so that an object given once and placed in several folders is placed in each on its own. For the
     * fabric8 classes the build wrote readers for, it is read back from the object's rendered tree (no Jackson) and kept
     * when it renders to the same tree, its maps in rendered (sorted) order; otherwise, and for other classes, it
     * goes through Jackson (YamlObjectsCopyTest).
     */
    static HasMetadata copy(HasMetadata object) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = Yaml.toTree(object);
        HasMetadata copy = Yaml.readWithoutJackson(tree, object.getClass());
        // Kept only when it renders exactly as the object (not so for a map of nulls, which renders as {} and reads
        // back as an empty map, which renders as nothing).
        if (copy != null && Yaml.toTree(copy).equals(tree)) {
            return copy;
        }
        try {
            return Json.JSON.treeToValue(Json.JSON.valueToTree(object), object.getClass());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(Placement.describe(object) + " cannot be copied: " + e.getMessage(), e);
        }
    }
}
