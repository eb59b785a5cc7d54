package dev.goldenpath.vocabulary;

import java.util.Locale;

/**
 * The namespace labels of Pod Security Admission (Kubernetes "Pod Security Admission":
 * {@code pod-security.kubernetes.io/<mode>: <level>} and {@code pod-security.kubernetes.io/<mode>-version:
 * <version>}), defined once.
 *
 * <pre>{@code
 * String key = PodSecurityLabels.Mode.ENFORCE.label();            // pod-security.kubernetes.io/enforce
 * String version = PodSecurityLabels.Mode.ENFORCE.versionLabel(); // pod-security.kubernetes.io/enforce-version
 * }</pre>
 */
public final class PodSecurityLabels {

    /** The prefix every Pod Security Admission label shares. */
    public static final String PREFIX = "pod-security.kubernetes.io/";
    /** The level the admission controller applies to a namespace without a label (unless the cluster sets another). */
    public static final String DEFAULT_LEVEL = "privileged";
    /** The version a namespace without a version label is checked against. */
    public static final String DEFAULT_VERSION = "latest";

    private PodSecurityLabels() {
    }

    /** What the admission controller does with a pod that breaks the level. */
    public enum Mode {
        /** Reject the pod. */
        ENFORCE,
        /** Record an audit annotation. */
        AUDIT,
        /** Warn the user who created it. */
        WARN;

        /** The lower-case mode name, e.g. {@code enforce}. */
        public String mode() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The level label, e.g. {@code pod-security.kubernetes.io/enforce}. */
        public String label() {
            return PREFIX + mode();
        }

        /** The version label, e.g. {@code pod-security.kubernetes.io/enforce-version}. */
        public String versionLabel() {
            return label() + "-version";
        }
    }
}
