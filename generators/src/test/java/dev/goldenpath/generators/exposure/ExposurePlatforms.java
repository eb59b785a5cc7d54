package dev.goldenpath.generators.exposure;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.clusterIssuer;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.gateway;
import static dev.goldenpath.dsl.GoldenPath.ingressClass;
import static dev.goldenpath.dsl.GoldenPath.issuer;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.team;

import dev.goldenpath.dsl.Platform;

/**
 * A platform whose environments use each way in: production a Gateway, staging an ingress class with a ClusterIssuer,
 * qa an ingress class with a namespaced Issuer, dev an ingress class without issuer (the controller's default
 * certificate).
 */
final class ExposurePlatforms {

    private ExposurePlatforms() {
    }

    /** The platform's four environments (a gateway, an ingress class with each kind of issuer, none) and two teams. */
    private static Platform.Builder environmentsAndTeams() {
        return platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("production").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc")
                        .gateway(gateway("gateways", "public")))
                .environment(environment("staging").apiServer(6443, "10.20.0.10/32").cluster("https://staging.example.com:6443")
                        .ingressClass(ingressClass("nginx").issuer(clusterIssuer("letsencrypt"))))
                .environment(environment("qa").apiServer(6443, "10.20.0.10/32").cluster("https://qa.example.com:6443")
                        .ingressClass(ingressClass("nginx").issuer(issuer("team-ca"))))
                .environment(environment("dev").apiServer(6443, "10.20.0.10/32").cluster("https://dev.example.com:6443")
                        .ingressClass(ingressClass("nginx")))
                .team(team("web").owner("web@acme.example"))
                .team(team("api").owner("api@acme.example"));
    }

    static Platform.Builder builder(boolean mesh) {
        Platform.Builder builder = environmentsAndTeams()
                // Two ports reached by routes, one (metrics) that no route reaches.
                .app(app("frontend").team("web").image("registry.acme.example/web/frontend:2.3.1")
                        .port(8080).port(port("admin", 9000)).port(port("metrics", 9090))
                        .expose("www.acme.example")
                        .expose("shop.acme.example", "/", "/static")
                        .exposePort("admin", "shop.acme.example", "/admin"))
                // Same host as frontend, another prefix: allowed.
                .app(app("orders").team("api").image("registry.acme.example/api/orders:1.0.0").port(8443)
                        .expose("shop.acme.example", "/api/orders"))
                .app(app("ledger").team("api").image("registry.acme.example/api/ledger:1.0.0").port(5432)
                        .calledBy("orders", 5432));
        return mesh ? builder.istioMesh() : builder;
    }

    static Platform acme() {
        return builder(false).build();
    }

    /** The same platform, apps and routes declared in another order. */
    static Platform reordered() {
        return environmentsAndTeams()
                .app(app("ledger").team("api").image("registry.acme.example/api/ledger:1.0.0").port(5432)
                        .calledBy("orders", 5432))
                .app(app("orders").team("api").image("registry.acme.example/api/orders:1.0.0").port(8443)
                        .expose("shop.acme.example", "/api/orders"))
                .app(app("frontend").team("web").image("registry.acme.example/web/frontend:2.3.1")
                        .port(8080).port(port("admin", 9000)).port(port("metrics", 9090))
                        .exposePort("admin", "shop.acme.example", "/admin")
                        .expose("shop.acme.example", "/static", "/")
                        .expose("www.acme.example"))
                .build();
    }
}
