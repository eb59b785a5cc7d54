package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.job;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.scheduledJob;
import static dev.goldenpath.dsl.GoldenPath.worker;
import static dev.goldenpath.dsl.Specs.IMAGE;
import static dev.goldenpath.dsl.Specs.violation;
import static dev.goldenpath.dsl.Specs.violations;
import static dev.goldenpath.dsl.Specs.withPlatform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Workers, scheduled jobs and jobs run before sync: what each kind may be, checked on the whole platform. */
class WorkloadKindRulesTest {

    private static App.Builder api() {
        return app("api").team("payments").image(IMAGE).port(8080);
    }

    private static WorkerBuilder mailer() {
        return worker("mailer").team("payments").image(IMAGE).liveness(exec("/bin/alive")).readiness(exec("/bin/ready"));
    }

    private static Platform.Builder nightly(UnaryOperator<ScheduledJobBuilder> change) {
        return withPlatform(p -> p.app(api()).app(change.apply(scheduledJob("nightly", "30 2 * * *").team("payments")
                .image(IMAGE))));
    }

    @Test
    void acceptsEveryKindWithItsDefaults() {
        Platform platform = withPlatform(p -> p.app(api().beforeSync(job("migrate").command("api", "migrate")))
                .app(mailer().calls("api", 8080))
                .app(scheduledJob("nightly", "@daily").team("payments").image(IMAGE).timeZone("Europe/Berlin")
                        .calls("api", 8080).beforeSync(job("prepare").image("registry.example.com/team/tools:2.0")
                                .resources(requests("100m", "64Mi"), limits("200m", "128Mi")))))
                .build();
        assertEquals(3, platform.apps().size());
    }

    @Test
    void refusesCallsIntoAWorkerOrAScheduledJobWithOneViolationEach() {
        Platform.Builder spec = withPlatform(p -> p.app(api().calls("mailer", 8080).calls("nightly", GoldenPath.allPorts()))
                .app(mailer())
                .app(scheduledJob("nightly", "@daily").team("payments").image(IMAGE)));
        Violation worker = violation(spec, "apps[api].calls[mailer]", ViolationCode.WORKLOAD_CALLEE_NOT_SERVING);
        assertEquals("mailer", worker.value());
        assertTrue(worker.rule().contains("mailer is a worker"), worker::toString);
        Violation job = violation(spec, "apps[api].calls[nightly]", ViolationCode.WORKLOAD_CALLEE_NOT_SERVING);
        assertTrue(job.rule().contains("nightly is a scheduled job"), job::toString);
        // The port rules stay silent: the kind is the problem, not a missing port.
        assertEquals(List.of("apps[api].calls[mailer]", "apps[api].calls[nightly]"),
                violations(spec).stream().map(Violation::path).toList());
    }

    @Test
    void refusesSchedulesTheControllerRefuses() {
        Violation bad = violation(nightly(j -> scheduledJob("nightly", "0 25 * * *").team("payments").image(IMAGE)),
                "apps[nightly].schedule", ViolationCode.SCHEDULED_JOB_SCHEDULE_INVALID);
        assertEquals("0 25 * * *", bad.value());
        assertTrue(bad.rule().startsWith("the hour field '25': 25 is outside 0-23"), bad::toString);
        violation(nightly(j -> scheduledJob("nightly", "TZ=Europe/Berlin 0 2 * * *").team("payments").image(IMAGE)),
                "apps[nightly].schedule", ViolationCode.SCHEDULED_JOB_SCHEDULE_TIME_ZONE);
    }

