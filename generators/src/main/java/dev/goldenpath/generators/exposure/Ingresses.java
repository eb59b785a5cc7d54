package dev.goldenpath.generators.exposure;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.IngressClass;
import dev.goldenpath.dsl.Issuer;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Port;
import dev.goldenpath.dsl.Route;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code networking.k8s.io/v1} Ingress per exposed app, of the environment's ingress class: a rule per host with
 * {@code Prefix} paths to the app's Service port (by name), and a {@code tls} entry for every host. With an issuer, the
 * entry names the Secret {@code <app>-tls} and a cert-manager Certificate for exactly the app's hosts keeps it current
 * in the app's namespace; without one, the controller serves its default certificate.
 */
final class Ingresses {

    /** cert-manager's API group, as a Certificate's issuerRef names it. */
    private static final String CERT_MANAGER_GROUP = "cert-manager.io";

    private Ingresses() {
    }

    static List<HasMetadata> render(Platform platform, AppInstance instance, IngressClass ingressClass) {
        // host -> path prefix -> port name, sorted: the output does not depend on declaration order.
        Map<String, Map<String, String>> hosts = new TreeMap<>();
        for (Route route : instance.app().exposure().routes()) {
            Port port = route.backendPort(instance.app().container().ports()).orElseThrow();
            route.pathPrefixes().forEach(prefix ->
                    hosts.computeIfAbsent(route.host(), h -> new TreeMap<>()).put(prefix, port.name()));
        }
        List<IngressRule> rules = new ArrayList<>();
        hosts.forEach((host, paths) -> rules.add(new IngressRuleBuilder()
                .withHost(host)
                .withNewHttp()
                .withPaths(paths.entrySet().stream().map(p -> path(instance.name(), p.getKey(), p.getValue())).toList())
                .endHttp()
                .build()));
        List<String> names = List.copyOf(hosts.keySet());
        String secret = instance.name() + "-tls";
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(new IngressBuilder()
                .withMetadata(Exposures.metadata(platform, instance, instance.name()))
                .withNewSpec()
                .withIngressClassName(ingressClass.name())
                // TLS for every host; the controller redirects plain HTTP to HTTPS for hosts listed here.
                .withTls(new IngressTLSBuilder().withHosts(names)
                        .withSecretName(ingressClass.issuer().isPresent() ? secret : null).build())
                .withRules(rules)
                .endSpec()
                .build());
        ingressClass.issuer().ifPresent(issuer -> objects.add(certificate(platform, instance, secret, names, issuer)));
        return objects;
    }

    private static HTTPIngressPath path(String service, String prefix, String portName) {
        return new HTTPIngressPathBuilder()
                .withPath(prefix)
                .withPathType("Prefix")
                .withNewBackend().withNewService().withName(service).withNewPort().withName(portName).endPort()
                .endService().endBackend()
                .build();
    }

    private static Certificate certificate(Platform platform, AppInstance instance, String secret, List<String> hosts,
                                           Issuer issuer) {
        return new Certificate(Exposures.metadata(platform, instance, secret), new Certificate.Spec(secret, hosts,
                new Certificate.IssuerRef(CERT_MANAGER_GROUP, issuer.kind().kubernetesKind(), issuer.name()),
                // ECDSA P-256: smaller and faster than RSA at equal strength (NIST SP 800-57); a new key at every
                // renewal, so a leaked key dies with its certificate (cert-manager's rotationPolicy Always).
                new Certificate.PrivateKey("ECDSA", 256, "Always")));
    }
}
