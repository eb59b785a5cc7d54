package dev.goldenpath.dsl;

import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.team;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Inputs for the tests of one rule class at a time: an app and a platform built without validation (so that a rule
 * class sees exactly what the test wrote), and the violations the rule class alone reports.
 */
final class RuleFixtures {

    static final String IMAGE = "registry.example.com/team/app:1.0.0";
    /** The path of the app {@link #app} builds. */
    static final FieldPath API = FieldPath.app("api");

    private RuleFixtures() {
    }

    /** A valid app {@code api} (team payments, pinned image, port 8080) that the test changes. */
    static App app(UnaryOperator<App.Builder> change) {
        return change.apply(GoldenPath.app("api").team("payments").image(IMAGE).port(8080)).build();
    }

    /** A platform around these apps with one environment, prod, that knows its API server. */
    static Platform platform(App... apps) {
        return platform(List.of(environment("prod").cluster("https://kubernetes.default.svc")
                .apiServer(6443, "10.0.0.1/32").build()), apps);
    }

    /** A platform around these environments and apps, with the team payments; nothing is validated. */
    static Platform platform(List<Environment> environments, App... apps) {
        return platform(environments, List.of(), Network.DEFAULT, Baseline.DEFAULT, apps);
    }

    /** A platform with these parts, the team payments and the default name and repository; nothing is validated. */
    static Platform platform(List<Environment> environments, List<SecretStore> stores, Network network,
                             Baseline baseline, App... apps) {
        return new Platform(new Platform.Parts("acme", "https://git.example.com/gitops.git", "main", "argocd", environments,
                List.of(team("payments").owner("payments@example.com")), List.of(apps), network, stores, baseline));
    }

    /** The violations that the rules the test runs report, each as users read it. */
    static List<String> violations(Consumer<Problems> rules) {
        Problems problems = new Problems();
        rules.accept(problems);
        return problems.list().stream().map(Violation::toString).toList();
    }

    /** The paths of the violations that the rules the test runs report, in order. */
    static List<String> paths(Consumer<Problems> rules) {
        Problems problems = new Problems();
        rules.accept(problems);
        return problems.list().stream().map(Violation::path).toList();
    }

    /** An environment with one cluster at the in-cluster address, that knows its API server. */
    static Environment environmentNamed(String name) {
        return environment(name).cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32").build();
    }

    /** The app builder, for tests that need an app other than {@code api}. */
    static App.Builder appNamed(String name) {
        return GoldenPath.app(name).team("payments").image(IMAGE);
    }
}
