package dev.goldenpath.dsl;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IPv4 and IPv6 CIDR blocks, parsed without any name lookup. */
final class Cidrs {

    private static final Pattern LITERAL = Pattern.compile("^[0-9a-fA-F:.]+$");

    private Cidrs() {
    }

    /** A parsed block: the address as an unsigned number, its bit length and prefix length. */
    record Block(BigInteger address, int bits, int prefix) {
        boolean contains(Block other) {
            if (other.bits != bits || other.prefix < prefix) {
                return false;
            }
            int shift = bits - prefix;
            return address.shiftRight(shift).equals(other.address.shiftRight(shift));
        }
    }

    /** The block, or empty when the text is not {@code address/prefix} with the host bits zero. */
    static Optional<Block> parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String address = cidr.substring(0, slash);
        if (!LITERAL.matcher(address).matches() || !address.contains(".") && !address.contains(":")) {
            return Optional.empty();
        }
        try {
            int prefix = Integer.parseInt(cidr.substring(slash + 1));
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int bits = bytes.length * 8;
            if (prefix < 0 || prefix > bits || address.contains(":") != (bits == 128)) {
                return Optional.empty();
            }
            BigInteger value = new BigInteger(1, bytes);
            if (prefix < bits && value.mod(BigInteger.ONE.shiftLeft(bits - prefix)).signum() != 0) {
                return Optional.empty();
            }
            return Optional.of(new Block(value, bits, prefix));
        } catch (NumberFormatException | UnknownHostException e) {
            return Optional.empty();
        }
    }
}
