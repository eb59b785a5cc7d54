package dev.goldenpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.gitops.PublishException;
import dev.goldenpath.pipeline.Changes;
import dev.goldenpath.pipeline.Checkout;
import dev.goldenpath.pipeline.Renders;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import dev.goldenpath.pipeline.TreeFolders;
import dev.goldenpath.tree.RenderedTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** {@code goldenpath diff}: what a publish would change in a GitOps checkout, without touching it. */
final class DiffCommand implements Command {

    private final Console console;

    final SpecOptions specs = new SpecOptions();
    final SealingOptions sealing = new SealingOptions();
    Path checkout;
    String root = "";
    String publisherId;
    boolean unified;
    OutputFormat output = OutputFormat.TEXT;

    DiffCommand(Console console) {
        this.console = console;
    }

    @Override
    public void declare(Syntax syntax) {
        syntax.header("Show what a publish would change in a GitOps checkout.")
                .description("Renders one platform and compares its tree with a checkout (a clone, or any folder) of the "
                        + "GitOps repository: A added, M changed, D removed (files this publisher owns that the render no "
                        + "longer produces). The answer is the publisher's own dry run on what the folder holds, edits "
                        + "included.");
        specs.declare(syntax);
        sealing.declare(syntax);
        syntax.required("--checkout", "DIR", "The GitOps checkout to compare with.", value -> checkout = Path.of(value));
        syntax.option("--root", "FOLDER", "Folder of the checkout the tree is published under (default: its root).",
                value -> root = value);
        syntax.option("--publisher-id", "ID", "Whose ownership record decides what is removed (default: derived from "
                + "--root, as publish does).", value -> publisherId = value);
        syntax.flag("-u, --unified", "Also print a unified diff of every differing file.", () -> unified = true);
        syntax.option("-o, --output", "FORMAT", "text or json (default: text).",
                value -> output = Syntax.choice(OutputFormat.class, value));
        syntax.exitCode(Goldenpath.OK, "no differences")
                .exitCode(Goldenpath.FINDINGS, "differences, an invalid spec or policy findings")
                .exitCode(Goldenpath.USAGE, "usage error")
                .exitCode(Goldenpath.FAILED, "I/O error");
    }

    @Override
    public int call() {
        return Commands.guard(console, "diff", () -> {
            if (!Files.isDirectory(checkout)) {
                throw new UsageError("--checkout " + checkout + " is not a folder");
            }
            Checkout target;
            try {
                target = Checkout.at(checkout).root(root);
                target = publisherId == null ? target : target.publisherId(publisherId);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
            Path base = target.base();
            // What the checkout holds is the previous render: unchanged secrets keep their ciphertext.
            Renders renders = SpecRun.render(console, specs, sealing, Optional.empty(), platform -> TreeFolders.read(base));
            if (!renders.passed()) {
                SpecRun.printProblems(renders, console.err());
                return Goldenpath.FINDINGS;
            }
            RenderedPlatform rendered = SpecRun.mapped(renders::single);
            String name = rendered.platform().name();
            RenderedTree tree = rendered.rendering().tree();
            Changes diff;
            try {
                diff = target.changes(tree);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            } catch (PublishException e) {
                // What a publish would refuse (a path someone else owns, a plaintext secret) is a finding here too.
                console.err().println("goldenpath diff: " + e.reason() + ": " + e.getMessage());
                return e.reason() == PublishException.Reason.SECRET_DETECTED
                        || e.reason() == PublishException.Reason.PATH_CONFLICT ? Goldenpath.FINDINGS : Goldenpath.FAILED;
            }
            if (output == OutputFormat.JSON) {
                ObjectNode json = Json.object().put("platform", name).put("identical", diff.isEmpty());
                for (var files : List.of(Map.entry("added", diff.added()), Map.entry("changed", diff.changed()),
                        Map.entry("removed", diff.removed()))) {
                    ArrayNode array = json.putArray(files.getKey());
                    files.getValue().forEach(array::add);
                }
                if (unified) {
                    json.put("unified", unified(diff, tree, base));
                }
                console.out().print(Json.write(json));
            } else {
                console.out().print(diff.status());
                if (unified) {
                    console.out().print(unified(diff, tree, base));
                }
                console.err().println(name + ": " + diff.added().size() + " added, " + diff.changed().size()
                        + " changed, " + diff.removed().size() + " removed");
            }
            return diff.isEmpty() ? Goldenpath.OK : Goldenpath.FINDINGS;
        });
    }

    /** Every difference as a unified diff, file by file in path order: the checkout's file against the render's. */
    private static String unified(Changes diff, RenderedTree tree, Path base) {
        TreeSet<String> paths = new TreeSet<>(diff.added());
        paths.addAll(diff.changed());
        paths.addAll(diff.removed());
        StringBuilder text = new StringBuilder();
        for (String path : paths) {
            boolean before = !diff.added().contains(path);
            boolean after = !diff.removed().contains(path);
            String old = before ? read(base.resolve(path)) : "";
            String now = after ? tree.text(path).orElseThrow() : "";
            text.append(UnifiedDiff.of(path, old, now, before, after));
        }
        return text.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
