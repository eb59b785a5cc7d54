package dev.goldenpath.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The Java blocks of the docs as compilable sources, compiled in one {@code javac} run against the test class path
 * (every goldenpath module), with each error reported at its page and line.
 *
 * <ul>
 *   <li>A block with a top-level type ({@code class}, {@code record}, ...) is a compilation unit, compiled as is.
 *   <li>Any other block is statements with the imports it shows: the imports stay imports, the statements become
 *       the body of a method. A copy into a method of a class with those imports compiles.
 *   <li>{@code <!-- docs: fragment -->}: statements that lean on {@link #STANDARD_IMPORTS} instead of showing them;
 *       {@code <!-- docs: fragment given RenderedTree tree, String token -->} also declares the variables the
 *       statements use without defining them (the method's parameters).
 *   <li>{@code <!-- docs: not-compiled REASON -->}: skipped, and held to {@value #MAX_UNCOMPILED_LINES} lines.
 * </ul>
 */
final class JavaExamples {

    static final int MAX_UNCOMPILED_LINES = 12;

    /** What a {@code fragment} may use without importing it; docs/README say so where they mark one. */
    static final List<String> STANDARD_IMPORTS = List.of(
            "import static dev.goldenpath.dsl.GoldenPath.*;",
            "import dev.goldenpath.dsl.*;",
            "import dev.goldenpath.generators.*;",
            "import dev.goldenpath.generators.argocd.*;",
            "import dev.goldenpath.gitops.*;",
            "import dev.goldenpath.lint.*;",
            "import dev.goldenpath.reachability.*;",
            "import dev.goldenpath.vocabulary.Protocol;",
            "import dev.goldenpath.secrets.*;",
            "import dev.goldenpath.secrets.sealed.*;",
            "import dev.goldenpath.secrets.external.*;",
            "import dev.goldenpath.tree.*;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import java.util.*;");

    private static final Pattern TYPE = Pattern.compile(
            "^(?:(?:public|final|abstract|sealed|non-sealed|static)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    static final String WRAPPER_PACKAGE = "docs.examples";

    /** One block as a source file; {@code lines[i]} is the page line of source line {@code i + 1} (0: generated). */
    record Source(Markdown.Block block, String className, String text, int[] lines) {
    }

    /** The outcome: sources by block, errors by page line, and the folder holding the classes. */
    record Compilation(Map<Markdown.Block, Source> sources, List<String> errors, Path classes) {

        /** Runs the block as {@link #run} does and returns what it printed to standard output. */
        String runCapturingOutput(Markdown.Block block) throws Exception {
            java.io.PrintStream original = System.out;
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                run(block);
            } finally {
                System.setOut(original);
            }
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        }

        /** Runs a statements block's method {@code run()} with the working directory of this JVM. */
        void run(Markdown.Block block) throws Exception {
            Source source = sources.get(block);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    JavaExamples.class.getClassLoader())) {
                loader.loadClass(source.className()).getMethod("run").invoke(null);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    private JavaExamples() {
    }

    /** Blocks that are not marked {@code not-compiled} and are not too long to be skipped. */
    static List<String> uncompiledTooLong(List<Markdown.Block> blocks) {
        List<String> problems = new ArrayList<>();
        for (Markdown.Block block : blocks) {
            if (block.marked("not-compiled") && block.lines().size() > MAX_UNCOMPILED_LINES) {
                problems.add(block.where() + ": a block marked not-compiled has " + block.lines().size()
                        + " lines; keep it to " + MAX_UNCOMPILED_LINES + " or make it compile");
            }
        }
        return problems;
    }

    static Compilation compile(List<Markdown.Block> javaBlocks, Path classes) {
        Map<Markdown.Block, Source> sources = new LinkedHashMap<>();
        Map<String, Markdown.Block> names = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Markdown.Block block : javaBlocks) {
            if (block.marked("not-compiled")) {
                continue;
            }
            Source source = source(block);
            Markdown.Block other = names.putIfAbsent(source.className(), block);
            if (other != null) {
                errors.add(block.where() + ": class " + source.className() + " is also declared at " + other.where()
                        + "; docs compile together, so give one of them another name or package");
                continue;
            }
            sources.put(block, source);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<JavaFileObject, Source> files = new LinkedHashMap<>();
        sources.values().forEach(s -> files.put(file(s), s));
        try {
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> options = List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                "--release", "17", "-proc:none", "-Xlint:-options");
        boolean ok = files.isEmpty()
                || compiler.getTask(null, null, diagnostics, options, null, files.keySet()).call();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Source source = files.get(d.getSource());
            if (source == null) {
                errors.add(d.getMessage(Locale.ROOT));
                continue;
            }
            int sourceLine = (int) d.getLineNumber();
            int pageLine = sourceLine >= 1 && sourceLine <= source.lines().length ? source.lines()[sourceLine - 1] : 0;
            String at = pageLine > 0 ? Docs.relative(source.block().page()) + ":" + pageLine
                    : source.block().where() + " (the generated wrapper)";
            errors.add(at + ": " + d.getMessage(Locale.ROOT).lines().map(String::strip)
                    .filter(l -> !l.startsWith("location:")).reduce((a, b) -> a + " (" + b + ")").orElse(""));
        }
        if (!ok && errors.isEmpty()) {
            errors.add("javac failed without an error diagnostic");
        }
        return new Compilation(sources, errors, classes);
    }

    static Source source(Markdown.Block block) {
        List<String> lines = block.lines();
        Matcher type = TYPE.matcher(block.text());
        if (!block.marked("fragment") && type.find()) {
            Matcher pkg = PACKAGE.matcher(block.text());
            String name = (pkg.find() ? pkg.group(1) + "." : "") + type.group(1);
            int[] map = new int[lines.size()];
            for (int i = 0; i < map.length; i++) {
                map[i] = block.line() + 1 + i;
            }
            return new Source(block, name, block.text(), map);
        }
        String simple = "Example_" + Docs.relative(block.page()).replaceAll("[^A-Za-z0-9]", "_") + "_" + block.line();
        StringBuilder text = new StringBuilder("package " + WRAPPER_PACKAGE + ";\n");
        List<Integer> map = new ArrayList<>(List.of(0));
        if (block.marked("fragment")) {
            for (String line : STANDARD_IMPORTS) {
                text.append(line).append('\n');
                map.add(0);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("import ")) {
                text.append(lines.get(i)).append('\n');
                map.add(block.line() + 1 + i);
            }
        }
        String given = block.marked("fragment") && block.marker().get().argument().startsWith("given ")
                ? block.marker().get().argument().substring("given ".length()) : "";
        text.append("public final class ").append(simple).append(" {\n")
                .append("    public static void run(").append(given).append(") throws Exception {\n");
        map.add(0);
        map.add(0);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("import ")) {
                text.append(lines.get(i)).append('\n');
                map.add(block.line() + 1 + i);
            }
        }
        text.append("    }\n}\n");
        return new Source(block, WRAPPER_PACKAGE + "." + simple, text.toString(),
                map.stream().mapToInt(Integer::intValue).toArray());
    }

    private static JavaFileObject file(Source source) {
        URI uri = URI.create("string:///" + source.className().replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source.text();
            }
        };
    }
}
