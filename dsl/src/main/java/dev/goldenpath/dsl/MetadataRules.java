package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Annotations;
import dev.goldenpath.vocabulary.LabelKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An app's own labels and annotations, and the names derived from its name. Keys under prefixes that Kubernetes or
 * goldenpath own are refused rather than dropped: they would spoof what the generators, the kubelet or the linter
 * read (a {@code weakening.goldenpath.dev/} annotation, an AppArmor profile, a recommended label).
 */
record MetadataRules(Platform platform, Problems problems) {

    /** Label keys the generators set: recommended labels, and those the admission policy requires. */
    private static final Set<String> GENERATED_LABELS = Set.copyOf(LabelKeys.RESERVED);
    /**
     * Prefixes Kubernetes reserves for its components ("kubernetes.io/" and "k8s.io/", with subdomains such as
     * node.kubernetes.io or app.kubernetes.io), and goldenpath's own (weakening annotations, owner contact).
     */
    private static final List<String> RESERVED_DOMAINS = List.of("kubernetes.io", "k8s.io", "goldenpath.dev");
    /** The legacy annotations that set AppArmor and seccomp profiles, which the kubelet still honours. */
    private static final List<String> SECURITY_ANNOTATION_PREFIXES = List.of(
            "container.apparmor.security.beta.kubernetes.io/", "seccomp.security.alpha.kubernetes.io/",
            "container.seccomp.security.alpha.kubernetes.io/");
    /** Argo CD's label-based tracking stores the Application name in a label value. */
    private static final int MAX_APPLICATION_NAME = 63;

    /** Label keys and values as Kubernetes accepts them (apimachinery: qualified names, label values). */
    void labels(FieldPath path, Map<String, String> labels) {
        labels.forEach((key, value) -> {
            String keyProblem = Names.qualifiedName(key);
            if (keyProblem != null) {
                problems.add(ViolationCode.LABEL_KEY_INVALID,
                        path.key(key), key, "label key: " + keyProblem, "use e.g. 'tier' or 'example.com/tier'");
            }
            problems.addIf(ViolationCode.LABEL_VALUE_INVALID,
                    path.key(key), value, Names.labelValue(value), "shorten or simplify the value");
        });
    }

    void app(App app, FieldPath path) {
        keys(path.field("labels"), app.metadata().labels(), "label");
        keys(path.field("annotations"), app.metadata().annotations(), "annotation");
        app.metadata().annotations().forEach((key, value) -> {
            if (Names.qualifiedName(key) != null) {
                problems.add(ViolationCode.ANNOTATION_KEY_INVALID,
                        path.field("annotations").key(key), key, "annotation key: " + Names.qualifiedName(key),
                        "use e.g. 'example.com/note'");
            }
        });
        long size = app.metadata().annotations().entrySet().stream().mapToLong(e -> e.getKey().length() + e.getValue().length()).sum();
        if (size > 256 * 1024) {
            problems.add(ViolationCode.ANNOTATION_TOO_LARGE,
                    path.field("annotations"), size + " bytes", "annotations may hold at most 256 KiB in all",
                    "move large data to a ConfigMap");
        }
        derivedNames(app, path);
    }

    private void keys(FieldPath path, Map<String, String> entries, String what) {
        for (String key : entries.keySet()) {
            FieldPath keyPath = path.key(key);
            Optional<String> domain = reservedDomain(key);
            if (SECURITY_ANNOTATION_PREFIXES.stream().anyMatch(key::startsWith)) {
                problems.add(ViolationCode.METADATA_SECURITY_PROFILE,
                        keyPath, key, "this " + what + " sets a security profile (AppArmor or seccomp) and would bypass "
                                + "the secure defaults without a declared reason",
                        "remove it: pods run with RuntimeDefault; weakenings are declared with .weaken(..)");
            } else if (Annotations.isWeakening(key)) {
                problems.add(ViolationCode.METADATA_WEAKENING_ANNOTATION,
                        keyPath, key, "weakening annotations are written by goldenpath from declared weakenings",
                        "declare .weaken(<Weakening>, \"<reason>\") instead");
            } else if (GENERATED_LABELS.contains(key) && what.equals("label")) {
                problems.add(ViolationCode.LABEL_RESERVED,
                        keyPath, key, "this label is set by goldenpath and must not be overridden", "choose another key");
            } else if (domain.isPresent()) {
                problems.add(ViolationCode.METADATA_RESERVED_PREFIX,
                        keyPath, key, "the prefix " + domain.get() + "/ belongs to "
                                + (domain.get().endsWith("goldenpath.dev") ? "goldenpath" : "Kubernetes")
                                + ": such a " + what + " would override or spoof what the platform sets and reads",
                        "use a prefix of your own, e.g. 'example.com/" + key.substring(key.indexOf('/') + 1) + "'");
            }
        }
    }

    /** The reserved domain of the key's prefix, when it is one of them or a subdomain of one. */
    static Optional<String> reservedDomain(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String prefix = key.substring(0, slash).toLowerCase(java.util.Locale.ROOT);
        return RESERVED_DOMAINS.stream().filter(d -> prefix.equals(d) || prefix.endsWith("." + d)).findFirst()
                .map(d -> prefix);
    }

    /** Names the generators build from the app's name must still fit Kubernetes' and Argo CD's limits. */
    private void derivedNames(App app, FieldPath path) {
        if (Names.dns1035Label(app.name()) != null) {
            return;
        }
        for (Environment environment : platform.environments()) {
            if (!Instances.deployedIn(app, environment)) {
                continue;
            }
            boolean multiCluster = environment.clusters().size() > 1;
            for (Cluster cluster : environment.clusters()) {
                String application = environment.name() + "-" + app.name() + (multiCluster ? "-" + cluster.name() : "");
                if (application.length() > MAX_APPLICATION_NAME) {
                    problems.add(ViolationCode.NAME_ARGOCD_APPLICATION_TOO_LONG,
                            path.field("name"), application, "the Argo CD Application name '<environment>-<app>"
                                    + (multiCluster ? "-<cluster>" : "") + "' is " + application.length()
                                    + " characters, more than the " + MAX_APPLICATION_NAME
                                    + " Argo CD's tracking label holds",
                            "use shorter app, environment or cluster names");
                    break;
                }
            }
            if (app.apiAccess().permissions().stream().anyMatch(Permission::clusterScoped)) {
                String clusterRole = Instances.namespace(app, environment) + "-" + app.apiAccess().roleName().orElse(app.name());
                if (clusterRole.length() > 253) {
                    problems.add(ViolationCode.NAME_CLUSTER_ROLE_TOO_LONG,
                            path.field("roleName"), clusterRole, "the ClusterRole name '<namespace>-<role>' is "
                            + clusterRole.length() + " characters, more than 253", "use a shorter role name");
                }
            }
        }
        for (Secret secret : app.secrets()) {
            secret.store().flatMap(platform::secretStore).ifPresent(store -> {
                String storeName = store.name() + "-" + app.name();
                if (storeName.length() > 253) {
                    problems.add(ViolationCode.NAME_SECRET_STORE_TOO_LONG,
                            path.field("secrets").key(secret.name()).field("store"), storeName,
                            "the SecretStore name '<store>-<app>' is longer than 253 characters", "use a shorter store name");
                }
            });
        }
    }
}
