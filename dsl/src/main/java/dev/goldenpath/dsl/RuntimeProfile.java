package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an app's containers are expected to do at run time, for runtime detection (Falco): the processes they
 * may start and the paths nobody may write below. Anything else raises an alert naming the app.
 *
 * <pre>{@code
 * app("ledger").runtimeProfile(runtimeProfile()
 *     .allowProcesses("/usr/local/bin/ledger")   // an absolute executable path, or a process name
 *     .protect("/usr", "/bin"))                  // writes below these paths alert
 * }</pre>
 *
 * <p>Without a profile an app gets {@link #DEFAULT}: any process but a shell, and no writes below {@code /etc}.
 *
 * @param allowedProcesses executables (absolute paths, matched against the full executable path) or process
 *                         names (at most 15 characters, the kernel's comm); empty: any process except a shell
 * @param protectedPaths   absolute paths below which a write is an alert
 * @param shellReason      why a shell is expected in the container; empty: a shell is an alert
 */
public record RuntimeProfile(List<String> allowedProcesses, List<String> protectedPaths, Optional<String> shellReason) {

    /** Shells are alerts; writes below /etc are alerts (MITRE ATT&CK T1059 command interpreter, T1543 persistence). */
    public static final RuntimeProfile DEFAULT = new RuntimeProfile(List.of(), List.of("/etc"), Optional.empty());

    public RuntimeProfile {
        allowedProcesses = Copies.list(allowedProcesses);
        protectedPaths = Copies.list(protectedPaths);
    }

    // Written out, as the records of the hot keys are (docs/architecture.md, "Records as keys").
    @Override
    public boolean equals(Object other) {
        return other instanceof RuntimeProfile that && Objects.equals(allowedProcesses, that.allowedProcesses)
                && Objects.equals(protectedPaths, that.protectedPaths) && Objects.equals(shellReason, that.shellReason);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(allowedProcesses) * 31 + Objects.hashCode(protectedPaths)) * 31
                + Objects.hashCode(shellReason);
    }

    /** The same profile, allowing these processes too (paths or names). */
    public RuntimeProfile allowProcesses(String... processes) {
        List<String> all = new ArrayList<>(allowedProcesses == null ? List.of() : allowedProcesses);
        Copies.addAll(all, processes);
        return new RuntimeProfile(all, protectedPaths, shellReason);
    }

    /** The same profile, protecting exactly these paths (replaces the default {@code /etc}). */
    public RuntimeProfile protect(String... paths) {
        return new RuntimeProfile(allowedProcesses, Copies.list(paths), shellReason);
    }

    /** The same profile, expecting shells in the container, for this reason (a declared weakening). */
    public RuntimeProfile allowShells(String reason) {
        return new RuntimeProfile(allowedProcesses, protectedPaths, Copies.optional(reason));
    }
}
