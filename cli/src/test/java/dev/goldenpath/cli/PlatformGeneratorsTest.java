package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Platform generators are found on the specs' class path as the specs are, and run in every render. */
class PlatformGeneratorsTest {

    @TempDir
    Path tmp;

    @Test
    void theSamplesGeneratorsRunInTheCommandLinesRender() throws IOException {
        Path out = tmp.resolve("out");
        Run run = Run.of("render", "--spec", "dev.goldenpath.samples.AcmeSpec", "--dir", out.toString());
        assertEquals(0, run.exit(), run::toString);
        Path gateway = out.resolve("acme/apps/production/api-gateway");
        assertTrue(Files.readString(gateway.resolve("servicemonitor.yaml")).contains("kind: ServiceMonitor"));
        assertTrue(Files.readString(gateway.resolve("kustomization.yaml")).contains("- certificate-api-gateway-tls.yaml"));
        assertTrue(Files.readString(out.resolve("acme/apps/production/frontend/deployment.yaml")).contains("ndots"));
    }

    @Test
    void aGeneratorCompiledInAUserProjectIsFoundAndMayLoadItsClassesWhileRendering() throws IOException {
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of(
                "com.example.ShopSpec", UserProject.spec("ShopSpec", "shop",
                        "app(\"web\").team(\"shop\").image(\"registry.example.com/web:1.0.0\").port(8080)"),
                "com.example.CostCenters", """
                        package com.example;

                        import dev.goldenpath.generators.extension.AppContext;
                        import dev.goldenpath.generators.extension.PlatformGenerator;
                        import io.fabric8.kubernetes.api.model.HasMetadata;

                        public final class CostCenters implements PlatformGenerator {
                            @Override
                            public void contribute(AppContext app) {
                                String center = Table.of(app.instance().team().name());
                                app.customize(HasMetadata.class, o -> o.getMetadata().getLabels().put("cost-center", center));
                            }
                        }
                        """,
                "com.example.Table", """
                        package com.example;

                        final class Table {
                            static String of(String team) {
                                return "cc-" + team;
                            }
                        }
                        """));
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.goldenpath.generators.extension.PlatformGenerator"), "com.example.CostCenters\n");
        Path out = tmp.resolve("out");
        Run run = Run.of("render", "-cp", classes.toString(), "--spec", "com.example.ShopSpec", "--dir", out.toString());
        assertEquals(0, run.exit(), run::toString);
        assertTrue(Files.readString(out.resolve("shop/apps/production/web/service.yaml")).contains("cost-center: cc-shop"));

        Files.writeString(services.resolve("dev.goldenpath.generators.extension.PlatformGenerator"), "com.example.Missing\n");
        Run missing = Run.of("render", "-cp", classes.toString(), "--spec", "com.example.ShopSpec", "--dir", out.toString());
        assertEquals(Goldenpath.USAGE, missing.exit(), missing::toString);
        assertTrue(missing.err().contains("com.example.Missing"), missing.err());
    }
}
