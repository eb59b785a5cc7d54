package dev.goldenpath.reachability;

import dev.goldenpath.vocabulary.Protocol;

import java.util.List;
import java.util.Objects;

/**
 * The answer to "may {@code source} reach {@code destination} on {@code port}/{@code protocol}", with
 * the reasons: the source's egress side and the destination's ingress side are judged separately and
 * both must permit the connection.
 *
 * <pre>{@code
 * Verdict verdict = reachability.explain(frontend, api, 8080, Protocol.TCP);
 * if (!verdict.allowed()) {
 *     System.out.println(verdict);
 *     // web/frontend -> web/api 8080/TCP: denied
 *     //   egress: not isolated (no policy selects web/frontend for Egress)
 *     //   ingress: denied (isolated by web/default-deny; no ingress rule matches)
 * }
 * }</pre>
 *
 * @param edge    the connection asked about
 * @param egress  the verdict of the source's egress policies
 * @param ingress the verdict of the destination's ingress policies
 */
public record Verdict(Edge edge, Side egress, Side ingress) {

    public Verdict {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(egress, "egress");
        Objects.requireNonNull(ingress, "ingress");
    }

    /** Whether both sides permit the connection. */
    public boolean allowed() {
        return egress.permits() && ingress.permits();
    }

    /** Several lines: the connection and verdict, then one line per side. */
    @Override
    public String toString() {
        return edge + ": " + (allowed() ? "allowed" : "denied") + "\n  " + egress + "\n  " + ingress;
    }

    /** How one side came to its decision. */
    public enum Status {
        /** The endpoint on this side is outside the cluster; NetworkPolicies do not govern it. */
        NOT_A_POD,
        /** No policy with this direction in its policyTypes selects the pod: everything is allowed. */
        NOT_ISOLATED,
        /** The pod is isolated and at least one rule of a selecting policy matches. */
        ALLOWED,
        /** The pod is isolated and no rule of any selecting policy matches. */
        DENIED,
        /** Source and destination are the same pod, which "cannot block access to itself" (Kubernetes docs). */
        SELF
    }

    /**
     * One side of a verdict.
     *
     * @param direction          EGRESS for the source's side, INGRESS for the destination's
     * @param endpoint           the id of the endpoint whose policies are judged
     * @param status             the outcome
     * @param isolatingPolicies  {@code namespace/name} of every policy that selects the pod for this
     *                           direction (empty unless ALLOWED or DENIED)
     * @param allowedBy          every rule that matches the connection (empty unless ALLOWED)
     */
    public record Side(Direction direction, String endpoint, Status status, List<String> isolatingPolicies,
                       List<PolicyRule> allowedBy) {

        public Side {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(status, "status");
            isolatingPolicies = List.copyOf(isolatingPolicies);
            allowedBy = List.copyOf(allowedBy);
        }

        /** Whether this side lets the connection through. */
        public boolean permits() {
            return status != Status.DENIED;
        }

        @Override
        public String toString() {
            String side = direction.field() + ": ";
            return side + switch (status) {
                case NOT_A_POD -> "not governed (" + endpoint + " is outside the cluster)";
                case NOT_ISOLATED -> "not isolated (no policy selects " + endpoint + " for " + direction.policyType() + ")";
                case ALLOWED -> "allowed by " + String.join(", ", allowedBy.stream().map(PolicyRule::toString).toList());
                case DENIED -> "denied (isolated by " + String.join(", ", isolatingPolicies) + "; no "
                        + direction.field() + " rule matches)";
                case SELF -> "allowed (a pod cannot block access to itself)";
            };
        }
    }
}
