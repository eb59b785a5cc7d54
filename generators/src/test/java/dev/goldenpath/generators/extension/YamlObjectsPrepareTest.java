package dev.goldenpath.generators.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a renderer with extensions starts in the background (the YAML reader and fabric8's generic resource, made
 * ready for the first {@code addYaml}) runs once per process and changes no result, however many parse beside it.
 */
class YamlObjectsPrepareTest {

    private static final String YAML = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              mode: fast
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: web
            spec:
              endpoints:
                - port: metrics
            """;

    @Test
    void startsOneDaemonThreadAtMostAndParsesBesideItAsWithout() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<HasMetadata>>> parses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                YamlObjects.prepareInBackground();
                parses.add(pool.submit(() -> YamlObjects.parse(YAML)));
            }
            long preparing = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("goldenpath-yaml-objects"))
                    .peek(thread -> assertTrue(thread.isDaemon(), "a daemon: it never keeps a process alive"))
                    .count();
            assertTrue(preparing <= 1, preparing + " threads preparing");
            for (Future<List<HasMetadata>> parse : parses) {
                List<HasMetadata> objects = parse.get();
                assertEquals(2, objects.size());
                assertEquals("fast", ((ConfigMap) objects.get(0)).getData().get("mode"));
                GenericKubernetesResource monitor = (GenericKubernetesResource) objects.get(1);
                assertEquals("monitoring.coreos.com/v1", monitor.getApiVersion());
                assertEquals("metrics", monitor.<String>get("spec", "endpoints", 0, "port"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
