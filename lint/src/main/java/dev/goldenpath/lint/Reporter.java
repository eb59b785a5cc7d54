package dev.goldenpath.lint;

import dev.goldenpath.vocabulary.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the findings of one lint run; rules call it, it applies exceptions and skips disabled rules. */
final class Reporter {

    private final Map<String, Rule> enabled;
    private final List<Finding> findings = new ArrayList<>();

    Reporter(Map<String, Rule> enabled) {
        this.enabled = enabled;
    }

    boolean enabled(RuleId ruleId) {
        return enabled.containsKey(ruleId.id());
    }

    /**
     * Reports that {@code object} violates {@code ruleId} at {@code path}; a weakening annotation on the object
     * or its pod template turns the finding into an weakened one.
     */
    void report(RuleId ruleId, KubeObject object, String path, String message) {
        Rule rule = enabled.get(ruleId.id());
        if (rule == null) {
            return;
        }
        String reason = Weakenings.reason(ruleId, object.metadata, object.pod == null ? null : object.pod.metadata);
        Manifest manifest = object.manifest;
        findings.add(new Finding(rule.id(), rule.severity(), manifest.file(), manifest.documentIndex(),
                object.lines.lineOf(path), object.display(), path, message, rule.fix(), reason));
    }

    /** Reports a cross-object finding at a site taken while the object was read. */
    void report(RuleId ruleId, Site site, String message) {
        Rule rule = enabled.get(ruleId.id());
        if (rule == null) {
            return;
        }
        findings.add(new Finding(rule.id(), rule.severity(), site.file(), site.documentIndex(), site.line(),
                site.object(),
                site.path(), message, rule.fix(), site.weakeningReason()));
    }

    /** Reports a problem of a document that is not (or not yet) an object: it cannot carry exceptions. */
    void reportDocument(RuleId ruleId, String file, int documentIndex, int line, String object, String message) {
        Rule rule = enabled.get(ruleId.id());
        if (rule == null) {
            return;
        }
        findings.add(new Finding(rule.id(), rule.severity(), file, documentIndex, line, object, "", message, rule.fix(),
                ""));
    }

    List<Finding> findings() {
        return findings;
    }
}
