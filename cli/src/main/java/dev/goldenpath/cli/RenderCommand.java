package dev.goldenpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.pipeline.Pipeline;
import dev.goldenpath.pipeline.Renders;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import dev.goldenpath.pipeline.TreeFolders;
import dev.goldenpath.tree.RenderedTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code goldenpath render}: writes each platform's rendered tree to {@code <dir>/<platform>/}. */
final class RenderCommand implements Command {

    /** How often {@code --watch} looks at the class path; a render starts once it stayed the same this long. */
    static final Duration WATCH_INTERVAL = Duration.ofMillis(100);

    private final Console console;

    final SpecOptions specs = new SpecOptions();
    final SealingOptions sealing = new SealingOptions();
    Path dir = Path.of("target/goldenpath");
    boolean clean;
    OutputFormat output = OutputFormat.TEXT;
    boolean watch;
    /** The files the last render sealed secrets from: a watch watches them too. */
    private final Set<Path> secretFiles = new TreeSet<>();

    RenderCommand(Console console) {
        this.console = console;
    }

    @Override
    public void declare(Syntax syntax) {
        syntax.header("Render the platform specs into folders of Kubernetes YAML.")
                .description("Writes each platform's tree to DIR/<platform>/: apps/<environment>/<app>/, "
                        + "platform/<environment>/, docs/ (declared weakenings, network diagrams), with a "
                        + "kustomization.yaml in every folder.",
                        "",
                        "Nothing is written when a spec is invalid or a rendered object breaks the policy; every problem "
                        + "is listed.");
        specs.declare(syntax);
        sealing.declare(syntax);
        syntax.option("-d, --dir", "DIR", "Where the trees go, one folder per platform (default: target/goldenpath).",
                value -> dir = Path.of(value));
        syntax.flag("--clean", "Delete files in DIR/<platform>/ that the render no longer produces.", () -> clean = true);
        syntax.option("-o, --output", "FORMAT", "text or json (default: text; with --watch, one JSON line per render).",
                value -> output = Syntax.choice(OutputFormat.class, value));
        syntax.flag("--watch", "After rendering, watch the class path (and the sealing certificates and key) and render "
                + "again on every change, in this warm process, until stopped (Ctrl-C).", () -> watch = true);
        syntax.exitCode(Goldenpath.OK, "rendered")
                .exitCode(Goldenpath.FINDINGS, "invalid spec or policy findings (all listed)")
                .exitCode(Goldenpath.USAGE, "usage error")
                .exitCode(Goldenpath.FAILED, "I/O error");
    }

    @Override
    public int call() {
        return Commands.guard(console, "render", watch ? this::watch : this::render);
    }

    /** One render: written when it passes, its problems listed when it does not. */
    private int render() {
        secretFiles.clear();
        // The last render in DIR keeps the ciphertext of secrets that did not change.
        Renders renders = SpecRun.render(console, specs, sealing, Optional.empty(),
                platform -> TreeFolders.read(dir.resolve(platform.name())));
        renders.rendered().forEach(rendered -> secretFiles.addAll(secretFiles(rendered.platform())));
        renders.policyFailures().forEach(failure -> secretFiles.addAll(secretFiles(failure.platform())));
        renders.renderFailures().forEach(failure -> secretFiles.addAll(secretFiles(failure.platform())));
        List<Written> written = new ArrayList<>();
        if (renders.passed()) {
            for (RenderedPlatform rendered : renders.rendered()) {
                Path target = dir.resolve(rendered.platform().name());
                RenderedTree tree = rendered.rendering().tree();
                int files = tree.writeTo(target);
                int removed = clean ? TreeFolders.removeOthers(target, tree.paths()) : 0;
                written.add(new Written(rendered, target, files, removed));
                if (output == OutputFormat.TEXT) {
                    console.out().println("rendered " + rendered.platform().name() + ": " + rendered.rendering().summary());
                    console.out().println("  " + target + ": " + Commands.files(files) + " written"
                            + (clean ? ", " + removed + " removed" : ""));
                }
            }
        }
        if (output == OutputFormat.JSON) {
            ObjectNode json = json(renders, written);
            console.out().print(watch ? Json.writeLine(json) : Json.write(json));
        }
        if (!renders.passed()) {
            SpecRun.printProblems(renders, console.err());
            return Goldenpath.FINDINGS;
        }
        return Goldenpath.OK;
    }

