package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.vocabulary.RuleId;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One lint, streaming: each document is read, its objects are checked by the per-object rules at once, and only
 * what the cross-object rules need of them is kept ({@link Inventory}); the tree is dropped before the next document
 * is read. The cross-object rules run in {@link #finish()}. Memory is one document's tree at a time plus a few
 * facts per object, whatever the size of the input.
 *
 * <p>Findings are sorted at the end, so the report is the same as if every object had been held and checked
 * afterwards: within one rule, findings are still made in input order.
 */
final class LintRun {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::documentIndex)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::fieldPath)
            .thenComparing(Finding::message);

    private final Map<String, Rule> enabled;
    private final List<String> requiredLabels;
    private final Severity failOn;
    private final Reporter reporter;
    private final Inventory inventory;
    private final List<LintReport.Linted> linted = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> unchecked = new ArrayList<>();

    LintRun(Map<String, Rule> enabled, List<String> requiredLabels, Severity failOn) {
        this.enabled = enabled;
        this.requiredLabels = requiredLabels;
        this.failOn = failOn;
        this.reporter = new Reporter(enabled);
        this.inventory = new Inventory(reporter);
    }

    /** Reports a problem of a whole document or file. */
    void reportDocument(RuleId ruleId, String file, int documentIndex, int line, String object, String message) {
        reporter.reportDocument(ruleId, file, documentIndex, line, object, message);
    }

    void addYaml(String file, Utf8Text text) {
        YamlDocuments.parse(text, document -> addDocument(file, document));
    }

    /**
     * Reads the file's documents from a stream, one segment of text at a time ({@link YamlStream}).
     *
     * @param size the file's size when known, else -1
     */
    void addYaml(String file, InputStream in, long size) throws IOException {
        YamlStream.parse(in, size, document -> addDocument(file, document));
    }

    void addDocument(String file, YamlDocuments.Document document) {
        if (document.tree() == null) {
            reporter.reportDocument(RuleId.YAML_SYNTAX, file, document.index(), document.line(),
                    "unparsable document", document.problem());
        } else if (kustomizeConfig(document.tree())) {
            return; // kustomization.yaml and Components configure a build; they are not API objects
        } else if (!manifestLike(document.tree())) {
            skipped.add(file + "#" + document.index());
        } else {
            addObject(new Manifest(file, document.index(), document.line(), document.tree()), document.tree(),
                    document.lines());
        }
    }

    /** Other YAML found among manifests (Helm values, CI configuration): no apiVersion and no kind. */
    private static boolean manifestLike(JsonNode node) {
        return node.isObject() && (node.has("apiVersion") || node.has("kind"));
    }

    private static boolean kustomizeConfig(JsonNode node) {
        return node.path("apiVersion").asText("").startsWith("kustomize.config.k8s.io/");
    }

    void addObject(Manifest manifest, JsonNode node, LineIndex lines) {
        String problem = shapeProblem(node);
        if (!problem.isEmpty()) {
            reporter.reportDocument(RuleId.OBJECT_SHAPE, manifest.file(), manifest.documentIndex(),
                    manifest.line(), "not a Kubernetes object", problem);
            return;
        }
        addItems(manifest, node, "", lines, 0);
    }

    /**
     * kubectl's List (and FooList) wrappers, nested ones included: every item is linted in place. The nesting is
     * bounded so that a hostile document cannot make the walk deep.
     */
    private void addItems(Manifest manifest, JsonNode node, String base, LineIndex lines, int depth) {
        if (!list(node)) {
            check(new KubeObject(manifest, node, base, lines));
            return;
        }
        if (depth >= Linter.MAX_LIST_DEPTH) {
            reporter.reportDocument(RuleId.OBJECT_SHAPE, manifest.file(), manifest.documentIndex(),
                    lines.lineOf(base), "not linted (" + (base.isEmpty() ? "document" : base) + ")",
                    "Lists nested deeper than " + Linter.MAX_LIST_DEPTH + " levels are not linted");
            return;
        }
        JsonNode items = node.get("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String path = FieldPaths.index(base.isEmpty() ? "items" : base + ".items", i);
            String itemProblem = shapeProblem(item);
            if (itemProblem.isEmpty()) {
                addItems(manifest, item, path, lines, depth + 1);
            } else {
                reporter.reportDocument(RuleId.OBJECT_SHAPE, manifest.file(), manifest.documentIndex(),
                        lines.lineOf(path), "not a Kubernetes object (" + path + ")", itemProblem);
            }
        }
    }

    /** Runs the per-object rules on one object and keeps what the cross-object rules need of it. */
    private void check(KubeObject object) {
        // Only List items need the line index; a document's own line is known without parsing it again.
        int line = object.base.isEmpty() ? object.manifest.line() : object.lines.lineOf(object.base);
        if (object.pod == null) {
            String containers = UncheckedContainers.find(object);
            if (!containers.isEmpty()) {
                unchecked.add(object.manifest.file() + ":" + object.lines.lineOf(containers) + " "
                        + object.display() + " (" + containers + ")");
            }
        }
        linted.add(new LintReport.Linted(object.manifest.file(), object.manifest.documentIndex(), line,
                object.display()));
        ObjectChecks.check(object, reporter, requiredLabels);
        Rbac.check(object, reporter);
        if (object.pod != null) {
            PodSecurity.check(object, reporter);
            Workloads.check(object, reporter);
            EnvSecrets.check(object, reporter);
        }
        inventory.add(object);
    }

    LintReport finish() {
        List<String> notes = new ArrayList<>();
        if (!skipped.isEmpty()) {
            notes.add(skipped.size() + (skipped.size() == 1 ? " YAML document has" : " YAML documents have")
                    + " neither apiVersion nor kind and " + (skipped.size() == 1 ? "was" : "were")
                    + " not linted as Kubernetes objects: " + String.join(", ", skipped.subList(0,
                    Math.min(5, skipped.size()))) + (skipped.size() > 5 ? ", ..." : ""));
        }
        if (!unchecked.isEmpty()) {
            notes.add(unchecked.size() + (unchecked.size() == 1 ? " object of a kind" : " objects of kinds")
                    + " not known to carry a pod template " + (unchecked.size() == 1 ? "has" : "have")
                    + " containers that were not checked: " + String.join(", ", unchecked.subList(0,
                    Math.min(5, unchecked.size()))) + (unchecked.size() > 5 ? ", ..." : ""));
        }
        TokenMounts.check(inventory, reporter);
        Network.check(inventory, reporter, notes);
        List<Finding> findings = new ArrayList<>(reporter.findings());
        findings.sort(ORDER);
        return new LintReport(findings, linted, List.copyOf(enabled.values()), notes, failOn);
    }

    private static boolean list(JsonNode node) {
        return node.path("kind").asText().endsWith("List") && node.path("items").isArray();
    }

    /** Why a document is not a Kubernetes object, or an empty string when it is one. */
    private static String shapeProblem(JsonNode node) {
        if (!node.isObject()) {
            String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
            return "document is " + (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type
                    + ", not a Kubernetes object";
        }
        List<String> missing = new ArrayList<>();
        if (Json.text(node.get("apiVersion")).isEmpty()) {
            missing.add("apiVersion");
        }
        if (Json.text(node.get("kind")).isEmpty()) {
            missing.add("kind");
        }
        JsonNode metadata = node.path("metadata");
        if (!list(node) && Json.text(metadata.get("name")).isEmpty() && Json.text(metadata.get("generateName")).isEmpty()) {
            missing.add("metadata.name");
        }
        return missing.isEmpty() ? "" : "document has no " + String.join(", ", missing);
    }
}
