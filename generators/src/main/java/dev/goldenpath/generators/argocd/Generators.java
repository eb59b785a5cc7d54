package dev.goldenpath.generators.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldenpath.dsl.Cluster;
import dev.goldenpath.generators.argocd.ApplicationSet.Generator;
import dev.goldenpath.generators.argocd.ApplicationSet.PathItem;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Evaluates ApplicationSet generators the way the ApplicationSet controller does (Go-template mode), against a
 * rendered tree standing in for the repository and the platform's clusters standing in for Argo CD's cluster
 * secrets. Every problem is collected, none thrown.
 */
final class Generators {

    /** Made on first use: only reading a generator's file needs it (an ObjectMapper costs a small render a tenth). */
    private static final class Json {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private final RenderedTree tree;
    private final List<Cluster> clusters;
    private final SortedSet<String> directories = new TreeSet<>();
    private final List<String> problems;

    Generators(RenderedTree tree, List<Cluster> clusters, List<String> problems) {
        this.tree = tree;
        this.clusters = List.copyOf(clusters);
        this.problems = problems;
        // The repo server lists every directory below the root, skipping hidden ones.
        // A directory below a hidden one is hidden too: stop at the first hidden segment.
        // Paths come sorted, and paths with a common prefix are neighbours: a directory the previous path lies in
        // is known already, so only the directories below it are added (a tree of 10 000 apps has 112 000 files
        // in a few hundred thousand directory steps, nearly all of them repeats).
        String previous = "";
        for (String path : tree.paths()) {
            int start = 0;
            int slash = path.indexOf('/');
            while (slash > 0 && path.charAt(start) != '.') {
                if (!path.regionMatches(0, previous, 0, slash + 1)) {
                    directories.add(path.substring(0, slash));
                }
                start = slash + 1;
                slash = path.indexOf('/', start);
            }
            previous = path;
        }
    }

    /** Every directory of the tree. */
    SortedSet<String> directories() {
        return directories;
    }

    /** The parameter sets of one generator; {@code where} prefixes its problems. */
    List<Map<String, Object>> evaluate(Generator generator, String where) {
        int set = (generator.git() != null ? 1 : 0) + (generator.list() != null ? 1 : 0)
                + (generator.clusters() != null ? 1 : 0) + (generator.matrix() != null ? 1 : 0)
                + (generator.merge() != null ? 1 : 0);
        if (set != 1) {
            problems.add(where + ": a generator needs exactly one of git, list, clusters, matrix, merge; has " + set);
            return List.of();
        }
        if (generator.git() != null) {
            return git(generator.git(), where + ".git");
        }
        if (generator.list() != null) {
            return generator.list().elements().stream().map(Generators::copy).toList();
        }
        if (generator.clusters() != null) {
            return clusters(generator.clusters(), where + ".clusters");
        }
        if (generator.matrix() != null) {
            return matrix(generator.matrix(), where + ".matrix");
        }
        return merge(generator.merge(), where + ".merge");
    }

