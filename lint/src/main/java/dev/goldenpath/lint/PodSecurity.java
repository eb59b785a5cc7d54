package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.lint.KubeObject.Container;
import dev.goldenpath.lint.KubeObject.PodTemplate;
import dev.goldenpath.vocabulary.Capabilities;
import dev.goldenpath.vocabulary.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Pod Security Standards, baseline and restricted, with the semantics of the upstream pod-security-admission
 * {@code policy} package at its latest version (1.35+: user-namespace relaxation for runAsNonRoot/runAsUser, the
 * restricted procMount check, host probes; sysctls as of 1.37). Every check visits init, regular and ephemeral
 * containers, as upstream does.
 *
 * <p>Where the restricted profile upstream overrides a baseline check that covers the same field (capabilities,
 * seccomp, hostPath volumes), each problem is reported once, by the more specific rule: an added SYS_ADMIN is
 * {@code pss-capabilities-baseline}, a missing {@code drop: [ALL]} is {@code pss-capabilities-restricted}.
 */
final class PodSecurity {

    /** PSS baseline sysctls: namespaced and isolated from other pods (upstream 1.0, 1.27, 1.29, 1.32, 1.37 sets). */
    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
            "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat");

    static final List<String> SAFE_SYSCTLS_SORTED = List.copyOf(new TreeSet<>(SAFE_SYSCTLS));

    /** PSS baseline SELinux types (container_engine_t since 1.31). */
    private static final Set<String> SELINUX_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t",
            "container_engine_t");

    /** PSS restricted: the inline volume sources a pod may use. */
    private static final Set<String> RESTRICTED_VOLUME_TYPES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "image", "persistentVolumeClaim", "projected", "secret");

    private static final String APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

    private PodSecurity() {
    }

    /** Runs every PSS check on a pod-template-bearing object. */
    static void check(KubeObject object, Reporter reporter) {
        PodTemplate pod = object.pod;
        hostNamespaces(object, pod, reporter);
        privileged(object, pod, reporter);
        capabilities(object, pod, reporter);
        volumes(object, pod, reporter);
        hostPorts(object, pod, reporter);
        appArmor(object, pod, reporter);
        seLinux(object, pod, reporter);
        procMount(object, pod, reporter);
        seccomp(object, pod, reporter);
        sysctls(object, pod, reporter);
        windowsHostProcess(object, pod, reporter);
        hostProbes(object, pod, reporter);
        allowPrivilegeEscalation(object, pod, reporter);
        runAsNonRoot(object, pod, reporter);
        runAsUser(object, pod, reporter);
    }

    // PSS baseline "Host Namespaces": spec.hostNetwork, spec.hostPID, spec.hostIPC must be unset or false.
    private static void hostNamespaces(KubeObject object, PodTemplate pod, Reporter reporter) {
        for (String field : new String[] {"hostNetwork", "hostPID", "hostIPC"}) {
            if (Json.isTrue(pod.spec.get(field))) {
                reporter.report(RuleId.HOST_NAMESPACES, object, pod.at(field), "pod must not set " + field + "=true");
            }
        }
    }

    // PSS baseline "Privileged Containers": securityContext.privileged must be unset or false.
    private static void privileged(KubeObject object, PodTemplate pod, Reporter reporter) {
        for (Container container : pod.containers) {
            if (Json.isTrue(container.securityContext().get("privileged"))) {
                reporter.report(RuleId.PRIVILEGED, object, container.at("securityContext.privileged"),
                        container.display() + " must not set securityContext.privileged=true");
            }
        }
    }

    // PSS baseline "Capabilities": add only from the default set. PSS restricted: drop ALL, add only
    // NET_BIND_SERVICE (Windows pods exempt from the restricted part since 1.25).
    private static void capabilities(KubeObject object, PodTemplate pod, Reporter reporter) {
        boolean restricted = !pod.windows();
        for (Container container : pod.containers) {
            JsonNode capabilities = container.securityContext().path("capabilities");
            String path = container.at("securityContext.capabilities");
            Set<String> beyondDefault = new TreeSet<>();
            Set<String> beyondRestricted = new TreeSet<>();
            boolean droppedAll = false;
            for (JsonNode added : capabilities.path("add")) {
                String capability = added.asText();
                if (!Capabilities.PSS_BASELINE.contains(capability)) {
                    beyondDefault.add(capability);
                } else if (!Capabilities.PSS_RESTRICTED_ADDABLE.equals(capability)) {
                    beyondRestricted.add(capability);
                }
            }
            for (JsonNode dropped : capabilities.path("drop")) {
                droppedAll |= "ALL".equals(dropped.asText());
            }
            if (!beyondDefault.isEmpty()) {
                reporter.report(RuleId.CAPABILITIES_BASELINE, object, path + ".add", container.display()
                        + " must not include " + Json.quoted(beyondDefault) + " in securityContext.capabilities.add");
            }
            if (restricted && !droppedAll) {
                reporter.report(RuleId.CAPABILITIES_RESTRICTED, object, path + ".drop",
                        container.display() + " must set securityContext.capabilities.drop=[\"ALL\"]");
            }
            if (restricted && !beyondRestricted.isEmpty()) {
                reporter.report(RuleId.CAPABILITIES_RESTRICTED, object, path + ".add", container.display()
                        + " must not include " + Json.quoted(beyondRestricted) + " in securityContext.capabilities.add");
            }
        }
    }

    // PSS baseline "HostPath Volumes" and PSS restricted "Volume Types". A volume with no source is defaulted to
    // emptyDir by the API server, so it is allowed.
    private static void volumes(KubeObject object, PodTemplate pod, Reporter reporter) {
        JsonNode volumes = pod.spec.path("volumes");
        for (int i = 0; i < volumes.size(); i++) {
            JsonNode volume = volumes.get(i);
            String path = FieldPaths.index(pod.at("volumes"), i);
            String name = volume.path("name").asText("#" + i);
            if (volume.has("hostPath")) {
                String hostPath = Json.text(volume.path("hostPath").path("path"));
                reporter.report(RuleId.HOST_PATH_VOLUMES, object, path + ".hostPath", "volume " + Json.quote(name)
                        + " must not use hostPath" + (hostPath.isEmpty() ? "" : " (" + hostPath + ")"));
                continue;
            }
            for (Map.Entry<String, JsonNode> source : volume.properties()) {
                String field = source.getKey();
                if (!"name".equals(field) && !RESTRICTED_VOLUME_TYPES.contains(field)) {
                    reporter.report(RuleId.RESTRICTED_VOLUMES, object, path + "." + field, "volume "
                            + Json.quote(name) + " must not use volume type " + Json.quote(field));
                }
            }
        }
    }

    // PSS baseline "Host Ports": ports[*].hostPort must be unset or 0.
    private static void hostPorts(KubeObject object, PodTemplate pod, Reporter reporter) {
        for (Container container : pod.containers) {
            JsonNode ports = container.node().path("ports");
            for (int i = 0; i < ports.size(); i++) {
                JsonNode hostPort = ports.get(i).get("hostPort");
                if (hostPort != null && hostPort.asInt(0) != 0) {
                    reporter.report(RuleId.HOST_PORTS, object, FieldPaths.index(container.at("ports"), i) + ".hostPort",
                            container.display() + " must not use hostPort " + hostPort.asText());
                }
            }
        }
    }

    // PSS baseline "AppArmor": appArmorProfile.type RuntimeDefault or Localhost (or unset) on pod and containers;
    // the legacy annotations may only say runtime/default or localhost/*.
    private static void appArmor(KubeObject object, PodTemplate pod, Reporter reporter) {
        checkAppArmorType(object, pod.securityContext(), pod.at("securityContext.appArmorProfile.type"), "pod",
                reporter);
        for (Container container : pod.containers) {
            checkAppArmorType(object, container.securityContext(),
                    container.at("securityContext.appArmorProfile.type"), container.display(), reporter);
        }
        JsonNode annotations = pod.metadata.path("annotations");
        String annotationsPath = templateMetadataPath(object) + ".annotations";
        for (Map.Entry<String, JsonNode> annotation : annotations.properties()) {
            String key = annotation.getKey();
            if (key.startsWith(APPARMOR_ANNOTATION_PREFIX)) {
                String value = Json.text(annotation.getValue());
                if (!value.isEmpty() && !"runtime/default".equals(value) && !value.startsWith("localhost/")) {
                    reporter.report(RuleId.APP_ARMOR, object, FieldPaths.child(annotationsPath, key),
                            "annotation " + key + " must not set AppArmor profile " + Json.quote(value));
                }
            }
        }
    }

    private static void checkAppArmorType(KubeObject object, JsonNode securityContext, String path, String setter,
                                          Reporter reporter) {
        JsonNode profile = securityContext.get("appArmorProfile");
        if (profile == null || profile.isNull()) {
            return;
        }
        String type = Json.text(profile.path("type"));
        if (!"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
            reporter.report(RuleId.APP_ARMOR, object, path,
                    setter + " must not set AppArmor profile type to " + Json.quote(type));
        }
    }

    // PSS baseline "SELinux": type from the allowed set, user and role unset, on pod and containers.
    private static void seLinux(KubeObject object, PodTemplate pod, Reporter reporter) {
        checkSeLinux(object, pod.securityContext(), pod.at("securityContext.seLinuxOptions"), "pod", reporter);
        for (Container container : pod.containers) {
            checkSeLinux(object, container.securityContext(), container.at("securityContext.seLinuxOptions"),
                    container.display(), reporter);
        }
    }

    private static void checkSeLinux(KubeObject object, JsonNode securityContext, String path, String setter,
                                     Reporter reporter) {
        JsonNode options = securityContext.get("seLinuxOptions");
        if (options == null || !options.isObject()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        String type = Json.text(options.path("type"));
        if (!SELINUX_TYPES.contains(type)) {
            problems.add("type " + Json.quote(type));
        }
        if (!Json.text(options.path("user")).isEmpty()) {
            problems.add("user may not be set");
        }
        if (!Json.text(options.path("role")).isEmpty()) {
            problems.add("role may not be set");
        }
        if (!problems.isEmpty()) {
            reporter.report(RuleId.SE_LINUX, object, path,
                    setter + " set forbidden securityContext.seLinuxOptions: " + String.join("; ", problems));
        }
    }

    // PSS baseline and restricted "/proc Mount Type": unset or Default. The restricted profile (1.35+) applies it
    // to user-namespace pods too, and this linter checks the restricted profile.
    private static void procMount(KubeObject object, PodTemplate pod, Reporter reporter) {
        for (Container container : pod.containers) {
            String procMount = Json.text(container.securityContext().path("procMount"));
            if (!procMount.isEmpty() && !"Default".equals(procMount)) {
                reporter.report(RuleId.PROC_MOUNT, object, container.at("securityContext.procMount"),
                        container.display() + " must not set securityContext.procMount to " + Json.quote(procMount));
            }
        }
    }

    // PSS baseline "Seccomp": an explicit type must be RuntimeDefault or Localhost. PSS restricted: the type must
    // be set, on the pod or on every container (Windows pods exempt since 1.25).
    private static void seccomp(KubeObject object, PodTemplate pod, Reporter reporter) {
        boolean podSet = false;
        JsonNode podProfile = pod.securityContext().get("seccompProfile");
        if (podProfile != null && !podProfile.isNull()) {
            String type = Json.text(podProfile.path("type"));
            if (validSeccomp(type)) {
                podSet = true;
            } else {
                reporter.report(RuleId.SECCOMP_BASELINE, object, pod.at("securityContext.seccompProfile.type"),
                        "pod must not set securityContext.seccompProfile.type to " + Json.quote(type));
            }
        }
        boolean restricted = !pod.windows();
        for (Container container : pod.containers) {
            JsonNode profile = container.securityContext().get("seccompProfile");
            if (profile != null && !profile.isNull()) {
                String type = Json.text(profile.path("type"));
                if (!validSeccomp(type)) {
                    reporter.report(RuleId.SECCOMP_BASELINE, object, container.at("securityContext.seccompProfile.type"),
                            container.display() + " must not set securityContext.seccompProfile.type to "
                                    + Json.quote(type));
                }
            } else if (restricted && !podSet) {
                reporter.report(RuleId.SECCOMP_RESTRICTED, object, container.at("securityContext.seccompProfile"),
                        "pod or " + container.display()
                                + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"");
            }
        }
    }

    private static boolean validSeccomp(String type) {
        return "RuntimeDefault".equals(type) || "Localhost".equals(type);
    }

    // PSS baseline "Sysctls": only the safe, namespaced set.
    private static void sysctls(KubeObject object, PodTemplate pod, Reporter reporter) {
        JsonNode sysctls = pod.securityContext().path("sysctls");
        for (int i = 0; i < sysctls.size(); i++) {
            String name = Json.text(sysctls.get(i).path("name"));
            if (!SAFE_SYSCTLS.contains(name)) {
                reporter.report(RuleId.SYSCTLS, object,
                        FieldPaths.index(pod.at("securityContext.sysctls"), i) + ".name",
                        "pod must not set sysctl " + Json.quote(name));
            }
        }
    }

    // PSS baseline "HostProcess": windowsOptions.hostProcess unset or false on pod and containers.
    private static void windowsHostProcess(KubeObject object, PodTemplate pod, Reporter reporter) {
        if (Json.isTrue(pod.securityContext().path("windowsOptions").get("hostProcess"))) {
            reporter.report(RuleId.WINDOWS_HOST_PROCESS, object, pod.at("securityContext.windowsOptions.hostProcess"),
                    "pod must not set securityContext.windowsOptions.hostProcess=true");
        }
        for (Container container : pod.containers) {
            if (Json.isTrue(container.securityContext().path("windowsOptions").get("hostProcess"))) {
                reporter.report(RuleId.WINDOWS_HOST_PROCESS, object,
                        container.at("securityContext.windowsOptions.hostProcess"),
                        container.display() + " must not set securityContext.windowsOptions.hostProcess=true");
            }
        }
    }

    // PSS baseline "Probes / Lifecycle Hooks" (1.34+): httpGet.host and tcpSocket.host must be unset.
    private static void hostProbes(KubeObject object, PodTemplate pod, Reporter reporter) {
        for (Container container : pod.containers) {
            for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
                checkHandlerHost(object, container, probe, container.node().path(probe), reporter);
            }
            JsonNode lifecycle = container.node().path("lifecycle");
            for (String hook : new String[] {"postStart", "preStop"}) {
                checkHandlerHost(object, container, "lifecycle." + hook, lifecycle.path(hook), reporter);
            }
        }
    }

    private static void checkHandlerHost(KubeObject object, Container container, String field, JsonNode handler,
                                         Reporter reporter) {
        for (String action : new String[] {"httpGet", "tcpSocket"}) {
            String host = Json.text(handler.path(action).path("host"));
            if (!host.isEmpty()) {
                String relative = field + "." + action + ".host";
                reporter.report(RuleId.HOST_PROBES, object, container.at(relative),
                        container.display() + " must not set " + relative + " (" + Json.quote(host) + ")");
            }
        }
    }

    // PSS restricted "Privilege Escalation": allowPrivilegeEscalation must be false (Windows pods exempt).
    private static void allowPrivilegeEscalation(KubeObject object, PodTemplate pod, Reporter reporter) {
        if (pod.windows()) {
            return;
        }
        for (Container container : pod.containers) {
            if (!Json.isFalse(container.securityContext().get("allowPrivilegeEscalation"))) {
                reporter.report(RuleId.ALLOW_PRIVILEGE_ESCALATION, object,
                        container.at("securityContext.allowPrivilegeEscalation"),
                        container.display() + " must set securityContext.allowPrivilegeEscalation=false");
            }
        }
    }

    // PSS restricted "Running as Non-root": runAsNonRoot true on the pod (containers may leave it unset) or on
    // every container; false anywhere is forbidden. Relaxed for user-namespace pods (hostUsers: false, 1.35+).
    private static void runAsNonRoot(KubeObject object, PodTemplate pod, Reporter reporter) {
        if (pod.userNamespace()) {
            return;
        }
        JsonNode podValue = pod.securityContext().get("runAsNonRoot");
        boolean podNonRoot = Json.isTrue(podValue);
        if (podValue != null && !podValue.isNull() && !podNonRoot) {
            reporter.report(RuleId.RUN_AS_NON_ROOT, object, pod.at("securityContext.runAsNonRoot"),
                    "pod must not set securityContext.runAsNonRoot=false");
        }
        for (Container container : pod.containers) {
            JsonNode value = container.securityContext().get("runAsNonRoot");
            if (value != null && !value.isNull()) {
                if (!Json.isTrue(value)) {
                    reporter.report(RuleId.RUN_AS_NON_ROOT, object, container.at("securityContext.runAsNonRoot"),
                            container.display() + " must not set securityContext.runAsNonRoot=false");
                }
            } else if (!podNonRoot) {
                reporter.report(RuleId.RUN_AS_NON_ROOT, object, container.at("securityContext.runAsNonRoot"),
                        "pod or " + container.display() + " must set securityContext.runAsNonRoot=true");
            }
        }
    }

    // PSS restricted "Running as Non-root user": runAsUser must not be 0 (relaxed for user-namespace pods).
    private static void runAsUser(KubeObject object, PodTemplate pod, Reporter reporter) {
        if (pod.userNamespace()) {
            return;
        }
        JsonNode podUser = pod.securityContext().get("runAsUser");
        if (isZero(podUser)) {
            reporter.report(RuleId.RUN_AS_USER, object, pod.at("securityContext.runAsUser"),
                    "pod must not set runAsUser=0");
        }
        for (Container container : pod.containers) {
            if (isZero(container.securityContext().get("runAsUser"))) {
                reporter.report(RuleId.RUN_AS_USER, object, container.at("securityContext.runAsUser"),
                        container.display() + " must not set runAsUser=0");
            }
        }
    }

    private static boolean isZero(JsonNode node) {
        return node != null && (node.isNumber() ? node.asLong() == 0 : node.isTextual() && "0".equals(node.textValue()));
    }


    /** The path of the metadata block holding the pod's annotations. */
    static String templateMetadataPath(KubeObject object) {
        String specPath = object.pod.specPath;
        return specPath.substring(0, specPath.length() - "spec".length()) + "metadata";
    }
}
