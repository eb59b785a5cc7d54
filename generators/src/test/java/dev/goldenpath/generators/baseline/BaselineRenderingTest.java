package dev.goldenpath.generators.baseline;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.baseline;
import static dev.goldenpath.dsl.GoldenPath.cosignKey;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.keyless;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.runtimeProfile;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.toleration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Toleration;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.resolved.Manifests;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.generators.argocd.ArgoCd;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.lint.Finding;
import dev.goldenpath.tree.RenderedTree;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BaselineRenderingTest {

    static final String PEM = pem();

    static Platform.Builder spec() {
        return spec("2.1", "2.2-rc.1");
    }

    /** The spec with db's image tags: everywhere, and in staging. */
    static Platform.Builder spec(String dbTag, String dbStagingTag) {
        return platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .istioMesh()
                .environment(environment("staging").apiServer(6443, "10.20.0.10/32").cluster("https://staging.example.com:6443"))
                .environment(environment("production").apiServer(6443, "10.20.0.10/32").podSecurityVersion("v1.33").cluster("https://kubernetes.default.svc"))
                .team(team("web").owner("web@example.com"))
                .team(team("data").owner("data@example.com"))
                .app(app("api").team("web").image("registry.example.com/web/api:1.0").port(8080).calls("db", 5432)
                        .calledByIngressController(8080).writablePath("/etc/api/cache"))
                .app(app("db").team("data").image("registry.example.com:5000/data/db:" + dbTag).port("postgres", 5432)
                        .liveness(exec("/usr/local/bin/db-health"))
                        .runtimeProfile(runtimeProfile().allowProcesses("/usr/local/bin/db", "postgres").protect("/usr", "/etc"))
                        .runAsUser(0)
                        .weaken(Weakening.RUN_AS_ROOT, "vendor image needs uid 0; ticket DATA-7 approved by security")
                        .in("staging", o -> o.imageTag(dbStagingTag)))
                .baseline(baseline()
                        .signedImages(cosignKey(PEM))
                        .falcoOn(Map.of("node-role.example.com/security", "true"),
                                toleration("node-role.example.com/security", "true", Toleration.Effect.NO_SCHEDULE)));
    }

    /** Renders the platform: the Renderer adds the baseline before Argo CD's projects are derived. */
    static Rendering render(Platform platform) {
        return Renderer.secureByDefault().render(platform);
    }

    static JsonNode read(RenderedTree tree, String path) {
        return Yaml.read(tree.bytes(path).orElseThrow(() -> new AssertionError("not rendered: " + path + " in "
                + tree.paths().stream().filter(p -> p.startsWith("platform/")).toList())));
    }

    @Test
    void rendersEveryComponentForEveryEnvironment() {
        RenderedTree tree = render(spec().build()).tree();
        for (String environment : List.of("staging", "production")) {
            String root = "platform/" + environment + "/";
            for (String file : List.of(
                    "gatekeeper/constrainttemplate-k8srequiredlabels.yaml",
                    "gatekeeper/k8srequiredlabels-goldenpath-required-labels-" + environment + ".yaml",
                    "kyverno/clusterpolicy-goldenpath-pod-security-" + environment + ".yaml",
                    "kyverno/clusterpolicy-goldenpath-add-security-context-" + environment + ".yaml",
                    "sigstore/clusterimagepolicy-goldenpath-signed-images-" + environment + ".yaml",
                    "istio/peerauthentication-default.yaml",
                    "falco/namespace.yaml", "falco/networkpolicy-default-deny.yaml", "falco/configmap-falco-rules.yaml",
                    "falco/daemonset.yaml",
                    "trivy/namespace.yaml", "trivy/networkpolicy-default-deny.yaml",
                    "trivy/networkpolicy-trivy-scan-egress.yaml", "trivy/serviceaccount-trivy-scan.yaml",
                    "trivy/persistentvolumeclaim-trivy-reports.yaml", "trivy/cronjob-trivy-scan.yaml")) {
                read(tree, root + file);
            }
            // Every component folder is linked into the environment's kustomization, so Argo CD applies it.
            JsonNode kustomization = read(tree, root + "kustomization.yaml");
            List<String> resources = new ArrayList<>();
            kustomization.path("resources").forEach(r -> resources.add(r.asText()));
            assertTrue(resources.containsAll(List.of("falco", "gatekeeper", "istio", "kyverno", "sigstore", "trivy")),
                    resources.toString());
        }
        assertEquals("istio-system", read(tree, "platform/production/istio/peerauthentication-default.yaml")
                .at("/metadata/namespace").asText());
        assertEquals("STRICT", read(tree, "platform/production/istio/peerauthentication-default.yaml")
                .at("/spec/mtls/mode").asText());
    }

    @Test
    void passesTheLinterWithWeakeningsDeclaredOnlyOnFalcoAndTheScansApiAccess() {
        Rendering rendering = render(spec().build());
        assertTrue(rendering.lint().failing().isEmpty(), rendering.lint().failing().toString());
        TreeSet<String> weakenedOutsideApps = new TreeSet<>();
        for (Finding finding : rendering.lint().weakened()) {
            if (finding.file().startsWith("platform/") && !finding.file().contains("/namespaces/")) {
                weakenedOutsideApps.add(finding.file().replaceFirst("platform/([a-z]+)/(.*)-\\1\\.yaml", "$2-<env>.yaml")
                        .replaceFirst("platform/[a-z]+/", "") + " " + finding.ruleId());
            }
        }
        assertEquals(new TreeSet<>(List.of(
                "falco/daemonset.yaml pss-app-armor",
                "falco/daemonset.yaml pss-capabilities-baseline",
                "falco/daemonset.yaml pss-host-path-volumes",
                "falco/daemonset.yaml pss-run-as-non-root",
                "falco/daemonset.yaml pss-run-as-user",
                "falco/namespace.yaml namespace-pod-security",
                "trivy/clusterrolebinding-goldenpath-trivy-scan-<env>.yaml rbac-cluster-role")), weakenedOutsideApps);
    }

    @Test
    void auditsOutsideProductionAndEnforcesInProduction() {
        RenderedTree tree = render(spec().build()).tree();
        assertEquals("warn", read(tree, "platform/staging/gatekeeper/k8srequiredlabels-goldenpath-required-labels-staging.yaml")
                .at("/spec/enforcementAction").asText());
        assertEquals("deny", read(tree, "platform/production/gatekeeper/k8srequiredlabels-goldenpath-required-labels-production.yaml")
                .at("/spec/enforcementAction").asText());
        assertEquals("Audit", read(tree, "platform/staging/kyverno/clusterpolicy-goldenpath-pod-security-staging.yaml")
                .at("/spec/rules/0/validate/failureAction").asText());
        assertEquals("Enforce", read(tree, "platform/production/kyverno/clusterpolicy-goldenpath-pod-security-production.yaml")
                .at("/spec/rules/0/validate/failureAction").asText());
        assertEquals("warn", read(tree, "platform/staging/sigstore/clusterimagepolicy-goldenpath-signed-images-staging.yaml")
                .at("/spec/mode").asText());
        assertEquals("enforce", read(tree, "platform/production/sigstore/clusterimagepolicy-goldenpath-signed-images-production.yaml")
                .at("/spec/mode").asText());
        RenderedTree enforcedEverywhere = render(spec().baseline(baseline().enforceIn("staging")).build()).tree();
        assertEquals("deny", read(enforcedEverywhere,
                "platform/staging/gatekeeper/k8srequiredlabels-goldenpath-required-labels-staging.yaml")
                .at("/spec/enforcementAction").asText());
    }

    @Test
    void requiresTheLabelsOnWorkloadsAndNamespacesOfThePlatformOnly() {
        JsonNode constraint = read(render(spec().build()).tree(),
                "platform/production/gatekeeper/k8srequiredlabels-goldenpath-required-labels-production.yaml");
        assertEquals("[\"data-production\",\"falco\",\"trivy\",\"web-production\"]", constraint.at("/spec/match/namespaces").toString());
        assertEquals("[\"owner\",\"environment\",\"app\"]", constraint.at("/spec/parameters/labels").toString());
        assertTrue(constraint.at("/spec/match/kinds").toString().contains("\"Namespace\""));
        assertEquals("SkipDryRunOnMissingResource=true",
                constraint.at("/metadata/annotations/argocd.argoproj.io~1sync-options").asText());
    }

    @Test
    void validatesEachNamespaceAtItsOwnPodSecurityLevel() {
        JsonNode policy = read(render(spec().build()).tree(),
                "platform/production/kyverno/clusterpolicy-goldenpath-pod-security-production.yaml");
        // db runs as root (declared): its namespace is checked at baseline, the others at restricted, Falco's not at all.
        assertEquals("pss-restricted", policy.at("/spec/rules/0/name").asText());
        assertEquals("[\"trivy\",\"web-production\"]", policy.at("/spec/rules/0/match/any/0/resources/namespaces").toString());
        // Kyverno implements PSS up to v1.32: the environment's v1.33 pin is checked with Kyverno's latest.
        assertEquals("latest", policy.at("/spec/rules/0/validate/podSecurity/version").asText());
        assertEquals("v1.32", Admission.kyvernoPssVersion("v1.32"));
        assertEquals("pss-baseline", policy.at("/spec/rules/1/name").asText());
        assertEquals("[\"data-production\"]", policy.at("/spec/rules/1/match/any/0/resources/namespaces").toString());
        JsonNode mutation = read(render(spec().build()).tree(),
                "platform/production/kyverno/clusterpolicy-goldenpath-add-security-context-production.yaml");
        assertEquals("[\"trivy\",\"web-production\"]", mutation.at("/spec/rules/0/match/any/0/resources/namespaces").toString());
        assertTrue(mutation.at("/spec/rules/0/mutate/patchStrategicMerge/spec/securityContext/+(runAsNonRoot)").asBoolean());
    }

    @Test
    void requiresSignaturesOnTheAppsRegistries() {
        RenderedTree tree = render(spec().build()).tree();
        JsonNode policy = read(tree, "platform/production/sigstore/clusterimagepolicy-goldenpath-signed-images-production.yaml");
        assertEquals("[{\"glob\":\"registry.example.com/**\"},{\"glob\":\"registry.example.com:5000/**\"}]",
                policy.at("/spec/images").toString());
        assertEquals(PEM.strip() + "\n", policy.at("/spec/authorities/0/key/data").asText());
        assertEquals(Map.of("policy.sigstore.dev/include", "true"), dev.goldenpath.generators.namespace.Namespaces.baselineOptIns(spec().build()));

        Platform keyless = spec().baseline(baseline().signedImages(keyless("https://token.actions.githubusercontent.com",
                "https://github.com/acme/ci/.github/workflows/release.yml@refs/heads/main", "registry.example.com/**"))).build();
        JsonNode keylessPolicy = read(render(keyless).tree(),
                "platform/staging/sigstore/clusterimagepolicy-goldenpath-signed-images-staging.yaml");
        assertEquals("[{\"glob\":\"registry.example.com/**\"}]", keylessPolicy.at("/spec/images").toString());
        assertEquals("https://token.actions.githubusercontent.com",
                keylessPolicy.at("/spec/authorities/0/keyless/identities/0/issuer").asText());
        assertEquals("https://rekor.sigstore.dev", keylessPolicy.at("/spec/authorities/0/ctlog/url").asText());
        assertFalse(keyless.baseline().imageSignatures().orElseThrow().toString().contains("BEGIN"));
        assertFalse(spec().build().baseline().imageSignatures().orElseThrow().toString().contains(PEM.substring(30, 60)));
    }

    @Test
    void runsFalcoOnTheSecurityNodesWithRulesMounted() {
        JsonNode daemonSet = read(render(spec().build()).tree(), "platform/production/falco/daemonset.yaml");
        JsonNode pod = daemonSet.at("/spec/template/spec");
        assertEquals("true", pod.at("/nodeSelector/node-role.example.com~1security").asText());
        assertEquals("NoSchedule", pod.at("/tolerations/0/effect").asText());
        assertFalse(pod.path("hostNetwork").asBoolean(false));
        assertFalse(pod.at("/containers/0/securityContext/privileged").asBoolean(true));
        assertFalse(pod.at("/automountServiceAccountToken").asBoolean(true));
        List<String> mounts = new ArrayList<>();
        pod.at("/containers/0/volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
        assertTrue(mounts.contains("/etc/falco/rules.d"), mounts.toString());
        JsonNode namespace = read(render(spec().build()).tree(), "platform/production/falco/namespace.yaml");
        assertEquals("privileged", namespace.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText());
        assertEquals("restricted", namespace.at("/metadata/labels/pod-security.kubernetes.io~1warn").asText());
    }

    @Test
    void raisesNoShellAlertForAnAppThatDeclaresShellsWithAReason() {
        Platform platform = spec().app(app("tools").team("web").image("registry.example.com/web/tools:3.1").port(8080)
                .runtimeProfile(runtimeProfile().allowShells("operators run scripted maintenance here; OPS-12"))).build();
        String rules = FalcoRules.render(platform.instances());
        assertFalse(rules.contains("goldenpath shell in web-staging/tools"), rules);
        assertTrue(rules.contains("goldenpath shell in web-staging/api"), rules);
        assertTrue(rules.contains("goldenpath write below protected path in web-staging/tools"), rules);
    }

    @Test
    void watchesEveryNodeWhenAsked() {
        Platform everywhere = spec().baseline(baseline().falcoOnEveryNode()).build();
        JsonNode pod = read(render(everywhere).tree(), "platform/staging/falco/daemonset.yaml").at("/spec/template/spec");
        assertTrue(pod.path("nodeSelector").isMissingNode());
        assertEquals("[{\"operator\":\"Exists\"}]", pod.path("tolerations").toString());
        String rules = FalcoRules.render(everywhere.instances());
        assertTrue(rules.startsWith("- list: goldenpath_shells\n"), rules);
    }

    @Test
    void scansWhatRunsThroughTheApiWithReadOnlyAccess() {
        RenderedTree tree = render(spec().build()).tree();
        JsonNode cronJob = read(tree, "platform/staging/trivy/cronjob-trivy-scan.yaml");
        JsonNode pod = cronJob.at("/spec/jobTemplate/spec/template/spec");
        List<String> args = new ArrayList<>();
        pod.at("/containers/0/args").forEach(a -> args.add(a.asText()));
        assertEquals(1, args.size(), "the script alone: no image is named in the platform's file");
        assertTrue(args.get(0).contains("trivy k8s --quiet --scanners vuln --disable-node-collector --include-kinds "
                + "Deployment,StatefulSet,DaemonSet,CronJob,Job,ReplicaSet,ReplicationController,Pod --exclude-owned"), args.get(0));
        assertFalse(args.get(0).contains("registry.example.com"), args.get(0));
        assertEquals("0 3 * * *", cronJob.at("/spec/schedule").asText());
        // The token is mounted because the scan uses the API (the linter sees the binding, so no exception is needed).
        assertTrue(pod.path("automountServiceAccountToken").asBoolean());
        assertEquals("trivy-scan", pod.path("serviceAccountName").asText());
        // Read-only: get and list of workload kinds and namespaces, nothing else.
        JsonNode role = read(tree, "platform/staging/trivy/clusterrole-goldenpath-trivy-scan-staging.yaml");
        assertEquals("[{\"apiGroups\":[\"\"],\"resources\":[\"namespaces\",\"pods\",\"replicationcontrollers\"],"
                + "\"verbs\":[\"get\",\"list\"]},"
                + "{\"apiGroups\":[\"apps\"],\"resources\":[\"daemonsets\",\"deployments\",\"replicasets\",\"statefulsets\"],"
                + "\"verbs\":[\"get\",\"list\"]},"
                + "{\"apiGroups\":[\"batch\"],\"resources\":[\"cronjobs\",\"jobs\"],\"verbs\":[\"get\",\"list\"]}]",
                role.path("rules").toString());
        JsonNode binding = read(tree, "platform/staging/trivy/clusterrolebinding-goldenpath-trivy-scan-staging.yaml");
        assertEquals(List.of("rbac.authorization.k8s.io", "ClusterRole", "goldenpath-trivy-scan-staging"), List.of(binding.at("/roleRef/apiGroup")
                .asText(), binding.at("/roleRef/kind").asText(), binding.at("/roleRef/name").asText()));
        assertTrue(binding.at("/metadata/annotations").path("weakening.goldenpath.dev/rbac-cluster-role").asText()
                .contains("reads workloads cluster-wide"));
        assertEquals("[{\"kind\":\"ServiceAccount\",\"name\":\"trivy-scan\",\"namespace\":\"trivy\"}]",
                binding.path("subjects").toString());
        // Egress: DNS, the environment's API server endpoints on their port, registries on HTTPS and their own ports.
        JsonNode egress = read(tree, "platform/staging/trivy/networkpolicy-trivy-scan-egress.yaml").at("/spec/egress");
        assertEquals(3, egress.size());
        assertEquals("[{\"ipBlock\":{\"cidr\":\"10.20.0.10/32\"}}]", egress.at("/1/to").toString());
        assertEquals("[{\"port\":6443,\"protocol\":\"TCP\"}]", egress.at("/1/ports").toString());
        assertEquals("[{\"port\":443,\"protocol\":\"TCP\"},{\"port\":5000,\"protocol\":\"TCP\"}]",
                egress.at("/2/ports").toString());
    }

    @Test
    void anAppsImageBumpChangesOnlyThatAppsFiles() {
        RenderedTree before = render(spec().build()).tree();
        Platform bumped = spec("2.1.1", "2.2-rc.2").build();
        RenderedTree after = render(bumped).tree();
        assertEquals(before.paths(), after.paths());
        TreeSet<String> changed = new TreeSet<>();
        for (String path : before.paths()) {
            if (!java.util.Arrays.equals(before.bytes(path).orElseThrow(), after.bytes(path).orElseThrow())) {
                changed.add(path);
            }
        }
        assertEquals(new TreeSet<>(List.of("apps/production/db/deployment.yaml", "apps/staging/db/deployment.yaml")), changed);
    }

    @Test
    void rendersNothingTheBaselineTurnsOff() {
        Platform off = spec().baseline(baseline().withoutGatekeeper().withoutKyverno().withoutFalco().withoutTrivy()).build();
        List<Manifests.Manifest> objects = ClusterBaseline.render(off,
                dev.goldenpath.generators.resolved.ResolvedPlatform.of(off).environments().get(0));
        assertEquals(List.of("PeerAuthentication"), objects.stream().map(m -> m.object().getKind()).toList());
    }

    @Test
    void rendersTheSameBytesEveryTime() {
        assertEquals(render(spec().build()).tree().digest(), render(spec().build()).tree().digest());
    }

    static String pem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
