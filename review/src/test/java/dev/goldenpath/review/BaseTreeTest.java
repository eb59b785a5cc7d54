package dev.goldenpath.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.tree.RenderedTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The base tree from a folder, or from the GitOps repository at a revision (no checkout of that revision). */
class BaseTreeTest {

    @TempDir
    Path temp;

    /** A GitOps repository whose first commit holds the platform below clusters/acme, the second a changed one. */
    private Path repository() throws Exception {
        Path work = temp.resolve("gitops");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Platforms.render().writeTo(work.resolve("clusters/acme"));
            Files.writeString(work.resolve("README.md"), "not part of the tree");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("first").setSign(false).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
            git.tag().setName("v1").call();
            Platforms.render(f -> f.calls("ledger", 5432), UnaryOperator.identity()).writeTo(work.resolve("clusters/acme"));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("second").setSign(false).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com").call();
        }
        return work;
    }

    @Test
    void aRevisionIsReadFromTheRepositoryBelowItsRoot() throws Exception {
        Path repository = repository();
        RenderedTree atTag = BaseTree.read(repository + "@v1", "clusters/acme");
        assertEquals(Platforms.render(), atTag);
        RenderedTree atHead = BaseTree.gitRevision(repository, "main", "/clusters/acme/");
        List<String> lines = Review.between(atTag, atHead).changes().stream().map(Change::line).toList();
        assertEquals(List.of("+ prod: web-prod/frontend -> data-prod/ledger 5432/TCP"), lines);
    }

    @Test
    void aRemoteRepositoryIsClonedAndRead() throws Exception {
        Path repository = repository();
        RenderedTree cloned = BaseTree.read(repository.toUri() + "@v1", "clusters/acme");
        assertTrue(cloned.paths().stream().noneMatch(p -> p.startsWith("clusters/")), cloned.paths().toString());
        assertEquals(Platforms.render(), cloned);
    }

    @Test
    void aFolderIsReadWithoutItsGitFolder() throws Exception {
        Path repository = repository();
        RenderedTree folder = BaseTree.read(repository.toString(), "");
        assertTrue(folder.contains("README.md"));
        assertTrue(folder.paths().stream().noneMatch(p -> p.startsWith(".git/")));
    }

    @Test
    void anUnknownRevisionOrLocationIsOneClearProblem() throws Exception {
        Path repository = repository();
        ReviewException revision = assertThrows(ReviewException.class, () -> BaseTree.read(repository + "@nope", ""));
        assertEquals(List.of("base " + repository + ": revision 'nope' not found"), revision.problems());
        ReviewException location = assertThrows(ReviewException.class,
                () -> BaseTree.read(temp.resolve("missing").toString(), ""));
        assertEquals(List.of("base " + temp.resolve("missing") + ": neither a folder nor a repository URL"), location.problems());
    }
}
