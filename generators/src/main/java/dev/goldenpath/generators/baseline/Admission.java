package dev.goldenpath.generators.baseline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Baseline;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PodSecurityLevel;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.workload.SecureDefaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** The admission-time policies of the baseline: Gatekeeper, Kyverno and Sigstore policy-controller. */
final class Admission {

    /** The labels every workload and namespace must carry (the reference K8sRequiredLabels constraint). */
    static final List<String> REQUIRED_LABELS = List.of(Labels.OWNER, Labels.ENVIRONMENT, Labels.APP);
    static final String TEMPLATE_NAME = "k8srequiredlabels";
    static final String SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
    static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";
    static final String FULCIO = "https://fulcio.sigstore.dev";
    static final String REKOR = "https://rekor.sigstore.dev";

    /**
     * Rego (v0 syntax, as Gatekeeper's {@code rego} field expects): a violation lists the required labels that are
     * missing or empty on the reviewed object.
     */
    static final String REGO = """
            package k8srequiredlabels

            violation[{"msg": msg, "details": {"missing_labels": missing}}] {
              present := {key | value := input.review.object.metadata.labels[key]; value != ""}
              required := {key | key := input.parameters.labels[_]}
              missing := required - present
              count(missing) > 0
              msg := sprintf("%v %v must carry the labels %v", [input.review.object.kind, input.review.object.metadata.name, missing])
            }
            """;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Platform platform;
    private final Environment environment;
    private final Baseline.AdmissionMode mode;

    Admission(Platform platform, Environment environment, Baseline.AdmissionMode mode) {
        this.platform = platform;
        this.environment = environment;
        this.mode = mode;
    }

