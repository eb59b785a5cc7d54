package dev.goldenpath.reachability;

/**
 * The two directions a NetworkPolicy can isolate a pod for, spelled in {@code spec.policyTypes} as
 * {@code Ingress} and {@code Egress}.
 */
public enum Direction {
    /** Traffic into the selected pod; rules list where it may come {@code from}. */
    INGRESS("Ingress"),
    /** Traffic out of the selected pod; rules list where it may go {@code to}. */
    EGRESS("Egress");

    private final String policyType;

    Direction(String policyType) {
        this.policyType = policyType;
    }

    /** The spelling used in {@code spec.policyTypes}. */
    public String policyType() {
        return policyType;
    }

    /** The lower-case name used in rule references, e.g. {@code ingress[0]}. */
    String field() {
        return this == INGRESS ? "ingress" : "egress";
    }
}
