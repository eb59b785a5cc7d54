package dev.goldenpath.dsl;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stable, machine-readable code of every rule a spec can break: what {@link Violation#code()} carries, so that
 * tests, the command line's JSON and SARIF output and any other caller match codes instead of message text (the
 * message may be reworded; a code never changes meaning). Codes are {@code <area>.<rule>} in kebab case, e.g.
 * {@code resources.limit-below-request}; docs/violation-codes.md lists them all.
 *
 * <pre>{@code
 * try {
 *     platform.build();
 * } catch (SpecException e) {
 *     boolean limits = e.violations().stream()
 *             .anyMatch(v -> v.code() == ViolationCode.RESOURCES_LIMIT_BELOW_REQUEST);
 * }
 * }</pre>
 */
public enum ViolationCode {
    /** A value the spec needs is null (an empty variable or file). */
    SPEC_VALUE_MISSING("spec.value-missing"),
    /** A text holds a bidirectional-override character that makes it read differently. */
    TEXT_BIDI_OVERRIDE("text.bidi-override"),
    /** A text holds a line break or control character that could forge YAML, report rows or diagram edges. */
    TEXT_CONTROL_CHARACTER("text.control-character"),
    /** A text is longer than its field allows. */
    TEXT_TOO_LONG("text.too-long"),
    /** A name is not a DNS-1123 label (platform, team, environment, cluster, namespace, secret store). */
    NAME_DNS1123_LABEL("name.dns1123-label"),
    /** An app name is not a DNS-1035 label (it names a Service, so it starts with a letter). */
    NAME_DNS1035_LABEL("name.dns1035-label"),
    /** A derived Argo CD Application name is longer than the 63 characters of its tracking label. */
    NAME_ARGOCD_APPLICATION_TOO_LONG("name.argocd-application-too-long"),
    /** A derived ClusterRole name is longer than 253 characters. */
    NAME_CLUSTER_ROLE_TOO_LONG("name.cluster-role-too-long"),
    /** A derived SecretStore name is longer than 253 characters. */
    NAME_SECRET_STORE_TOO_LONG("name.secret-store-too-long"),
    /** The GitOps repository is not a git URL. */
    PLATFORM_GIT_REPOSITORY_INVALID("platform.git-repository-invalid"),
    /** The revision Argo CD follows is blank. */
    PLATFORM_GIT_REVISION_BLANK("platform.git-revision-blank"),
    /** The platform declares no app. */
    PLATFORM_NO_APPS("platform.no-apps"),
    /** The platform declares no environment. */
    PLATFORM_NO_ENVIRONMENTS("platform.no-environments"),
    /** Two teams have the same name. */
    TEAM_DUPLICATE("team.duplicate"),
    /** A team has no contact. */
    TEAM_CONTACT_MISSING("team.contact-missing"),
    /** An app names a team the platform does not declare. */
    TEAM_UNKNOWN("team.unknown"),
    /** Two apps have the same name. */
    APP_DUPLICATE("app.duplicate"),
    /** An app belongs to no team. */
    APP_TEAM_MISSING("app.team-missing"),
    /** A caller or dependency names an app the platform does not declare. */
    APP_UNKNOWN("app.unknown"),
    /** Two environments have the same name. */
    ENVIRONMENT_DUPLICATE("environment.duplicate"),
    /** An environment has no cluster. */
    ENVIRONMENT_NO_CLUSTERS("environment.no-clusters"),
    /** A Pod Security Standards version is neither 'latest' nor 'v1.<minor>'. */
    ENVIRONMENT_PSS_VERSION_INVALID("environment.pss-version-invalid"),
    /** A field names an environment the platform does not declare. */
    ENVIRONMENT_UNKNOWN("environment.unknown"),
    /** An override names an environment the app is not deployed to. */
    ENVIRONMENT_NOT_DEPLOYED("environment.not-deployed"),
    /** An app overrides the same environment twice. */
    ENVIRONMENT_OVERRIDE_DUPLICATE("environment.override-duplicate"),
    /** Something must reach the Kubernetes API, but the environment does not say where the API server is. */
    ENVIRONMENT_API_SERVER_MISSING("environment.api-server-missing"),
    /** Two clusters of an environment have the same name. */
    CLUSTER_DUPLICATE("cluster.duplicate"),
    /** A cluster's API server is not an https:// URL. */
    CLUSTER_SERVER_INVALID("cluster.server-invalid"),
    /** An override names a cluster the environment does not have. */
    CLUSTER_UNKNOWN("cluster.unknown"),
    /** One cluster name stands for two servers in different environments. */
    CLUSTER_NAME_CONFLICT("cluster.name-conflict"),
    /** Two clusters of an environment have the same server. */
    CLUSTER_SERVER_DUPLICATE("cluster.server-duplicate"),
    /** A namespace (derived from the pattern, or of a network peer) is not a DNS-1123 label. */
    NAMESPACE_INVALID("namespace.invalid"),
    /** An app's namespace belongs to the platform or another component. */
    NAMESPACE_OWNED_BY_OTHER("namespace.owned-by-other"),
    /** Two environments put the app in the same namespace of the same cluster. */
    NAMESPACE_SHARED_ACROSS_ENVIRONMENTS("namespace.shared-across-environments"),
    /** A label key is not a qualified name. */
    LABEL_KEY_INVALID("label.key-invalid"),
    /** A label value is not a valid label value. */
    LABEL_VALUE_INVALID("label.value-invalid"),
    /** An app sets a label goldenpath sets itself. */
    LABEL_RESERVED("label.reserved"),
    /** An annotation key is not a qualified name. */
    ANNOTATION_KEY_INVALID("annotation.key-invalid"),
    /** An app's annotations hold more than 256 KiB. */
    ANNOTATION_TOO_LARGE("annotation.too-large"),
    /** A label or annotation would set an AppArmor or seccomp profile. */
    METADATA_SECURITY_PROFILE("metadata.security-profile"),
    /** An app writes a weakening annotation itself instead of declaring a weakening. */
    METADATA_WEAKENING_ANNOTATION("metadata.weakening-annotation"),
    /** A label or annotation key uses a prefix Kubernetes or goldenpath owns. */
    METADATA_RESERVED_PREFIX("metadata.reserved-prefix"),
    /** No image is set. */
    IMAGE_MISSING("image.missing"),
    /** An image reference does not keep the reference grammar (or has a digest that pins nothing). */
    IMAGE_INVALID("image.invalid"),
    /** An image or tag override uses the mutable tag 'latest'. */
    IMAGE_LATEST_TAG("image.latest-tag"),
    /** An image has neither tag nor digest, which means 'latest'. */
    IMAGE_UNPINNED("image.unpinned"),
    /** A tag override is not a valid tag. */
    IMAGE_TAG_INVALID("image.tag-invalid"),
    /** A port name is not an IANA service name. */
    PORT_NAME_INVALID("port.name-invalid"),
    /** Two ports of an app have the same name. */
    PORT_NAME_DUPLICATE("port.name-duplicate"),
    /** A port number is outside 1 to 65535. */
    PORT_NUMBER_OUT_OF_RANGE("port.number-out-of-range"),
    /** The same port (and protocol) is listed twice. */
    PORT_DUPLICATE("port.duplicate"),
    /** A host port is outside 1 to 65535. */
    PORT_HOST_PORT_OUT_OF_RANGE("port.host-port-out-of-range"),
    /** A host port is set without the HOST_PORTS weakening. */
    PORT_HOST_PORT("port.host-port"),
    /** An edge names a port the app does not expose. */
    PORT_NOT_EXPOSED("port.not-exposed"),
    /** An edge reaches an app that exposes no port. */
    PORT_NONE_EXPOSED("port.none-exposed"),
    /** An app without ports declares no probe and no NO_PROBES weakening. */
    PROBE_MISSING("probe.missing"),
    /** An HTTP probe path does not start with '/'. */
    PROBE_HTTP_PATH_INVALID("probe.http-path-invalid"),
    /** An exec probe's command is empty or has blank words. */
    PROBE_EXEC_COMMAND_INVALID("probe.exec-command-invalid"),
    /** A network probe checks the first port, but the app has none. */
    PROBE_NO_PORT("probe.no-port"),
    /** A probe names a port the app does not declare. */
    PROBE_PORT_UNKNOWN("probe.port-unknown"),
    /** A probe's period, timeout, failure threshold or initial delay is out of range. */
    PROBE_TIMING_INVALID("probe.timing-invalid"),
    /** An amount is not a Kubernetes quantity. */
    RESOURCES_NOT_A_QUANTITY("resources.not-a-quantity"),
    /** A CPU or memory limit is below its request. */
    RESOURCES_LIMIT_BELOW_REQUEST("resources.limit-below-request"),
    /** The memory request is 0. */
    RESOURCES_MEMORY_REQUEST_ZERO("resources.memory-request-zero"),
    /** A limit is 0. */
    RESOURCES_LIMIT_ZERO("resources.limit-zero"),
    /** A CPU amount is below 1m. */
    RESOURCES_CPU_BELOW_MILLICORE("resources.cpu-below-millicore"),
    /** A memory amount is below 4Mi. */
    RESOURCES_MEMORY_TOO_SMALL("resources.memory-too-small"),
    /** A CPU, memory or disk amount is more than any node has. */
    RESOURCES_AMOUNT_TOO_LARGE("resources.amount-too-large"),
    /** A writable path is not an absolute, normalized folder other than '/'. */
    CONTAINER_WRITABLE_PATH_INVALID("container.writable-path-invalid"),
    /** A writable path is declared twice. */
    CONTAINER_WRITABLE_PATH_DUPLICATE("container.writable-path-duplicate"),
    /** A capability name is malformed, has 'CAP_' or is ALL. */
    CONTAINER_CAPABILITY_INVALID("container.capability-invalid"),
    /** A capability is added twice. */
    CONTAINER_CAPABILITY_DUPLICATE("container.capability-duplicate"),
    /** A capability beyond NET_BIND_SERVICE is added without the ADDED_CAPABILITIES weakening. */
    CONTAINER_CAPABILITY_NOT_ALLOWED("container.capability-not-allowed"),
    /** An environment variable name is not valid. */
    ENV_NAME_INVALID("env.name-invalid"),
    /** An environment variable is set twice. */
    ENV_DUPLICATE("env.duplicate"),
    /** Replicas are below 0. */
    WORKLOAD_REPLICAS_NEGATIVE("workload.replicas-negative"),
    /** A user or group id is outside 0 to 2147483647. */
    WORKLOAD_USER_ID_OUT_OF_RANGE("workload.user-id-out-of-range"),
    /** An id is 0 (root) without the RUN_AS_ROOT weakening. */
    WORKLOAD_RUN_AS_ROOT("workload.run-as-root"),
    /** A value is neither a whole number nor a percentage from 0% to 100%. */
    WORKLOAD_INT_OR_PERCENT_INVALID("workload.int-or-percent-invalid"),
    /** maxSurge and maxUnavailable are both 0. */
    ROLLOUT_NO_PROGRESS("rollout.no-progress"),
    /** minReadySeconds is below 0. */
    ROLLOUT_MIN_READY_NEGATIVE("rollout.min-ready-negative"),
    /** A disruption budget never allows an eviction, so node drains block forever. */
    BUDGET_BLOCKS_DRAINS("budget.blocks-drains"),
    /** The autoscaler's minimum is below 1. */
    AUTOSCALING_MIN_REPLICAS("autoscaling.min-replicas"),
    /** The autoscaler's maximum is below its minimum. */
    AUTOSCALING_MAX_BELOW_MIN("autoscaling.max-below-min"),
    /** The CPU utilization target is outside 1 to 1000 percent. */
    AUTOSCALING_CPU_TARGET_INVALID("autoscaling.cpu-target-invalid"),
    /** A RuntimeClass name is not a DNS-1123 subdomain. */
    SCHEDULING_RUNTIME_CLASS_INVALID("scheduling.runtime-class-invalid"),
    /** A toleration's taint key is not a qualified name. */
    SCHEDULING_TAINT_KEY_INVALID("scheduling.taint-key-invalid"),
    /** A toleration's taint value is not a valid label value. */
    SCHEDULING_TAINT_VALUE_INVALID("scheduling.taint-value-invalid"),
    /** An Exists toleration has a value. */
    SCHEDULING_EXISTS_WITH_VALUE("scheduling.exists-with-value"),
    /** An Equal toleration has no key. */
    SCHEDULING_EQUAL_WITHOUT_KEY("scheduling.equal-without-key"),
    /** A block is not a CIDR with zero host bits. */
    NETWORK_CIDR_INVALID("network.cidr-invalid"),
    /** A block is listed twice. */
    NETWORK_CIDR_DUPLICATE("network.cidr-duplicate"),
    /** The API server is declared as a /0 block. */
    NETWORK_API_SERVER_EVERY_ADDRESS("network.api-server-every-address"),
    /** An except block is not strictly inside its block. */
    NETWORK_EXCEPT_OUTSIDE_BLOCK("network.except-outside-block"),
    /** Egress to every address on every port without the EGRESS_TO_ANYWHERE weakening. */
    NETWORK_EGRESS_ANYWHERE("network.egress-anywhere"),
    /** An app calls an app that is not deployed where it runs. */
    NETWORK_CALLEE_NOT_DEPLOYED("network.callee-not-deployed"),
    /** A network peer has no pod labels, so it would select every pod of its namespace. */
    NETWORK_PEER_SELECTS_ALL("network.peer-selects-all"),
    /** A Role name is not a DNS-1123 subdomain. */
    RBAC_ROLE_NAME_INVALID("rbac.role-name-invalid"),
    /** A permission uses a wildcard. */
    RBAC_WILDCARD("rbac.wildcard"),
    /** An API group is not empty (core) or a DNS subdomain. */
    RBAC_API_GROUP_INVALID("rbac.api-group-invalid"),
    /** A permission has no verb or no resource. */
    RBAC_PERMISSION_EMPTY("rbac.permission-empty"),
    /** A verb is not a Kubernetes API verb. */
    RBAC_VERB_UNKNOWN("rbac.verb-unknown"),
    /** A resource is not a lowercase plural name (with an optional subresource). */
    RBAC_RESOURCE_INVALID("rbac.resource-invalid"),
    /** A resource name is not an exact object name. */
    RBAC_RESOURCE_NAME_INVALID("rbac.resource-name-invalid"),
    /**
     * A permission needs a weakening (secrets, escalation verbs, sensitive subresources, cluster scope) the app does
     * not declare.
     */
    RBAC_WEAKENING_REQUIRED("rbac.weakening-required"),
    /** A Secret name is not a DNS-1123 subdomain. */
    SECRET_NAME_INVALID("secret.name-invalid"),
    /** A secret is declared twice. */
    SECRET_DUPLICATE("secret.duplicate"),
    /** A sealed secret mixes ciphertext and render-time sources. */
    SECRET_MIXED_SOURCES("secret.mixed-sources"),
    /** A secret has no key. */
    SECRET_NO_KEYS("secret.no-keys"),
    /** A Secret key holds characters Kubernetes refuses. */
    SECRET_KEY_INVALID("secret.key-invalid"),
    /** A Secret key is declared twice. */
    SECRET_KEY_DUPLICATE("secret.key-duplicate"),
    /** A variable reads a key the secret does not have. */
    SECRET_KEY_UNKNOWN("secret.key-unknown"),
    /** A value source does not fit the secret's kind (sealed or external). */
    SECRET_SOURCE_WRONG_KIND("secret.source-wrong-kind"),
    /** A value is not sealed-secrets ciphertext. */
    SECRET_CIPHERTEXT_INVALID("secret.ciphertext-invalid"),
    /** A file value source has no path. */
    SECRET_FILE_PATH_MISSING("secret.file-path-missing"),
    /** A remote reference lacks its key or property. */
    SECRET_REMOTE_REFERENCE_INCOMPLETE("secret.remote-reference-incomplete"),
    /** A key has no value for an environment the app is deployed to. */
    SECRET_VALUE_MISSING_IN_ENVIRONMENT("secret.value-missing-in-environment"),
    /** An external secret names no secret store. */
    SECRET_STORE_MISSING("secret.store-missing"),
    /** A sealed secret names a secret store. */
    SECRET_STORE_ON_SEALED("secret.store-on-sealed"),
    /** A refresh interval is not a duration. */
    SECRET_REFRESH_INTERVAL_INVALID("secret.refresh-interval-invalid"),
    /** A mount path is not an absolute folder other than '/'. */
    SECRET_MOUNT_PATH_INVALID("secret.mount-path-invalid"),
    /** Another volume is mounted at the path. */
    SECRET_MOUNT_PATH_TAKEN("secret.mount-path-taken"),
    /** A secret is neither mounted nor read into a variable. */
    SECRET_UNUSED("secret.unused"),
    /** A literal value under a secret-looking variable name would be rendered in plaintext. */
    SECRET_PLAINTEXT_ENV("secret.plaintext-env"),
    /** A value, annotation or argument looks like a credential and would be rendered in plaintext. */
    SECRET_PLAINTEXT_CREDENTIAL("secret.plaintext-credential"),
    /** A Secret type is not 'Opaque' or a qualified name. */
    SECRET_TYPE_INVALID("secret.type-invalid"),
    /** A Secret type is one Kubernetes itself issues. */
    SECRET_TYPE_RESERVED("secret.type-reserved"),
    /** A Secret of a well-known type lacks a key that type requires. */
    SECRET_TYPE_KEY_MISSING("secret.type-key-missing"),
    /** A secret names a store the platform does not declare. */
    SECRET_STORE_UNKNOWN("secret-store.unknown"),
    /** A secret store is declared twice. */
    SECRET_STORE_DUPLICATE("secret-store.duplicate"),
    /** A secret store's server is not an https:// URL. */
    SECRET_STORE_SERVER_INVALID("secret-store.server-invalid"),
    /** A KV mount path has a leading or trailing '/'. */
    SECRET_STORE_PATH_INVALID("secret-store.path-invalid"),
    /** Vault's KV version is neither 1 nor 2. */
    SECRET_STORE_KV_VERSION_INVALID("secret-store.kv-version-invalid"),
    /** The Kubernetes auth mount is blank. */
    SECRET_STORE_AUTH_MOUNT_MISSING("secret-store.auth-mount-missing"),
    /** The Vault role is blank. */
    SECRET_STORE_ROLE_MISSING("secret-store.role-missing"),
    /** A weakening is declared twice. */
    WEAKENING_DUPLICATE("weakening.duplicate"),
    /** A weakening's reason is shorter than the minimum. */
    WEAKENING_REASON_TOO_SHORT("weakening.reason-too-short"),
    /** A weakening is declared, but nothing in the app needs it. */
    WEAKENING_UNUSED("weakening.unused"),
    /** A signed-images registry glob is not a lowercase registry/repository path. */
    BASELINE_IMAGE_GLOB_INVALID("baseline.image-glob-invalid"),
    /** A cosign public key is not a PEM PUBLIC KEY block. */
    BASELINE_COSIGN_KEY_INVALID("baseline.cosign-key-invalid"),
    /** A keyless issuer is not an https:// URL. */
    BASELINE_KEYLESS_ISSUER_INVALID("baseline.keyless-issuer-invalid"),
    /** A keyless policy has no signer identity. */
    BASELINE_KEYLESS_SUBJECT_MISSING("baseline.keyless-subject-missing"),
    /** A baseline toleration's key is not a qualified name. */
    BASELINE_TOLERATION_KEY_INVALID("baseline.toleration-key-invalid"),
    /** The Trivy scan schedule is not five cron fields. */
    BASELINE_TRIVY_SCHEDULE_INVALID("baseline.trivy-schedule-invalid"),
    /** An allowed process is neither an absolute path nor a name of at most 15 characters. */
    BASELINE_FALCO_PROCESS_INVALID("baseline.falco-process-invalid"),
    /** A protected path is not an absolute, normalized path. */
    BASELINE_FALCO_PATH_INVALID("baseline.falco-path-invalid"),
    /** Allowing shells has no reason of the minimum length. */
    BASELINE_SHELL_REASON_TOO_SHORT("baseline.shell-reason-too-short"),
    // Workload kinds (worker, scheduled job, sync job).
    /** An app calls a worker or a scheduled job, which take no connections. */
    WORKLOAD_CALLEE_NOT_SERVING("workload.callee-not-serving"),
    /** A scheduled job's schedule is not one the CronJob controller accepts. */
    SCHEDULED_JOB_SCHEDULE_INVALID("scheduled-job.schedule-invalid"),
    /** A scheduled job's schedule starts with TZ= or CRON_TZ=, which Kubernetes refuses. */
    SCHEDULED_JOB_SCHEDULE_TIME_ZONE("scheduled-job.schedule-time-zone"),
    /** A scheduled job's time zone is not an IANA time zone name. */
    SCHEDULED_JOB_TIME_ZONE_UNKNOWN("scheduled-job.time-zone-unknown"),
    /** A scheduled job's starting deadline is shorter than the controller's 10 second check interval. */
    SCHEDULED_JOB_STARTING_DEADLINE_TOO_SHORT("scheduled-job.starting-deadline-too-short"),
    /** A scheduled job keeps a negative or an excessive number of finished runs. */
    SCHEDULED_JOB_HISTORY_LIMIT_INVALID("scheduled-job.history-limit-invalid"),
    /** A scheduled job's name is longer than the 52 characters a CronJob name may have. */
    SCHEDULED_JOB_NAME_TOO_LONG("scheduled-job.name-too-long"),
    /** A job's backoff limit is negative or excessive. */
    JOB_BACKOFF_LIMIT_INVALID("job.backoff-limit-invalid"),
    /** A job's active deadline is not positive. */
    JOB_ACTIVE_DEADLINE_INVALID("job.active-deadline-invalid"),
    /** A job's TTL after finishing is negative. */
    JOB_TTL_INVALID("job.ttl-invalid"),
    /** An environment override sets replicas on a scheduled job, which has none. */
    JOB_REPLICAS_OVERRIDE("job.replicas-override"),
    /** A scheduled job declares a readiness probe, which nothing reads. */
    JOB_READINESS_PROBE("job.readiness-probe"),
    /** A job run before sync is not named as a DNS-1123 label. */
    SYNC_JOB_NAME_INVALID("sync-job.name-invalid"),
    /** Two jobs run before sync of one app have the same name. */
    SYNC_JOB_DUPLICATE("sync-job.duplicate"),
    /** The Job name of a job run before sync (app name, '-', job name) is longer than 63 characters. */
    SYNC_JOB_NAME_TOO_LONG("sync-job.name-too-long"),
    /** The Job name of a job run before sync is an app's name or another job's. */
    SYNC_JOB_NAME_CLASH("sync-job.name-clash"),

