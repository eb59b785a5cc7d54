package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.pipeline.TreeFolders;
import dev.goldenpath.secrets.testing.TestCertificates;
import dev.goldenpath.tree.RenderedTree;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --watch}, run as a user runs it: a spec compiled into a class folder, the watch started, the spec
 * compiled again (changed, broken, fixed), the output read back after each render and held to a fresh process's
 * render of the same spec.
 */
class RenderWatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private Watching watching;

    @AfterEach
    void stop() throws InterruptedException {
        if (watching != null) {
            watching.stop();
        }
    }

    @Test
    void rendersAgainOnEveryCompileAndEachRenderIsTheOneAFreshProcessMakes() throws Exception {
        Path classes = compile(tmp.resolve("classes"), "1.0.0", false);
        Path out = tmp.resolve("out");
        watching = Watching.start("render", "--watch", "-cp", classes.toString(), "--spec", "com.example.ShopSpec",
                "--dir", out.toString());
        watching.await(err -> err.contains("watching 1 class path entry for changes"));
        assertTrue(Files.readString(out.resolve("shop/apps/production/web/deployment.yaml")).contains("web:1.0.0"));
        assertTrue(watching.out().startsWith("rendered shop: "), watching.out());

        compile(classes, "2.0.0", true);
        watching.await(err -> count(err, "rendered in") == 1);
        assertTrue(watching.err().contains("com/example/ShopSpec.class changed: rendering again"), watching.err());
        assertTrue(Files.readString(out.resolve("shop/apps/production/web/deployment.yaml")).contains("web:2.0.0"));
        assertTrue(Files.isRegularFile(out.resolve("shop/apps/production/api/deployment.yaml")));
        assertEquals(freshRender(classes), TreeFolders.read(out.resolve("shop")), "the watch's render and a fresh one differ");

        // A broken spec is reported, with every violation, and writes nothing; the watch goes on.
        var before = TreeFolders.read(out.resolve("shop"));
        compile(classes, "NOT A TAG", false);
        watching.await(err -> err.contains("failed (exit 1)"));
        assertTrue(watching.err().contains("apps[web].image"), watching.err());
        assertEquals(before, TreeFolders.read(out.resolve("shop")), "a failed render wrote files");

        // A class file caught half written (a compiler still at work) is reported too, and does not end the watch.
        Path specClass = classes.resolve("com/example/ShopSpec.class");
        byte[] whole = Files.readAllBytes(specClass);
        Files.write(specClass, Arrays.copyOf(whole, whole.length / 2));
        watching.await(err -> err.contains("failed (exit 3)"));
        assertTrue(watching.err().contains("ClassFormatError") || watching.err().contains("Truncated class file"),
                watching.err());
        assertEquals(before, TreeFolders.read(out.resolve("shop")), "a failed render wrote files");

        compile(classes, "3.0.0", false);
        watching.await(err -> count(err, "rendered in") == 2);
        assertTrue(Files.readString(out.resolve("shop/apps/production/web/deployment.yaml")).contains("web:3.0.0"));

        assertEquals(Goldenpath.OK, watching.stop(), "the last render passed");
        assertTrue(watching.err().endsWith("goldenpath render: stopped watching\n"), watching.err());
    }

    @Test
    void aClassPathEntryThatIsNotCompiledYetIsWaitedFor() throws Exception {
        Path classes = tmp.resolve("classes");
        Path out = tmp.resolve("out");
        watching = Watching.start("render", "--watch", "-cp", classes.toString(), "--spec", "com.example.ShopSpec",
                "--dir", out.toString());
        watching.await(err -> err.contains("watching 1 class path entry"));
        assertTrue(watching.err().contains("no such class path entry: " + classes), watching.err());
        assertFalse(Files.exists(out));

        compile(classes, "1.0.0", false);
        watching.await(err -> err.contains("rendered in"));
        assertTrue(Files.isRegularFile(out.resolve("shop/apps/production/web/deployment.yaml")));
        assertEquals(Goldenpath.OK, watching.stop());
    }

    @Test
    void outputInsideTheClassFolderDoesNotSetOffAnotherRender() throws Exception {
        Path classes = compile(tmp.resolve("classes"), "1.0.0", false);
        Path out = classes.resolve("rendered");
        watching = Watching.start("render", "--watch", "-cp", classes.toString(), "--spec", "com.example.ShopSpec",
                "--dir", out.toString(), "--clean");
        watching.await(err -> err.contains("watching 1 class path entry"));
        assertTrue(Files.isRegularFile(out.resolve("shop/apps/production/web/deployment.yaml")));
        Thread.sleep(RenderCommand.WATCH_INTERVAL.toMillis() * 6);
        assertEquals(0, count(watching.err(), "rendering again"), watching.err());

        compile(classes, "2.0.0", false);
        watching.await(err -> err.contains("rendered in"));
        Thread.sleep(RenderCommand.WATCH_INTERVAL.toMillis() * 6);
        assertEquals(1, count(watching.err(), "rendering again"), "its own files set off a render:\n" + watching.err());
    }

    @Test
    void jsonOutputIsOneLinePerRender() throws Exception {
        Path classes = compile(tmp.resolve("classes"), "1.0.0", false);
        watching = Watching.start("render", "--watch", "-o", "json", "-cp", classes.toString(), "--spec",
                "com.example.ShopSpec", "--dir", tmp.resolve("out").toString());
        watching.await(err -> err.contains("watching 1 class path entry"));
        compile(classes, "2.0.0", false);
        watching.await(err -> err.contains("rendered in"));
        List<String> lines = watching.out().lines().toList();
        assertEquals(2, lines.size(), watching.out());
        JsonNode first = Json.parse(lines.get(0));
        JsonNode second = Json.parse(lines.get(1));
        assertTrue(first.get("passed").asBoolean() && second.get("passed").asBoolean(), watching.out());
        assertFalse(first.at("/platforms/0/digest").asText().equals(second.at("/platforms/0/digest").asText()));
        assertEquals(1, second.at("/platforms/0/written").asInt(), "only the changed Deployment is written again");
    }

    @Test
    void theSpecsOfEarlierRendersAreReleased() throws Exception {
        Path classes = compile(tmp.resolve("classes"), "1.0.0", false);
        watching = Watching.start("render", "--watch", "-cp", classes.toString(), "--spec", "com.example.ShopSpec",
                "--dir", tmp.resolve("out").toString());
        watching.await(err -> err.contains("watching 1 class path entry"));
        for (int render = 1; render <= 3; render++) {
            compile(classes, render + ".0.1", false);
            int expected = render;
            watching.await(err -> count(err, "rendered in") == expected);
        }
        // Each render loaded com.example.ShopSpec in a class loader of its own; the earlier ones are unreachable, so a
        // full collection unloads their classes (a watch running all day does not keep every version of the spec).
        long unloadedBefore = ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount();
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            if (ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount() - unloadedBefore >= 3) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the spec classes of earlier renders were not unloaded: "
                + (ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount() - unloadedBefore) + " classes");
    }

    @Test
    void theFileASecretIsSealedFromIsWatchedToo() throws Exception {
        Path secret = tmp.resolve("secrets/db-password");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "first");
        Path classes = UserProject.compile(tmp.resolve("classes"), Map.of("com.example.ShopSpec",
                UserProject.spec("ShopSpec", "shop", "app(\"web\").team(\"shop\").image(\"registry.example.com/web:1.0.0\")"
                        + ".port(8080).secret(sealed(\"db\").fromFile(\"password\", \"" + secret.toString().replace("\\", "\\\\")
                        + "\").mountAt(\"/etc/db\"))")));
        Path out = tmp.resolve("out");
        watching = Watching.start("render", "--watch", "-cp", classes.toString(), "--spec", "com.example.ShopSpec",
                "--sealing-cert", "production=" + controllerCertificate(), "--dir", out.toString());
        watching.await(err -> err.contains("watching 1 class path entry"));
        Path sealed = out.resolve("shop/apps/production/web/sealedsecret-db.yaml");
        String first = Files.readString(sealed);
        Thread.sleep(RenderCommand.WATCH_INTERVAL.toMillis() * 4);
        assertEquals(0, count(watching.err(), "rendering again"), "starting to watch the file is no change:\n"
                + watching.err());

        Files.writeString(secret, "second, longer");
        watching.await(err -> count(err, "rendered in") == 1);
        assertTrue(watching.err().contains(secret.toAbsolutePath() + " changed: rendering again"), watching.err());
        assertNotEquals(first, Files.readString(sealed), "the new value is sealed");
        assertFalse(Files.readString(sealed).contains("second"), "never the plaintext");
        Thread.sleep(RenderCommand.WATCH_INTERVAL.toMillis() * 4);
        assertEquals(1, count(watching.err(), "rendering again"), watching.err());
        assertEquals(Goldenpath.OK, watching.stop());
    }

    /** The test controller's certificate, as kubeseal --fetch-cert prints it. */
    private Path controllerCertificate() throws Exception {
        return Files.writeString(tmp.resolve("production.pem"), TestCertificates.controllerCertificate());
    }

    /** A fresh run's tree of the same spec, in a folder of its own. */
    private RenderedTree freshRender(Path classes) {
        Path fresh = tmp.resolve("fresh-" + System.nanoTime());
        Run run = Run.of("render", "-cp", classes.toString(), "--spec", "com.example.ShopSpec", "--dir", fresh.toString());
        assertEquals(0, run.exit(), run::toString);
        return TreeFolders.read(fresh.resolve("shop"));
    }

    /** The spec with app web at {@code webTag}, and app api when asked, compiled into {@code classes}. */
    private static Path compile(Path classes, String webTag, boolean withApi) {
        List<String> apps = new ArrayList<>();
        apps.add("app(\"web\").team(\"shop\").image(\"registry.example.com/web:" + webTag + "\").port(8080)");
        if (withApi) {
            apps.add("app(\"api\").team(\"shop\").image(\"registry.example.com/api:1.0.0\").port(9090)");
        }
        return UserProject.compile(classes, Map.of("com.example.ShopSpec",
                UserProject.spec("ShopSpec", "shop", apps.toArray(String[]::new))));
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** The command line running on a thread of its own, with its output captured as it comes. */
    private static final class Watching {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final AtomicInteger exit = new AtomicInteger(-1);
        private final Thread thread;

        private Watching(String... args) {
            PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            thread = new Thread(() -> exit.set(Goldenpath.run(args, InputStream.nullInputStream(), outStream, errStream,
                    Map.of())), "render-watch");
        }

        static Watching start(String... args) {
            Watching watching = new Watching(args);
            watching.thread.start();
            return watching;
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        void await(Predicate<String> condition) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!condition.test(err())) {
                if (!thread.isAlive()) {
                    fail("the watch ended (exit " + exit.get() + "):\n" + err());
                }
                if (System.nanoTime() > deadline) {
                    fail("waited " + PATIENCE.toSeconds() + " s; standard error:\n" + err() + "\nstandard output:\n" + out());
                }
                Thread.sleep(20);
            }
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(PATIENCE.toMillis());
            assertFalse(thread.isAlive(), "the watch did not stop when interrupted");
            return exit.get();
        }
    }
}
