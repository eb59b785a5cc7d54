package dev.goldenpath.generators;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.statefulService;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.StatefulServiceBuilder;
import dev.goldenpath.dsl.Workload;
import dev.goldenpath.generators.resolved.Manifests;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.reachability.Edge;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.vocabulary.Protocol;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stateful service renders to a StatefulSet with one claim per pod and volume, a headless Service naming its pods and
 * the ClusterIP Service its callers use; read back from the written YAML, linted, proven by the network evaluator and
 * built by {@code kubectl kustomize}.
 */
class StatefulServiceRenderingTest {

    private static final String FOLDER = "apps/prod/orders-db";

    private static StatefulServiceBuilder ordersDb() {
        return statefulService("orders-db").team("payments")
                .image("registry.example.com/postgres:16.4")
                .port("postgres", 5432)
                .port("replication", 5433)
                .volume("data", "/var/lib/postgresql/data", "20Gi", "fast-ssd")
                .volume("wal", "/var/lib/postgresql/wal", "5Gi")
                .writablePath("/tmp")
                .replicas(3)
                .calledBy("orders-api", 5432);
    }

    private static Platform platformWith(StatefulServiceBuilder db) {
        return platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("payments").owner("payments@example.com"))
                .app(app("orders-api").team("payments").image("registry.example.com/orders-api:1.0.0").port(8080))
                .app(db)
                .build();
    }

    private static <T> T read(RenderedTree tree, String file, Class<T> type) {
        return Yaml.read(tree.bytes(FOLDER + "/" + file).orElseThrow(() -> new AssertionError(file + " not rendered: "
                + tree.under(FOLDER).paths())), type);
    }

    @Test
    void rendersAStatefulSetWithAClaimPerVolumeMountedReadWrite() {
        RenderedTree tree = Renderer.secureByDefault().render(platformWith(ordersDb()
                .rollout(new dev.goldenpath.dsl.Rollout(false, "0", "1", 15)))).tree();
        StatefulSet statefulSet = read(tree, "statefulset.yaml", StatefulSet.class);
        assertEquals("orders-db-headless", statefulSet.getSpec().getServiceName());
        assertEquals(3, statefulSet.getSpec().getReplicas());
        assertEquals("OrderedReady", statefulSet.getSpec().getPodManagementPolicy());
        assertEquals("RollingUpdate", statefulSet.getSpec().getUpdateStrategy().getType());
        assertNull(statefulSet.getSpec().getUpdateStrategy().getRollingUpdate(), "no maxUnavailable, no partition");
        assertEquals(15, statefulSet.getSpec().getMinReadySeconds());
        assertEquals("Retain", statefulSet.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted());
        assertEquals("Retain", statefulSet.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled());
        assertEquals(Map.of("app.kubernetes.io/name", "orders-db"), statefulSet.getSpec().getSelector().getMatchLabels());

        List<PersistentVolumeClaim> claims = statefulSet.getSpec().getVolumeClaimTemplates();
        assertEquals(List.of("data", "wal"), claims.stream().map(c -> c.getMetadata().getName()).toList());
        PersistentVolumeClaim data = claims.get(0);
        // Written with apiVersion and kind, as the API server returns the template: no endless diff in Argo CD.
        String written = tree.text(FOLDER + "/statefulset.yaml").orElseThrow();
        assertTrue(written.contains("  volumeClaimTemplates:\n    - apiVersion: v1\n      kind: PersistentVolumeClaim\n"), written);
        assertEquals(List.of("ReadWriteOnce"), data.getSpec().getAccessModes());
        assertEquals("20Gi", data.getSpec().getResources().getRequests().get("storage").toString());
        assertEquals("fast-ssd", data.getSpec().getStorageClassName());
        assertNull(claims.get(1).getSpec().getStorageClassName(), "no class: the cluster's default");
        assertEquals(Map.of("app", "orders-db", "app.kubernetes.io/managed-by", "goldenpath",
                "app.kubernetes.io/name", "orders-db", "app.kubernetes.io/part-of", "acme", "environment", "prod",
                "owner", "payments"), data.getMetadata().getLabels());

        PodSpec pod = statefulSet.getSpec().getTemplate().getSpec();
        assertEquals(10001L, pod.getSecurityContext().getFsGroup());
        assertEquals("OnRootMismatch", pod.getSecurityContext().getFsGroupChangePolicy());
        Container container = pod.getContainers().get(0);
        assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem());
        Map<String, VolumeMount> mounts = new java.util.TreeMap<>();
        container.getVolumeMounts().forEach(m -> mounts.put(m.getMountPath(), m));
        assertEquals("data", mounts.get("/var/lib/postgresql/data").getName());
        assertEquals("wal", mounts.get("/var/lib/postgresql/wal").getName());
        assertTrue(mounts.values().stream().noneMatch(m -> Boolean.TRUE.equals(m.getReadOnly())), "volumes are read-write");
        // The claims are the pod's volumes: the controller adds them, the template does not list them.
        assertTrue(pod.getVolumes().stream().map(Volume::getName).noneMatch(n -> n.equals("data") || n.equals("wal")));
        assertEquals("kubernetes.io/hostname", pod.getTopologySpreadConstraints().get(0).getTopologyKey());
        assertFalse(tree.contains(FOLDER + "/deployment.yaml"));
        assertFalse(tree.contains(FOLDER + "/horizontalpodautoscaler.yaml"));
    }

    @Test
    void callersUseTheClusterIpServiceAndThePodsAreNamedByTheHeadlessOne() {
        RenderedTree tree = Renderer.secureByDefault().render(platformWith(ordersDb())).tree();
        Service service = read(tree, "service.yaml", Service.class);
        assertEquals("ClusterIP", service.getSpec().getType());
        assertNull(service.getSpec().getClusterIP());
        Service headless = read(tree, "service-orders-db-headless.yaml", Service.class);
        assertEquals("None", headless.getSpec().getClusterIP());
        assertEquals(Map.of("app.kubernetes.io/name", "orders-db"), headless.getSpec().getSelector());
        assertEquals(List.of("postgres", "replication"), headless.getSpec().getPorts().stream().map(p -> p.getName()).toList());
        assertNull(headless.getSpec().getPublishNotReadyAddresses(), "without peers, a pod is published when ready");
        PodDisruptionBudget budget = read(tree, "poddisruptionbudget.yaml", PodDisruptionBudget.class);
        assertEquals(1, budget.getSpec().getMaxUnavailable().getIntVal());
        assertEquals("AlwaysAllow", budget.getSpec().getUnhealthyPodEvictionPolicy());
    }

    @Test
    void oneReplicaHasNoBudgetSoDrainsStayPossible() {
        RenderedTree tree = Renderer.secureByDefault().render(platformWith(ordersDb().replicas(1))).tree();
        assertFalse(tree.contains(FOLDER + "/poddisruptionbudget.yaml"));
        assertTrue(tree.contains(FOLDER + "/statefulset.yaml"));
    }

    @Test
    void parallelPodManagementAndDeletedVolumesAreRenderedAsDeclared() {
        RenderedTree tree = Renderer.secureByDefault().render(platformWith(ordersDb().parallelPodManagement()
                .volumeRetention(Workload.VolumeRetention.DELETE, Workload.VolumeRetention.RETAIN))).tree();
        StatefulSet statefulSet = read(tree, "statefulset.yaml", StatefulSet.class);
        assertEquals("Parallel", statefulSet.getSpec().getPodManagementPolicy());
        assertEquals("Delete", statefulSet.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted());
        assertEquals("Retain", statefulSet.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled());
    }

    @Test
    void aWritablePathNeverTakesAClaimsVolumeName() {
        RenderedTree tree = Renderer.secureByDefault().render(platformWith(ordersDb().writablePath("/data"))).tree();
        PodSpec pod = read(tree, "statefulset.yaml", StatefulSet.class).getSpec().getTemplate().getSpec();
        Map<String, String> byPath = new java.util.TreeMap<>();
        pod.getContainers().get(0).getVolumeMounts().forEach(m -> byPath.put(m.getMountPath(), m.getName()));
        assertEquals("data", byPath.get("/var/lib/postgresql/data"));
        assertEquals("data-2", byPath.get("/data"));
        assertEquals(List.of("tmp", "data-2"), pod.getVolumes().stream().map(Volume::getName).toList());
    }

    @Test
    void peersReachEachOtherOnlyOnTheirPortsAndOnlyWhenDeclared() {
        Platform withPeers = platformWith(ordersDb().peersCallEachOther(5433));
        NetworkVerification.Result result = NetworkVerification.check(Renderer.secureByDefault().generate(withPeers),
                withPeers.environment("prod").orElseThrow());
        assertTrue(result.exact(), result::toString);
        assertTrue(result.allowed().contains(new Edge("payments-prod/orders-db", "payments-prod/orders-db[1]", 5433, Protocol.TCP)));
        assertTrue(result.allowed().contains(new Edge("payments-prod/orders-db[1]", "payments-prod/orders-db", 5433, Protocol.TCP)));
        assertFalse(result.allowed().contains(new Edge("payments-prod/orders-db", "payments-prod/orders-db[1]", 5432, Protocol.TCP)));
        // Callers reach every pod of the service on the declared port, exactly as an app's.
        assertTrue(result.allowed().contains(new Edge("payments-prod/orders-api", "payments-prod/orders-db[1]", 5432, Protocol.TCP)));
        assertFalse(result.allowed().contains(new Edge("payments-prod/orders-api", "payments-prod/orders-db", 5433, Protocol.TCP)));
        Service headless = read(Renderer.secureByDefault().render(withPeers).tree(), "service-orders-db-headless.yaml", Service.class);
        assertTrue(headless.getSpec().getPublishNotReadyAddresses(), "members find each other before they are ready");

        Platform withoutPeers = platformWith(ordersDb());
        NetworkVerification.Result isolated = NetworkVerification.check(Renderer.secureByDefault().generate(withoutPeers),
                withoutPeers.environment("prod").orElseThrow());
        assertTrue(isolated.exact(), isolated::toString);
        assertTrue(isolated.allowed().stream().noneMatch(e -> e.source().startsWith("payments-prod/orders-db")
                && e.destination().startsWith("payments-prod/orders-db")), isolated::toString);
    }

    @Test
    void withTheMeshPeersAreAuthorizedByTheirOwnIdentityOnTheirPorts() {
        Platform platform = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("payments").owner("payments@example.com"))
                .istioMesh()
                .app(app("orders-api").team("payments").image("registry.example.com/orders-api:1.0.0").port(8080))
                .app(ordersDb().peersCallEachOther(5433))
                .build();
        String policy = Renderer.secureByDefault().render(platform).tree()
                .text(FOLDER + "/authorizationpolicy.yaml").orElseThrow();
        com.fasterxml.jackson.databind.JsonNode rules = Yaml.read(policy.getBytes(StandardCharsets.UTF_8)).path("spec").path("rules");
        List<String> grants = new java.util.ArrayList<>();
        rules.forEach(rule -> grants.add(rule.path("from").get(0).path("source").path("principals").get(0).asText()
                + " " + rule.path("to").get(0).path("operation").path("ports")));
        assertEquals(List.of("cluster.local/ns/payments-prod/sa/orders-api [\"5432\"]",
                "cluster.local/ns/payments-prod/sa/orders-db [\"5433\"]"), grants);
    }

    @Test
    void anAppThatCallsItselfIsProvenOnTwoPods() {
        Platform platform = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("payments").owner("payments@example.com"))
                .app(app("gossip").team("payments").image("registry.example.com/gossip:1.0.0").port(7946)
                        .calledBy("gossip", 7946))
                .build();
        NetworkVerification.Result result = NetworkVerification.check(Renderer.secureByDefault().generate(platform),
                platform.environment("prod").orElseThrow());
        assertTrue(result.exact(), result::toString);
        assertTrue(result.allowed().contains(new Edge("payments-prod/gossip", "payments-prod/gossip[1]", 7946, Protocol.TCP)));
    }

    @Test
    void passesTheLinterWithoutAnyFindingAndRendersTheSameBytesTwice() {
        Platform platform = platformWith(ordersDb().peersCallEachOther(5433));
        RenderedTree first = Renderer.secureByDefault().render(platform).tree();
        RenderedTree second = Renderer.secureByDefault().render(platform).tree();
        assertEquals(first, second);
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.bytes(path).orElseThrow(), path));
        LintReport report = Linter.defaults().lint(first);
        assertEquals(List.of(), report.findings().stream().filter(f -> f.file().startsWith("apps/")).toList());
        // The team's Argo CD project admits the kinds the folder holds (the render's Argo CD proof checked the rest).
        String project = first.paths().stream().filter(p -> p.startsWith("argocd/prod/") && p.contains("appproject"))
                .map(p -> first.text(p).orElseThrow()).reduce("", String::concat);
        assertTrue(project.contains("StatefulSet"), project);
    }

    /**
     * Platforms mixing apps and stateful services, with random callers, peers, replicas and volumes: every render passes
     * its own proofs (policy, Pod Security, limits, Argo CD, network), the linter finds nothing in the apps' folders,
     * and the network evaluator's allowed graph is the declared one in every environment.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomMixesOfAppsAndStatefulServicesPassEveryProof(long seed) {
        java.util.Random random = new java.util.Random(seed);
        dev.goldenpath.dsl.Platform.Builder spec = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .environment(environment("staging").cluster("https://staging.example.com").apiServer(6443, "10.1.0.1/32"))
                .team(team("payments").owner("payments@example.com"))
                .team(team("web").owner("web@example.com"));
        int count = 3 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String team = random.nextBoolean() ? "payments" : "web";
            String callee = "svc-" + random.nextInt(count);
            if (random.nextBoolean()) {
                StatefulServiceBuilder db = statefulService("svc-" + i).team(team)
                        .image("registry.example.com/db:1." + i).port("client", 5432).port("peer", 7000)
                        .replicas(random.nextInt(4))
                        .calls(callee, 5432);
                String size = (1 + random.nextInt(50)) + "Gi";
                if (random.nextBoolean()) {
                    db.volume("data", "/var/lib/data", size, "fast-ssd");
                } else {
                    db.volume("data", "/var/lib/data", size);
                }
                if (random.nextBoolean()) {
                    db.volume("wal", "/var/lib/wal", "512Mi").writablePath("/tmp");
                }
                if (random.nextBoolean()) {
                    db.peersCallEachOther(7000);
                }
                if (random.nextBoolean()) {
                    db.parallelPodManagement();
                }
                spec.app(db);
            } else {
                spec.app(app("svc-" + i).team(team).image("registry.example.com/app:1." + i).port("client", 5432)
                        .port("peer", 7000).replicas(1 + random.nextInt(3)).calls(callee, 5432));
            }
        }
        Platform platform = spec.build();
        Rendering rendering = Renderer.secureByDefault().render(platform);
        LintReport report = Linter.defaults().lint(rendering.tree());
        assertEquals(List.of(), report.findings().stream().filter(f -> f.file().startsWith("apps/")).toList());
        Manifests manifests = Renderer.secureByDefault().generate(platform);
        for (dev.goldenpath.dsl.Environment environment : platform.environments()) {
            NetworkVerification.Result result = NetworkVerification.check(manifests, environment);
            assertTrue(result.exact(), result::toString);
        }
    }

    @Test
    void theLongestNamesFitEveryLimit() {
        String name = "d" + "b".repeat(51);
        String claim = "c".repeat(63);
        Platform platform = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("payments").owner("payments@example.com"))
                .app(statefulService(name).team("payments").image("registry.example.com/db:1.0.0").port(5432)
                        .volume(claim, "/data", "1Gi").replicas(2))
                .build();
        // The render's object limits (names, labels, volume names) pass; the PVC of the highest ordinal fits 253.
        RenderedTree tree = Renderer.secureByDefault().render(platform).tree();
        assertTrue(tree.contains("apps/prod/" + name + "/statefulset.yaml"));
        assertTrue((claim + "-" + name + "-" + Integer.MAX_VALUE).length() <= 253);
        assertTrue((name + "-" + "0123456789").length() <= 63, "controller-revision-hash label");
    }

    @Test
    void theFolderBuildsWithKubectlKustomize(@TempDir Path dir) throws IOException, InterruptedException {
        Path kubectl = Path.of("/usr/bin/kubectl");
        assumeTrue(Files.isExecutable(kubectl), "kubectl is not installed at /usr/bin/kubectl: skipping the kustomize build");
        Renderer.secureByDefault().render(platformWith(ordersDb().peersCallEachOther(5433))).tree().writeTo(dir);
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.resolve(FOLDER).toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("kind: StatefulSet"), output);
        assertTrue(output.contains("name: orders-db-headless"), output);
        assertTrue(output.contains("volumeClaimTemplates:"), output);
    }
}
