package dev.goldenpath.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.gitops.PublishException;
import dev.goldenpath.gitops.PublishResult;
import dev.goldenpath.pipeline.Renders.RenderedPlatform;
import dev.goldenpath.pipeline.specs.ShopSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing a rendered platform into a real bare repository, read back with JGit. */
class PublicationTest {

    @TempDir
    Path tmp;

    private static RenderedPlatform shop() {
        return Pipeline.classLoader(PublicationTest.class.getClassLoader()).platform("shop").render().single();
    }

    @Test
    void publishesOnceWithTheCiRevisionAsTrailerAndCommitsNothingTheSecondTime() throws Exception {
        RenderedPlatform shop = shop();
        Path bare = tmp.resolve("gitops.git");
        Publication publication = Publication.of(shop.platform()).repository(bare.toString()).createRepository(true)
                .sourceRevisionFrom(Map.of("CI_COMMIT_SHA", "0123abcd")::get);

        PublishResult first = publication.publish(shop.rendering().tree());

        assertEquals("main", first.branch());
        try (Repository repository = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve("refs/heads/main");
            assertEquals(first.commitId().orElseThrow(), head.name());
            RevCommit commit = walk.parseCommit(head);
            assertTrue(commit.getFullMessage().startsWith("Render platform shop"), commit.getFullMessage());
            assertTrue(commit.getFullMessage().contains("Source-Revision: 0123abcd"), commit.getFullMessage());
            try (TreeWalk file = TreeWalk.forPath(repository, "apps/production/web/deployment.yaml", commit.getTree())) {
                String committed = new String(repository.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
                assertEquals(shop.rendering().tree().text("apps/production/web/deployment.yaml").orElseThrow(), committed);
            }
        }
        assertTrue(publication.publish(shop.rendering().tree()).nothingToCommit());
    }

    @Test
    void aDryRunReportsTheChangeAndCommitsNothing() throws Exception {
        RenderedPlatform shop = shop();
        Path bare = tmp.resolve("gitops.git");
        Publication.of(shop.platform()).repository(bare.toString()).createRepository(true).root("clusters/eu")
                .message("first").publish(shop.rendering().tree());
        ShopSpec.webReplicas = 4;
        try {
            RenderedPlatform changed = shop();
            PublishResult dry = Publication.of(changed.platform()).repository(bare.toString()).root("clusters/eu")
                    .dryRun(true).publish(changed.rendering().tree());
            assertTrue(dry.dryRun());
            assertEquals(java.util.List.of("clusters/eu/apps/production/web/deployment.yaml"), dry.changed());
            try (Repository repository = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
                assertEquals("first", walk.parseCommit(repository.resolve("refs/heads/main")).getShortMessage());
            }
        } finally {
            ShopSpec.webReplicas = 2;
        }
    }

    @Test
    void aMissingLocalRepositoryIsReportedByReason() {
        RenderedPlatform shop = shop();
        Publication missing = Publication.of(shop.platform()).repository(tmp.resolve("nothing.git").toString());
        assertTrue(missing.isLocal());
        assertFalse(Publication.of(shop.platform()).isLocal(), "the spec's https:// repository");
        PublishException notFound = assertThrows(PublishException.class, () -> missing.publish(shop.rendering().tree()));
        assertEquals(PublishException.Reason.REPOSITORY_NOT_FOUND, notFound.reason());
    }
}
