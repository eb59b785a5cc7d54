package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Capabilities;
import dev.goldenpath.vocabulary.RuleId;
import java.util.Arrays;
import java.util.List;

/**
 * The secure defaults an app may give up, each only with a written reason
 * ({@code app.weaken(Weakening.RUN_AS_ROOT, "vendor image needs uid 0; ticket SEC-12")}).
 *
 * <p>Each weakening names the rules it exempts as typed {@link RuleId}s of the shared vocabulary, which the lint
 * module's catalogue describes too (so a weakening naming a rule nobody checks does not compile), and the Pod
 * Security Standards level its namespace must fall back to for the pods to be admitted at all.
 */
public enum Weakening {
    /** Run as uid 0: PSS restricted "Running as Non-root" and "Running as Non-root user". */
    RUN_AS_ROOT(PodSecurityLevel.BASELINE, RuleId.RUN_AS_NON_ROOT, RuleId.RUN_AS_USER),
    /** A writable root filesystem (NSA/CISA hardening guide: immutable container filesystems). */
    WRITABLE_ROOT_FILESYSTEM(PodSecurityLevel.RESTRICTED, RuleId.READ_ONLY_ROOT_FILESYSTEM),
    /** {@code allowPrivilegeEscalation: true}: PSS restricted "Privilege Escalation". */
    PRIVILEGE_ESCALATION(PodSecurityLevel.BASELINE, RuleId.ALLOW_PRIVILEGE_ESCALATION),
    /**
     * Capabilities beyond {@code NET_BIND_SERVICE}: PSS restricted "Capabilities". Capabilities outside the
     * baseline set need the namespace at {@code privileged}; see {@link #requiredLevel(List)}.
     */
    ADDED_CAPABILITIES(PodSecurityLevel.BASELINE, RuleId.CAPABILITIES_RESTRICTED, RuleId.CAPABILITIES_BASELINE),
    /** Ports bound on the node: PSS baseline "HostPorts". */
    HOST_PORTS(PodSecurityLevel.PRIVILEGED, RuleId.HOST_PORTS),
    /** A mounted service-account token although the app declares no API permission (CIS 5.1.6). */
    SERVICE_ACCOUNT_TOKEN(PodSecurityLevel.RESTRICTED, RuleId.AUTOMOUNT_SERVICE_ACCOUNT_TOKEN),
    /** No liveness or readiness probe: the app gives Kubernetes no way to see that it is broken. */
    NO_PROBES(PodSecurityLevel.RESTRICTED, RuleId.PROBES),
    /** Any access to Secrets through the API (CIS 5.1.2: minimize access to secrets). */
    RBAC_SECRETS(PodSecurityLevel.RESTRICTED, RuleId.RBAC_SECRETS_ACCESS),
    /** The verbs escalate, bind or impersonate: each lets the holder gain permissions it was not given (CIS 5.1.8). */
    RBAC_ESCALATION(PodSecurityLevel.RESTRICTED, RuleId.RBAC_ESCALATION_VERBS),
    /** pods/exec, pods/attach, nodes/proxy or creating serviceaccounts/token: shells and credentials of others. */
    RBAC_SENSITIVE_SUBRESOURCES(PodSecurityLevel.RESTRICTED, RuleId.RBAC_SENSITIVE_SUBRESOURCES),
    /** A ClusterRole: permissions in every namespace instead of the app's own. */
    CLUSTER_ROLE(PodSecurityLevel.RESTRICTED, RuleId.RBAC_CLUSTER_ROLE),
    /**
     * A privileged container: PSS baseline "Privileged Containers". The DSL never renders one; only a customization
     * of the generated objects can (docs/beyond-the-golden-path.md), and the render fails unless this is declared.
     */
    PRIVILEGED(PodSecurityLevel.PRIVILEGED, RuleId.PRIVILEGED),
    /**
     * A hostPath volume: PSS baseline "HostPath Volumes" (and so restricted "Volume Types"). Only a customization or
     * an extra object can add one.
     */
    HOST_PATH_VOLUMES(PodSecurityLevel.PRIVILEGED, RuleId.HOST_PATH_VOLUMES, RuleId.RESTRICTED_VOLUMES),
    /** A wildcard in a Role (CIS 5.1.3). The DSL never renders one; only a customization or an extra object can. */
    RBAC_WILDCARD(PodSecurityLevel.RESTRICTED, RuleId.RBAC_WILDCARD),
    /**
     * Egress to every address ({@code 0.0.0.0/0} or {@code ::/0}) on every port. No lint rule checks egress breadth,
     * so its rule id is the DSL's own ({@link #DSL_ONLY_RULE_IDS}): listed in the render report, never written as an
     * {@code weakening.goldenpath.dev/} annotation (the linter would refuse an unknown rule id).
     */
    EGRESS_TO_ANYWHERE(PodSecurityLevel.RESTRICTED, RuleId.EGRESS_ANYWHERE);

    /**
     * Rule ids that only the DSL checks ({@link RuleId.Checker#DSL}); every other rule id of a weakening names a lint
     * rule.
     */
    public static final List<String> DSL_ONLY_RULE_IDS = Arrays.stream(RuleId.values())
            .filter(rule -> !rule.isLintRule()).map(RuleId::id).toList();

    private final PodSecurityLevel level;
    private final List<RuleId> rules;

    Weakening(PodSecurityLevel level, RuleId... rules) {
        this.level = level;
        this.rules = List.of(rules);
    }

    /** The rules this weakening exempts, typed; the first is the primary one. */
    public List<RuleId> rules() {
        return rules;
    }

    /**
     * The rule ids this weakening exempts (lint rule ids, or {@link #DSL_ONLY_RULE_IDS}); the first is the primary
     * one.
     */
    public List<String> ruleIds() {
        return rules.stream().map(RuleId::id).toList();
    }

    /** The lint rule ids this weakening exempts: what {@code weakening.goldenpath.dev/<rule-id>} annotations name. */
    public List<String> lintRuleIds() {
        return rules.stream().filter(RuleId::isLintRule).map(RuleId::id).toList();
    }

    /**
     * The Pod Security Standards level a namespace must enforce for such a pod to be admitted.
     *
     * @param addedCapabilities the capabilities the app adds (only matters for {@link #ADDED_CAPABILITIES})
     */
    public PodSecurityLevel requiredLevel(List<String> addedCapabilities) {
        if (this == ADDED_CAPABILITIES
                && !Capabilities.PSS_BASELINE.containsAll(addedCapabilities)) {
            return PodSecurityLevel.PRIVILEGED;
        }
        return level;
    }
}