    // Stateful service.
    /** A stateful service declares no volume: it keeps nothing on disk, so it is an app(..). */
    STATEFUL_NO_VOLUME("stateful.no-volume"),
    /** A stateful service's name is longer than the 52 characters a StatefulSet's pods can carry in their labels. */
    STATEFUL_NAME_TOO_LONG("stateful.name-too-long"),
    /** A volume's name is not a DNS-1123 label. */
    STATEFUL_VOLUME_NAME_INVALID("stateful.volume-name-invalid"),
    /** Two volumes of a stateful service have the same name. */
    STATEFUL_VOLUME_DUPLICATE("stateful.volume-duplicate"),
    /** A volume's mount path is not an absolute, normalized folder other than '/'. */
    STATEFUL_MOUNT_PATH_INVALID("stateful.mount-path-invalid"),
    /** A volume is mounted where a writable path, another volume or a config file already is. */
    STATEFUL_MOUNT_PATH_TAKEN("stateful.mount-path-taken"),
    /** A volume's size is below the 1Mi minimum. */
    STATEFUL_SIZE_TOO_SMALL("stateful.size-too-small"),
    /** A volume's size is not a whole number of bytes. */
    STATEFUL_SIZE_NOT_WHOLE_BYTES("stateful.size-not-whole-bytes"),
    /** A storage class name is not a DNS-1123 subdomain. */
    STATEFUL_STORAGE_CLASS_INVALID("stateful.storage-class-invalid"),
    /** A stateful service declares recreate(), which a StatefulSet does not have. */
    STATEFUL_ROLLOUT_RECREATE("stateful.rollout-recreate"),
    /** A stateful service's rollout has a surge, which a StatefulSet does not have. */
    STATEFUL_ROLLOUT_SURGE("stateful.rollout-surge"),
    /** A stateful service's rollout allows other than one unavailable pod. */
    STATEFUL_ROLLOUT_UNAVAILABLE("stateful.rollout-unavailable"),
    /** A stateful service declares an autoscaler. */
    STATEFUL_AUTOSCALING("stateful.autoscaling"),

