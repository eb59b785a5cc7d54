package dev.goldenpath.generators.namespace;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.DeclaredWeakening;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PodSecurityLevel;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.metadata.Models;
import dev.goldenpath.vocabulary.LabelKeys;
import dev.goldenpath.vocabulary.PodSecurityLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Namespace of a group of app instances, labelled for Pod Security Admission.
 *
 * <p>PSS: {@code enforce} is {@code restricted} unless an app in the namespace declared a weakening that
 * restricted would reject; then it is the least permissive level that admits the pods, and the namespace
 * carries the reasons. {@code audit} and {@code warn} always stay {@code restricted}, so every weakened pod
 * still shows up in audit logs and as a warning on apply.
 */
public final class Namespaces {

    /** The namespace label that opts a namespace into policy-controller's signature checks (the baseline's sigstore/). */
    public static final String SIGSTORE_INCLUDE = "policy.sigstore.dev/include";

    private Namespaces() {
    }

    /** The enforce level the namespace needs for these instances' pods to be admitted. */
    public static PodSecurityLevel level(List<AppInstance> instances) {
        PodSecurityLevel level = PodSecurityLevel.RESTRICTED;
        for (AppInstance instance : instances) {
            for (DeclaredWeakening weakening : instance.app().weakenings()) {
                level = level.atLeast(weakening.weakening().requiredLevel(instance.app().addedCapabilities()));
            }
        }
        return level;
    }

    /**
     * The Pod Security Admission labels of a namespace, app or baseline: {@code enforce} at its level, {@code audit}
     * and {@code warn} always at restricted (so a weakened pod still shows up), each mode checked against the
     * environment's version.
     */
    public static Map<String, String> podSecurity(PodSecurityLevel enforce, String version) {
        Map<String, String> labels = new TreeMap<>();
        for (PodSecurityLabels.Mode mode : PodSecurityLabels.Mode.values()) {
            PodSecurityLevel level = mode == PodSecurityLabels.Mode.ENFORCE ? enforce : PodSecurityLevel.RESTRICTED;
            labels.put(mode.label(), level.labelValue());
            labels.put(mode.versionLabel(), version);
        }
        return labels;
    }

    /**
     * The Namespace object.
     *
     * @param level     the level it enforces ({@link #level}, resolved once per namespace)
     * @param instances the app instances in it
     */
    public static HasMetadata namespace(Platform platform, Environment environment, String name, PodSecurityLevel level,
                                        List<AppInstance> instances) {
        String version = environment.podSecurityVersion();
        Map<String, String> labels = podSecurity(level, version);
        TreeSet<String> teams = new TreeSet<>();
        instances.forEach(i -> teams.add(i.team().name()));
        labels.putAll(LabelKeys.managed(platform.name()));
        // Required labels (owner, environment, app): a namespace shared by several teams or apps is owned by
        // the platform and named after itself.
        labels.put(Labels.OWNER, teams.size() == 1 ? teams.first() : "platform");
        labels.put(Labels.ENVIRONMENT, environment.name());
        // The namespace is named for itself, never for its members: the label must not change when an app
        // joins or leaves it (a label change on the Namespace would touch a platform file in an app team's PR).
        labels.put(Labels.APP, name);
        // Opt-ins of the cluster baseline, e.g. image-signature verification.
        labels.putAll(baselineOptIns(platform));
        if (platform.network().mesh()) {
            // Sidecar injection. Under PSS restricted this needs the Istio CNI plugin: the classic istio-init
            // container asks for NET_ADMIN and NET_RAW, which restricted rejects (docs/network.md).
            labels.put("istio-injection", "enabled");
        }
        Map<String, String> annotations = new TreeMap<>();
        // Argo CD prunes automatically; deleting a namespace deletes everything in it, so it waits for a human.
        annotations.put("argocd.argoproj.io/sync-options", "Prune=confirm");
        if (level != PodSecurityLevel.RESTRICTED) {
            StringBuilder reasons = new StringBuilder();
            for (AppInstance instance : instances) {
                for (DeclaredWeakening weakening : instance.app().weakenings()) {
                    if (weakening.weakening().requiredLevel(instance.app().addedCapabilities()) != PodSecurityLevel.RESTRICTED) {
                        reasons.append(reasons.length() == 0 ? "" : "; ").append(instance.name()).append(" ")
                                .append(weakening.weakening()).append(": ").append(weakening.reason());
                    }
                }
            }
            annotations.put(Labels.WEAKENING_PREFIX + "namespace-pod-security", reasons.toString());
        }
        // Made directly (one per app where apps have namespaces of their own): see Models.
        Namespace namespace = new Namespace();
        namespace.setMetadata(Models.meta(name, null, labels, annotations));
        return namespace;
    }

    /**
     * Labels the cluster baseline needs on every app namespace: the policy-controller opt-in when image signatures
     * are required. They live here, with the namespaces, so that the baseline depends on this package and not the
     * other way round.
     */
    public static Map<String, String> baselineOptIns(Platform platform) {
        return platform.baseline().imageSignatures().isPresent() ? Map.of(SIGSTORE_INCLUDE, "true") : Map.of();
    }
}
