package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.gateway;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exposure mistakes come in the one SpecException, next to every other mistake of the spec. */
class ExposureValidationTest {

    @Test
    void everyExposureMistakeIsReportedTogetherWithTheOthers() {
        Platform.Builder spec = platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32")
                        .gateway(gateway("gateways", "public")))
                .environment(environment("staging").cluster("https://staging.example.com:6443").apiServer(6443, "10.0.0.1/32"))
                .team(team("web").owner("web@acme.example"))
                .app(app("shop").team("web").image("registry.acme.example/shop:latest").port(8080)
                        .expose("Shop.acme.example", "/api/")
                        .exposePort("admin", "shop.acme.example"))
                .app(app("api").team("web").image("registry.acme.example/api:1.0.0").port(8080).onlyIn("prod")
                        .expose("shop.acme.example", "/"));
        SpecException e = assertThrows(SpecException.class, spec::build);
        assertEquals(List.of(
                "image.latest-tag apps[shop].image",
                "exposure.host-invalid apps[shop].expose[0].host",
                "exposure.path-invalid apps[shop].expose[0].pathPrefixes[0]",
                "exposure.port-unknown apps[shop].expose[1].port",
                "exposure.no-gateway apps[shop].expose",
                "exposure.collision apps[api].expose[0].pathPrefixes[0]"),
                e.violations().stream().map(v -> v.code().code() + " " + v.path()).toList());
        // Nothing is rendered from a spec that is not valid: build() is the only way to a Platform.
        assertEquals(6, e.violations().size());
    }
}
