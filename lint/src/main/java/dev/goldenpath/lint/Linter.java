package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.tree.RenderedTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The platform's policy engine. One implementation serves the renderer (which lints every object it rendered, so
 * an undeclared weakening fails the render) and teams linting foreign YAML (Helm and Kustomize output, vendor
 * manifests). A Linter is immutable and thread-safe.
 *
 * <pre>{@code
 * Linter linter = Linter.builder().requireDigest(true).disable("probes").build();
 * LintReport report = linter.lint(Path.of("manifests"));
 * report.failing().forEach(finding -> System.out.println(finding.location() + " " + finding.message()));
 * }</pre>
 */
public final class Linter {

    private static final Linter DEFAULTS = builder().build();

    private final Map<String, Rule> enabled;
    private final List<String> requiredLabels;
    private final Severity failOn;

    private Linter(Builder builder) {
        this.enabled = builder.enabledRules();
        this.requiredLabels = List.copyOf(builder.requiredLabels);
        this.failOn = builder.failOn;
    }

    /** Every rule that is on by default ({@code image-digest} is off), failing on errors. */
    public static Linter defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rules this linter runs, in documentation order. */
    public List<Rule> rules() {
        return List.copyOf(enabled.values());
    }

    /** Lints every {@code .yaml} and {@code .yml} file of a rendered tree. */
    public LintReport lint(RenderedTree tree) {
        Run run = new Run();
        tree.forEach((path, bytes) -> {
            if (yamlFile(path)) {
                run.addYaml(path, Utf8Text.decode(bytes));
            }
        });
        return run.finish();
    }

    /**
     * Lints YAML files and folders (recursively: every {@code .yaml} and {@code .yml} file, in path order).
     *
     * @throws IllegalArgumentException listing every path that does not exist
     */
    public LintReport lint(Path... filesOrFolders) {
        return lint(Arrays.asList(filesOrFolders));
    }

