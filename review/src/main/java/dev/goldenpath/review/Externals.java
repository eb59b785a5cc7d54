package dev.goldenpath.review;

import dev.goldenpath.vocabulary.Cidr;
import java.math.BigInteger;
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
        // Host bits after the prefix are ignored, as Kubernetes does for an ipBlock.
        Optional<Cidr> block = Cidr.parse(cidr);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        List<Cidr> holes = new ArrayList<>();
        for (String hole : except) {
            Optional<Cidr> parsed = Cidr.parse(hole);
            if (parsed.isEmpty() || parsed.get().bits() != block.get().bits()) {
                return Optional.empty();
            }
            holes.add(parsed.get());
        }
        // Candidates: the block's first address, and the address right after each hole.
        List<BigInteger> candidates = new ArrayList<>();
        candidates.add(block.get().first());
        holes.forEach(hole -> candidates.add(hole.last().add(BigInteger.ONE)));
        candidates.sort(null);
        for (BigInteger candidate : candidates) {
            if (block.get().contains(candidate) && holes.stream().noneMatch(hole -> hole.contains(candidate))) {
                return Optional.of(block.get().format(candidate));
            }
        }
        return Optional.empty();
    }
}
