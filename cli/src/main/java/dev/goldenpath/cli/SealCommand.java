package dev.goldenpath.cli;

import dev.goldenpath.pipeline.ClusterCertificate;
import dev.goldenpath.secrets.SecretValue;
import dev.goldenpath.secrets.sealed.Scope;
import dev.goldenpath.secrets.sealed.Sealer;
import dev.goldenpath.secrets.sealed.SealingCertificate;
import dev.goldenpath.secrets.sealed.SealingKey;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code goldenpath seal}: {@code kubeseal} without Go. Seals standard input as one value, or a whole Secret into a
 * SealedSecret the controller unseals; fetches the controller's certificate; makes sealing keys for repeatable output.
 */
final class SealCommand implements Command {

    private final Console console;

    boolean raw;
    boolean secret;
    boolean fetchCert;
    boolean generateKey;
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

    SealCommand(Console console) {
        this.console = console;
    }

    @Override
    public void declare(Syntax syntax) {
        syntax.header("Seal a value or a Secret for the sealed-secrets controller.")
                .description("kubeseal without Go: reads the value (or the Secret) from standard input, prints the "
                        + "ciphertext (or the SealedSecret) on standard output. Without --cert the certificate is fetched "
                        + "from the cluster of the kubeconfig. With a sealing key (--sealing-key-file or "
                        + "$GOLDENPATH_SEALING_KEY) the output is repeatable: the same value and key give the same "
                        + "ciphertext.",
                        "",
                        "  goldenpath seal --cert cert.pem -n payments --name db < password.txt",
                        "  goldenpath seal --secret --cert cert.pem < secret.yaml > sealed.yaml");
        syntax.flag("--raw", "Seal standard input as one value; print it base64 (kubeseal --raw). The default.",
                () -> raw = true);
        syntax.flag("--secret", "Read a Secret as YAML from standard input; print a SealedSecret.", () -> secret = true);
        syntax.flag("--fetch-cert", "Print the controller's certificate (PEM) fetched from the cluster.",
                () -> fetchCert = true);
        syntax.flag("--generate-sealing-key", "Print a new random sealing key (base64); keep it out of git.",
                () -> generateKey = true);
        syntax.option("--cert", "FILE", "The controller's PEM certificate (kubeseal --fetch-cert > FILE); without it, "
                + "fetched from the cluster.", value -> cert = Path.of(value));
        syntax.option("--kubeconfig", "FILE", "Kubeconfig to use (default: $KUBECONFIG or ~/.kube/config).",
                value -> kubeconfig = Path.of(value));
        syntax.option("--controller-name", "NAME", "Controller service name (default: "
                + SealingCertificate.DEFAULT_CONTROLLER_NAME + ").", value -> controllerName = value);
        syntax.option("--controller-namespace", "NS", "Controller namespace (default: "
                + SealingCertificate.DEFAULT_CONTROLLER_NAMESPACE + ").", value -> controllerNamespace = value);
        syntax.option("-n, --namespace", "NS", "Namespace of the SealedSecret.", value -> namespace = value);
        syntax.option("--name", "NAME", "Name of the SealedSecret.", value -> name = value);
        syntax.option("--scope", "SCOPE", "strict (default), namespace-wide or cluster-wide.",
                value -> scope = Scope.Kind.fromFlag(value));
        syntax.option("--sealing-key-file", "FILE", "Sealing key file; otherwise $GOLDENPATH_SEALING_KEY when set.",
                value -> sealingKeyFile = Path.of(value));
        syntax.flag("--random", "Ignore any sealing key: fresh randomness, like kubeseal.", () -> random = true);
        syntax.option("--previous", "FILE", "(--secret) The previous SealedSecret: keep its ciphertext for values that "
                + "did not change, even across certificate renewal.", value -> previous = Path.of(value));
        syntax.exitCode(Goldenpath.OK, "sealed")
                .exitCode(Goldenpath.USAGE, "usage error")
                .exitCode(Goldenpath.FAILED, "the value could not be sealed: certificate, cluster or input problem");
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        TreeSet<String> modes = new TreeSet<>();
        if (raw) {
            modes.add("raw");
        }
        if (secret) {
            modes.add("secret");
        }
        if (fetchCert) {
            modes.add("fetch-cert");
        }
        if (generateKey) {
            modes.add("generate-sealing-key");
        }
        if (previous != null && !secret) {
            problems.add("--previous applies to --secret only");
        }
        if (modes.size() > 1) {
            problems.add("choose one mode, not " + String.join(" and ", modes));
        }
        return problems;
    }

