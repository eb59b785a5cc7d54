package dev.goldenpath.generators.workload;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.metadata.Models;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Every pod and container security default, defined once, for the apps' workloads and the cluster baseline's
 * (Trivy, Falco) alike, and read by the baseline's Kyverno mutation. Each line names the rule it implements; an app
 * changes one only through a declared {@link Weakening}, a baseline component only with its reason in its namespace.
 */
public final class SecureDefaults {

    /** PSS restricted "Seccomp": RuntimeDefault or Localhost; RuntimeDefault blocks rarely used syscalls. */
    public static final String SECCOMP_PROFILE = "RuntimeDefault";
    /** PSS restricted "Capabilities": every container drops ALL and adds back at most NET_BIND_SERVICE. */
    public static final String DROP_CAPABILITIES = "ALL";
    /** Volumes change ownership only when the volume root does not already match: faster pod starts. */
    private static final String FS_GROUP_CHANGE_POLICY = "OnRootMismatch";

    private SecureDefaults() {
    }

    /** The pod-level security context of an app. */
    public static PodSecurityContext pod(App app) {
        // Root only when the app asks for uid 0 (which needs RUN_AS_ROOT): declaring the weakening alone changes nothing.
        long user = app.container().runAsUser().orElse(App.DEFAULT_USER);
        long group = app.container().runAsGroup().orElse(user);
        return pod(user, group, app.fsGroup().orElse(group));
    }

    /**
     * The pod-level security context of a workload running as this user and group, its volumes owned by
     * {@code fsGroup}. A user 0 turns off only the non-root rule, which takes a declared weakening.
     */
    public static PodSecurityContext pod(long user, long group, long fsGroup) {
        PodSecurityContext context = new PodSecurityContext();
        // PSS restricted "Running as Non-root": runAsNonRoot must be true.
        context.setRunAsNonRoot(user != 0);
        // PSS restricted "Running as Non-root user": runAsUser must not be 0.
        context.setRunAsUser(user);
        // NSA/CISA hardening guide: run with a non-root group as well.
        context.setRunAsGroup(group);
        // Volumes are owned by a non-root group the workload belongs to, so they are writable without root.
        context.setFsGroup(fsGroup);
        context.setFsGroupChangePolicy(FS_GROUP_CHANGE_POLICY);
        context.setSeccompProfile(seccomp());
        return context;
    }

    /**
     * The pod-level security context of a baseline agent that must run as root (Falco reads the host's process
     * table): non-root is off, and its namespace enforces {@code privileged} with the reason annotated; the runtime's
     * seccomp default still applies (PSS restricted "Seccomp"), the capabilities are what open the kernel to it.
     */
    public static PodSecurityContext rootAgentPod() {
        PodSecurityContext context = new PodSecurityContext();
        context.setRunAsUser(0L);
        context.setRunAsNonRoot(false);
        context.setSeccompProfile(seccomp());
        return context;
    }

    /** The container-level security context of an app. */
    public static SecurityContext container(App app) {
        List<String> added = new ArrayList<>(app.container().addedCapabilities());
        added.sort(null);
        return container(added, app.weakens(Weakening.PRIVILEGE_ESCALATION),
                !app.weakens(Weakening.WRITABLE_ROOT_FILESYSTEM), !runsAsRoot(app));
    }

    /**
     * The security context of an init container or sidecar: every restriction on, the capabilities it adds itself (its
     * app's ADDED_CAPABILITIES weakening allowed them), and its own uid and gid stated on the container (default
     * {@value App#DEFAULT_USER}) so that it never inherits the main container's identity. The app's switch weakenings
     * (PRIVILEGE_ESCALATION, WRITABLE_ROOT_FILESYSTEM) stay with the main container: least privilege.
     */
    public static SecurityContext companion(dev.goldenpath.dsl.Container container) {
        long user = container.runAsUser().orElse(App.DEFAULT_USER);
        long group = container.runAsGroup().orElse(user);
        List<String> added = new ArrayList<>(container.addedCapabilities());
        added.sort(null);
        SecurityContext context = container(added, false, true, user != 0);
        // PSS restricted "Running as Non-root user": a per-container runAsUser must not be 0 (RUN_AS_ROOT allows it).
        context.setRunAsUser(user);
        context.setRunAsGroup(group);
        return context;
    }

    /**
     * The container-level security context: every restriction on, apart from the capabilities added back, privilege
     * escalation and a writable root filesystem where a weakening allows them.
     *
     * @param added          capabilities added back after dropping ALL, sorted
     * @param escalation     whether privilege escalation stays allowed (a declared weakening)
     * @param readOnlyRoot   whether the root filesystem is read-only
     * @param runAsNonRoot   repeated from the pod (null: not repeated, for an agent that runs as root)
     */
    public static SecurityContext container(List<String> added, boolean escalation, boolean readOnlyRoot,
                                            Boolean runAsNonRoot) {
        // Made directly, as the builders made it (issue 18: fabric8's builders copy every nested object twice).
        SecurityContext context = new SecurityContext();
        // PSS restricted "Privilege Escalation": allowPrivilegeEscalation must be false.
        context.setAllowPrivilegeEscalation(escalation);
        // PSS baseline "Privileged Containers": never privileged.
        context.setPrivileged(false);
        // NSA/CISA hardening guide "immutable container file systems": read-only root filesystem;
        // writable paths are emptyDir mounts.
        context.setReadOnlyRootFilesystem(readOnlyRoot);
        // Repeated per container so that a container added by a mutating webhook cannot slip through.
        context.setRunAsNonRoot(runAsNonRoot);
        // PSS restricted "Capabilities": drop ALL, add back at most NET_BIND_SERVICE (others need a weakening).
        context.setCapabilities(new Capabilities(Models.list(added), Models.list(DROP_CAPABILITIES)));
        return context;
    }

    /** The restricted container context with nothing weakened: what a baseline job such as Trivy's runs with. */
    public static SecurityContext restrictedContainer() {
        return container(List.of(), false, true, true);
    }

    /** Whether the app runs as uid 0: only when it says so with {@code runAsUser(0)}. */
    static boolean runsAsRoot(App app) {
        return app.container().runAsUser().isPresent() && app.container().runAsUser().getAsLong() == 0;
    }

    // PSS restricted "Seccomp".
    private static SeccompProfile seccomp() {
        SeccompProfile profile = new SeccompProfile();
        profile.setType(SECCOMP_PROFILE);
        return profile;
    }
}