    // Config files.
    /** A config file's path is not an absolute, normalized file path. */
    CONFIG_PATH_INVALID("config.path-invalid"),
    /** Two config files have the same path. */
    CONFIG_PATH_DUPLICATE("config.path-duplicate"),
    /** A config file's path is, or lies inside, or holds another mount: a writable path, a secret, another file. */
    CONFIG_PATH_CLASH("config.path-clash"),
    /** A config file's classpath resource does not exist. */
    CONFIG_RESOURCE_NOT_FOUND("config.resource-not-found"),
    /** A config file is not text: not UTF-8, or it holds control characters other than tabs and line breaks. */
    CONFIG_NOT_TEXT("config.not-text"),
    /** A config file sets a secret-looking key (password, client secret, API key) to a literal value. */
    CONFIG_SECRET_ASSIGNMENT("config.secret-assignment"),
    /** An app's config files and variables would not fit one rendered ConfigMap (900 KiB of YAML, under the API's 1 MiB). */
    CONFIG_TOO_LARGE("config.too-large"),

    // Exposure.
    /** An exposed host is not a lowercase, fully qualified DNS name (or is a wildcard or an IP address). */
    EXPOSURE_HOST_INVALID("exposure.host-invalid"),
    /** A path prefix is not a plain '/'-separated prefix (dot segments, regex characters, a trailing '/'). */
    EXPOSURE_PATH_INVALID("exposure.path-invalid"),
    /** An app routes the same host and path prefix twice. */
    EXPOSURE_ROUTE_DUPLICATE("exposure.route-duplicate"),
    /** A route names a port the app does not declare. */
    EXPOSURE_PORT_UNKNOWN("exposure.port-unknown"),
    /** An exposed app declares no port. */
    EXPOSURE_NO_PORT("exposure.no-port"),
    /** A route reaches a port that is not TCP. */
    EXPOSURE_PORT_NOT_TCP("exposure.port-not-tcp"),
    /** An app is exposed in an environment that declares neither a Gateway nor an ingress class. */
    EXPOSURE_NO_GATEWAY("exposure.no-gateway"),
    /** Two apps of an environment route the same host and path prefix. */
    EXPOSURE_COLLISION("exposure.collision"),
    /** A Gateway, listener, ingress class or issuer name is not a DNS-1123 subdomain. */
    EXPOSURE_NAME_INVALID("exposure.name-invalid"),
    /** An app routes more path prefixes or ports on one host than one HTTPRoute holds. */
    EXPOSURE_HOST_TOO_MANY_ROUTES("exposure.host-too-many-routes"),

