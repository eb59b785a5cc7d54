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
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One team with a namespace per app: its ApplicationSet derives each namespace from the folder in one generator, its
 * project allows exactly its hundreds of namespaces in one alternation (looked up by name), and the check still
 * matches real patterns as Argo CD does (a malformed pattern matches nothing) and refuses what cannot be proven exact.
 */
class ManyNamespacesTest {

    private static final int APPS = 300;
    private static final String SERVER = "https://staging.k8s.example.com:6443";
    private static final String PROJECT = "argocd/staging/appproject-everyone-staging.yaml";
    private static final String APPLICATION_SET = "argocd/staging/applicationset-everyone-staging.yaml";
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
    void theRenderedProjectAllowsExactlyEveryNamespaceInOneAlternationAndAdmitsEveryApp() {
        AppProject project = read(TREE, PROJECT, AppProject.class);
        assertEquals(1, project.spec().destinations().size());
        String pattern = project.spec().destinations().get(0).namespace();
        assertTrue(pattern.startsWith("{app0,app1,app10,app100,app101,") && pattern.endsWith(",app99}-staging"), pattern);
        Set<String> namespaces = new TreeSet<>();
        for (int a = 0; a < APPS; a++) {
            namespaces.add("app" + a + "-staging");
        }
        assertEquals(namespaces, new TreeSet<>(Alternation.expand(pattern).orElseThrow()));
        ConsistencyReport report = ArgoCd.check(PLATFORM, TREE).orThrow();
        assertEquals(APPS + 1, report.applications().size());
        // Each Application deploys its folder into the namespace named after it.
        assertTrue(report.applications().stream().filter(a -> a.path().startsWith("apps/"))
                .allMatch(a -> a.namespace().equals(a.path().substring("apps/staging/".length()) + "-staging")));
    }

    @Test
    void theTeamsApplicationSetHasOneGeneratorThatDerivesTheNamespaceFromTheFolder() {
        ApplicationSet set = read(TREE, APPLICATION_SET, ApplicationSet.class);
        assertEquals(1, set.spec().generators().size());
        ApplicationSet.Git git = set.spec().generators().get(0).git();
        assertEquals(APPS, git.directories().size());
        assertTrue(git.directories().stream().allMatch(d -> GoGlob.isLiteral(d.path()) && !d.excluded()));
        assertEquals(Map.of("namespace", "{{.path.basename}}-staging"), git.values());
    }

    @Test
    void aDerivedNamespaceThatMissesTheInstancesNamespaceFailsTheCheck() {
        ApplicationSet set = read(TREE, APPLICATION_SET, ApplicationSet.class);
        ApplicationSet.Git git = set.spec().generators().get(0).git();
        ApplicationSet.Git wrong = new ApplicationSet.Git(git.repoURL(), git.revision(), git.directories(), List.of(),
                null, Map.of("namespace", "{{.path.basename}}-production"));
        ConsistencyReport report = ArgoCd.check(PLATFORM, ArgoTrees.with(TREE, APPLICATION_SET,
                ArgoTrees.withGenerators(set, List.of(ApplicationSet.Generator.git(wrong)))));
        assertTrue(report.problems().contains("ApplicationSet everyone-staging: Application staging-app7 deploys "
                + "apps/staging/app7 to namespace 'app7-production', but its namespace is 'app7-staging'"),
                String.join("\n", report.problems()));
    }

    @Test
    void anAlternationAllowsExactlyItsNames() {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < APPS; a++) {
            if (a != 137) {
                names.add("app" + a + "-staging");
            }
        }
        // One name missing: exactly its app is refused.
        ConsistencyReport missing = ArgoCd.check(PLATFORM, withDestinations(List.of(
                Application.Destination.server(SERVER, Alternation.of(names)))));
        assertEquals(Set.of("app137-staging"), refused(missing));
        // One name too many (another team's namespace): the project allows more than its Applications use.
        names.add("app137-staging");
        names.add("payments-staging");
        ConsistencyReport extra = ArgoCd.check(PLATFORM, withDestinations(List.of(
                Application.Destination.server(SERVER, Alternation.of(names)))));
        assertEquals(List.of("AppProject everyone-staging: allows namespace payments-staging on " + SERVER
                + ", which none of its Applications deploys to"), extra.problems());
    }

    @Test
    void aListedNamespaceNoApplicationUsesIsReported() {
        List<Application.Destination> destinations = literalsExcept(0, 0);
        destinations.add(Application.Destination.server(SERVER, "kube-system"));
        assertEquals(List.of("AppProject everyone-staging: allows namespace kube-system on " + SERVER
                + ", which none of its Applications deploys to"),
                ArgoCd.check(PLATFORM, withDestinations(destinations)).problems());
    }

    @Test
    void aBracePatternWhoseMatchesCannotBeListedIsNotExact() {
        List<Application.Destination> destinations = literalsExcept(0, 0);
        destinations.add(Application.Destination.server(SERVER, "app{1,2}{3,4}-staging"));
        ConsistencyReport report = ArgoCd.check(PLATFORM, withDestinations(destinations));
        assertEquals(List.of("AppProject everyone-staging: destination namespace app{1,2}{3,4}-staging is a pattern"
                + " whose matches cannot be listed (only one alternation of literal names, a{b,c}d, is exact)"),
                report.problems());
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
