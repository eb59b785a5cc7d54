package dev.goldenpath.dsl;

import java.util.Optional;

/**
 * A node taint the application tolerates.
 *
 * @param key      the taint key
 * @param value    the taint value; empty with {@link Operator#EXISTS}
 * @param operator {@code Equal} or {@code Exists}
 * @param effect   the taint effect; empty tolerates every effect
 */
public record Toleration(String key, Optional<String> value, Operator operator, Optional<Effect> effect) {

    /** How the toleration matches the taint's value. */
    public enum Operator {
        EQUAL("Equal"), EXISTS("Exists");

        private final String kubernetesName;

        Operator(String kubernetesName) {
            this.kubernetesName = kubernetesName;
        }

        public String kubernetesName() {
            return kubernetesName;
        }
    }

    /** The taint effect, as Kubernetes names it. */
    public enum Effect {
        NO_SCHEDULE("NoSchedule"), PREFER_NO_SCHEDULE("PreferNoSchedule"), NO_EXECUTE("NoExecute");

        private final String kubernetesName;

        Effect(String kubernetesName) {
            this.kubernetesName = kubernetesName;
        }

        public String kubernetesName() {
            return kubernetesName;
        }
    }
}
