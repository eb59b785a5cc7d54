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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code goldenpath seal}: {@code kubeseal} without Go. Seals standard input as one value, or a whole Secret into a
 * SealedSecret the controller unseals; fetches the controller's certificate; makes sealing keys for repeatable output.
 */
@Command(name = "seal", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        header = "Seal a value or a Secret for the sealed-secrets controller.",
        description = {
            "kubeseal without Go: reads the value (or the Secret) from standard input, prints the ciphertext (or the "
                + "SealedSecret) on standard output. Without --cert the certificate is fetched from the cluster of the "
                + "kubeconfig. With a sealing key (--sealing-key-file or $GOLDENPATH_SEALING_KEY) the output is "
                + "repeatable: the same value and key give the same ciphertext.",
            "",
            "  goldenpath seal --cert cert.pem -n payments --name db < password.txt",
            "  goldenpath seal --secret --cert cert.pem < secret.yaml > sealed.yaml",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:sealed", "2:usage error",
            "3:the value could not be sealed: certificate, cluster or input problem"})
final class SealCommand implements Callable<Integer> {

    private final Console console;

    @Option(names = "--raw", description = "Seal standard input as one value; print it base64 (kubeseal --raw). The default.")
    boolean raw;

    @Option(names = "--secret", description = "Read a Secret as YAML from standard input; print a SealedSecret.")
    boolean secret;

    @Option(names = "--fetch-cert", description = "Print the controller's certificate (PEM) fetched from the cluster.")
    boolean fetchCert;

    @Option(names = "--generate-sealing-key", description = "Print a new random sealing key (base64); keep it out of git.")
    boolean generateKey;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "The controller's PEM certificate (kubeseal --fetch-cert > FILE); without it, fetched from the cluster.")
    Path cert;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig to use (default: $KUBECONFIG or ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--controller-name", paramLabel = "NAME", defaultValue = SealingCertificate.DEFAULT_CONTROLLER_NAME,
            description = "Controller service name (default: ${DEFAULT-VALUE}).")
    String controllerName;

    @Option(names = "--controller-namespace", paramLabel = "NS", defaultValue = SealingCertificate.DEFAULT_CONTROLLER_NAMESPACE,
            description = "Controller namespace (default: ${DEFAULT-VALUE}).")
    String controllerNamespace;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace of the SealedSecret.")
    String namespace;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the SealedSecret.")
    String name;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "strict (default), namespace-wide or cluster-wide.")
    String scope;

    @Option(names = "--sealing-key-file", paramLabel = "FILE",
            description = "Sealing key file; otherwise $GOLDENPATH_SEALING_KEY when set.")
    Path sealingKeyFile;

    @Option(names = "--random", description = "Ignore any sealing key: fresh randomness, like kubeseal.")
    boolean random;

    @Option(names = "--previous", paramLabel = "FILE",
            description = "(--secret) The previous SealedSecret: keep its ciphertext for values that did not change, "
                    + "even across certificate renewal.")
    Path previous;

    /** Everything picocli does not know; reported together with the other problems. */
    @Unmatched
    List<String> unmatched = new ArrayList<>();

    SealCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        unmatched.forEach(arg -> problems.add("unknown argument '" + arg + "'"));
        Scope.Kind kind = null;
        try {
            kind = scope == null ? null : Scope.Kind.fromFlag(scope);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
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
        if (!problems.isEmpty()) {
            return usage(String.join("; ", problems));
        }
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
            console.err().println("seal: " + e.getMessage());
            return Goldenpath.FAILED;
        }
    }

    private int usage(String problem) {
        console.err().println("seal: " + problem);
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
                console.err().println("seal: note: no sealing key, so every run gives new ciphertext (see docs/secrets.md)");
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
