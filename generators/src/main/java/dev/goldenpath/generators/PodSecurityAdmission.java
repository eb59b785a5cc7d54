package dev.goldenpath.generators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.lint.Finding;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.tree.TreeLayout;
import dev.goldenpath.vocabulary.PodSecurityLabels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Still deployable: a pod whose weakening the policy check weakened must also be admitted by its namespace's Pod
 * Security Admission level. Declared weakenings set that level (Namespaces), but a customization can go further than
 * the DSL declares (a capability outside the baseline set while the app's own capabilities are within it); the API
 * server would then reject the pod and Argo CD would never get the app healthy. The check reads the weakened findings
 * of the PSS rules in app folders and the enforce label of the rendered Namespace of the same environment.
 */
final class PodSecurityAdmission {

    /** PSS baseline checks (Kubernetes Pod Security Standards): only {@code privileged} admits a pod that fails one. */
    private static final Set<String> BASELINE = Set.of("pss-host-namespaces", "pss-privileged",
            "pss-capabilities-baseline", "pss-host-path-volumes", "pss-host-ports", "pss-app-armor", "pss-se-linux",
            "pss-proc-mount", "pss-seccomp-baseline", "pss-sysctls", "pss-windows-host-process", "pss-host-probes");
    /** PSS restricted checks: {@code baseline} or {@code privileged} admit a pod that fails one. */
    private static final Set<String> RESTRICTED = Set.of("pss-restricted-volumes", "pss-allow-privilege-escalation",
            "pss-run-as-non-root", "pss-run-as-user", "pss-seccomp-restricted", "pss-capabilities-restricted");
    private static final List<String> LEVELS = List.of("restricted", "baseline", "privileged");

    private PodSecurityAdmission() {
    }

    /**
     * One problem per weakened PSS finding in {@code apps/} whose namespace enforces a stricter level than the pod needs.
     *
     * @param paths   the file of each object
     * @param objects the objects as written
     */
    static List<String> problems(LintReport lint, List<String> paths, List<ObjectNode> objects) {
        Namespaces namespaces = new Namespaces();
        for (int i = 0; i < objects.size(); i++) {
            namespaces.add(paths.get(i), objects.get(i));
        }
        return namespaces.problems(lint);
    }

    /**
     * What the check needs of the objects, gathered one at a time (the renderer hands each over as it writes it, and
     * keeps none of the trees): the enforce level of each rendered Namespace, and each file's namespace.
     */
    static final class Namespaces {
        private final Map<String, String> enforced = new HashMap<>();
        private final Map<String, String> namespaceOf = new HashMap<>();

        void add(String path, JsonNode object) {
            String environment = TreeLayout.environment(path).orElse("");
            if (object.path("kind").asText().equals("Namespace") && TreeLayout.inPlatform(path)) {
                enforced.put(environment + "/" + object.path("metadata").path("name").asText(),
                        object.path("metadata").path("labels").path(PodSecurityLabels.Mode.ENFORCE.label()).asText("restricted"));
            }
            namespaceOf.put(path, object.path("metadata").path("namespace").asText());
        }

        /** The problems of the weakened findings of {@code lint}, with the namespaces gathered. */
        List<String> problems(LintReport lint) {
            return PodSecurityAdmission.problems(lint, enforced, namespaceOf);
        }
    }

    private static List<String> problems(LintReport lint, Map<String, String> enforced, Map<String, String> namespaceOf) {
        List<String> problems = new ArrayList<>();
        for (Finding finding : lint.weakened()) {
            String needed = BASELINE.contains(finding.ruleId()) ? "privileged"
                    : RESTRICTED.contains(finding.ruleId()) ? "baseline" : null;
            if (needed == null || !TreeLayout.inApps(finding.file())) {
                continue;
            }
            String namespace = namespaceOf.get(finding.file());
            String level = enforced.get(TreeLayout.environment(finding.file()).orElse("") + "/" + namespace);
            if (level != null && LEVELS.indexOf(level) < LEVELS.indexOf(needed)) {
                problems.add(finding.file() + " " + finding.object() + " " + finding.fieldPath() + ": [" + finding.ruleId()
                        + "] is weakened by a declared weakening, but namespace " + namespace + " enforces Pod Security '" + level
                        + "', which rejects the pod (it needs '" + needed + "'): a customization went beyond what the "
                        + "spec declares (fix: declare it in the DSL, e.g. .addCapabilities(..), so that the namespace "
                        + "follows, or drop the change)");
            }
        }
        return problems;
    }
}
