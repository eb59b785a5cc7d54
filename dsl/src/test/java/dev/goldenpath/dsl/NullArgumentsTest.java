package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.baseline;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.external;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.keyless;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.tolerationExists;
import static dev.goldenpath.dsl.GoldenPath.vault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A spec is often assembled from data, so a null is a missing value: every DSL method that takes a reference, given
 * null (or a null element of an array or map), must end in a {@link SpecException} that names the missing value
 * and still lists the spec's other mistakes, never in a NullPointerException.
 */
class NullArgumentsTest {

    private static final String IMAGE = "registry.example.com/team/app:1.0.0";

    /** GoldenPath's factories, every builder, and the "with" methods of the values they take. */
    private static final List<Class<?>> DSL = List.of(GoldenPath.class, Platform.Builder.class, Environment.Builder.class,
            App.Builder.class, WorkloadBuilder.class, ReplicatedBuilder.class, ServingBuilder.class, WorkerBuilder.class,
            ScheduledJobBuilder.class, StatefulServiceBuilder.class, SyncJobBuilder.class, Container.Builder.class,
            Secret.Builder.class, Secret.SealedBuilder.class, Secret.ExternalBuilder.class, Baseline.Builder.class, EnvironmentOverride.Builder.class, Team.class,
            Cluster.class, Port.class, Probe.class, Permission.class, Permission.Verbs.class, Dependency.Cidr.class,
            SecretStore.class, RuntimeProfile.class, Gateway.class, IngressClass.class);

    private static final Map<Class<?>, Supplier<Object>> SAMPLES = new HashMap<>();

    static {
        SAMPLES.put(String.class, () -> "sample");
        SAMPLES.put(int.class, () -> 1);
        SAMPLES.put(long.class, () -> 1L);
        SAMPLES.put(int[].class, () -> new int[] {8080});
        SAMPLES.put(String[].class, () -> new String[] {"sample"});
        SAMPLES.put(Toleration[].class, () -> new Toleration[] {tolerationExists("dedicated", Toleration.Effect.NO_SCHEDULE)});
        SAMPLES.put(Permission[].class, () -> new Permission[] {read("pods")});
        SAMPLES.put(Map.class, () -> Map.of("app", "sample"));
        SAMPLES.put(Consumer.class, () -> (Consumer<Object>) o -> { });
        SAMPLES.put(Probe.class, () -> httpGet("/"));
        SAMPLES.put(Probe.Action.class, () -> new Probe.TcpSocket(java.util.Optional.empty()));
        SAMPLES.put(Port.class, () -> port("metrics", 9090));
        SAMPLES.put(Requests.class, () -> requests("100m", "64Mi"));
        SAMPLES.put(Limits.class, () -> limits("1", "1Gi"));
        SAMPLES.put(Rollout.class, () -> Rollout.DEFAULT);
        SAMPLES.put(DisruptionBudget.class, () -> DisruptionBudget.DEFAULT);
        SAMPLES.put(Toleration.class, () -> tolerationExists("dedicated", Toleration.Effect.NO_SCHEDULE));
        SAMPLES.put(Dependency.External.class, () -> cidr("203.0.113.0/24").ports(443));
        SAMPLES.put(Dependency.Cidr.class, () -> cidr("203.0.113.0/24"));
        SAMPLES.put(AllPorts.class, () -> AllPorts.ALL_PORTS);
        SAMPLES.put(Secret.Builder.class, () -> sealed("extra").fromEnvironment("key", "EXTRA_KEY").mountAt("/etc/extra"));
        SAMPLES.put(SealedValues.class, () -> SealedValues.parse(""));
        SAMPLES.put(Environment.Builder.class, () -> environment("stage").apiServer(6443, "10.20.0.10/32").cluster("https://stage.example.com"));
        SAMPLES.put(Environment.class, () -> environment("stage").apiServer(6443, "10.20.0.10/32").cluster("https://stage.example.com").build());
        SAMPLES.put(App.Builder.class, () -> app("extra").team("payments").image(IMAGE).port(8080));
        SAMPLES.put(WorkloadBuilder.class, () -> app("extra").team("payments").image(IMAGE).port(8080));
        SAMPLES.put(Container.Builder.class, () -> GoldenPath.container("helper").image(IMAGE)
                .resources(requests("50m", "32Mi"), limits("100m", "32Mi")));
        SAMPLES.put(SyncJobBuilder.class, () -> GoldenPath.job("migrate").command("migrate"));
        SAMPLES.put(App.class, () -> app("extra").team("payments").image(IMAGE).port(8080).build());
        SAMPLES.put(Team.class, () -> team("extra").owner("extra@example.com"));
        SAMPLES.put(Cluster.class, () -> cluster("stage", "https://stage.example.com"));
        SAMPLES.put(SecretStore.class, () -> vault("vault", "https://vault.example.com"));
        SAMPLES.put(Baseline.Builder.class, GoldenPath::baseline);
        SAMPLES.put(Baseline.ImageSignatures.class, () -> keyless("https://issuer.example.com", "ci@example.com"));
        SAMPLES.put(RuntimeProfile.class, () -> RuntimeProfile.DEFAULT);
        SAMPLES.put(Permission.class, () -> read("pods"));
        SAMPLES.put(Permission.Verbs.class, () -> GoldenPath.allow("get"));
        SAMPLES.put(Gateway.class, () -> GoldenPath.gateway("gateways", "public"));
        SAMPLES.put(IngressClass.class, () -> GoldenPath.ingressClass("nginx"));
        SAMPLES.put(Issuer.class, () -> GoldenPath.clusterIssuer("letsencrypt"));
    }

