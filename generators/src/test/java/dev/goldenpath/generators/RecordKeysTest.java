package dev.goldenpath.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.goldenpath.dsl.RuntimeProfile;
import dev.goldenpath.generators.network.Endpoint;
import dev.goldenpath.reachability.Pod;
import dev.goldenpath.reachability.Port;
import dev.goldenpath.vocabulary.Protocol;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The records whose {@code equals} and {@code hashCode} are written out (docs/architecture.md, "Records as keys") keep
 * a record's meaning: equal exactly when every component is equal, and the hash a record of the JDK computes
 * ({@code 31 * h + hash(component)}, in component order), so that maps keyed by them iterate as before. Each record is
 * given with one variant per component that differs in that component only: a component added later without its
 * variant, or left out of the methods, fails here.
 */
class RecordKeysTest {

    static Stream<Arguments> records() throws Exception {
        Record labelKey = labelKey("production", "app.kubernetes.io/name", "api");
        Pod pod = new Pod("production", "api-0", Map.of("app", "api"), List.of("10.0.0.1"),
                List.of(Port.named("http", 8080, Protocol.TCP)));
        return Stream.of(
                Arguments.of(new Endpoint.App("production", "api", "api"), List.of(
                        new Endpoint.App("staging", "api", "api"), new Endpoint.App("production", "web", "api"),
                        new Endpoint.App("production", "api", "migrate"))),
                Arguments.of(new Endpoint.Namespace("production"), List.of(new Endpoint.Namespace("staging"))),
                Arguments.of(new Endpoint.Pods("ingress-controller", "ingress", Map.of("app", "nginx")), List.of(
                        new Endpoint.Pods("dns", "ingress", Map.of("app", "nginx")),
                        new Endpoint.Pods("ingress-controller", "kube-system", Map.of("app", "nginx")),
                        new Endpoint.Pods("ingress-controller", "ingress", Map.of("app", "traefik")))),
                Arguments.of(new Endpoint.IpBlock("external", "203.0.113.0/24", List.of()), List.of(
                        new Endpoint.IpBlock("kubernetes-api", "203.0.113.0/24", List.of()),
                        new Endpoint.IpBlock("external", "198.51.100.0/24", List.of()),
                        new Endpoint.IpBlock("external", "203.0.113.0/24", List.of("203.0.113.128/25")))),
                Arguments.of(clusterResource("", "Namespace", "production"), List.of(
                        clusterResource("rbac.authorization.k8s.io", "Namespace", "production"),
                        clusterResource("", "ClusterRole", "production"),
                        clusterResource("", "Namespace", null))),
                Arguments.of(new RuntimeProfile(List.of("/usr/bin/api"), List.of("/etc"), Optional.empty()), List.of(
                        new RuntimeProfile(List.of(), List.of("/etc"), Optional.empty()),
                        new RuntimeProfile(List.of("/usr/bin/api"), List.of("/etc", "/usr"), Optional.empty()),
                        new RuntimeProfile(List.of("/usr/bin/api"), List.of("/etc"), Optional.of("debug shell")))),
                Arguments.of(pod, List.of(
                        new Pod("staging", "api-0", pod.labels(), pod.ips(), pod.ports()),
                        new Pod("production", "api-1", pod.labels(), pod.ips(), pod.ports()),
                        new Pod("production", "api-0", Map.of("app", "web"), pod.ips(), pod.ports()),
                        new Pod("production", "api-0", pod.labels(), List.of("10.0.0.2"), pod.ports()),
                        new Pod("production", "api-0", pod.labels(), pod.ips(), List.of(Port.of(8080, Protocol.TCP))))),
                Arguments.of(Port.named("http", 8080, Protocol.TCP), List.of(
                        Port.named("web", 8080, Protocol.TCP), Port.named("http", 8081, Protocol.TCP),
                        Port.named("http", 8080, Protocol.UDP))),
                Arguments.of(labelKey, List.of(labelKey("staging", "app.kubernetes.io/name", "api"),
                        labelKey("production", "team", "api"), labelKey("production", "app.kubernetes.io/name", "web"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void equalExactlyWhenEveryComponentIsEqualWithTheJdksHash(Record record, List<Record> variants) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        assertEquals(components.length, variants.size(), record.getClass() + ": one variant per component");
        Record copy = copy(record);
        assertEquals(record, copy);
        assertEquals(copy, record);
        assertEquals(hash(record), record.hashCode(), "the JDK's record hash");
        assertEquals(record.hashCode(), copy.hashCode());
        assertNotEquals(null, record);
        assertNotEquals(record, (Object) "not a record");
        for (int i = 0; i < components.length; i++) {
            Record variant = variants.get(i);
            for (int j = 0; j < components.length; j++) {
                assertEquals(i != j, Objects.equals(value(components[j], record), value(components[j], variant)),
                        record.getClass().getSimpleName() + " variant " + i + ", component " + components[j].getName());
            }
            assertNotEquals(record, variant, "differs in " + components[i].getName());
            assertNotEquals(variant, record, "differs in " + components[i].getName());
            assertEquals(hash(variant), variant.hashCode(), "the JDK's record hash");
        }
    }

    /** What {@code java.lang.runtime.ObjectMethods} computes for a record's {@code hashCode}. */
    private static int hash(Record record) throws Exception {
        int hash = 0;
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            hash = hash * 31 + Objects.hashCode(value(component, record));
        }
        return hash;
    }

    private static Object value(RecordComponent component, Record record) throws Exception {
        var accessor = component.getAccessor();
        accessor.setAccessible(true);
        return accessor.invoke(record);
    }

    /** The same record made again through its canonical constructor: equal, not identical. */
    private static Record copy(Record record) throws Exception {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        List<Object> values = new ArrayList<>();
        for (RecordComponent component : components) {
            values.add(value(component, record));
        }
        Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return (Record) canonical.newInstance(values.toArray());
    }

    /** reachability's LabelKey, package-private there. */
    private static Record labelKey(String namespace, String key, String value) throws Exception {
        return ofStrings("dev.goldenpath.reachability.LabelKey", namespace, key, value);
    }

    /** The Argo CD package's ClusterResource, package-private there. */
    private static Record clusterResource(String group, String kind, String name) throws Exception {
        return ofStrings("dev.goldenpath.generators.argocd.AppProject$ClusterResource", group, kind, name);
    }

    private static Record ofStrings(String record, String... values) throws Exception {
        Class<?>[] types = new Class<?>[values.length];
        Arrays.fill(types, String.class);
        Constructor<?> constructor = Class.forName(record).getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return (Record) constructor.newInstance((Object[]) values);
    }
}
