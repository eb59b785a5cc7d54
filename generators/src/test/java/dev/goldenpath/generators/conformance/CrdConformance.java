package dev.goldenpath.generators.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.goldenpath.secrets.testing.CrdSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks every custom resource of a render against its upstream CRD in {@code /work/shared/crds} with
 * {@link StructuralSchema}: the served version's schema (refusing versions that are not served), and the
 * Gatekeeper constraint kinds against the CRD Gatekeeper generates from their ConstraintTemplate.
 *
 * <pre>{@code
 * CrdConformance.load().ifPresent(crds -> assertEquals(List.of(), crds.check(rendering).violations()));
 * }</pre>
 */
public final class CrdConformance {

    /** Groups of the built-in kinds: not custom resources. */
    private static final Set<String> BUILT_IN = Set.of("", "apps", "batch", "policy", "networking.k8s.io",
            "rbac.authorization.k8s.io", "autoscaling", "storage.k8s.io", "scheduling.k8s.io", "coordination.k8s.io");
    private static final String CONSTRAINTS = "constraints.gatekeeper.sh";
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Path, CrdConformance> LOADED = new HashMap<>();

    /** group/kind to CRD. */
    private final Map<String, JsonNode> crds;
    private final Map<String, StructuralSchema> schemas = new HashMap<>();
    private final CelRules cel = new CelRules();

    private CrdConformance(Map<String, JsonNode> crds) {
        this.crds = crds;
    }

    /** The CRDs of {@code ../shared/crds} (or {@code -Dgoldenpath.crds}), when this checkout has them. */
    public static synchronized Optional<CrdConformance> load() {
        Optional<Path> directory = CrdSchemas.directory();
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LOADED.computeIfAbsent(directory.get(), CrdConformance::read));
    }

    private static CrdConformance read(Path directory) {
        Map<String, JsonNode> crds = new HashMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode crd = YAML.readTree(file.toFile());
                if ("CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    crds.put(crd.at("/spec/group").asText() + "/" + crd.at("/spec/names/kind").asText(), crd);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CrdConformance(crds);
    }

    /**
     * What a check found.
     *
     * @param violations    every problem, as {@code <file>: <kind> <name>: <field>: <problem>}
     * @param checked       how many objects of each kind were checked
     * @param celNotChecked CEL rules the objects reached that are not evaluated ({@code <field>: <rule>})
     */
    public record Result(List<String> violations, SortedMap<String, Integer> checked, Set<String> celNotChecked) {
    }

    /** Checks every custom resource of a rendered tree. */
    public Result check(dev.goldenpath.tree.RenderedTree tree) {
        List<String> paths = tree.paths().stream().filter(p -> p.endsWith(".yaml") && !p.endsWith("kustomization.yaml"))
                .toList();
        return check(paths, paths.stream().map(p -> dev.goldenpath.generators.yaml.Yaml.read(tree.bytes(p).orElseThrow()))
                .toList());
    }

    /** Checks every custom resource among {@code objects} (placed at {@code paths}). */
    public synchronized Result check(List<String> paths, List<? extends JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        SortedMap<String, Integer> checked = new TreeMap<>();
        Map<String, JsonNode> templates = new HashMap<>();
        for (JsonNode object : objects) {
            if ("ConstraintTemplate".equals(object.path("kind").asText())) {
                templates.put(object.at("/spec/crd/spec/names/kind").asText(), object);
            }
        }
        for (int i = 0; i < objects.size(); i++) {
            JsonNode object = objects.get(i);
            String apiVersion = object.path("apiVersion").asText();
            String kind = object.path("kind").asText();
            int slash = apiVersion.indexOf('/');
            String group = slash < 0 ? "" : apiVersion.substring(0, slash);
            if (BUILT_IN.contains(group) || group.endsWith(".k8s.io") && !group.equals("gateway.networking.k8s.io")) {
                continue;
            }
            Optional<StructuralSchema> schema = group.equals(CONSTRAINTS)
                    ? Optional.ofNullable(templates.get(kind)).map(t -> schemas.computeIfAbsent(CONSTRAINTS + "/" + kind,
                            k -> new StructuralSchema(constraintSchema(t), cel)))
                    : schema(group, apiVersion.substring(slash + 1), kind, paths.get(i), violations);
            if (schema.isEmpty()) {
                if (group.equals(CONSTRAINTS)) {
                    violations.add(paths.get(i) + ": no ConstraintTemplate in the render defines " + kind);
                }
                continue;
            }
            String where = paths.get(i) + ": " + kind + " ";
            schema.get().violations(object).forEach(v -> violations.add(where
                    + object.at("/metadata/name").asText() + ": " + v));
            checked.merge(kind, 1, Integer::sum);
        }
        return new Result(violations, checked, Set.copyOf(cel.notChecked()));
    }

    private Optional<StructuralSchema> schema(String group, String version, String kind, String path, List<String> violations) {
        JsonNode crd = crds.get(group + "/" + kind);
        if (crd == null) {
            violations.add(path + ": no CRD for " + group + " " + kind + " in the shared CRDs: add it, or the kind is"
                    + " not checked");
            return Optional.empty();
        }
        for (JsonNode candidate : crd.at("/spec/versions")) {
            if (candidate.path("name").asText().equals(version)) {
                if (!candidate.path("served").asBoolean()) {
                    violations.add(path + ": " + group + "/" + version + " " + kind + " is not served: the API server"
                            + " refuses it");
                    return Optional.empty();
                }
                return Optional.of(schemas.computeIfAbsent(group + "/" + version + "/" + kind,
                        k -> new StructuralSchema(candidate.at("/schema/openAPIV3Schema"), cel)));
            }
        }
        violations.add(path + ": the CRD of " + kind + " has no version " + version);
        return Optional.empty();
    }

    /**
     * The schema Gatekeeper generates for a template's constraint kind: {@code enforcementAction}, the match fields
     * of Gatekeeper's match type, and the template's parameter schema under {@code parameters}.
     */
    private static JsonNode constraintSchema(JsonNode template) {
        ObjectNode root = NODES.objectNode().put("type", "object");
        ObjectNode spec = root.putObject("properties").putObject("spec").put("type", "object");
        ObjectNode properties = spec.putObject("properties");
        properties.putObject("enforcementAction").put("type", "string");
        ObjectNode match = properties.putObject("match").put("type", "object").putObject("properties");
        ObjectNode kinds = match.putObject("kinds").put("type", "array").putObject("items").put("type", "object")
                .putObject("properties");
        kinds.putObject("apiGroups").put("type", "array").putObject("items").put("type", "string");
        kinds.putObject("kinds").put("type", "array").putObject("items").put("type", "string");
        for (String list : List.of("namespaces", "excludedNamespaces")) {
            match.putObject(list).put("type", "array").putObject("items").put("type", "string");
        }
        match.putObject("scope").put("type", "string").putArray("enum").add("*").add("Cluster").add("Namespaced");
        match.putObject("source").put("type", "string").putArray("enum").add("All").add("Generated").add("Original");
        match.putObject("name").put("type", "string");
        for (String selector : List.of("labelSelector", "namespaceSelector")) {
            match.putObject(selector).put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
        }
        properties.set("parameters", template.at("/spec/crd/spec/validation/openAPIV3Schema").deepCopy());
        return root;
    }
}
