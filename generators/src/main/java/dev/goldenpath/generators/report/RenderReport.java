package dev.goldenpath.generators.report;

import java.util.List;

/**
 * What a render gave up on purpose: every declared weakening, where it applies and why. The same entries are
 * rendered as annotations on the affected objects, so reviewers see them in the diff and the linter reports
 * them as excepted findings.
 */
public record RenderReport(List<Entry> exemptions) {

    public RenderReport {
        exemptions = List.copyOf(exemptions);
    }

    /**
     * One weakening of one app in one environment.
     *
     * @param environment the environment
     * @param namespace   the namespace
     * @param app         the app
     * @param weakening   the secure default given up
     * @param ruleIds     the lint rules it exempts
     * @param reason      the written reason
     */
    public record Entry(String environment, String namespace, String app, String weakening, List<String> ruleIds,
                        String reason) {
        public Entry {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /** A Markdown table, the form in which the report is committed with the rendered tree. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# Declared exceptions to the secure defaults\n\n");
        if (exemptions.isEmpty()) {
            return md.append("None: every workload runs with every secure default.\n").toString();
        }
        md.append("| environment | namespace | app | weakening | rules | reason |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Entry e : exemptions) {
            md.append("| ").append(e.environment()).append(" | ").append(e.namespace()).append(" | ").append(e.app())
                    .append(" | ").append(e.weakening()).append(" | ").append(String.join(", ", e.ruleIds()))
                    .append(" | ").append(e.reason().replace("|", "\\|").replace("\n", " ")).append(" |\n");
        }
        return md.toString();
    }
}
