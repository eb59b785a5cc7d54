package dev.goldenpath.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.goldenpath.lint.KubernetesYaml;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.tree.TreeLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The Kubernetes objects of a tree, read from the YAML alone, so that a hand-edited or extra object counts as much as
 * a rendered one. Every {@code .yaml}, {@code .yml} and {@code .json} file is read; documents without
 * {@code apiVersion}, {@code kind} and {@code metadata.name} (a Kustomization is one) are not objects and are skipped.
 * Objects with the same identity in one tree (see {@link Manifest#key()}): the last file in path order wins, as a
 * later {@code kubectl apply} would.
 */
final class Inventory {

    /** Jackson's parser is several times faster, but it does not expand anchors, aliases and merge keys. */
    private static final ObjectMapper FAST = new YAMLMapper();

    private final RenderedTree tree;
    private final Map<String, List<Manifest>> byFile;

    private Inventory(RenderedTree tree, Map<String, List<Manifest>> byFile) {
        this.tree = tree;
        this.byFile = byFile;
    }

    /**
     * Reads every object of {@code tree}.
     *
     * @param side "base" or "head", for messages
     * @throws ReviewException listing every file that is not valid YAML
     */
    static Inventory of(RenderedTree tree, String side) {
        return of(tree, side, null);
    }

    /**
     * Reads every object of {@code tree}, taking the objects of each file whose bytes {@code known} read already from
     * {@code known} (a pull request changes few files: the unchanged ones are parsed once). Files are parsed in
     * parallel; the result does not depend on it.
     */
    static Inventory of(RenderedTree tree, String side, Inventory known) {
        List<String> paths = tree.paths().stream()
                .filter(path -> path.endsWith(".yaml") || path.endsWith(".yml") || path.endsWith(".json")).toList();
        Map<String, Object> parsed = new java.util.concurrent.ConcurrentHashMap<>();
        paths.parallelStream().forEach(path -> {
            byte[] bytes = tree.bytes(path).orElseThrow();
            if (known != null && known.byFile.containsKey(path)
                    && java.util.Arrays.equals(bytes, known.tree.bytes(path).orElse(null))) {
                parsed.put(path, known.byFile.get(path));
                return;
            }
            String environment = environment(path);
            try {
                List<Manifest> objects = new ArrayList<>();
                for (JsonNode document : documents(new String(bytes, StandardCharsets.UTF_8))) {
                    Manifest manifest = manifest(environment, path, document);
                    if (manifest != null) {
                        objects.add(manifest);
                    }
                }
                parsed.put(path, List.copyOf(objects));
            } catch (JsonProcessingException | YAMLException | IllegalArgumentException e) {
                parsed.put(path, side + " " + path + ": not valid YAML: " + firstLine(e.getMessage()));
            }
        });
        Map<String, List<Manifest>> byFile = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            Object result = parsed.get(path);
            if (result instanceof String problem) {
                problems.add(problem);
            } else {
                @SuppressWarnings("unchecked")
                List<Manifest> objects = (List<Manifest>) result;
                byFile.put(path, objects);
            }
        }
        if (!problems.isEmpty()) {
            throw new ReviewException(problems);
        }
        return new Inventory(tree, byFile);
    }

    /** Every object, in path order of the files that hold them; of two with the same identity, the later one. */
    List<Manifest> all() {
        Map<String, Manifest> objects = new LinkedHashMap<>();
        byFile.values().forEach(list -> list.forEach(manifest -> objects.put(manifest.key(), manifest)));
        return List.copyOf(objects.values());
    }

    /**
     * The environment a file belongs to, as the layout reads it, else empty. Asked of the file's folder: a file lying
     * directly in {@code apps/} is in no environment, whatever its name.
     */
    static String environment(String path) {
        return TreeLayout.environment(TreeLayout.folderOf(path)).orElse("");
    }

    private static List<JsonNode> documents(String text) throws JsonProcessingException {
        List<JsonNode> documents = new ArrayList<>();
        if (text.indexOf('&') < 0 && !text.contains("<<")) {
            try (MappingIterator<JsonNode> iterator = FAST.readerFor(JsonNode.class).readValues(text)) {
                while (iterator.hasNextValue()) {
                    documents.add(iterator.nextValue());
                }
            } catch (JsonProcessingException e) {
                throw e;
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return documents;
        }
        // Anchors, aliases or merge keys: the linter's reader resolves them as Kubernetes' YAML reader does (go-yaml's
        // merge order, its alias budget).
        documents.addAll(KubernetesYaml.documents(text));
        return documents;
    }

    private static Manifest manifest(String environment, String path, JsonNode document) {
        if (document == null || !document.isObject()) {
            return null;
        }
        String apiVersion = document.path("apiVersion").asText("");
        String kind = document.path("kind").asText("");
        String name = document.path("metadata").path("name").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty() || name.isEmpty()) {
            return null;
        }
        String namespace = document.path("metadata").path("namespace").asText("");
        return new Manifest(environment, path, apiVersion, kind, namespace, name, document);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
