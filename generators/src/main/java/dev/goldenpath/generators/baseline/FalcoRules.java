package dev.goldenpath.generators.baseline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Probe;
import dev.goldenpath.dsl.RuntimeProfile;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.yaml.Yaml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Falco rules (the rules-file format: a YAML list of {@code list}, {@code macro} and {@code rule} items) generated
 * from each app's {@link RuntimeProfile}. Every rule's condition names the app by its namespace and its
 * {@code app.kubernetes.io/name} pod label, so an alert says which app misbehaved and other apps are never matched.
 *
 * <p>Field names follow Falco's field reference (the container plugin provides {@code container.*},
 * {@code k8s.ns.name} and {@code k8s.pod.label[...]}; the bracket form is used because the label key holds dots and
 * a slash). Names and paths in conditions are validated by the DSL, so quoting them is enough.
 *
 * <pre>{@code
 * String rulesYaml = FalcoRules.render(platform.instances().stream()
 *     .filter(i -> i.environment().name().equals("production")).toList());
 * }</pre>
 */
final class FalcoRules {

    /** Shell binaries by process name (MITRE ATT&CK T1059: command and scripting interpreter). */
    static final List<String> SHELLS = List.of("ash", "bash", "csh", "dash", "fish", "ksh", "mksh", "sh", "tcsh", "zsh");
    static final String SPAWNED = "goldenpath_spawned_process";
    static final String OPEN_WRITE = "goldenpath_open_write";
    static final String SHELL_LIST = "goldenpath_shells";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FalcoRules() {
    }

    /**
     * A ConfigMap holds at most 1 MiB; rules files are cut well below that (the API server also stores metadata and
     * the last-applied annotation).
     */
    static final int MAX_FILE_BYTES = 768 * 1024;

    /** The rules file for these instances (one environment), sorted by namespace and app. */
    public static String render(List<AppInstance> instances) {
        return String.join("", files(instances, Integer.MAX_VALUE).values());
    }

    /**
     * The rules as files of at most {@code maxBytes} each, named so that Falco (which loads a rules folder in name
     * order) reads the lists and macros of the first file before the rules of the others.
     */
    public static java.util.SortedMap<String, String> files(List<AppInstance> instances, int maxBytes) {
        ArrayNode header = NODES.arrayNode();
        ObjectNode shells = header.addObject();
        shells.put("list", SHELL_LIST);
        SHELLS.forEach(shells.putArray("items")::add);
        macro(header, SPAWNED, "evt.type in (execve, execveat) and evt.dir = <");
        macro(header, OPEN_WRITE, "evt.type in (open, openat, openat2) and evt.is_open_write = true "
                + "and fd.typechar = 'f' and fd.num >= 0");
        List<AppInstance> sorted = new ArrayList<>(instances);
        sorted.sort(java.util.Comparator.comparing(AppInstance::namespace).thenComparing(AppInstance::name));
        // Apps on the default profile share two rules (no per-app text): a platform of 10 000 apps must still fit a
        // ConfigMap. Only apps with their own profile get rules of their own.
        List<AppInstance> own = sorted.stream().filter(i -> !onDefaultProfile(i)).toList();
        List<String> chunks = new ArrayList<>();
        chunks.add(yaml(header));
        if (sorted.size() > own.size()) {
            ArrayNode shared = NODES.arrayNode();
            defaultRules(shared, sorted.get(0), own);
            chunks.add(yaml(shared));
        }
        for (AppInstance instance : own) {
            ArrayNode items = NODES.arrayNode();
            rules(items, instance);
            chunks.add(yaml(items));
        }
        java.util.SortedMap<String, String> files = new java.util.TreeMap<>();
        StringBuilder file = new StringBuilder();
        List<String> texts = new ArrayList<>();
        for (String chunk : chunks) {
            if (file.length() > 0 && file.length() + chunk.length() > maxBytes) {
                texts.add(file.toString());
                file.setLength(0);
            }
            file.append(chunk);
        }
        texts.add(file.toString());
        for (int i = 0; i < texts.size(); i++) {
            files.put(texts.size() == 1 ? "goldenpath-rules.yaml" : String.format("goldenpath-rules-%03d.yaml", i + 1),
                    texts.get(i));
        }
        return files;
    }

