package dev.goldenpath.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's {@code ssh-keygen}, so tests use keys, certificates and known_hosts files exactly as users make
 * them (default formats: OpenSSH private keys, plain or hashed known_hosts lines).
 */
public final class SshKeygen {

    private SshKeygen() {
    }

    /** A new key pair of {@code type} (ed25519, ecdsa, rsa) at {@code file} and {@code file.pub}. */
    public static Path generate(String type, Path file, String passphrase) {
        run("-q", "-t", type, "-N", passphrase, "-C", "goldenpath-test-" + type, "-f", file.toString());
        return file;
    }

    /** Signs {@code publicKey} as a host certificate for {@code principals}; returns the certificate file. */
    public static Path signHostKey(Path caKey, Path publicKey, String principals) {
        run("-q", "-s", caKey.toString(), "-I", "goldenpath-test-host", "-h", "-n", principals, publicKey.toString());
        String name = publicKey.getFileName().toString().replaceFirst("\\.pub$", "");
        return publicKey.resolveSibling(name + "-cert.pub");
    }

    /** Replaces host names in a known_hosts file with their hashes ({@code ssh-keygen -H}). */
    public static Path hash(Path knownHosts) {
        run("-q", "-H", "-f", knownHosts.toString());
        try {
            Files.deleteIfExists(knownHosts.resolveSibling(knownHosts.getFileName() + ".old"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return knownHosts;
    }

    /** The public key line of {@code privateKey} ({@code <type> <base64> <comment>}). */
    public static String publicKey(Path privateKey) {
        try {
            return Files.readString(privateKey.resolveSibling(privateKey.getFileName() + ".pub")).strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String run(String... args) {
        List<String> command = new ArrayList<>(List.of("ssh-keygen"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("could not run ssh-keygen", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
