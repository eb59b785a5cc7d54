package dev.goldenpath.generators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.generators.policy.PolicyViolationException;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.lint.Manifest;
import java.util.List;

/**
 * The last step of every render: the platform's own linter runs over the final objects. A secure default that
 * was weakened without a declared weakening (a bug in a generator, or a hand-made object) fails the render; the
 * declared ones come back as weakened findings. One rule set serves this check and the linting of foreign YAML.
 */
final class PolicyCheck {

    private final Linter linter;

    PolicyCheck(Linter linter) {
        this.linter = linter;
    }

    /** The check with the platform's default rules. */
    static PolicyCheck defaults() {
        return new PolicyCheck(Linter.defaults());
    }

    /**
     * Lints the objects; {@code paths.get(i)} is the file {@code objects.get(i)} is written to.
     *
     * @throws PolicyViolationException listing every failing finding
     */
    public LintReport check(List<String> paths, List<ObjectNode> objects) {
        Run run = start();
        for (int i = 0; i < objects.size(); i++) {
            run.add(paths.get(i), objects.get(i));
        }
        return run.finish();
    }

    /** A check fed one object at a time, in the tree's order; each tree is checked at once and not kept. */
    Run start() {
        return new Run(linter.startObjects());
    }

    /** One check in progress ({@link #start()}). */
    static final class Run {
        private final Linter.ObjectLint lint;

        private Run(Linter.ObjectLint lint) {
            this.lint = lint;
        }

        /** The object written to {@code path}, as its tree. */
        void add(String path, ObjectNode object) {
            lint.add(new Manifest(path, 0, 1, object));
        }

        /**
         * The report of every object added.
         *
         * @throws PolicyViolationException listing every failing finding
         */
        LintReport finish() {
            LintReport report = lint.finish();
            if (report.hasFailures()) {
                throw new PolicyViolationException(report);
            }
            return report;
        }
    }
}
