package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.RuleFixtures.API;
import static dev.goldenpath.dsl.RuleFixtures.app;
import static dev.goldenpath.dsl.RuleFixtures.paths;
import static dev.goldenpath.dsl.RuleFixtures.platform;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NameRulesTest {

    private static Platform withFields(String name, String gitRepository, String revision, String argocdNamespace,
                                       List<Team> teams, App... apps) {
        Platform valid = platform(apps);
        return new Platform(new Platform.Parts(name, gitRepository, revision, argocdNamespace, valid.environments(), teams,
                List.of(apps), valid.network(), valid.secretStores(), valid.baseline()));
    }

    @Test
    void acceptsAValidPlatformTeamAndApp() {
        Platform platform = platform(app(a -> a));
        assertEquals(List.of(), violations(p -> {
            NameRules rules = new NameRules(platform, p);
            rules.platformFields();
            rules.teams();
            rules.app(platform.apps().get(0), API);
        }));
    }

    @Test
    void acceptsEveryGitUrlFormArgoCdClones() {
        for (String url : List.of("https://git.example.com/gitops.git", "ssh://git@git.example.com/gitops.git",
                "git@git.example.com:platform/gitops.git", "file:///srv/git/gitops.git")) {
            Platform platform = withFields("acme", url, "main", "argocd", List.of(), app(a -> a));
            assertEquals(List.of(), paths(p -> new NameRules(platform, p).platformFields()), url);
        }
    }

    @Test
    void reportsThePlatformsOwnFieldsInDeclarationOrder() {
        Platform platform = withFields("Acme", "gitops.git", " ", "Argo CD", List.of());
        assertEquals(List.of("name", "gitRepository", "gitRevision", "argocdNamespace", "apps"),
                paths(p -> new NameRules(platform, p).platformFields()));
    }

    @Test
    void refusesDuplicateTeamsAndTeamsWithoutContact() {
        Platform platform = withFields("acme", "https://git.example.com/g.git", "main", "argocd",
                List.of(team("payments").owner("a@example.com"), team("payments").owner(" ")), app(a -> a));
        assertEquals(List.of(
                "teams[payments]: 'payments': team names must be unique (fix: rename one of them)",
                "teams[payments].owner: ' ': every team needs a contact (fix: set .owner(\"team@example.com\"))"),
                violations(p -> new NameRules(platform, p).teams()));
    }

    @Test
    void refusesAnAppOfAnUnknownTeamNamingTheDeclaredOnes() {
        Platform platform = withFields("acme", "https://git.example.com/g.git", "main", "argocd",
                List.of(team("web").owner("w@example.com"), team("payments").owner("p@example.com")));
        assertEquals(List.of("apps[api].team: 'ledger': unknown team (fix: declare .team(team(\"ledger\").owner(...)) "
                        + "on the platform, or use one of [payments, web])"),
                violations(p -> new NameRules(platform, p).app(app(a -> a.team("ledger")), API)));
    }

    @Test
    void appNamesAreDns1035LabelsBecauseTheyNameServices() {
        Platform platform = platform();
        assertEquals(List.of("apps[1api].name"), paths(p -> new NameRules(platform, p)
                .app(RuleFixtures.appNamed("1api").port(8080).build(), FieldPath.app("1api"))));
    }

    @Test
    void refusesTheSecondAppOfTheSameName() {
        Platform platform = platform();
        Set<String> seen = new HashSet<>();
        assertEquals(List.of("apps[api]"), paths(p -> {
            NameRules rules = new NameRules(platform, p);
            rules.unique(app(a -> a), API, seen);
            rules.unique(app(a -> a), API, seen);
        }));
    }
}
