package dev.goldenpath.gitops;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A publisher in its own JVM, for the multi-process tests: publishes {@code rounds} versions of its apps
 * (or, with rounds 0, new versions until killed) and prints one line per publish.
 *
 * <p>Arguments: repository URL, cache folder, root, rounds, apps per tree.
 */
public final class PublishProcess {

    private PublishProcess() {
    }

    public static void main(String[] args) {
        String url = args[0];
        Path cache = Path.of(args[1]);
        String root = args[2];
        int rounds = Integer.parseInt(args[3]);
        int apps = Integer.parseInt(args[4]);
        Publisher publisher = GitOps.repository(url).root(root).cache(cache)
                .retries(RetryPolicy.of(40, Duration.ofMillis(20), Duration.ofMillis(500)));
        for (int round = 1; rounds == 0 || round <= rounds; round++) {
            PublishResult result = publisher.publish(Trees.apps("app", apps, root + "-v" + round),
                    PublishRequest.message(root + " round " + round).sourceRevision(root + "-" + round));
            System.out.println("published " + round + " " + result.commitId().orElse("none") + " retries="
                    + result.retries());
            System.out.flush();
        }
    }
}
