package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.goldenpath.vocabulary.RuleId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue describes exactly the lint rules of the shared vocabulary, in its order. */
class RuleCatalogueTest {

    @Test
    void everyLintRuleIdHasOneCatalogueEntryAndNoEntryIsUnknown() {
        List<String> lintRuleIds = Arrays.stream(RuleId.values()).filter(RuleId::isLintRule).map(RuleId::id).toList();

        assertEquals(lintRuleIds, Rules.ids());
        Rules.all().forEach(rule -> assertEquals(rule.id(), rule.ruleId().id()));
    }

    @Test
    void aRuleCannotNameAnIdOutsideTheVocabularyOrADslOnlyRule() {
        assertThrows(IllegalArgumentException.class,
                () -> new Rule("no-such-rule", Severity.ERROR, "t", "r", "s", "f", true));
        assertThrows(IllegalArgumentException.class,
                () -> new Rule(RuleId.EGRESS_ANYWHERE.id(), Severity.ERROR, "t", "r", "s", "f", true));
    }

    @Test
    void theExceptionAnnotationComesFromTheVocabulary() {
        assertEquals("weakening.goldenpath.dev/pss-privileged",
                Rules.byId("pss-privileged").orElseThrow().weakeningAnnotation());
    }
}
