package dev.goldenpath.generators.argocd;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.resolved.Manifests.Manifest;
import dev.goldenpath.generators.resolved.ResolvedPlatform;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.tree.TreeLayout;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Argo CD layout of a team whose apps each have their own namespace (issue 18): the namespace is derived from the
 * folder in one generator, projects allow the namespaces in one exact alternation, and a team of 10 000 such apps
 * renders Argo CD objects far below the object size limit, which the consistency check still proves exact.
 */
class NamespacePerAppLayoutTest {

    private static final String SERVER = "https://staging.k8s.example.com:6443";
    private static final int LIMIT = 900 * 1024;

    @Test
    void sharedNamespacesStayLiteralAndAppsAloneInANamespaceNamedAfterThemShareOneGenerator() {
        Platform platform = platform("acme").gitRepository(ArgoTrees.REPO)
                .environment(environment("staging").cluster(SERVER).apiServer(6443, "10.10.0.10/32"))
                .team(team("web").owner("web@acme.example"))
                .app(web("frontend").namespace("{environment}"))
                .app(web("api").namespace("{environment}"))
                .app(web("search").namespace("{app}-{environment}"))
                .app(web("billing").namespace("{app}-{environment}"))
                .app(web("audit").namespace("team-{app}"))
                .build();
        RenderedTree tree = ArgoTrees.render(platform);
        ApplicationSet set = ArgoTrees.read(tree, "argocd/staging/applicationset-web-staging.yaml", ApplicationSet.class);
        Map<String, List<String>> byNamespace = new TreeMap<>();
        set.spec().generators().forEach(g -> byNamespace.put(g.git().values().get("namespace"),
                g.git().directories().stream().map(ApplicationSet.PathItem::path).toList()));
        assertEquals(Map.of(
                "staging", List.of("apps/staging/api", "apps/staging/frontend"),
                "{{.path.basename}}-staging", List.of("apps/staging/billing", "apps/staging/search"),
                // Alone with its template: written as before, with its namespace.
                "team-audit", List.of("apps/staging/audit")), byNamespace);
        ConsistencyReport report = ArgoCd.check(platform, tree).orThrow();
        assertEquals(List.of("apps/staging/api staging", "apps/staging/audit team-audit",
                "apps/staging/billing billing-staging", "apps/staging/frontend staging",
                "apps/staging/search search-staging"), report.applications().stream()
                .filter(a -> a.path().startsWith("apps/")).map(a -> a.path() + " " + a.namespace()).sorted().toList());
    }

    @Test
    void aTeamOfTenThousandAppsEachInItsNamespaceFitsAndIsProvenExact() {
        Platform.Builder spec = platform("acme").gitRepository(ArgoTrees.REPO)
                .environment(environment("staging").cluster(SERVER).apiServer(6443, "10.10.0.10/32"))
                .team(team("everyone").owner("everyone@acme.example"));
        int apps = 10_000;
        for (int a = 0; a < apps; a++) {
            spec.app(app("app" + a).team("everyone").namespace("{app}-{environment}")
                    .image("registry.example.com/app:1.0.0").port(8080).readiness(httpGet("/ready")));
        }
        Platform platform = spec.build();
        ResolvedPlatform resolved = ResolvedPlatform.of(platform);
        // What the projects are derived from: a ServiceAccount per app folder, a Namespace per namespace folder.
        List<Manifest> generated = new ArrayList<>();
        for (AppInstance instance : resolved.instances()) {
            generated.add(new Manifest(ResolvedPlatform.folder(instance), new ServiceAccountBuilder().withNewMetadata()
                    .withName(instance.name()).withNamespace(instance.namespace()).endMetadata().build()));
            generated.add(new Manifest(TreeLayout.namespaceFolder("staging", instance.namespace()),
                    new NamespaceBuilder().withNewMetadata().withName(instance.namespace()).endMetadata().build()));
        }
        List<Manifest> argo = ArgoCd.render(resolved, generated);
        RenderedTree.Builder tree = RenderedTree.builder();
        TreeSet<String> folders = new TreeSet<>();
        Map<String, Integer> sizes = new TreeMap<>();
        for (Manifest manifest : concat(generated, argo)) {
            byte[] bytes = Yaml.write(manifest.object());
            tree.add(manifest.path(), bytes);
            folders.add(manifest.folder());
            if (manifest.folder().startsWith("argocd/")) {
                sizes.put(manifest.path(), bytes.length);
            }
        }
        folders.forEach(f -> tree.add(TreeLayout.kustomization(f), "resources: []\n"));
        tree.add(TreeLayout.kustomization(TreeLayout.platformFolder("staging")), "resources: []\n");
        // Before: the team's ApplicationSet 2.0 MB, the platform project 1.4 MB, both refused. The platform project
        // still names each Namespace it may create (filepath.Match has no alternation): about 66 bytes a namespace.
        sizes.forEach((path, size) -> assertTrue(size < (path.contains("platform") ? LIMIT : LIMIT / 2),
                path + " is " + size + " bytes"));
        System.out.println("Argo CD objects of " + apps + " apps, each in its namespace (bytes): " + sizes);
        AppProject team = ArgoTrees.read(tree.build(), "argocd/staging/appproject-everyone-staging.yaml", AppProject.class);
        assertEquals(1, team.spec().destinations().size());
        assertEquals(apps, Alternation.expand(team.spec().destinations().get(0).namespace()).orElseThrow().size());
        ConsistencyReport report = ArgoCd.check(platform, tree.build()).orThrow();
        assertEquals(apps + 1, report.applications().size());
    }

    private static dev.goldenpath.dsl.App.Builder web(String name) {
        return app(name).team("web").image("registry.acme.example/web/" + name + ":1.0.0").port(8080)
                .readiness(httpGet("/ready"));
    }

    private static List<Manifest> concat(List<Manifest> a, List<Manifest> b) {
        List<Manifest> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
