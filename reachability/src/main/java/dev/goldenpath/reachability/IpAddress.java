package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Cidr;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 (4 bytes) or IPv6 (16 bytes) address parsed from its literal text, never from a host name.
 * IPv4-mapped IPv6 literals ({@code ::ffff:192.0.2.1}) become IPv4, as Go's {@code net.IPNet.Contains}
 * treats them, so they match IPv4 CIDRs the way Kubernetes implementations do.
 */
final class IpAddress {

    private final byte[] bytes;
    private final String text;

    private IpAddress(byte[] bytes, String text) {
        this.bytes = bytes;
        this.text = text;
    }

    /** The address {@code text} denotes, or empty when it is not an IP literal. */
    static Optional<IpAddress> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
        return bytes == null ? Optional.empty() : Optional.of(new IpAddress(bytes, text));
    }

    /** The address {@code text} denotes. */
    static IpAddress of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 address"));
    }

    /**
     * Dotted quad with exactly four decimal parts, no leading zeros: Go's {@code net.ParseIP} (which the
     * API server validates with) rejects leading zeros since Go 1.17, and Java's lenient forms
     * ({@code 10.1}) are not addresses Kubernetes accepts.
     */
    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /**
     * IPv6 via the JDK parser, but only once the text is known to be a literal: InetAddress resolves
     * anything else through DNS, which an in-memory evaluator must never do. Zone ids are refused.
     */
    private static byte[] parseV6(String text) {
        char first = text.charAt(0);
        if (!(first == ':' || Character.digit(first, 16) >= 0)) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
                return null;
            }
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            byte[] bytes = address.getAddress();
            return address instanceof Inet4Address || bytes.length == 16 ? bytes : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    boolean isV4() {
        return bytes.length == 4;
    }

    int bitLength() {
        return bytes.length * 8;
    }

    /**
     * The block {@code text} denotes, or empty when it is not {@code address/prefix}: the address read as strictly as
     * {@link #parse} reads one (Go's {@code net.ParseCIDR}); host bits after the prefix are ignored
     * ({@code 10.0.0.5/8} is {@code 10.0.0.0/8}).
     */
    static Optional<Cidr> cidr(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            return Optional.empty();
        }
        String bits = text.substring(slash + 1);
        if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(bits);
        return parse(text.substring(0, slash)).filter(address -> prefix <= address.bitLength())
                .map(address -> new Cidr(address.value(), address.bitLength(), prefix));
    }

    /** Whether this address lies in {@code block} (an address of the other family never does). */
    boolean in(Cidr block) {
        return block.bits() == bitLength() && block.contains(value());
    }

    private BigInteger value() {
        return new BigInteger(1, bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text;
    }
}
