package dev.goldenpath.generators.extension;

import dev.goldenpath.dsl.Port;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;

/**
 * A scrape target per app with a {@code metrics} port, and an index per environment (listed in the test's
 * META-INF/services).
 */
public final class ScrapeTargets implements PlatformGenerator {

    @Override
    public void contribute(AppContext app) {
        app.instance().app().container().ports().stream().filter(p -> p.name().equals("metrics")).map(Port::number).findFirst()
                .ifPresent(port -> app.add(new ConfigMapBuilder().withNewMetadata()
                        .withName(app.instance().name() + "-scrape").endMetadata()
                        .withData(Map.of("target", app.instance().name() + "." + app.instance().namespace() + ".svc:" + port))
                        .build()));
    }

    @Override
    public void contribute(EnvironmentContext environment) {
        environment.add(new ConfigMapBuilder().withNewMetadata().withName("scrape-index").withNamespace("monitoring")
                .endMetadata().withData(Map.of("apps", String.join(",", environment.instances().stream()
                        .map(i -> i.name()).toList()), "cost-center", "cc-42")).build());
    }
}
