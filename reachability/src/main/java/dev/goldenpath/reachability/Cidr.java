package dev.goldenpath.reachability;

import java.util.Optional;

/**
 * An IPv4 or IPv6 block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}. Host bits after the prefix
 * are ignored ({@code 10.0.0.5/8} is {@code 10.0.0.0/8}), as Go's {@code net.ParseCIDR} does.
 */
final class Cidr {

    private final IpAddress network;
    private final int prefix;
    private final String text;

    private Cidr(IpAddress network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** The block {@code text} denotes, or empty when it is not {@code address/prefix}. */
    static Optional<Cidr> parse(String text) {
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
        return IpAddress.parse(text.substring(0, slash))
                .filter(address -> prefix <= address.bitLength())
                .map(address -> new Cidr(address.masked(prefix), prefix, text));
    }

    boolean contains(IpAddress address) {
        return network.samePrefix(address, prefix);
    }

    /** Whether every address of {@code other} lies in this block (same family, equal or longer prefix). */
    boolean covers(Cidr other) {
        return other.prefix >= prefix && contains(other.network);
    }

    @Override
    public String toString() {
        return text;
    }
}
