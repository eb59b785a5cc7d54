package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.recreate;
import static dev.goldenpath.dsl.GoldenPath.rollingUpdate;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.statefulService;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.RuleFixtures.IMAGE;
import static dev.goldenpath.dsl.RuleFixtures.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The rules of a stateful service: its volumes, its name, its rollout, no autoscaler, and its peers' ports. */
class StatefulRulesTest {

    private static final FieldPath DB = FieldPath.app("db");

    private static App db(UnaryOperator<StatefulServiceBuilder> change) {
        return change.apply(statefulService("db").team("payments").image(IMAGE).port(5432)
                .volume("data", "/var/lib/data", "10Gi")).build();
    }

    /** code, path and value of each violation the stateful rules alone report. */
    private static List<String> codes(App app) {
        Problems problems = new Problems();
        new StatefulRules(problems).app(app, FieldPath.app(app.name()));
        return problems.list().stream().map(v -> v.code() + " " + v.path() + " '" + v.value() + "'").toList();
    }

    @Test
    void acceptsAVolumeWithAndWithoutAStorageClassAndOtherKindsAreNotItsConcern() {
        assertEquals(List.of(), codes(db(s -> s.volume("wal", "/var/lib/wal", "1Mi", "fast-ssd.example.com")
                .replicas(3).peersCallEachOther(5432))));
        assertEquals(List.of(), codes(RuleFixtures.app(a -> a.rollout(recreate()).autoscale(2, 4, 70))));
    }

    @Test
    void aStatefulServiceWithoutAVolumeIsAnApp() {
        App app = statefulService("db").team("payments").image(IMAGE).port(5432).build();
        assertEquals(List.of("apps[db].volumes: '[]': a stateful service keeps data in at least one volume (fix: add "
                + ".volume(\"data\", \"/var/lib/data\", \"10Gi\"), or declare an app(..) if it keeps nothing)"),
                violations(p -> new StatefulRules(p).app(app, DB)));
    }

    @Test
    void refusesVolumeNamesThatAreNoLabelOrTakenTwice() {
        assertEquals(List.of("stateful.volume-name-invalid apps[db].volumes[Data_1].name 'Data_1'",
                        "stateful.volume-name-invalid apps[db].volumes[" + "v".repeat(64) + "].name '" + "v".repeat(64) + "'",
                        "stateful.volume-duplicate apps[db].volumes[data] 'data'"),
                codes(db(s -> s.volume("Data_1", "/a", "1Gi").volume("v".repeat(64), "/b", "1Gi")
                        .volume("data", "/c", "1Gi"))));
    }

    @Test
    void mountsAtAFreeNormalizedFolder() {
        assertEquals(List.of("stateful.mount-path-invalid apps[db].volumes[a].mountPath 'relative'",
                        "stateful.mount-path-invalid apps[db].volumes[b].mountPath '/'",
                        "stateful.mount-path-invalid apps[db].volumes[c].mountPath '/var/../etc'",
                        "stateful.mount-path-invalid apps[db].volumes[d].mountPath '/var/lib/'",
                        "stateful.mount-path-taken apps[db].volumes[e].mountPath '/var/lib/data'",
                        "stateful.mount-path-taken apps[db].volumes[f].mountPath '/tmp'"),
                // A config file inside a volume's folder (g, h) is ConfigRules' to report, once: config.path-clash.
                codes(db(s -> s.writablePath("/tmp").configFile("/etc/app/app.conf", "level=info")
                        .volume("a", "relative", "1Gi").volume("b", "/", "1Gi").volume("c", "/var/../etc", "1Gi")
                        .volume("d", "/var/lib/", "1Gi").volume("e", "/var/lib/data", "1Gi").volume("f", "/tmp", "1Gi")
                        .volume("g", "/etc/app", "1Gi").volume("h", "/etc", "1Gi"))));
    }

    @Test
    void aSecretMountedAtAVolumesFolderIsTakenAsWithWritablePaths() {
        App app = db(s -> s.secret(sealed("creds").fromEnvironment("password", "DB_PASSWORD").mountAt("/var/lib/data")));
        Problems problems = new Problems();
        new SecretRules(RuleFixtures.platform(app), problems).app(app, DB);
        assertEquals(List.of("apps[db].secrets[creds].mountPath"),
                problems.list().stream().filter(v -> v.code() == ViolationCode.SECRET_MOUNT_PATH_TAKEN).map(Violation::path).toList());
    }