    private List<Map<String, Object>> git(ApplicationSet.Git git, String where) {
        if (!git.directories().isEmpty()) {
            List<PathItem> items = wellFormed(git.directories(), where + ".directories");
            // Literal paths are looked up, only patterns are matched against every folder: a set listing its
            // team's folders must not cost folders x entries.
            java.util.Set<String> literalIncludes = new java.util.HashSet<>();
            java.util.Set<String> literalExcludes = new java.util.HashSet<>();
            List<PathItem> patterns = new ArrayList<>();
            for (PathItem item : items) {
                if (GoGlob.isLiteral(item.path())) {
                    (item.excluded() ? literalExcludes : literalIncludes).add(item.path());
                } else {
                    patterns.add(item);
                }
            }
            boolean includePatterns = patterns.stream().anyMatch(item -> !item.excluded());
            java.util.Collection<String> candidates = includePatterns ? directories
                    : new TreeSet<>(literalIncludes.stream().filter(directories::contains).toList());
            List<String> matched = new ArrayList<>();
            for (String directory : candidates) {
                boolean include = literalIncludes.contains(directory);
                boolean exclude = literalExcludes.contains(directory);
                for (PathItem item : patterns) {
                    if (GoGlob.match(item.path(), directory, false)) {
                        include |= !item.excluded();
                        exclude |= item.excluded();
                    }
                }
                // Argo CD: an exclude wins whatever the order of the entries.
                if (include && !exclude) {
                    matched.add(directory);
                }
            }
            for (PathItem item : items) {
                if (GoGlob.isLiteral(item.path()) ? !directories.contains(item.path())
                        : directories.stream().noneMatch(d -> GoGlob.match(item.path(), d, false))) {
                    problems.add(where + ".directories[" + git.directories().indexOf(item) + "]: "
                            + (item.excluded() ? "exclude " : "path ") + item.path() + " matches no folder of the tree");
                }
            }
            List<Map<String, Object>> result = new ArrayList<>();
            for (String directory : matched) {
                result.add(withValues(prefixed(git.pathParamPrefix(), pathParams(directory)), git, where));
            }
            return result;
        }
        if (!git.files().isEmpty()) {
            SortedSet<String> files = new TreeSet<>();
            List<PathItem> items = wellFormed(git.files(), where + ".files");
            for (PathItem item : items) {
                List<String> hits = tree.paths().stream().filter(p -> GoGlob.match(item.path(), p, true)).toList();
                if (hits.isEmpty()) {
                    problems.add(where + ".files[" + git.files().indexOf(item) + "]: "
                            + (item.excluded() ? "exclude " : "path ") + item.path() + " matches no file of the tree");
                }
                if (!item.excluded()) {
                    files.addAll(hits);
                }
            }
            for (PathItem item : items) {
                if (item.excluded()) {
                    files.removeIf(p -> GoGlob.match(item.path(), p, true));
                }
            }
            List<Map<String, Object>> result = new ArrayList<>();
            for (String file : files) {
                for (Map<String, Object> content : fileContents(file, where)) {
                    Map<String, Object> params = new TreeMap<>(content);
                    String directory = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : ".";
                    Map<String, Object> path = pathParams(directory);
                    String fileName = file.substring(file.lastIndexOf('/') + 1);
                    path.put("filename", fileName);
                    path.put("filenameNormalized", normalized(fileName));
                    params.putAll(prefixed(git.pathParamPrefix(), path));
                    result.add(withValues(params, git, where));
                }
            }
            return result;
        }
        problems.add(where + ": a git generator needs directories or files");
        return List.of();
    }

    // Argo CD logs a malformed pattern and lets it match nothing; the check reports it once.
    private List<PathItem> wellFormed(List<PathItem> items, String where) {
        List<PathItem> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String error = GoGlob.syntaxError(items.get(i).path());
            if (error != null) {
                problems.add(where + "[" + i + "]: " + error);
            } else {
                result.add(items.get(i));
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> fileContents(String file, String where) {
        JsonNode content;
        try {
            content = Yaml.read(tree.bytes(file).orElseThrow());
        } catch (RuntimeException e) {
            problems.add(where + ": " + file + " is not YAML or JSON");
            return List.of();
        }
        List<Map<String, Object>> result = new ArrayList<>();
        if (content.isObject()) {
            result.add(Json.JSON.convertValue(content, Map.class));
        } else if (content.isArray()) {
            content.forEach(element -> result.add(Json.JSON.convertValue(element, Map.class)));
        } else {
            problems.add(where + ": " + file + " holds neither an object nor a list of objects");
        }
        return result;
    }

    private Map<String, Object> withValues(Map<String, Object> params, ApplicationSet.Git git, String where) {
        if (!git.values().isEmpty()) {
            Map<String, Object> values = new TreeMap<>();
            git.values().forEach((key, value) -> {
                try {
                    values.put(key, GoTemplate.render(value, params));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ".values." + key + ": " + e.getMessage());
                }
            });
            params.put("values", values);
        }
        return params;
    }

    private static Map<String, Object> pathParams(String directory) {
        Map<String, Object> path = new TreeMap<>();
        String basename = directory.substring(directory.lastIndexOf('/') + 1);
        path.put("path", directory);
        path.put("basename", basename);
        path.put("basenameNormalized", normalized(basename));
        path.put("segments", List.of(directory.split("/")));
        return path;
    }

    private static Map<String, Object> prefixed(String prefix, Map<String, Object> path) {
        Map<String, Object> params = new TreeMap<>();
        if (prefix == null || prefix.isEmpty()) {
            params.put("path", path);
        } else {
            params.put(prefix, new TreeMap<>(Map.of("path", path)));
        }
        return params;
    }

    // Argo CD's SanitizeName: lowercase, anything but [a-z0-9-.] becomes '-'.
    private static final Pattern NOT_SANITIZED = Pattern.compile("[^a-z0-9-.]");

    private static String normalized(String name) {
        return NOT_SANITIZED.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    private List<Map<String, Object>> clusters(ApplicationSet.Clusters generator, String where) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Cluster cluster : clusters) {
            if (selects(generator.selector(), cluster.labels(), where)) {
                Map<String, Object> params = new TreeMap<>();
                params.put("name", cluster.name());
                params.put("nameNormalized", normalized(cluster.name()));
                params.put("server", cluster.server());
                params.put("project", "");
                params.put("metadata", new TreeMap<>(Map.of("labels", new TreeMap<>(cluster.labels()),
                        "annotations", new TreeMap<>())));
                if (!generator.values().isEmpty()) {
                    Map<String, Object> values = new TreeMap<>();
                    generator.values().forEach((key, value) -> values.put(key, GoTemplate.render(value, params)));
                    params.put("values", values);
                }
                result.add(params);
            }
        }
        if (result.isEmpty()) {
            problems.add(where + ": the selector matches no cluster of the platform");
        }
        return result;
    }

