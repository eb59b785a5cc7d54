package dev.goldenpath.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.goldenpath.dsl.Violation;
import dev.goldenpath.generators.extension.AppContext;
import dev.goldenpath.generators.extension.PlatformGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import dev.goldenpath.lint.Finding;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import dev.goldenpath.pipeline.specs.BrokenSpec;
import dev.goldenpath.pipeline.specs.DepotSpec;
import dev.goldenpath.pipeline.specs.FailingSpec;
import dev.goldenpath.pipeline.specs.ShopSpec;
import dev.goldenpath.secrets.sealed.SealedSecret;
import dev.goldenpath.secrets.sealed.SealingKey;
import dev.goldenpath.secrets.testing.Controller;
import dev.goldenpath.secrets.testing.TestCertificates;
import dev.goldenpath.tree.RenderedTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline end to end: specs found, rendered, every problem collected, secrets sealed as the controller reads. */
class PipelineTest {

    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @TempDir
    Path tmp;

    private static Pipeline pipeline() {
        return Pipeline.classLoader(PipelineTest.class.getClassLoader());
    }

    @Test
    void findsTheSpecsListedForServiceLoaderAndSelectsOnePlatformByName() {
        Specs all = pipeline().load();
        // ServiceLoader order: the services file sorted by class name.
        assertEquals(List.of("depot", "shop"), all.platforms().stream().map(p -> p.name()).toList());
        assertEquals(ShopSpec.class.getName(), all.specClass("shop").orElseThrow());

        Renders shop = pipeline().platform("shop").render();
        assertTrue(shop.passed(), shop.problems()::toString);
        RenderedPlatform only = shop.single();
        assertEquals("shop", only.platform().name());
        String deployment = only.rendering().tree().text("apps/production/web/deployment.yaml").orElseThrow();
        assertTrue(deployment.contains("replicas: 2"), deployment);
        assertTrue(deployment.contains("readOnlyRootFilesystem: true"), deployment);
    }