    @Test
    void sizesAreWholeBytesFrom1MiTo64Ti() {
        assertEquals(List.of("resources.not-a-quantity apps[db].volumes[a].size 'ten gigs'",
                        "stateful.size-too-small apps[db].volumes[b].size '10'",
                        "stateful.size-too-small apps[db].volumes[c].size '0'",
                        "stateful.size-too-small apps[db].volumes[d].size '1023Ki'",
                        "stateful.size-not-whole-bytes apps[db].volumes[e].size '1.0000001Gi'",
                        "resources.amount-too-large apps[db].volumes[f].size '65Ti'"),
                codes(db(s -> s.volume("a", "/a", "ten gigs").volume("b", "/b", "10").volume("c", "/c", "0")
                        .volume("d", "/d", "1023Ki").volume("e", "/e", "1.0000001Gi").volume("f", "/f", "65Ti")
                        .volume("g", "/g", "1.5Gi").volume("h", "/h", "2M"))));
        assertEquals(List.of("apps[db].volumes[b].size: '10': a volume holds at least 1Mi (a plain number is bytes) "
                + "(fix: add the unit, e.g. 10Gi)"), violations(p -> new StatefulRules(p).app(
                db(s -> s.volume("b", "/b", "10")), DB)));
    }

    @Test
    void storageClassesAreSubdomains() {
        assertEquals(List.of("stateful.storage-class-invalid apps[db].volumes[a].storageClass 'Fast_SSD'",
                        "stateful.storage-class-invalid apps[db].volumes[b].storageClass ''"),
                codes(db(s -> s.volume("a", "/a", "1Gi", "Fast_SSD").volume("b", "/b", "1Gi", ""))));
    }

    @Test
    void theNameLeavesRoomForThePodsLabels() {
        App longest = statefulService("d".repeat(52)).team("payments").image(IMAGE).volume("data", "/data", "1Gi").build();
        assertEquals(List.of(), codes(longest));
        App tooLong = statefulService("d".repeat(53)).team("payments").image(IMAGE).volume("data", "/data", "1Gi").build();
        assertEquals(List.of("stateful.name-too-long apps[" + "d".repeat(53) + "].name '" + "d".repeat(53) + "'"), codes(tooLong));
    }

    @Test
    void aStatefulSetHasNoRecreateNoSurgeAndReplacesOnePodAtATime() {
        assertEquals(List.of(), codes(db(s -> s.rollout(new Rollout(false, "0", "1", 30)))));
        assertEquals(List.of("stateful.rollout-recreate apps[db].rollout 'recreate'"), codes(db(s -> s.rollout(recreate()))));
        assertEquals(List.of("stateful.rollout-surge apps[db].rollout.maxSurge '25%'",
                "stateful.rollout-unavailable apps[db].rollout.maxUnavailable '0'"),
                codes(db(s -> s.rollout(rollingUpdate("25%", "0")))));
        // Not a number at all: WorkloadRules' int-or-percent rule says so, once.
        assertEquals(List.of(), codes(db(s -> s.rollout(rollingUpdate("x", "y")))));
        assertEquals(Workload.StatefulService.ROLLOUT, db(s -> s).availability().rollout());
    }

    @Test
    void isNotAutoscaled() {
        assertEquals(List.of("stateful.autoscaling apps[db].autoscaling '2-5'"), codes(db(s -> s.autoscale(2, 5, 70))));
    }

    @Test
    void peersCallEachOtherOnTheirOwnPortsOnce() {
        assertEquals(List.of("port.not-exposed apps[db].peersCallEachOther '7000'",
                        "port.duplicate apps[db].peersCallEachOther '5432'"),
                codes(db(s -> s.peersCallEachOther(5432, 7000, 5432))));
    }

    @Test
    void aMissingPeerPortIsNamedByTheDslMethod() {
        SpecException e = assertThrows(SpecException.class, () -> platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("payments").owner("payments@example.com"))
                .app(statefulService("db").team("payments").image(IMAGE).port(5432).volume("data", "/data", "1Gi")
                        .peersCallEachOther(5432, (int[]) null))
                .build());
        assertEquals(List.of("apps[db].peersCallEachOther[1]"), e.violations().stream()
                .filter(v -> v.code() == ViolationCode.SPEC_VALUE_MISSING).map(Violation::path).toList());
    }

    @Test
    void everyMistakeComesInOneExceptionWithTheOthers() {
        SpecException e = assertThrows(SpecException.class, () -> platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("payments").owner("payments@example.com"))
                .app(app("web").team("payments").image(IMAGE).port(8080).replicas(-1))
                .app(statefulService("db").team("payments").image(IMAGE).port(5432)
                        .volume("data", "/tmp", "10")
                        .volume("wal", "/var/lib/wal", "1Gi", "Bad_Class")
                        .writablePath("/tmp")
                        .rollout(recreate())
                        .autoscale(1, 3, 70)
                        .peersCallEachOther(7000))
                .build());
        List<String> codes = e.violations().stream().map(v -> v.code() + " " + v.path()).toList();
        assertTrue(codes.containsAll(List.of("workload.replicas-negative apps[web].replicas",
                "stateful.mount-path-taken apps[db].volumes[data].mountPath",
                "stateful.size-too-small apps[db].volumes[data].size",
                "stateful.storage-class-invalid apps[db].volumes[wal].storageClass",
                "stateful.rollout-recreate apps[db].rollout",
                "stateful.autoscaling apps[db].autoscaling",
                "port.not-exposed apps[db].peersCallEachOther")), codes::toString);
    }
}
