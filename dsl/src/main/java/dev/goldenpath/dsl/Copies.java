package dev.goldenpath.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Defensive copies that keep nulls. A spec is often assembled from data (environment variables, files), so a null
 * is a missing value the user must hear about, not a programming error: the builders and records keep it, and
 * {@link SpecWalk} reports it with its path when the platform is built, together with every other violation.
 */
final class Copies {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private Copies() {
    }

    /** An unmodifiable copy, null elements kept; null stays null. */
    static <T> List<T> list(Collection<T> values) {
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** An unmodifiable list of the array, null elements kept; a null array stays null. */
    @SafeVarargs
    static <T> List<T> list(T... values) {
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
    }

    /** The numbers as a list; a null array stays null. */
    static List<Integer> boxed(int... numbers) {
        return numbers == null ? null : Arrays.stream(numbers).boxed().toList();
    }

    /** The first port and the others; a null array becomes one null element, so that the missing value is reported. */
    static List<Integer> ports(int first, int... more) {
        List<Integer> ports = new ArrayList<>();
        ports.add(first);
        if (more == null) {
            ports.add(null);
        } else {
            Arrays.stream(more).forEach(ports::add);
        }
        return Collections.unmodifiableList(ports);
    }

    /** Adds the array's elements, or one null element for a null array, so that the missing value is reported. */
    @SafeVarargs
    static <T> void addAll(List<T> target, T... values) {
        if (values == null) {
            target.add(null);
        } else {
            target.addAll(Arrays.asList(values));
        }
    }

    /** An unmodifiable copy sorted by key (null keys first, so that they can be reported); null stays null. */
    static <V> SortedMap<String, V> sortedMap(Map<String, V> map) {
        if (map == null) {
            return null;
        }
        TreeMap<String, V> copy = new TreeMap<>(NULLS_FIRST);
        copy.putAll(map);
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The value as a present optional; null becomes a null optional, which {@link SpecWalk} reports. (An empty optional
     * would silently mean "not set", e.g. no probe.)
     */
    @SuppressWarnings("OptionalAssignedToNull")
    static <T> Optional<T> optional(T value) {
        return value == null ? null : Optional.of(value);
    }
}
