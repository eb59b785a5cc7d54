package dev.goldenpath.generators.workload;

import static dev.goldenpath.dsl.GoldenPath.baseline;
import static dev.goldenpath.dsl.GoldenPath.container;
import static dev.goldenpath.dsl.GoldenPath.cosignKey;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.goldenpath.dsl.Container;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.NetworkVerification;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.resolved.Manifests;
import dev.goldenpath.lint.Finding;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.reachability.Edge;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.vocabulary.Protocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Init containers and sidecars as Kubernetes reads them: parsed back from the rendered YAML, linted with the platform's
 * rules (PSS restricted included), and with the network proof evaluated by the reachability evaluator.
 */
class CompanionRenderingTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String SEALED = Base64.getEncoder().encodeToString(sealedShape());
    private static final String DEPLOYMENT = "apps/prod/web/deployment.yaml";

    private static Container.Builder proxy() {
        return container("proxy").image("mirror.example.com/mesh/proxy:1.22.0").port("proxy", 15001)
                .resources(requests("50m", "32Mi"), limits("100m", "64Mi"))
                .writablePath("/tmp");
    }

    private static Container.Builder migrate() {
        return container("migrate").image("registry.example.com/web/migrate:3.1.0").command("/bin/migrate")
                .resources(requests("100m", "64Mi"), limits("200m", "128Mi"))
                .writablePath("/tmp");
    }

    private static Container.Builder shipper() {
        return container("shipper").image("registry.example.com/ops/shipper:2.0.1")
                .resources(requests("20m", "16Mi"), limits("50m", "32Mi"))
                .liveness(exec("/bin/alive")).readiness(exec("/bin/ready"));
    }

    private static Platform.Builder spec(Environment.Builder environment) {
        return platform("acme").gitRepository("https://git.example.com/gitops.git")
                .environment(environment.cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32")
                        .namespacePattern("{environment}"))
                .team(team("web").owner("web@example.com"))
                .app(app("web").team("web").image("registry.example.com/web/web:1.0.0").port(8080)
                        .writablePath("/tmp")
                        .secret(sealed("db").ciphertext("password", SEALED).env("DB_PASSWORD", "password")
                                .mountAt("/etc/db"))
                        .sidecar(proxy())
                        .sidecar(shipper())
                        .initContainer(migrate().secrets("db"))
                        .calledBy("client", 8080))
                .app(app("client").team("web").image("registry.example.com/web/client:1.0.0").port(8080)
                        .calls("web", 15001));
    }

    private static Platform webAndClient() {
        return spec(environment("prod")).build();
    }

    private static JsonNode read(RenderedTree tree, String path) {
        try {
            return YAML.readTree(tree.text(path).orElseThrow(() -> new AssertionError("no " + path + " in " + tree.paths())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(JsonNode containers) {
        List<String> names = new ArrayList<>();
        containers.forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    @Test
    void nativeSidecarsComeFirstWithRestartPolicyAlwaysThenInitContainersInDeclaredOrder() {
        JsonNode pod = read(Renderer.secureByDefault().render(webAndClient()).tree(), DEPLOYMENT).at("/spec/template/spec");
        assertEquals(List.of("proxy", "shipper", "migrate"), names(pod.path("initContainers")));
        assertEquals(List.of("web"), names(pod.path("containers")));
        assertEquals("Always", pod.at("/initContainers/0/restartPolicy").asText());
        assertEquals("Always", pod.at("/initContainers/1/restartPolicy").asText());
        assertTrue(pod.at("/initContainers/2/restartPolicy").isMissingNode(), "an init container runs to completion");
    }

    @Test
    void everyContainerIsHardenedAndStatesItsResourcesAndItsOwnIdentity() {
        JsonNode pod = read(Renderer.secureByDefault().render(webAndClient()).tree(), DEPLOYMENT).at("/spec/template/spec");
        List<JsonNode> all = new ArrayList<>();
        pod.path("initContainers").forEach(all::add);
        pod.path("containers").forEach(all::add);
        assertEquals(4, all.size());
        for (JsonNode container : all) {
            String name = container.path("name").asText();
            JsonNode context = container.path("securityContext");
            assertFalse(context.path("allowPrivilegeEscalation").asBoolean(true), name);
            assertFalse(context.path("privileged").asBoolean(true), name);
            assertTrue(context.path("readOnlyRootFilesystem").asBoolean(), name);
            assertTrue(context.path("runAsNonRoot").asBoolean(), name);
            assertEquals("[\"ALL\"]", context.at("/capabilities/drop").toString(), name);
            for (String field : List.of("requests", "limits")) {
                assertFalse(container.at("/resources/" + field + "/cpu").asText().isEmpty(), name);
                assertFalse(container.at("/resources/" + field + "/memory").asText().isEmpty(), name);
            }
            assertEquals("IfNotPresent", container.path("imagePullPolicy").asText(), name);
        }
        // Companions state their own uid and gid: never the main container's by inheritance.
        for (int i = 0; i < 3; i++) {
            assertEquals(10001, pod.at("/initContainers/" + i + "/securityContext/runAsUser").asLong());
            assertEquals(10001, pod.at("/initContainers/" + i + "/securityContext/runAsGroup").asLong());
        }
        assertEquals("50m", pod.at("/initContainers/0/resources/requests/cpu").asText());
        assertEquals("128Mi", pod.at("/initContainers/2/resources/limits/memory").asText());
    }

    @Test
    void sidecarsAreProbedLikeTheMainContainerAndInitContainersAreNot() {
        JsonNode pod = read(Renderer.secureByDefault().render(webAndClient()).tree(), DEPLOYMENT).at("/spec/template/spec");
        assertEquals("proxy", pod.at("/initContainers/0/livenessProbe/tcpSocket/port").asText());
        assertEquals("proxy", pod.at("/initContainers/0/readinessProbe/tcpSocket/port").asText());
        assertEquals("[\"/bin/alive\"]", pod.at("/initContainers/1/livenessProbe/exec/command").toString());
        JsonNode init = pod.at("/initContainers/2");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertTrue(init.path(probe).isMissingNode(), probe);
        }
        assertTrue(init.path("ports").isMissingNode());
    }

    @Test
    void writablePathsAreEmptyDirsWithNamesUniqueAcrossThePodsContainers() {
        JsonNode pod = read(Renderer.secureByDefault().render(webAndClient()).tree(), DEPLOYMENT).at("/spec/template/spec");
        List<String> volumes = names(pod.path("volumes"));
        assertEquals(volumes.stream().distinct().toList(), volumes);
        assertTrue(volumes.containsAll(List.of("tmp", "proxy-tmp", "migrate-tmp")), volumes::toString);
        assertEquals("proxy-tmp", pod.at("/initContainers/0/volumeMounts/0/name").asText());
        assertEquals("/tmp", pod.at("/initContainers/0/volumeMounts/0/mountPath").asText());
        JsonNode proxyTmp = null;
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals("proxy-tmp")) {
                proxyTmp = volume;
            }
        }
        assertEquals(dev.goldenpath.dsl.WritablePath.DEFAULT_SIZE_LIMIT, proxyTmp.at("/emptyDir/sizeLimit").asText());
    }

    @Test
    void aCompanionGetsOnlyTheSecretsItIsGiven() {
        JsonNode pod = read(Renderer.secureByDefault().render(webAndClient()).tree(), DEPLOYMENT).at("/spec/template/spec");
        JsonNode migrate = pod.at("/initContainers/2");
        assertEquals("db", migrate.at("/env/0/valueFrom/secretKeyRef/name").asText());
        assertEquals("DB_PASSWORD", migrate.at("/env/0/name").asText());
        assertTrue(names(migrate.path("volumeMounts")).stream().anyMatch(n -> n.startsWith("secret-db")));
        for (int i = 0; i < 2; i++) {
            JsonNode sidecar = pod.at("/initContainers/" + i);
            assertTrue(sidecar.path("env").isMissingNode(), sidecar.path("name").asText());
            assertTrue(names(sidecar.path("volumeMounts")).stream().noneMatch(n -> n.startsWith("secret-")));
        }
    }

    @Test
    void aSidecarsPortIsAServicePortThatCallersReachAndNothingElse() {
        Platform platform = webAndClient();
        RenderedTree tree = Renderer.secureByDefault().render(platform).tree();
        JsonNode service = read(tree, "apps/prod/web/service.yaml");
        assertEquals("[8080,15001]", service.at("/spec/ports").findValues("port").toString().replace(" ", ""));
        Manifests manifests = Renderer.secureByDefault().generate(platform);
        NetworkVerification.Result result = NetworkVerification.check(manifests, platform.environment("prod").orElseThrow());
        assertTrue(result.exact(), result::toString);
        assertTrue(result.allowed().contains(new Edge("prod/client", "prod/web", 15001, Protocol.TCP)), result::toString);
        // web's calledBy("client", 8080) and client's calls("web", 15001) merge into one edge on both ports.
        assertTrue(result.allowed().contains(new Edge("prod/client", "prod/web", 8080, Protocol.TCP)), result::toString);
        assertFalse(result.allowed().contains(new Edge("prod/web", "prod/client", 15001, Protocol.TCP)));
    }

    @Test
    void everyContainerPassesTheLinterAndPssRestricted() {
        LintReport report = Linter.defaults().lint(Renderer.secureByDefault().render(webAndClient()).tree());
        List<Finding> apps = report.findings().stream().filter(f -> f.file().startsWith("apps/")).toList();
        assertEquals(List.of(), apps, "no finding at all on the app's objects, not even a warning");
    }

    @Test
    void aWeakenedSidecarIsReportedAsItselfAndItsNamespaceAdmitsIt() {
        Platform platform = spec(environment("prod"))
                .app(app("tunnel").team("web").image("registry.example.com/web/tunnel:1.0.0").port(8443)
                        .sidecar(container("vpn").image("registry.example.com/ops/vpn:1.0.0").port("vpn", 51820)
                                .addCapabilities("NET_ADMIN")
                                .resources(requests("20m", "16Mi"), limits("50m", "32Mi")))
                        .weaken(Weakening.ADDED_CAPABILITIES, "the vpn sidecar sets up the tunnel interface; NET-12"))
                .build();
        RenderedTree tree = Renderer.secureByDefault().render(platform).tree();
        LintReport report = Linter.defaults().lint(tree);
        List<Finding> weakened = report.findings().stream().filter(f -> f.file().equals("apps/prod/tunnel/deployment.yaml"))
                .toList();
        assertFalse(weakened.isEmpty());
        assertTrue(weakened.stream().allMatch(Finding::weakened), weakened::toString);
        assertTrue(weakened.stream().allMatch(f -> f.fieldPath().startsWith("spec.template.spec.initContainers[0]")
                && f.message().contains("init container \"vpn\"")), weakened::toString);
        // NET_ADMIN is outside PSS baseline: the namespace enforces privileged for the sidecar, with the reason.
        JsonNode namespace = tree.paths().stream().filter(p -> p.startsWith("platform/prod/namespaces/prod/"))
                .map(p -> read(tree, p)).filter(o -> o.path("kind").asText().equals("Namespace")).findFirst().orElseThrow();
        assertEquals("privileged", namespace.at("/metadata/labels").path("pod-security.kubernetes.io/enforce").asText());
    }

    @Test
    void withoutNativeSidecarsSidecarsAreRegularContainersAfterTheMainOne() {
        Platform platform = spec(environment("prod").nativeSidecars(false)).build();
        RenderedTree tree = Renderer.secureByDefault().render(platform).tree();
        JsonNode pod = read(tree, DEPLOYMENT).at("/spec/template/spec");
        assertEquals(List.of("web", "proxy", "shipper"), names(pod.path("containers")));
        assertEquals(List.of("migrate"), names(pod.path("initContainers")));
        pod.path("containers").forEach(c -> assertTrue(c.path("restartPolicy").isMissingNode()));
        assertEquals(List.of(), Linter.defaults().lint(tree).findings().stream()
                .filter(f -> f.file().startsWith("apps/")).toList());
        NetworkVerification.Result result = NetworkVerification.check(Renderer.secureByDefault().generate(platform),
                platform.environment("prod").orElseThrow());
        assertTrue(result.exact(), result::toString);
        assertTrue(result.allowed().contains(new Edge("prod/client", "prod/web", 15001, Protocol.TCP)), result::toString);
    }

    @Test
    void sidecarImagesAreCoveredByTheSignaturePolicy() {
        Platform platform = spec(environment("prod")).baseline(baseline().signedImages(cosignKey(pem()))).build();
        RenderedTree tree = Renderer.secureByDefault().render(platform).tree();
        JsonNode policy = read(tree, "platform/prod/sigstore/clusterimagepolicy-goldenpath-signed-images-prod.yaml");
        assertEquals("[{\"glob\":\"mirror.example.com/**\"},{\"glob\":\"registry.example.com/**\"}]",
                policy.at("/spec/images").toString());
    }

    @Test
    void rendersByteIdenticallyTwice() {
        RenderedTree first = Renderer.secureByDefault().render(webAndClient()).tree();
        RenderedTree second = Renderer.secureByDefault().render(webAndClient()).tree();
        assertEquals(first.paths(), second.paths());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.bytes(path).orElseThrow(), path));
    }

    @Test
    void theAppsFolderBuildsWithKubectlKustomize(@TempDir Path dir) throws Exception {
        Path kubectl = Path.of("/usr/bin/kubectl");
        Assumptions.assumeTrue(Files.isExecutable(kubectl), "kubectl is not installed at /usr/bin/kubectl: skipping "
                + "the kubectl kustomize build of the rendered app folder");
        Renderer.secureByDefault().render(webAndClient()).tree().writeTo(dir);
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.resolve("apps/prod/web").toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        JsonNode deployment = null;
        for (JsonNode document : YAML.readValues(YAML.createParser(output), JsonNode.class).readAll()) {
            if (document.path("kind").asText().equals("Deployment")) {
                deployment = document;
            }
        }
        assertEquals(List.of("proxy", "shipper", "migrate"),
                names(deployment.at("/spec/template/spec/initContainers")));
    }

    private static String pem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sealedShape() {
        byte[] bytes = new byte[2 + 256 + 16];
        bytes[0] = 1;
        return bytes;
    }
}
