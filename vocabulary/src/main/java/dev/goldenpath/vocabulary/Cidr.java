package dev.goldenpath.vocabulary;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}, parsed without any name lookup.
 *
 * <p>{@link #parse} reads a block as Kubernetes does for a NetworkPolicy's {@code ipBlock} (Go's
 * {@code net.ParseCIDR}): host bits after the prefix are ignored, {@code 10.0.0.5/8} is {@code 10.0.0.0/8}. A spec
 * that wrote such a block most likely meant something else, so the DSL also asks {@link #canonical()}.
 *
 * <pre>{@code
 * Cidr block = Cidr.parse("10.0.0.0/8").orElseThrow();
 * block.contains(Cidr.parse("10.1.0.0/16").orElseThrow());   // true
 * block.format(block.first());                                // 10.0.0.0
 * }</pre>
 *
 * @param address the address as written, as an unsigned number
 * @param bits    32 for IPv4, 128 for IPv6
 * @param prefix  the prefix length, 0 to {@code bits}
 */
public record Cidr(BigInteger address, int bits, int prefix) {

    /** An IP literal only: never a name that {@link InetAddress} would resolve. */
    private static final Pattern LITERAL = Pattern.compile("^[0-9a-fA-F:.]+$");
    /**
     * Dotted IPv4 as Go's parser reads it: exactly four decimal octets. {@link InetAddress} also takes the BSD short
     * forms ({@code 10.1} is 10.0.0.1) that the API server refuses, and leading zeros that other tools read as
     * octal; both are refused here.
     */
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");

    public Cidr {
        if (bits != 32 && bits != 128) {
            throw new IllegalArgumentException("an address has 32 or 128 bits, not " + bits);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException(
                    "a prefix of " + bits + "-bit addresses is 0 to " + bits + ", not " + prefix);
        }
        if (address.signum() < 0 || address.bitLength() > bits) {
            throw new IllegalArgumentException("not a " + bits + "-bit address: " + address);
        }
    }

    /**
     * The block, or empty when the text is not {@code <IP literal>/<prefix>}. An IPv4 address is written with dots and
     * an IPv6 one with colons ({@code ::ffff:10.0.0.1} is IPv6 text for an IPv4 address and is refused, as its bit
     * length would be ambiguous).
     */
    public static Optional<Cidr> parse(String cidr) {
        if (cidr == null) {
            return Optional.empty();
        }
        int slash = cidr.indexOf('/');
        if (slash < 0 || slash != cidr.lastIndexOf('/')) {
            return Optional.empty();
        }
        String address = cidr.substring(0, slash);
        String prefixText = cidr.substring(slash + 1);
        if (!LITERAL.matcher(address).matches() || !address.contains(".") && !address.contains(":")
                || prefixText.isEmpty() || prefixText.length() > 3
                || !prefixText.chars().allMatch(c -> c >= '0' && c <= '9')
                || address.contains(".") && !DOTTED_QUAD.matcher(address.substring(address.lastIndexOf(':') + 1)).matches()) {
            return Optional.empty();
        }
        try {
            int prefix = Integer.parseInt(prefixText);
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int bits = bytes.length * 8;
            if (prefix > bits || address.contains(":") != (bits == 128)) {
                return Optional.empty();
            }
            return Optional.of(new Cidr(new BigInteger(1, bytes), bits, prefix));
        } catch (NumberFormatException | UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** {@code true} when the host bits after the prefix are zero: the text names the block's first address. */
    public boolean canonical() {
        return address.equals(first());
    }

    /** {@code true} for {@code 0.0.0.0/0} and {@code ::/0}: every address of the family. */
    public boolean everyAddress() {
        return prefix == 0;
    }

    /** The block's first address. */
    public BigInteger first() {
        return address.andNot(hostMask());
    }

    /** The block's last address. */
    public BigInteger last() {
        return first().or(hostMask());
    }

    /** Whether this address (of the same family) lies in the block. */
    public boolean contains(BigInteger other) {
        return first().compareTo(other) <= 0 && other.compareTo(last()) <= 0;
    }

    /** Whether every address of {@code other} lies in this block (same family, equal or longer prefix). */
    public boolean contains(Cidr other) {
        return other.bits == bits && other.prefix >= prefix && contains(other.first());
    }

    /** An address of this block's family as text ({@code 10.0.0.1}, {@code 2001:db8:0:0:0:0:0:1}). */
    public String format(BigInteger value) {
        int length = bits / 8;
        byte[] raw = new byte[length];
        byte[] bytes = value.toByteArray();
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, raw, length - copy, copy);
        try {
            return InetAddress.getByAddress(raw).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + length + " bytes", e);
        }
    }

    private BigInteger hostMask() {
        return BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    }
}
