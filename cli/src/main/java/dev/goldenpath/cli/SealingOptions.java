package dev.goldenpath.cli;

import dev.goldenpath.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How render-time secrets ({@code sealed(..).fromEnvironment(..)} or {@code .fromFile(..)}) are sealed: the
 * controller certificate of each environment, and an optional sealing key for repeatable ciphertext. The values
 * themselves come from this process's environment variables and files, never from arguments.
 */
final class SealingOptions {

    final Map<String, Path> certificates = new LinkedHashMap<>();
    Path sealingKeyFile;

    void declare(Syntax syntax) {
        syntax.repeatable("--sealing-cert", "ENV=PEM", "The sealed-secrets controller certificate of an environment "
                + "(repeatable), for secrets sealed at render time, e.g. production=certs/production.pem.", value -> {
                    int equals = value.indexOf('=');
                    if (equals <= 0 || equals == value.length() - 1) {
                        throw new IllegalArgumentException("expected ENV=PEM, e.g. production=certs/production.pem");
                    }
                    certificates.put(value.substring(0, equals), Path.of(value.substring(equals + 1)));
                });
        syntax.option("--sealing-key-file", "FILE",
                "Sealing key for repeatable ciphertext (default: $GOLDENPATH_SEALING_KEY when set).",
                value -> sealingKeyFile = Path.of(value));
    }

    /** The files these options name (certificates, then the key file): {@code render --watch} watches them too. */
    List<Path> files() {
        List<Path> files = new ArrayList<>(certificates.values());
        if (sealingKeyFile != null) {
            files.add(sealingKeyFile);
        }
        return files;
    }

    /** The pipeline with one certificate per named environment and the sealing key file, when given. */
    Pipeline apply(Pipeline pipeline) {
        Pipeline sealing = pipeline;
        for (Map.Entry<String, Path> certificate : certificates.entrySet()) {
            sealing = sealing.sealingCertificate(certificate.getKey(), certificate.getValue());
        }
        return sealingKeyFile == null ? sealing : sealing.sealingKey(sealingKeyFile);
    }
}
