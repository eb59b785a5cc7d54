package dev.goldenpath.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderedTreeTest {

    @Test
    void keepsPathsSortedWhateverTheInsertionOrder() {
        RenderedTree tree = RenderedTree.builder().add("b/x.yaml", "b").add("a/y.yaml", "a").add("a/b.yaml", "c").build();
        assertEquals(List.of("a/b.yaml", "a/y.yaml", "b/x.yaml"), List.copyOf(tree.paths()));
    }

    @Test
    void refusesPathsThatCouldEscapeTheTargetFolder() {
        for (String bad : List.of("/etc/passwd", "../x", "a/../../x", "a//b", "a\\b", "a/./b", "a/", "")) {
            assertThrows(IllegalArgumentException.class, () -> RenderedTree.builder().add(bad, "x"), bad);
        }
    }

    @Test
    void randomPathsAreRefusedExactlyWhenASegmentIsEmptyOrADotSegment() {
        // Every mix of separators, dots and names, against the rule written the plain way: split into segments.
        java.util.Random random = new java.util.Random(18);
        String alphabet = "a./.b..";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder path = new StringBuilder();
            for (int c = random.nextInt(9); c > 0; c--) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = path.toString();
            boolean expected = !candidate.isEmpty() && java.util.Arrays.stream(candidate.split("/", -1))
                    .noneMatch(segment -> segment.isEmpty() || segment.equals(".") || segment.equals(".."));
            boolean accepted;
            try {
                Paths.checkRelative(candidate);
                accepted = true;
            } catch (IllegalArgumentException e) {
                accepted = false;
            }
            assertEquals(expected, accepted, "'" + candidate + "'");
        }
    }

    @Test
    void refusesTwoFilesAtOnePath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RenderedTree.builder().add("a.yaml", "1").add("a.yaml", "2"));
        assertTrue(e.getMessage().contains("a.yaml"));
    }

    @Test
    void copiesBytesInAndOut() {
        byte[] content = "abc".getBytes(StandardCharsets.UTF_8);
        RenderedTree tree = RenderedTree.builder().add("f", content).build();
        content[0] = 'z';
        byte[] out = tree.bytes("f").orElseThrow();
        out[1] = 'z';
        assertEquals("abc", tree.text("f").orElseThrow());
    }

    @Test
    void handedOverBytesAreCheckedLikeLentOnesAndStillCopiedOut() {
        RenderedTree lent = RenderedTree.builder().add("a/f.yaml", "abc".getBytes(StandardCharsets.UTF_8)).build();
        RenderedTree handed = RenderedTree.builder().addHandedOver("a/f.yaml", "abc".getBytes(StandardCharsets.UTF_8)).build();
        assertEquals(lent, handed);
        assertEquals(lent.digest(), handed.digest());
        byte[] out = handed.bytes("a/f.yaml").orElseThrow();
        out[0] = 'z';
        assertEquals("abc", handed.text("a/f.yaml").orElseThrow());
        for (String bad : List.of("/etc/passwd", "../x", "a//b", "")) {
            assertThrows(IllegalArgumentException.class, () -> RenderedTree.builder().addHandedOver(bad, new byte[0]), bad);
        }
        assertThrows(IllegalArgumentException.class,
                () -> RenderedTree.builder().add("a.yaml", "1").addHandedOver("a.yaml", new byte[] {'2'}));
    }

    @Test
    void equalTreesHaveEqualDigestsAndDifferentOnesDoNot() {
        RenderedTree a = RenderedTree.builder().add("x/a", "1").add("x/b", "2").build();
        RenderedTree b = RenderedTree.builder().add("x/b", "2").add("x/a", "1").build();
        RenderedTree c = RenderedTree.builder().add("x/a", "1").add("x/b", "3").build();
        assertEquals(a, b);
        assertEquals(a.digest(), b.digest());
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, c);
        assertNotEquals(a.digest(), c.digest());
    }

    @Test
    void selectsPrefixesAndCombinesTrees() {
        RenderedTree tree = RenderedTree.builder().add("apps/a/1", "1").add("apps/ab/2", "2").add("platform/3", "3").build();
        assertEquals(List.of("apps/a/1"), List.copyOf(tree.under("apps/a").paths()));
        assertEquals(List.of("root/apps/a/1", "root/apps/ab/2", "root/platform/3"),
                List.copyOf(tree.prefixed("root").paths()));
        assertEquals(4, tree.plus(RenderedTree.builder().add("docs/x.md", "x").build()).size());
        assertThrows(IllegalArgumentException.class, () -> tree.plus(tree));
    }

    @Test
    void writesFilesAndLeavesUnchangedOnesAlone(@TempDir Path dir) throws Exception {
        RenderedTree tree = RenderedTree.builder().add("a/b/c.yaml", "kind: X\n").add("d.yaml", "y").build();
        assertEquals(2, tree.writeTo(dir));
        assertArrayEquals("kind: X\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dir.resolve("a/b/c.yaml")));
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(dir.resolve("d.yaml"), old);
        assertEquals(0, tree.writeTo(dir));
        assertEquals(old, Files.getLastModifiedTime(dir.resolve("d.yaml")));
    }

    @Test
    void writesIntoNewFoldersAndExistingOnesAlike(@TempDir Path dir) throws Exception {
        // Existing: a/same.yaml (identical), a/changed.yaml (other content), a/stale.yaml (not in the tree).
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/same.yaml"), "same\n");
        Files.writeString(dir.resolve("a/changed.yaml"), "before\n");
        Files.writeString(dir.resolve("a/stale.yaml"), "stale\n");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(dir.resolve("a/same.yaml"), old);
        RenderedTree tree = RenderedTree.builder()
                .add("a/same.yaml", "same\n")
                .add("a/changed.yaml", "after\n")
                .add("a/new.yaml", "new\n")
                .add("a/b/c/deep.yaml", "deep\n") // a/b and a/b/c are made now
                .add("e/f.yaml", "f\n")
                .build();
        assertEquals(4, tree.writeTo(dir));
        assertEquals(old, Files.getLastModifiedTime(dir.resolve("a/same.yaml")));
        assertEquals("after\n", Files.readString(dir.resolve("a/changed.yaml")));
        assertEquals("new\n", Files.readString(dir.resolve("a/new.yaml")));
        assertEquals("deep\n", Files.readString(dir.resolve("a/b/c/deep.yaml")));
        assertEquals("f\n", Files.readString(dir.resolve("e/f.yaml")));
        assertEquals("stale\n", Files.readString(dir.resolve("a/stale.yaml")), "files outside the tree are left");
        assertEquals(0, tree.writeTo(dir));
    }
}
