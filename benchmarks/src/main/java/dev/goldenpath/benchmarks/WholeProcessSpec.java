package dev.goldenpath.benchmarks;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.team;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;

/**
 * The platform of the whole-process benchmark ({@code benchmarks/whole-process.sh}), loaded by the command line like
 * a user's spec: {@code goldenpath render -cp benchmarks/target/classes --spec dev.goldenpath.benchmarks.WholeProcessSpec}.
 * N apps (system property {@code goldenpath.bench.apps}, else variable {@code GOLDENPATH_BENCH_APPS}, else 100), the
 * shape of issue 18's comparison: each app in its own namespace, teams of ten, a Deployment of 2 replicas on port 8080
 * called by the next app in a ring, a Role reading pods. {@code GOLDENPATH_BENCH_RELEASE} is the value of
 * {@code app0}'s variable {@code RELEASE}: changing it changes one file, app0's Deployment (a publish's one-file change).
 * {@code GOLDENPATH_BENCH_TEAM_SIZE} (property {@code goldenpath.bench.team-size}, default 10) sets how many apps a team
 * owns; {@code 0} puts every app in one team (issue 18's one team with a namespace per app).
 */
public final class WholeProcessSpec implements PlatformSpec {

    @Override
    public Platform build() {
        return spec(setting("goldenpath.bench.apps", "GOLDENPATH_BENCH_APPS", "100"),
                setting("goldenpath.bench.release", "GOLDENPATH_BENCH_RELEASE", "1"),
                setting("goldenpath.bench.team-size", "GOLDENPATH_BENCH_TEAM_SIZE", "10"));
    }

    /** The platform with {@code apps} apps; {@code app0}'s variable RELEASE is {@code release}. */
    static Platform spec(String apps, String release) {
        return spec(apps, release, "10");
    }

    /** The same, with teams of {@code teamSize} apps ({@code 0}: one team owns every app). */
    static Platform spec(String apps, String release, String teamSize) {
        int count = Integer.parseInt(apps);
        int size = Integer.parseInt(teamSize) <= 0 ? Math.max(1, count) : Integer.parseInt(teamSize);
        Platform.Builder platform = platform("whole")
                .gitRepository("https://git.example.com/whole/gitops.git")
                .environment(environment("production").cluster("https://kubernetes.default.svc")
                        .apiServer(6443, "10.0.0.1/32"));
        int teams = Math.max(1, (count + size - 1) / size);
        for (int t = 0; t < teams; t++) {
            platform.team(team("team" + t).owner("team" + t + "@example.com"));
        }
        for (int a = 0; a < count; a++) {
            App.Builder app = app("app" + a)
                    .team("team" + (a / size))
                    .namespace("app" + a)
                    .image("registry.example.com/app" + a + ":1.0.0")
                    .port(8080)
                    .replicas(2)
                    .permissions(read("pods"));
            if (a == 0) {
                app.env("RELEASE", release);
            }
            if (count > 1) {
                app.calledBy("app" + ((a + 1) % count), 8080);
            }
            platform.app(app);
        }
        return platform.build();
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
