package dev.goldenpath.gitops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.internal.transport.sshd.OpenSshServerKeyDatabase;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * Host key verification against exactly one known_hosts file, whatever {@code ~/.ssh/config} says: a key
 * listed for the host is accepted, an unknown host or a changed key is refused, and the file is never
 * written (OpenSSH's {@code StrictHostKeyChecking yes}). Any one listed key of the server is enough (ed25519,
 * ECDSA or RSA; plain or hashed host names, {@code [host]:port}), and so is a host certificate signed by a
 * {@code @cert-authority} key. A key (or the certificate authority of a certificate) marked {@code @revoked}
 * is refused even where another line lists it, as OpenSSH does (sshd(8), SSH_KNOWN_HOSTS FILE FORMAT).
 * Remembers why it refused, so the publish can say so.
 */
final class StrictKnownHosts implements ServerKeyDatabase {

    enum Verdict { UNKNOWN, CHANGED, REVOKED }

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
        if (revoked(connectAddress, remoteAddress, serverKey)) {
            refusal = Verdict.REVOKED;
            return false;
        }
        // No credentials provider: nobody can be asked to confirm a key.
        if (file.accept(connectAddress, remoteAddress, serverKey, strict(config), null)) {
            return true;
        }
        refusal = file.lookup(connectAddress, remoteAddress, strict(config)).isEmpty()
                ? Verdict.UNKNOWN : Verdict.CHANGED;
        return false;
    }

    /**
     * Whether a {@code @revoked} line matching the host (by the name connected to, or by its address) lists
     * the server's key or, for a host certificate, the key of the authority that signed it.
     */
    private boolean revoked(String connectAddress, InetSocketAddress remoteAddress, PublicKey serverKey) {
        List<PublicKey> keys = new ArrayList<>(List.of(serverKey));
        if (serverKey instanceof OpenSshCertificate certificate) {
            keys.add(certificate.getCertPubKey());
            keys.add(certificate.getCaPubKey());
        }
        for (KnownHostEntry entry : entries()) {
            if (!"revoked".equals(entry.getMarker()) || !matches(entry, connectAddress, remoteAddress)) {
                continue;
            }
            PublicKey listed = publicKey(entry);
            if (listed != null && keys.stream().anyMatch(key -> KeyUtils.compareKeys(listed, key))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(KnownHostEntry entry, String connectAddress, InetSocketAddress remoteAddress) {
        int port = remoteAddress.getPort();
        String host = connectAddress;
        if (host.startsWith("[") && host.contains("]:")) {
            host = host.substring(1, host.indexOf("]:"));
        }
        List<String> names = new ArrayList<>(List.of(host));
        if (remoteAddress.getAddress() != null) {
            names.add(remoteAddress.getAddress().getHostAddress());
        }
        for (String name : names) {
            // OpenSSH matches the patterns against "[host]:port" for other ports than 22, so "*" covers those.
            if (entry.isHostMatch(name, port) || (port != 22 && entry.isHostMatch("[" + name + "]:" + port, 22))) {
                return true;
            }
        }
        return false;
    }

    private List<KnownHostEntry> entries() {
        try {
            return Files.isRegularFile(knownHosts) ? KnownHostEntry.readKnownHostEntries(knownHosts) : List.of();
        } catch (IOException | RuntimeException e) {
            // An unreadable file trusts nothing: the delegate refuses every key of it as well.
            return List.of();
        }
    }

    private static PublicKey publicKey(KnownHostEntry entry) {
        try {
            return entry.getKeyEntry() == null ? null
                    : entry.getKeyEntry().resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
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
