package dev.goldenpath.generators.conformance;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.cosignKey;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.external;
import static dev.goldenpath.dsl.GoldenPath.keyless;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.runtimeProfile;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.vault;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Baseline;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Secret;
import dev.goldenpath.dsl.Weakening;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Platforms of many shapes and sizes from a seed: one to four environments (some on several clusters), one to four
 * teams of one to fifteen apps, names up to the limits the spec and Argo CD allow, sealed and external secrets, the
 * mesh on or off, and the cluster baseline with every option. The same seed always gives the same platform.
 */
final class PlatformShapes {

    private static final String PEM = pem();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private PlatformShapes() {
    }

    static Platform of(long seed) {
        Random random = new Random(seed);
        Platform.Builder platform = platform("p" + seed).gitRepository("https://git.example.com/platform/gitops.git");
        if (random.nextBoolean()) {
            platform.istioMesh();
        }
        String store = name(random, "vault-", 8);
        platform.secretStore(vault(store, "https://vault.example.com:8200"));
        // Environments: their names, and their clusters' names, bound the apps' names (Argo CD's Application name
        // <environment>-<app>[-<cluster>] is a label value of at most 63 characters).
        List<String> environments = new ArrayList<>();
        int longest = 0;
        int environmentCount = 1 + random.nextInt(4);
        for (int e = 0; e < environmentCount; e++) {
            String name = e == 0 && random.nextBoolean() ? "production" : name(random, "env" + e + "-", 1 + random.nextInt(10));
            Environment.Builder environment = environment(name).apiServer(6443, "10.0." + e + ".1/32");
            int clusters = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
            int clusterName = 0;
            for (int c = 0; c < clusters; c++) {
                // Unique per environment: Argo CD knows one server per cluster name (a rule the spec enforces).
                String clusterId = "c" + e + "x" + c + name(random, "", random.nextInt(6));
                clusterName = Math.max(clusterName, clusters > 1 ? clusterId.length() + 1 : 0);
                environment.cluster(cluster(clusterId, "https://" + name + "-" + c + ".k8s.example.com:6443"));
            }
            if (random.nextBoolean()) {
                environment.podSecurityVersion("v1." + (25 + random.nextInt(9)));
            }
            platform.environment(environment);
            environments.add(name);
            longest = Math.max(longest, name.length() + 1 + clusterName);
        }
        int teams = 1 + random.nextInt(4);
        List<String> appNames = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            String team = t == 0 && random.nextBoolean() ? "t" + "e".repeat(50) + "am" : name(random, "team" + t + "-", random.nextInt(12));
            platform.team(team(team).owner(team + "@example.com"));
            int apps = 1 + random.nextInt(15);
            for (int a = 0; a < apps; a++) {
                // Up to the longest name Argo CD's Application name leaves, and the namespace "{team}-{environment}"
                // within 63 characters is kept by naming the namespace after the team when the team is long.
                int room = 63 - longest;
                String name = name(random, "a" + t + "x" + a + "-", Math.max(0, random.nextInt(Math.max(1, room - 6))));
                name = name.substring(0, Math.min(name.length(), room)).replaceAll("-+$", "");
                appNames.add(name);
                App.Builder app = app(name).team(team).image("registry.example.com/" + team + "/" + name + ":1." + a)
                        .port(8080);
                if (team.length() + 1 + longest > 63) {
                    app.namespace("{team}");
                }
                if (appNames.size() > 1 && random.nextInt(3) == 0) {
                    String callee = appNames.get(random.nextInt(appNames.size() - 1));
                    app.calls(callee, 8080);
                }
                if (random.nextInt(4) == 0) {
                    app.calledByIngressController(8080);
                }
                if (random.nextInt(5) == 0) {
                    app.permissions(read("configmaps"));
                }
                switch (random.nextInt(6)) {
                    case 0 -> app.runAsUser(0).weaken(Weakening.RUN_AS_ROOT, "vendor image needs uid 0; ticket SEC-" + seed);
                    case 1 -> app.weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "writes below /var at start; OPS-" + seed);
                    default -> { }
                }
                if (random.nextInt(3) == 0) {
                    // Every scope (the wider ones are annotations on the SealedSecret) and a typed Secret.
                    Secret.SealedBuilder secret = sealed(name(random, "sealed-", random.nextInt(20)))
                            .ciphertext("password", ciphertext(random)).mountAt("/etc/secrets")
                            .scope(Secret.SealScope.values()[random.nextInt(3)]);
                    if (random.nextBoolean()) {
                        secret.type("kubernetes.io/basic-auth").ciphertext("username", ciphertext(random));
                    }
                    app.secret(secret);
                }
                if (random.nextInt(4) == 0) {
                    app.secret(external(name(random, "ext-", random.nextInt(20))).store(store)
                            .remote("token", team + "/" + name, "token").env("TOKEN", "token"));
                }
                if (random.nextInt(4) == 0) {
                    app.runtimeProfile(runtimeProfile().allowProcesses("/usr/local/bin/" + name.substring(0, Math.min(8, name.length())))
                            .protect("/etc", "/usr"));
                }
                platform.app(app);
            }
        }
        platform.baseline(baseline(random, environments));
        return platform.build();
    }

    private static Baseline.Builder baseline(Random random, List<String> environments) {
        Baseline.Builder baseline = dev.goldenpath.dsl.GoldenPath.baseline();
        switch (random.nextInt(3)) {
            case 0 -> baseline.signedImages(cosignKey(PEM));
            case 1 -> baseline.signedImages(keyless("https://token.actions.githubusercontent.com",
                    "https://github.com/example/ci/.github/workflows/release.yml@refs/heads/main", "registry.example.com/**"));
            default -> { }
        }
        switch (random.nextInt(3)) {
            case 0 -> baseline.withoutFalco();
            case 1 -> baseline.falcoOnEveryNode();
            default -> { }
        }
        if (random.nextInt(3) == 0) {
            baseline.withoutTrivy();
        }
        if (random.nextInt(4) == 0) {
            baseline.withoutGatekeeper();
        }
        if (random.nextInt(4) == 0) {
            baseline.withoutKyverno();
        }
        if (random.nextBoolean()) {
            baseline.enforceIn(environments.get(random.nextInt(environments.size())));
        }
        return baseline;
    }

    private static String name(Random random, String prefix, int extra) {
        StringBuilder name = new StringBuilder(prefix);
        for (int i = 0; i < extra; i++) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String text = name.toString();
        return text.endsWith("-") ? text.substring(0, text.length() - 1) : text;
    }

    /** Bytes shaped like a sealed-secrets ciphertext: a 256-byte RSA part after its length, then the AES part. */
    private static String ciphertext(Random random) {
        byte[] bytes = new byte[2 + 256 + 48];
        random.nextBytes(bytes);
        bytes[0] = 1;
        bytes[1] = 0;
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String pem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
