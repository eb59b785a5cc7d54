package dev.goldenpath.benchmarks;

import dev.goldenpath.gitops.GitOps;
import dev.goldenpath.gitops.PublishResult;
import dev.goldenpath.gitops.Publisher;
import dev.goldenpath.tree.RenderedTree;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Publishes synthetic GitOps trees (N app folders x 8 small YAML files) and prints one JSON line per
 * measurement: the first publish of the whole tree, an incremental publish that changes one file of one
 * app, a no-op publish, and the git command line doing the same incremental change in a checked-out clone
 * ({@code git add -A && git commit}, plus {@code git push} for the remote case).
 *
 * <p>Two targets: {@code direct} (a local bare repository updated in place) and {@code daemon} (a remote
 * served by {@code git daemon} on loopback, reached through the publisher's clone cache: fetch + push).
 * Comparing N = 100 with N = 10 000 shows whether the incremental cost grows with the tree.
 *
 * <p>Usage: {@code GitOpsPublishMacro [N...]}, default {@code 100 10000}; system property {@code rounds}
 * (default 5) incremental rounds per measurement, the best (least noisy on a shared machine) and the median
 * are printed.
 */
public final class GitOpsPublishMacro {

    private static final int FILES_PER_APP = 8;
    /** The folder of the repository the publisher writes the synthetic tree to (not TreeLayout's: no environments). */
    private static final String ROOT = "apps";
    /** The one file an incremental round changes, relative to {@link #ROOT}. */
    private static final String CHANGED = "app-00000/deployment.yaml";
    private static final String[] KINDS = {"deployment", "service", "serviceaccount", "networkpolicy",
        "poddisruptionbudget", "horizontalpodautoscaler", "configmap", "kustomization"};

    private GitOpsPublishMacro() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = args.length > 0 ? Stream.of(args).map(Integer::parseInt).toList() : List.of(100, 10000);
        int rounds = Integer.getInteger("rounds", 5);
        Path work = Files.createTempDirectory("gitops-macro-");
        try {
            for (int apps : sizes) {
                RenderedTree tree = tree(apps);
                direct(work.resolve("direct-" + apps), apps, tree, rounds);
                daemon(work.resolve("daemon-" + apps), apps, tree, rounds);
            }
        } finally {
            deleteRecursively(work);
        }
    }

    static RenderedTree tree(int apps) {
        RenderedTree.Builder builder = RenderedTree.builder();
        for (int i = 0; i < apps; i++) {
            String app = String.format(Locale.ROOT, "app-%05d", i);
            for (String kind : KINDS) {
                builder.add(app + "/" + kind + ".yaml", manifest(app, kind, "1.0.0"));
            }
        }
        return builder.build();
    }

    static String manifest(String app, String kind, String version) {
        return "apiVersion: v1\nkind: " + kind + "\nmetadata:\n  name: " + app + "\n  namespace: " + app
                + "\n  labels:\n    app.kubernetes.io/name: " + app + "\n    app.kubernetes.io/version: \"" + version
                + "\"\n    app.kubernetes.io/managed-by: goldenpath\nspec:\n  image: registry.example.com/" + app + ":"
                + version + "\n  replicas: 3\n  resources:\n    requests: {cpu: 250m, memory: 64Mi}\n"
                + "    limits: {cpu: 500m, memory: 128Mi}\n";
    }

    /** The tree with app 0's deployment at another version: one changed file. */
    static RenderedTree changeOneApp(RenderedTree tree, int round) {
        return tree.filter(p -> !p.equals(CHANGED)).plus(RenderedTree.builder()
                .add(CHANGED, manifest("app-00000", "deployment", "2.0." + round)).build());
    }

    private static void direct(Path dir, int apps, RenderedTree tree, int rounds) throws Exception {
        Files.createDirectories(dir);
        Publisher publisher = GitOps.localBare(dir.resolve("gitops.git")).root(ROOT);
        measurePublisher("direct", apps, tree, rounds, publisher);
        Path clone = dir.resolve("cli");
        git(dir, "clone", "--quiet", dir.resolve("gitops.git").toString(), clone.toString());
        measureCli("direct", apps, tree, rounds, clone, false);
    }

    private static void daemon(Path dir, int apps, RenderedTree tree, int rounds) throws Exception {
        Path repos = Files.createDirectories(dir.resolve("repos"));
        git(repos, "init", "--bare", "--quiet", "--initial-branch=main", "gitops.git");
        try (Daemon daemon = Daemon.serve(repos)) {
            Publisher publisher = GitOps.repository(daemon.url("gitops.git")).root(ROOT).cache(dir.resolve("cache"));
            measurePublisher("daemon", apps, tree, rounds, publisher);
            Path clone = dir.resolve("cli");
            git(dir, "clone", "--quiet", daemon.url("gitops.git"), clone.toString());
            measureCli("daemon", apps, tree, rounds, clone, true);
        }
    }

    private static void measurePublisher(String target, int apps, RenderedTree tree, int rounds, Publisher publisher) {
        long start = System.nanoTime();
        PublishResult initial = publisher.publish(tree, "initial render");
        print(target, apps, "publish-initial", List.of(System.nanoTime() - start), initial.added().size(), initial.bytes());
        List<Long> incremental = new ArrayList<>();
        PublishResult last = null;
        // One unmeasured warm-up round: the JIT compiles the incremental path.
        publisher.publish(changeOneApp(tree, 0), "warm-up");
        for (int round = 1; round <= rounds; round++) {
            RenderedTree changed = changeOneApp(tree, round);
            long t0 = System.nanoTime();
            last = publisher.publish(changed, "app-00000 2.0." + round);
            incremental.add(System.nanoTime() - t0);
        }
        print(target, apps, "publish-incremental", incremental, last.changed().size(), last.bytes());
        RenderedTree same = changeOneApp(tree, rounds);
        List<Long> noOp = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            PublishResult result = publisher.publish(same, "no-op");
            noOp.add(System.nanoTime() - t0);
            if (!result.nothingToCommit()) {
                throw new IllegalStateException("a no-op publish committed: " + result);
            }
        }
        print(target, apps, "publish-noop", noOp, 0, 0);
    }

    private static void measureCli(String target, int apps, RenderedTree tree, int rounds, Path clone, boolean push)
            throws Exception {
        Path file = clone.resolve(ROOT).resolve(CHANGED);
        List<Long> commits = new ArrayList<>();
        List<Long> pushes = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            byte[] content = manifest("app-00000", "deployment", "3.0." + round).getBytes(StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            Files.write(file, content);
            git(clone, "add", "-A");
            git(clone, "commit", "--quiet", "-m", "app-00000 3.0." + round);
            long t1 = System.nanoTime();
            if (push) {
                git(clone, "push", "--quiet", "origin", "main");
            }
            long t2 = System.nanoTime();
            if (round > 0) { // round 0 warms the file system caches
                commits.add(t1 - t0);
                pushes.add(t2 - t1);
                totals.add(t2 - t0);
            }
        }
        print(target, apps, "git-cli-add-commit", commits, 1, 0);
        if (push) {
            print(target, apps, "git-cli-push", pushes, 1, 0);
            print(target, apps, "git-cli-add-commit-push", totals, 1, 0);
        }
    }

    private static void print(String target, int apps, String phase, List<Long> nanos, int files, long bytes) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT,
                "{\"benchmark\":\"gitops-publish\",\"target\":\"%s\",\"apps\":%d,\"files\":%d,\"phase\":\"%s\","
                        + "\"millis\":%.1f,\"medianMillis\":%.1f,\"runs\":%d,\"filesWritten\":%d,\"bytesWritten\":%d}%n",
                target, apps, apps * FILES_PER_APP, phase, sorted.get(0) / 1e6, sorted.get(sorted.size() / 2) / 1e6,
                sorted.size(), files, bytes);
        System.out.flush();
    }

    private static void git(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        isolate(builder);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static void isolate(ProcessBuilder builder) {
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_AUTHOR_NAME", "bench");
        builder.environment().put("GIT_AUTHOR_EMAIL", "bench@example.com");
        builder.environment().put("GIT_COMMITTER_NAME", "bench");
        builder.environment().put("GIT_COMMITTER_EMAIL", "bench@example.com");
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** {@code git daemon} on loopback with push enabled. */
    private static final class Daemon implements AutoCloseable {
        private final Process process;
        private final int port;

        private Daemon(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Daemon serve(Path base) throws IOException, InterruptedException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder("git", "daemon", "--reuseaddr", "--listen=127.0.0.1",
                    "--port=" + port, "--base-path=" + base, "--export-all", "--enable=receive-pack", base.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            isolate(builder);
            Process process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return new Daemon(process, port);
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            process.destroyForcibly();
            throw new IOException("git daemon did not start");
        }

        String url(String repository) {
            return "git://127.0.0.1:" + port + "/" + repository;
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
