package dev.goldenpath.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.goldenpath.dsl.PlatformSpec;
import dev.goldenpath.dsl.SpecException;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.gitops.GitOps;
import dev.goldenpath.gitops.PublishResult;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/getting-started.md, followed as a reader follows it: its spec (compiled from the page), the render it shows,
 * the violations of step 5 (its edit applied to the spec), the publish of step 6, and the folders it lists. The
 * Maven plugin prints these lines with the same library calls ({@code Rendering.summary()},
 * {@code PublishResult.summary()}, the {@code SpecException} message); its invoker ITs run the goals themselves.
 */
class GettingStartedTest {

    static final Path PAGE = Docs.ROOT.resolve("docs/getting-started.md");
    static final String SPEC = "com.example.shop.ShopPlatform";

    @TempDir
    Path tmp;

    private Markdown.Block specBlock() {
        return Markdown.blocks(PAGE).stream()
                .filter(b -> b.language().equals("java") && b.text().contains("class ShopPlatform"))
                .findFirst().orElseThrow();
    }

    private PlatformSpec spec(String source) throws Exception {
        Markdown.Block block = specBlock();
        Markdown.Block edited = new Markdown.Block(block.page(), block.line(), "java", Optional.empty(), source);
        JavaExamples.Compilation compilation = JavaExamples.compile(List.of(edited), tmp.resolve("classes-" + source.hashCode()));
        assertEquals(List.of(), compilation.errors());
        URLClassLoader loader = new URLClassLoader(new URL[] {compilation.classes().toUri().toURL()}, getClass().getClassLoader());
        return (PlatformSpec) loader.loadClass(SPEC).getConstructor().newInstance();
    }

