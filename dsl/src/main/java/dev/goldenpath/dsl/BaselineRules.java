package dev.goldenpath.dsl;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The cluster baseline (admission policies, image signatures, Falco, Trivy, the mesh) and every app's runtime profile,
 * which become Falco rules and admission policies: values those tools accept, and nothing that silently matches
 * nothing.
 */
record BaselineRules(Platform platform, Problems problems) {

    private static final Pattern CRON_FIELD = Pattern.compile("^[0-9A-Za-z*/,?-]+$");
    private static final Pattern IMAGE_GLOB = Pattern.compile("^[a-z0-9.*-]+(:[0-9]+)?(/[a-z0-9._*-]+)*$");
    /** The kernel keeps 15 characters of a process name (TASK_COMM_LEN), and Falco's proc.name sees only those. */
    private static final Pattern PROCESS_NAME = Pattern.compile("^[A-Za-z0-9._+-]{1,15}$");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("^(/[A-Za-z0-9._+-]+)+$");

    void check() {
        Baseline baseline = platform.baseline();
        FieldPath path = FieldPath.root("baseline");
        baseline.admissionModes().keySet().forEach(environment -> {
            if (platform.environment(environment).isEmpty()) {
                problems.add(ViolationCode.ENVIRONMENT_UNKNOWN,
                        path.field("admission").key(environment), environment, "unknown environment",
                        "use one of " + EnvironmentRules.names(platform));
            }
        });
        problems.addIf(ViolationCode.NAME_DNS1123_LABEL, path.field("meshRootNamespace"), baseline.meshRootNamespace(),
                Names.dns1123Label(baseline.meshRootNamespace()), "use Istio's root namespace, e.g. 'istio-system'");
        baseline.imageSignatures().ifPresent(signatures -> signatures(signatures, path.field("imageSignatures")));
        falco(baseline.falco(), path.field("falco"));
        trivy(baseline.trivy(), path.field("trivy"));
        for (App app : platform.apps()) {
            runtimeProfile(app.runtimeProfile(), FieldPath.app(app.name()).field("runtimeProfile"));
        }
    }

    private void signatures(Baseline.ImageSignatures signatures, FieldPath path) {
        for (String registry : signatures.registries()) {
            if (!IMAGE_GLOB.matcher(registry).matches()) {
                problems.add(ViolationCode.BASELINE_IMAGE_GLOB_INVALID, path.field("registries"), registry,
                        "an image glob is a lowercase registry/repository path with '*' or '**'",
                        "use e.g. 'registry.acme.example/**'");
            }
        }
        signatures.publicKey().ifPresent(key -> {
            String stripped = key.strip();
            if (!stripped.startsWith("-----BEGIN PUBLIC KEY-----") || !stripped.endsWith("-----END PUBLIC KEY-----")) {
                // The value is a public key, but keep reports short and free of key material.
                problems.add(ViolationCode.BASELINE_COSIGN_KEY_INVALID,
                        path.field("publicKey"), "<key>", "a cosign public key is a PEM 'PUBLIC KEY' block",
                        "paste the contents of cosign.pub");
            }
        });
        if (signatures.keyless()) {
            String issuer = signatures.issuer().orElse("");
            if (Urls.https(issuer).isPresent()) {
                problems.add(ViolationCode.BASELINE_KEYLESS_ISSUER_INVALID,
                        path.field("issuer"), issuer, "a keyless issuer is the OIDC issuer's https:// URL",
                        "use e.g. 'https://token.actions.githubusercontent.com'");
            }
            if (signatures.subject().orElse("").isBlank()) {
                problems.add(ViolationCode.BASELINE_KEYLESS_SUBJECT_MISSING,
                        path.field("subject"), "", "a keyless policy needs the signer's identity",
                        "use the workflow URL or e-mail address the certificates are issued to");
            }
        }
    }

    private void falco(Baseline.Falco falco, FieldPath path) {
        if (!falco.enabled()) {
            return;
        }
        new ImageRules(problems).image(path.field("image"), falco.image());
        new MetadataRules(platform, problems).labels(path.field("nodeSelector"), falco.nodeSelector());
        for (Toleration toleration : falco.tolerations()) {
            if (!toleration.key().isEmpty() && Names.qualifiedName(toleration.key()) != null) {
                problems.add(ViolationCode.BASELINE_TOLERATION_KEY_INVALID,
                        path.field("tolerations").key(toleration.key()), toleration.key(),
                        "a taint key is a qualified name", "use e.g. 'node-role.acme.example/security'");
            }
        }
    }

    private void trivy(Baseline.Trivy trivy, FieldPath path) {
        if (!trivy.enabled()) {
            return;
        }
        new ImageRules(problems).image(path.field("image"), trivy.image());
        String[] fields = trivy.schedule().strip().split("\\s+");
        if (fields.length != 5 || Arrays.stream(fields).anyMatch(f -> !CRON_FIELD.matcher(f).matches())) {
            problems.add(ViolationCode.BASELINE_TRIVY_SCHEDULE_INVALID, path.field("schedule"), trivy.schedule(),
                    "a schedule is five cron fields (minute hour day month weekday)",
                    "use e.g. '0 3 * * *' for daily at 03:00 UTC");
        }
        TrivyRules.check(platform, problems);
    }

    private void runtimeProfile(RuntimeProfile profile, FieldPath path) {
        for (String process : profile.allowedProcesses()) {
            boolean ok = process.startsWith("/") ? ABSOLUTE_PATH.matcher(process).matches() && !process.contains("/../")
                    : PROCESS_NAME.matcher(process).matches();
            if (!ok) {
                problems.add(ViolationCode.BASELINE_FALCO_PROCESS_INVALID, path.field("allowedProcesses"), process,
                        "a process is an absolute executable path or a name of at most 15 characters (the kernel truncates names)",
                        "use e.g. '/usr/local/bin/ledger' or 'ledger'");
            }
        }
        for (String protectedPath : profile.protectedPaths()) {
            if (!ABSOLUTE_PATH.matcher(protectedPath).matches() || protectedPath.contains("/../")
                    || protectedPath.endsWith("/..")) {
                problems.add(ViolationCode.BASELINE_FALCO_PATH_INVALID, path.field("protectedPaths"), protectedPath,
                        "a protected path is an absolute, normalized path without a trailing '/'",
                        "use e.g. '/etc' or '/usr/local/bin'");
            }
        }
        profile.shellReason().ifPresent(reason -> {
            if (reason.strip().length() < WeakeningRules.MIN_REASON_LENGTH) {
                problems.add(ViolationCode.BASELINE_SHELL_REASON_TOO_SHORT,
                        path.field("shellReason"), reason, "allowing shells needs a written reason of at least "
                        + WeakeningRules.MIN_REASON_LENGTH + " characters", "say why the container runs shells and who decided");
            }
        });
    }
}
