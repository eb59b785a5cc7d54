package dev.goldenpath.reachability;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A compiled metav1.LabelSelector: every matchLabels pair AND every matchExpressions requirement must
 * hold. An empty selector ({@code {}}) matches every label set. Absence of a selector is a different
 * thing, and the callers deal with it (see {@link CompiledPolicy}).
 */
final class Selector {

    static final Selector EVERYTHING = new Selector(Map.of(), List.of());

    private enum Operator { In, NotIn, Exists, DoesNotExist }

    private record Requirement(String key, Operator operator, SortedSet<String> values) {

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case In -> value != null && values.contains(value);
                // apimachinery labels.Selector: NotIn also matches when the key is absent.
                case NotIn -> value == null || !values.contains(value);
                case Exists -> value != null;
                case DoesNotExist -> value == null;
            };
        }

        @Override
        public String toString() {
            return switch (operator) {
                case In -> key + " in (" + String.join(",", values) + ")";
                case NotIn -> key + " notin (" + String.join(",", values) + ")";
                case Exists -> key;
                case DoesNotExist -> "!" + key;
            };
        }
    }

    private final Map<String, String> matchLabels;
    private final List<Requirement> requirements;

    private Selector(Map<String, String> matchLabels, List<Requirement> requirements) {
        this.matchLabels = matchLabels;
        this.requirements = requirements;
    }

    /**
     * Compiles {@code selector} (non-null), adding a problem under {@code path} for each invalid
     * requirement (apimachinery ValidateLabelSelectorRequirement rules) and each unknown field.
     */
    static Selector compile(LabelSelector selector, Where path, List<String> problems) {
        Problems.unknownFields(selector.getAdditionalProperties(), path, problems);
        Map<String, String> labels = new TreeMap<>();
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((key, value) -> {
                if (key == null || key.isEmpty()) {
                    problems.add(path + ".matchLabels: a label key must not be empty");
                } else if (value == null) {
                    problems.add(path + ".matchLabels." + key + ": a label value must not be null");
                } else {
                    labels.put(key, value);
                }
            });
        }
        List<Requirement> requirements = new ArrayList<>();
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null
                ? List.of() : selector.getMatchExpressions();
        for (int i = 0; i < expressions.size(); i++) {
            Where at = path.then(".matchExpressions").at(i);
            LabelSelectorRequirement expression = expressions.get(i);
            Problems.unknownFields(expression.getAdditionalProperties(), at, problems);
            List<String> values = expression.getValues() == null ? List.of() : expression.getValues();
            Operator operator = operator(expression.getOperator());
            boolean valid = true;
            if (expression.getKey() == null || expression.getKey().isEmpty()) {
                problems.add(at + ".key: is required");
                valid = false;
            }
            if (operator == null) {
                problems.add(at + ".operator: '" + expression.getOperator()
                        + "' is not one of In, NotIn, Exists, DoesNotExist");
                valid = false;
            } else if ((operator == Operator.In || operator == Operator.NotIn) && values.isEmpty()) {
                problems.add(at + ".values: must be non-empty when operator is " + operator);
                valid = false;
            } else if ((operator == Operator.Exists || operator == Operator.DoesNotExist) && !values.isEmpty()) {
                problems.add(at + ".values: must be empty when operator is " + operator);
                valid = false;
            }
            if (valid) {
                requirements.add(new Requirement(expression.getKey(), operator, new TreeSet<>(values)));
            }
        }
        return new Selector(Map.copyOf(labels), List.copyOf(requirements));
    }

    private static Operator operator(String text) {
        for (Operator operator : Operator.values()) {
            if (operator.name().equals(text)) {
                return operator;
            }
        }
        return null;
    }

    boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> entry : matchLabels.entrySet()) {
            if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (Requirement requirement : requirements) {
            if (!requirement.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** The {@code matchLabels} part: every pod it matches carries each of these labels (an index can look them up). */
    Map<String, String> matchLabels() {
        return matchLabels;
    }

    boolean isEmpty() {
        return matchLabels.isEmpty() && requirements.isEmpty();
    }

    /** kubectl's notation: {@code app=web,tier in (a,b)}, or {@code {}} for the empty selector. */
    @Override
    public String toString() {
        if (isEmpty()) {
            return "{}";
        }
        StringJoiner text = new StringJoiner(",");
        new TreeMap<>(matchLabels).forEach((key, value) -> text.add(key + "=" + value));
        requirements.forEach(requirement -> text.add(requirement.toString()));
        return text.toString();
    }
}
