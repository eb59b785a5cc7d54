package dev.goldenpath.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the git command line, the independent referee of what the publisher wrote. */
final class GitCli {

    private GitCli() {
    }

    /** Runs {@code git args...} in {@code directory}; fails the test on a non-zero exit. */
    static String run(Path directory, String... args) {
        Result result = tryRun(directory, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed (" + result.exitCode() + "):\n"
                    + result.output());
        }
        return result.output();
    }

    record Result(int exitCode, String output) {
    }

    static Result tryRun(Path directory, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        isolate(builder);
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("git " + String.join(" ", args) + " timed out");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run git", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** No user or system git configuration leaks into the tests. */
    static void isolate(ProcessBuilder builder) {
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        builder.environment().put("GIT_AUTHOR_NAME", "Test");
        builder.environment().put("GIT_AUTHOR_EMAIL", "test@example.com");
        builder.environment().put("GIT_COMMITTER_NAME", "Test");
        builder.environment().put("GIT_COMMITTER_EMAIL", "test@example.com");
        builder.environment().remove("GIT_DIR");
        builder.environment().remove("GIT_WORK_TREE");
    }

    /** A new bare repository whose server side checks every received object (transfer.fsckObjects). */
    static Path initBare(Path directory) {
        run(directory.getParent(), "init", "--bare", "--quiet", "--initial-branch=main", directory.toString());
        run(directory, "config", "receive.fsckObjects", "true");
        return directory;
    }

    /** {@code git fsck --full --strict} on a repository; fails the test when it reports anything. */
    static void assertFsckClean(Path repository) {
        Result result = tryRun(repository, "fsck", "--full", "--strict", "--no-dangling");
        if (result.exitCode() != 0 || !result.output().isBlank()) {
            throw new AssertionError("git fsck is not clean (" + result.exitCode() + "):\n" + result.output());
        }
    }

    /** The files of {@code rev} as {@code git ls-tree -r --name-only} lists them. */
    static List<String> files(Path repository, String rev) {
        String out = run(repository, "ls-tree", "-r", "--name-only", rev);
        return out.isBlank() ? List.of() : out.lines().toList();
    }

    static String show(Path repository, String rev, String path) {
        return run(repository, "show", rev + ":" + path);
    }

    static int commitCount(Path repository, String rev) {
        return Integer.parseInt(run(repository, "rev-list", "--count", rev).strip());
    }
}
