package dev.goldenpath.generators.argocd;

import static dev.goldenpath.generators.argocd.ArgoTrees.EU;
import static dev.goldenpath.generators.argocd.ArgoTrees.REPO;
import static dev.goldenpath.generators.argocd.ArgoTrees.US;
import static dev.goldenpath.generators.argocd.ArgoTrees.read;
import static dev.goldenpath.generators.argocd.ArgoTrees.with;
import static dev.goldenpath.generators.argocd.ArgoTrees.withGenerators;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.argocd.ApplicationSet.Generator;
import dev.goldenpath.generators.argocd.ApplicationSet.PathItem;
import dev.goldenpath.generators.argocd.ConsistencyReport.GeneratedApplication;
import dev.goldenpath.tree.RenderedTree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsistencyCheckTest {

    private static final Platform PLATFORM = ArgoTrees.spec().build();
    private static final RenderedTree TREE = ArgoTrees.render(PLATFORM);
    private static final String WEB_STAGING = "argocd/staging/applicationset-web-staging.yaml";
    private static final String WEB_PRODUCTION = "argocd/production/applicationset-web-production.yaml";

    private static ConsistencyReport check(RenderedTree tree) {
        return ArgoCd.check(PLATFORM, tree);
    }

    private static void assertProblem(ConsistencyReport report, String expected) {
        assertFalse(report.consistent());
        assertTrue(report.problems().stream().anyMatch(p -> p.contains(expected)),
                "expected a problem containing '" + expected + "', got:\n" + String.join("\n", report.problems()));
    }

    private static Generator git(PathItem... paths) {
        return Generator.git(new ApplicationSet.Git(REPO, "main", List.of(paths), List.of(), null,
                Map.of("namespace", "staging")));
    }

    @Test
    void theRenderedApplicationSetsDeployExactlyTheRenderedFoldersEachToItsProjectClusterAndNamespace() {
        ConsistencyReport report = check(TREE).orThrow();
        List<String> deployed = report.applications().stream()
                .map(a -> a.name() + " " + a.project() + " " + a.path() + " " + a.server() + " " + a.namespace()).toList();
        assertEquals(List.of(
                "platform-production-prod-eu platform-production platform/production " + EU + " ",
                "platform-production-prod-us platform-production platform/production " + US + " ",
                "platform-staging platform-staging platform/staging " + ArgoTrees.STAGING + " ",
                "production-api-gateway-prod-eu web-production apps/production/api-gateway " + EU + " production",
                "production-api-gateway-prod-us web-production apps/production/api-gateway " + US + " production",
                "production-frontend-prod-eu web-production apps/production/frontend " + EU + " production",
                "production-frontend-prod-us web-production apps/production/frontend " + US + " production",
                "production-ledger-prod-eu payments-production apps/production/ledger " + EU + " payments-production",
                "production-ledger-prod-us payments-production apps/production/ledger " + US + " payments-production",
                "production-payments-api-prod-eu payments-production apps/production/payments-api " + EU + " payments-production",
                "production-payments-api-prod-us payments-production apps/production/payments-api " + US + " payments-production",
                "production-reports-prod-eu web-production apps/production/reports " + EU + " web-production",
                "staging-api-gateway web-staging apps/staging/api-gateway " + ArgoTrees.STAGING + " staging",
                "staging-frontend web-staging apps/staging/frontend " + ArgoTrees.STAGING + " staging",
                "staging-ledger payments-staging apps/staging/ledger " + ArgoTrees.STAGING + " payments-staging",
                "staging-payments-api payments-staging apps/staging/payments-api " + ArgoTrees.STAGING + " payments-staging",
                "staging-reports web-staging apps/staging/reports " + ArgoTrees.STAGING + " web-staging"), deployed);
    }

    @Test
    void aFolderNoApplicationSetPicksUpIsAnError() {
        ApplicationSet set = read(TREE, WEB_STAGING, ApplicationSet.class);
        List<Generator> generators = List.of(git(PathItem.include("apps/staging/frontend")), set.spec().generators().get(1));
        ConsistencyReport report = check(with(TREE, WEB_STAGING, withGenerators(set, generators)));
        assertProblem(report, "no ApplicationSet deploys apps/staging/api-gateway to cluster staging");
        assertEquals(1, report.problems().size(), String.join("\n", report.problems()));
    }

    @Test
    void aGlobThatOverMatchesIntoAnotherTeamsFoldersIsAnError() {
        ApplicationSet set = read(TREE, WEB_STAGING, ApplicationSet.class);
        List<Generator> generators = List.of(git(PathItem.include("apps/staging/*")), set.spec().generators().get(1));
        ConsistencyReport report = check(with(TREE, WEB_STAGING, withGenerators(set, generators)));
        assertProblem(report, "deploys apps/staging/ledger in project web-staging, but it belongs to project payments-staging");
        assertProblem(report, "apps/staging/ledger is deployed to " + ArgoTrees.STAGING + " twice");
        assertProblem(report, "Application staging-reports is generated by both");
    }

    @Test
    void excludesWinWhateverTheirOrderAsInArgoCd() {
        ApplicationSet set = read(TREE, WEB_STAGING, ApplicationSet.class);
        List<Generator> generators = List.of(git(PathItem.exclude("apps/staging/ledger"), PathItem.include("apps/staging/*"),
                        PathItem.exclude("apps/staging/payments-api"), PathItem.exclude("apps/staging/reports")),
                set.spec().generators().get(1));
        check(with(TREE, WEB_STAGING, withGenerators(set, generators))).orThrow();
    }

    @Test
    void aGeneratorPathMatchingNothingIsAnError() {
        ApplicationSet set = read(TREE, WEB_STAGING, ApplicationSet.class);
        List<Generator> generators = List.of(git(PathItem.include("apps/staging/frontend"),
                PathItem.include("apps/staging/api-gateway"), PathItem.include("apps/staging/retired")),
                set.spec().generators().get(1));
        assertProblem(check(with(TREE, WEB_STAGING, withGenerators(set, generators))),
                "path apps/staging/retired matches no folder of the tree");
    }

    @Test
    void aGlobOverTheEnvironmentFolderItselfIsNotAnAppFolder() {
        ApplicationSet set = read(TREE, WEB_STAGING, ApplicationSet.class);
        List<Generator> generators = List.of(git(PathItem.include("apps/staging/frontend"),
                PathItem.include("apps/staging/api-gateway"), PathItem.include("apps/*")), set.spec().generators().get(1));
        assertProblem(check(with(TREE, WEB_STAGING, withGenerators(set, generators))),
                "deploys apps/staging, which is not a rendered app folder");
    }

    @Test
    void aClusterMissedByTheFanOutIsAnError() {
        ApplicationSet set = read(TREE, WEB_PRODUCTION, ApplicationSet.class);
        Generator onlyEu = Generator.matrix(set.spec().generators().get(0).matrix().generators().get(0),
                Generator.list(List.of(Map.of("cluster", "prod-eu", "server", EU))));
        ConsistencyReport report = check(with(TREE, WEB_PRODUCTION,
                withGenerators(set, List.of(onlyEu, set.spec().generators().get(1)))));
        assertProblem(report, "no ApplicationSet deploys apps/production/frontend to cluster prod-us");
    }

    @Test
    void anAppDeployedToAClusterItDoesNotRunOnIsAnError() {
        ApplicationSet set = read(TREE, WEB_PRODUCTION, ApplicationSet.class);
        Generator reportsEverywhere = Generator.matrix(set.spec().generators().get(1).matrix().generators().get(0),
                set.spec().generators().get(0).matrix().generators().get(1));
        assertProblem(check(with(TREE, WEB_PRODUCTION,
                        withGenerators(set, List.of(set.spec().generators().get(0), reportsEverywhere)))),
                "deploys apps/production/reports to " + US + ", a cluster the instance does not run on");
    }

    @Test
    void aClusterGeneratorIsEvaluatedAgainstTheClusterLabels() {
        ApplicationSet set = read(TREE, WEB_PRODUCTION, ApplicationSet.class);
        var selector = new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
                .addNewMatchExpression().withKey("region").withOperator("In").withValues("eu", "us").endMatchExpression()
                .build();
        Generator clusters = Generator.clusters(new ApplicationSet.Clusters(selector, Map.of("cluster", "{{.name}}")));
        Generator apps = set.spec().generators().get(0).matrix().generators().get(0);
        Generator reports = set.spec().generators().get(1).matrix().generators().get(0);
        Generator euOnly = Generator.clusters(new ApplicationSet.Clusters(new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
                .addToMatchLabels("region", "eu").build(), Map.of("cluster", "{{.name}}")));
        ApplicationSet.Template template = set.spec().template();
        ApplicationSet.Template byClusterGenerator = new ApplicationSet.Template(
                new ApplicationSet.TemplateMeta("production-{{.path.basename}}-{{.values.cluster}}", null,
                        template.metadata().labels(), Map.of(), List.of()), template.spec());
        ApplicationSet changed = new ApplicationSet(set.getMetadata(), new ApplicationSet.Spec(true,
                List.of("missingkey=error"), List.of(Generator.matrix(apps, clusters), Generator.matrix(reports, euOnly)),
                byClusterGenerator, set.spec().syncPolicy()));
        ConsistencyReport report = check(with(TREE, WEB_PRODUCTION, changed));
        assertTrue(report.consistent(), String.join("\n", report.problems()));
    }

    @Test
    void aTemplatedProjectIsRejected() {
        ApplicationSet set = read(TREE, WEB_STAGING, ApplicationSet.class);
        ApplicationSet.Template template = set.spec().template();
        Application.Spec spec = template.spec();
        ApplicationSet changed = new ApplicationSet(set.getMetadata(), new ApplicationSet.Spec(true, List.of("missingkey=error"),
                set.spec().generators(), new ApplicationSet.Template(template.metadata(),
                new Application.Spec("{{.path.basename}}", spec.source(), spec.destination(), spec.syncPolicy())),
                set.spec().syncPolicy()));
        assertProblem(check(with(TREE, WEB_STAGING, changed)), "the project must be a literal");
    }

    @Test
    void anApplicationNameThatIsNoDns1123LabelIsAnError() {
        ApplicationSet set = read(TREE, WEB_STAGING, ApplicationSet.class);
        ApplicationSet.Template template = set.spec().template();
        ApplicationSet.TemplateMeta meta = template.metadata();
        for (String name : List.of("Staging-{{.path.basename}}", "staging_{{.path.basename}}", "{{.path.basename}}-",
                "staging-{{.path.basename}}-" + "x".repeat(50))) {
            ApplicationSet changed = new ApplicationSet(set.getMetadata(), new ApplicationSet.Spec(set.spec().goTemplate(),
                    set.spec().goTemplateOptions(), set.spec().generators(), new ApplicationSet.Template(
                    new ApplicationSet.TemplateMeta(name, meta.namespace(), meta.labels(), meta.annotations(),
                            meta.finalizers()), template.spec()), set.spec().syncPolicy()));
            String frontend = name.replace("{{.path.basename}}", "frontend");
            assertProblem(check(with(TREE, WEB_STAGING, changed)),
                    "Application name '" + frontend + "' is not a DNS-1123 label of at most 63 characters");
        }
    }

    @Test
    void aMissingTemplateParameterIsAnError() {
        ApplicationSet set = read(TREE, WEB_STAGING, ApplicationSet.class);
        Generator withoutNamespace = Generator.git(ApplicationSet.Git.directories(REPO, "main",
                List.of(PathItem.include("apps/staging/frontend"), PathItem.include("apps/staging/api-gateway"))));
        assertProblem(check(with(TREE, WEB_STAGING, withGenerators(set, List.of(withoutNamespace, set.spec().generators().get(1))))),
                "map has no entry for key \"values\"");
    }

    @Test
    void anAppFolderTheSpecDoesNotRenderIsAnError() {
        RenderedTree rogue = ArgoTrees.withText(TREE, "apps/staging/rogue/kustomization.yaml", "resources: []\n");
        assertProblem(check(rogue), "apps/staging/rogue: an app folder that no app instance of the spec renders");
    }

    @Test
    void aProjectThatDoesNotAdmitTheFoldersObjectsIsAnError() {
        String path = "argocd/staging/appproject-payments-staging.yaml";
        AppProject project = read(TREE, path, AppProject.class);
        AppProject.Spec spec = project.spec();
        AppProject stripped = new AppProject(project.getMetadata(), new AppProject.Spec(spec.description(),
                spec.sourceRepos(), spec.destinations(), List.of(), spec.namespaceResourceWhitelist().subList(1,
                spec.namespaceResourceWhitelist().size()), spec.orphanedResources()));
        ConsistencyReport report = check(with(TREE, path, stripped));
        assertProblem(report, "the project does not allow cluster-scoped ClusterRole payments-staging-ledger");
        assertProblem(report, "the project does not allow kind Service");
    }

    @Test
    void aWildcardProjectIsNotLockedDown() {
        String path = "argocd/staging/appproject-web-staging.yaml";
        AppProject project = read(TREE, path, AppProject.class);
        AppProject.Spec spec = project.spec();
        AppProject open = new AppProject(project.getMetadata(), new AppProject.Spec(spec.description(), List.of("*"),
                List.of(Application.Destination.server("*", "*")), List.of(new AppProject.ClusterResource("*", "*", null)),
                List.of(), null));
        ConsistencyReport report = check(with(TREE, path, open));
        assertProblem(report, "sourceRepos must be exactly the GitOps repository");
        assertProblem(report, "is a wildcard");
        assertProblem(report, "is allowed by pattern, not by name");
        assertProblem(report, "orphaned-resource warnings must be on");
    }

    @Test
    void aClusterScopedGrantNoFolderNeedsIsAnError() {
        String path = "argocd/staging/appproject-web-staging.yaml";
        AppProject project = read(TREE, path, AppProject.class);
        AppProject.Spec spec = project.spec();
        AppProject escalating = new AppProject(project.getMetadata(), new AppProject.Spec(spec.description(),
                spec.sourceRepos(), spec.destinations(),
                List.of(new AppProject.ClusterResource("rbac.authorization.k8s.io", "ClusterRoleBinding", "cluster-admin")),
                spec.namespaceResourceWhitelist(), spec.orphanedResources()));
        ConsistencyReport report = check(with(TREE, path, escalating));
        assertProblem(report, "AppProject web-staging: allows cluster-scoped ClusterRoleBinding cluster-admin, which no folder");
        assertEquals(1, report.problems().size(), String.join("\n", report.problems()));
    }

    @Test
    void anApplicationSetDeploysOnlyItsOwnEnvironment() {
        ApplicationSet set = read(TREE, WEB_STAGING, ApplicationSet.class);
        List<Generator> generators = List.of(set.spec().generators().get(0), set.spec().generators().get(1),
                Generator.git(new ApplicationSet.Git(REPO, "main", List.of(PathItem.include("apps/production/reports")),
                        List.of(), null, Map.of("namespace", "web-production"))));
        ConsistencyReport report = check(with(TREE, WEB_STAGING, withGenerators(set, generators)));
        assertProblem(report, "in argocd/staging deploys apps/production/reports of another environment");
    }

    @Test
    void orThrowListsEveryProblem() {
        RenderedTree broken = TREE.filter(p -> !p.startsWith("argocd/staging/applicationset-"));
        var e = assertThrows(ConsistencyReport.InconsistentArgoCdException.class, () -> check(broken).orThrow());
        assertTrue(e.problems().size() >= 6, e.getMessage());
        assertTrue(e.getMessage().contains("no ApplicationSet deploys platform/staging"), e.getMessage());
        assertTrue(e.getMessage().contains("AppProject web-staging is used by no ApplicationSet"), e.getMessage());
    }

    @Test
    void generatedApplicationsAreValues() {
        assertEquals(new GeneratedApplication("s", "n", "p", "x", "y", ""), new GeneratedApplication("s", "n", "p", "x", "y", ""));
    }
}
