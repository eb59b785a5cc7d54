package dev.goldenpath.generators.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Go's path.Match semantics, as Argo CD's directory generator and project globs apply them. */
class GoGlobTest {

    private static boolean match(String pattern, String name) {
        return GoGlob.match(pattern, name, false);
    }

    @Test
    void aStarStaysWithinOneSegment() {
        assertEquals(true, match("apps/prod/*", "apps/prod/frontend"));
        assertEquals(false, match("apps/prod/*", "apps/prod/frontend/base"));
        assertEquals(false, match("apps/*", "apps/prod/frontend"));
        assertEquals(true, match("apps/*/frontend", "apps/prod/frontend"));
        assertEquals(true, match("apps/prod/front*", "apps/prod/frontend"));
        assertEquals(true, match("*", ""));
    }

    @Test
    void questionMarksClassesAndEscapes() {
        assertEquals(true, match("apps/prod-?", "apps/prod-1"));
        assertEquals(false, match("apps?prod", "apps/prod"));
        assertEquals(true, match("apps/[a-c]*", "apps/billing"));
        assertEquals(false, match("apps/[^a-c]*", "apps/billing"));
        assertEquals(true, match("apps/\\*", "apps/*"));
        assertEquals(false, match("apps/\\*", "apps/x"));
    }

    @Test
    void aLiteralPathMatchesOnlyItself() {
        assertEquals(true, match("apps/prod/frontend", "apps/prod/frontend"));
        assertEquals(false, match("apps/prod/frontend", "apps/prod/frontend-v2"));
        assertEquals(true, GoGlob.isLiteral("apps/prod/frontend"));
        assertEquals(false, GoGlob.isLiteral("apps/prod/*"));
    }

    @Test
    void doubleStarCrossesSegmentsOnlyWhenAsked() {
        assertEquals(true, GoGlob.match("apps/**/config.json", "apps/prod/frontend/config.json", true));
        assertEquals(true, GoGlob.match("apps/**/config.json", "apps/config.json", true));
        assertEquals(false, GoGlob.match("apps/*/config.json", "apps/prod/frontend/config.json", true));
    }

    @Test
    void malformedPatternsAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> match("apps/[a-", "apps/b"));
        assertThrows(IllegalArgumentException.class, () -> match("apps/\\", "apps/"));
    }
}