    /** The default profile, with no writable path below a protected folder: covered by the shared rules. */
    static boolean onDefaultProfile(AppInstance instance) {
        return instance.app().runtimeProfile().equals(RuntimeProfile.DEFAULT)
                && writablePaths(instance.app()).stream().noneMatch(w -> w.equals("/etc") || w.startsWith("/etc/"));
    }

    /** One shell rule and one /etc rule for every managed pod of the platform, except the apps with their own rules. */
    private static void defaultRules(ArrayNode items, AppInstance any, List<AppInstance> own) {
        StringBuilder selects = new StringBuilder("container.id != host and k8s.pod.label[" + Labels.MANAGED_BY + "] = \""
                + Labels.MANAGER + "\" and k8s.pod.label[" + Labels.ENVIRONMENT + "] = \"" + any.environment().name() + "\"");
        for (AppInstance instance : own) {
            selects.append(" and not (k8s.ns.name = \"").append(instance.namespace()).append("\" and k8s.pod.label[")
                    .append(Labels.NAME).append("] = \"").append(instance.name()).append("\")");
        }
        String context = "app=%k8s.pod.label[" + Labels.NAME + "] namespace=%k8s.ns.name pod=%k8s.pod.name "
                + "container=%container.id image=%container.image.repository user=%user.name";
        rule(items, "goldenpath shell in a managed container",
                "A shell started in a container of the platform (" + any.environment().name()
                        + "): the default runtime profile expects none.",
                SPAWNED + " and " + selects + " and proc.name in (" + SHELL_LIST + ")",
                "Shell started (shell=%proc.name cmdline=%proc.cmdline parent=%proc.pname " + context + ")",
                "WARNING", any, "mitre_execution", "T1059");
        rule(items, "goldenpath write below /etc in a managed container",
                "A file below /etc was opened for writing in a container of the platform (" + any.environment().name() + ").",
                OPEN_WRITE + " and " + selects + " and fd.name startswith \"/etc/\"",
                "Write below /etc (file=%fd.name process=%proc.exepath cmdline=%proc.cmdline " + context + ")",
                "ERROR", any, "mitre_persistence", "T1543");
    }

