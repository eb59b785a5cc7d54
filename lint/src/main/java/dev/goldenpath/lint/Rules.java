package dev.goldenpath.lint;

import static dev.goldenpath.lint.Severity.ERROR;
import static dev.goldenpath.lint.Severity.WARNING;
import static dev.goldenpath.vocabulary.RuleId.*;

import dev.goldenpath.vocabulary.RuleId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of every rule, in documentation order. Rule ids are a contract: the DSL's declared
 * exceptions and the {@code weakening.goldenpath.dev/<rule-id>} annotation reference them.
 *
 * <pre>{@code
 * Rules.all().forEach(rule -> System.out.println(rule.id() + "  " + rule.title()));
 * }</pre>
 */
public final class Rules {

    private static final String PSS = "Kubernetes Pod Security Standards";
    private static final String PSS_BASELINE = PSS + ", baseline profile: ";
    private static final String PSS_RESTRICTED = PSS + ", restricted profile: ";
    private static final String NSA = "NSA/CISA Kubernetes Hardening Guide v1.2";
    private static final String CIS = "CIS Kubernetes Benchmark v1.9";


    private static final Map<String, Rule> RULES = catalogue();

    private Rules() {
    }

    /** Every rule, in documentation order. */
    public static List<Rule> all() {
        return List.copyOf(RULES.values());
    }

