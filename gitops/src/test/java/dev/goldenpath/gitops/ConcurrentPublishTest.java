package dev.goldenpath.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.goldenpath.tree.RenderedTree;

/** Many publishers, one remote (git daemon on loopback): nothing lost, nothing mixed, history intact. */
class ConcurrentPublishTest {

    private static final int PUBLISHERS = 8;
    private static final RetryPolicy PATIENT = RetryPolicy.of(40, Duration.ofMillis(20), Duration.ofMillis(500));

    @TempDir
    static Path temp;

    static Path repos;
    static GitDaemon daemon;

    @BeforeAll
    static void startServer() throws Exception {
        repos = Files.createDirectories(temp.resolve("repos"));
        daemon = GitDaemon.serve(repos);
    }

    @AfterAll
    static void stopServer() throws Exception {
        daemon.close();
    }

    @Test
    void eightThreadsWithTheirOwnCachesAllLandEveryRound() throws Exception {
        Path remote = GitCli.initBare(repos.resolve("threads.git"));
        int rounds = 4;
        List<PublishResult> results = runThreads(PUBLISHERS, publisher -> {
            Publisher git = GitOps.repository(daemon.url("threads.git")).root("apps/team-" + publisher)
                    .cache(temp.resolve("caches/threads-" + publisher)).retries(PATIENT);
            List<PublishResult> mine = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                mine.add(git.publish(Trees.apps("svc", 2, "v" + round), "team-" + publisher + " round " + round));
            }
            return mine;
        });

