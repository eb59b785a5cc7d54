package dev.goldenpath.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What {@code render --watch} watches: the files of the specs' class path (every file below a class folder, a jar, the
 * jars of a {@code DIR/*} entry) and other files the render reads (sealing certificates and key), compared by size,
 * modification time and file key at every {@code interval} (less often when looking takes over a tenth of it).
 *
 * <p>Polling rather than the file system's events: it behaves the same on every system (the JDK's {@code WatchService}
 * polls every few seconds where the system has no events, and sees a folder a compiler creates only once it is
 * registered), an entry that does not exist yet is watched like any other, and a compiled class path is a few hundred
 * files, read in about a millisecond. Files below {@code excluded} (the render's own output, when it lies inside a
 * class folder) are not watched, so a render never sets off the next one.
 */
final class ClassPathWatch {

    /** A file's size, modification time (nanoseconds) and file key (the inode, where the system has one). */
    record Stamp(long size, long modified, Object key) {
    }

    /** The files as they are after a change, and the paths that changed (added, removed or rewritten), sorted. */
    record Change(Map<Path, Stamp> files, List<Path> paths) {
    }

    private final List<String> entries;
    private final List<Path> files;
    private final Path excluded;
    private final Duration interval;

    /**
     * @param entries  class path entries as the command line has them ({@code DIR/*} means every jar in DIR)
     * @param files    other files the render reads
     * @param excluded a folder whose files are never watched (the render's output)
     * @param interval how often to look; a change is reported once the files stayed the same for one interval
     */
    ClassPathWatch(List<String> entries, List<Path> files, Path excluded, Duration interval) {
        this.entries = List.copyOf(entries);
        this.files = files.stream().map(ClassPathWatch::absolute).toList();
        this.excluded = absolute(excluded);
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /**
     * The same watch, also watching {@code more}: files a render read because the spec names them (the files of
     * secrets sealed at render time), known only once it ran.
     */
    ClassPathWatch alsoWatching(Collection<Path> more) {
        Set<Path> all = new LinkedHashSet<>(files);
        more.forEach(file -> all.add(absolute(file)));
        return new ClassPathWatch(entries, List.copyOf(all), excluded, interval);
    }

    /**
     * {@code before}, a snapshot of {@code previous}, as a snapshot of this watch: without the files only
     * {@code previous} watched, and with the stamps, as they are now, of the files only this one watches, so that
     * starting or stopping to watch a file is no change. A file that is missing stays absent: its appearance is one.
     */
    Map<Path, Stamp> carriedOver(Map<Path, Stamp> before, ClassPathWatch previous) {
        Map<Path, Stamp> stamps = new TreeMap<>(before);
        for (Path file : previous.files) {
            if (!files.contains(file)) {
                stamps.remove(file);
            }
        }
        for (Path file : files) {
            if (!previous.files.contains(file) && !stamps.containsKey(file)) {
                stamp(file, stamps);
            }
        }
        return stamps;
    }

    /** The entries that name something to watch (blank ones are skipped, as the class path skips them). */
    int entryCount() {
        return (int) entries.stream().filter(entry -> !entry.isBlank()).count();
    }

    /** Every watched file now, by absolute path. */
    Map<Path, Stamp> snapshot() {
        Map<Path, Stamp> stamps = new TreeMap<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            if (SpecOptions.isJarFolder(entry)) {
                jars(absolute(SpecOptions.jarFolder(entry)), stamps);
            } else {
                walk(absolute(Path.of(entry)), stamps);
            }
        }
        for (Path file : files) {
            stamp(file, stamps);
        }
        return stamps;
    }

    /**
     * Waits until the files differ from {@code before} and then stay the same for one interval (a compiler writes many
     * files; the render starts after the last one).
     *
     * @throws InterruptedException when the thread is interrupted: the watch is over
     */
    Change awaitChange(Map<Path, Stamp> before) throws InterruptedException {
        Map<Path, Stamp> seen = before;
        long pause = interval.toNanos();
        while (true) {
            TimeUnit.NANOSECONDS.sleep(pause);
            long start = System.nanoTime();
            Map<Path, Stamp> now = snapshot();
            // Looking costs at most a tenth of one core: a class path so large that a look takes longer than a tenth
            // of the interval is looked at less often.
            pause = Math.max(interval.toNanos(), (System.nanoTime() - start) * 10);
            if (now.equals(seen) && !now.equals(before)) {
                return new Change(now, changed(before, now));
            }
            seen = now;
        }
    }

    /** The paths added, removed or rewritten between two snapshots, sorted. */
    static List<Path> changed(Map<Path, Stamp> before, Map<Path, Stamp> after) {
        Set<Path> paths = new HashSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<Path> changed = new ArrayList<>();
        for (Path path : paths) {
            if (!Objects.equals(before.get(path), after.get(path))) {
                changed.add(path);
            }
        }
        changed.sort(null);
        return changed;
    }

    /**
     * What changed, for people: the first path (relative to its class folder, e.g.
     * {@code com/acme/AcmeSpec.class}) and how many more.
     */
    String describe(List<Path> paths) {
        if (paths.isEmpty()) {
            return "nothing changed";
        }
        Path first = paths.get(0);
        String shown = first.toString();
        for (String entry : entries) {
            if (!entry.isBlank() && !SpecOptions.isJarFolder(entry)) {
                Path folder = absolute(Path.of(entry));
                if (first.startsWith(folder) && !first.equals(folder)) {
                    shown = folder.relativize(first).toString();
                    break;
                }
            }
        }
        int more = paths.size() - 1;
        return shown + (more == 0 ? "" : " and " + more + " more " + (more == 1 ? "file" : "files")) + " changed";
    }

    private void jars(Path folder, Map<Path, Stamp> stamps) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path jar : jars) {
                stamp(jar, stamps);
            }
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            // Not there (yet): its appearance is a change.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path folder " + folder, e);
        }
    }

    private void walk(Path start, Map<Path, Stamp> stamps) {
        if (start.startsWith(excluded) || !Files.exists(start)) {
            return;
        }
        try {
            // Links followed, as the class loader follows them; a loop is reported to visitFileFailed and skipped.
            Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.startsWith(excluded) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        stamps.put(file, stamp(attributes));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // Removed while the walk ran (a compiler replacing its output), or a link loop: not a file to watch.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class path entry " + start, e);
        }
    }

    private static void stamp(Path file, Map<Path, Stamp> stamps) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
                stamps.put(file, stamp(attributes));
            }
        } catch (IOException e) {
            // Missing or unreadable now: absent from this snapshot, so that its return is a change.
        }
    }

    private static Stamp stamp(BasicFileAttributes attributes) {
        return new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.fileKey());
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
