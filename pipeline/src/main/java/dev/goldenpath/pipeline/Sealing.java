package dev.goldenpath.pipeline;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Secret;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.pipeline.PipelineException.Reason;
import dev.goldenpath.secrets.sealed.Sealer;
import dev.goldenpath.secrets.sealed.SealingCertificate;
import dev.goldenpath.secrets.sealed.SealingKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One sealer per environment that has a certificate, deterministic when a sealing key is given (docs/secrets.md,
 * "Repeatable output"). The key is destroyed as soon as the sealers hold their own copies.
 */
final class Sealing {

    private Sealing() {
    }

    static Renderer configure(Renderer renderer, Map<String, Path> certificates, Optional<Path> keyFile,
                              Function<String, String> variables) {
        if (certificates.isEmpty()) {
            return renderer;
        }
        Optional<SealingKey> key = key(keyFile, variables);
        try {
            for (Map.Entry<String, Path> certificate : certificates.entrySet()) {
                Sealer sealer;
                try {
                    sealer = Sealer.with(SealingCertificate.fromPemFile(certificate.getValue()));
                } catch (IllegalArgumentException e) {
                    throw new PipelineException(Reason.SEALING, "sealing certificate of environment "
                            + certificate.getKey() + ": " + e.getMessage(), e);
                }
                renderer = renderer.sealing(certificate.getKey(), key.isPresent() ? sealer.deterministic(key.get()) : sealer);
            }
            return renderer;
        } finally {
            key.ifPresent(SealingKey::destroy);
        }
    }

    /**
     * Whether a secret of {@code platform} is sealed at render time ({@code fromEnvironment}, {@code fromFile}): only
     * those keep ciphertext from the previous render, so only such platforms need it read (start-up: a render of
     * ciphertext-only specs does not read back the folder it writes).
     */
    static boolean atRenderTime(Platform platform) {
        return sources(platform).anyMatch(source -> source instanceof Secret.FromEnvironment
                || source instanceof Secret.FromFile);
    }

    /** The files the secrets of {@code platform} are sealed from at render time ({@code fromFile}), as named. */
    static List<String> files(Platform platform) {
        return sources(platform)
                .flatMap(source -> source instanceof Secret.FromFile file ? Stream.of(file.path()) : Stream.empty())
                .toList();
    }

    private static Stream<Secret.Source> sources(Platform platform) {
        return platform.apps().stream()
                .flatMap(app -> app.secrets().stream())
                .flatMap(secret -> secret.entries().stream())
                .map(Secret.Entry::source);
    }

    private static Optional<SealingKey> key(Optional<Path> file, Function<String, String> variables) {
        try {
            if (file.isPresent()) {
                return Optional.of(SealingKey.fromFile(file.get()));
            }
            String encoded = variables.apply(SealingKey.DEFAULT_ENVIRONMENT_VARIABLE);
            return encoded == null || encoded.isBlank() ? Optional.empty() : Optional.of(SealingKey.fromBase64(encoded));
        } catch (IllegalArgumentException e) {
            // The message names the file or says "the given text"; it never quotes the key.
            throw new PipelineException(Reason.SEALING, "sealing key: " + e.getMessage(), e);
        }
    }
}
