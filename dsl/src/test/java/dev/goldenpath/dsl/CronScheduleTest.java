package dev.goldenpath.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Schedules as the CronJob controller (robfig/cron v3's standard parser) and Kubernetes' validation read them. */
class CronScheduleTest {

    @ParameterizedTest
    @ValueSource(strings = {"* * * * *", "30 2 * * *", "0 0 1 1 *", "*/15 * * * *", "0 9-17 * * MON-FRI",
        "0 9-17/2 * * mon-fri", "5,10,15 0 * * 0", "0 0 ? * ?", "59 23 31 12 6", "0 0 * JAN-DEC SUN",
        "0 0 1 jan,jul *", "10/20 * * * *", "0 0 * * SUN-SAT", "  0 3 * * *  ", "0\t3 * * *",
        "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"})
    void acceptsWhatTheControllerAccepts(String schedule) {
        assertEquals(Optional.empty(), CronSchedule.problem(schedule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * 32 * *",
        "* * * 0 *", "* * * 13 *", "* * * * 7", "* * * * 8", "5-1 * * * *", "*/0 * * * *", "*/x * * * *",
        "1-2-3 * * * *", "1/2/3 * * * *", "1,,2 * * * *", "a * * * *", "* * * FOO *", "* * * * MONDAY",
        "-1 * * * *", "@every 1h", "@reboot", "@Daily", "+5 * * * *", "* * * JAN-FEB/0 *"})
    void refusesWhatTheControllerRefuses(String schedule) {
        assertTrue(CronSchedule.problem(schedule).isPresent(), schedule);
    }

    @org.junit.jupiter.api.Test
    void saysWhichFieldIsWrongAndWhy() {
        assertEquals(Optional.of("the day of week field '7': 7 is outside 0-6 (use 0 or SUN for Sunday)"),
                CronSchedule.problem("0 0 * * 7"));
        assertEquals(Optional.of("the hour field '25': 25 is outside 0-23"), CronSchedule.problem("0 25 * * *"));
        assertEquals(Optional.of("a schedule has 5 fields (minute hour day-of-month month day-of-week), this one has 6"),
                CronSchedule.problem("0 0 0 * * *"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TZ=Europe/Berlin 0 2 * * *", "CRON_TZ=UTC 0 2 * * *", " TZ=UTC @daily"})
    void recognisesTimeZonePrefixes(String schedule) {
        assertTrue(CronSchedule.hasTimeZonePrefix(schedule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "UTC", "Etc/GMT-2", "CET", "Asia/Kolkata"})
    void acceptsIanaZoneNames(String zone) {
        assertTrue(CronSchedule.knownTimeZone(zone));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+02:00", "UTC+2", "GMT+01:00", "CEST", "Local", "europe/berlin", "Europe/Atlantis",
        "SystemV/AST4", "", "Z"})
    void refusesOffsetsAbbreviationsAndUnknownNames(String zone) {
        assertFalse(CronSchedule.knownTimeZone(zone));
    }

    @org.junit.jupiter.api.Test
    void namesTheKnownZoneAMisspellingOfCaseMeant() {
        assertEquals(Optional.of("Europe/Berlin"), CronSchedule.knownTimeZoneIgnoringCase("europe/berlin"));
        assertEquals(Optional.of("UTC"), CronSchedule.knownTimeZoneIgnoringCase("utc"));
        assertEquals(Optional.empty(), CronSchedule.knownTimeZoneIgnoringCase("europe/atlantis"));
        assertEquals(Optional.empty(), CronSchedule.knownTimeZoneIgnoringCase("systemv/ast4"), "SystemV zones are refused");
    }
}
