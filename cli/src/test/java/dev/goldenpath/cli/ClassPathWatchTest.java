package dev.goldenpath.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the watch sees: every kind of class path entry, the files beside it, the output it leaves out. */
class ClassPathWatchTest {

    private static final Duration INTERVAL = Duration.ofMillis(50);

    @TempDir
    Path tmp;

    @Test
    void seesEveryFileOfAFolderEveryJarOfAJarFolderAJarAndTheExtraFiles() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes/com/example"));
        Files.writeString(classes.resolve("Spec.class"), "v1");
        Files.writeString(classes.resolve("Spec$1.class"), "v1");
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(lib.resolve("a.jar"), "jar");
        Files.writeString(lib.resolve("notes.txt"), "not a jar");
        Path single = Files.writeString(tmp.resolve("single.jar"), "jar");
        Path certificate = Files.writeString(tmp.resolve("production.pem"), "pem");
        ClassPathWatch watch = new ClassPathWatch(List.of(tmp.resolve("classes").toString(), lib + File.separator + "*",
                single.toString(), " ", tmp.resolve("missing").toString()), List.of(certificate), tmp.resolve("out"), INTERVAL);

        assertEquals(Set.of(classes.resolve("Spec.class"), classes.resolve("Spec$1.class"), lib.resolve("a.jar"), single,
                certificate), watch.snapshot().keySet());
        assertEquals(4, watch.entryCount(), "a blank entry is no entry");
    }

    @Test
    void reportsAddedRemovedAndRewrittenFilesAndAnEntryThatAppears() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Path spec = Files.writeString(classes.resolve("Spec.class"), "v1");
        Path gone = Files.writeString(classes.resolve("Gone.class"), "v1");
        Path later = tmp.resolve("later");
        ClassPathWatch watch = new ClassPathWatch(List.of(classes.toString(), later.toString()), List.of(), tmp.resolve("out"),
                INTERVAL);
        Map<Path, ClassPathWatch.Stamp> before = watch.snapshot();

        Files.writeString(spec, "v2, longer");
        Files.delete(gone);
        Path added = Files.writeString(Files.createDirectories(classes.resolve("com/example")).resolve("New.class"), "v1");
        Path appeared = Files.writeString(Files.createDirectories(later).resolve("Late.class"), "v1");
        ClassPathWatch.Change change = watch.awaitChange(before);

        assertEquals(List.of(gone, spec, added, appeared).stream().sorted().toList(), change.paths());
        assertEquals(watch.snapshot(), change.files());
        assertEquals("Gone.class and 3 more files changed", watch.describe(change.paths()));
        assertEquals("com/example/New.class changed", watch.describe(List.of(added)));
    }

    @Test
    void aFileRewrittenWithTheSameSizeIsAChange() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Path spec = Files.writeString(classes.resolve("Spec.class"), "v1");
        // An hour ago: file times have the kernel's clock tick, and two writes within one would look the same.
        Files.setLastModifiedTime(spec, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        ClassPathWatch watch = new ClassPathWatch(List.of(classes.toString()), List.of(), tmp.resolve("out"), INTERVAL);
        Map<Path, ClassPathWatch.Stamp> before = watch.snapshot();
        Files.writeString(spec, "v2");
        assertEquals(List.of(spec), watch.awaitChange(before).paths());
    }

    @Test
    void leavesOutTheOutputFolderAndWaitsWhileNothingChanges() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Files.writeString(classes.resolve("Spec.class"), "v1");
        Path out = Files.createDirectories(classes.resolve("rendered/acme"));
        ClassPathWatch watch = new ClassPathWatch(List.of(classes.toString()), List.of(), classes.resolve("rendered"), INTERVAL);
        Map<Path, ClassPathWatch.Stamp> before = watch.snapshot();
        assertEquals(Set.of(classes.resolve("Spec.class")), before.keySet());

        CompletableFuture<ClassPathWatch.Change> change = CompletableFuture.supplyAsync(() -> {
            try {
                return watch.awaitChange(before);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Files.writeString(out.resolve("deployment.yaml"), "kind: Deployment\n");
        try {
            change.get(INTERVAL.toMillis() * 10, TimeUnit.MILLISECONDS);
            throw new AssertionError("the output folder's file was taken for a change");
        } catch (TimeoutException expected) {
            assertFalse(change.isDone());
        }
        Path added = Files.writeString(classes.resolve("Other.class"), "v1");
        assertEquals(List.of(added), change.get(30, TimeUnit.SECONDS).paths());
    }

    @Test
    void theSameFilesAgainAreNoChange() {
        Map<Path, ClassPathWatch.Stamp> files = Map.of(Path.of("/a"), new ClassPathWatch.Stamp(1, 2, 3L));
        assertTrue(ClassPathWatch.changed(files, Map.copyOf(files)).isEmpty());
        assertEquals(List.of(Path.of("/a")), ClassPathWatch.changed(files, Map.of(Path.of("/a"),
                new ClassPathWatch.Stamp(1, 2, 4L))), "another file under the same name (replaced by a rename)");
    }
}
