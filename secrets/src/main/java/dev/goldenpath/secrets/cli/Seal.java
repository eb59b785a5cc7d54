package dev.goldenpath.secrets.cli;

import dev.goldenpath.secrets.SecretValue;
import dev.goldenpath.secrets.sealed.Scope;
import dev.goldenpath.secrets.sealed.SealedSecret;
import dev.goldenpath.secrets.sealed.Sealer;
import dev.goldenpath.secrets.sealed.SealingCertificate;
import dev.goldenpath.secrets.sealed.SealingKey;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code kubeseal} without Go: seals one value or a whole Secret for the sealed-secrets controller.
 *
 * <pre>
 * java -cp "secrets/target/goldenpath-secrets-0.1.0-SNAPSHOT.jar:$(cat secrets/target/classpath.txt)" \
 *     dev.goldenpath.secrets.cli.Seal --cert pub-cert.pem --namespace payments --name db-creds &lt; password.txt
 * </pre>
 *
 * Run with {@code --help} for every option; {@code docs/secrets.md} explains the workflow.
 */
public final class Seal {

    static final String USAGE = """
            Usage: Seal [mode] [options]

            Modes:
              (default)                 seal standard input as one value; print it base64 (kubeseal --raw)
              --secret                  read a Secret as YAML from standard input; print a SealedSecret
              --fetch-cert              print the controller's certificate (PEM) fetched from the cluster
              --generate-sealing-key    print a new random sealing key (base64); keep it out of git

            Certificate:
              --cert FILE               the controller's PEM certificate (kubeseal --fetch-cert > FILE);
                                        without it, fetched from the cluster of the kubeconfig
              --kubeconfig FILE         kubeconfig to use (default: $KUBECONFIG or ~/.kube/config)
              --controller-name NAME    controller service name (default sealed-secrets-controller)
              --controller-namespace NS controller namespace (default kube-system)

            Where the value may be unsealed:
              --namespace NS            namespace of the SealedSecret
              --name NAME               name of the SealedSecret
              --scope SCOPE             strict (default), namespace-wide or cluster-wide

            Repeatable output (see docs/secrets.md):
              --sealing-key-file FILE   sealing key file; otherwise $GOLDENPATH_SEALING_KEY when set
              --random                  ignore any sealing key: fresh randomness, like kubeseal
              --previous FILE           (--secret) the previous SealedSecret: keep its ciphertext for
                                        values that did not change, even across certificate renewal
            """;

    private enum Mode { RAW, SECRET, FETCH_CERT, GENERATE_KEY, HELP }

    /** Last-applied annotations hold a plaintext copy of the Secret (upstream issue #227). */
    private static final List<String> LAST_APPLIED = List.of(
            "kubectl.kubernetes.io/last-applied-configuration",
            "kubecfg.ksonnet.io/last-applied-configuration");

    private Seal() {
    }

