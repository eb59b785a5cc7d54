package dev.goldenpath.generators.argocd;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.platform;

import static dev.goldenpath.dsl.GoldenPath.team;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import java.util.List;

/** The test platform (shaped like the samples) and its rendered tree with the Argo CD objects. */
final class ArgoTrees {

    static final String REPO = "https://git.example.com/acme/gitops.git";
    static final String EU = "https://kubernetes.default.svc";
    static final String US = "https://prod-us.k8s.acme.example:6443";
    static final String STAGING = "https://staging.k8s.acme.example:6443";

    private ArgoTrees() {
    }

    /** Two environments (staging on one cluster, production on two), two teams, five apps. */
    static Platform.Builder spec() {
        return platform("acme")
                .gitRepository(REPO)
                .environment(environment("staging").cluster(cluster("staging", STAGING).label("tier", "staging")).apiServer(6443, "10.10.0.10/32"))
                .environment(environment("production")
                        .cluster(cluster("prod-eu", EU).label("region", "eu"))
                        .cluster(cluster("prod-us", US).label("region", "us"))
                        .apiServer(6443, "10.20.0.10/32"))
                .team(team("web").owner("web@acme.example"))
                .team(team("payments").owner("payments@acme.example"))
                .app(app("frontend").team("web").namespace("{environment}")
                        .image("registry.acme.example/web/frontend:2.3.1").port(8080).readiness(httpGet("/ready")))
                .app(app("api-gateway").team("web").namespace("{environment}")
                        .image("registry.acme.example/web/api-gateway:1.9.0").port(8443).readiness(httpGet("/ready")))
                // Only in the EU in production: the fan-out must follow per-app cluster choices.
                .app(app("reports").team("web")
                        .image("registry.acme.example/web/reports:1.0.0").port(8080).readiness(httpGet("/ready"))
                        .in("production", o -> o.clusters("prod-eu")))
                .app(app("payments-api").team("payments")
                        .image("registry.acme.example/payments/payments-api:1.4.2").port(8080).readiness(httpGet("/ready")))
                // A declared ClusterRole: the one cluster-scoped object a team folder may hold.
                .app(app("ledger").team("payments")
                        .image("registry.acme.example/payments/ledger:3.0.7").port(8080).readiness(httpGet("/ready"))
                        .permissions(dev.goldenpath.dsl.GoldenPath.read("namespaces").clusterWide())
                        .weaken(Weakening.CLUSTER_ROLE, "reads namespace labels for tenant routing; SEC-7"));
    }

    /** The platform rendered, Argo CD objects included. */
    static RenderedTree render(Platform platform) {
        Renderer renderer = Renderer.secureByDefault();
        return renderer.render(platform).tree();
    }

    static <T> T read(RenderedTree tree, String path, Class<T> type) {
        return Yaml.read(tree.bytes(path).orElseThrow(() -> new AssertionError(path + " not in " + tree.paths())), type);
    }

    /** The tree with one file replaced (or added). */
    static RenderedTree with(RenderedTree tree, String path, Object object) {
        return RenderedTree.builder().addAll(tree.filter(p -> !p.equals(path))).add(path, Yaml.write(object)).build();
    }

    /** The tree with one file replaced by raw text. */
    static RenderedTree withText(RenderedTree tree, String path, String text) {
        return RenderedTree.builder().addAll(tree.filter(p -> !p.equals(path))).add(path, text).build();
    }

    /** The ApplicationSet with other generators. */
    static ApplicationSet withGenerators(ApplicationSet set, List<ApplicationSet.Generator> generators) {
        ApplicationSet.Spec spec = set.spec();
        return new ApplicationSet(set.getMetadata(), new ApplicationSet.Spec(spec.goTemplate(), spec.goTemplateOptions(),
                generators, spec.template(), spec.syncPolicy()));
    }
}
