package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

import dev.goldenpath.vocabulary.NameSyntax;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A port an endpoint listens on, as a pod declares it in {@code containers[].ports}: a number, a
 * protocol and, optionally, a name that NetworkPolicy rules may refer to.
 *
 * <pre>{@code
 * Port http = Port.named("http", 8080, Protocol.TCP);
 * Port dns = Port.of(53, Protocol.UDP);
 * }</pre>
 *
 * @param name     the port's name, or the empty string when it has none
 * @param number   1..65535
 * @param protocol the transport protocol
 */
public record Port(String name, int number, Protocol protocol) implements Comparable<Port> {

    public Port {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        if (number < 1 || number > 65535) {
            throw new IllegalArgumentException("port number " + number + " is outside 1..65535");
        }
        if (!name.isEmpty() && !isServiceName(name)) {
            throw new IllegalArgumentException("port name '" + name + "' is not an IANA service name "
                    + "(1-15 lower-case letters, digits and single inner hyphens, at least one letter)");
        }
    }

    // Written out, as the records of the hot keys are (docs/architecture.md, "Records as keys").
    @Override
    public boolean equals(Object other) {
        return other instanceof Port that && number == that.number && Objects.equals(name, that.name)
                && protocol == that.protocol;
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(name) * 31 + number) * 31 + Objects.hashCode(protocol);
    }

    /** An unnamed port. */
    public static Port of(int number, Protocol protocol) {
        return new Port("", number, protocol);
    }

    /** A named port, which rules can refer to by {@code name}. */
    public static Port named(String name, int number, Protocol protocol) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a named port needs a non-empty name");
        }
        return new Port(name, number, protocol);
    }

    public boolean isNamed() {
        return !name.isEmpty();
    }

    /** Kubernetes' IANA_SVC_NAME: 1-15 of [a-z0-9-], at least one letter, no leading, trailing or double hyphen. */
    static boolean isServiceName(String text) {
        return NameSyntax.isIanaServiceName(text);
    }

    /** Ordered by number, then protocol, then name. */
    @Override
    public int compareTo(Port other) {
        int byNumber = Integer.compare(number, other.number);
        if (byNumber != 0) {
            return byNumber;
        }
        int byProtocol = protocol.compareTo(other.protocol);
        return byProtocol != 0 ? byProtocol : name.compareTo(other.name);
    }

    /** {@code http:8080/TCP}, or {@code 8080/TCP} when unnamed. */
    @Override
    public String toString() {
        return (name.isEmpty() ? "" : name + ":") + number + "/" + protocol;
    }

    /** One (number, protocol) per port: two names for the same port are one destination. */
    static Collection<Port> distinctNumbers(List<Port> ports) {
        Map<String, Port> distinct = new LinkedHashMap<>();
        for (Port port : ports) {
            distinct.putIfAbsent(port.number() + "/" + port.protocol(), port);
        }
        return distinct.values();
    }
}
