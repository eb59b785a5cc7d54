package dev.goldenpath.generators.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Cluster;
import dev.goldenpath.generators.argocd.ApplicationSet.Generator;
import dev.goldenpath.generators.argocd.ApplicationSet.PathItem;
import dev.goldenpath.tree.RenderedTree;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generator semantics the consistency check relies on, each as the ApplicationSet controller applies it. */
class GeneratorsTest {

    private static final RenderedTree REPO = RenderedTree.builder()
            .add("apps/prod/a/kustomization.yaml", "resources: []\n")
            .add("apps/prod/b/kustomization.yaml", "resources: []\n")
            .add("apps/prod/.hidden/kustomization.yaml", "resources: []\n")
            .add("config/prod/a.yaml", "cluster: eu\nreplicas: 2\n")
            .add("config/prod/b.json", "[{\"cluster\": \"us\"}, {\"cluster\": \"eu\"}]")
            .build();
    private static final List<Cluster> CLUSTERS = List.of(
            new Cluster("eu", "https://eu.example:6443", Map.of("region", "eu", "tier", "prod")),
            new Cluster("us", "https://us.example:6443", Map.of("region", "us", "tier", "prod")),
            new Cluster("lab", "https://lab.example:6443", Map.of("tier", "lab")));

    private final List<String> problems = new ArrayList<>();
    private final Generators generators = new Generators(REPO, CLUSTERS, problems);

    private List<Map<String, Object>> evaluate(Generator generator) {
        return generators.evaluate(generator, "g");
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> params, String dotted) {
        Object value = params;
        for (String key : dotted.split("\\.")) {
            value = ((Map<String, Object>) value).get(key);
        }
        return value;
    }

    @Test
    void gitDirectoriesListEveryVisibleDirectoryAndGivePathParameters() {
        List<Map<String, Object>> params = evaluate(Generator.git(ApplicationSet.Git.directories("r", "main",
                List.of(PathItem.include("apps/prod/*")))));
        assertEquals(List.of("apps/prod/a", "apps/prod/b"), params.stream().map(p -> at(p, "path.path")).toList());
        assertEquals("b", at(params.get(1), "path.basename"));
        assertEquals(List.of("apps", "prod", "b"), at(params.get(1), "path.segments"));
        assertEquals(List.of(), problems);
    }

    @Test
    void gitFilesTurnEachObjectIntoAParameterSet() {
        List<Map<String, Object>> params = evaluate(Generator.git(ApplicationSet.Git.files("r", "main",
                List.of(PathItem.include("config/**")))));
        assertEquals(List.of("eu", "us", "eu"), params.stream().map(p -> at(p, "cluster")).toList());
        assertEquals("a.yaml", at(params.get(0), "path.filename"));
        assertEquals("config/prod", at(params.get(0), "path.path"));
        assertEquals(2, at(params.get(0), "replicas"));
    }

    @Test
    void aClusterSelectorPicksByLabelsAndAnEmptyOnePicksAll() {
        var prod = new LabelSelectorBuilder().addToMatchLabels("tier", "prod")
                .addNewMatchExpression().withKey("region").withOperator("NotIn").withValues("us").endMatchExpression().build();
        assertEquals(List.of("eu"), evaluate(Generator.clusters(new ApplicationSet.Clusters(prod, Map.of())))
                .stream().map(p -> p.get("name")).toList());
        assertEquals(3, evaluate(Generator.clusters(new ApplicationSet.Clusters(null, Map.of()))).size());
        var none = new LabelSelectorBuilder().addToMatchLabels("tier", "staging").build();
        assertTrue(evaluate(Generator.clusters(new ApplicationSet.Clusters(none, Map.of()))).isEmpty());
        assertEquals(List.of("g.clusters: the selector matches no cluster of the platform"), problems);
    }

    @Test
    void aMatrixCombinesEveryPairAndAMergeOverridesByKey() {
        Generator apps = Generator.list(List.of(Map.of("app", "a"), Map.of("app", "b")));
        Generator clusters = Generator.list(List.of(Map.of("cluster", "eu"), Map.of("cluster", "us")));
        assertEquals(4, evaluate(Generator.matrix(apps, clusters)).size());
        Generator base = Generator.list(List.of(Map.of("app", "a", "replicas", "1"), Map.of("app", "b", "replicas", "1")));
        Generator override = Generator.list(List.of(Map.of("app", "b", "replicas", "3"), Map.of("app", "c", "replicas", "9")));
        assertEquals(List.of(Map.of("app", "a", "replicas", "1"), Map.of("app", "b", "replicas", "3")),
                evaluate(Generator.merge(List.of("app"), base, override)));
    }

    @Test
    void malformedGeneratorsAreProblemsNotExceptions() {
        evaluate(new Generator(null, null, null, new ApplicationSet.Matrix(List.of(Generator.list(List.of()))), null));
        evaluate(Generator.git(ApplicationSet.Git.directories("r", "main", List.of(PathItem.include("apps/[")))));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("exactly two generators"));
        assertEquals("g.git.directories[0]: syntax error in pattern apps/[: unclosed [", problems.get(1));
    }

    @Test
    void listsEveryDirectoryBelowTheRootExceptHiddenOnes() {
        // Neighbours in sorted order that share a prefix but not a directory ("a/b-x" and "a/b.txt" sort before
        // "a/b/..."), hidden segments at every depth, and a directory whose only content is deeper directories.
        List<String> paths = List.of("a/b-x/f.yaml", "a/b.txt", "a/b/c.yaml", "a/b/d/e.yaml", "a/b0/g.yaml",
                "a/.h/i.yaml", "a/.h/j/k.yaml", ".hidden/x.yaml", "top.yaml", "m/n/o/p/q.yaml", "m/n/.o/r.yaml",
                "m/n2/s.yaml", "ab/t.yaml");
        RenderedTree.Builder tree = RenderedTree.builder();
        paths.forEach(path -> tree.add(path, "x: 1\n"));
        java.util.SortedSet<String> expected = new java.util.TreeSet<>();
        for (String path : paths) {
            String[] segments = path.split("/");
            StringBuilder directory = new StringBuilder();
            for (int i = 0; i < segments.length - 1 && !segments[i].startsWith("."); i++) {
                directory.append(i == 0 ? "" : "/").append(segments[i]);
                expected.add(directory.toString());
            }
        }
        assertEquals(List.of("a", "a/b", "a/b-x", "a/b/d", "a/b0", "ab", "m", "m/n", "m/n/o", "m/n/o/p", "m/n2"),
                List.copyOf(expected));
        assertEquals(expected, new Generators(tree.build(), CLUSTERS, problems).directories());
    }
}
