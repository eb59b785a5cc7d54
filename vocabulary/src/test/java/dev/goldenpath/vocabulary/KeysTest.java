package dev.goldenpath.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void idsAreUniqueKebabCaseAndFoundById() {
        for (RuleId rule : RuleId.values()) {
            assertTrue(rule.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), rule.id());
            assertEquals(rule, RuleId.byId(rule.id()).orElseThrow());
        }
        assertEquals(RuleId.values().length, Arrays.stream(RuleId.values()).map(RuleId::id).distinct().count());
        assertTrue(RuleId.byId("no-such-rule").isEmpty());
    }

    @Test
    void onlyEgressToAnywhereIsCheckedByTheDslAlone() {
        assertEquals(List.of(RuleId.EGRESS_ANYWHERE),
                Arrays.stream(RuleId.values()).filter(r -> !r.isLintRule()).toList());
    }

    @Test
    void theExceptionAnnotationNamesTheRuleAndReadsBack() {
        String key = RuleId.RUN_AS_NON_ROOT.weakeningAnnotation();
        assertEquals("weakening.goldenpath.dev/pss-run-as-non-root", key);
        assertEquals("pss-run-as-non-root", Annotations.weakeningRule(key).orElseThrow());
        assertTrue(Annotations.weakeningRule("goldenpath.dev/owner-contact").isEmpty());
    }

    @Test
    void podSecurityLabelsFollowPodSecurityAdmission() {
        assertEquals("pod-security.kubernetes.io/enforce", PodSecurityLabels.Mode.ENFORCE.label());
        assertEquals("pod-security.kubernetes.io/warn-version", PodSecurityLabels.Mode.WARN.versionLabel());
    }

    @Test
    void recommendedLabelsNameTheAppThePlatformAndTheManager() {
        assertEquals("{app.kubernetes.io/managed-by=goldenpath, app.kubernetes.io/name=api, app.kubernetes.io/part-of=acme}",
                LabelKeys.recommended("api", "acme").toString());
        assertEquals("{app.kubernetes.io/managed-by=goldenpath, app.kubernetes.io/part-of=acme}",
                LabelKeys.managed("acme").toString());
        assertTrue(LabelKeys.RESERVED.containsAll(LabelKeys.REQUIRED));
    }
}
