package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Protocol;

/**
 * A port the application listens on. Its name is what probes, Services and network policies refer to.
 *
 * @param name     an IANA service name: at most 15 lowercase letters, digits and '-', with at least one letter
 * @param number   1 to 65535
 * @param protocol TCP unless told otherwise
 * @param hostPort 0 for none (the secure default); any other value binds the node's port and needs
 *                 {@link Weakening#HOST_PORTS}
 */
public record Port(String name, int number, Protocol protocol, int hostPort) {

    /** The same port, bound on the node as well (needs {@link Weakening#HOST_PORTS}). */
    public Port onHostPort(int port) {
        return new Port(name, number, protocol, port);
    }

    /** The same port with another protocol. */
    public Port protocol(Protocol newProtocol) {
        return new Port(name, number, newProtocol, hostPort);
    }
}
