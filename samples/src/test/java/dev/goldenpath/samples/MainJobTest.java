package dev.goldenpath.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.gitops.PublishResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainJobTest {

    @Test
    void rendersCommitsAndCommitsNothingTheSecondTime(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("rendered");
        Path bare = dir.resolve("gitops.git");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PublishResult first = RenderSamples.run(out, bare, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertFalse(first.nothingToCommit());
        assertTrue(Files.isRegularFile(out.resolve("apps/production/frontend/deployment.yaml")));
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("7 apps in 2 environments (14 app instances)"), printed);
        assertTrue(printed.contains(first.commitId().orElseThrow().substring(0, 12)), printed);

        PublishResult second = RenderSamples.run(out, bare, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertTrue(second.nothingToCommit());

        // What was committed is exactly what was rendered: clone it and compare.
        Path clone = dir.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(bare.toUri().toString()).setDirectory(clone.toFile()).call()) {
            Repository repository = git.getRepository();
            RevCommit head = repository.parseCommit(repository.resolve("HEAD"));
            assertEquals(first.commitId().orElseThrow(), head.getName());
        }
        assertEquals(Files.readString(out.resolve("apps/production/frontend/deployment.yaml")),
                Files.readString(clone.resolve("apps/production/frontend/deployment.yaml")));
    }
}
