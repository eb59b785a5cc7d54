package dev.goldenpath.generators.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.secrets.testing.CrdSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the API server does with a structural schema, and what the JSON-Schema check the older conformance tests use
 * ({@code CrdSchemas}, networknt after a conversion) lets through.
 */
class StructuralSchemaTest {

    /** One schema exercising each Kubernetes extension. */
    private static final String SCHEMA = """
            type: object
            properties:
              spec:
                type: object
                properties:
                  json:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
                    properties:
                      spec:
                        type: object
                        properties:
                          foo: {type: string}
                  opaque: {type: object}
                  ports:
                    type: array
                    x-kubernetes-list-type: map
                    x-kubernetes-list-map-keys: [port]
                    items:
                      type: object
                      properties:
                        port: {type: integer}
                        name: {type: string, maxLength: 3}
                  hosts:
                    type: array
                    x-kubernetes-list-type: set
                    items: {type: string}
                  target: {x-kubernetes-int-or-string: true}
                  data: {type: string, format: byte}
                  note: {type: string, nullable: true}
                  resource: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
                  mode: {type: string, enum: [A, B]}
                  count: {type: integer, minimum: 1, maximum: 3}
                  selector:
                    type: object
                    additionalProperties: {type: string, x-kubernetes-validations: [{rule: '!self.contains("*")', message: no wildcard}]}
                    x-kubernetes-validations: [{rule: 'self.size() < 5 && true', message: an unknown rule}]
                  either:
                    type: object
                    properties:
                      a: {type: string}
                      b: {type: string}
                    oneOf: [{required: [a]}, {required: [b]}]
            """;

    private static List<String> violations(String spec) {
        return new StructuralSchema(yaml(SCHEMA), new CelRules()).violations(yaml("apiVersion: x/v1\nkind: X\nmetadata: {name: x}\nspec:\n" + spec));
    }

    private static JsonNode yaml(String text) {
        return Yaml.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void preserveUnknownFieldsKeepsOnlyItsOwnNodesFields() {
        assertEquals(List.of(), violations("  json: {other: {anything: 1}, spec: {foo: x}}"));
        // Kubernetes docs, "Controlling pruning": the specified spec object below a preserving node still prunes.
        assertEquals(List.of("spec.json.spec.something: is not in the schema: the API server would prune it (or refuse it"
                + " with strict field validation)"), violations("  json: {spec: {foo: x, something: y}}"));
    }

    @Test
    void anObjectWithoutPropertiesKeepsNothing() {
        assertTrue(violations("  opaque: {kept: no}").get(0).startsWith("spec.opaque.kept: is not in the schema"));
        assertTrue(violations("  typo: 1").get(0).startsWith("spec.typo: is not in the schema"));
    }

    @Test
    void listTypesMakeItemsUnique() {
        assertEquals(List.of("spec.ports: holds two items with the map keys [80] (list-type map)"),
                violations("  ports: [{port: 80, name: a}, {port: 80, name: b}]"));
        assertEquals(List.of("spec.hosts: holds \"a\" twice (items must be unique)"), violations("  hosts: [a, b, a]"));
    }

    @Test
    void valuesAreCheckedAsTheApiServerChecksThem() {
        assertEquals(List.of(), violations("  target: 8080\n  note: null\n  ports: [{port: 1, name: \"😀😀😀\"}]"));
        assertEquals(List.of("spec.target: must be an integer or a string, is BOOLEAN"), violations("  target: true"));
        assertEquals(List.of("spec.ports[0].name: is 4 characters, over the maxLength 3"), violations("  ports: [{port: 1, name: abcd}]"));
        assertEquals(List.of("spec.data: is not base64 (format byte)"), violations("  data: 'not base64!'"));
        assertEquals(List.of("spec.resource: an embedded resource needs 'metadata'"), violations("  resource: {apiVersion: v1, kind: X}"));
        assertEquals(List.of("spec.mode: 'C' is not one of [\"A\",\"B\"]"), violations("  mode: C"));
        assertEquals(List.of("spec.count: 4.0 is over the maximum 3"), violations("  count: 4"));
        assertEquals(List.of("spec.either: matches 2 of oneOf, must match exactly one"), violations("  either: {a: x, b: y}"));
        assertEquals(List.of("spec.count: must be of type integer, is STRING '2'"), violations("  count: '2'"));
    }

    @Test
    void celRulesAreEvaluatedOrReportedAsNotChecked() {
        CelRules cel = new CelRules();
        List<String> problems = new StructuralSchema(yaml(SCHEMA), cel)
                .violations(yaml("apiVersion: x/v1\nkind: X\nspec:\n  selector: {app: 'web*'}"));
        assertEquals(List.of("spec.selector.app: CEL rule fails: no wildcard"), problems);
        assertEquals(Set.of("spec.selector: self.size() < 5 && true"), cel.notChecked());
    }

    @Test
    void theJsonSchemaCheckOfTheOlderTestsMissesPruningListTypesAndCel(@TempDir Path temp) throws Exception {
        ObjectNode crd = (ObjectNode) yaml("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                spec:
                  group: x
                  names: {kind: X}
                  versions: [{name: v1, served: true, storage: true}]
                """);
        ((ObjectNode) crd.at("/spec/versions/0")).putObject("schema").set("openAPIV3Schema", yaml(SCHEMA));
        Path file = temp.resolve("x_xs.yaml");
        Files.write(file, Yaml.write(crd));
        for (String missed : List.of("  json: {spec: {foo: x, something: y}}", "  opaque: {kept: no}",
                "  ports: [{port: 80}, {port: 80}]", "  selector: {app: 'web*'}")) {
            JsonNode object = yaml("apiVersion: x/v1\nkind: X\nmetadata: {name: x}\nspec:\n" + missed);
            assertEquals(List.of(), CrdSchemas.violations(file, object), missed);
            assertEquals(1, violations(missed).size(), missed);
        }
    }
}
