package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a value sits in a platform spec, built step by step instead of by string concatenation: {@code
 * FieldPath.app("web").field("ports").key("http").field("number")} reads {@code apps[web].ports[http].number}.
 * Modelled on apimachinery's {@code field.Path}: a field is {@code .name}, a named list element or a map entry is
 * {@code [key]}, an unnamed list element is {@code [index]}. The text is what {@link Violation#path()} carries.
 *
 * @param steps the steps from the root of the spec, never empty
 */
record FieldPath(List<Step> steps) {

    /** One step down into the spec. */
    sealed interface Step permits Field, Key, Index {
    }

    /** A field of a record: {@code .name}. */
    record Field(String name) implements Step {
    }

    /** A list element named by its key, or a map entry: {@code [key]}. */
    record Key(String key) implements Step {
    }

    /** A list element that has no name: {@code [index]}. */
    record Index(int index) implements Step {
    }

    FieldPath {
        steps = List.copyOf(steps);
        if (steps.isEmpty() || !(steps.get(0) instanceof Field)) {
            throw new IllegalArgumentException("a field path starts with a field of the platform: " + steps);
        }
    }

    /** A field of the platform itself, e.g. {@code gitRepository} or {@code baseline}. */
    static FieldPath root(String field) {
        return new FieldPath(List.of(new Field(field)));
    }

    /** {@code apps[name]}. */
    static FieldPath app(String name) {
        return root("apps").key(name);
    }

    /** {@code environments[name]}. */
    static FieldPath environment(String name) {
        return root("environments").key(name);
    }

    /** {@code teams[name]}. */
    static FieldPath team(String name) {
        return root("teams").key(name);
    }

    /** {@code secretStores[name]}. */
    static FieldPath secretStore(String name) {
        return root("secretStores").key(name);
    }

    /** This path, then {@code .name}. */
    FieldPath field(String name) {
        return then(new Field(name));
    }

    /** This path, then {@code [key]}: a named element of a list, or an entry of a map. */
    FieldPath key(Object key) {
        return then(new Key(String.valueOf(key)));
    }

    /** This path, then {@code [index]}: an element of a list whose elements have no name. */
    FieldPath index(int index) {
        return then(new Index(index));
    }

    /** This path, then {@code .weakenings[WEAKENING]}: where the app declares the weakening. */
    FieldPath weakening(Weakening weakening) {
        return field("weakenings").key(weakening.name());
    }

    private FieldPath then(Step step) {
        List<Step> longer = new ArrayList<>(steps);
        longer.add(Objects.requireNonNull(step));
        return new FieldPath(longer);
    }

    /** The path as violations show it: {@code apps[web].ports[http].number}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Step step : steps) {
            if (step instanceof Field field) {
                text.append(text.isEmpty() ? "" : ".").append(field.name());
            } else if (step instanceof Key key) {
                text.append('[').append(key.key()).append(']');
            } else if (step instanceof Index index) {
                text.append('[').append(index.index()).append(']');
            }
        }
        return text.toString();
    }
}