    /**
     * Renders, then renders again after every change of the class path or the sealing files, in this process: its
     * classes are loaded and compiled once, so a render after the first takes a fraction of a fresh process's time. A
     * render that fails (an invalid spec, a spec class not compiled yet) is reported and the watch goes on. Ends when
     * the thread is interrupted (in a process: Ctrl-C ends the JVM); returns the last render's exit code.
     */
    private int watch() {
        ClassPathWatch classPath = new ClassPathWatch(specs.classpath, sealing.files(), dir, WATCH_INTERVAL);
        ClassPathWatch files = classPath;
        // Before the first render: a class compiled while it runs is a change, and renders again.
        Map<Path, ClassPathWatch.Stamp> seen = files.snapshot();
        int exit = renderReported();
        // The files of secrets sealed at render time are known once the spec ran; watched from then on.
        ClassPathWatch withSecrets = classPath.alsoWatching(secretFiles);
        seen = withSecrets.carriedOver(seen, files);
        files = withSecrets;
        console.err().println("goldenpath render: watching " + files.entryCount() + " class path "
                + (files.entryCount() == 1 ? "entry" : "entries") + " for changes; Ctrl-C stops");
        while (true) {
            ClassPathWatch.Change change;
            try {
                change = files.awaitChange(seen);
            } catch (InterruptedException e) {
                console.err().println("goldenpath render: stopped watching");
                return exit;
            }
            seen = change.files();
            console.err().println("goldenpath render: " + files.describe(change.paths()) + ": rendering again");
            long start = System.nanoTime();
            exit = renderReported();
            withSecrets = classPath.alsoWatching(secretFiles);
            seen = withSecrets.carriedOver(seen, files);
            files = withSecrets;
            console.err().println(String.format(Locale.ROOT, "goldenpath render: %s in %.2f s; watching for changes",
                    exit == Goldenpath.OK ? "rendered" : "failed (exit " + exit + ")", (System.nanoTime() - start) / 1e9));
        }
    }

    /**
     * One render of a watch, whatever happens in it: besides what every command reports ({@link Commands#guard}), a
     * class file read while a compiler still writes it (a {@code ClassFormatError}) or a failure nobody foresaw is
     * reported in one line, and the next change renders again.
     */
    private int renderReported() {
        try {
            return Commands.guard(console, "render", this::render);
        } catch (RuntimeException | LinkageError e) {
            console.err().println("goldenpath render: " + e);
            return Goldenpath.FAILED;
        }
    }

    /** The files the platform's secrets are sealed from at render time ({@code sealed(..).fromFile(..)}). */
    private static List<Path> secretFiles(Platform platform) {
        List<Path> files = new ArrayList<>();
        for (String file : Pipeline.secretFiles(platform)) {
            try {
                files.add(Path.of(file));
            } catch (java.nio.file.InvalidPathException e) {
                // Not a path this system has: the render reported it cannot read it; nothing to watch.
            }
        }
        return files;
    }

    /** The JSON document; only for {@code -o json}: a text run does not pay for its SHA-256 digest of every tree. */
    private static ObjectNode json(Renders renders, List<Written> written) {
        ObjectNode json = Json.object();
        ArrayNode platforms = json.putArray("platforms");
        for (Written platform : written) {
            Rendering rendering = platform.rendering();
            platforms.addObject()
                    .put("platform", platform.name())
                    .put("directory", platform.target().toString())
                    .put("instances", rendering.instances())
                    .put("objects", rendering.objects().size())
                    .put("files", rendering.tree().size())
                    .put("bytes", rendering.tree().totalBytes())
                    .put("declaredWeakenings", rendering.report().weakenings().size())
                    .put("written", platform.files())
                    .put("removed", platform.removed())
                    .put("digest", rendering.tree().digest());
        }
        json.put("passed", renders.passed());
        SpecRun.addProblems(renders, json);
        return json;
    }

    /** One platform's tree written to {@code target}: how many files were written and removed. */
    private record Written(RenderedPlatform rendered, Path target, int files, int removed) {
        String name() {
            return rendered.platform().name();
        }

        Rendering rendering() {
            return rendered.rendering();
        }
    }
}
