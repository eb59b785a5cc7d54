package dev.goldenpath.lint;

import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.vocabulary.RuleId;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.ExecutorService;
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
        LintRun run = newRun();
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
        LintRun run = newRun();
        List<Path> files = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        long bytes = 0;
        for (Path root : filesOrFolders) {
            for (Path file : yamlFiles(root)) {
                files.add(file);
                sizes.add(size(file));
                bytes += sizes.get(sizes.size() - 1);
            }
        }
        int readers = YamlStream.readers(bytes);
        if (readers > 1) {
            readInParallel(run, files, sizes, readers);
        } else {
            files.forEach(file -> stream(run, file));
        }
        return run.finish();
    }

    /** Reads a file as a stream: a large file is never held whole (nor its documents' trees). */
    private static void stream(LintRun run, Path file) {
        String name = name(file);
        try (InputStream in = Files.newInputStream(file)) {
            run.addYaml(name, in, Files.size(file));
        } catch (IOException e) {
            unreadable(run, name, e);
        }
    }

    /**
     * Files read and parsed by {@code readers} threads while this thread lints them, in path order: the report is the
     * one a single thread makes. A file of {@link YamlStream#PARALLEL_FROM} or more is streamed (its documents read by
     * the readers too); smaller ones are read whole, at most about {@link YamlDocuments#READ_AHEAD_CHARS} bytes of
     * them ahead of the checks.
     */
    private static void readInParallel(LintRun run, List<Path> files, List<Long> sizes, int readers) {
        ExecutorService pool = OrderedReads.readers(readers);
        try {
            OrderedReads<Read> reading = new OrderedReads<>(read -> {
                if (read.failure() != null) {
                    unreadable(run, read.name(), read.failure());
                } else {
                    read.documents().forEach(document -> run.addDocument(read.name(), document));
                }
            });
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                long size = sizes.get(i);
                if (size >= YamlStream.PARALLEL_FROM) {
                    reading.handOver(0);
                    stream(run, file);
                } else {
                    reading.add(pool.submit(() -> read(file)), size, YamlDocuments.READ_AHEAD_CHARS);
                }
            }
            reading.handOver(0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A file read whole: its documents, or why it could not be read. */
    private record Read(String name, List<YamlDocuments.Document> documents, IOException failure) {
    }

    private static Read read(Path file) {
        try {
            return new Read(name(file), YamlDocuments.parse(Utf8Text.decode(Files.readAllBytes(file))), null);
        } catch (IOException e) {
            return new Read(name(file), List.of(), e);
        }
    }

    /** One unreadable file is a finding; the others are still linted. */
    private static void unreadable(LintRun run, String name, IOException e) {
        run.reportDocument(RuleId.YAML_SYNTAX, name, 0, 1, "unreadable file",
                "could not read the file (" + e.getClass().getSimpleName() + ")");
    }

    /** "./manifests/a.yaml" and "manifests/a.yaml" are the same file: report it one way. */
    private static String name(Path file) {
        return file.normalize().toString().replace('\\', '/');
    }

    /** The file's size; 0 when it cannot be read (reading it reports why). */
    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Lints one YAML text (one or more documents) as if read from {@code file}. */
    public LintReport lintYaml(String file, String yaml) {
        LintRun run = newRun();
        run.addYaml(file, Utf8Text.of(yaml));
        return run.finish();
    }

    /** Lints objects already held as trees, as the renderer does with what it rendered. */
    public LintReport lintObjects(List<Manifest> manifests) {
        ObjectLint run = startObjects();
        manifests.forEach(run::add);
        return run.finish();
    }

    /**
     * A lint of objects handed over one at a time, in order, each tree checked at once and not kept: what a caller
     * makes objects one by one for (the renderer) holds only the trees it has not handed over yet.
     */
    public ObjectLint startObjects() {
        return new ObjectLint(newRun());
    }

    /** One lint of objects, fed one at a time ({@link #startObjects()}); not for use by several threads at once. */
    public static final class ObjectLint {
        private final LintRun run;
        private boolean finished;

        private ObjectLint(LintRun run) {
            this.run = run;
        }

        /** Checks one object by the per-object rules now, and keeps what the cross-object rules need of it. */
        public void add(Manifest manifest) {
            if (finished) {
                throw new IllegalStateException("this lint is finished");
            }
            run.addObject(manifest, manifest.object(), LineIndex.document(manifest.line()));
        }

        /** Runs the cross-object rules and returns the report, the same as {@link #lintObjects} gives. */
        public LintReport finish() {
            finished = true;
            return run.finish();
        }
    }

    private LintRun newRun() {
        return new LintRun(enabled, requiredLabels, failOn);
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

    /** Lists inside Lists are linted down to this depth. */
    static final int MAX_LIST_DEPTH = 8;

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
                disabled.remove(RuleId.IMAGE_DIGEST.id());
                enabled.add(RuleId.IMAGE_DIGEST.id());
            } else {
                enabled.remove(RuleId.IMAGE_DIGEST.id());
                disabled.add(RuleId.IMAGE_DIGEST.id());
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

        /** Turns rules off. */
        public Builder disable(RuleId... ruleIds) {
            return disable(Arrays.stream(ruleIds).map(RuleId::id).toArray(String[]::new));
        }

        /** Turns rules on, including those off by default. */
        public Builder enable(RuleId... ruleIds) {
            return enable(Arrays.stream(ruleIds).map(RuleId::id).toArray(String[]::new));
        }

        /** Turns rules on, including those off by default. */
        public Builder enable(String... ruleIds) {
            for (String id : ruleIds) {
                disabled.remove(id);
                enabled.add(id);
            }
            return this;
        }

        /** The severity from which a non-weakened finding fails (default {@link Severity#ERROR}). */
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