    @Test
    void refusesTimeZonesThatAreNoIanaNames() {
        for (String zone : List.of("+02:00", "CEST", "Local", "europe/berlin")) {
            Violation v = violation(nightly(j -> j.timeZone(zone)), "apps[nightly].timeZone",
                    ViolationCode.SCHEDULED_JOB_TIME_ZONE_UNKNOWN);
            assertEquals(zone, v.value());
        }
        assertTrue(violation(nightly(j -> j.timeZone("europe/berlin")), "apps[nightly].timeZone",
                ViolationCode.SCHEDULED_JOB_TIME_ZONE_UNKNOWN).hint().contains("\"Europe/Berlin\""));
        assertTrue(violation(nightly(j -> j.timeZone("+02:00")), "apps[nightly].timeZone",
                ViolationCode.SCHEDULED_JOB_TIME_ZONE_UNKNOWN).hint().contains("Etc/GMT-2"));
    }

    @Test
    void refusesSettingsOutsideTheirRanges() {
        Platform.Builder spec = nightly(j -> j.startingDeadlineSeconds(5).history(-1, 101).backoffLimit(-1)
                .activeDeadlineSeconds(0).ttlSecondsAfterFinished(-1));
        assertEquals(List.of(
                        "scheduled-job.starting-deadline-too-short apps[nightly].startingDeadlineSeconds 5",
                        "scheduled-job.history-limit-invalid apps[nightly].successfulJobsHistoryLimit -1",
                        "scheduled-job.history-limit-invalid apps[nightly].failedJobsHistoryLimit 101",
                        "job.backoff-limit-invalid apps[nightly].backoffLimit -1",
                        "job.active-deadline-invalid apps[nightly].activeDeadlineSeconds 0",
                        "job.ttl-invalid apps[nightly].ttlSecondsAfterFinished -1"),
                violations(spec).stream().map(v -> v.code() + " " + v.path() + " " + v.value()).toList());
    }

    @Test
    void acceptsTheEdgesOfTheRanges() {
        nightly(j -> j.startingDeadlineSeconds(10).history(0, 100).backoffLimit(0).activeDeadlineSeconds(1)
                .ttlSecondsAfterFinished(0)).build();
    }

    @Test
    void refusesReplicasOnAScheduledJobReadinessAndAnUnusedNoProbes() {
        Platform.Builder spec = nightly(j -> j.in("prod", o -> o.replicas(3)).readiness(exec("/bin/ready"))
                .weaken(Weakening.NO_PROBES, "the job exits when it is done"));
        assertEquals(List.of(
                        "job.replicas-override apps[nightly].in[prod].replicas 3",
                        "job.readiness-probe apps[nightly].readiness readiness",
                        "weakening.unused apps[nightly].weakenings[NO_PROBES] NO_PROBES"),
                violations(spec).stream().map(v -> v.code() + " " + v.path() + " " + v.value()).toList());
    }

    @Test
    void aScheduledJobNeedsNoProbesAndMayDeclareALivenessProbe() {
        nightly(j -> j).build();
        nightly(j -> j.liveness(exec("/bin/alive"))).build();
    }

    @Test
    void aWorkerWithoutProbesSaysWhyLikeEveryAppWithoutPorts() {
        Platform.Builder spec = withPlatform(p -> p.app(worker("mailer").team("payments").image(IMAGE)));
        violation(spec, "apps[mailer].liveness", ViolationCode.PROBE_MISSING);
        withPlatform(p -> p.app(worker("mailer").team("payments").image(IMAGE)
                .weaken(Weakening.NO_PROBES, "drains a queue; the queue's depth alert watches it"))).build();
    }

    @Test
    void refusesACronJobNameOverFiftyTwoCharacters() {
        String name = "n".repeat(53);
        Violation v = violation(withPlatform(p -> p.app(scheduledJob(name, "@daily").team("payments").image(IMAGE))),
                "apps[" + name + "].name", ViolationCode.SCHEDULED_JOB_NAME_TOO_LONG);
        assertEquals(name, v.value());
        withPlatform(p -> p.app(scheduledJob("n".repeat(52), "@daily").team("payments").image(IMAGE))).build();
    }

