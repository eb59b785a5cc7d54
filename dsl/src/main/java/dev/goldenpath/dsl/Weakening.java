package dev.goldenpath.dsl;

import java.util.List;

/**
 * The secure defaults an app may give up, each only with a written reason
 * ({@code app.weaken(Weakening.RUN_AS_ROOT, "vendor image needs uid 0; ticket SEC-12")}).
 *
 * <p>Each weakening names the lint rules it exempts (the contract with the lint module) and the Pod
 * Security Standards level its namespace must fall back to for the pods to be admitted at all.
 */
public enum Weakening {
    /** Run as uid 0: PSS restricted "Running as Non-root" and "Running as Non-root user". */
    RUN_AS_ROOT(PodSecurityLevel.BASELINE, "pss-run-as-non-root", "pss-run-as-user"),
    /** A writable root filesystem (NSA/CISA hardening guide: immutable container filesystems). */
    WRITABLE_ROOT_FILESYSTEM(PodSecurityLevel.RESTRICTED, "read-only-root-filesystem"),
    /** {@code allowPrivilegeEscalation: true}: PSS restricted "Privilege Escalation". */
    PRIVILEGE_ESCALATION(PodSecurityLevel.BASELINE, "pss-allow-privilege-escalation"),
    /**
     * Capabilities beyond {@code NET_BIND_SERVICE}: PSS restricted "Capabilities". Capabilities outside the
     * baseline set need the namespace at {@code privileged}; see {@link #requiredLevel(List)}.
     */
    ADDED_CAPABILITIES(PodSecurityLevel.BASELINE, "pss-capabilities-restricted", "pss-capabilities-baseline"),
    /** Ports bound on the node: PSS baseline "HostPorts". */
    HOST_PORTS(PodSecurityLevel.PRIVILEGED, "pss-host-ports"),
    /** A mounted service-account token although the app declares no API permission (CIS 5.1.6). */
    SERVICE_ACCOUNT_TOKEN(PodSecurityLevel.RESTRICTED, "automount-service-account-token"),
    /** No liveness or readiness probe: the app gives Kubernetes no way to see that it is broken. */
    NO_PROBES(PodSecurityLevel.RESTRICTED, "probes"),
    /** Any access to Secrets through the API (CIS 5.1.2: minimize access to secrets). */
    RBAC_SECRETS(PodSecurityLevel.RESTRICTED, "rbac-secrets-access"),
    /** The verbs escalate, bind or impersonate: each lets the holder gain permissions it was not given (CIS 5.1.8). */
    RBAC_ESCALATION(PodSecurityLevel.RESTRICTED, "rbac-escalation-verbs"),
    /** pods/exec, pods/attach, nodes/proxy or creating serviceaccounts/token: shells and credentials of others. */
    RBAC_SENSITIVE_SUBRESOURCES(PodSecurityLevel.RESTRICTED, "rbac-sensitive-subresources"),
    /** A ClusterRole: permissions in every namespace instead of the app's own. */
    CLUSTER_ROLE(PodSecurityLevel.RESTRICTED, "rbac-cluster-role"),
    /**
     * A privileged container: PSS baseline "Privileged Containers". The DSL never renders one; only a customization
     * of the generated objects can (docs/beyond-the-golden-path.md), and the render fails unless this is declared.
     */
    PRIVILEGED(PodSecurityLevel.PRIVILEGED, "pss-privileged"),
    /**
     * A hostPath volume: PSS baseline "HostPath Volumes" (and so restricted "Volume Types"). Only a customization or
     * an extra object can add one.
     */
    HOST_PATH_VOLUMES(PodSecurityLevel.PRIVILEGED, "pss-host-path-volumes", "pss-restricted-volumes"),
    /** A wildcard in a Role (CIS 5.1.3). The DSL never renders one; only a customization or an extra object can. */
    RBAC_WILDCARD(PodSecurityLevel.RESTRICTED, "rbac-wildcard"),
    /**

     * Egress to every address ({@code 0.0.0.0/0} or {@code ::/0}) on every port. No lint rule checks egress breadth,
     * so its rule id is the DSL's own ({@link #DSL_ONLY_RULE_IDS}): listed in the render report, never written as an
     * {@code exception.goldenpath.dev/} annotation (the linter would refuse an unknown rule id).
     */
    EGRESS_TO_ANYWHERE(PodSecurityLevel.RESTRICTED, "egress-anywhere");

    /** Rule ids that only the DSL checks; every other rule id of a weakening names a lint rule. */
    public static final List<String> DSL_ONLY_RULE_IDS = List.of("egress-anywhere");

    /** Capabilities that PSS baseline allows to be added (upstream "capabilities_baseline" check). */
    public static final List<String> BASELINE_CAPABILITIES = List.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE",
            "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID",
            "SYS_CHROOT");

    private final PodSecurityLevel level;
    private final List<String> ruleIds;

    Weakening(PodSecurityLevel level, String... ruleIds) {
        this.level = level;
        this.ruleIds = List.of(ruleIds);
    }

    /** The rule ids this weakening exempts (lint rule ids, or {@link #DSL_ONLY_RULE_IDS}); the first is the primary one. */
    public List<String> ruleIds() {
        return ruleIds;
    }

    /** The lint rule ids this weakening exempts: what {@code exception.goldenpath.dev/<rule-id>} annotations name. */
    public List<String> lintRuleIds() {
        return ruleIds.stream().filter(id -> !DSL_ONLY_RULE_IDS.contains(id)).toList();
    }

    /**
     * The Pod Security Standards level a namespace must enforce for such a pod to be admitted.
     *
     * @param addedCapabilities the capabilities the app adds (only matters for {@link #ADDED_CAPABILITIES})
     */
    public PodSecurityLevel requiredLevel(List<String> addedCapabilities) {
        if (this == ADDED_CAPABILITIES
                && !BASELINE_CAPABILITIES.containsAll(addedCapabilities)) {
            return PodSecurityLevel.PRIVILEGED;
        }
        return level;
    }
}