    /** Falco's own files start at column 0; the YAML writer indents a top-level sequence by two spaces. */
    private static String yaml(ArrayNode items) {
        String text = new String(Yaml.write(items), StandardCharsets.UTF_8);
        return text.lines().map(line -> line.startsWith("  ") ? line.substring(2) : line)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    /** The condition that selects the app's containers: its namespace and its selector label. */
    static String selects(AppInstance instance) {
        return "container.id != host and k8s.ns.name = \"" + instance.namespace() + "\" and k8s.pod.label["
                + Labels.NAME + "] = \"" + instance.name() + "\"";
    }

    private static void rules(ArrayNode items, AppInstance instance) {
        RuntimeProfile profile = instance.app().runtimeProfile();
        String who = instance.namespace() + "/" + instance.name();
        String app = selects(instance);
        String context = "app=" + instance.name() + " environment=" + instance.environment().name()
                + " pod=%k8s.pod.name container=%container.id image=%container.image.repository user=%user.name";
        if (profile.shellReason().isEmpty()) {
            rule(items, "goldenpath shell in " + who,
                    "A shell started in a container of " + who + ": its runtime profile expects none.",
                    SPAWNED + " and " + app + " and proc.name in (" + SHELL_LIST + ")",
                    "Shell started in " + who + " (shell=%proc.name cmdline=%proc.cmdline parent=%proc.pname " + context + ")",
                    "WARNING", instance, "mitre_execution", "T1059");
        }
        List<String> allowed = allowedProcesses(instance.app());
        if (!allowed.isEmpty()) {
            List<String> alternatives = new ArrayList<>();
            List<String> paths = allowed.stream().filter(p -> p.startsWith("/")).map(FalcoRules::quote).toList();
            List<String> names = allowed.stream().filter(p -> !p.startsWith("/")).map(FalcoRules::quote).toList();
            if (!paths.isEmpty()) {
                alternatives.add("proc.exepath in (" + String.join(", ", paths) + ")");
            }
            if (!names.isEmpty()) {
                alternatives.add("proc.name in (" + String.join(", ", names) + ")");
            }
            // Shells are the shell rule's (or allowed with a reason): one alert per event.
            rule(items, "goldenpath unexpected process in " + who,
                    "A process outside the runtime profile of " + who + " started.",
                    SPAWNED + " and " + app + " and not proc.name in (" + SHELL_LIST + ") and not ("
                            + String.join(" or ", alternatives) + ")",
                    "Unexpected process in " + who + " (process=%proc.exepath cmdline=%proc.cmdline parent=%proc.pname "
                            + context + ")",
                    "WARNING", instance, "mitre_execution", "T1204");
        }
        if (!profile.protectedPaths().isEmpty()) {
            List<String> below = profile.protectedPaths().stream()
                    .map(p -> "fd.name startswith " + quote(p.equals("/") ? "/" : p + "/")).toList();
            // The app's declared writable paths (emptyDir mounts) are where it is meant to write.
            List<String> writable = writablePaths(instance.app()).stream()
                    .filter(w -> profile.protectedPaths().stream().anyMatch(p -> w.equals(p) || w.startsWith(p + "/")))
                    .sorted().map(w -> "fd.name startswith " + quote(w + "/")).toList();
            String condition = OPEN_WRITE + " and " + app + " and (" + String.join(" or ", below) + ")"
                    + (writable.isEmpty() ? "" : " and not (" + String.join(" or ", writable) + ")");
            rule(items, "goldenpath write below protected path in " + who,
                    "A file below " + String.join(", ", profile.protectedPaths()) + " was opened for writing in " + who + ".",
                    condition,
                    "Write below a protected path in " + who + " (file=%fd.name process=%proc.exepath cmdline=%proc.cmdline "
                            + context + ")",
                    "ERROR", instance, "mitre_persistence", "T1543");
        }
    }

    /**
     * The writable folders of every container of the app's pod (main, sidecars, init containers): the profile and its
     * rules cover the whole pod, since Falco tells the app's containers apart only by the pod's labels.
     */
    static List<String> writablePaths(App app) {
        List<String> paths = new ArrayList<>();
        app.container().writablePaths().forEach(w -> paths.add(w.path()));
        app.companions().all().forEach(c -> c.container().writablePaths().forEach(w -> paths.add(w.path())));
        return paths.stream().distinct().toList();
    }

    /**
     * The declared processes plus the executables of the exec probes of the app's main container and sidecars
     * (declared in the spec as well).
     */
    static List<String> allowedProcesses(App app) {
        if (app.runtimeProfile().allowedProcesses().isEmpty()) {
            return List.of();
        }
        TreeSet<String> allowed = new TreeSet<>(app.runtimeProfile().allowedProcesses());
        List<Optional<Probe>> probes = new ArrayList<>(List.of(app.container().liveness(), app.container().readiness(),
                app.container().startup()));
        app.companions().sidecars().forEach(s -> probes.addAll(List.of(s.container().liveness(), s.container().readiness(),
                s.container().startup())));
        for (Optional<Probe> probe : probes) {
            probe.map(Probe::action).filter(a -> a instanceof Probe.Exec).map(a -> ((Probe.Exec) a).command())
                    .filter(c -> !c.isEmpty()).map(c -> c.get(0))
                    // Only what can be quoted safely in a condition; anything else stays an alert.
                    .filter(executable -> executable.matches("[A-Za-z0-9._+/-]{1,4096}")).ifPresent(allowed::add);
        }
        return List.copyOf(allowed);
    }

    private static void macro(ArrayNode items, String name, String condition) {
        ObjectNode macro = items.addObject();
        macro.put("macro", name);
        macro.put("condition", condition);
    }

    private static void rule(ArrayNode items, String name, String description, String condition, String output,
                             String priority, AppInstance instance, String... tags) {
        ObjectNode rule = items.addObject();
        rule.put("rule", name);
        rule.put("desc", description);
        rule.put("condition", condition);
        rule.put("output", output);
        rule.put("priority", priority);
        ArrayNode tagList = rule.putArray("tags");
        tagList.add("goldenpath");
        tagList.add("container");
        tagList.add(instance.environment().name());
        for (String tag : tags) {
            tagList.add(tag);
        }
    }

    private static String quote(String value) {
        return "\"" + value + "\"";
    }
}
