package dev.goldenpath.generators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.lint.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The contract between the DSL's weakenings and the linter's rules: the rule ids a weakening exempts are written as
 * {@code weakening.goldenpath.dev/<rule>} annotations, and the linter refuses an annotation naming a rule it does not
 * have. A rule renamed on one side and not the other fails here, not in a user's render.
 */
class WeakeningContractTest {

    @Test
    void everyWeakeningNamesRulesTheLinterHasOrRulesOnlyTheDslChecks() {
        Set<String> lintRules = new TreeSet<>(Rules.ids());
        List<String> unknown = new ArrayList<>();
        for (Weakening weakening : Weakening.values()) {
            assertFalse(weakening.ruleIds().isEmpty(), weakening + " names no rule");
            for (String rule : weakening.lintRuleIds()) {
                if (!lintRules.contains(rule)) {
                    unknown.add(weakening + " -> " + rule);
                }
            }
            List<String> dslOnly = weakening.ruleIds().stream().filter(r -> !weakening.lintRuleIds().contains(r)).toList();
            assertTrue(Weakening.DSL_ONLY_RULE_IDS.containsAll(dslOnly), weakening + ": " + dslOnly);
        }
        assertEquals(List.of(), unknown, "weakenings naming rules the linter does not have");
    }

    @Test
    void theDslsOwnRuleIdsAreNotLintRules() {
        // Otherwise an annotation would be written for them and the linter would apply it to a different check.
        for (String rule : Weakening.DSL_ONLY_RULE_IDS) {
            assertFalse(Rules.ids().contains(rule), rule);
        }
    }

    @Test
    void everyLintRuleAnAppCanBreakThroughTheDslHasAWeakening() {
        // The rules the DSL lets an app give up, each through exactly one weakening.
        TreeSet<String> named = new TreeSet<>();
        for (Weakening weakening : Weakening.values()) {
            for (String rule : weakening.lintRuleIds()) {
                assertTrue(named.add(rule), rule + " is named by two weakenings");
            }
        }
        assertTrue(named.containsAll(List.of("pss-run-as-non-root", "read-only-root-filesystem",
                "automount-service-account-token", "rbac-cluster-role", "probes")), named::toString);
    }
}
