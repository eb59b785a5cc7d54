package dev.goldenpath.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.generators.extension.PlatformGenerator;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.secrets.testing.CrdSchemas;
import dev.goldenpath.tree.RenderedTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The samples' escape hatches: the frontend customization, the api-gateway certificate (an extra object) and the
 * ServiceMonitor platform generator reach the output, conform to the upstream CRDs, pass the checks, render the same
 * bytes every time, and are the ones the command line and the Maven plugin find.
 */
class BeyondTheGoldenPathTest {

    private static final RenderedTree TREE = AcmePlatform.renderer().render(AcmePlatform.build()).tree();

    private static JsonNode read(String path) {
        return Yaml.read(TREE.bytes(path).orElseThrow(() -> new AssertionError("missing " + path)));
    }

    private static Path crds(String project) {
        Path folder = CrdSchemas.directory().map(d -> d.resolve(project)).filter(Files::isDirectory).orElse(null);
        assumeTrue(folder != null, "Skipped: the upstream " + project + " CRDs are not in this checkout (expected "
                + "/work/shared/crds/" + project + ", or set -Dgoldenpath.crds=<the crds folder>)");
        return folder;
    }

    @Test
    void theShellsFindTheSameGeneratorsInTheSameOrder() {
        // The test class path also holds the generators module's test-jar, whose test generators are listed too.
        assertEquals(List.of(AcmeCustomizations.class, ServiceMonitors.class),
                PlatformGenerator.find(getClass().getClassLoader()).stream().map(Object::getClass)
                        .filter(c -> c.getPackageName().equals("dev.goldenpath.samples")).toList());
        assertEquals(TREE, AcmePlatform.renderer().render(AcmePlatform.build()).tree(), "deterministic");
    }

    @Test
    void everyAppWithAMetricsPortGetsAServiceMonitorThatConformsToTheCrd() {
        Path crd = crds("prometheus-operator").resolve("monitoring.coreos.com_servicemonitors.yaml");
        List<String> monitors = TREE.paths().stream().filter(p -> p.endsWith("/servicemonitor.yaml")).toList();
        assertEquals(List.of("apps/production/api-gateway/servicemonitor.yaml", "apps/staging/api-gateway/servicemonitor.yaml"),
                monitors);
        List<String> problems = new ArrayList<>();
        for (String path : monitors) {
            CrdSchemas.violations(crd, read(path)).forEach(v -> problems.add(path + ": " + v));
            JsonNode monitor = read(path);
            String folder = path.substring(0, path.lastIndexOf('/'));
            JsonNode service = read(folder + "/service.yaml");
            // It selects the app's Service and scrapes a port the Service names, in the Service's namespace.
            assertEquals(service.at("/metadata/namespace"), monitor.at("/metadata/namespace"));
            assertEquals(service.at("/metadata/labels/app.kubernetes.io~1name"),
                    monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1name"));
            List<String> ports = new ArrayList<>();
            service.at("/spec/ports").forEach(p -> ports.add(p.path("name").asText()));
            assertTrue(ports.contains(monitor.at("/spec/endpoints/0/port").asText()), ports::toString);
            assertTrue(TREE.text(folder + "/kustomization.yaml").orElseThrow().contains("- servicemonitor.yaml"));
        }
        assertEquals(List.of(), problems);
        JsonNode project = read("argocd/production/appproject-web-production.yaml");
        assertTrue(project.at("/spec/namespaceResourceWhitelist").toString()
                .contains("{\"group\":\"monitoring.coreos.com\",\"kind\":\"ServiceMonitor\"}"), project::toString);
    }

    @Test
    void theGatewayCertificateIsAnExtraObjectThatConformsToTheCrd() {
        Path crd = crds("cert-manager").resolve("cert-manager.io_certificates.yaml");
        for (String environment : List.of("staging", "production")) {
            JsonNode certificate = read("apps/" + environment + "/api-gateway/certificate-api-gateway-tls.yaml");
            assertEquals(List.of(), CrdSchemas.violations(crd, certificate));
            assertEquals("api-gateway." + environment + ".svc", certificate.at("/spec/dnsNames/0").asText());
            assertEquals(environment, certificate.at("/metadata/namespace").asText());
            assertEquals("web", certificate.at("/metadata/labels/owner").asText());
        }
    }

    @Test
    void theFrontendCustomizationReachesTheOutputAndEverythingLintsClean() {
        for (String environment : List.of("staging", "production")) {
            JsonNode dns = read("apps/" + environment + "/frontend/deployment.yaml").at("/spec/template/spec/dnsConfig");
            assertEquals("ndots", dns.at("/options/0/name").asText());
            assertEquals("2", dns.at("/options/0/value").asText());
        }
        assertEquals(List.of(), Linter.defaults().lint(TREE).failing());
    }
}
