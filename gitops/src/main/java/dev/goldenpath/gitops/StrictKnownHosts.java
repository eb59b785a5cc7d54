package dev.goldenpath.gitops;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * Host key verification against exactly one known_hosts file, whatever {@code ~/.ssh/config} says: a key
 * listed for the host is accepted, an unknown host or a changed key is refused, and the file is never
 * written (OpenSSH's {@code StrictHostKeyChecking yes}). Remembers why it refused, so the publish can say so.
 */
final class StrictKnownHosts implements ServerKeyDatabase {

    enum Verdict { UNKNOWN, CHANGED }

    private final OpenSshServerKeyDatabase file;
    private final Path knownHosts;
    private volatile Verdict refusal;

    StrictKnownHosts(Path knownHosts) {
        this.knownHosts = knownHosts;
        // askAboutNewFile=false is moot: REQUIRE_MATCH never adds keys, so the file is never created.
        this.file = new OpenSshServerKeyDatabase(false, List.of(knownHosts));
    }

    @Override
    public List<PublicKey> lookup(String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
        return file.lookup(connectAddress, remoteAddress, strict(config));
    }

    @Override
    public boolean accept(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey,
            Configuration config, CredentialsProvider provider) {
        // No credentials provider: nobody can be asked to confirm a key.
        if (file.accept(connectAddress, remoteAddress, serverKey, strict(config), null)) {
            return true;
        }
        refusal = file.lookup(connectAddress, remoteAddress, strict(config)).isEmpty()
                ? Verdict.UNKNOWN : Verdict.CHANGED;
        return false;
    }

    /** Why the last connection was refused, or null. */
    Verdict refusal() {
        return refusal;
    }

    Path knownHosts() {
        return knownHosts;
    }

    private static Configuration strict(Configuration config) {
        return new Configuration() {
            @Override
            public List<String> getUserKnownHostsFiles() {
                return List.of();
            }

            @Override
            public List<String> getGlobalKnownHostsFiles() {
                return List.of();
            }

            @Override
            public StrictHostKeyChecking getStrictHostKeyChecking() {
                return StrictHostKeyChecking.REQUIRE_MATCH;
            }

            @Override
            public boolean getHashKnownHosts() {
                return false;
            }

            @Override
            public String getUsername() {
                return config.getUsername();
            }
        };
    }
}