    // Init containers and sidecars.
    /** An init container or sidecar name is not a DNS-1123 label. */
    CONTAINER_NAME_INVALID("container.name-invalid"),
    /** Two containers of a pod have the same name (the main container has the app's name). */
    CONTAINER_NAME_DUPLICATE("container.name-duplicate"),
    /** An init container or sidecar declares no requests and limits. */
    CONTAINER_RESOURCES_MISSING("container.resources-missing"),
    /** An init container or sidecar is given a secret the app does not declare. */
    CONTAINER_SECRET_UNKNOWN("container.secret-unknown"),
    /** An init container declares a probe (it runs to completion; Kubernetes refuses the probe). */
    INIT_CONTAINER_PROBE("init-container.probe"),
    /** An init container declares a port (it runs before the app; nothing may call it). */
    INIT_CONTAINER_PORTS("init-container.ports"),
    /** A scheduled job has a sidecar in an environment without native sidecars, where it keeps the Job from completing. */
    SIDECAR_BLOCKS_JOB_COMPLETION("sidecar.blocks-job-completion"),
    /** A worker's or scheduled job's sidecar declares a port: those kinds have no Service and no ingress. */
    SIDECAR_PORTS_NOT_SERVED("sidecar.ports-not-served"),

    /** Two teams or environments give the same Argo CD project and ApplicationSet name (found at render). */
    ARGOCD_PROJECT_NAME_COLLISION("argocd.project-name-collision"),
    /** Two apps, environments or clusters give the same Argo CD Application name (found at render). */
    ARGOCD_APPLICATION_NAME_COLLISION("argocd.application-name-collision");

    private static final Map<String, ViolationCode> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ViolationCode::code, Function.identity()));

    private final String code;

    ViolationCode(String code) {
        this.code = code;
    }

    /** The stable code, e.g. {@code resources.limit-below-request}. */
    public String code() {
        return code;
    }

    /** The constant with this code. */
    public static Optional<ViolationCode> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The code, so that it reads as itself in messages and output. */
    @Override
    public String toString() {
        return code;
    }
}
