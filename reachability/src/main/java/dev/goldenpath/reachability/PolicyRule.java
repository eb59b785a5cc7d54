package dev.goldenpath.reachability;

/**
 * One rule of one NetworkPolicy, as a verdict cites it: {@code production/allow-web ingress[0]}.
 *
 * @param namespace the policy's namespace
 * @param policy    the policy's name
 * @param direction which list the rule is in
 * @param index     its position in {@code spec.ingress} or {@code spec.egress}
 */
public record PolicyRule(String namespace, String policy, Direction direction, int index) {

    @Override
    public String toString() {
        return namespace + "/" + policy + " " + direction.field() + "[" + index + "]";
    }
}