    public static void main(String[] args) {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // fabric8 logs through SLF4J; without a binding SLF4J would warn on every run.
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    /**
     * Runs the command with these streams and environment, for shells that embed it ({@code goldenpath seal});
     * returns the exit status (0 success, 1 failure, 2 usage error).
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("seal: " + e.getMessage());
            err.println("Run with --help for usage.");
            return 2;
        }
        try {
            switch (options.mode) {
                case HELP -> out.print(USAGE);
                case GENERATE_KEY -> {
                    SealingKey key = SealingKey.generate();
                    out.println(key.toBase64());
                    key.destroy();
                }
                case FETCH_CERT -> out.print(certificate(options).pem());
                case RAW -> out.println(sealRaw(options, in, err, env));
                case SECRET -> out.print(sealSecret(options, in, err, env));
                default -> throw new IllegalStateException(options.mode.name());
            }
            out.flush();
            return 0;
        } catch (UsageException e) {
            err.println("seal: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException
                 | KubernetesClientException e) {
            // Every message in this module is written to never contain plaintext.
            err.println("seal: " + e.getMessage());
            return 1;
        }
    }

    private static String sealRaw(Options options, InputStream in, PrintStream err, Map<String, String> env)
            throws IOException {
        Scope scope = scope(options.scope == null ? Scope.Kind.STRICT : options.scope, options.namespace, options.name);
        Sealer sealer = sealer(options, err, env);
        byte[] plaintext = in.readAllBytes();
        try (SecretValue value = SecretValue.ofBytes(plaintext)) {
            return sealer.seal(value, scope);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static String sealSecret(Options options, InputStream in, PrintStream err, Map<String, String> env)
            throws IOException {
        String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Secret secret = YamlFormat.readSecret(yaml);
        if (secret == null || !"Secret".equals(secret.getKind()) || !"v1".equals(secret.getApiVersion())) {
            throw new IllegalArgumentException("standard input must be a v1 Secret, got "
                    + (secret == null ? "nothing" : secret.getApiVersion() + " " + secret.getKind()));
        }
        Map<String, String> annotations = new TreeMap<>(secret.getMetadata() == null
                || secret.getMetadata().getAnnotations() == null ? Map.of() : secret.getMetadata().getAnnotations());
        String namespace = coordinate("namespace", secret.getMetadata() == null ? null
                : secret.getMetadata().getNamespace(), options.namespace);
        String name = coordinate("name", secret.getMetadata() == null ? null : secret.getMetadata().getName(),
                options.name);
        // Like kubeseal: --scope wins, otherwise the Secret's own scope annotations decide.
        Scope.Kind kind = options.scope != null ? options.scope
                : "true".equals(annotations.get(Scope.CLUSTER_WIDE_ANNOTATION)) ? Scope.Kind.CLUSTER_WIDE
                : "true".equals(annotations.get(Scope.NAMESPACE_WIDE_ANNOTATION)) ? Scope.Kind.NAMESPACE_WIDE
                : Scope.Kind.STRICT;
        annotations.keySet().removeAll(LAST_APPLIED);
        annotations.remove(Scope.CLUSTER_WIDE_ANNOTATION);
        annotations.remove(Scope.NAMESPACE_WIDE_ANNOTATION);

        Map<String, SecretValue> values = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, encoded) -> {
                try {
                    // Strict like the API server; only whitespace (folded YAML) is tolerated.
                    byte[] decoded = Base64.getDecoder().decode(encoded == null ? "" : encoded.replaceAll("\\s", ""));
                    values.put(key, SecretValue.ofBytes(decoded));
                    Arrays.fill(decoded, (byte) 0);
                } catch (IllegalArgumentException e) {
                    problems.add("data." + key + " is not base64");
                }
            });
        }
        if (secret.getStringData() != null) {
            // The API server merges stringData over data; so does sealing.
            secret.getStringData().forEach((key, text) -> values.put(key, SecretValue.of(text == null ? "" : text)));
        }
        try {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            Sealer.SecretSealing sealing = sealer(options, err, env).secret(namespace, name)
                    .scope(kind)
                    .type(secret.getType() == null || secret.getType().isBlank() ? "Opaque" : secret.getType())
                    .values(values);
            if (secret.getImmutable() != null) {
                sealing.immutable(secret.getImmutable());
            }
            if (secret.getMetadata() != null && secret.getMetadata().getLabels() != null) {
                sealing.labels(secret.getMetadata().getLabels());
            }
            annotations.forEach(sealing::annotation);
            if (options.previous != null) {
                sealing.previous(YamlFormat.read(Files.readString(options.previous), SealedSecret.class));
            }
            return YamlFormat.write(sealing.seal());
        } finally {
            values.values().forEach(SecretValue::destroy);
        }
    }

    private static String coordinate(String what, String fromSecret, String fromFlag) {
        if (fromSecret != null && !fromSecret.isEmpty() && fromFlag != null && !fromFlag.equals(fromSecret)) {
            throw new UsageException("--" + what + " " + fromFlag + " contradicts the Secret's metadata." + what
                    + " " + fromSecret);
        }
        String value = fromSecret != null && !fromSecret.isEmpty() ? fromSecret : fromFlag;
        if (value == null) {
            throw new UsageException("the Secret has no metadata." + what + "; add it or pass --" + what);
        }
        return value;
    }

    private static Scope scope(Scope.Kind kind, String namespace, String name) {
        List<String> missing = new ArrayList<>();
        if (kind != Scope.Kind.CLUSTER_WIDE && namespace == null) {
            missing.add("--namespace");
        }
        if (kind == Scope.Kind.STRICT && name == null) {
            missing.add("--name");
        }
        if (!missing.isEmpty()) {
            throw new UsageException(kind.flag() + " scope needs " + String.join(" and ", missing));
        }
        return Scope.of(kind, namespace, name);
    }

    private static Sealer sealer(Options options, PrintStream err, Map<String, String> env) {
        Sealer sealer = Sealer.with(certificate(options));
        Optional<SealingKey> key = Optional.empty();
        if (!options.random) {
            if (options.sealingKeyFile != null) {
                key = Optional.of(SealingKey.fromFile(options.sealingKeyFile));
            } else {
                String encoded = env.get(SealingKey.DEFAULT_ENVIRONMENT_VARIABLE);
                if (encoded != null && !encoded.isBlank()) {
                    try {
                        key = Optional.of(SealingKey.fromBase64(encoded));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(e.getMessage().replace("the given text",
                                "environment variable " + SealingKey.DEFAULT_ENVIRONMENT_VARIABLE));
                    }
                }
            }
        }
        if (key.isEmpty()) {
            if (options.previous != null) {
                throw new UsageException("--previous needs a sealing key (--sealing-key-file or $"
                        + SealingKey.DEFAULT_ENVIRONMENT_VARIABLE + ")");
            }
            if (options.mode == Mode.SECRET && !options.random) {
                err.println("seal: note: no sealing key, so every run gives new ciphertext (see docs/secrets.md)");
            }
            return sealer;
        }
        Sealer deterministic = sealer.deterministic(key.get());
        key.get().destroy();
        return deterministic;
    }

    private static SealingCertificate certificate(Options options) {
        if (options.cert != null) {
            return SealingCertificate.fromPemFile(options.cert);
        }
        KubernetesClientBuilder builder = new KubernetesClientBuilder();
        if (options.kubeconfig != null) {
            try {
                builder.withConfig(Config.fromKubeconfig(Files.readString(options.kubeconfig)));
            } catch (IOException e) {
                throw new UsageException("cannot read kubeconfig " + options.kubeconfig + ": " + e.getMessage());
            }
        }
        try (KubernetesClient client = builder.build()) {
            return SealingCertificate.fromCluster(client, options.controllerName, options.controllerNamespace);
        }
    }

    /** A usage mistake: exit status 2. */
    private static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static final class Options {
        Mode mode = Mode.RAW;
        Path cert;
        Path kubeconfig;
        String controllerName = SealingCertificate.DEFAULT_CONTROLLER_NAME;
        String controllerNamespace = SealingCertificate.DEFAULT_CONTROLLER_NAMESPACE;
        String namespace;
        String name;
        Scope.Kind scope;
        Path sealingKeyFile;
        boolean random;
        Path previous;

        static Options parse(String[] args) {
            Options options = new Options();
            Map<String, Integer> modes = new HashMap<>();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    value = arg.substring(equals + 1);
                    arg = arg.substring(0, equals);
                }
                switch (arg) {
                    case "-h", "--help" -> options.mode(Mode.HELP, modes);
                    case "--raw" -> options.mode(Mode.RAW, modes);
                    case "--secret" -> options.mode(Mode.SECRET, modes);
                    case "--fetch-cert" -> options.mode(Mode.FETCH_CERT, modes);
                    case "--generate-sealing-key" -> options.mode(Mode.GENERATE_KEY, modes);
                    case "--random" -> options.random = true;
                    case "--cert", "--kubeconfig", "--controller-name", "--controller-namespace", "--namespace",
                         "-n", "--name", "--scope", "--sealing-key-file", "--previous" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                problems.add(arg + " needs a value");
                                continue;
                            }
                            value = args[++i];
                        }
                        try {
                            options.set(arg, value);
                        } catch (IllegalArgumentException e) {
                            problems.add(e.getMessage());
                        }
                    }
                    default -> problems.add("unknown argument '" + arg + "'");
                }
            }
            if (options.previous != null && options.mode != Mode.SECRET && options.mode != Mode.HELP) {
                problems.add("--previous applies to --secret only");
            }
            if (modes.size() > 1) {
                problems.add("choose one mode, not " + String.join(" and ", new TreeMap<>(modes).keySet()));
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return options;
        }

        private void mode(Mode selected, Map<String, Integer> modes) {
            if (selected == Mode.HELP) {
                mode = Mode.HELP;
                return;
            }
            modes.merge(selected.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), 1, Integer::sum);
            if (mode != Mode.HELP) {
                mode = selected;
            }
        }

        private void set(String option, String value) {
            switch (option) {
                case "--cert" -> cert = Path.of(value);
                case "--kubeconfig" -> kubeconfig = Path.of(value);
                case "--controller-name" -> controllerName = value;
                case "--controller-namespace" -> controllerNamespace = value;
                case "--namespace", "-n" -> namespace = value;
                case "--name" -> name = value;
                case "--scope" -> scope = Scope.Kind.fromFlag(value);
                case "--sealing-key-file" -> sealingKeyFile = Path.of(value);
                case "--previous" -> previous = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
    }
}
