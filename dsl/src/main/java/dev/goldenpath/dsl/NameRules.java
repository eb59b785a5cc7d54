package dev.goldenpath.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The platform's own fields, its teams, and who each app is: names Kubernetes accepts (DNS-1123 labels, DNS-1035
 * for apps, which name Services), unique where they identify something, and an owning team that exists.
 */
record NameRules(Platform platform, Problems problems) {

    private static final Pattern GIT_URL = Pattern.compile("^(https?|ssh|git|file)://\\S+$|^[\\w.-]+@[\\w.-]+:\\S+$");

    /** The platform's own fields: its name, where its GitOps repository is, and that it has apps. */
    void platformFields() {
        problems.addIf(ViolationCode.NAME_DNS1123_LABEL,
                FieldPath.root("name"), platform.name(), Names.dns1123Label(platform.name()),
                "name the platform like 'acme'");
        if (!GIT_URL.matcher(platform.gitRepository()).matches()) {
            problems.add(ViolationCode.PLATFORM_GIT_REPOSITORY_INVALID,
                    FieldPath.root("gitRepository"), platform.gitRepository(),
                    "the GitOps repository must be a git URL (https://, ssh://, git@host:path or file://)",
                    "set .gitRepository(\"https://git.example.com/platform/gitops.git\")");
        }
        if (platform.gitRevision().isBlank()) {
            problems.add(ViolationCode.PLATFORM_GIT_REVISION_BLANK,
                    FieldPath.root("gitRevision"), platform.gitRevision(),
                    "the revision Argo CD follows must not be blank", "set .gitRevision(\"main\")");
        }
        problems.addIf(ViolationCode.NAME_DNS1123_LABEL, FieldPath.root("argocdNamespace"), platform.argocdNamespace(),
                Names.dns1123Label(platform.argocdNamespace()), "use the namespace Argo CD is installed in, e.g. 'argocd'");
        if (platform.apps().isEmpty()) {
            problems.add(ViolationCode.PLATFORM_NO_APPS,
                    FieldPath.root("apps"), "[]", "a platform needs at least one app", "add .app(app(\"name\")...)");
        }
    }

    void teams() {
        Set<String> names = new HashSet<>();
        for (Team team : platform.teams()) {
            FieldPath path = FieldPath.team(team.name());
            problems.addIf(ViolationCode.NAME_DNS1123_LABEL,
                    path.field("name"), team.name(), Names.dns1123Label(team.name()), "use e.g. 'payments'");
            if (!names.add(team.name())) {
                problems.add(ViolationCode.TEAM_DUPLICATE,
                        path, team.name(), "team names must be unique", "rename one of them");
            }
            if (team.contact().isBlank()) {
                problems.add(ViolationCode.TEAM_CONTACT_MISSING,
                        path.field("owner"), team.contact(), "every team needs a contact",
                        "set .owner(\"team@example.com\")");
            }
        }
    }

    /** An app's name is unique in the platform ({@code seen} holds the names of the apps before it). */
    void unique(App app, FieldPath path, Set<String> seen) {
        if (!seen.add(app.name())) {
            problems.add(ViolationCode.APP_DUPLICATE, path, app.name(), "app names must be unique in a platform",
                    "rename one of the apps called '" + app.name() + "'");
        }
    }

    /** An app's own name, and the team that owns it. */
    void app(App app, FieldPath path) {
        problems.addIf(ViolationCode.NAME_DNS1035_LABEL,
                path.field("name"), app.name(), Names.dns1035Label(app.name()), "use e.g. 'payments-api'");
        if (app.team().isEmpty()) {
            problems.add(ViolationCode.APP_TEAM_MISSING, path.field("team"), "", "every app belongs to a team",
                    "set .team(\"<team>\") and declare the team on the platform");
        } else if (platform.team(app.team()).isEmpty()) {
            problems.add(ViolationCode.TEAM_UNKNOWN,
                    path.field("team"), app.team(), "unknown team", "declare .team(team(\"" + app.team()
                    + "\").owner(...)) on the platform, or use one of " + teamNames());
        }
    }

    private List<String> teamNames() {
        return platform.teams().stream().map(Team::name).distinct().sorted().toList();
    }
}
