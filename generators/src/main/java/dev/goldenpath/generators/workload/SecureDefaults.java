package dev.goldenpath.generators.workload;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Weakening;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SeccompProfileBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Every pod and container security default, defined once. Each line names the rule it implements; an app
 * changes one only through a declared {@link Weakening}.
 */
public final class SecureDefaults {

    private SecureDefaults() {
    }

    /** The pod-level security context. */
    public static PodSecurityContext pod(App app) {
        // Root only when the app asks for uid 0 (which needs RUN_AS_ROOT): declaring the weakening alone changes nothing.
        boolean root = runsAsRoot(app);
        long user = app.container().runAsUser().orElse(App.DEFAULT_USER);
        long group = app.container().runAsGroup().orElse(user);
        return new PodSecurityContextBuilder()
                // PSS restricted "Running as Non-root": runAsNonRoot must be true.
                .withRunAsNonRoot(!root)
                // PSS restricted "Running as Non-root user": runAsUser must not be 0.
                .withRunAsUser(user)
                // NSA/CISA hardening guide: run with a non-root group as well.
                .withRunAsGroup(group)
                // Volumes are owned by a non-root group the app belongs to, so they are writable without root.
                .withFsGroup(app.fsGroup().orElse(group))
                // Only change ownership when the volume root does not already match: faster pod starts.
                .withFsGroupChangePolicy("OnRootMismatch")
                // PSS restricted "Seccomp": RuntimeDefault or Localhost; RuntimeDefault blocks rarely used syscalls.
                .withSeccompProfile(new SeccompProfileBuilder().withType("RuntimeDefault").build())
                .build();
    }

    /** The container-level security context. */
    public static SecurityContext container(App app) {
        boolean root = runsAsRoot(app);
        List<String> added = new ArrayList<>(app.container().addedCapabilities());
        added.sort(null);
        return new SecurityContextBuilder()
                // PSS restricted "Privilege Escalation": allowPrivilegeEscalation must be false.
                .withAllowPrivilegeEscalation(app.weakens(Weakening.PRIVILEGE_ESCALATION))
                // PSS baseline "Privileged Containers": never privileged.
                .withPrivileged(false)
                // NSA/CISA hardening guide "immutable container file systems": read-only root filesystem;
                // writable paths are emptyDir mounts.
                .withReadOnlyRootFilesystem(!app.weakens(Weakening.WRITABLE_ROOT_FILESYSTEM))
                // Repeated per container so that a container added by a mutating webhook cannot slip through.
                .withRunAsNonRoot(!root)
                // PSS restricted "Capabilities": drop ALL, add back at most NET_BIND_SERVICE (others need a weakening).
                .withCapabilities(new Capabilities(added, List.of("ALL")))
                .build();
    }

    /** Whether the app runs as uid 0: only when it says so with {@code runAsUser(0)}. */
    static boolean runsAsRoot(App app) {
        return app.container().runAsUser().isPresent() && app.container().runAsUser().getAsLong() == 0;
    }
}
