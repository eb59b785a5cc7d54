package dev.goldenpath.generators.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One exact pattern for many names, and the names read back from it. */
class AlternationTest {

    @Test
    void factorsTheCommonPrefixAndSuffixAtWordBoundariesAndListsTheRest() {
        assertEquals("{app1,app2,app10}-prod", Alternation.of(List.of("app1-prod", "app2-prod", "app10-prod")));
        assertEquals("team-{a,b}.example", Alternation.of(List.of("team-a.example", "team-b.example")));
        assertEquals("{payments,web}", Alternation.of(List.of("payments", "web")));
    }

    @Test
    void noAlternativeIsEverEmpty() {
        // Each alternative keeps at least one character, even where one name is a prefix or suffix of another.
        String pattern = Alternation.of(List.of("ab", "abc", "xab"));
        assertEquals("{ab,abc,xab}", pattern);
        assertEquals(Set.of("a", "ab"), Alternation.expand(Alternation.of(List.of("a", "ab"))).orElseThrow());
        assertEquals("{ab,abb}", Alternation.of(List.of("ab", "abb")));
        assertEquals("a-{b,bb}", Alternation.of(List.of("a-b", "a-bb")));
        assertEquals("{a,a-a}", Alternation.of(List.of("a", "a-a")));
    }

    @Test
    void expandsExactlyWhatItWasMadeOf() {
        List<String> names = List.of("team-a-staging", "team-b-staging", "team-bb-staging", "t-staging");
        assertEquals(Set.copyOf(names), Alternation.expand(Alternation.of(names)).orElseThrow());
        assertEquals(Optional.of(Set.of("web")), Alternation.expand("web"));
    }

    @Test
    void patternsWhoseMatchesCannotBeListedDoNotExpand() {
        for (String pattern : List.of("app*", "app{1,2}{3,4}", "app{1,{2,3}}", "app{1,2*}", "app[0-9]", "app{1,2",
                "!app", "a?b", "app{1\\,2}")) {
            assertEquals(Optional.empty(), Alternation.expand(pattern), pattern);
        }
    }

    @Test
    void onlyLiteralNamesAreAlternated() {
        assertThrows(IllegalArgumentException.class, () -> Alternation.of(List.of("a*", "b")));
        assertThrows(IllegalArgumentException.class, () -> Alternation.of(List.of("a")));
        assertTrue(Alternation.literal("app-1.staging"));
    }
}
