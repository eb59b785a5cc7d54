package dev.goldenpath.generators;

import dev.goldenpath.generators.resolved.ResolvedPlatform;

import dev.goldenpath.generators.resolved.Manifests;

import static dev.goldenpath.dsl.GoldenPath.allPorts;
import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.udpPort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.NetworkVerification;
import dev.goldenpath.reachability.Edge;
import dev.goldenpath.vocabulary.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The rendered NetworkPolicies allow exactly the declared graph: evaluated by Kubernetes semantics, not by shape. */
class AllowedGraphTest {

    private static NetworkVerification.Result verify(Platform platform, String environment) {
        Manifests manifests = Renderer.secureByDefault().generate(platform);
        Environment env = platform.environment(environment).orElseThrow();
        return NetworkVerification.check(manifests, env);
    }

    @Test
    void declaredEdgeIsAllowedOnlyOnItsPortAndOnlyOneWay() {
        Platform platform = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("a").owner("a@example.com"))
                .team(team("b").owner("b@example.com"))
                .app(app("api").team("a").image("r.example.com/api:1").port(8080).port(port("admin", 9000))
                        .calls("db", 5432))
                .app(app("db").team("b").image("r.example.com/db:1").port(port("pg", 5432)).port(port("metrics", 9187)))
                .build();
        NetworkVerification.Result result = verify(platform, "prod");
        assertTrue(result.exact(), result::toString);
        assertTrue(result.allowed().contains(new Edge("a-prod/api", "b-prod/db", 5432, Protocol.TCP)));
        assertTrue(result.allowed().stream().noneMatch(e -> e.port() == 9187), result::toString);
        assertTrue(result.allowed().stream().noneMatch(e -> e.source().equals("b-prod/db") && e.destination().equals("a-prod/api")));
        assertTrue(result.allowed().stream().noneMatch(e -> e.source().contains(NetworkVerification.STRANGER_NAMESPACE)
                || e.destination().contains(NetworkVerification.STRANGER_NAMESPACE)));
        // DNS, both protocols, for each app; nothing else.
        assertEquals(5, result.allowed().size(), result::toString);
    }

    @Test
    void aWidenedPolicyIsAHoleTheProofNamesEdgeByEdge() {
        Platform platform = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("a").owner("a@example.com"))
                .team(team("b").owner("b@example.com"))
                .app(app("api").team("a").image("r.example.com/api:1").port(8080).calls("db", 5432))
                .app(app("db").team("b").image("r.example.com/db:1").port(port("pg", 5432)))
                .build();
        Manifests manifests = Renderer.secureByDefault().generate(platform);
        ResolvedPlatform.Environment prod = manifests.resolved().environments().get(0);
        List<io.fabric8.kubernetes.api.model.HasMetadata> emitted = new ArrayList<>();
        for (Manifests.Manifest manifest : manifests.objects()) {
            if (manifest.folder().equals("apps/prod/db")
                    && manifest.object() instanceof io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy policy) {
                // One more ingress rule without peers or ports: every pod and address may reach db.
                var widened = new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder(policy).editSpec()
                        .addNewIngress().endIngress().endSpec().build();
                emitted.add(widened);
            } else {
                emitted.add(manifest.object());
            }
        }
        assertTrue(NetworkVerification.check(prod, manifests.objects().stream().map(Manifests.Manifest::object).toList())
                .problems().isEmpty());

        NetworkVerification.Result result = NetworkVerification.check(prod, emitted);

        assertFalse(result.exact());
        assertTrue(result.missing().isEmpty(), result::toString);
        assertTrue(result.unexpected().contains(new Edge(NetworkVerification.STRANGER_NAMESPACE + "/stranger", "b-prod/db",
                5432, Protocol.TCP)), result::toString);
        assertTrue(result.unexpected().contains(new Edge("kube-system/dns", "b-prod/db", 5432, Protocol.TCP)), result::toString);
        assertEquals(result.unexpected().size(), result.problems().size());
        assertTrue(result.problems().contains("environment prod: the emitted NetworkPolicies allow "
                + NetworkVerification.STRANGER_NAMESPACE + "/stranger -> b-prod/db 5432/TCP, which the spec does not declare"
                + " (a hole in the default deny; fix: declare the connection with .calls(..), .calledBy(..) or"
                + " .calledByNamespace(..), and leave the generated policies as they are)"), result.problems().toString());
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> (long) i);
    }

    @ParameterizedTest(name = "random platform {0}")
    @MethodSource("seeds")
    void randomPlatformsAllowExactlyTheDeclaredGraph(long seed) {
        Platform platform = randomPlatform(new Random(seed));
        for (Environment environment : platform.environments()) {
            NetworkVerification.Result result = verify(platform, environment.name());
            assertTrue(result.exact(), () -> "seed " + seed + ": " + result);
            assertTrue(!result.declared().isEmpty());
        }
    }

    static Platform randomPlatform(Random random) {
        Platform.Builder spec = platform("random")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("staging").cluster("https://staging.example.com").apiServer(6443, "10.1.0.1/32"))
                .environment(environment("prod").cluster("https://prod.example.com")
                        .namespacePattern(random.nextBoolean() ? "{team}-{environment}" : "{team}")
                        .apiServer(443, "10.2.0.1/32", "10.2.0.2/32"));
        int teams = 1 + random.nextInt(3);
        for (int t = 0; t < teams; t++) {
            spec.team(team("t" + t).owner("t" + t + "@example.com"));
        }
        int apps = 2 + random.nextInt(7);
        List<List<Integer>> ports = new ArrayList<>();
        for (int a = 0; a < apps; a++) {
            List<Integer> own = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int p = 0; p < count; p++) {
                int number = 1000 + random.nextInt(20) * 100 + p;
                if (!own.contains(number)) {
                    own.add(number);
                }
            }
            ports.add(own);
        }
        for (int a = 0; a < apps; a++) {
            App.Builder app = app("app" + a).team("t" + random.nextInt(teams)).image("r.example.com/app" + a + ":1");
            if (random.nextInt(4) == 0) {
                app.namespace("shared-{environment}");
            }
            List<Integer> own = ports.get(a);
            for (int p = 0; p < own.size(); p++) {
                app.port(p == 2 && random.nextBoolean() ? udpPort("udp" + p, own.get(p)) : port("p" + p, own.get(p)));
            }
            for (int c = 0; c < apps; c++) {
                if (c != a && random.nextInt(3) == 0) {
                    List<Integer> target = ports.get(c);
                    Integer chosen = random.nextBoolean() ? null : target.get(random.nextInt(target.size()));
                    if (random.nextBoolean()) {
                        calls(app, "app" + c, chosen);
                    } else {
                        calledBy(app, "app" + c, ownPort(own, random));
                    }
                }
            }
            switch (random.nextInt(6)) {
                case 0 -> app.calledByIngressController(own.get(0));
                case 1 -> {
                    Integer port = ownPort(own, random);
                    if (port == null) {
                        app.calledByNamespace("monitoring", allPorts());
                    } else {
                        app.calledByNamespace("monitoring", port);
                    }
                }
                case 2 -> {
                    String block = "203.0." + random.nextInt(200) + ".";
                    app.callsExternal(cidr(block + "0/24").except(block + "128/25").ports(443));
                }
                case 3 -> app.callsExternal(cidr("198.51.100.0/24").allPorts());
                case 4 -> app.permissions(read("configmaps"));
                default -> app.withoutDns();
            }
            spec.app(app);
        }
        return spec.build();
    }

    /** One of the app's own ports, or null for all of them. */
    private static Integer ownPort(List<Integer> own, Random random) {
        return random.nextBoolean() ? null : own.get(random.nextInt(own.size()));
    }

    private static void calls(App.Builder app, String callee, Integer port) {
        if (port == null) {
            app.calls(callee, allPorts());
        } else {
            app.calls(callee, port);
        }
    }

    private static void calledBy(App.Builder app, String caller, Integer port) {
        if (port == null) {
            app.calledBy(caller, allPorts());
        } else {
            app.calledBy(caller, port);
        }
    }
}
