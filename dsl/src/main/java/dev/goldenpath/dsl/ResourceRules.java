package dev.goldenpath.dsl;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Requests and limits: Kubernetes quantities, each limit at least its request, memory requested and limits above 0
 * (a zero limit is no limit to the kubelet). Amounts that parse but cannot be meant are {@link AmountRules}'.
 */
record ResourceRules(Problems problems) {

    /** Parses a quantity (apimachinery {@code resource.Quantity}), reporting it when it is none. */
    Optional<BigDecimal> quantity(FieldPath path, String value, String example) {
        Optional<BigDecimal> parsed = Quantities.parse(value);
        if (parsed.isEmpty()) {
            problems.add(ViolationCode.RESOURCES_NOT_A_QUANTITY,
                    path, value, "not a Kubernetes quantity", "use a number with an optional suffix, e.g. " + example);
        }
        return parsed;
    }

    /** An app's resources, or those of one environment's override. */
    void resources(FieldPath path, Resources resources) {
        FieldPath requests = path.field("requests");
        FieldPath limits = path.field("limits");
        Optional<BigDecimal> requestCpu = quantity(requests.field("cpu"), resources.requests().cpu(), "250m");
        Optional<BigDecimal> requestMemory = quantity(requests.field("memory"), resources.requests().memory(), "64Mi");
        Optional<BigDecimal> limitCpu = quantity(limits.field("cpu"), resources.limits().cpu(), "500m");
        Optional<BigDecimal> limitMemory = quantity(limits.field("memory"), resources.limits().memory(), "128Mi");
        AmountRules.resources(problems, path, resources);
        if (requestCpu.isPresent() && limitCpu.isPresent() && limitCpu.get().compareTo(requestCpu.get()) < 0) {
            problems.add(ViolationCode.RESOURCES_LIMIT_BELOW_REQUEST, limits.field("cpu"), resources.limits().cpu(),
                    "the limit must be at least the request (" + resources.requests().cpu() + ")",
                    "raise the limit or lower the request");
        }
        if (requestMemory.isPresent() && limitMemory.isPresent() && limitMemory.get().compareTo(requestMemory.get()) < 0) {
            problems.add(ViolationCode.RESOURCES_LIMIT_BELOW_REQUEST,
                    limits.field("memory"), resources.limits().memory(),
                    "the limit must be at least the request (" + resources.requests().memory() + ")",
                    "raise the limit or lower the request");
        }
        if (requestMemory.filter(m -> m.signum() == 0).isPresent()) {
            problems.add(ViolationCode.RESOURCES_MEMORY_REQUEST_ZERO,
                    requests.field("memory"), resources.requests().memory(), "a memory request must be above 0",
                    "request what the app needs at rest, e.g. 64Mi");
        }
        if (limitCpu.filter(m -> m.signum() == 0).isPresent() || limitMemory.filter(m -> m.signum() == 0).isPresent()) {
            problems.add(ViolationCode.RESOURCES_LIMIT_ZERO,
                    limits, resources.limits(), "limits must be above 0", "set real limits, e.g. 500m and 128Mi");
        }
    }
}
