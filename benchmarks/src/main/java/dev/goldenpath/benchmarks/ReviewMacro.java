package dev.goldenpath.benchmarks;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.team;

import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.review.Review;
import dev.goldenpath.review.ReviewFormat;
import dev.goldenpath.tree.RenderedTree;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reviews two rendered trees of N apps that differ in four apps (a new cross-team call, a weakening, an image pinned
 * by digest, a permission) and prints one JSON line per size: the best of {@code rounds} reviews (system property,
 * default 3) after one warm-up, and the time to write the review as Markdown, JSON and SARIF. Rendering the two
 * trees is not measured.
 *
 * <p>Usage: {@code ReviewMacro [environments] N...}, e.g. {@code ReviewMacro 1 1000 10000}. Every app calls the next
 * app of its team, so every pod has an ingress and an egress rule to evaluate.
 */
public final class ReviewMacro {

    private ReviewMacro() {
    }

    public static void main(String[] args) {
        int environments = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        List<Integer> sizes = args.length > 1
                ? Stream.of(args).skip(1).map(Integer::parseInt).toList() : List.of(1000, 10000);
        int rounds = Integer.getInteger("rounds", 3);
        for (int size : sizes) {
            RenderedTree base = Renderer.secureByDefault().render(spec(size, environments, false)).tree();
            RenderedTree head = Renderer.secureByDefault().render(spec(size, environments, true)).tree();
            Review review = Review.between(base, head); // warm-up
            long best = Long.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                long start = System.nanoTime();
                review = Review.between(base, head);
                best = Math.min(best, System.nanoTime() - start);
            }
            long start = System.nanoTime();
            int bytes = 0;
            for (ReviewFormat format : ReviewFormat.values()) {
                bytes += review.format(format).length();
            }
            long formats = System.nanoTime() - start;
            System.out.printf(Locale.ROOT,
                    "{\"benchmark\":\"review\",\"apps\":%d,\"environments\":%d,\"files\":%d,\"bytes\":%d,"
                            + "\"reviewMillis\":%.1f,\"formatMillis\":%.1f,\"changes\":%d,\"outputChars\":%d}%n",
                    size, environments, base.size() + head.size(), base.totalBytes() + head.totalBytes(),
                    best / 1e6, formats / 1e6, review.changes().size(), bytes);
        }
    }

    /** {@code apps} apps in teams of ten; each calls the next app of its team. {@code changed}: four apps differ. */
    static Platform spec(int apps, int environments, boolean changed) {
        Platform.Builder platform = platform("bench").gitRepository("https://git.example.com/bench/gitops.git");
        for (int e = 0; e < environments; e++) {
            platform.environment(environment("env" + e).cluster("https://env" + e + ".k8s.example.com")
                    .apiServer(6443, "10.0.0.1/32"));
        }
        int teams = Math.max(1, apps / 10);
        for (int t = 0; t < teams; t++) {
            platform.team(team("team" + t).owner("team" + t + "@example.com"));
        }
        for (int a = 0; a < apps; a++) {
            int teamOf = a / 10 % teams;
            String image = "registry.example.com/team" + teamOf + "/app" + a + ":1." + (a % 7) + ".0";
            App.Builder app = app("app" + a)
                    .team("team" + teamOf)
                    .image(changed && a == 2 ? "registry.example.com/team0/app2@sha256:" + "0f".repeat(32) : image)
                    .port(8080)
                    .port(port("metrics", 9090))
                    .resources(requests("100m", "128Mi"), limits("500m", "256Mi"))
                    .readiness(httpGet("/ready"))
                    .writablePath("/tmp");
            int next = a / 10 * 10 + (a % 10 + 1) % 10;
            if (next < apps && next != a) {
                app.calls("app" + next, 8080);
            }
            if (changed && a == 0 && apps > 20) {
                app.calls("app20", 8080);
            }
            if (changed && a == 1) {
                app.weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "vendor binary writes /etc; SEC-1");
            }
            if (changed && a == 3) {
                app.permissions(read("configmaps"));
            }
            platform.app(app);
        }
        return platform.build();
    }
}