    /** The ConstraintTemplate and the constraint scoped to these namespaces (workloads in them, and themselves). */
    List<HasMetadata> requiredLabels(List<String> namespaces) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode labels = schema.putObject("properties").putObject("labels");
        labels.put("type", "array").putObject("items").put("type", "string");
        ConstraintTemplate template = new ConstraintTemplate(
                ClusterBaseline.metadata(platform, environment, "gatekeeper", TEMPLATE_NAME, null, Map.of()),
                new ConstraintTemplate.Spec(new ConstraintTemplate.Crd(new ConstraintTemplate.CrdSpec(
                        new ConstraintTemplate.Names("K8sRequiredLabels"), new ConstraintTemplate.Validation(schema))),
                        List.of(new ConstraintTemplate.Target("admission.k8s.gatekeeper.sh", REGO))));
        // The constraint's kind exists only once Gatekeeper has processed the template: Argo CD must neither dry-run
        // it before that nor apply it in the same wave.
        Map<String, String> annotations = Map.of(SYNC_OPTIONS, "SkipDryRunOnMissingResource=true", SYNC_WAVE, "1");
        K8sRequiredLabels constraint = new K8sRequiredLabels(
                ClusterBaseline.metadata(platform, environment, "gatekeeper", "goldenpath-required-labels-" + environment.name(),
                        null, annotations),
                new K8sRequiredLabels.Spec(mode == Baseline.AdmissionMode.ENFORCE ? "deny" : "warn",
                        new K8sRequiredLabels.Match(List.of(
                                new K8sRequiredLabels.Kinds(List.of(""), List.of("Namespace", "Pod")),
                                new K8sRequiredLabels.Kinds(List.of("apps"),
                                        List.of("DaemonSet", "Deployment", "ReplicaSet", "StatefulSet")),
                                new K8sRequiredLabels.Kinds(List.of("batch"), List.of("CronJob", "Job"))), namespaces),
                        new K8sRequiredLabels.Parameters(REQUIRED_LABELS)));
        return List.of(template, constraint);
    }

    /**
     * Kyverno: Pod Security Standards validated at each namespace's enforce level (restricted unless a declared
     * weakening needs less; privileged namespaces are left to Pod Security Admission), and a mutation adding the
     * restricted security context to pods that set none of it.
     */
    List<HasMetadata> kyverno(SortedMap<String, PodSecurityLevel> namespaceLevels) {
        String failureAction = mode == Baseline.AdmissionMode.ENFORCE ? "Enforce" : "Audit";
        String version = kyvernoPssVersion(environment.podSecurityVersion());
        SortedMap<PodSecurityLevel, List<String>> byLevel = new TreeMap<>();
        namespaceLevels.forEach((namespace, level) -> {
            if (level != PodSecurityLevel.PRIVILEGED) {
                byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(namespace);
            }
        });
        List<ClusterPolicy.Rule> rules = new ArrayList<>();
        byLevel.forEach((level, namespaces) -> rules.add(new ClusterPolicy.Rule("pss-" + level.labelValue(),
                new ClusterPolicy.Match(List.of(new ClusterPolicy.Filter(new ClusterPolicy.Resources(List.of("Pod"), namespaces)))),
                new ClusterPolicy.Validate(failureAction, "Pods must meet the Pod Security Standards " + level.labelValue()
                        + " profile (" + version + ")",
                        new ClusterPolicy.PodSecurity(level.labelValue(), version)), null)));
        List<HasMetadata> policies = new ArrayList<>();
        if (!rules.isEmpty()) {
            policies.add(new ClusterPolicy(ClusterBaseline.metadata(platform, environment, "kyverno",
                    "goldenpath-pod-security-" + environment.name(), null,
                    Map.of("policies.kyverno.io/title", "Pod Security Standards per namespace level")),
                    new ClusterPolicy.Spec(true, rules)));
        }
        List<String> mutated = namespaceLevels.entrySet().stream()
                .filter(e -> e.getValue() == PodSecurityLevel.RESTRICTED).map(Map.Entry::getKey).toList();
        if (!mutated.isEmpty()) {
            policies.add(new ClusterPolicy(ClusterBaseline.metadata(platform, environment, "kyverno",
                    "goldenpath-add-security-context-" + environment.name(), null,
                    Map.of("policies.kyverno.io/title", "Add a secure default security context")),
                    new ClusterPolicy.Spec(false, List.of(new ClusterPolicy.Rule("add-security-context",
                            new ClusterPolicy.Match(List.of(new ClusterPolicy.Filter(
                                    new ClusterPolicy.Resources(List.of("Pod"), mutated)))),
                            null, new ClusterPolicy.Mutate(securityContextPatch()))))));
        }
        return policies;
    }

    /**
     * The PSS version Kyverno can check: the environment's pin when Kyverno knows it, else {@code latest}. Kyverno's
     * CRD enumerates the versions it implements (v1.19 to v1.32 in the schema these policies are tested against); a
     * newer pin is checked with Kyverno's newest implementation, the closest it has.
     */
    static String kyvernoPssVersion(String pinned) {
        if (pinned.startsWith("v1.")) {
            int minor = Integer.parseInt(pinned.substring(3));
            if (minor >= 19 && minor <= KYVERNO_NEWEST_PSS_MINOR) {
                return pinned;
            }
        }
        return "latest";
    }

    /** The newest Pod Security Standards version Kyverno's ClusterPolicy schema accepts. */
    static final int KYVERNO_NEWEST_PSS_MINOR = 32;

    /**
     * The PSS restricted fields, each added only where the pod leaves it unset ({@code +()} anchors), so declared
     * weakenings (always explicit in rendered pods) are never overridden.
     */
    static ObjectNode securityContextPatch() {
        ObjectNode patch = NODES.objectNode();
        ObjectNode spec = patch.putObject("spec");
        ObjectNode pod = spec.putObject("securityContext");
        pod.put("+(runAsNonRoot)", true);
        pod.putObject("+(seccompProfile)").put("type", SecureDefaults.SECCOMP_PROFILE);
        ObjectNode container = spec.putArray("containers").addObject();
        container.put("(name)", "*");
        ObjectNode context = container.putObject("securityContext");
        context.put("+(allowPrivilegeEscalation)", false);
        context.put("+(privileged)", false);
        context.putObject("+(capabilities)").putArray("drop").add(SecureDefaults.DROP_CAPABILITIES);
        return patch;
    }

    /** The signature policy for the platform's registries (the declared globs, else every registry its apps use). */
    ClusterImagePolicy signedImages(Baseline.ImageSignatures signatures, List<AppInstance> instances) {
        TreeSet<String> globs = new TreeSet<>(signatures.registries());
        if (globs.isEmpty()) {
            instances.forEach(i -> globs.add(registry(i.image()) + "/**"));
            // Init containers and sidecars run images too: their registries are signed-image registries as well.
            instances.forEach(i -> i.app().companions().all().forEach(c -> globs.add(registry(c.container().image()) + "/**")));
        }
        ClusterImagePolicy.Authority authority = signatures.keyless()
                ? new ClusterImagePolicy.Authority("keyless", null,
                        new ClusterImagePolicy.Keyless(FULCIO, List.of(new ClusterImagePolicy.Identity(
                                signatures.issuer().orElseThrow(), signatures.subject().orElseThrow()))),
                        new ClusterImagePolicy.CtLog(REKOR))
                : new ClusterImagePolicy.Authority("cosign-key",
                        new ClusterImagePolicy.Key(signatures.publicKey().orElseThrow().strip() + "\n", "sha256"), null, null);
        return new ClusterImagePolicy(ClusterBaseline.metadata(platform, environment, "sigstore",
                "goldenpath-signed-images-" + environment.name(), null, Map.of()),
                new ClusterImagePolicy.Spec(globs.stream().map(ClusterImagePolicy.Image::new).toList(), List.of(authority),
                        mode == Baseline.AdmissionMode.ENFORCE ? "enforce" : "warn"));
    }

    /** The registry host of an image reference; Docker Hub for references without one (distribution's rule). */
    static String registry(String image) {
        int slash = image.indexOf('/');
        if (slash > 0) {
            String first = image.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first;
            }
        }
        return "index.docker.io";
    }
}
