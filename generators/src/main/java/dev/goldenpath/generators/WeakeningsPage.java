package dev.goldenpath.generators;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.generators.report.RenderReport;
import dev.goldenpath.tree.TreeLayout;
import dev.goldenpath.vocabulary.Annotations;
import dev.goldenpath.vocabulary.PodSecurityLabels;
import dev.goldenpath.vocabulary.RuleId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rendered tree's {@code docs/weakenings.md}: every weakening the rendered objects hold, read from those objects
 * rather than from the spec, so that the page cannot drift from what the cluster runs. It lists each
 * {@code weakening.goldenpath.dev/<rule>} annotation (on an object or its pod template: the apps' declared weakenings
 * and the cluster baseline's own, such as Falco's) and each Namespace whose Pod Security Standards {@code enforce}
 * label is below {@code restricted}, with or without a recorded reason.
 *
 * <pre>{@code
 * String page = WeakeningsPage.markdown(List.of("apps/prod/api/deployment.yaml"), List.of(deploymentTree));
 * }</pre>
 */
final class WeakeningsPage {

    /** The page's path in the rendered tree. */
    static final String PATH = TreeLayout.WEAKENINGS_PAGE;

    private static final String PREFIX = Annotations.WEAKENING_PREFIX;
    private static final String ENFORCE = PodSecurityLabels.Mode.ENFORCE.label();
    private static final String NAMESPACE_RULE = RuleId.NAMESPACE_POD_SECURITY.id();

    private WeakeningsPage() {
    }

    /**
     * The page for these objects.
     *
     * @param paths   each object's path in the tree ({@code apps/<environment>/...}, {@code platform/<environment>/...})
     * @param objects the objects as written, in the same order
     */
    static String markdown(List<String> paths, List<? extends JsonNode> objects) {
        return markdown(paths, objects, List.of());
    }

    /**
     * The page for these objects, plus the declared weakenings whose rules only the DSL checks
     * ({@code Weakening.DSL_ONLY_RULE_IDS}, e.g. egress to anywhere): no annotation can carry them, since the linter
     * refuses rule ids it does not know, so they come from the render report.
     */
    static String markdown(List<String> paths, List<? extends JsonNode> objects,
                                  List<RenderReport.Entry> dslOnly) {
        if (paths.size() != objects.size()) {
            throw new IllegalArgumentException(paths.size() + " paths for " + objects.size() + " objects");
        }
        Rows rows = new Rows();
        for (int i = 0; i < objects.size(); i++) {
            rows.add(paths.get(i), objects.get(i));
        }
        return rows.markdown(dslOnly);
    }

    /**
     * The page's rows, gathered one object at a time (the renderer hands each over as it writes it, and keeps none of
     * the trees): one row per environment, namespace, rule and reason; the objects that carry it are listed together
     * (an app's weakening is on its Deployment, its pods and, for RBAC rules, its Role).
     */
    static final class Rows {
        private final SortedMap<Row, SortedSet<String>> rows = new TreeMap<>();

        /** The weakenings {@code object}, written to {@code path}, holds. */
        void add(String path, JsonNode object) {
            String kind = object.path("kind").asText();
            JsonNode metadata = object.path("metadata");
            Map<String, String> exceptions = new TreeMap<>();
            JsonNode spec = object.path("spec");
            for (JsonNode at : List.of(metadata, spec.path("template").path("metadata"),
                    spec.path("jobTemplate").path("spec").path("template").path("metadata"))) {
                at.path("annotations").properties().forEach(a -> {
                    Annotations.weakeningRule(a.getKey())
                            .ifPresent(rule -> exceptions.put(rule, a.getValue().asText()));
                });
            }
            String enforce = metadata.path("labels").path(ENFORCE).asText("restricted");
            if (kind.equals("Namespace") && !enforce.equals("restricted")) {
                exceptions.putIfAbsent(NAMESPACE_RULE, "(no reason recorded)");
            }
            if (exceptions.isEmpty()) {
                return; // most objects weaken nothing: no label or environment to work out for them
            }
            String environment = environment(path);
            String name = metadata.path("name").asText();
            String namespace = kind.equals("Namespace") ? name : metadata.path("namespace").asText("");
            String label = kind + " " + (namespace.isEmpty() || kind.equals("Namespace") ? name : namespace + "/" + name);
            exceptions.forEach((rule, reason) -> {
                String shown = rule.equals(NAMESPACE_RULE) && kind.equals("Namespace")
                        ? rule + " (enforce: " + enforce + ")" : rule;
                rows.computeIfAbsent(new Row(environment, namespace, shown, reason), r -> new TreeSet<>()).add(label);
            });
        }

        /** The page: the rows gathered, and the declared weakenings of rules only the DSL checks. */
        String markdown(List<RenderReport.Entry> dslOnly) {
            return WeakeningsPage.markdown(rows, dslOnly);
        }
    }

    private static String markdown(SortedMap<Row, SortedSet<String>> gathered, List<RenderReport.Entry> dslOnly) {
        SortedMap<Row, SortedSet<String>> rows = new TreeMap<>();
        gathered.forEach((row, labels) -> rows.put(row, new TreeSet<>(labels)));
        for (RenderReport.Entry entry : dslOnly) {
            for (String rule : entry.ruleIds()) {
                rows.computeIfAbsent(new Row(entry.environment(), entry.namespace(), rule, entry.reason()),
                        r -> new TreeSet<>()).add("app " + entry.app() + " (declared in the spec)");
            }
        }
        StringBuilder md = new StringBuilder("# Weakenings of the secure defaults\n\n");
        md.append("Every weakening the rendered objects hold, read from the objects: each `").append(PREFIX)
                .append("<rule>` annotation and each namespace that enforces less than Pod Security Standards `restricted`")
                .append(dslOnly.isEmpty() ? "" : ", and the declared weakenings of rules only the spec checks").append(".\n\n");
        if (rows.isEmpty()) {
            return md.append("None: every workload runs with every secure default.\n").toString();
        }
        md.append("| environment | namespace | rule | reason | objects |\n");
        md.append("|---|---|---|---|---|\n");
        rows.forEach((row, labels) -> md.append("| ").append(cell(row.environment())).append(" | ")
                .append(row.namespace().isEmpty() ? "(cluster)" : cell(row.namespace())).append(" | ")
                .append(cell(row.rule())).append(" | ").append(cell(row.reason())).append(" | ")
                .append(cell(String.join(", ", labels))).append(" |\n"));
        return md.toString();
    }

    /** The environment of a tree path: its second segment ({@code apps/<environment>/...}). */
    private static String environment(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 ? parts[1] : "";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private record Row(String environment, String namespace, String rule, String reason) implements Comparable<Row> {

        private static final Comparator<Row> ORDER = Comparator.comparing(Row::environment)
                .thenComparing(Row::namespace).thenComparing(Row::rule).thenComparing(Row::reason);

        @Override
        public int compareTo(Row other) {
            return ORDER.compare(this, other);
        }
    }
}
