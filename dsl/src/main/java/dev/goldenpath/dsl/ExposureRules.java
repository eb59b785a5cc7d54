package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.NameSyntax;
import dev.goldenpath.vocabulary.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What apps serve from outside the cluster: hosts and path prefixes that every controller reads the same way, a TCP
 * port to route to, an environment that says how traffic enters (a Gateway or an ingress class), and no host and path
 * prefix claimed by two apps of one environment: the second would silently take over the first one's traffic.
 */
record ExposureRules(Platform platform, Problems problems) {

    /** An HTTPRoute rule's matches ({@code maxItems: 64}). */
    static final int MAX_PREFIXES_PER_HOST = 64;
    /** An HTTPRoute's rules ({@code maxItems: 16}), one per backend port. */
    static final int MAX_PORTS_PER_HOST = 16;

    /** One app's routes: their syntax, their port, and where they can be served. */
    void app(App app, FieldPath path) {
        List<Route> routes = app.exposure().routes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            FieldPath routePath = path.field("expose").index(i);
            problems.addIf(ViolationCode.EXPOSURE_HOST_INVALID, routePath.field("host"), route.host(),
                    hostProblem(app, route.host()), "use the app's public name, e.g. 'shop.acme.example'");
            for (int j = 0; j < route.pathPrefixes().size(); j++) {
                String prefix = route.pathPrefixes().get(j);
                FieldPath prefixPath = routePath.field("pathPrefixes").index(j);
                problems.addIf(ViolationCode.EXPOSURE_PATH_INVALID, prefixPath, prefix, RouteSyntax.pathProblem(prefix),
                        "use a plain prefix such as '/' or '/api/v1'");
                if (!seen.add(route.host() + prefix)) {
                    problems.add(ViolationCode.EXPOSURE_ROUTE_DUPLICATE, prefixPath, route.host() + prefix,
                            "the app already routes this host and path prefix", "declare each host and prefix once");
                }
            }
            port(app, route, routePath);
        }
        perHost(app, path);
        if (!routes.isEmpty()) {
            environments(app, path);
            certificateSecret(app, path);
        }
        gatewayNamespace(app, path);
    }

    /** The environments' Gateways and ingress classes, and the routes two apps of one environment both claim. */
    void platformWide() {
        for (Environment environment : platform.environments()) {
            FieldPath path = FieldPath.environment(environment.name());
            environment.gateway().ifPresent(gateway -> gateway(gateway, path.field("gateway")));
            environment.ingressClass().ifPresent(ingress -> ingressClass(ingress, path.field("ingressClass")));
        }
        collisions();
    }

    private static String hostProblem(App app, String host) {
        String problem = RouteSyntax.hostProblem(host);
        if (problem == null && app.name().length() + 1 + host.length() > NameSyntax.SUBDOMAIN_MAX) {
            // The route object is named <app>-<host>: one per host, so that a host's rules never apply to another.
            return "with the app's name it names the route object '" + app.name() + "-…', which must be at most 253"
                    + " characters";
        }
        return problem;
    }

    private void port(App app, Route route, FieldPath routePath) {
        List<Port> ports = app.container().ports();
        Optional<Port> backend = route.backendPort(ports);
        if (route.port().isPresent() && backend.isEmpty()) {
            problems.add(ViolationCode.EXPOSURE_PORT_UNKNOWN, routePath.field("port"), route.port().get(),
                    "the app declares no port of this name",
                    "name one of its ports: " + (ports.isEmpty() ? "declare a port first" : ports.stream().map(Port::name).toList()));
        } else if (backend.isEmpty()) {
            problems.add(ViolationCode.EXPOSURE_NO_PORT, routePath.field("host"), route.host(),
                    "the app declares no port, so the route has nothing to reach", "declare the port it serves HTTP on: .port(8080)");
        } else if (backend.get().protocol() != Protocol.TCP) {
            problems.add(ViolationCode.EXPOSURE_PORT_NOT_TCP, routePath.field("port"), backend.get().name(),
                    "the route reaches a " + backend.get().protocol() + " port, but HTTP runs over TCP",
                    "route to a TCP port with .exposePort(\"<port>\", host, prefixes...)");
        }
    }

    /** Every environment the app runs in must say how traffic from outside enters it. */
    private void environments(App app, FieldPath path) {
        for (Environment environment : platform.environments()) {
            if (Instances.deployedIn(app, environment) && environment.gateway().isEmpty()
                    && environment.ingressClass().isEmpty()) {
                problems.add(ViolationCode.EXPOSURE_NO_GATEWAY, path.field("expose"), environment.name(),
                        "the app is exposed in environment " + environment.name()
                                + ", which declares neither a Gateway nor an ingress class",
                        "declare one on the environment: environment(\"" + environment.name()
                                + "\").gateway(gateway(\"<namespace>\", \"<name>\")) or .ingressClass(ingressClass(\"<class>\")),"
                                + " or deploy the app elsewhere with .onlyIn(..)");
            }
        }
    }

    /**
     * One host of an app is one HTTPRoute: at most 16 rules (one per backend port) of at most 64 matches (the CRD's
     * {@code maxItems}, and at most 128 matches in all).
     */
    private void perHost(App app, FieldPath path) {
        Map<String, Set<String>> prefixes = new LinkedHashMap<>();
        Map<String, Set<String>> ports = new LinkedHashMap<>();
        for (Route route : app.exposure().routes()) {
            prefixes.computeIfAbsent(route.host(), h -> new HashSet<>()).addAll(route.pathPrefixes());
            ports.computeIfAbsent(route.host(), h -> new HashSet<>()).add(route.port().orElse(""));
        }
        prefixes.forEach((host, hostPrefixes) -> {
            if (hostPrefixes.size() > MAX_PREFIXES_PER_HOST || ports.get(host).size() > MAX_PORTS_PER_HOST) {
                problems.add(ViolationCode.EXPOSURE_HOST_TOO_MANY_ROUTES, path.field("expose"), host,
                        "the app routes " + hostPrefixes.size() + " path prefixes to " + ports.get(host).size()
                                + " ports of this host; one HTTPRoute holds at most " + MAX_PREFIXES_PER_HOST
                                + " prefixes and " + MAX_PORTS_PER_HOST + " ports",
                        "route a shorter common prefix (a prefix covers every path below it)");
            }
        });
    }

    /** cert-manager writes the Secret {@code <app>-tls} where an issuer is declared: the app's own must not take it. */
    private void certificateSecret(App app, FieldPath path) {
        String name = app.name() + "-tls";
        boolean issued = platform.environments().stream().anyMatch(e -> Instances.deployedIn(app, e)
                && e.ingressClass().flatMap(IngressClass::issuer).isPresent());
        if (issued && app.secrets().stream().anyMatch(s -> s.name().equals(name))) {
            problems.add(ViolationCode.SECRET_DUPLICATE, path.field("secrets").key(name), name,
                    "cert-manager writes the exposed app's certificate to the Secret " + name
                            + ": two controllers would fight over one Secret", "give the app's own secret another name");
        }
    }

    /** The gateway's namespaces are the platform's: an app's default deny there would cut the gateway off. */
    private void gatewayNamespace(App app, FieldPath path) {
        for (Environment environment : platform.environments()) {
            if (!Instances.deployedIn(app, environment) || environment.gateway().isEmpty()) {
                continue;
            }
            Gateway gateway = environment.gateway().get();
            String namespace = Instances.namespace(app, environment);
            if (namespace.equals(gateway.namespace()) || namespace.equals(gateway.pods().namespace())) {
                problems.add(ViolationCode.NAMESPACE_OWNED_BY_OTHER, path.field("namespace"), namespace,
                        "namespace " + namespace + " (in " + environment.name() + ") belongs to the Gateway "
                                + gateway.namespace() + "/" + gateway.name()
                                + "; the app's default-deny policies would cut the gateway off",
                        "use a namespace of the app's own, e.g. the default pattern '"
                                + Environment.DEFAULT_NAMESPACE_PATTERN + "'");
            }
        }
    }

    private void gateway(Gateway gateway, FieldPath path) {
        namespace(path.field("namespace"), gateway.namespace());
        subdomain(path.field("name"), gateway.name(), "the Gateway's name", "public");
        subdomain(path.field("listener"), gateway.listener(), "the listener's name (sectionName)", Gateway.DEFAULT_LISTENER);
        FieldPath pods = path.field("pods");
        namespace(pods.field("namespace"), gateway.pods().namespace());
        Map<String, String> labels = gateway.pods().podLabels();
        if (labels.isEmpty()) {
            problems.add(ViolationCode.NETWORK_PEER_SELECTS_ALL, pods.field("podLabels"), "{}",
                    "no pod labels select every pod of " + gateway.pods().namespace()
                            + ", so policies would let all of them in",
                    "name the gateway pods' labels, e.g. Map.of(\"" + Gateway.GATEWAY_NAME_LABEL + "\", \"" + gateway.name() + "\")");
        }
        labels.forEach((key, value) -> {
            problems.addIf(ViolationCode.LABEL_KEY_INVALID, pods.field("podLabels").key(key), key,
                    Names.qualifiedName(key), "use e.g. '" + Gateway.GATEWAY_NAME_LABEL + "'");
            problems.addIf(ViolationCode.LABEL_VALUE_INVALID, pods.field("podLabels").key(key), value,
                    Names.labelValue(value), "use e.g. '" + gateway.name() + "'");
        });
    }

    private void ingressClass(IngressClass ingress, FieldPath path) {
        subdomain(path.field("name"), ingress.name(), "the ingress class", "nginx");
        ingress.issuer().ifPresent(issuer -> subdomain(path.field("issuer").field("name"), issuer.name(),
                "the cert-manager " + issuer.kind().kubernetesKind() + "'s name", "letsencrypt"));
    }

    private void namespace(FieldPath path, String namespace) {
        String problem = Names.dns1123Label(namespace);
        problems.addIf(ViolationCode.NAMESPACE_INVALID, path, namespace, problem == null ? null : "the namespace " + problem,
                "use the namespace it runs in, e.g. 'gateways'");
    }

    private void subdomain(FieldPath path, String name, String what, String example) {
        if (!NameSyntax.isDns1123Subdomain(name)) {
            problems.add(ViolationCode.EXPOSURE_NAME_INVALID, path, name, what + " must be a DNS-1123 subdomain of at most"
                    + " 253 characters: lowercase letters, digits, '-' and '.'", "use the object's name, e.g. '" + example + "'");
        }
    }

    /**
     * The same host and path prefix from two apps of one environment: the controllers would pick one of them by
     * creation time or name, so one app would silently take the other's traffic. Reported at the later app, naming
     * the earlier one and the environments. The same host with different prefixes is fine.
     */
    private void collisions() {
        Map<String, Map<String, String>> claims = new HashMap<>();   // environment -> host+prefix -> app
        for (App app : platform.apps()) {
            List<Route> routes = app.exposure().routes();
            for (int i = 0; i < routes.size(); i++) {
                Route route = routes.get(i);
                for (int j = 0; j < route.pathPrefixes().size(); j++) {
                    String claim = route.host() + route.pathPrefixes().get(j);
                    Map<String, List<String>> others = new LinkedHashMap<>();
                    for (Environment environment : platform.environments()) {
                        if (!Instances.deployedIn(app, environment)) {
                            continue;
                        }
                        String other = claims.computeIfAbsent(environment.name(), e -> new HashMap<>())
                                .putIfAbsent(claim, app.name());
                        if (other != null && !other.equals(app.name())) {
                            others.computeIfAbsent(other, o -> new ArrayList<>()).add(environment.name());
                        }
                    }
                    FieldPath prefixPath = FieldPath.app(app.name()).field("expose").index(i).field("pathPrefixes").index(j);
                    others.forEach((other, environments) -> problems.add(ViolationCode.EXPOSURE_COLLISION, prefixPath,
                            claim, "apps " + other + " and " + app.name() + " both route https://" + claim + " in "
                                    + String.join(", ", environments) + ": one would silently take the other's traffic",
                            "give one of them another host or path prefix, or deploy them to different environments"));
                }
            }
        }
    }
}
