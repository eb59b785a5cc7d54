package dev.goldenpath.generators.exposure;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Gateway;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Port;
import dev.goldenpath.dsl.Route;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gateway API {@code HTTPRoute}s: one per host, named {@code <app>-<host>}, so that the path prefixes of one host never
 * apply to another (an HTTPRoute's rules apply to all of its hostnames). Each attaches to the environment's Gateway by
 * its HTTPS listener only ({@code sectionName}): the route is not served over plain HTTP, and TLS terminates at the
 * platform's Gateway with the platform's certificate, whose key never enters the app's namespace.
 */
final class HttpRoutes {

    private static final String GATEWAY_GROUP = "gateway.networking.k8s.io";

    private HttpRoutes() {
    }

    static List<HasMetadata> render(Platform platform, AppInstance instance, Gateway gateway) {
        // host -> backend port -> path prefixes, all sorted: the output does not depend on declaration order.
        Map<String, Map<Integer, TreeSet<String>>> hosts = new TreeMap<>();
        for (Route route : instance.app().exposure().routes()) {
            Port port = route.backendPort(instance.app().container().ports()).orElseThrow();
            hosts.computeIfAbsent(route.host(), h -> new TreeMap<>())
                    .computeIfAbsent(port.number(), p -> new TreeSet<>()).addAll(route.pathPrefixes());
        }
        List<HasMetadata> routes = new ArrayList<>();
        hosts.forEach((host, ports) -> routes.add(route(platform, instance, gateway, host, ports)));
        return routes;
    }

    private static HTTPRoute route(Platform platform, AppInstance instance, Gateway gateway, String host,
                                   Map<Integer, TreeSet<String>> ports) {
        List<HTTPRouteRule> rules = new ArrayList<>();
        // One rule per backend port; the DSL keeps a host within one HTTPRoute's bounds (16 rules, 64 matches each).
        ports.forEach((port, prefixes) -> rules.add(new HTTPRouteRuleBuilder()
                .withMatches(prefixes.stream().map(prefix -> new HTTPRouteMatchBuilder().withNewPath()
                        .withType("PathPrefix").withValue(prefix).endPath().build()).toList())
                // The app's own ClusterIP Service, in the route's namespace: no ReferenceGrant needed.
                .withBackendRefs(new HTTPBackendRefBuilder().withName(instance.name()).withPort(port).build())
                .build()));
        return new HTTPRouteBuilder()
                .withMetadata(Exposures.metadata(platform, instance, instance.name() + "-" + host))
                .withNewSpec()
                .withParentRefs(new ParentReferenceBuilder()
                        .withGroup(GATEWAY_GROUP)
                        .withKind("Gateway")
                        .withNamespace(gateway.namespace())
                        .withName(gateway.name())
                        // The HTTPS listener only: no plain-HTTP route to the app.
                        .withSectionName(gateway.listener())
                        .build())
                .withHostnames(host)
                .withRules(rules)
                .endSpec()
                .build();
    }
}
