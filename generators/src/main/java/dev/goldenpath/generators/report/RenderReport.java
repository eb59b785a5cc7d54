package dev.goldenpath.generators.report;

import java.util.List;

/**
 * What the spec gave up on purpose: every declared weakening, where it applies and why. The same entries are
 * rendered as annotations on the affected objects, so reviewers see them in the diff and the linter reports
 * them as weakened findings; the rendered tree's {@code docs/weakenings.md} ({@link WeakeningsPage}) is read from
 * those objects and also lists the cluster baseline's own exceptions.
 */
public record RenderReport(List<Entry> weakenings) {

    public RenderReport {
        weakenings = List.copyOf(weakenings);
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
}
