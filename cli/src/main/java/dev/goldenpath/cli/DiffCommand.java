package dev.goldenpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Rendering;
import dev.goldenpath.gitops.GitOps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code goldenpath diff}: what a publish would change in a GitOps checkout, without touching it. */
@Command(name = "diff", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        header = "Show what a publish would change in a GitOps checkout.",
        description = {
            "Renders one platform and compares its tree with a checkout (a clone) of the GitOps repository: "
                + "A added, M changed, D removed (files this publisher owns that the render no longer produces).",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no differences", "1:differences, an invalid spec or policy findings", "2:usage error",
            "3:I/O error"})
final class DiffCommand implements Callable<Integer> {

    private final Console console;

    @Mixin
    SpecOptions specs;

    @Mixin
    SealingOptions sealing;

    @Option(names = "--checkout", paramLabel = "DIR", required = true, description = "The GitOps checkout to compare with.")
    Path checkout;

    @Option(names = "--root", paramLabel = "FOLDER", defaultValue = "",
            description = "Folder of the checkout the tree is published under (default: its root).")
    String root;

    @Option(names = "--publisher-id", paramLabel = "ID",
            description = "Whose ownership record decides what is removed (default: derived from --root, as publish does).")
    String publisherId;

    @Option(names = {"-u", "--unified"}, description = "Also print a unified diff of every differing file.")
    boolean unified;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    DiffCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        return Commands.guard(console, "diff", () -> {
            if (!Files.isDirectory(checkout)) {
                throw new UsageError("--checkout " + checkout + " is not a folder");
            }
            String cleanRoot = root.strip().replaceAll("^/+|/+$", "");
            // What the checkout holds is the previous render: unchanged secrets keep their ciphertext.
            Path base = cleanRoot.isEmpty() ? checkout : checkout.resolve(cleanRoot);
            Renders renders = Renders.of(specs, sealing, console, platform -> Folders.tree(base));
            if (!renders.passed()) {
                renders.printProblems(console.err());
                return Goldenpath.FINDINGS;
            }
            Platform platform = SpecOptions.single(renders.renderings().stream().map(Map.Entry::getKey).toList());
            Rendering rendering = renders.renderings().get(0).getValue();
            TreeDiff diff = TreeDiff.between(rendering.tree(), checkout, cleanRoot,
                    publisherId != null ? publisherId : GitOps.defaultPublisherId(cleanRoot));
            if (output == OutputFormat.JSON) {
                ObjectNode json = Json.object().put("platform", platform.name()).put("identical", diff.isEmpty());
                for (var files : List.of(Map.entry("added", diff.added()), Map.entry("changed", diff.changed()),
                        Map.entry("removed", diff.removed()))) {
                    ArrayNode array = json.putArray(files.getKey());
                    files.getValue().forEach(array::add);
                }
                if (unified) {
                    json.put("unified", diff.unified(rendering.tree(), checkout, cleanRoot));
                }
                console.out().print(Json.write(json));
            } else {
                console.out().print(diff.status());
                if (unified) {
                    console.out().print(diff.unified(rendering.tree(), checkout, cleanRoot));
                }
                console.err().println(platform.name() + ": " + diff.added().size() + " added, " + diff.changed().size()
                        + " changed, " + diff.removed().size() + " removed");
            }
            return diff.isEmpty() ? Goldenpath.OK : Goldenpath.FINDINGS;
        });
    }
}