    private boolean selects(LabelSelector selector, Map<String, String> labels, String where) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> label : selector.getMatchLabels().entrySet()) {
                if (!label.getValue().equals(labels.get(label.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && values.contains(value);
                    case "NotIn" -> value == null || !values.contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> {
                        problems.add(where + ": unknown selector operator " + requirement.getOperator());
                        yield false;
                    }
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<Map<String, Object>> matrix(ApplicationSet.Matrix matrix, String where) {
        if (matrix.generators().size() != 2) {
            problems.add(where + ": a matrix combines exactly two generators, has " + matrix.generators().size());
            return List.of();
        }
        List<Map<String, Object>> first = evaluate(matrix.generators().get(0), where + ".generators[0]");
        List<Map<String, Object>> second = evaluate(matrix.generators().get(1), where + ".generators[1]");
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> a : first) {
            for (Map<String, Object> b : second) {
                result.add(merged(a, b));
            }
        }
        return result;
    }

    private List<Map<String, Object>> merge(ApplicationSet.Merge merge, String where) {
        if (merge.generators().size() < 2 || merge.mergeKeys().isEmpty()) {
            problems.add(where + ": a merge needs at least two generators and a merge key");
            return List.of();
        }
        List<Map<String, Object>> base = evaluate(merge.generators().get(0), where + ".generators[0]");
        Map<List<Object>, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Map<String, Object> params : base) {
            byKey.put(key(params, merge.mergeKeys(), where), params);
        }
        for (int i = 1; i < merge.generators().size(); i++) {
            for (Map<String, Object> params : evaluate(merge.generators().get(i), where + ".generators[" + i + "]")) {
                List<Object> key = key(params, merge.mergeKeys(), where);
                Map<String, Object> target = byKey.get(key);
                if (target != null) {
                    byKey.put(key, merged(target, params));
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    private List<Object> key(Map<String, Object> params, List<String> keys, String where) {
        List<Object> values = new ArrayList<>();
        for (String key : keys) {
            Object value = params;
            for (String part : key.split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            if (value == null) {
                problems.add(where + ": a parameter set has no merge key " + key);
            }
            values.add(value);
        }
        return values;
    }

    // Deep merge, the second overriding (the controller's mergo.WithOverride).
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merged(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> result = copy(a);
        b.forEach((key, value) -> {
            Object existing = result.get(key);
            if (existing instanceof Map<?, ?> left && value instanceof Map<?, ?> right) {
                result.put(key, merged((Map<String, Object>) left, (Map<String, Object>) right));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : value));
        return copy;
    }
}
