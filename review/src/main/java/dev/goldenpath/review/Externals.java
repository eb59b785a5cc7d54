package dev.goldenpath.review;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outside world as the review sees it: one address for each distinct ipBlock ({@code cidr} minus its
 * {@code except}s) that a NetworkPolicy of either tree names. The address is the lowest one of the block that no
 * {@code except} removes, so that "may X reach this block" is asked with an address the block really contains.
 */
final class Externals {

    private Externals() {
    }

    /** How an ipBlock is named in edges: {@code 0.0.0.0/0} or {@code 0.0.0.0/0 except 10.0.0.0/8,172.16.0.0/12}. */
    static String name(String cidr, List<String> except) {
        return except.isEmpty() ? cidr : cidr + " except " + String.join(",", except);
    }

    /** An address inside {@code cidr} and outside every {@code except}; empty when there is none or a CIDR is invalid. */
    static Optional<String> representative(String cidr, List<String> except) {
        Optional<Range> block = Range.parse(cidr);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        List<Range> holes = new ArrayList<>();
        for (String hole : except) {
            Optional<Range> parsed = Range.parse(hole);
            if (parsed.isEmpty() || parsed.get().bytes != block.get().bytes) {
                return Optional.empty();
            }
            holes.add(parsed.get());
        }
        // Candidates: the block's first address, and the address right after each hole.
        List<BigInteger> candidates = new ArrayList<>();
        candidates.add(block.get().first);
        holes.forEach(hole -> candidates.add(hole.last.add(BigInteger.ONE)));
        candidates.sort(null);
        for (BigInteger candidate : candidates) {
            if (block.get().contains(candidate) && holes.stream().noneMatch(hole -> hole.contains(candidate))) {
                return Optional.of(block.get().format(candidate));
            }
        }
        return Optional.empty();
    }

    /** The addresses of a CIDR as numbers; host bits after the prefix are ignored, as Kubernetes does. */
    private record Range(int bytes, BigInteger first, BigInteger last) {

        static Optional<Range> parse(String cidr) {
            if (cidr == null) {
                return Optional.empty();
            }
            int slash = cidr.indexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            String address = cidr.substring(0, slash);
            if (!address.matches("[0-9a-fA-F:.]+")) {
                return Optional.empty(); // an IP literal only: never a name to resolve
            }
            try {
                byte[] raw = InetAddress.getByName(address).getAddress();
                int prefix = Integer.parseInt(cidr.substring(slash + 1));
                int bits = raw.length * 8;
                if (prefix < 0 || prefix > bits) {
                    return Optional.empty();
                }
                BigInteger value = new BigInteger(1, raw);
                BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
                BigInteger first = value.andNot(hostMask);
                return Optional.of(new Range(raw.length, first, first.or(hostMask)));
            } catch (UnknownHostException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        boolean contains(BigInteger address) {
            return first.compareTo(address) <= 0 && address.compareTo(last) <= 0;
        }

        String format(BigInteger address) {
            byte[] raw = new byte[bytes];
            byte[] value = address.toByteArray();
            int copy = Math.min(value.length, bytes);
            System.arraycopy(value, value.length - copy, raw, bytes - copy, copy);
            try {
                return InetAddress.getByAddress(raw).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("an address of " + bytes + " bytes", e);
            }
        }
    }
}
