package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A platform of many apps has its apps checked in parallel ({@link Validator#PARALLEL_FROM}): it must report exactly
 * what the apps report one by one, in the apps' order, whatever thread checked which app.
 */
class ParallelValidationTest {

    /**
     * App {@code i}: valid, or broken in one of several ways, some with more than one violation; none whose message
     * names the platform's other apps (a hint listing the known apps differs between a platform and an app alone).
     */
    private static final IntFunction<App.Builder> APP = i -> {
        App.Builder app = app("app" + i).team("payments").image(Specs.IMAGE).port(8080);
        return switch (i % 7) {
            case 0 -> app;
            case 1 -> app.image("registry.example.com/team/app:latest");
            case 2 -> app.team("nobody");
            case 3 -> app.port(70000).resources(GoldenPath.requests("-1", "64Mi"), GoldenPath.limits("1", "32Mi"));
            case 4 -> app.replicas(-2).label("Bad Key", "x");
            case 5 -> app.port(8080).port("Http", 0);
            default -> app.image("not an image").team("");
        };
    };

    @Test
    void manyAppsReportWhatEachAppReportsAloneInTheirOrder() {
        int count = Validator.PARALLEL_FROM * 8 + 3;
        List<Violation> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            Platform.Builder alone = Specs.withPlatform(p -> p.app(APP.apply(n)));
            if (n % 7 == 0) {
                alone.build();
            } else {
                expected.addAll(Specs.violations(alone));
            }
        }
        assertTrue(expected.size() > count, "several violations per broken app: " + expected.size());

        for (int round = 0; round < 5; round++) {
            List<Violation> all = Specs.violations(Specs.withPlatform(p -> {
                for (int i = 0; i < count; i++) {
                    p.app(APP.apply(i));
                }
                return p;
            }));
            assertEquals(expected, all, "round " + round);
        }
    }

    @Test
    void aDuplicateNameIsReportedBeforeTheSecondAppsOwnProblems() {
        List<Violation> violations = Specs.violations(Specs.withPlatform(p -> {
            for (int i = 0; i < Validator.PARALLEL_FROM; i++) {
                p.app(APP.apply(7 * i));
            }
            return p.app(app("app0").team("payments").image("registry.example.com/team/app:latest").port(8080));
        }));
        assertEquals(List.of(ViolationCode.APP_DUPLICATE, ViolationCode.IMAGE_LATEST_TAG),
                violations.stream().map(Violation::code).toList(), violations::toString);
    }
}
