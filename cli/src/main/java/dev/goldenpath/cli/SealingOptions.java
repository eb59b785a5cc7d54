package dev.goldenpath.cli;

import dev.goldenpath.generators.Renderer;
import dev.goldenpath.secrets.sealed.Sealer;
import dev.goldenpath.secrets.sealed.SealingCertificate;
import dev.goldenpath.secrets.sealed.SealingKey;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How render-time secrets ({@code sealed(..).fromEnvironment(..)} or {@code .fromFile(..)}) are sealed: the
 * controller certificate of each environment, and an optional sealing key for repeatable ciphertext. The values
 * themselves come from this process's environment variables and files, never from arguments.
 */
final class SealingOptions {

    @Option(names = "--sealing-cert", paramLabel = "ENV=PEM",
            description = "The sealed-secrets controller certificate of an environment (repeatable), for secrets "
                    + "sealed at render time, e.g. production=certs/production.pem.")
    Map<String, Path> certificates = new LinkedHashMap<>();

    @Option(names = "--sealing-key-file", paramLabel = "FILE",
            description = "Sealing key for repeatable ciphertext (default: $GOLDENPATH_SEALING_KEY when set).")
    Path sealingKeyFile;

    /** Set by {@code check --require-digest}: the render-time policy also refuses images not pinned by digest. */
    boolean requireDigest;

    /** The renderer: secure defaults, variables from the console's environment, one sealer per named environment. */
    Renderer renderer(Console console) {
        Renderer renderer = Renderer.secureByDefault().environmentVariables(name -> console.env().get(name));
        if (requireDigest) {
            renderer = renderer.policy(dev.goldenpath.lint.Linter.builder().requireDigest(true).build());
        }
        if (certificates.isEmpty()) {
            return renderer;
        }
        Optional<SealingKey> key = key(console);
        try {
            for (Map.Entry<String, Path> certificate : certificates.entrySet()) {
                Sealer sealer = Sealer.with(SealingCertificate.fromPemFile(certificate.getValue()));
                renderer = renderer.sealing(certificate.getKey(), key.isPresent() ? sealer.deterministic(key.get()) : sealer);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError("--sealing-cert: " + e.getMessage());
        } finally {
            key.ifPresent(SealingKey::destroy);
        }
        return renderer;
    }

    private Optional<SealingKey> key(Console console) {
        try {
            if (sealingKeyFile != null) {
                return Optional.of(SealingKey.fromFile(sealingKeyFile));
            }
            return console.variable(SealingKey.DEFAULT_ENVIRONMENT_VARIABLE).map(SealingKey::fromBase64);
        } catch (IllegalArgumentException e) {
            // The message names the file or says "the given text"; it never quotes the key.
            throw new UsageError("sealing key: " + e.getMessage());
        }
    }
}