    @Test
    void collectsEveryProblemOfEveryPlatformInsteadOfStoppingAtTheFirst() {
        Renders renders = pipeline()
                .specs(List.of(ShopSpec.class.getName(), BrokenSpec.class.getName(), DepotSpec.class.getName()))
                .environmentVariables(name -> null)
                .render();

        assertFalse(renders.passed());
        assertEquals(List.of("shop"), renders.rendered().stream().map(r -> r.platform().name()).toList());
        assertEquals(1, renders.invalid().size());
        assertEquals(BrokenSpec.class.getName(), renders.invalid().get(0).specClass());
        assertEquals(List.of("apps[api].ports[http].number", "apps[web].image", "apps[web].team"),
                renders.invalid().get(0).exception().violations().stream().map(Violation::path).sorted().toList());
        assertEquals(1, renders.renderFailures().size());
        assertEquals("depot", renders.renderFailures().get(0).platform().name());
        assertTrue(renders.renderFailures().get(0).exception().getMessage()
                .contains("no sealer is configured for environment production"), renders.problems()::toString);
        List<String> problems = renders.problems();
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("platform 'broken' has 3 violations"), problems.get(0));
        assertTrue(problems.get(1).startsWith("platform 'depot': "), problems.get(1));
    }

    @Test
    void aTightenedPolicyTurnsTagPinnedImagesIntoPolicyFailures() {
        Renders renders = pipeline().platform("shop").policy(Linter.builder().requireDigest(true).build()).render();

        assertFalse(renders.passed());
        assertTrue(renders.rendered().isEmpty());
        assertEquals(1, renders.policyFailures().size());
        List<Finding> failing = renders.policyFailures().get(0).exception().report().failing();
        assertTrue(failing.stream().anyMatch(f -> f.ruleId().equals("image-digest")
                && f.file().equals("apps/production/web/deployment.yaml")), failing::toString);
        assertEquals(ShopSpec.class.getName(), renders.policyFailures().get(0).specClass());
    }

    @Test
    void sealsRenderTimeSecretsSoTheControllerUnsealsThemAndKeepsUnchangedCiphertext() throws Exception {
        Path certificate = Files.writeString(tmp.resolve("production.pem"), TestCertificates.controllerCertificate());
        Path key = tmp.resolve("sealing.key");
        SealingKey generated = SealingKey.generate();
        Files.writeString(key, generated.toBase64());
        generated.destroy();
        Pipeline depot = pipeline().platform("depot")
                .environmentVariables(Map.of("DB_PASSWORD", PASSWORD)::get)
                .sealingCertificate("production", certificate)
                .sealingKey(key);

        RenderedTree first = depot.render().single().rendering().tree();
        String yaml = first.text("apps/production/store/sealedsecret-db.yaml").orElseThrow();
        SealedSecret sealed = YAML.readValue(yaml, SealedSecret.class);
        byte[] password = Controller.unseal(sealed, TestCertificates.controllerKeys().getPrivate()).get("password");
        assertEquals(PASSWORD, new String(password, StandardCharsets.UTF_8));
        first.forEach((path, bytes) -> assertFalse(new String(bytes, StandardCharsets.UTF_8).contains(PASSWORD), path));

        RenderedTree again = depot.previous(platform -> first).render().single().rendering().tree();
        assertEquals(first.digest(), again.digest(), "an unchanged secret keeps its ciphertext");
        RenderedTree fresh = depot.sealingKey(null).environmentVariables(Map.of("DB_PASSWORD", PASSWORD,
                "GOLDENPATH_SEALING_KEY", "")::get).render().single().rendering().tree();
        assertNotEquals(first.digest(), fresh.digest(), "without a key or a previous render, new randomness");
    }

    @Test
    void readsThePreviousRenderOnlyOfPlatformsThatSealAtRenderTime() throws Exception {
        Path certificate = Files.writeString(tmp.resolve("production.pem"), TestCertificates.controllerCertificate());
        Path key = tmp.resolve("sealing.key");
        SealingKey generated = SealingKey.generate();
        Files.writeString(key, generated.toBase64());
        generated.destroy();
        Pipeline both = pipeline()
                .environmentVariables(Map.of("DB_PASSWORD", PASSWORD)::get)
                .sealingCertificate("production", certificate)
                .sealingKey(key);
        Renders first = both.render();
        assertTrue(first.passed(), first.problems()::toString);
        Map<String, RenderedTree> trees = new java.util.TreeMap<>();
        first.rendered().forEach(r -> trees.put(r.platform().name(), r.rendering().tree()));

        List<String> asked = new java.util.ArrayList<>();
        Renders again = both.previous(platform -> {
            asked.add(platform.name());
            return trees.get(platform.name());
        }).render();

        // shop seals nothing at render time: its last render has no ciphertext to give, so it is not read.
        assertEquals(List.of("depot"), asked);
        again.rendered().forEach(r -> assertEquals(trees.get(r.platform().name()).digest(), r.rendering().tree().digest(),
                r.platform().name()));
    }

    @Test
    void anUnusableCertificateOrKeyIsASealingProblemThatNeverQuotesTheKey() throws Exception {
        Path notACertificate = Files.writeString(tmp.resolve("cert.pem"), "hello");
        PipelineException certificate = assertThrows(PipelineException.class, () -> pipeline().platform("depot")
                .sealingCertificate("production", notACertificate).render());
        assertEquals(PipelineException.Reason.SEALING, certificate.reason());
        assertTrue(certificate.getMessage().startsWith("sealing certificate of environment production: "),
                certificate.getMessage());

        Path pem = Files.writeString(tmp.resolve("production.pem"), TestCertificates.controllerCertificate());
        PipelineException key = assertThrows(PipelineException.class, () -> pipeline().platform("depot")
                .environmentVariables(Map.of("GOLDENPATH_SEALING_KEY", "not-a-key!")::get)
                .sealingCertificate("production", pem).render());
        assertEquals(PipelineException.Reason.SEALING, key.reason());
        assertFalse(key.getMessage().contains("not-a-key!"), key.getMessage());
    }

    @Test
    void discoveryProblemsAreTypedSoFrontEndsCanMapThem() {
        PipelineException missing = assertThrows(PipelineException.class,
                () -> pipeline().specs(List.of("com.example.Missing")).load());
        assertEquals(PipelineException.Reason.SPEC_NOT_FOUND, missing.reason());
        assertTrue(missing.getMessage().contains("com.example.Missing is not on the class path"), missing.getMessage());

        PipelineException failing = assertThrows(PipelineException.class,
                () -> pipeline().specs(List.of(FailingSpec.class.getName())).render());
        assertEquals(PipelineException.Reason.SPEC_FAILED, failing.reason());
        assertTrue(failing.getMessage().contains("the spec's own bug"), failing.getMessage());

        PipelineException nobody = assertThrows(PipelineException.class, () -> pipeline().platform("nobody").load());
        assertEquals(PipelineException.Reason.NO_SUCH_PLATFORM, nobody.reason());
        assertEquals("no spec defines platform 'nobody'", nobody.getMessage());

        Renders two = pipeline().environmentVariables(Map.of("DB_PASSWORD", PASSWORD)::get)
                .sealingCertificate("production", writeCertificate()).render();
        PipelineException several = assertThrows(PipelineException.class, two::single);
        assertEquals(PipelineException.Reason.SEVERAL_PLATFORMS, several.reason());
        assertEquals("the specs define 2 platforms (depot, shop)", several.getMessage());
    }

    @Test
    void aGeneratorConfiguredInCodeRunsInEveryRender() {
        PlatformGenerator costCenter = new PlatformGenerator() {
            @Override
            public void contribute(AppContext app) {
                app.customize(HasMetadata.class, o -> o.getMetadata().getLabels().put("cost-center", "cc-"
                        + app.instance().team().name()));
            }
        };
        RenderedTree tree = pipeline().platform("shop").generator(costCenter).render().single().rendering().tree();
        String service = tree.text("apps/production/api/service.yaml").orElseThrow();
        assertTrue(service.contains("cost-center: cc-shop"), service);
        String without = pipeline().platform("shop").render().single().rendering().tree()
                .text("apps/production/api/service.yaml").orElseThrow();
        assertFalse(without.contains("cost-center"), "a pipeline is immutable: the generator is not in the other one");
    }

    @Test
    void theClassPathOfAUserProjectIsReadThroughItsOwnLoader() throws Exception {
        // The test classes folder stands for a user's compiled project: specs and services file.
        Path classes = Path.of(ShopSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Renders renders = Pipeline.classPath(List.of(classes.toUri().toURL()), Pipeline.class.getClassLoader())
                .platform("shop").render();
        assertTrue(renders.passed(), renders.problems()::toString);
        assertEquals("shop", renders.single().platform().name());
    }

    @Test
    void theJarsOfTheClassPathAreLetGoWhenTheRenderIsOver() throws Exception {
        Path descriptors = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(descriptors),
                "needs /proc/self/fd (Linux) to see which files the process holds open");
        // A jar listing the spec (its classes come from the parent): both the specs' and the generators' loaders
        // open it, the generators' to look for platform generators.
        Path jar = tmp.resolve("specs.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("META-INF/services/dev.goldenpath.dsl.PlatformSpec"));
            out.write((ShopSpec.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        for (int render = 0; render < 3; render++) {
            Renders renders = Pipeline.classPath(List.of(jar.toUri().toURL()), Pipeline.class.getClassLoader())
                    .platform("shop").render();
            assertTrue(renders.passed(), renders.problems()::toString);
            assertEquals(0, openHandles(descriptors, jar), "the jar is still open after render " + (render + 1));
        }
    }

    /** How many of this process's file descriptors are {@code file}. */
    private static long openHandles(Path descriptors, Path file) throws java.io.IOException {
        Path real = file.toRealPath();
        try (java.util.stream.Stream<Path> all = Files.list(descriptors)) {
            return all.filter(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).equals(real);
                } catch (java.io.IOException | UnsupportedOperationException e) {
                    return false; // closed while listed, or not a link
                }
            }).count();
        }
    }

    private Path writeCertificate() {
        try {
            return Files.writeString(tmp.resolve("any.pem"), TestCertificates.controllerCertificate());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
