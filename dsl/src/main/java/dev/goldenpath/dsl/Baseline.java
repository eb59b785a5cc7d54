package dev.goldenpath.dsl;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster baseline rendered into {@code platform/<environment>/}: admission policies (Gatekeeper, Kyverno),
 * image signature verification (Sigstore policy-controller), mesh-wide mutual TLS, runtime detection (Falco) and
 * vulnerability scanning (Trivy). Without any setting a platform gets {@link #DEFAULT}: everything on except image
 * signatures (they need a key or an identity), admission in {@code Audit} outside production and {@code Enforce}
 * in environments whose name starts with {@code prod}.
 *
 * <pre>{@code
 * platform("acme").baseline(baseline()
 *     .enforceIn("staging")
 *     .signedImages(keyless("https://token.actions.githubusercontent.com",
 *             "https://github.com/acme/ci/.github/workflows/release.yml@refs/heads/main", "registry.acme.example/**"))
 *     .falcoOn(Map.of("node-role.acme.example/security", "true"),
 *             toleration("node-role.acme.example/security", "true", Toleration.Effect.NO_SCHEDULE))
 *     .trivySchedule("0 3 * * *"))
 * }</pre>
 *
 * @param gatekeeper        whether the Gatekeeper required-labels template and constraint are rendered
 * @param kyverno           whether the Kyverno pod-security and secure-context policies are rendered
 * @param admissionModes    explicit admission mode per environment name; others follow {@link #mode(Environment)}
 * @param imageSignatures   the signature policy for the platform's registries; empty: not rendered
 * @param falco             runtime detection
 * @param trivy             scheduled image scanning
 * @param meshRootNamespace Istio's root namespace, where the mesh-wide PeerAuthentication goes
 */
public record Baseline(boolean gatekeeper, boolean kyverno, Map<String, AdmissionMode> admissionModes,
                       Optional<ImageSignatures> imageSignatures, Falco falco, Trivy trivy, String meshRootNamespace) {

    /** Falco's image unless the platform names another (modern eBPF probe and container plugin built in). */
    public static final String FALCO_IMAGE = "docker.io/falcosecurity/falco:0.41.3";
    /** Trivy's image unless the platform names another. */
    public static final String TRIVY_IMAGE = "docker.io/aquasec/trivy:0.67.2";
    /** The node label and taint of dedicated security nodes unless the platform names others. */
    public static final String SECURITY_NODE_LABEL = "node-role.goldenpath.dev/security";

    /** Every component on (image signatures need a key or identity), security nodes by {@link #SECURITY_NODE_LABEL}. */
    public static final Baseline DEFAULT = new Baseline(true, true, Map.of(), Optional.empty(),
            new Falco(true, Map.of(SECURITY_NODE_LABEL, "true"), List.of(new Toleration(SECURITY_NODE_LABEL,
                    Optional.of("true"), Toleration.Operator.EQUAL, Optional.of(Toleration.Effect.NO_SCHEDULE))),
                    FALCO_IMAGE),
            new Trivy(true, "0 3 * * *", TRIVY_IMAGE), "istio-system");

    public Baseline {
        admissionModes = Copies.sortedMap(admissionModes);
    }

    /**
     * The admission mode in this environment: the declared one, else {@code Enforce} when the name starts with
     * {@code prod} ({@code prod}, {@code production}) and {@code Audit} otherwise, so that teams see violations
     * before production rejects them.
     */
    public AdmissionMode mode(Environment environment) {
        AdmissionMode declared = admissionModes.get(environment.name());
        if (declared != null) {
            return declared;
        }
        return environment.name().toLowerCase(Locale.ROOT).startsWith("prod") ? AdmissionMode.ENFORCE : AdmissionMode.AUDIT;
    }

    /** What an admission policy does with a violation. */
    public enum AdmissionMode {
        /** Record and warn, admit anyway. */
        AUDIT,
        /** Reject. */
        ENFORCE
    }

    /**
     * Image signature verification: images from these registries must be signed by this key or this keyless
     * identity. Build with {@code GoldenPath.cosignKey(..)} or {@code GoldenPath.keyless(..)}.
     *
     * @param registries image globs ({@code registry.acme.example/**}); empty: every registry the platform's apps
     *                   pull from
     * @param publicKey  a cosign public key (PEM)
     * @param issuer     the OIDC issuer of keyless signatures
     * @param subject    the signer identity (e.g. a workflow URL or an e-mail address) of keyless signatures
     */
    public record ImageSignatures(List<String> registries, Optional<String> publicKey, Optional<String> issuer,
                                  Optional<String> subject) {
        public ImageSignatures {
            registries = Copies.list(registries);
        }

        /** Keyless (Fulcio certificate and Rekor transparency log) rather than a public key. */
        public boolean keyless() {
            return publicKey.isEmpty();
        }

        /** Never prints the key material. */
        @Override
        public String toString() {
            return "ImageSignatures[registries=" + registries + (keyless() ? ", keyless issuer=" + issuer.orElse("")
                    + ", subject=" + subject.orElse("") : ", cosign public key") + "]";
        }
    }

    /**
     * Falco, as a DaemonSet on the nodes this selector and these tolerations allow. Falco sees the system calls of
     * its own node only: the generated rules fire for pods on nodes where Falco runs.
     *
     * @param enabled      whether Falco and its rules are rendered
     * @param nodeSelector where Falco runs; empty: every node its tolerations admit
     * @param tolerations  taints it tolerates
     * @param image        Falco's image
     */
    public record Falco(boolean enabled, Map<String, String> nodeSelector, List<Toleration> tolerations, String image) {
        public Falco {
            nodeSelector = Copies.sortedMap(nodeSelector);
            tolerations = Copies.list(tolerations);
        }
    }

    /**
     * Trivy, as a CronJob that scans every image of the environment.
     *
     * @param enabled  whether the scan is rendered
     * @param schedule a five-field cron schedule (UTC)
     * @param image    Trivy's image
     */
    public record Trivy(boolean enabled, String schedule, String image) {
    }

    /** Builds a {@link Baseline}; start with {@code GoldenPath.baseline()}. Nothing is checked before the platform is. */
    public static final class Builder {
        private boolean gatekeeper = DEFAULT.gatekeeper;
        private boolean kyverno = DEFAULT.kyverno;
        private final Map<String, AdmissionMode> modes = new java.util.LinkedHashMap<>();
        private Optional<ImageSignatures> imageSignatures = Optional.empty();
        private Falco falco = DEFAULT.falco;
        private Trivy trivy = DEFAULT.trivy;
        private String meshRootNamespace = DEFAULT.meshRootNamespace;

        Builder() {
        }

        /** Admission policies reject violations in these environments. */
        public Builder enforceIn(String... environments) {
            Copies.list(environments == null ? new String[] {null} : environments)
                    .forEach(environment -> modes.put(environment, AdmissionMode.ENFORCE));
            return this;
        }

        /** Admission policies only record and warn in these environments. */
        public Builder auditIn(String... environments) {
            Copies.list(environments == null ? new String[] {null} : environments)
                    .forEach(environment -> modes.put(environment, AdmissionMode.AUDIT));
            return this;
        }

        /** Leaves out the Gatekeeper required-labels policy (e.g. where Gatekeeper is not installed). */
        public Builder withoutGatekeeper() {
            gatekeeper = false;
            return this;
        }

        /** Leaves out the Kyverno policies. */
        public Builder withoutKyverno() {
            kyverno = false;
            return this;
        }

        /** Images of the platform's registries must carry valid signatures. */
        public Builder signedImages(ImageSignatures signatures) {
            imageSignatures = Copies.optional(signatures);
            return this;
        }

        /** Runs Falco on the nodes with these labels, tolerating these taints (dedicated security nodes). */
        public Builder falcoOn(Map<String, String> nodeSelector, Toleration... tolerations) {
            falco = new Falco(true, nodeSelector, Copies.list(tolerations), falco.image());
            return this;
        }

        /** Runs Falco on every node, tolerating every taint, so that every pod is watched. */
        public Builder falcoOnEveryNode() {
            falco = new Falco(true, Map.of(), List.of(new Toleration("", Optional.empty(), Toleration.Operator.EXISTS,
                    Optional.empty())), falco.image());
            return this;
        }

        /** Uses this Falco image. */
        public Builder falcoImage(String image) {
            falco = new Falco(falco.enabled(), falco.nodeSelector(), falco.tolerations(), image);
            return this;
        }

        /** Leaves out Falco and its rules. */
        public Builder withoutFalco() {
            falco = new Falco(false, falco.nodeSelector(), falco.tolerations(), falco.image());
            return this;
        }

        /** Scans on this cron schedule (UTC; default daily at 03:00). */
        public Builder trivySchedule(String cron) {
            trivy = new Trivy(trivy.enabled(), cron, trivy.image());
            return this;
        }

        /** Uses this Trivy image. */
        public Builder trivyImage(String image) {
            trivy = new Trivy(trivy.enabled(), trivy.schedule(), image);
            return this;
        }

        /** Leaves out the scheduled scan. */
        public Builder withoutTrivy() {
            trivy = new Trivy(false, trivy.schedule(), trivy.image());
            return this;
        }

        /** Istio's root namespace (default {@code istio-system}). */
        public Builder meshRootNamespace(String namespace) {
            meshRootNamespace = namespace;
            return this;
        }

        public Baseline build() {
            return new Baseline(gatekeeper, kyverno, modes, imageSignatures, falco, trivy, meshRootNamespace);
        }
    }
}
