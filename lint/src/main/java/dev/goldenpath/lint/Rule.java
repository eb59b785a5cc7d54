package dev.goldenpath.lint;

import dev.goldenpath.vocabulary.RuleId;
import java.util.Objects;

/**
 * A policy rule's metadata: what it checks, why, where the requirement comes from, and how to fix a
 * finding. The id is a stable contract (the DSL's declared weakenings and the weakening annotation
 * {@code weakening.goldenpath.dev/<id>} reference it).
 *
 * <pre>{@code
 * Rule rule = Rules.byId("pss-privileged").orElseThrow();
 * System.out.println(rule.id() + " (" + rule.severity().label() + "): " + rule.title());
 * }</pre>
 *
 * @param id              kebab-case identifier, e.g. {@code pss-privileged}: the id of a lint {@link RuleId}
 * @param severity        the severity its findings carry
 * @param title           one line saying what the rule requires
 * @param rationale       why: the risk the rule prevents
 * @param source          where the requirement comes from (PSS, NSA/CISA Kubernetes Hardening Guide, CIS)
 * @param fix             how to fix a finding
 * @param enabledByDefault whether {@link Linter#defaults()} runs it
 */
public record Rule(String id, Severity severity, String title, String rationale, String source, String fix,
                   boolean enabledByDefault) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fix, "fix");
        if (RuleId.byId(id).filter(RuleId::isLintRule).isEmpty()) {
            throw new IllegalArgumentException("'" + id + "' is no lint rule id of " + RuleId.class.getName());
        }
    }

    /** The typed id. */
    public RuleId ruleId() {
        return RuleId.byId(id).orElseThrow();
    }

    /** The annotation key that waives this rule's findings on an object. */
    public String weakeningAnnotation() {
        return ruleId().weakeningAnnotation();
    }
}
