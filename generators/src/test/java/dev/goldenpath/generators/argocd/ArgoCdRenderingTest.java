package dev.goldenpath.generators.argocd;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.generators.argocd.ArgoTrees.EU;
import static dev.goldenpath.generators.argocd.ArgoTrees.REPO;
import static dev.goldenpath.generators.argocd.ArgoTrees.STAGING;
import static dev.goldenpath.generators.argocd.ArgoTrees.US;
import static dev.goldenpath.generators.argocd.ArgoTrees.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.SpecException;
import dev.goldenpath.dsl.Violation;
import dev.goldenpath.dsl.ViolationCode;
import dev.goldenpath.generators.argocd.Application.Destination;
import dev.goldenpath.generators.argocd.AppProject.ClusterResource;
import dev.goldenpath.generators.argocd.AppProject.GroupKind;
import dev.goldenpath.tree.RenderedTree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgoCdRenderingTest {

    private static final RenderedTree TREE = ArgoTrees.render(ArgoTrees.spec().build());

    @Test
    void rendersAProjectAndAnApplicationSetPerTeamAndForThePlatformOfEachEnvironment() {
        for (String environment : List.of("staging", "production")) {
            assertEquals(List.of(
                    "argocd/" + environment + "/applicationset-payments-" + environment + ".yaml",
                    "argocd/" + environment + "/applicationset-platform-" + environment + ".yaml",
                    "argocd/" + environment + "/applicationset-web-" + environment + ".yaml",
                    "argocd/" + environment + "/appproject-payments-" + environment + ".yaml",
                    "argocd/" + environment + "/appproject-platform-" + environment + ".yaml",
                    "argocd/" + environment + "/appproject-web-" + environment + ".yaml",
                    "argocd/" + environment + "/kustomization.yaml"),
                    TREE.paths().stream().filter(p -> p.startsWith("argocd/" + environment + "/")).toList());
        }
    }

    @Test
    void theProjectIsALiteralOfTheTeamsApplicationSetAndTheFoldersAreListedOneByOne() {
        ApplicationSet set = read(TREE, "argocd/staging/applicationset-web-staging.yaml", ApplicationSet.class);
        assertEquals("web-staging", set.spec().template().spec().project());
        ApplicationSet.Git git = set.spec().generators().get(0).git();
        assertEquals(List.of("apps/staging/api-gateway", "apps/staging/frontend"),
                git.directories().stream().map(ApplicationSet.PathItem::path).toList());
        assertTrue(git.directories().stream().allMatch(d -> GoGlob.isLiteral(d.path())), "no wildcard in any path");
        assertEquals(REPO, git.repoURL());
        assertEquals("main", git.revision());
        // reports has its own namespace: a second generator with that namespace as a literal value.
        assertEquals(Map.of("namespace", "web-staging"), set.spec().generators().get(1).git().values());
    }

    @Test
    void safeDefaultsAreOn() {
        ApplicationSet set = read(TREE, "argocd/production/applicationset-payments-production.yaml", ApplicationSet.class);
        assertEquals(Boolean.TRUE, set.spec().goTemplate());
        assertEquals(List.of("missingkey=error"), set.spec().goTemplateOptions());
        assertEquals(Boolean.TRUE, set.spec().syncPolicy().preserveResourcesOnDeletion());
        Application.SyncPolicy sync = set.spec().template().spec().syncPolicy();
        assertEquals(new Application.Automated(true, true, null), sync.automated());
        assertEquals(List.of("CreateNamespace=false", "FailOnSharedResource=true", "PruneLast=true",
                "PrunePropagationPolicy=foreground"), sync.syncOptions());
        assertEquals(5, sync.retry().limit());
        assertTrue(set.spec().template().metadata().finalizers().isEmpty(),
                "no cascading-deletion finalizer: deleting an Application never deletes a workload");
    }

    @Test
    void aMultiClusterEnvironmentFansOutByMatrixFollowingEachAppsClusters() {
        ApplicationSet set = read(TREE, "argocd/production/applicationset-web-production.yaml", ApplicationSet.class);
        assertEquals("production-{{.path.basename}}-{{.cluster}}", set.spec().template().metadata().name());
        assertEquals("{{.server}}", set.spec().template().spec().destination().server());
        ApplicationSet.Matrix both = set.spec().generators().get(0).matrix();
        assertEquals(List.of(Map.of("cluster", "prod-eu", "server", EU), Map.of("cluster", "prod-us", "server", US)),
                both.generators().get(1).list().elements());
        ApplicationSet.Matrix euOnly = set.spec().generators().get(1).matrix();
        assertEquals("apps/production/reports", euOnly.generators().get(0).git().directories().get(0).path());
        assertEquals(List.of(Map.of("cluster", "prod-eu", "server", EU)), euOnly.generators().get(1).list().elements());
    }

    @Test
    void aTeamProjectAllowsOnlyTheGitOpsRepositoryTheTeamsNamespacesAndTheKindsItsFoldersHold() {
        AppProject web = read(TREE, "argocd/production/appproject-web-production.yaml", AppProject.class);
        assertEquals(List.of(REPO), web.spec().sourceRepos());
        assertEquals(List.of(Destination.server(EU, "production"), Destination.server(EU, "web-production"),
                Destination.server(US, "production")), web.spec().destinations());
        assertTrue(web.spec().clusterResourceWhitelist().isEmpty(), "no cluster-scoped object at all");
        assertTrue(web.spec().namespaceResourceWhitelist().contains(new GroupKind("apps", "Deployment")));
        assertTrue(web.spec().namespaceResourceWhitelist().contains(new GroupKind("networking.k8s.io", "NetworkPolicy")));
        assertFalse(web.spec().namespaceResourceWhitelist().contains(new GroupKind("", "Secret")));
        assertEquals(Boolean.TRUE, web.spec().orphanedResources().warn());
        assertEquals(List.of("resources-finalizer.argocd.argoproj.io"), web.getMetadata().getFinalizers());
    }

    @Test
    void aDeclaredClusterRoleIsTheOnlyClusterScopedObjectATeamProjectAllowsAndOnlyByName() {
        AppProject payments = read(TREE, "argocd/staging/appproject-payments-staging.yaml", AppProject.class);
        assertEquals(List.of(
                        new ClusterResource("rbac.authorization.k8s.io", "ClusterRole", "payments-staging-ledger"),
                        new ClusterResource("rbac.authorization.k8s.io", "ClusterRoleBinding", "payments-staging-ledger")),
                payments.spec().clusterResourceWhitelist());
    }

    @Test
    void thePlatformProjectMayCreateExactlyTheRenderedNamespaces() {
        AppProject platform = read(TREE, "argocd/staging/appproject-platform-staging.yaml", AppProject.class);
        // The app namespaces, and the baseline's own (falco, trivy): by name, nothing else.
        assertEquals(List.of(new ClusterResource("", "Namespace", "falco"), new ClusterResource("", "Namespace", "payments-staging"),
                new ClusterResource("", "Namespace", "staging"), new ClusterResource("", "Namespace", "trivy"),
                new ClusterResource("", "Namespace", "web-staging")),
                platform.spec().clusterResourceWhitelist().stream().filter(r -> r.kind().equals("Namespace")).toList());
        assertTrue(platform.spec().namespaceResourceWhitelist().contains(new GroupKind("networking.k8s.io", "NetworkPolicy")));
        assertTrue(platform.spec().destinations().containsAll(List.of(Destination.server(STAGING, null),
                Destination.server(STAGING, "payments-staging"), Destination.server(STAGING, "staging"),
                Destination.server(STAGING, "web-staging"))));
        ApplicationSet set = read(TREE, "argocd/staging/applicationset-platform-staging.yaml", ApplicationSet.class);
        assertEquals("platform/staging", set.spec().generators().get(0).git().directories().get(0).path());
        assertNull(set.spec().template().spec().destination().namespace());
    }

    @Test
    void theArgoFolderHasAKustomizationListingItsObjects() {
        String kustomization = TREE.text("argocd/production/kustomization.yaml").orElseThrow();
        assertTrue(kustomization.contains("- appproject-web-production.yaml"), kustomization);
        assertTrue(kustomization.contains("- applicationset-web-production.yaml"), kustomization);
    }

    @Test
    void aTeamWhoseProjectNameIsTakenIsASpecViolation() {
        var spec = ArgoTrees.spec().team(team("platform").owner("ops@acme.example"))
                .app(app("console").team("platform").image("registry.acme.example/ops/console:1.0.0").port(8080)
                        .readiness(httpGet("/ready")));
        var platform = spec.build();
        SpecException e = assertThrows(SpecException.class,
                () -> dev.goldenpath.generators.Renderer.secureByDefault().generate(platform));
        assertTrue(e.getMessage().contains("platform-production"), e.getMessage());
        assertTrue(e.getMessage().contains("teams[platform]"), e.getMessage());
        assertEquals(List.of(ViolationCode.ARGOCD_PROJECT_NAME_COLLISION, ViolationCode.ARGOCD_PROJECT_NAME_COLLISION),
                e.violations().stream().map(Violation::code).toList());
    }

    @Test
    void twoAppsWhoseApplicationNamesCollideAreASpecViolationWithItsCode() {
        // "prod" + "x-api" and "prod-x" + "api" both give the Application name prod-x-api.
        var platform = dev.goldenpath.dsl.GoldenPath.platform("acme").gitRepository(REPO)
                .environment(dev.goldenpath.dsl.GoldenPath.environment("prod")
                        .cluster(dev.goldenpath.dsl.GoldenPath.cluster("prod", EU)).apiServer(6443, "10.20.0.10/32"))
                .environment(dev.goldenpath.dsl.GoldenPath.environment("prod-x")
                        .cluster(dev.goldenpath.dsl.GoldenPath.cluster("prod-x", US)).apiServer(6443, "10.30.0.10/32"))
                .team(team("web").owner("web@acme.example"))
                .app(app("x-api").team("web").image("registry.acme.example/web/x-api:1.0.0").port(8080)
                        .readiness(httpGet("/ready")).onlyIn("prod"))
                .app(app("api").team("web").image("registry.acme.example/web/api:1.0.0").port(8080)
                        .readiness(httpGet("/ready")).onlyIn("prod-x"))
                .build();

        SpecException e = assertThrows(SpecException.class,
                () -> dev.goldenpath.generators.Renderer.secureByDefault().generate(platform));

        List<Violation> collisions = e.violations().stream()
                .filter(v -> v.code() == ViolationCode.ARGOCD_APPLICATION_NAME_COLLISION).toList();
        assertEquals(1, collisions.size(), e.getMessage());
        assertEquals("prod-x-api", collisions.get(0).value());
    }

    @Test
    void renderingIsDeterministic() {
        assertEquals(TREE.digest(), ArgoTrees.render(ArgoTrees.spec().build()).digest());
    }
}
