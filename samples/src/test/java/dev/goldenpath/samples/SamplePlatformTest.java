package dev.goldenpath.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.approvals.ManifestApprovals;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.generators.NetworkVerification;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.reachability.Edge;
import dev.goldenpath.vocabulary.Protocol;
import dev.goldenpath.lint.Finding;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.tree.RenderedTree;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SamplePlatformTest {

    private static final Rendering RENDERING = AcmePlatform.renderer().render(AcmePlatform.build());
    private static final RenderedTree TREE = RENDERING.tree();

    @Test
    void everyRenderedFileMatchesItsApprovedSnapshot() {
        ManifestApprovals.in(Path.of("src/test/approved")).verify(TREE);
    }

    @Test
    void rendersTwoTeamsSevenAppsOfEveryKindTwoEnvironments() {
        assertEquals(14, RENDERING.instances());
        assertEquals(List.of("api-gateway", "frontend", "ledger-archive", "ledger", "myapp", "nightly-settlement",
                        "payments-api"),
                TREE.paths().stream().filter(p -> p.startsWith("apps/production/") && p.endsWith("/kustomization.yaml"))
                        .map(p -> p.split("/")[2]).toList());
    }

    @Test
    void lintsCleanWithOnlyTheDeclaredWeakenings() {
        LintReport report = Linter.defaults().lint(TREE);
        assertEquals(List.of(), report.failing(), report::toString);
        List<String> weakened = report.weakened().stream().filter(f -> f.file().startsWith("apps/"))
                .map(f -> f.ruleId() + " " + f.object()).distinct().sorted().toList();
        // ledger's job before sync runs ledger's binary, so it carries ledger's declared weakening (and reason).
        assertEquals(List.of("read-only-root-filesystem Deployment payments-production/ledger",
                "read-only-root-filesystem Deployment payments-staging/ledger",
                "read-only-root-filesystem Job payments-production/ledger-migrate-schema",
                "read-only-root-filesystem Job payments-staging/ledger-migrate-schema"), weakened);
        for (Finding finding : report.weakened()) {
            if (finding.file().startsWith("apps/")) {
                assertTrue(finding.weakeningReason().contains("PAY-311"));
            } else {
                // The platform's own runtime-security agent is the one privileged workload, with its reasons; the
                // image scan's cluster-wide read access is the one cluster-wide binding.
                assertTrue(finding.file().contains("/falco/") || finding.file().contains("/trivy/clusterrolebinding-")
                        && finding.ruleId().equals("rbac-cluster-role"), finding::toString);
            }
        }
    }

    @Test
    void frontendAcceptsTrafficOnlyFromApiGatewayAndThePlatformGatewayOn8080() {
        NetworkPolicy frontend = Yaml.read(TREE.bytes("apps/production/frontend/networkpolicy.yaml").orElseThrow(), NetworkPolicy.class);
        assertEquals(2, frontend.getSpec().getIngress().size());
        Set<String> peers = new TreeSet<>();
        for (var rule : frontend.getSpec().getIngress()) {
            assertEquals(1, rule.getPorts().size());
            assertEquals(8080, rule.getPorts().get(0).getPort().getIntVal());
            var from = rule.getFrom().get(0);
            peers.add(from.getNamespaceSelector() == null ? "" : from.getNamespaceSelector().getMatchLabels()
                    .getOrDefault("kubernetes.io/metadata.name", ""));
            peers.add(String.valueOf(from.getPodSelector().getMatchLabels()));
        }
        // api-gateway's pods (same namespace) and the pods of the Gateway it exposes frontend through (expose(..)).
        assertTrue(peers.contains("{app.kubernetes.io/name=api-gateway}"), peers::toString);
        assertTrue(peers.contains("gateways") && peers.contains("{gateway.networking.k8s.io/gateway-name=public}"),
                peers::toString);
        String deployment = TREE.text("apps/production/frontend/deployment.yaml").orElseThrow();
        assertTrue(deployment.contains("runAsUser: 1000"));
        assertTrue(deployment.contains("fsGroup: 2000"));
        assertTrue(deployment.contains("readOnlyRootFilesystem: true"));
        assertTrue(deployment.contains("cpu: 250m") && deployment.contains("memory: 64Mi"));
        assertTrue(deployment.contains("cpu: 500m") && deployment.contains("memory: 128Mi"));
        assertTrue(TREE.text("platform/production/namespaces/production/namespace.yaml").orElseThrow()
                .contains("pod-security.kubernetes.io/enforce: restricted"));
    }

    @Test
    void networkPoliciesAllowExactlyTheDeclaredGraphInBothEnvironments() {
        var platform = AcmePlatform.build();
        var manifests = Renderer.secureByDefault().generate(platform);
        for (var environment : platform.environments()) {
            NetworkVerification.Result result = NetworkVerification.check(manifests, environment);
            assertTrue(result.exact(), result::toString);
            assertTrue(result.allowed().contains(new Edge(environment.name() + "/api-gateway", environment.name() + "/frontend",
                    8080, Protocol.TCP)));
        }
    }

    @Test
    void noPlaintextSecretIsRendered() {
        TREE.forEach((path, bytes) -> {
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(!text.contains("kind: Secret\n"), path);
        });
        String ledger = TREE.text("apps/production/ledger/sealedsecret-ledger-db.yaml").orElseThrow();
        assertTrue(ledger.contains("password: Ag"), ledger);
    }

    @Test
    void myappMayGetAndListPodsThroughRolePodReader() {
        Role role = Yaml.read(TREE.bytes("apps/production/myapp/role-pod-reader.yaml").orElseThrow(), Role.class);
        assertEquals(List.of("pods"), role.getRules().get(0).getResources());
        assertEquals(List.of("get", "list"), role.getRules().get(0).getVerbs());
        RoleBinding binding = Yaml.read(TREE.bytes("apps/production/myapp/rolebinding-pod-reader.yaml").orElseThrow(), RoleBinding.class);
        assertEquals("myapp", binding.getSubjects().get(0).getName());
        assertTrue(TREE.text("apps/production/myapp/deployment.yaml").orElseThrow().contains("automountServiceAccountToken: true"));
    }
}
