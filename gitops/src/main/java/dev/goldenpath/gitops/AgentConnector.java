package dev.goldenpath.gitops;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.eclipse.jgit.transport.sshd.agent.AbstractConnector;
import org.eclipse.jgit.transport.sshd.agent.Connector;
import org.eclipse.jgit.transport.sshd.agent.ConnectorFactory;

/**
 * Talks to an OpenSSH ssh-agent over its Unix domain socket with the JDK's own socket channels (Java 16+), so
 * agent keys work without JGit's JNA-based agent bundle and its native libraries. JGit's SSH client builds and
 * reads the agent protocol messages (draft-miller-ssh-agent); this class only frames them: a 4-byte length,
 * then the message.
 */
final class AgentConnector extends AbstractConnector {

    private final Path socket;
    private SocketChannel channel;

    AgentConnector(Path socket) {
        this.socket = socket;
    }

    @Override
    public synchronized boolean connect() throws IOException {
        if (channel == null) {
            if (!Files.exists(socket)) {
                // A stale SSH_AUTH_SOCK (the agent has gone): no agent, as OpenSSH treats it.
                return false;
            }
            SocketChannel opened = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                opened.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                opened.close();
                throw new IOException("cannot reach the ssh-agent at " + socket + " (SSH_AUTH_SOCK): " + e.getMessage(), e);
            }
            channel = opened;
        }
        return true;
    }

    @Override
    public synchronized byte[] rpc(byte command, byte[] message) throws IOException {
        if (channel == null) {
            throw new IOException("not connected to the ssh-agent at " + socket);
        }
        // The first five bytes of message are reserved for the length and the command (AbstractConnector).
        prepareMessage(command, message);
        ByteBuffer out = ByteBuffer.wrap(message);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        byte[] header = new byte[4];
        read(header);
        byte[] reply = new byte[toLength(command, header)];
        read(reply);
        return reply;
    }

    private void read(byte[] into) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(into);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new IOException("the ssh-agent at " + socket + " closed the connection");
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /** Creates connectors to one agent socket, whatever ~/.ssh/config or the environment say. */
    record Factory(Path socket) implements ConnectorFactory {

        @Override
        public Connector create(String identityAgent, File homeDir) {
            return new AgentConnector(socket);
        }

        @Override
        public boolean isSupported() {
            return true;
        }

        @Override
        public String getName() {
            return "goldenpath-unix-socket";
        }

        @Override
        public Collection<ConnectorDescriptor> getSupportedConnectors() {
            return List.of(getDefaultConnector());
        }

        @Override
        public ConnectorDescriptor getDefaultConnector() {
            return new ConnectorDescriptor() {
                @Override
                public String getIdentityAgent() {
                    return socket.toString();
                }

                @Override
                public String getDisplayName() {
                    return "ssh-agent at " + socket;
                }
            };
        }
    }
}
