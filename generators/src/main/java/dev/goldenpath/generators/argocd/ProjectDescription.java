package dev.goldenpath.generators.argocd;

import java.util.List;

/**
 * The {@code spec.description} of a team's AppProject: which apps the project holds, within the 255 characters the
 * AppProject CRD allows ({@code maxLength: 255}; the API server refuses a longer one, so a team of about ten apps
 * with a longer description would never be deployed). Apps are listed in order while they fit; the rest are
 * counted ("and 7 more"), so the same apps always give the same text.
 */
final class ProjectDescription {

    /** The AppProject CRD's {@code spec.description} maxLength. */
    static final int MAX_LENGTH = 255;
    private static final String SUFFIX = " (rendered by goldenpath)";

    private ProjectDescription() {
    }

    /** E.g. {@code Team web in production: api, frontend (rendered by goldenpath)}. */
    static String team(String team, String environment, List<String> apps) {
        String head = "Team " + team + " in " + environment + ": ";
        String all = head + String.join(", ", apps) + SUFFIX;
        if (all.length() <= MAX_LENGTH) {
            return all;
        }
        // Keep as many names as fit next to the count of the others. The lengths are summed, not joined, for each
        // candidate count: a team of thousands of apps must not cost apps x apps characters.
        int[] joined = new int[apps.size()];
        for (int listed = 1; listed < apps.size(); listed++) {
            joined[listed] = joined[listed - 1] + apps.get(listed - 1).length() + (listed > 1 ? 2 : 0);
        }
        for (int listed = apps.size() - 1; listed >= 0; listed--) {
            String more = (listed == 0 ? apps.size() + " apps" : "and " + (apps.size() - listed) + " more");
            int length = head.length() + (listed == 0 ? 0 : joined[listed] + 1) + more.length() + SUFFIX.length();
            if (length <= MAX_LENGTH) {
                return head + (listed == 0 ? "" : String.join(", ", apps.subList(0, listed)) + " ") + more + SUFFIX;
            }
        }
        // Only when the team and environment names alone are too long (the spec keeps names far shorter).
        return fit(head + apps.size() + " apps" + SUFFIX);
    }

    /** The platform project's description. */
    static String platform(String environment) {
        return fit("Platform baseline of " + environment + ": platform/" + environment + SUFFIX);
    }

    private static String fit(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }
}
