package dev.goldenpath.lint;

import dev.goldenpath.vocabulary.RuleId;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one lint: every finding (failing, weakened, or below the failure threshold), the objects that were
 * linted, and notes about rules that could not be evaluated.
 *
 * <pre>{@code
 * LintReport report = Linter.defaults().lint(Path.of("manifests"));
 * System.out.print(report.format(Format.TEXT));
 * System.exit(report.exitCode());
 * }</pre>
 */
public final class LintReport {

    /** An object that was linted, for formats that list passing objects too. */
    record Linted(String file, int documentIndex, int line, String object) {
    }

    private final List<Finding> findings;
    private final List<Linted> objects;
    private final List<Rule> rules;
    private final List<String> notes;
    private final Severity failOn;

    LintReport(List<Finding> findings, List<Linted> objects, List<Rule> rules, List<String> notes, Severity failOn) {
        this.findings = List.copyOf(findings);
        this.objects = List.copyOf(objects);
        this.rules = List.copyOf(rules);
        this.notes = List.copyOf(notes);
        this.failOn = failOn;
    }

    /** Every finding, sorted by file, document, line and rule. */
    public List<Finding> findings() {
        return findings;
    }

    /** The findings that fail the lint: not weakened, and at least as severe as the failure threshold. */
    public List<Finding> failing() {
        List<Finding> failing = new ArrayList<>();
        for (Finding finding : findings) {
            if (fails(finding)) {
                failing.add(finding);
            }
        }
        return failing;
    }

    /** The findings covered by a weakening annotation with a reason. */
    public List<Finding> weakened() {
        List<Finding> weakened = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.weakened()) {
                weakened.add(finding);
            }
        }
        return weakened;
    }

    /** The findings of one rule. */
    public List<Finding> findings(RuleId ruleId) {
        return findings(ruleId.id());
    }

    /** The findings of the rule with this id. */
    public List<Finding> findings(String ruleId) {
        List<Finding> matching = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.ruleId().equals(ruleId)) {
                matching.add(finding);
            }
        }
        return matching;
    }

    public boolean hasFailures() {
        for (Finding finding : findings) {
            if (fails(finding)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this finding fails the lint. */
    public boolean fails(Finding finding) {
        return !finding.weakened() && finding.severity().atLeast(failOn);
    }

    /** 0 when nothing fails, 1 when something does (2, bad usage, is the command's). */
    public int exitCode() {
        return hasFailures() ? 1 : 0;
    }

    /** Rules that could not be evaluated on this input, and why. */
    public List<String> notes() {
        return notes;
    }

    /** The rules this lint ran. */
    public List<Rule> rules() {
        return rules;
    }

    /** The number of objects linted. */
    public int objectCount() {
        return objects.size();
    }

    /** The severity from which a non-weakened finding fails. */
    public Severity failOn() {
        return failOn;
    }

    List<Linted> objects() {
        return objects;
    }

    /** The report in the given format. Output is deterministic for a given input. */
    public String format(Format format) {
        return switch (format) {
            case TEXT -> TextFormat.write(this);
            case JSON -> JsonFormat.write(this);
            case SARIF -> SarifFormat.write(this);
            case JUNIT -> JunitFormat.write(this);
        };
    }

    @Override
    public String toString() {
        return "LintReport[" + objects.size() + " objects, " + findings.size() + " findings, " + failing().size()
                + " failing, " + weakened().size() + " weakened]";
    }
}
