package dev.goldenpath.generators.argocd;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.generators.argocd.ArgoTrees.read;
import static dev.goldenpath.generators.argocd.ArgoTrees.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.tree.RenderedTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One team with a namespace per app: its project lists hundreds of destinations, looked up by name, and the check
 * still matches real patterns as Argo CD does (Go {@code path.Match}; a malformed pattern matches nothing).
 */
class ManyNamespacesTest {

    private static final int APPS = 300;
    private static final String SERVER = "https://staging.k8s.example.com:6443";
    private static final String PROJECT = "argocd/staging/appproject-everyone-staging.yaml";
    private static final Platform PLATFORM = spec();
    private static final RenderedTree TREE = ArgoTrees.render(PLATFORM);

    private static Platform spec() {
        Platform.Builder spec = platform("acme").gitRepository(ArgoTrees.REPO)
                .environment(environment("staging").cluster(SERVER).apiServer(6443, "10.10.0.10/32"))
                .team(team("everyone").owner("everyone@example.com"));
        for (int a = 0; a < APPS; a++) {
            spec.app(app("app" + a).team("everyone").namespace("{app}-{environment}")
                    .image("registry.example.com/app" + a + ":1.0.0").port(8080).readiness(httpGet("/ready")));
        }
        return spec.build();
    }

    /** The team project with these destinations instead of its own. */
    private static RenderedTree withDestinations(List<Application.Destination> destinations) {
        AppProject project = read(TREE, PROJECT, AppProject.class);
        AppProject.Spec spec = project.spec();
        return with(TREE, PROJECT, new AppProject(project.getMetadata(), new AppProject.Spec(spec.description(),
                spec.sourceRepos(), destinations, spec.clusterResourceWhitelist(), spec.namespaceResourceWhitelist(),
                spec.orphanedResources())));
    }

    private static List<Application.Destination> literalsExcept(int from, int to) {
        List<Application.Destination> destinations = new ArrayList<>();
        for (int a = 0; a < APPS; a++) {
            if (a < from || a >= to) {
                destinations.add(Application.Destination.server(SERVER, "app" + a + "-staging"));
            }
        }
        return destinations;
    }

    /** The apps whose namespace the project refuses, by the check's problems. */
    private static Set<String> refused(ConsistencyReport report) {
        return report.problems().stream().filter(p -> p.contains("the project does not allow destination"))
                .map(p -> p.substring(p.indexOf("namespace '") + 11, p.lastIndexOf('\'')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theRenderedProjectListsEveryNamespaceByNameAndAdmitsEveryApp() {
        AppProject project = read(TREE, PROJECT, AppProject.class);
        assertEquals(APPS, project.spec().destinations().size());
        assertTrue(project.spec().destinations().stream().allMatch(d -> GoGlob.isLiteral(d.namespace())));
        ConsistencyReport report = ArgoCd.check(PLATFORM, TREE).orThrow();
        assertEquals(APPS + 1, report.applications().size());
    }

    @Test
    void aMissingNamespaceRefusesExactlyItsApp() {
        ConsistencyReport report = ArgoCd.check(PLATFORM, withDestinations(literalsExcept(137, 138)));
        assertEquals(Set.of("app137-staging"), refused(report));
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("does not allow namespace app137-staging on "
                + SERVER + " (apps/staging/app137/deployment.yaml)")), String.join("\n", report.problems()));
    }

    @Test
    void patternsAdmitWhatTheyMatchAndNothingElse() {
        // app100..app199 only through patterns: '?' is one character, a class one of its characters.
        List<Application.Destination> destinations = literalsExcept(100, 200);
        destinations.add(Application.Destination.server(SERVER, "app1?[0-4]-staging"));
        destinations.add(Application.Destination.server(SERVER, "app1[0-9][^0-4]-staging"));
        ConsistencyReport report = ArgoCd.check(PLATFORM, withDestinations(destinations));
        assertEquals(Set.of(), refused(report), String.join("\n", report.problems()));
        assertTrue(report.consistent(), String.join("\n", report.problems()));
    }

    @Test
    void aPatternThatMatchesTooLittleRefusesTheRest() {
        List<Application.Destination> destinations = literalsExcept(100, 200);
        // Two characters where the namespaces have three: only app10..app19 would match, and they are listed anyway.
        destinations.add(Application.Destination.server(SERVER, "app1?-staging"));
        Set<String> expected = new TreeSet<>();
        for (int a = 100; a < 200; a++) {
            expected.add("app" + a + "-staging");
        }
        assertEquals(expected, refused(ArgoCd.check(PLATFORM, withDestinations(destinations))));
    }

    @Test
    void aMalformedPatternMatchesNothingAndAStarMatchesEverything() {
        List<Application.Destination> malformed = literalsExcept(0, 10);
        malformed.add(Application.Destination.server(SERVER, "app[-staging"));
        assertEquals(10, refused(ArgoCd.check(PLATFORM, withDestinations(malformed))).size());

        List<Application.Destination> star = literalsExcept(0, APPS);
        star.add(Application.Destination.server("https://staging.*", "*"));
        ConsistencyReport report = ArgoCd.check(PLATFORM, withDestinations(star));
        assertEquals(Set.of(), refused(report));
        // Admitted, but not locked down: the check says so.
        assertTrue(report.problems().stream().allMatch(p -> p.contains("is a wildcard")), String.join("\n", report.problems()));
    }

    @Test
    void aServerPatternDoesNotCrossSlashes() {
        List<Application.Destination> destinations = literalsExcept(0, 1);
        destinations.add(Application.Destination.server("https:*", "app0-staging"));
        assertEquals(Set.of("app0-staging"), refused(ArgoCd.check(PLATFORM, withDestinations(destinations))));
    }
}