    /** The rule with this id. */
    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(RULES.get(id));
    }

    /** The catalogue's entry for this rule id; every lint rule id has one (RulesCatalogueTest). */
    static Rule get(RuleId id) {
        Rule rule = RULES.get(id.id());
        if (rule == null) {
            throw new IllegalArgumentException("unknown rule id '" + id + "'");
        }
        return rule;
    }

    /** The ids of every rule, in documentation order. */
    public static List<String> ids() {
        return List.copyOf(RULES.keySet());
    }

    private static Map<String, Rule> catalogue() {
        List<Rule> rules = new ArrayList<>();
        // --- Pod Security Standards: baseline -------------------------------------------------------
        rules.add(rule(HOST_NAMESPACES, ERROR, "Pods must not share the host's network, PID or IPC namespace",
                "Sharing host namespaces lets a container see and signal host processes, sniff host traffic and "
                        + "reach services bound to the node's loopback.",
                PSS_BASELINE + "Host Namespaces (hostNetwork, hostPID, hostIPC)",
                "Remove spec.hostNetwork, spec.hostPID and spec.hostIPC, or set them to false."));
        rules.add(rule(PRIVILEGED, ERROR, "Containers must not run privileged",
                "A privileged container has every capability and all host devices: it is root on the node.",
                PSS_BASELINE + "Privileged Containers",
                "Remove securityContext.privileged or set it to false."));
        rules.add(rule(CAPABILITIES_BASELINE, ERROR, "Containers may only add capabilities from the default set",
                "Capabilities beyond the container runtime's default set (NET_RAW excluded) such as SYS_ADMIN or "
                        + "NET_ADMIN give kernel-level powers that break container isolation.",
                PSS_BASELINE + "Capabilities (allowed: AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, "
                        + "NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT)",
                "Remove the capability from securityContext.capabilities.add."));
        rules.add(rule(HOST_PATH_VOLUMES, ERROR, "Pods must not mount hostPath volumes",
                "A hostPath volume exposes the node's file system: container runtime sockets, kubelet credentials "
                        + "and other pods' data.",
                PSS_BASELINE + "HostPath Volumes; " + NSA + ", Pod security",
                "Use an emptyDir, a PersistentVolumeClaim, a ConfigMap or a Secret volume instead."));
        rules.add(rule(HOST_PORTS, ERROR, "Containers must not use host ports",
                "A host port binds the node's network interface, bypasses NetworkPolicies and pins the pod to nodes.",
                PSS_BASELINE + "Host Ports",
                "Remove ports[].hostPort (or set it to 0) and expose the port through a Service."));
        rules.add(rule(APP_ARMOR, ERROR, "AppArmor must not be disabled or overridden",
                "The runtime's default AppArmor profile confines the container; 'Unconfined' removes that confinement.",
                PSS_BASELINE + "AppArmor (allowed: RuntimeDefault, Localhost; annotations runtime/default, localhost/*)",
                "Remove the appArmorProfile or set its type to RuntimeDefault (or Localhost with a profile)."));
        rules.add(rule(SE_LINUX, ERROR, "SELinux options must not set a custom user, role or type",
                "A custom SELinux user, role or type can grant the container an unconfined domain.",
                PSS_BASELINE + "SELinux (type: container_t, container_init_t, container_kvm_t, container_engine_t; "
                        + "user and role unset)",
                "Remove seLinuxOptions.user and .role and use an allowed seLinuxOptions.type (or none)."));
        rules.add(rule(PROC_MOUNT, ERROR, "Containers must keep the default /proc mount",
                "An Unmasked /proc exposes kernel interfaces that the default masks hide. With the restricted "
                        + "profile this applies to user-namespace pods too.",
                PSS_BASELINE + "/proc Mount Type; " + PSS_RESTRICTED + "/proc Mount Type",
                "Remove securityContext.procMount or set it to Default."));
        rules.add(rule(SECCOMP_BASELINE, ERROR, "Seccomp must not be set to Unconfined",
                "Without a seccomp filter every system call is reachable, including those used in container escapes.",
                PSS_BASELINE + "Seccomp (allowed: RuntimeDefault, Localhost)",
                "Set seccompProfile.type to RuntimeDefault (or Localhost with a profile)."));
        rules.add(rule(SYSCTLS, ERROR, "Pods may only set namespaced, safe sysctls",
                "Sysctls outside the safe set can disable security mechanisms or affect every pod on the node.",
                PSS_BASELINE + "Sysctls (allowed: " + String.join(", ", PodSecurity.SAFE_SYSCTLS_SORTED) + ")",
                "Remove the sysctl from spec.securityContext.sysctls."));
        rules.add(rule(WINDOWS_HOST_PROCESS, ERROR, "Windows pods must not run as HostProcess",
                "A Windows HostProcess container runs directly on the host with host-level access.",
                PSS_BASELINE + "HostProcess",
                "Remove windowsOptions.hostProcess or set it to false."));
        rules.add(rule(HOST_PROBES, ERROR, "Probes and lifecycle handlers must not target another host",
                "A probe or lifecycle handler with a host field makes the kubelet connect to an arbitrary address "
                        + "from the node's network (server-side request forgery).",
                PSS_BASELINE + "Probes / Lifecycle Hooks (host field unset)",
                "Remove httpGet.host / tcpSocket.host: the kubelet then targets the pod's own IP."));
        // --- Pod Security Standards: restricted -----------------------------------------------------
        rules.add(rule(RESTRICTED_VOLUMES, ERROR, "Pods may only use restricted volume types",
                "Network and host-backed volume types (nfs, iscsi, gitRepo, ...) reach outside the pod's sandbox.",
                PSS_RESTRICTED + "Volume Types (allowed: configMap, csi, downwardAPI, emptyDir, ephemeral, image, "
                        + "persistentVolumeClaim, projected, secret)",
                "Use a PersistentVolumeClaim (or another allowed type) instead of the inline volume source."));
        rules.add(rule(ALLOW_PRIVILEGE_ESCALATION, ERROR, "Containers must set allowPrivilegeEscalation=false",
                "Without it a process can gain more privileges than its parent through set-user-ID binaries.",
                PSS_RESTRICTED + "Privilege Escalation; " + NSA + ", Pod security",
                "Set securityContext.allowPrivilegeEscalation: false on every container."));
        rules.add(rule(RUN_AS_NON_ROOT, ERROR, "Containers must run as non-root",
                "Root in a container is root on the node after any escape; runAsNonRoot makes the kubelet refuse to "
                        + "start a container whose user is 0.",
                PSS_RESTRICTED + "Running as Non-root; " + NSA + ", Pod security",
                "Set spec.securityContext.runAsNonRoot: true (and do not override it with false on a container)."));
        rules.add(rule(RUN_AS_USER, ERROR, "Containers must not set runAsUser=0",
                "User id 0 is root.",
                PSS_RESTRICTED + "Running as Non-root user",
                "Set runAsUser to a non-zero user id, or remove it and use an image with a non-root USER."));
        rules.add(rule(SECCOMP_RESTRICTED, ERROR, "Pods must set a seccomp profile",
                "The restricted profile requires an explicit RuntimeDefault or Localhost seccomp profile for every "
                        + "container.",
                PSS_RESTRICTED + "Seccomp",
                "Set spec.securityContext.seccompProfile.type: RuntimeDefault."));
        rules.add(rule(CAPABILITIES_RESTRICTED, ERROR, "Containers must drop ALL capabilities and add only NET_BIND_SERVICE",
                "Dropping every capability removes the kernel privileges a compromised process could abuse.",
                PSS_RESTRICTED + "Capabilities",
                "Set securityContext.capabilities.drop: [ALL]; add at most NET_BIND_SERVICE."));
        // --- Workload hardening ----------------------------------------------------------------------
        rules.add(rule(READ_ONLY_ROOT_FILESYSTEM, ERROR, "Containers must use a read-only root file system",
                "An immutable file system stops an attacker from dropping tools or changing binaries and config.",
                NSA + ", Pod security: use immutable container file systems",
                "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the app writes."));
        rules.add(rule(RESOURCES, ERROR, "Containers must set CPU and memory requests and limits",
                "Without requests the scheduler overcommits nodes; without limits one container can starve its "
                        + "neighbours (denial of service).",
                NSA + ", Pod security / Resource policies",
                "Set resources.requests.cpu, resources.requests.memory, resources.limits.cpu and "
                        + "resources.limits.memory."));
        rules.add(rule(PROBES, WARNING, "Long-running containers should have liveness and readiness probes",
                "Without a readiness probe traffic reaches pods that cannot serve; without a liveness probe hung "
                        + "processes are never restarted.",
                "Kubernetes production best practice; " + NSA + ", Pod security (availability)",
                "Add livenessProbe and readinessProbe to every container of Deployments, StatefulSets, DaemonSets "
                        + "and pods."));
        rules.add(rule(IMAGE_TAG, ERROR, "Images must name a version: no 'latest', no missing tag",
                "A moving tag makes deployments unreproducible and lets an image change without review.",
                NSA + ", Threat detection / supply chain; Kubernetes configuration best practices",
                "Use an immutable version tag (registry.example.com/app:1.4.2) or a digest."));
        rules.add(new Rule(IMAGE_DIGEST.id(), ERROR, "Images must be pinned by digest",
                "A tag can be moved to other content; a digest names exactly one image.",
                NSA + ", supply chain; SLSA",
                "Reference the image as name@sha256:<digest> (a tag may stay in front: name:1.4.2@sha256:...).",
                false));
        rules.add(rule(AUTOMOUNT_SERVICE_ACCOUNT_TOKEN, ERROR,
                "Pods must not mount a service account token they do not need",
                "A mounted token lets anyone who compromises the container call the Kubernetes API as that "
                        + "service account.",
                CIS + " 5.1.6 Ensure that Service Account Tokens are only mounted where necessary; " + NSA
                        + ", Pod security",
                "Set spec.automountServiceAccountToken: false on the pod (or on its ServiceAccount); a pod whose "
                        + "service account is bound to a Role in the same input is considered to need its token."));
        // --- Network ---------------------------------------------------------------------------------
        rules.add(rule(NAMESPACE_DEFAULT_DENY, ERROR, "Namespaces must have a default-deny NetworkPolicy for ingress and egress",
                "Without a default deny every pod accepts connections from, and can connect to, any pod in the "
                        + "cluster: one compromised pod reaches everything.",
                NSA + ", Network separation and hardening; " + CIS + " 5.3.2",
                "Add a NetworkPolicy with podSelector: {} and policyTypes: [Ingress, Egress] and no allow-all rule."));
        rules.add(rule(NETWORK_POLICY_COVERAGE, ERROR, "Every workload must be selected by a NetworkPolicy",
                "A pod that no NetworkPolicy selects is not isolated: all traffic to and from it is allowed.",
                NSA + ", Network separation and hardening; " + CIS + " 5.3.2",
                "Add a NetworkPolicy whose podSelector matches the pod template's labels, or a default deny."));
        rules.add(rule(SERVICE_TYPE, ERROR, "Services must not be NodePort or LoadBalancer",
                "NodePort opens the port on every node; LoadBalancer exposes the service outside the cluster, "
                        + "bypassing the ingress layer.",
                NSA + ", Network separation and hardening",
                "Use type ClusterIP behind the platform's ingress, or declare the exposure as a weakening."));
        // --- RBAC ------------------------------------------------------------------------------------
        rules.add(rule(RBAC_WILDCARD, ERROR, "Roles must not use wildcards",
                "'*' in verbs, resources or apiGroups grants every present and future permission, including ones "
                        + "added by later API versions and CRDs.",
                CIS + " 5.1.3 Minimize wildcard use in Roles and ClusterRoles; " + NSA + ", Authentication and "
                        + "authorization",
                "List the exact apiGroups, resources and verbs the workload needs."));
        rules.add(rule(RBAC_ESCALATION_VERBS, ERROR, "Roles must not grant escalate, bind or impersonate",
                "These verbs let a subject grant itself permissions it does not hold or act as another user.",
                CIS + " 5.1.8 Limit use of the Bind, Impersonate and Escalate permissions",
                "Remove the escalate, bind and impersonate verbs."));
        rules.add(rule(RBAC_SECRETS_ACCESS, ERROR, "Roles must not grant access to Secrets",
                "Reading Secrets exposes every credential in the namespace (or cluster), including service account "
                        + "tokens of more privileged workloads.",
                CIS + " 5.1.2 Minimize access to secrets",
                "Mount the specific Secret as a volume instead of granting API access, or declare the access "
                        + "with a reason."));
        rules.add(rule(RBAC_CLUSTER_ADMIN_BINDING, ERROR, "Nothing may be bound to cluster-admin",
                "cluster-admin is unrestricted control of the cluster.",
                CIS + " 5.1.1 Ensure that the cluster-admin role is only used where required",
                "Bind a Role with the specific permissions needed instead."));
        rules.add(rule(RBAC_SENSITIVE_SUBRESOURCES, ERROR,
                "Roles must not grant pods/exec, pods/attach, nodes/proxy or serviceaccounts/token create",
                "These subresources run commands in other pods, reach the kubelet API or mint tokens for other "
                        + "service accounts: each is a privilege escalation path.",
                CIS + " 5.1.4 Minimize access to create pods, 5.1.10 Minimize access to the proxy sub-resource of "
                        + "nodes, 5.1.13 Minimize access to the service account token creation",
                "Remove the subresource from the rule."));
        rules.add(rule(RBAC_CLUSTER_ROLE, WARNING, "Service accounts should get namespaced permissions",
                "A ClusterRoleBinding grants its permissions in every namespace; an application needs them in its "
                        + "own namespace only.",
                CIS + " 5.1 RBAC and Service Accounts (least privilege); " + NSA + ", Authentication and "
                        + "authorization",
                "Use a RoleBinding (it may reference a ClusterRole) in the workload's namespace."));
        // --- Objects and namespaces ------------------------------------------------------------------
        rules.add(rule(PLAINTEXT_SECRET, ERROR, "Secrets must not be committed in plain text",
                "Base64 is an encoding, not encryption: anyone who can read the repository reads the secret.",
                NSA + ", Secrets; " + CIS + " 5.4 Secrets Management",
                "Commit a SealedSecret or an ExternalSecret (or encrypt with SOPS) instead of a Secret with data."));
        rules.add(rule(PLAINTEXT_ENV_SECRET, ERROR, "Containers must not set secrets as literal env values",
                "A literal env value is written into the manifest, the git history, the API server's copy of the "
                        + "object and every 'kubectl get -o yaml': whoever can read any of them reads the secret.",
                NSA + ", Secrets; " + CIS + " 5.4.1 Prefer using Secrets as files over Secrets as environment "
                        + "variables; OWASP Kubernetes Top 10 K08 Secrets Management",
                "Put the value in a SealedSecret or an ExternalSecret and reference it with "
                        + "env[].valueFrom.secretKeyRef."));
        rules.add(rule(REQUIRED_LABELS, WARNING, "Workloads must carry the required labels",
                "Owner, environment and app labels route alerts, attribute cost and let policies select workloads.",
                "goldenpath platform convention",
                "Add the missing labels to metadata.labels."));
        rules.add(rule(NAMESPACE_POD_SECURITY, ERROR, "Namespaces must enforce Pod Security Standards restricted",
                "The pod-security.kubernetes.io/enforce label makes the API server reject pods that weaken the "
                        + "restricted profile, whatever created them.",
                PSS + ", Pod Security Admission; " + CIS + " 5.2.1 Ensure that the cluster has at least one active "
                        + "policy control mechanism in place",
                "Label the Namespace pod-security.kubernetes.io/enforce: restricted."));
        // --- The input itself ------------------------------------------------------------------------
        rules.add(rule(WEAKENING_ANNOTATION, ERROR, "Weakening annotations must name a known rule and give a reason",
                "A weakening is an audited decision: without a reason nobody can review it later.",
                "goldenpath platform convention",
                "Write weakening.goldenpath.dev/<rule-id>: <why this object needs the weakening>."));
        rules.add(rule(YAML_SYNTAX, ERROR, "Documents must be valid YAML",
                "A document that does not parse cannot be checked, and the API server would reject it.",
                "YAML 1.1 / Kubernetes API",
                "Fix the syntax error at the reported line."));
        rules.add(rule(OBJECT_SHAPE, ERROR, "Kubernetes objects must have apiVersion, kind and metadata.name",
                "A document that has an apiVersion or a kind but lacks the rest is an object the API server "
                        + "rejects. (YAML with neither, such as Helm values, is not linted and is listed in a note.)",
                "Kubernetes API conventions",
                "Give the document apiVersion, kind and metadata.name, or remove it."));
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (byId.put(rule.id(), rule) != null) {
                throw new IllegalStateException("duplicate rule id " + rule.id());
            }
        }
        return Collections.unmodifiableMap(byId);
    }

    private static Rule rule(RuleId id, Severity severity, String title, String rationale, String source, String fix) {
        return new Rule(id.id(), severity, title, rationale, source, fix, true);
    }
}
