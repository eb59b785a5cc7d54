package dev.goldenpath.generators.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An AppProject's description fits the CRD's 255 characters for any team, and says the same for the same apps. */
class ProjectDescriptionTest {

    private static List<String> apps(int count, int length) {
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prefix = "app" + i + "-";
            apps.add(prefix + "x".repeat(Math.max(0, length - prefix.length())));
        }
        return apps;
    }

    @Test
    void listsEveryAppWhileTheyFit() {
        assertEquals("Team web in production: api, frontend (rendered by goldenpath)",
                ProjectDescription.team("web", "production", List.of("api", "frontend")));
    }

    @Test
    void countsTheAppsThatDoNotFit() {
        String description = ProjectDescription.team("payments", "production", apps(10, 40));
        assertTrue(description.length() <= 255, description.length() + ": " + description);
        assertTrue(description.startsWith("Team payments in production: app0-"), description);
        assertTrue(description.endsWith(", app3-" + "x".repeat(35) + " and 6 more (rendered by goldenpath)"), description);
        assertEquals(description, ProjectDescription.team("payments", "production", apps(10, 40)));
    }

    @Test
    void fitsAtEveryLengthTheSpecAllows() {
        String longest = "t" + "e".repeat(61) + "m";
        for (int count = 1; count <= 200; count += 7) {
            for (int length = 6; length <= 63; length += 19) {
                for (String team : List.of("web", longest)) {
                    String description = ProjectDescription.team(team, longest, apps(count, length));
                    assertTrue(description.length() <= ProjectDescription.MAX_LENGTH, description);
                    assertTrue(description.startsWith("Team " + team + " in " + longest + ": "), description);
                }
            }
        }
        assertTrue(ProjectDescription.platform(longest).length() <= 255);
    }

    // The description as the first implementation built it: every candidate joined in full (quadratic in the apps).
    private static String joiningEveryCandidate(String team, String environment, List<String> apps) {
        String head = "Team " + team + " in " + environment + ": ";
        String suffix = " (rendered by goldenpath)";
        String all = head + String.join(", ", apps) + suffix;
        if (all.length() <= ProjectDescription.MAX_LENGTH) {
            return all;
        }
        for (int listed = apps.size() - 1; listed >= 0; listed--) {
            String more = listed == 0 ? apps.size() + " apps" : "and " + (apps.size() - listed) + " more";
            String text = head + (listed == 0 ? "" : String.join(", ", apps.subList(0, listed)) + " ") + more + suffix;
            if (text.length() <= ProjectDescription.MAX_LENGTH) {
                return text;
            }
        }
        return null;
    }

    @Test
    void keepsAsManyNamesAsJoiningEveryCandidateWould() {
        for (int count : List.of(1, 2, 5, 9, 10, 11, 99, 100, 101, 1_000)) {
            for (int length : List.of(1, 3, 8, 20, 63)) {
                List<String> apps = apps(count, length);
                assertEquals(joiningEveryCandidate("web", "production", apps),
                        ProjectDescription.team("web", "production", apps), count + " apps of " + length);
            }
        }
    }
}
