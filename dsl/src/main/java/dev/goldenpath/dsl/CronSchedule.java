package dev.goldenpath.dsl;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CronJob schedule as the Kubernetes CronJob controller reads it: five fields (minute, hour, day of month, month,
 * day of week) or a macro. The controller parses with robfig/cron v3's standard parser, so the bounds are that
 * parser's: day of week is 0 to 6 (7 is refused, unlike some crons), months and days of week may be named
 * (case-insensitive), {@code ?} means {@code *} in every field, {@code a/n} means from {@code a} to the end in steps
 * of {@code n}. Kubernetes' validation refuses a {@code TZ=} or {@code CRON_TZ=} prefix (the time zone goes in
 * {@code spec.timeZone}); {@code @every} is a robfig extension that drifts with controller restarts and is not a cron
 * schedule, so it is refused too.
 */
final class CronSchedule {

    /** The macros Kubernetes documents for {@code spec.schedule} ("Writing a CronJob spec"). */
    static final List<String> MACROS = List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight",
            "@hourly");

    /**
     * The tz database names the JDK knows (a copy: the JDK returns a new set on every call); read on the first time
     * zone checked, not when the first schedule is (reading them is a few milliseconds of a small render).
     */
    private static final class Zones {
        static final Set<String> AVAILABLE = java.time.ZoneId.getAvailableZoneIds();
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, Map.of()),
            new Field("hour", 0, 23, Map.of()),
            new Field("day of month", 1, 31, Map.of()),
            new Field("month", 1, 12, Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3),
                    Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
                    Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
                    Map.entry("dec", 12))),
            new Field("day of week", 0, 6, Map.of("sun", 0, "mon", 1, "tue", 2, "wed", 3, "thu", 4, "fri", 5,
                    "sat", 6)));

    private record Field(String name, int min, int max, Map<String, Integer> names) {
    }

    private CronSchedule() {
    }

    /** Whether the schedule starts with a time zone prefix ({@code TZ=} or {@code CRON_TZ=}), which Kubernetes refuses. */
    static boolean hasTimeZonePrefix(String schedule) {
        String trimmed = schedule.strip();
        return trimmed.startsWith("TZ=") || trimmed.startsWith("CRON_TZ=");
    }

    /** What is wrong with the schedule, or empty when the CronJob controller accepts it. */
    static Optional<String> problem(String schedule) {
        String trimmed = schedule.strip();
        if (trimmed.startsWith("@")) {
            return MACROS.contains(trimmed) ? Optional.empty()
                    : Optional.of("'" + trimmed + "' is not a macro Kubernetes accepts (" + String.join(", ", MACROS) + ")");
        }
        String[] fields = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
        if (fields.length != FIELDS.size()) {
            return Optional.of("a schedule has 5 fields (minute hour day-of-month month day-of-week), this one has "
                    + fields.length);
        }
        for (int i = 0; i < fields.length; i++) {
            Optional<String> problem = field(fields[i], FIELDS.get(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** A field: a comma-separated list of {@code *}, {@code ?}, a value or a range, each with an optional step. */
    private static Optional<String> field(String text, Field field) {
        for (String item : text.split(",", -1)) {
            Optional<String> problem = item(item, field);
            if (problem.isPresent()) {
                return Optional.of("the " + field.name + " field '" + text + "': " + problem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> item(String item, Field field) {
        if (item.isEmpty()) {
            return Optional.of("an empty list element");
        }
        String[] rangeAndStep = item.split("/", -1);
        if (rangeAndStep.length > 2) {
            return Optional.of("'" + item + "' has more than one '/'");
        }
        String range = rangeAndStep[0];
        int start;
        int end;
        if (range.equals("*") || range.equals("?")) {
            start = field.min;
            end = field.max;
        } else {
            String[] bounds = range.split("-", -1);
            if (bounds.length > 2) {
                return Optional.of("'" + item + "' has more than one '-'");
            }
            Integer low = value(bounds[0], field);
            Integer high = bounds.length == 2 ? value(bounds[1], field) : low;
            if (low == null || high == null) {
                return Optional.of("'" + (low == null ? bounds[0] : bounds[1]) + "' is not a number"
                        + (field.names.isEmpty() ? "" : " or a name (" + names(field) + ")"));
            }
            start = low;
            // "a/n" means from a to the end of the field in steps of n (robfig/cron).
            end = bounds.length == 1 && rangeAndStep.length == 2 ? field.max : high;
            if (low < field.min || high > field.max) {
                int outside = low < field.min ? low : high;
                return Optional.of(outside + " is outside " + field.min + "-" + field.max
                        + (field.name.equals("day of week") && outside == 7 ? " (use 0 or SUN for Sunday)" : ""));
            }
        }
        if (start > end) {
            return Optional.of("the range '" + range + "' starts after it ends");
        }
        if (rangeAndStep.length == 2) {
            Integer step = number(rangeAndStep[1]);
            if (step == null || step < 1) {
                return Optional.of("the step '" + rangeAndStep[1] + "' is not a positive number");
            }
        }
        return Optional.empty();
    }

    private static Integer value(String text, Field field) {
        Integer named = field.names.get(text.toLowerCase(Locale.ROOT));
        return named != null ? named : number(text);
    }

    private static Integer number(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.parseInt(text);
    }

    private static String names(Field field) {
        return field.names.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> e.getKey().toUpperCase(Locale.ROOT)).reduce((a, b) -> a + " " + b).orElse("");
    }

    /**
     * Whether the zone is an IANA time zone name the cluster can load: the tz database names the JDK knows, without
     * {@code SystemV/*} (removed from the tz database in 2020b, so Go's time package, which the CronJob controller
     * uses, refuses them) and never {@code Local} (refused by Kubernetes' validation). Offsets such as {@code +02:00}
     * are no zone names; abbreviations such as {@code CEST} are none either, while {@code CET} is a real tz database
     * entry and accepted.
     */
    static boolean knownTimeZone(String zone) {
        return !zone.startsWith("SystemV/") && Zones.AVAILABLE.contains(zone);
    }

    /** The known zone that {@code zone} names but for the case of its letters, if there is one. */
    static Optional<String> knownTimeZoneIgnoringCase(String zone) {
        return Zones.AVAILABLE.stream().filter(z -> z.equalsIgnoreCase(zone)).findFirst()
                .filter(CronSchedule::knownTimeZone);
    }
}