    @Test
    void refusesSyncJobNamesThatClashOrDoNotFit() {
        Platform.Builder spec = withPlatform(p -> p
                .app(api().beforeSync(job("migrate")).beforeSync(job("migrate")).beforeSync(job("Bad_Name"))
                        .beforeSync(job("x".repeat(60))).beforeSync(job("worker")))
                .app(app("api-worker").team("payments").image(IMAGE).port(8080))
                .app(app("api-migrate-a").team("payments").image(IMAGE).port(8080))
                .app(app("api-migrate").team("payments").image(IMAGE).port(8080).beforeSync(job("a"))));
        assertEquals(List.of(
                        "sync-job.duplicate apps[api].beforeSync[migrate].name migrate",
                        "sync-job.name-invalid apps[api].beforeSync[Bad_Name].name Bad_Name",
                        "sync-job.name-too-long apps[api].beforeSync[" + "x".repeat(60) + "].name " + "x".repeat(60),
                        // api-migrate-a is an app, so api-migrate's job "a" clashes with it.
                        "sync-job.name-clash apps[api].beforeSync[migrate].name migrate",
                        "sync-job.name-clash apps[api].beforeSync[worker].name worker",
                        "sync-job.name-clash apps[api-migrate].beforeSync[a].name a").stream().sorted().toList(),
                violations(spec).stream().map(v -> v.code() + " " + v.path() + " " + v.value()).sorted().toList());
    }

    @Test
    void reportsAClashBetweenTwoAppsJobsOnceOnTheLaterApp() {
        Platform.Builder spec = withPlatform(p -> p
                .app(api().beforeSync(job("b-c")))
                .app(app("api-b").team("payments").image(IMAGE).port(8080).beforeSync(job("c"))));
        assertEquals(List.of("sync-job.name-clash apps[api-b].beforeSync[c].name"),
                violations(spec).stream().map(v -> v.code() + " " + v.path()).toList());
    }

    @Test
    void checksASyncJobsImageResourcesEnvAndRun() {
        Platform.Builder spec = withPlatform(p -> p.app(api().beforeSync(job("migrate").image("tools:latest")
                .resources(requests("2", "64Mi"), limits("1", "128Mi")).env("1BAD", "x").env("OK", "a").env("OK", "b")
                .backoffLimit(101).activeDeadlineSeconds(-5))));
        List<String> paths = violations(spec).stream().map(v -> v.code() + " " + v.path()).toList();
        assertTrue(paths.contains("image.latest apps[api].beforeSync[migrate].image")
                || paths.stream().anyMatch(s -> s.endsWith("apps[api].beforeSync[migrate].image")), paths::toString);
        assertTrue(paths.stream().anyMatch(s -> s.startsWith("resources.") && s.contains("apps[api].beforeSync[migrate].resources")),
                paths::toString);
        assertTrue(paths.contains("env.name-invalid apps[api].beforeSync[migrate].env[1BAD]"), paths::toString);
        assertTrue(paths.contains("env.duplicate apps[api].beforeSync[migrate].env[OK]"), paths::toString);
        assertTrue(paths.contains("job.backoff-limit-invalid apps[api].beforeSync[migrate].backoffLimit"), paths::toString);
        assertTrue(paths.contains("job.active-deadline-invalid apps[api].beforeSync[migrate].activeDeadlineSeconds"),
                paths::toString);
    }

    @Test
    void everyMistakeOfEveryKindComesInOneException() {
        Platform.Builder spec = withPlatform(p -> p
                .app(api().calls("mailer", 8080).port(70000).beforeSync(job("Bad_Name")))
                .app(mailer())
                .app(scheduledJob("nightly", "61 * * * *").team("payments").image(IMAGE).timeZone("Mars/Olympus")
                        .backoffLimit(-1)));
        List<String> codes = violations(spec).stream().map(v -> v.code().code()).toList();
        assertTrue(codes.containsAll(List.of("port.number-out-of-range", "workload.callee-not-serving",
                "sync-job.name-invalid", "scheduled-job.schedule-invalid", "scheduled-job.time-zone-unknown",
                "job.backoff-limit-invalid")), codes::toString);
    }
}