    /** A platform with one deliberate mistake (replicas -1), so that a test can check it is still reported. */
    private static Platform.Builder base() {
        return complete(platform("acme"));
    }

    private static Platform.Builder complete(Platform.Builder platform) {
        return platform.gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("payments").owner("payments@example.com"))
                .app(app("other").team("payments").image(IMAGE).port(8080).replicas(-1));
    }

    private static App.Builder web() {
        return app("web").team("payments").image(IMAGE).port(8080);
    }

    /** Puts a DSL value where it belongs in a platform. */
    private static Platform.Builder plug(Object value) {
        if (value instanceof Platform.Builder p) {
            return complete(p);
        }
        if (value instanceof Environment.Builder e) {
            return base().environment(e);
        }
        if (value instanceof Environment e) {
            return base().environment(e);
        }
        if (value instanceof Cluster c) {
            return base().environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster(c));
        }
        if (value instanceof Team t) {
            return base().team(t);
        }
        if (value instanceof WorkloadBuilder<?> a) {
            return base().app(a);
        }
        if (value instanceof Container.Builder c) {
            return base().app(web().sidecar(c));
        }
        if (value instanceof SyncJobBuilder j) {
            return base().app(web().beforeSync(j));
        }
        if (value instanceof App a) {
            return base().app(a);
        }
        if (value instanceof Port p) {
            return base().app(web().port(p));
        }
        if (value instanceof Requests r) {
            return base().app(web().resources(r, limits("1", "1Gi")));
        }
        if (value instanceof Limits l) {
            return base().app(web().resources(requests("100m", "64Mi"), l));
        }
        if (value instanceof Probe p) {
            return base().app(web().liveness(p));
        }
        if (value instanceof Rollout r) {
            return base().app(web().rollout(r));
        }
        if (value instanceof DisruptionBudget d) {
            return base().app(web().disruptionBudget(d));
        }
        if (value instanceof Toleration t) {
            return base().app(web().toleration(t));
        }
        if (value instanceof Dependency.Cidr c) {
            return base().app(web().callsExternal(c.ports(443)));
        }
        if (value instanceof AllPorts all) {
            return base().app(web().calledBy("other", all));
        }
        if (value instanceof Dependency.External d) {
            return base().app(web().callsExternal(d));
        }
        if (value instanceof Permission p) {
            return base().app(web().permissions(p));
        }
        if (value instanceof Permission.Verbs v) {
            return base().app(web().permissions(v.on("pods")));
        }
        if (value instanceof Secret.Builder<?> s) {
            return base().app(web().secret(s));
        }
        if (value instanceof SecretStore s) {
            return base().secretStore(s);
        }
        if (value instanceof Baseline.Builder b) {
            return base().baseline(b);
        }
        if (value instanceof Baseline.ImageSignatures s) {
            return base().baseline(baseline().signedImages(s));
        }
        if (value instanceof RuntimeProfile r) {
            return base().app(web().runtimeProfile(r));
        }
        if (value instanceof Gateway g) {
            return base().environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster("https://stage.example.com").gateway(g));
        }
        if (value instanceof IngressClass i) {
            return base().environment(environment("stage").apiServer(6443, "10.20.0.10/32").cluster("https://stage.example.com").ingressClass(i));
        }
        if (value instanceof Issuer i) {
            return plug(GoldenPath.ingressClass("nginx").issuer(i));
        }
        throw new IllegalArgumentException("no place for " + value.getClass());
    }

    /** Calls the method on a fresh receiver of its class and puts the result in a platform. */
    private static Platform.Builder call(Method method, Object[] arguments) throws Throwable {
        Class<?> owner = method.getDeclaringClass();
        if (Modifier.isStatic(method.getModifiers())) {
            return plug(invoke(method, null, arguments));
        }
        if (owner == Platform.Builder.class) {
            return (Platform.Builder) invoke(method, base(), arguments);
        }
        if (owner == App.Builder.class || owner == WorkloadBuilder.class || owner == ReplicatedBuilder.class
                || owner == ServingBuilder.class) {
            return base().app((WorkloadBuilder<?>) invoke(method, web(), arguments));
        }
        if (owner == WorkerBuilder.class) {
            return base().app((WorkloadBuilder<?>) invoke(method, GoldenPath.worker("mailer").team("payments").image(IMAGE), arguments));
        }
        if (owner == ScheduledJobBuilder.class) {
            return base().app((WorkloadBuilder<?>) invoke(method,
                    GoldenPath.scheduledJob("nightly", "0 2 * * *").team("payments").image(IMAGE), arguments));
        }
        if (owner == StatefulServiceBuilder.class) {
            return base().app((WorkloadBuilder<?>) invoke(method,
                    GoldenPath.statefulService("db").team("payments").image(IMAGE).port(5432), arguments));
        }
        if (owner == Container.Builder.class || owner == SyncJobBuilder.class) {
            return plug(invoke(method, SAMPLES.get(owner).get(), arguments));
        }
        if (owner == EnvironmentOverride.Builder.class) {
            List<Throwable> thrown = new ArrayList<>();
            Platform.Builder platform = base().app(web().in("prod", o -> {
                try {
                    invoke(method, o, arguments);
                } catch (Throwable e) {
                    thrown.add(e);
                }
            }));
            if (!thrown.isEmpty()) {
                throw thrown.get(0);
            }
            return platform;
        }
        Object receiver = owner == Secret.SealedBuilder.class || owner == Secret.Builder.class ? sealed("db").fromEnvironment("password", "DB_PASSWORD").mountAt("/etc/db")
                : owner == Secret.ExternalBuilder.class ? external("db").remote("password", "db", "password").mountAt("/etc/db")
                : SAMPLES.getOrDefault(owner, () -> {
                    throw new IllegalArgumentException("no sample " + owner);
                }).get();
        return plug(invoke(method, receiver, arguments));
    }

    private static Object invoke(Method method, Object receiver, Object[] arguments) throws Throwable {
        try {
            return method.invoke(receiver, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Stream<Method> methods() {
        return DSL.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                .filter(m -> m.getParameterCount() > 0 && !Set.of("equals", "build").contains(m.getName()))
                .filter(m -> m.getDeclaringClass() == GoldenPath.class || !Modifier.isStatic(m.getModifiers())
                        || m.getDeclaringClass() == Probe.class)
                .sorted(Comparator.comparing((Method m) -> m.getDeclaringClass().getName()).thenComparing(Method::toString));
    }

    /** Each way to pass a missing value: null for each reference parameter, and a null inside each array or map. */
    private static Stream<Object[]> nullArguments(Method method) {
        List<Object[]> variants = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i].isPrimitive()) {
                continue;
            }
            Object[] arguments = samples(types);
            arguments[i] = null;
            variants.add(arguments);
            if (types[i].isArray() && !types[i].getComponentType().isPrimitive()) {
                Object[] withNullElement = samples(types);
                withNullElement[i] = Array.newInstance(types[i].getComponentType(), 1);
                variants.add(withNullElement);
            }
            if (types[i] == Map.class) {
                Map<String, String> nullValue = new HashMap<>();
                nullValue.put("app", null);
                Map<String, String> nullKey = new HashMap<>();
                nullKey.put(null, "sample");
                for (Map<String, String> map : List.of(nullValue, nullKey)) {
                    Object[] withNullEntry = samples(types);
                    withNullEntry[i] = map;
                    variants.add(withNullEntry);
                }
            }
        }
        return variants.stream();
    }

    private static Object[] samples(Class<?>[] types) {
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            Supplier<Object> sample = type.isEnum() ? () -> type.getEnumConstants()[0] : SAMPLES.get(type);
            if (sample == null) {
                throw new IllegalStateException("add a sample value for " + type.getName());
            }
            arguments[i] = sample.get();
        }
        return arguments;
    }

    @TestFactory
    Stream<DynamicTest> everyNullArgumentIsAViolationAndTheOthersAreStillReported() {
        return methods().flatMap(method -> nullArguments(method).map(arguments -> DynamicTest.dynamicTest(
                method.getDeclaringClass().getSimpleName() + "." + method.getName() + Arrays.deepToString(arguments), () -> {
                    SpecException e = assertThrows(SpecException.class, () -> call(method, arguments).build());
                    List<Violation> violations = e.violations();
                    assertTrue(violations.stream().anyMatch(v -> v.value().equals("null") && !v.path().isBlank()
                            && v.rule().contains("missing")), () -> "no violation names the missing value: " + violations);
                    assertTrue(violations.stream().anyMatch(v -> v.path().equals("apps[other].replicas")),
                            () -> "the other mistake is no longer reported: " + violations);
                })));
    }

    @Test
    void coversEveryReferenceParameterOfTheDsl() {
        long variants = methods().flatMap(NullArgumentsTest::nullArguments).count();
        assertTrue(variants > 80, "only " + variants + " null variants found");
    }

    @Test
    void namesTheMissingValueByItsPath() {
        SpecException e = assertThrows(SpecException.class, () -> base().app(app("web").team("payments").image(null)
                .port(8080).env("LOG_LEVEL", null)).build());
        List<String> missing = e.violations().stream().filter(v -> v.value().equals("null")).map(Violation::path).toList();
        assertEquals(List.of("apps[web].image", "apps[web].env[LOG_LEVEL].value"), missing);
        // The missing image is not reported a second time as "an image is required".
        assertTrue(e.violations().stream().filter(v -> v.path().equals("apps[web].image")).count() == 1, e::getMessage);
        if (e.getMessage().contains("NullPointerException")) {
            fail(e.getMessage());
        }
    }
}
