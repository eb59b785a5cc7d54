package dev.goldenpath.cli;

import dev.goldenpath.gitops.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@code publish} authenticates. Secrets are never an argument's value (arguments end up in shell history
 * and process lists) nor part of the repository URL (the library refuses such URLs): a token comes from an
 * environment variable or a file, an SSH key from a file or the running ssh-agent. A variable or file that is
 * there but empty is an error, never "no credentials", so a CI secret that failed to arrive is not mistaken
 * for an anonymous publish.
 */
final class CredentialOptions {

    static final String DEFAULT_TOKEN_VARIABLE = "GOLDENPATH_GIT_TOKEN";
    static final String AGENT_VARIABLE = "SSH_AUTH_SOCK";

    String tokenVariable = DEFAULT_TOKEN_VARIABLE;
    Path tokenFile;
    Path sshKey;
    Path knownHosts;
    String passphraseVariable;

    void declare(Syntax syntax) {
        syntax.option("--token-env", "VARIABLE", "Environment variable holding an HTTPS access token (default: "
                + DEFAULT_TOKEN_VARIABLE + ").", value -> tokenVariable = value);
        syntax.option("--token-file", "FILE",
                "File holding an HTTPS access token (a mounted CI secret); a trailing newline is ignored.",
                value -> tokenFile = Path.of(value));
        syntax.option("--ssh-key", "FILE",
                "Private key for SSH: ed25519, ECDSA or RSA, OpenSSH or PEM format; only this key is tried.",
                value -> sshKey = Path.of(value));
        syntax.option("--known-hosts", "FILE", "known_hosts for SSH (default: ~/.ssh/known_hosts). Without --ssh-key: "
                + "the keys of the ssh-agent in $SSH_AUTH_SOCK.", value -> knownHosts = Path.of(value));
        syntax.option("--ssh-passphrase-env", "VARIABLE", "Environment variable holding the private key's passphrase.",
                value -> passphraseVariable = value);
    }

    /** The credentials these options and the environment name; {@link UsageError} when they are unusable. */
    Credentials resolve(Console console) {
        if (sshKey != null) {
            if (tokenFile != null) {
                throw new UsageError("--token-file and --ssh-key exclude each other: a token is for HTTPS, a key for SSH");
            }
            return sshKey(console);
        }
        if (passphraseVariable != null) {
            throw new UsageError("--ssh-passphrase-env needs --ssh-key");
        }
        if (knownHosts != null) {
            String socket = console.env().get(AGENT_VARIABLE);
            if (socket == null || socket.isBlank()) {
                throw new UsageError("--known-hosts without --ssh-key uses the ssh-agent, but " + AGENT_VARIABLE
                        + " is not set: start one (eval \"$(ssh-agent)\"; ssh-add KEY) or pass --ssh-key FILE");
            }
            return Credentials.sshAgent(Path.of(socket), knownHosts);
        }
        Optional<String> token = tokenFile != null ? Optional.of(tokenFromFile()) : tokenFromVariable(console);
        return token.map(Credentials::token).orElse(Credentials.none());
    }

    private Credentials sshKey(Console console) {
        if (!Files.isRegularFile(sshKey)) {
            throw new UsageError("--ssh-key " + sshKey + " is not a file");
        }
        Credentials ssh = knownHosts == null ? Credentials.ssh(sshKey) : Credentials.ssh(sshKey, knownHosts);
        if (passphraseVariable == null) {
            return ssh;
        }
        return ssh.withPassphrase(required(console, passphraseVariable, "--ssh-passphrase-env"));
    }

    private String tokenFromFile() {
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UsageError("--token-file " + tokenFile + " cannot be read: " + e.getMessage());
        }
        if (token.isEmpty()) {
            throw new UsageError("--token-file " + tokenFile + " is empty: put the access token in it");
        }
        if (token.contains("\n")) {
            throw new UsageError("--token-file " + tokenFile + " holds more than one line: put only the access token in it");
        }
        return token;
    }

    private Optional<String> tokenFromVariable(Console console) {
        if (!console.env().containsKey(tokenVariable)) {
            if (!tokenVariable.equals(DEFAULT_TOKEN_VARIABLE)) {
                throw new UsageError("environment variable " + tokenVariable + " (--token-env) is not set");
            }
            return Optional.empty();
        }
        return Optional.of(required(console, tokenVariable, "--token-env"));
    }

    /** The value of a variable that must be set and hold more than white space. */
    private static String required(Console console, String variable, String option) {
        String value = console.env().get(variable);
        if (value == null) {
            throw new UsageError("environment variable " + variable + " (" + option + ") is not set");
        }
        if (value.isBlank()) {
            throw new UsageError("environment variable " + variable + " (" + option + ") is set but empty: the CI"
                    + " secret it should hold did not arrive; set it to the value, or unset it");
        }
        return value.strip();
    }
}
