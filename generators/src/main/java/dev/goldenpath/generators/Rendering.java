package dev.goldenpath.generators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.generators.report.RenderReport;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.tree.RenderedTree;
import java.util.List;
import java.util.Objects;

/**
 * The result of a render: the tree to persist, the report of declared weakenings, and every rendered
 * Kubernetes object as a JSON tree, read from the YAML written for it.
 *
 * @param tree      sorted path to bytes, ready for a directory, an approval snapshot or a GitOps commit
 * @param report    every declared weakening
 * @param lint      the policy check's findings: none failing, the declared weakenings as weakened findings
 * @param objects   the rendered Kubernetes objects (one per YAML document, kustomizations excluded), each read back
 *                  from its YAML when it is asked for (every {@code get} reads it again: keep what you use), so that
 *                  a render does not hold every document twice
 * @param instances how many app instances (apps times environments) were rendered
 */
public record Rendering(RenderedTree tree, RenderReport report, LintReport lint, List<ObjectNode> objects, int instances) {

    public Rendering {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(lint, "lint");
        // The render's own list reads each object from the tree when asked for; any other is copied.
        objects = objects instanceof WrittenObjects ? objects : List.copyOf(objects);
    }

    /** A one-line summary, e.g. for a command line. */
    public String summary() {
        return instances + " app instances, " + objects.size() + " objects, " + tree.size() + " files, "
                + tree.totalBytes() + " bytes, " + report.weakenings().size() + " declared weakenings";
    }
}
