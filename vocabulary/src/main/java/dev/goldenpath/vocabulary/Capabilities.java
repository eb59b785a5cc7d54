package dev.goldenpath.vocabulary;

import java.util.Set;

/**
 * Linux capabilities as the Pod Security Standards see them, defined once for the DSL (which level a weakening needs)
 * and the linter (which capability breaks which profile).
 *
 * <pre>{@code
 * boolean baselineAllows = Capabilities.PSS_BASELINE.contains("NET_RAW");   // false
 * }</pre>
 */
public final class Capabilities {

    /**
     * PSS baseline "Capabilities": what a container may add, the container runtime's default set without NET_RAW
     * (upstream pod-security-admission, check capabilities_baseline).
     */
    public static final Set<String> PSS_BASELINE = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    /** PSS restricted "Capabilities": the one capability a container may add after dropping ALL. */
    public static final String PSS_RESTRICTED_ADDABLE = "NET_BIND_SERVICE";

    private Capabilities() {
    }
}
