package dev.goldenpath.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of README.md and docs/*.md compiles against every goldenpath module, the blocks marked
 * {@code run} run, and every block marked {@code excerpt of FILE} is what the render wrote to FILE.
 */
class JavaBlocksTest {

    static List<Markdown.Block> javaBlocks() {
        return Markdown.blocks(Docs.pages()).filter(b -> b.language().equals("java")).toList();
    }

    @Test
    void everyJavaBlockCompilesAgainstTheProjectsArtifacts() throws IOException {
        List<Markdown.Block> blocks = javaBlocks();
        assertTrue(blocks.size() >= 10, "the docs should hold Java examples, found " + blocks.size());
        List<String> problems = new ArrayList<>(JavaExamples.uncompiledTooLong(blocks));
        problems.addAll(JavaExamples.compile(blocks, Files.createTempDirectory("docs-java")).errors());
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) in the docs' Java blocks (markers: docs-tests/README.md):\n"
                    + String.join("\n", problems));
        }
    }

    /** A spec class a page shows is a spec that works: it builds and renders (the SpecException says why not). */
    @Test
    void everySpecClassTheDocsShowBuildsAndRenders() throws Exception {
        JavaExamples.Compilation compilation = JavaExamples.compile(javaBlocks(), Files.createTempDirectory("docs-specs"));
        assertEquals(List.of(), compilation.errors());
        List<String> problems = new ArrayList<>();
        int specs = 0;
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(
                new java.net.URL[] {compilation.classes().toUri().toURL()}, getClass().getClassLoader())) {
            for (JavaExamples.Source source : compilation.sources().values()) {
                Class<?> type = loader.loadClass(source.className());
                if (!dev.goldenpath.dsl.PlatformSpec.class.isAssignableFrom(type)) {
                    continue;
                }
                specs++;
                try {
                    var spec = (dev.goldenpath.dsl.PlatformSpec) type.getConstructor().newInstance();
                    dev.goldenpath.generators.Renderer.secureByDefault().render(spec.build());
                } catch (RuntimeException e) {
                    problems.add(source.block().where() + ": " + source.className() + " does not render: " + e.getMessage());
                }
            }
        }
        assertTrue(specs >= 2, "getting-started.md and maven-plugin.md show spec classes; found " + specs);
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void examplesMarkedRunRunAndTheirRenderedExcerptsMatch() throws Exception {
        List<Markdown.Block> blocks = javaBlocks();
        JavaExamples.Compilation compilation = JavaExamples.compile(blocks, Files.createTempDirectory("docs-run"));
        assertEquals(List.of(), compilation.errors());
        List<Markdown.Block> runs = blocks.stream().filter(b -> b.marked("run")).toList();
        assertTrue(!runs.isEmpty(), "the README's example is marked <!-- docs: run -->");
        List<String> problems = new ArrayList<>();
        for (Markdown.Block block : runs) {
            // The examples write relative paths (target/gitops): this module's target folder, fresh each time.
            deleteTarget("gitops");
            deleteTarget("gitops.git");
            String output = compilation.runCapturingOutput(block);
            // The output the page shows after the example: the next block marked output.
            List<Markdown.Block> page = Markdown.blocks(block.page());
            page.stream().filter(b -> b.line() > block.line() && b.marked("output")).findFirst()
                    .flatMap(shown -> Excerpts.check(shown.text(), output)
                            .map(p -> shown.where() + ": not what the example at " + block.where() + " prints: " + p
                                    + "\n  it printed:\n" + output))
                    .ifPresent(problems::add);
        }
        List<Markdown.Block> excerpts = Markdown.blocks(Docs.pages()).filter(b -> b.marked("excerpt")).toList();
        for (Markdown.Block block : excerpts) {
            excerptProblem(block).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    private static void deleteTarget(String name) throws IOException {
        Path dir = Docs.MODULE.resolve("target").resolve(name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code <!-- docs: excerpt FILE -->}: FILE relative to the repository, or {@code target/...} of this module. */
    static Optional<String> excerptProblem(Markdown.Block block) throws IOException {
        String name = block.marker().orElseThrow().argument();
        Path file = name.startsWith("target/") ? Docs.MODULE.resolve(name) : Docs.ROOT.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.of(block.where() + ": the excerpt names " + name + ", which no example wrote ("
                    + file + ")");
        }
        String content = Files.readString(file);
        if (!block.language().equals("yaml") && !block.language().equals("text") && name.endsWith(".md")) {
            // A diagram shown as a diagram (GitHub draws ```mermaid): it is the page's block of that language, whole.
            Optional<Markdown.Block> same = Markdown.blocks(file).stream()
                    .filter(b -> b.language().equals(block.language())).findFirst();
            return same.isPresent() && same.get().text().equals(block.text()) ? Optional.empty()
                    : Optional.of(block.where() + ": not the ```" + block.language() + " block of " + name + ":\n"
                            + same.map(Markdown.Block::text).orElse("(it has none)"));
        }
        return Excerpts.check(block.text(), content).map(p -> block.where() + ": excerpt of " + name + ": " + p);
    }
}
