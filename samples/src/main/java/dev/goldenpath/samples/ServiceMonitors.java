package dev.goldenpath.samples;

import dev.goldenpath.dsl.Port;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.extension.AppContext;
import dev.goldenpath.generators.extension.PlatformGenerator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;

/**
 * The acme platform team's own golden-path part: every app with a port named {@code metrics} is scraped by the
 * Prometheus Operator through a {@code ServiceMonitor} (monitoring.coreos.com/v1) next to it. The monitor selects the
 * app's Service by goldenpath's name label and scrapes the Service port by name; the app still declares who may
 * reach that port ({@code .calledByNamespace("monitoring", 9090)}), so the network graph stays the declared one.
 *
 * <p>fabric8's core model has no Prometheus Operator kinds (they live in a separate, large artifact), so the object is a
 * {@code GenericKubernetesResource}; the samples' tests validate it against the upstream CRD.
 */
public final class ServiceMonitors implements PlatformGenerator {

    /** The port name that marks a metrics endpoint. */
    public static final String PORT = "metrics";

    @Override
    public void contribute(AppContext app) {
        if (app.instance().app().container().ports().stream().map(Port::name).noneMatch(PORT::equals)) {
            return;
        }
        app.add(new GenericKubernetesResourceBuilder()
                .withApiVersion("monitoring.coreos.com/v1")
                .withKind("ServiceMonitor")
                .withNewMetadata().withName(app.instance().name()).endMetadata()
                .addToAdditionalProperties("spec", Map.of(
                        "selector", Map.of("matchLabels", Map.of(Labels.NAME, app.instance().name())),
                        // Scrape every 30 s with a timeout below the interval, as the operator requires.
                        "endpoints", List.of(Map.of("port", PORT, "path", "/metrics", "scheme", "http",
                                "interval", "30s", "scrapeTimeout", "10s"))))
                .build());
    }
}
