package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeakeningRulesTest {

    @Test
    void acceptsOneWeakeningWithAWrittenReason() {
        App app = app(a -> a.weaken(Weakening.RUN_AS_ROOT, "vendor image needs uid 0; SEC-142"));
        assertEquals(List.of(), violations(p -> new WeakeningRules(p).app(app, API)));
    }

    @Test
    void refusesAWeakeningDeclaredTwiceOnceAtItsPath() {
        App app = app(a -> a.weaken(Weakening.RUN_AS_ROOT, "vendor image needs uid 0; SEC-142")
                .weaken(Weakening.RUN_AS_ROOT, "and for another reason too")
                .weaken(Weakening.RUN_AS_ROOT, "and a third time for good measure"));
        assertEquals(List.of("apps[api].weakenings[RUN_AS_ROOT]: 'RUN_AS_ROOT': the weakening is declared twice "
                        + "(fix: declare it once, with one reason)"),
                violations(p -> new WeakeningRules(p).app(app, API)));
    }

    @Test
    void refusesAReasonTooShortToReview() {
        // Ten characters after stripping: spaces do not make a reason.
        App app = app(a -> a.weaken(Weakening.NO_PROBES, "   needed   ").weaken(Weakening.HOST_PORTS, "SEC-142 ok"));
        assertEquals(List.of("apps[api].weakenings[NO_PROBES].reason: '   needed   ': a weakening needs a written reason "
                        + "of at least 10 characters (fix: say why and who decided, e.g. \"vendor image needs uid 0; "
                        + "SEC-142, approved by security\")"),
                violations(p -> new WeakeningRules(p).app(app, API)));
    }
}
