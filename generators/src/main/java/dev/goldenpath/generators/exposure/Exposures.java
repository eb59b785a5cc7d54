package dev.goldenpath.generators.exposure;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.metadata.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/**
 * What an exposed app serves from outside the cluster, in its own folder and namespace: HTTPRoutes on the
 * environment's Gateway, or an Ingress of its ingress class (with a cert-manager Certificate when the class names an
 * issuer). HTTPS only: a route attaches only to the Gateway's HTTPS listener, and an Ingress lists every host under
 * {@code tls}. The NetworkPolicy ingress from the gateway's pods comes from the same declaration
 * ({@code network.ExposureEdges}).
 */
public final class Exposures {

    private Exposures() {
    }

    /** The app's route objects in its environment; none when it is not exposed. */
    public static List<HasMetadata> render(Platform platform, AppInstance instance) {
        if (instance.app().exposure().routes().isEmpty()) {
            return List.of();
        }
        Environment environment = instance.environment();
        if (environment.gateway().isPresent()) {
            return HttpRoutes.render(platform, instance, environment.gateway().get());
        }
        if (environment.ingressClass().isPresent()) {
            return Ingresses.render(platform, instance, environment.ingressClass().get());
        }
        // The DSL refuses an exposed app in an environment without a Gateway or an ingress class.
        throw new IllegalStateException("app " + instance.name() + " is exposed in " + environment.name()
                + ", which declares neither a Gateway nor an ingress class");
    }

    static ObjectMeta metadata(Platform platform, AppInstance instance, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(instance.namespace())
                .withLabels(Labels.of(platform, instance))
                .withAnnotations(Labels.annotations(instance))
                .build();
    }
}