    /** The output block marked {@code <!-- docs: output NAME -->}. */
    private static Markdown.Block output(String name) {
        return Markdown.blocks(PAGE).stream().filter(b -> b.marked("output") && b.marker().get().argument().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no <!-- docs: output " + name + " --> in " + PAGE));
    }

    private static void assertShows(String name, String actual) {
        Markdown.Block shown = output(name);
        Excerpts.check(shown.text(), actual).ifPresent(problem -> fail(shown.where() + ": " + problem
                + "\n--- what the walkthrough produces:\n" + actual));
    }

    /** The plugin's invoker ITs that run the page's `mvn verify` and publish build exactly the page's project. */
    @Test
    void thePluginItsBuildThePagesSpec() throws Exception {
        String services = Markdown.blocks(PAGE).stream().filter(b -> b.text().strip().equals(SPEC)).findFirst()
                .orElseThrow().text();
        for (String it : List.of("render-and-check", "publish-local", "help-and-render", "nothing-compiled")) {
            Path project = Docs.ROOT.resolve("maven-plugin/src/it").resolve(it);
            assertEquals(specBlock().text(), Files.readString(project.resolve("src/main/java/com/example/shop/ShopPlatform.java")),
                    it + " builds another spec than " + specBlock().where());
            assertEquals(services, Files.readString(project.resolve(
                    "src/main/resources/META-INF/services/dev.goldenpath.dsl.PlatformSpec")), it);
        }
        // The other ITs start from the same user project (each IT must be a whole project, so each holds a copy):
        // no copy may drift from the page either.
        for (String it : List.of("platform-generator", "publish-ssh", "publish-url-credentials", "review-fails")) {
            Path spec = Docs.ROOT.resolve("maven-plugin/src/it").resolve(it).resolve("src/main/java/com/example/shop/ShopPlatform.java");
            assertEquals(specBlock().text(), Files.readString(spec), it + " starts from another spec than " + specBlock().where());
        }
    }

    @Test
    void step4RendersWhatThePageShowsAndListsEveryFolder() throws Exception {
        Rendering rendering = Renderer.secureByDefault().render(spec(specBlock().text()).build());
        assertShows("render", String.join("\n",
                "[INFO] --- goldenpath-maven-plugin:0.1.0-SNAPSHOT:render (default) @ shop-platform ---",
                "[INFO] goldenpath: rendered shop: " + rendering.summary(),
                "[INFO] goldenpath:   " + tmp + "/shop-platform/target/goldenpath/shop: " + rendering.tree().size()
                        + " files written, 0 removed",
                "[INFO] --- goldenpath-maven-plugin:0.1.0-SNAPSHOT:check (default) @ shop-platform ---",
                "[INFO] goldenpath: shop passed: spec valid, " + rendering.objects().size()
                        + " objects pass the policy, 0 declared weakenings"));

        // The tree listing names every folder the render writes, two levels down (apps/production/x, platform/production/x).
        TreeSet<String> folders = new TreeSet<>();
        for (String path : rendering.tree().paths()) {
            String[] parts = path.split("/");
            folders.add(parts.length > 3 ? parts[0] + "/" + parts[1] + "/" + parts[2] + "/" : parts[0] + "/");
        }
        String listing = output("tree").text();
        List<String> missing = new ArrayList<>();
        for (String folder : folders) {
            String name = folder.endsWith("/") && folder.chars().filter(c -> c == '/').count() == 3
                    ? folder.substring(folder.indexOf('/', folder.indexOf('/') + 1) + 1) : folder;
            if (!listing.contains(folder) && !listing.contains(" " + name)) {
                missing.add(folder);
            }
        }
        assertEquals(List.of(), missing, "folders the render writes that the listing at " + output("tree").where()
                + " leaves out:\n" + listing);
    }

    @Test
    void step5ShowsEveryViolationOfItsEdit() throws Exception {
        Markdown.Block edit = Markdown.blocks(PAGE).stream()
                .filter(b -> b.language().equals("java") && b.marked("not-compiled")).findFirst().orElseThrow();
        String source = specBlock().text();
        int storefront = source.indexOf("app(\"storefront\")");
        for (String line : edit.lines()) {
            String call = line.strip();
            if (!call.startsWith(".") || call.startsWith(".app(")) {
                continue;
            }
            // Replace the storefront's call of the same method (".team(", ".image(", ".port(") with the edited one.
            String method = call.substring(0, call.indexOf('(') + 1);
            int at = source.indexOf(method, storefront);
            int end = source.indexOf('\n', at);
            assertTrue(at > 0, "step 5 edits " + method + ", which the spec of step 3 does not call");
            source = source.substring(0, at) + call + source.substring(end);
        }
        try {
            spec(source).build();
            fail("the edit of step 5 builds a valid spec");
        } catch (SpecException e) {
            StringBuilder log = new StringBuilder("[ERROR] Failed to execute goal dev.goldenpath:goldenpath-maven-plugin:"
                    + "0.1.0-SNAPSHOT:render (default) on project shop-platform: ");
            List<String> lines = e.getMessage().strip().lines().toList();
            log.append(lines.get(0));
            lines.subList(1, lines.size()).forEach(l -> log.append("\n[ERROR] ").append(l));
            assertShows("violations", log.toString());
        }
    }

    @Test
    void step6PublishesWhatThePageShows() throws Exception {
        Rendering rendering = Renderer.secureByDefault().render(spec(specBlock().text()).build());
        Path repository = tmp.resolve("shop-gitops.git");
        PublishResult result = GitOps.localBare(repository).publish(rendering.tree(), "Render platform shop");
        StringBuilder log = new StringBuilder("[INFO] goldenpath: published shop to " + tmp
                + "/shop-platform/../shop-gitops.git branch main: " + result.summary());
        // The plugin's FileList: the first 20 A/M/D lines, then how many more.
        List<String> files = result.diff().lines().toList();
        files.stream().limit(20).forEach(l -> log.append("\n[INFO] goldenpath:   ").append(l));
        if (files.size() > 20) {
            log.append("\n[INFO] goldenpath:   … and ").append(files.size() - 20)
                    .append(" more (git show --stat lists every file of the commit)");
        }
        assertShows("publish", log.toString());
        PublishResult again = GitOps.localBare(repository).publish(rendering.tree(), "Render platform shop");
        assertTrue(again.nothingToCommit());
        assertTrue(output("publish").text().contains(" added, 0 changed, 0 removed"), "a first publish only adds");
    }
}
