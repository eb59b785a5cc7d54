package dev.goldenpath.vocabulary;

import java.util.Locale;

/**
 * The transport protocols a NetworkPolicy port can name. Kubernetes spells them in upper case and
 * defaults to {@link #TCP} wherever a protocol is left out (NetworkPolicyPort.protocol, ContainerPort.protocol).
 *
 * <pre>{@code
 * import static dev.goldenpath.vocabulary.Protocol.TCP;
 * reachability.allows(frontend, api, 8080, TCP);
 * }</pre>
 */
public enum Protocol {
    TCP, UDP, SCTP;

    /**
     * The protocol Kubernetes names {@code text} (case-sensitive, as the API server is), TCP when
     * {@code text} is null.
     *
     * @throws IllegalArgumentException when {@code text} is not TCP, UDP or SCTP
     */
    public static Protocol of(String text) {
        if (text == null) {
            return TCP;
        }
        for (Protocol protocol : values()) {
            if (protocol.name().equals(text)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unsupported protocol '" + text + "', expected TCP, UDP or SCTP"
                + (text.toUpperCase(Locale.ROOT).matches("TCP|UDP|SCTP") ? " (Kubernetes is case-sensitive)" : ""));
    }
}