    /** See {@link #lint(Path...)}. */
    public LintReport lint(List<Path> filesOrFolders) {
        List<String> missing = new ArrayList<>();
        for (Path path : filesOrFolders) {
            if (!Files.exists(path)) {
                missing.add(path.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no such file or folder: " + String.join(", ", missing));
        }
        Run run = new Run();
        for (Path root : filesOrFolders) {
            for (Path file : yamlFiles(root)) {
                // "./manifests/a.yaml" and "manifests/a.yaml" are the same file: report it one way.
                String name = file.normalize().toString().replace('\\', '/');
                try {
                    run.addYaml(name, Utf8Text.decode(Files.readAllBytes(file)));
                } catch (IOException e) {
                    // One unreadable file is a finding; the others are still linted.
                    run.reporter.reportDocument(Rules.YAML_SYNTAX, name, 0, 1, "unreadable file",
                            "could not read the file (" + e.getClass().getSimpleName() + ")");
                }
            }
        }
        return run.finish();
    }

    /** Lints one YAML text (one or more documents) as if read from {@code file}. */
    public LintReport lintYaml(String file, String yaml) {
        Run run = new Run();
        run.addYaml(file, Utf8Text.of(yaml));
        return run.finish();
    }

    /** Lints objects already held as trees, as the renderer does with what it rendered. */
    public LintReport lintObjects(List<Manifest> manifests) {
        Run run = new Run();
        for (Manifest manifest : manifests) {
            run.addObject(manifest, manifest.object(), LineIndex.document(manifest.line()));
        }
        return run.finish();
    }

    private static boolean yamlFile(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private static List<Path> yamlFiles(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> yamlFile(file.getFileName().toString()))
                    .sorted(Comparator.comparing(file -> file.toString().replace('\\', '/')))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("could not list the files of " + root,
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
    }

    /** One lint: collects objects, then runs every rule over them. */
    private final class Run {
        private final Reporter reporter = new Reporter(enabled);
        private final List<KubeObject> objects = new ArrayList<>();
        private final List<LintReport.Linted> linted = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private final List<String> unchecked = new ArrayList<>();

        void addYaml(String file, Utf8Text text) {
            for (YamlDocuments.Document document : YamlDocuments.parse(text)) {
                if (document.tree() == null) {
                    reporter.reportDocument(Rules.YAML_SYNTAX, file, document.index(), document.line(),
                            "unparsable document", document.problem());
                } else if (kustomizeConfig(document.tree())) {
                    continue; // kustomization.yaml and Components configure a build; they are not API objects
                } else if (!manifestLike(document.tree())) {
                    skipped.add(file + "#" + document.index());
                } else {
                    addObject(new Manifest(file, document.index(), document.line(), document.tree()),
                            document.tree(), document.lines());
                }
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
                reporter.reportDocument(Rules.OBJECT_SHAPE, manifest.file(), manifest.documentIndex(),
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
                add(new KubeObject(manifest, node, base, lines));
                return;
            }
            if (depth >= MAX_LIST_DEPTH) {
                reporter.reportDocument(Rules.OBJECT_SHAPE, manifest.file(), manifest.documentIndex(),
                        lines.lineOf(base), "not linted (" + (base.isEmpty() ? "document" : base) + ")",
                        "Lists nested deeper than " + MAX_LIST_DEPTH + " levels are not linted");
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
                    reporter.reportDocument(Rules.OBJECT_SHAPE, manifest.file(), manifest.documentIndex(),
                            lines.lineOf(path), "not a Kubernetes object (" + path + ")", itemProblem);
                }
            }
        }

        private void add(KubeObject object) {
            objects.add(object);
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
            Inventory inventory = new Inventory(objects);
            boolean automount = reporter.enabled(Rules.AUTOMOUNT_SERVICE_ACCOUNT_TOKEN);
            for (KubeObject object : objects) {
                ObjectChecks.check(object, reporter, requiredLabels);
                Rbac.check(object, reporter);
                if (object.pod != null) {
                    PodSecurity.check(object, reporter);
                    Workloads.check(object, reporter);
                    EnvSecrets.check(object, reporter);
                    if (automount) {
                        ObjectChecks.automountServiceAccountToken(object, inventory, reporter);
                    }
                }
            }
            Network.check(inventory, reporter, notes);
            List<Finding> findings = new ArrayList<>(reporter.findings());
            findings.sort(ORDER);
            return new LintReport(findings, linted, List.copyOf(enabled.values()), notes, failOn);
        }
    }

    /** Lists inside Lists are linted down to this depth. */
    static final int MAX_LIST_DEPTH = 8;

    private static boolean list(JsonNode node) {
        return node.path("kind").asText().endsWith("List") && node.path("items").isArray();
    }

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::documentIndex)
            .thenComparingInt(Finding::line)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::fieldPath)
            .thenComparing(Finding::message);

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

    /**
     * Configures a {@link Linter}. Unknown rule ids are collected and reported together by {@link #build()}.
     *
     * <pre>{@code
     * Linter linter = Linter.builder()
     *     .requireDigest(true)
     *     .requiredLabels("owner", "environment", "app")
     *     .disable("probes")
     *     .failOn(Severity.WARNING)
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final Set<String> enabled = new LinkedHashSet<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private List<String> requiredLabels = List.of("owner", "environment", "app");
        private Severity failOn = Severity.ERROR;

        private Builder() {
        }

        /** Whether images must be pinned by digest (rule {@code image-digest}, off by default). */
        public Builder requireDigest(boolean required) {
            if (required) {
                disabled.remove(Rules.IMAGE_DIGEST);
                enabled.add(Rules.IMAGE_DIGEST);
            } else {
                enabled.remove(Rules.IMAGE_DIGEST);
                disabled.add(Rules.IMAGE_DIGEST);
            }
            return this;
        }

        /** The labels every workload must carry (default: owner, environment, app). */
        public Builder requiredLabels(String... labels) {
            this.requiredLabels = List.of(labels);
            return this;
        }

        /** Turns rules off. */
        public Builder disable(String... ruleIds) {
            for (String id : ruleIds) {
                enabled.remove(id);
                disabled.add(id);
            }
            return this;
        }

        /** Turns rules on, including those off by default. */
        public Builder enable(String... ruleIds) {
            for (String id : ruleIds) {
                disabled.remove(id);
                enabled.add(id);
            }
            return this;
        }

        /** The severity from which a non-excepted finding fails (default {@link Severity#ERROR}). */
        public Builder failOn(Severity severity) {
            this.failOn = Objects.requireNonNull(severity, "severity");
            return this;
        }

        /** @throws IllegalArgumentException naming every unknown rule id */
        public Linter build() {
            List<String> unknown = new ArrayList<>();
            for (String id : enabled) {
                if (Rules.byId(id).isEmpty()) {
                    unknown.add(id);
                }
            }
            for (String id : disabled) {
                if (Rules.byId(id).isEmpty()) {
                    unknown.add(id);
                }
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown rule ids: " + String.join(", ", unknown)
                        + " (known: " + String.join(", ", Rules.ids()) + ")");
            }
            return new Linter(this);
        }

        private Map<String, Rule> enabledRules() {
            Map<String, Rule> rules = new LinkedHashMap<>();
            for (Rule rule : Rules.all()) {
                boolean on = enabled.contains(rule.id()) || (rule.enabledByDefault() && !disabled.contains(rule.id()));
                if (on) {
                    rules.put(rule.id(), rule);
                }
            }
            return rules;
        }
    }
}
