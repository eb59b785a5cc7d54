package dev.goldenpath.dsl;

import java.math.BigDecimal;

/**
 * Amounts that parse but cannot be meant: memory in bytes where MiB were meant ({@code "128"}), CPU finer than the
 * millicore Kubernetes counts in, more CPU or memory than any node has.
 */
final class AmountRules {

    /** Kubernetes counts CPU in millicores; a smaller non-zero amount is rounded up (resource.Quantity). */
    private static final BigDecimal MILLICORE = new BigDecimal("0.001");
    /** More cores than the largest machines offer. */
    private static final BigDecimal MAX_CPU = BigDecimal.valueOf(1024);
    /** A container runtime cannot start a container with less (runc needs a few MiB for itself). */
    private static final BigDecimal MIN_MEMORY = BigDecimal.valueOf(4L << 20);
    /** More memory, or disk for an emptyDir, than any node has: 64 TiB. */
    private static final BigDecimal MAX_BYTES = BigDecimal.valueOf(1L << 46);

    /** The smallest volume a stateful service may claim: 1 MiB. */
    private static final BigDecimal MIN_CLAIM = BigDecimal.valueOf(1L << 20);

    private AmountRules() {
    }

    static void resources(Problems problems, FieldPath path, Resources resources) {
        cpu(problems, path.field("requests").field("cpu"), resources.requests().cpu());
        cpu(problems, path.field("limits").field("cpu"), resources.limits().cpu());
        memory(problems, path.field("requests").field("memory"), resources.requests().memory());
        memory(problems, path.field("limits").field("memory"), resources.limits().memory());
    }

    static void size(Problems problems, FieldPath path, String amount) {
        Quantities.parse(amount).filter(b -> b.compareTo(MAX_BYTES) > 0).ifPresent(b -> problems.add(
                ViolationCode.RESOURCES_AMOUNT_TOO_LARGE,
                path, amount,
                "more than 64Ti: no node has that much disk", "use what the app really writes, e.g. 1Gi"));
    }

    /**
     * A stateful service's volume size ({@code requests.storage} of its claims): a whole number of bytes, at least
     * {@code 1Mi} (below it a unit was forgotten: {@code "10"} is 10 bytes) and at most 64Ti.
     */
    static void claimSize(Problems problems, FieldPath path, String amount) {
        Quantities.parse(amount).ifPresent(bytes -> {
            if (bytes.compareTo(MIN_CLAIM) < 0) {
                problems.add(ViolationCode.STATEFUL_SIZE_TOO_SMALL,
                        path, amount, "a volume holds at least 1Mi (a plain number is bytes)",
                        amount.matches("[0-9]+") ? "add the unit, e.g. " + amount + "Gi" : "use e.g. 10Gi");
            } else if (bytes.stripTrailingZeros().scale() > 0) {
                problems.add(ViolationCode.STATEFUL_SIZE_NOT_WHOLE_BYTES,
                        path, amount, "a volume's size is a whole number of bytes, " + amount + " is "
                                + bytes.stripTrailingZeros().toPlainString() + " bytes", "use a binary unit, e.g. 10Gi");
            }
        });
        size(problems, path, amount);
    }

    private static void cpu(Problems problems, FieldPath path, String amount) {
        Quantities.parse(amount).ifPresent(cores -> {
            if (cores.signum() > 0 && cores.compareTo(MILLICORE) < 0) {
                problems.add(ViolationCode.RESOURCES_CPU_BELOW_MILLICORE,
                        path, amount, "CPU is counted in millicores: less than 1m cannot be expressed",
                        "use at least 1m, e.g. 10m");
            } else if (cores.compareTo(MAX_CPU) > 0) {
                problems.add(ViolationCode.RESOURCES_AMOUNT_TOO_LARGE,
                        path, amount, "more than 1024 cores: no node has that many", "use e.g. 500m or 2");
            }
        });
    }

    private static void memory(Problems problems, FieldPath path, String amount) {
        Quantities.parse(amount).ifPresent(bytes -> {
            if (bytes.signum() > 0 && bytes.compareTo(MIN_MEMORY) < 0) {
                problems.add(ViolationCode.RESOURCES_MEMORY_TOO_SMALL,
                        path, amount, "less than 4Mi: no container starts with that little memory "
                        + "(a plain number is bytes)", amount.matches("[0-9]+") ? "add the unit, e.g. " + amount + "Mi" : "use e.g. 128Mi");
            } else if (bytes.compareTo(MAX_BYTES) > 0) {
                problems.add(ViolationCode.RESOURCES_AMOUNT_TOO_LARGE,
                        path, amount, "more than 64Ti: no node has that much memory", "use e.g. 256Mi or 2Gi");
            }
        });
    }
}
