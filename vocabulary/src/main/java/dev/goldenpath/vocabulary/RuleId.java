package dev.goldenpath.vocabulary;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every policy rule id, defined once. The lint module's catalogue describes each {@link Checker#LINT} rule, the DSL's
 * weakenings name the rules they exempt, and the weakening annotation {@code weakening.goldenpath.dev/<id>} carries
 * the id: all three refer to these constants, so a weakening that names a rule nobody checks cannot compile.
 *
 * <pre>{@code
 * RuleId id = RuleId.byId("pss-privileged").orElseThrow();
 * String key = id.weakeningAnnotation();   // weakening.goldenpath.dev/pss-privileged
 * }</pre>
 */
public enum RuleId {
    // Pod Security Standards, baseline (upstream pod-security-admission check names in docs/lint-rules.md).
    HOST_NAMESPACES("pss-host-namespaces"),
    PRIVILEGED("pss-privileged"),
    CAPABILITIES_BASELINE("pss-capabilities-baseline"),
    HOST_PATH_VOLUMES("pss-host-path-volumes"),
    HOST_PORTS("pss-host-ports"),
    APP_ARMOR("pss-app-armor"),
    SE_LINUX("pss-se-linux"),
    PROC_MOUNT("pss-proc-mount"),
    SECCOMP_BASELINE("pss-seccomp-baseline"),
    SYSCTLS("pss-sysctls"),
    WINDOWS_HOST_PROCESS("pss-windows-host-process"),
    HOST_PROBES("pss-host-probes"),
    // Pod Security Standards, restricted.
    RESTRICTED_VOLUMES("pss-restricted-volumes"),
    ALLOW_PRIVILEGE_ESCALATION("pss-allow-privilege-escalation"),
    RUN_AS_NON_ROOT("pss-run-as-non-root"),
    RUN_AS_USER("pss-run-as-user"),
    SECCOMP_RESTRICTED("pss-seccomp-restricted"),
    CAPABILITIES_RESTRICTED("pss-capabilities-restricted"),
    // Workload hardening.
    READ_ONLY_ROOT_FILESYSTEM("read-only-root-filesystem"),
    RESOURCES("resources"),
    PROBES("probes"),
    IMAGE_TAG("image-tag"),
    IMAGE_DIGEST("image-digest"),
    AUTOMOUNT_SERVICE_ACCOUNT_TOKEN("automount-service-account-token"),
    // Network.
    NAMESPACE_DEFAULT_DENY("namespace-default-deny"),
    NETWORK_POLICY_COVERAGE("network-policy-coverage"),
    SERVICE_TYPE("service-type"),
    // RBAC.
    RBAC_WILDCARD("rbac-wildcard"),
    RBAC_ESCALATION_VERBS("rbac-escalation-verbs"),
    RBAC_SECRETS_ACCESS("rbac-secrets-access"),
    RBAC_CLUSTER_ADMIN_BINDING("rbac-cluster-admin-binding"),
    RBAC_SENSITIVE_SUBRESOURCES("rbac-sensitive-subresources"),
    RBAC_CLUSTER_ROLE("rbac-cluster-role"),
    // Objects and namespaces.
    PLAINTEXT_SECRET("plaintext-secret"),
    PLAINTEXT_ENV_SECRET("plaintext-env-secret"),
    REQUIRED_LABELS("required-labels"),
    NAMESPACE_POD_SECURITY("namespace-pod-security"),
    // The input itself.
    WEAKENING_ANNOTATION("weakening-annotation"),
    YAML_SYNTAX("yaml-syntax"),
    OBJECT_SHAPE("object-shape"),
    /**
     * Egress to every address on every port. No lint rule checks egress breadth (a NetworkPolicy cannot say which
     * peers are "the internet"), so only the DSL knows it: it is listed in the render report and never written as an
     * weakening annotation, which the linter would refuse as naming an unknown rule.
     */
    EGRESS_ANYWHERE("egress-anywhere", Checker.DSL);

    /** Who checks a rule: the linter (on every rendered or foreign object) or only the DSL's validation. */
    public enum Checker {
        /** A rule of the lint catalogue; weakening annotations may name it. */
        LINT,
        /** A rule only the DSL checks, on the spec; it has no lint rule and no weakening annotation. */
        DSL
    }

    private static final Map<String, RuleId> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(RuleId::id, Function.identity()));

    private final String id;
    private final Checker checker;
    /** Made once: every check of every object asks for it. */
    private final String weakeningAnnotation;

    RuleId(String id) {
        this(id, Checker.LINT);
    }

    RuleId(String id, Checker checker) {
        this.id = id;
        this.checker = checker;
        this.weakeningAnnotation = Annotations.WEAKENING_PREFIX + id;
    }

    /** The stable kebab-case id, e.g. {@code pss-privileged}. */
    public String id() {
        return id;
    }

    /** Who checks this rule. */
    public Checker checker() {
        return checker;
    }

    /** {@code true} for a rule of the lint catalogue (every rule but the DSL-only ones). */
    public boolean isLintRule() {
        return checker == Checker.LINT;
    }

    /** The annotation key that waives this rule's findings on an object: {@code weakening.goldenpath.dev/<id>}. */
    public String weakeningAnnotation() {
        return weakeningAnnotation;
    }

    /** The rule with this id. */
    public static Optional<RuleId> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The id, so that a rule id reads as itself in messages and string concatenation. */
    @Override
    public String toString() {
        return id;
    }
}