    @Override
    public int call() {
        Scope.Kind kind = scope;
        try {
            if (generateKey) {
                SealingKey key = SealingKey.generate();
                console.out().println(key.toBase64());
                key.destroy();
            } else if (fetchCert) {
                console.out().print(certificate().pem());
            } else if (secret) {
                console.out().print(new SecretSealing(console, kind, namespace, name, previous).seal(this::sealer));
            } else {
                console.out().println(sealRaw(kind == null ? Scope.Kind.STRICT : kind));
            }
            console.out().flush();
            return Goldenpath.OK;
        } catch (UsageError e) {
            return usage(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | IOException | UncheckedIOException
                 | KubernetesClientException e) {
            // Every message here is written to never contain plaintext.
            console.err().println("goldenpath seal: " + e.getMessage());
            return Goldenpath.FAILED;
        }
    }

    private int usage(String problem) {
        console.err().println("goldenpath seal: " + problem);
        console.err().println("Run 'goldenpath seal --help' for usage.");
        return Goldenpath.USAGE;
    }

    private String sealRaw(Scope.Kind kind) throws IOException {
        List<String> missing = new ArrayList<>();
        if (kind != Scope.Kind.CLUSTER_WIDE && namespace == null) {
            missing.add("--namespace");
        }
        if (kind == Scope.Kind.STRICT && name == null) {
            missing.add("--name");
        }
        if (!missing.isEmpty()) {
            throw new UsageError(kind.flag() + " scope needs " + String.join(" and ", missing));
        }
        Sealer sealer = sealer();
        byte[] plaintext = console.in().readAllBytes();
        try (SecretValue value = SecretValue.ofBytes(plaintext)) {
            return sealer.seal(value, Scope.of(kind, namespace, name));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The sealer: deterministic with a sealing key (unless --random), random otherwise. */
    private Sealer sealer() {
        Sealer sealer = Sealer.with(certificate());
        Optional<SealingKey> key = random ? Optional.empty() : key();
        if (key.isEmpty()) {
            if (previous != null) {
                throw new UsageError("--previous needs a sealing key (--sealing-key-file or $"
                        + SealingKey.DEFAULT_ENVIRONMENT_VARIABLE + ")");
            }
            if (secret && !random) {
                console.err().println("goldenpath seal: note: no sealing key, so every run gives new ciphertext (see docs/secrets.md)");
            }
            return sealer;
        }
        Sealer deterministic = sealer.deterministic(key.get());
        key.get().destroy();
        return deterministic;
    }

    private Optional<SealingKey> key() {
        if (sealingKeyFile != null) {
            return Optional.of(SealingKey.fromFile(sealingKeyFile));
        }
        Optional<String> encoded = console.variable(SealingKey.DEFAULT_ENVIRONMENT_VARIABLE);
        try {
            return encoded.map(SealingKey::fromBase64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace("the given text",
                    "environment variable " + SealingKey.DEFAULT_ENVIRONMENT_VARIABLE));
        }
    }

    private SealingCertificate certificate() {
        if (cert != null) {
            return SealingCertificate.fromPemFile(cert);
        }
        Optional<String> config = Optional.empty();
        if (kubeconfig != null) {
            try {
                config = Optional.of(Files.readString(kubeconfig));
            } catch (IOException e) {
                throw new UsageError("cannot read kubeconfig " + kubeconfig + ": " + e.getMessage());
            }
        }
        return ClusterCertificate.fetch(config, controllerName, controllerNamespace);
    }
}
