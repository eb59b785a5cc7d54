package dev.goldenpath.generators;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.lint.Finding;
import dev.goldenpath.lint.LintReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Declared weakenings that only an escape hatch can use must be used: the DSL cannot tell whether a hook or an extra
 * object needs {@code PRIVILEGED}, {@code HOST_PATH_VOLUMES} or {@code RBAC_WILDCARD}, so the render does, from the
 * weakened findings of the policy check. An unused one would relax the namespace and fill the weakenings page for
 * nothing; as the DSL does for its own weakenings, it is a violation, so stale exceptions do not pile up.
 */
final class UnusedWeakenings {

    private static final List<Weakening> HATCH_ONLY = List.of(Weakening.PRIVILEGED, Weakening.HOST_PATH_VOLUMES,
            Weakening.RBAC_WILDCARD);

    private UnusedWeakenings() {
    }

    /** One problem per app and hatch-only weakening that no weakened finding in the app's folders uses. */
    static List<String> problems(Platform platform, LintReport lint) {
        Set<String> used = new HashSet<>();
        for (Finding finding : lint.weakened()) {
            // apps/<environment>/<app>/<file>: a weakening is per app, so any environment's use counts.
            String[] parts = finding.file().split("/");
            if (parts.length == 4 && parts[0].equals("apps")) {
                used.add(parts[2] + " " + finding.ruleId());
            }
        }
        List<String> problems = new ArrayList<>();
        for (App app : platform.apps()) {
            for (Weakening weakening : HATCH_ONLY) {
                if (app.weakens(weakening) && weakening.ruleIds().stream().noneMatch(rule -> used.contains(app.name() + " " + rule))) {
                    problems.add("apps[" + app.name() + "]: .weaken(" + weakening + ", ..) is declared, but no object "
                            + "of the app needs it (fix: remove it, or check that the customization that needs it is "
                            + "registered)");
                }
            }
        }
        return problems;
    }
}
