package dev.goldenpath.docs;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell blocks of README.md, getting-started.md, cli.md and maven-plugin.md. An unmarked block runs, command by
 * command, in {@code sh} in a {@link CommandFixture} (a fresh project), and must exit 0, or N where its comment says
 * {@code (exit N)}; the {@code <!-- docs: output -->} block after it must be what it printed. A block marked
 * {@code run-by maven-plugin/src/it/NAME} holds Maven commands whose goals that invoker IT runs; {@code run-by .ci/run}
 * builds this repository as CI does; {@code not-run REASON} says why it cannot run here (network, credentials).
 */
class DocCommandsTest {

    static final List<String> PAGES = List.of("README.md", "docs/getting-started.md", "docs/cli.md", "docs/maven-plugin.md");
    /** Output blocks that GettingStartedTest (and WatchDocTest: watch) check by name. */
    static final List<String> NAMED_OUTPUTS = List.of("render", "tree", "violations", "publish", "watch");

    @TempDir
    Path tmp;

    @Test
    void everyCommandRunsOrSaysWhoRunsItOrWhyNot() throws Exception {
        Path fixture = CommandFixture.create(tmp.resolve("project"));
        List<String> problems = new ArrayList<>();
        int ran = 0;
        for (Path page : Docs.pages(PAGES.toArray(String[]::new))) {
            List<Markdown.Block> blocks = Markdown.blocks(page);
            for (int b = 0; b < blocks.size(); b++) {
                Markdown.Block block = blocks.get(b);
                if (block.marked("output") && !block.marker().get().argument().isEmpty()
                        && !NAMED_OUTPUTS.contains(block.marker().get().argument())) {
                    problems.add(block.where() + ": no test checks output '" + block.marker().get().argument() + "'");
                }
                if (!ShellCommands.isShell(block)) {
                    continue;
                }
                if (block.marked("not-run")) {
                    if (block.marker().get().argument().isBlank()) {
                        problems.add(block.where() + ": not-run needs a reason");
                    }
                    continue;
                }
                if (block.marked("run-by")) {
                    problems.addAll(runBy(block));
                    continue;
                }
                if (block.marker().isPresent()) {
                    problems.add(block.where() + ": unknown marker " + block.marker().get());
                    continue;
                }
                StringBuilder output = new StringBuilder();
                for (ShellCommands.Command command : ShellCommands.of(block)) {
                    ran++;
                    Result result = sh(fixture, command.command());
                    output.append(result.output());
                    if (result.exit() != command.expectedExit()) {
                        problems.add(Docs.relative(page) + ":" + command.line() + ": `" + command.command() + "` exited "
                                + result.exit() + ", expected " + command.expectedExit() + ":\n" + indent(result.output()));
                    }
                }
                Optional<Markdown.Block> shown = b + 1 < blocks.size() && blocks.get(b + 1).marked("output")
                        ? Optional.of(blocks.get(b + 1)) : Optional.empty();
                if (shown.isPresent()) {
                    Excerpts.check(shown.get().text(), output.toString()).ifPresent(p -> problems.add(
                            shown.get().where() + ": not what the commands at " + block.where() + " print: " + p
                                    + "\n  they printed:\n" + indent(output.toString())));
                }
            }
        }
        if (ran < 15) {
            problems.add("only " + ran + " commands ran; the pages show more");
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s) with the docs' commands (markers: docs-tests/README.md):\n"
                    + String.join("\n", problems));
        }
    }

    /** Maven commands another build runs: an invoker IT with the same goals, or this repository's CI script. */
    private static List<String> runBy(Markdown.Block block) throws Exception {
        List<String> problems = new ArrayList<>();
        String runner = block.marker().get().argument();
        List<List<String>> goalSets = new ArrayList<>();
        for (String name : runner.split("\\s*,\\s*")) {
            Path path = Docs.ROOT.resolve(name);
            if (name.equals(".ci/run")) {
                for (String line : Files.readAllLines(path)) {
                    if (line.strip().startsWith("mvn ")) {
                        goalSets.add(goals(line.strip()));
                    }
                }
                continue;
            }
            Path properties = path.resolve("invoker.properties");
            if (!Files.isRegularFile(properties)) {
                problems.add(block.where() + ": run-by names " + name + ", which has no invoker.properties");
                continue;
            }
            for (String line : Files.readAllLines(properties)) {
                if (line.startsWith("invoker.goals")) {
                    goalSets.add(goals("mvn " + line.substring(line.indexOf('=') + 1).strip()));
                }
            }
        }
        for (ShellCommands.Command command : ShellCommands.of(block)) {
            List<String> goals = goals(command.command());
            boolean covered = command.command().startsWith("mvn ") && goalSets.stream().anyMatch(set -> covers(set, goals));
            if (!covered) {
                problems.add(Docs.relative(block.page()) + ":" + command.line() + ": `" + command.command()
                        + "` is not run by " + runner + " (goals there: " + goalSets + ")");
            }
        }
        return problems;
    }

    /** The phases and goals of an mvn command line, without options. */
    static List<String> goals(String command) {
        List<String> goals = new ArrayList<>();
        String[] tokens = command.split("\\s+");
        for (int i = 1; i < tokens.length; i++) {
            if (tokens[i].equals("|")) {
                break;
            }
            if (OPTIONS_WITH_VALUES.contains(tokens[i])) {
                i++;
            } else if (!tokens[i].startsWith("-")) {
                goals.add(tokens[i]);
            }
        }
        return goals;
    }

    /** Maven options whose value is the next word. */
    private static final List<String> OPTIONS_WITH_VALUES = List.of("-pl", "--projects", "-f", "--file", "-s",
            "--settings", "-gs", "-P", "--activate-profiles", "-rf", "--resume-from", "-T", "--threads", "-t");

    /**
     * The runner's goals include the command's, in order; CI's {@code verify} covers {@code package}, which comes
     * before it in the lifecycle.
     */
    private static boolean covers(List<String> runner, List<String> command) {
        List<String> expanded = new ArrayList<>();
        for (String goal : runner) {
            if (goal.equals("verify")) {
                expanded.addAll(List.of("compile", "package"));
            }
            expanded.add(goal);
        }
        int at = 0;
        for (String goal : command) {
            at = expanded.subList(at, expanded.size()).indexOf(goal);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    private static final java.util.regex.Pattern PROGRESS = java.util.regex.Pattern.compile("goldenpath: .*( \\.\\.\\.| took [0-9.]+ s)");

    record Result(int exit, String output) {
    }

    static Result sh(Path dir, String command) throws Exception {
        // goldenpath as the alias of cli.md would define it; Maven never runs here (its blocks say who runs them).
        // The launcher's settings (C1 only, the parallel collector): each command is a short JVM, so start-up dominates.
        String prelude = "goldenpath() { \"$GP_JAVA\" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -cp \"$GP_CP\" "
                + "dev.goldenpath.cli.Goldenpath \"$@\"; }\n"
                + "mvn() { echo 'docs-tests: mvn does not run here: mark the block run-by or not-run' >&2; return 127; }\n";
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", prelude + command).directory(dir.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("GP_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        env.put("GP_CP", CommandFixture.classPath());
        Stream.of("GOLDENPATH_GIT_TOKEN", "GOLDENPATH_SEALING_KEY", "GITHUB_SHA", "CI_COMMIT_SHA").forEach(env::remove);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] bytes = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, "timed out");
        }
        // Progress lines (stderr, only when a step takes over a second) depend on the machine: not part of the output.
        String output = new String(bytes, StandardCharsets.UTF_8).lines()
                .filter(l -> !PROGRESS.matcher(l).matches()).map(l -> l + "\n").reduce("", String::concat);
        return new Result(process.exitValue(), output);
    }

    private static String indent(String text) {
        return text.lines().limit(30).map(l -> "    " + l).reduce((a, c) -> a + "\n" + c).orElse("    (nothing)");
    }
}
