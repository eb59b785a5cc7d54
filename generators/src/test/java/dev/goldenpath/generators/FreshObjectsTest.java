package dev.goldenpath.generators;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.container;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.gateway;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.job;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.scheduledJob;
import static dev.goldenpath.dsl.GoldenPath.statefulService;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.resolved.Manifests;
import dev.goldenpath.generators.yaml.BlockYamlTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generators make their hottest objects directly instead of through fabric8's builders (issue 18). A platform
 * generator may change any generated object, as it could when builders made them all: so every object, list and
 * map reachable from a generated object is its own (no two places share one, so a change reaches only the object
 * changed) and every list and map can be changed.
 */
class FreshObjectsTest {

    /** A rich platform (mesh, secrets, permissions, scheduling, autoscaling), and one with every workload kind. */
    static Stream<Platform> platforms() {
        return Stream.of(BlockYamlTest.richPlatform(), everyKind());
    }

    private static Platform everyKind() {
        return platform("kinds").gitRepository("https://git.example.com/kinds/gitops.git")
                .environment(environment("production").cluster("https://kubernetes.default.svc")
                        .apiServer(6443, "10.20.0.10/32").gateway(gateway("gateways", "public")))
                .team(team("web").owner("web@example.com"))
                .app(app("web").team("web").image("registry.example.com/web/web:1.0.0").port(8080)
                        .port(port("metrics", 9090)).replicas(2).readiness(httpGet("/ready")).writablePath("/tmp")
                        .configFile("/etc/web/features.yaml", "checkout: v2\n").configEnv("LOG_FORMAT", "json")
                        .expose("web.example.com")
                        .sidecar(container("log-shipper").image("registry.example.com/web/log-shipper:1.0.0")
                                .resources(requests("10m", "32Mi"), limits("100m", "64Mi"))
                                .liveness(exec("/bin/log-shipper", "health")))
                        .calls("store", 5432)
                        .beforeSync(job("migrate").command("/usr/local/bin/web", "migrate")))
                .app(statefulService("store").team("web").image("registry.example.com/web/store:2.1.0")
                        .port(port("postgres", 5432)).port(port("gossip", 7946)).replicas(3)
                        .volume("data", "/var/lib/store", "10Gi", "standard").peersCallEachOther(7946))
                .app(worker("indexer").team("web").image("registry.example.com/web/indexer:1.0.0")
                        .liveness(exec("/bin/indexer", "alive")).calls("store", 5432))
                .app(scheduledJob("report", "30 2 * * *").team("web").image("registry.example.com/web/report:1.0.0")
                        .calls("web", 8080))
                .build();
    }

    @ParameterizedTest
    @MethodSource("platforms")
    void everyGeneratedObjectHasObjectsAndCollectionsOfItsOwnThatCanBeChanged(Platform platform) throws Exception {
        Manifests manifests = Renderer.secureByDefault().generate(platform);
        Map<Object, String> seen = new IdentityHashMap<>();
        List<String> problems = new ArrayList<>();
        int[] collections = {0};
        for (Manifests.Manifest manifest : manifests.objects()) {
            walk(manifest.object(), manifest.path(), seen, problems, collections);
        }
        assertEquals(List.of(), problems);
        assertTrue(seen.size() > 1_000 && collections[0] > 500, seen.size() + " objects, " + collections[0] + " collections");
    }

    private static void walk(Object value, String path, Map<Object, String> seen, List<String> problems, int[] collections)
            throws ReflectiveOperationException {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        String before = seen.putIfAbsent(value, path);
        if (before != null) {
            problems.add(path + " is the same " + value.getClass().getSimpleName() + " as " + before);
            return;
        }
        if (value instanceof List<?> list) {
            collections[0]++;
            changeable(list, path, problems);
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", seen, problems, collections);
            }
        } else if (value instanceof Map<?, ?> map) {
            collections[0]++;
            changeable(map, path, problems);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                walk(entry.getValue(), path + "." + entry.getKey(), seen, problems, collections);
            }
        } else if (value instanceof Collection<?>) {
            problems.add(path + " is a " + value.getClass().getName());
        } else if (value.getClass().getName().startsWith("io.fabric8.")) {
            for (Method getter : value.getClass().getMethods()) {
                // Properties only: an interface's default getter (HasMetadata's finalizers) reads another property.
                if (getter.getParameterCount() == 0 && getter.getName().startsWith("get") && !Modifier.isStatic(getter.getModifiers())
                        && !getter.isDefault() && getter.getDeclaringClass() != Object.class
                        && !getter.getReturnType().isPrimitive()) {
                    walk(invoke(getter, value), path + "/" + getter.getName().substring(3), seen, problems, collections);
                }
            }
        }
    }

    private static Object invoke(Method getter, Object value) throws IllegalAccessException {
        try {
            return getter.invoke(value);
        } catch (InvocationTargetException e) {
            return null; // a derived getter that needs state the object does not have (none holds a collection)
        }
    }

    private static void changeable(List<?> list, String path, List<String> problems) {
        try {
            @SuppressWarnings("unchecked")
            List<Object> objects = (List<Object>) list;
            objects.add(null);
            objects.remove(objects.size() - 1);
        } catch (UnsupportedOperationException e) {
            problems.add(path + " cannot be changed: " + list.getClass().getName());
        }
    }

    private static void changeable(Map<?, ?> map, String path, List<String> problems) {
        try {
            @SuppressWarnings("unchecked")
            Map<Object, Object> objects = (Map<Object, Object>) map;
            objects.put("goldenpath.dev/probe", null);
            objects.remove("goldenpath.dev/probe");
        } catch (UnsupportedOperationException e) {
            problems.add(path + " cannot be changed: " + map.getClass().getName());
        }
    }
}
