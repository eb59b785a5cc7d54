package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {

    @TempDir
    Path tmp;

    @Test
    void printsHunksWithThreeLinesOfContextLikeGitDiff() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
        String after = "a\nb\nc\nd\ne\nF\ng\nh\ni\nj\nk\nl\nm\nn\n";
        assertEquals("""
                --- a/x.yaml
                +++ b/x.yaml
                @@ -3,7 +3,7 @@
                 c
                 d
                 e
                -f
                +F
                 g
                 h
                 i
                @@ -11,3 +11,4 @@
                 k
                 l
                 m
                +n
                """, UnifiedDiff.of("x.yaml", before, after, true, true));
    }

    @Test
    void newAndDeletedFilesDiffAgainstDevNull() {
        assertEquals("--- /dev/null\n+++ b/n.yaml\n@@ -0,0 +1,2 @@\n+kind: A\n+x: 1\n",
                UnifiedDiff.of("n.yaml", "", "kind: A\nx: 1\n", false, true));
        assertEquals("--- a/o.yaml\n+++ /dev/null\n@@ -1 +0,0 @@\n-kind: A\n",
                UnifiedDiff.of("o.yaml", "kind: A\n", "", true, false));
        assertEquals("", UnifiedDiff.of("same.yaml", "a\n", "a\n", true, true));
    }

    @Test
    void everyDiffAppliesWithGitApplyAndReproducesTheNewText() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "git is needed to apply the patches");
        Random random = new Random(42);
        for (int round = 0; round < 60; round++) {
            List<String> lines = new ArrayList<>();
            int size = random.nextInt(40);
            for (int i = 0; i < size; i++) {
                lines.add("line " + random.nextInt(12));
            }
            List<String> edited = new ArrayList<>(lines);
            int edits = 1 + random.nextInt(6);
            for (int e = 0; e < edits; e++) {
                int at = edited.isEmpty() ? 0 : random.nextInt(edited.size() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> edited.add(at, "new " + random.nextInt(5));
                    case 1 -> {
                        if (at < edited.size()) {
                            edited.remove(at);
                        }
                    }
                    default -> {
                        if (at < edited.size()) {
                            edited.set(at, "changed " + random.nextInt(5));
                        }
                    }
                }
            }
            String before = text(lines);
            String after = text(edited);
            Path dir = Files.createDirectories(tmp.resolve("r" + round));
            Files.writeString(dir.resolve("f.yaml"), before);
            String patch = UnifiedDiff.of("f.yaml", before, after, true, true);
            if (before.equals(after)) {
                assertEquals("", patch);
                continue;
            }
            Files.writeString(dir.resolve("change.patch"), patch);
            Process git = new ProcessBuilder("git", "apply", "change.patch").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String output = new String(git.getInputStream().readAllBytes());
            assertEquals(0, git.waitFor(), () -> "git apply failed: " + output + "\n" + patch);
            assertEquals(after, Files.readString(dir.resolve("f.yaml")), patch);
        }
    }

    private static String text(List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