        assertEveryCommitLanded(remote, results, PUBLISHERS * rounds);
        for (int publisher = 0; publisher < PUBLISHERS; publisher++) {
            assertTrue(GitCli.show(remote, "main", "apps/team-" + publisher + "/svc-1/deployment.yaml").contains(":v4"));
        }
        assertTrue(results.stream().mapToInt(PublishResult::retries).sum() > 0,
                "eight publishers racing on one branch should have had to retry");
    }

    @Test
    void eightThreadsSharingOneCacheAllLand() throws Exception {
        Path remote = GitCli.initBare(repos.resolve("shared-cache.git"));
        int rounds = 3;
        List<PublishResult> results = runThreads(PUBLISHERS, publisher -> {
            Publisher git = GitOps.repository(daemon.url("shared-cache.git")).root("apps/team-" + publisher)
                    .cache(temp.resolve("caches/shared")).retries(PATIENT);
            List<PublishResult> mine = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                mine.add(git.publish(Trees.apps("svc", 2, "v" + round), "team-" + publisher + " round " + round));
            }
            return mine;
        });

        assertEveryCommitLanded(remote, results, PUBLISHERS * rounds);
        // The cache's lock serialises the publishers of this JVM: none ever loses a race.
        assertEquals(0, results.stream().mapToInt(PublishResult::retries).sum());
    }

    @Test
    void publishersOfTheSamePathEndWithExactlyOneWritersTreeNeverAMix() throws Exception {
        Path remote = GitCli.initBare(repos.resolve("same-path.git"));
        Map<String, RenderedTree> trees = new TreeMap<>();
        for (int writer = 0; writer < PUBLISHERS; writer++) {
            // Different file sets per writer, so a mix would show as files of two writers side by side.
            trees.put("writer-" + writer, Trees.apps("w" + writer, 1 + writer % 3, "v" + writer));
        }
        runThreads(PUBLISHERS, writer -> List.of(GitOps.repository(daemon.url("same-path.git")).root("apps")
                .cache(temp.resolve("caches/same-path-" + writer)).retries(PATIENT)
                .publish(trees.get("writer-" + writer), "writer-" + writer)));

        List<String> commits = GitCli.run(remote, "rev-list", "--reverse", "main").lines().toList();
        assertEquals(PUBLISHERS, commits.size());
        for (String commit : commits) {
            String writer = GitCli.run(remote, "log", "-1", "--format=%s", commit).strip();
            RenderedTree expected = trees.get(writer).prefixed("apps");
            List<String> files = new ArrayList<>(GitCli.files(remote, commit));
            files.remove(".goldenpath/owned/apps.txt");
            assertEquals(List.copyOf(expected.paths()), files, "commit " + commit + " of " + writer);
        }
        GitCli.assertFsckClean(remote);
    }

    @Test
    void eightProcessesAllLandEveryRound() throws Exception {
        Path remote = GitCli.initBare(repos.resolve("processes.git"));
        int rounds = 3;
        List<Process> processes = new ArrayList<>();
        for (int publisher = 0; publisher < PUBLISHERS; publisher++) {
            // Half the processes share one cache (file lock), half have their own (remote races).
            Path cache = temp.resolve(publisher % 2 == 0 ? "caches/processes-shared" : "caches/processes-" + publisher);
            processes.add(launch(daemon.url("processes.git"), cache, "apps/team-" + publisher, rounds, 2));
        }
        List<String> lines = new ArrayList<>();
        for (Process process : processes) {
            lines.addAll(outputOf(process, 120));
        }

        assertEquals(PUBLISHERS * rounds, lines.stream().filter(line -> line.startsWith("published ")).count(),
                String.join("\n", lines));
        Set<String> published = new HashSet<>();
        lines.stream().filter(line -> line.startsWith("published ")).forEach(line -> published.add(line.split(" ")[2]));
        assertEquals(new HashSet<>(GitCli.run(remote, "rev-list", "main").lines().toList()), published);
        GitCli.assertFsckClean(remote);
    }

    @Test
    void aPublisherKilledMidPublishLeavesTheRemoteIntactAndTheNextPublishSucceeds() throws Exception {
        Path remote = GitCli.initBare(repos.resolve("killed.git"));
        Path cache = temp.resolve("caches/killed");
        Process victim = launch(daemon.url("killed.git"), cache, "apps", 0, 300);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (int published = 0; published < 2; ) {
                String line = out.readLine();
                assertTrue(line != null, "the victim died before publishing twice");
                if (line.startsWith("published ")) {
                    published++;
                }
            }
            // Somewhere inside its third publish: fetching, building, packing or pushing.
            Thread.sleep(150);
            victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        GitCli.assertFsckClean(remote);
        assertOneWholeTreePerCommit(remote, 300);

        PublishResult next = GitOps.repository(daemon.url("killed.git")).root("apps").cache(cache)
                .lockTimeout(Duration.ofSeconds(30)).publish(Trees.apps("app", 300, "after-kill"), "after the kill");

        assertEquals(next.commitId().orElseThrow(), GitCli.run(remote, "rev-parse", "main").strip());
        assertTrue(GitCli.show(remote, "main", "apps/app-299/deployment.yaml").contains(":after-kill"));
        GitCli.assertFsckClean(remote);
        assertOneWholeTreePerCommit(remote, 300);
    }

    /** Every commit holds all of the publisher's files, each of one and the same version. */
    private static void assertOneWholeTreePerCommit(Path remote, int apps) {
        for (String commit : GitCli.run(remote, "rev-list", "main").lines().toList()) {
            assertEquals(apps * 3 + 1, GitCli.files(remote, commit).size(), "commit " + commit);
            String first = GitCli.show(remote, commit, "apps/app-0/deployment.yaml");
            String version = first.substring(first.lastIndexOf(':') + 1).strip();
            assertTrue(GitCli.show(remote, commit, "apps/app-" + (apps - 1) + "/deployment.yaml")
                    .endsWith(":" + version + "\n"), "commit " + commit + " mixes versions");
        }
    }

    private static void assertEveryCommitLanded(Path remote, List<PublishResult> results, int expected) {
        assertEquals(expected, results.size());
        Set<String> committed = new HashSet<>();
        for (PublishResult result : results) {
            committed.add(result.commitId().orElseThrow());
        }
        assertEquals(expected, committed.size());
        assertEquals(committed, new HashSet<>(GitCli.run(remote, "rev-list", "main").lines().toList()));
        GitCli.assertFsckClean(remote);
    }

    private interface Job {
        List<PublishResult> run(int publisher) throws Exception;
    }

    private static List<PublishResult> runThreads(int count, Job job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<List<PublishResult>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int publisher = i;
                futures.add(pool.submit((Callable<List<PublishResult>>) () -> job.run(publisher)));
            }
            List<PublishResult> all = new ArrayList<>();
            for (Future<List<PublishResult>> future : futures) {
                all.addAll(future.get(120, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Process launch(String url, Path cache, String root, int rounds, int apps) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), PublishProcess.class.getName(),
                url, cache.toString(), root, Integer.toString(rounds), Integer.toString(apps))
                .redirectErrorStream(true);
        return builder.start();
    }

    private static List<String> outputOf(Process process, int timeoutSeconds) throws Exception {
        List<String> lines;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), "publisher process hung");
        assertEquals(0, process.exitValue(), String.join("\n", lines));
        return lines;
    }
}
