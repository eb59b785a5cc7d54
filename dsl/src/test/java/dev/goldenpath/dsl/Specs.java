package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;

/** Valid specs for tests to break, and assertions on the violations they then get. */
final class Specs {

    static final String IMAGE = "registry.example.com/team/app:1.0.0";

    private Specs() {
    }

    /** A valid platform (one environment, one team) around one app {@code api} that the test changes. */
    static Platform.Builder withApp(UnaryOperator<App.Builder> change) {
        return withPlatform(p -> p.app(change.apply(app("api").team("payments").image(IMAGE).port(8080))));
    }

    /** A valid platform whose builder the test changes before the app is added. */
    static Platform.Builder withPlatform(UnaryOperator<Platform.Builder> change) {
        return change.apply(platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("payments").owner("payments@example.com")));
    }

    /** The violations of an invalid spec. */
    static List<Violation> violations(Platform.Builder spec) {
        return assertThrows(SpecException.class, spec::build).violations();
    }

    /** Asserts a violation of this rule at this path, with a hint, and returns it. */
    static Violation violation(Platform.Builder spec, String path, ViolationCode code) {
        List<Violation> violations = violations(spec);
        return violations.stream().filter(v -> v.path().equals(path) && v.code() == code).findFirst()
                .map(v -> {
                    assertTrue(!v.hint().isBlank(), v::toString);
                    return v;
                })
                .orElseThrow(() -> new AssertionError("no violation " + code + " at " + path + " in " + violations));
    }

    /** Asserts a violation at this path whose rule contains this text, with a hint, and returns it. */
    static Violation violation(Platform.Builder spec, String path, String ruleText) {
        List<Violation> violations = violations(spec);
        return violations.stream().filter(v -> v.path().equals(path) && v.rule().contains(ruleText)).findFirst()
                .map(v -> {
                    assertTrue(!v.hint().isBlank(), v::toString);
                    return v;
                })
                .orElseThrow(() -> new AssertionError("no violation at " + path + " with '" + ruleText + "' in " + violations));
    }
}
