package dev.goldenpath.docs;

import dev.goldenpath.generators.Renderer;
import dev.goldenpath.samples.AcmeSpec;
import dev.goldenpath.tree.RenderedTree;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A fresh folder in which the docs' commands run as a reader runs them: the project of getting-started.md (its spec
 * compiled from the page into {@code target/classes}, with its services file), the paths a goldenpath checkout has
 * ({@code cli/target/goldenpath.jar}, {@code samples/target/classes}), and the inputs the commands name (YAML to
 * lint, a sealing certificate made by keytool as the controller makes one, a value and a Secret to seal).
 */
final class CommandFixture {

    static final String SPEC = "com.example.shop.ShopPlatform";

    private CommandFixture() {
    }

    static Path create(Path dir) throws Exception {
        Path page = Docs.ROOT.resolve("docs/getting-started.md");
        List<Markdown.Block> blocks = Markdown.blocks(page);
        Markdown.Block spec = blocks.stream().filter(b -> b.language().equals("java") && b.text().contains("class ShopPlatform"))
                .findFirst().orElseThrow();
        Path classes = dir.resolve("target/classes");
        JavaExamples.Compilation compilation = JavaExamples.compile(List.of(spec), classes);
        if (!compilation.errors().isEmpty()) {
            throw new AssertionError("getting-started.md's spec does not compile: " + compilation.errors());
        }
        // The services file exactly as the page shows it.
        Markdown.Block services = blocks.stream().filter(b -> b.text().strip().equals(SPEC)).findFirst().orElseThrow();
        Path file = classes.resolve("META-INF/services/dev.goldenpath.dsl.PlatformSpec");
        Files.createDirectories(file.getParent());
        Files.writeString(file, services.text());

        Path samples = Path.of(AcmeSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.createDirectories(dir.resolve("samples/target"));
        Files.createSymbolicLink(dir.resolve("samples/target/classes"), samples);
        jar(dir.resolve("cli/target/goldenpath.jar"));

        // Foreign YAML to lint: what this spec renders, as if it came from elsewhere.
        RenderedTree tree;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, CommandFixture.class.getClassLoader())) {
            var platform = ((dev.goldenpath.dsl.PlatformSpec) loader.loadClass(SPEC).getConstructor().newInstance()).build();
            tree = Renderer.secureByDefault().render(platform).tree();
        }
        write(dir.resolve("vendor/deployment.yaml"), tree.text("apps/production/storefront/deployment.yaml").orElseThrow());
        write(dir.resolve("charts/rendered.yaml"), tree.text("apps/production/catalog/deployment.yaml").orElseThrow());
        Files.createDirectories(dir.resolve("path/to/any"));
        write(dir.resolve("path/to/any/yaml/service.yaml"), tree.text("apps/production/catalog/service.yaml").orElseThrow());

        certificate(dir);
        write(dir.resolve("password.txt"), "s3cret");
        Files.createDirectories(dir.resolve("target/dependency"));
        write(dir.resolve("secret.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db-creds
                  namespace: payments
                stringData:
                  password: s3cret
                """);
        return dir;
    }

    /** A jar whose manifest runs the command line on the test's class path: {@code java -jar} as users type it. */
    private static void jar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.goldenpath.cli.Goldenpath");
        List<String> entries = new ArrayList<>();
        for (String entry : classPath().split(File.pathSeparator)) {
            entries.add(Path.of(entry).toUri().toString());
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", entries));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The manifest is the whole jar.
        }
    }

    /**
     * What the shaded jar holds: the test class path without the sample platform (whose services file would add
     * its spec to every command) and without these tests.
     */
    static String classPath() {
        return String.join(File.pathSeparator, java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("goldenpath-samples") && !e.endsWith(Path.of("samples", "target", "classes").toString())
                        && !e.contains("docs-tests" + File.separator + "target")).toList());
    }

    /** A sealed-secrets controller certificate (RSA, CN=sealed-secret), under each name the docs use. */
    private static void certificate(Path dir) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = dir.resolve("target/controller.p12");
        Path pem = dir.resolve("cert.pem");
        run(keytool.toString(), "-genkeypair", "-alias", "controller", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=sealed-secret", "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit");
        run(keytool.toString(), "-exportcert", "-rfc", "-alias", "controller", "-keystore", store.toString(),
                "-storepass", "changeit", "-file", pem.toString());
        Files.copy(pem, dir.resolve("pub-cert.pem"));
        Files.createDirectories(dir.resolve("certs"));
        Files.copy(pem, dir.resolve("certs/production.pem"));
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
