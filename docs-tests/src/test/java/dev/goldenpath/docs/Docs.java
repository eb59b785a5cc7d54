package dev.goldenpath.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the pages are: README.md and every docs/*.md of the repository this module is built in. */
final class Docs {

    /** The repository root: the module runs with its own folder as working directory (Maven's default). */
    static final Path ROOT = root();

    /** This module's folder; examples that write {@code target/...} write here. */
    static final Path MODULE = Path.of("").toAbsolutePath();

    private Docs() {
    }

    /** README.md and every docs/*.md, sorted, so that a page added by anyone is tested without a list to update. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** The named pages, e.g. {@code README.md}, {@code docs/cli.md}. */
    static List<Path> pages(String... names) {
        return Stream.of(names).map(ROOT::resolve).toList();
    }

    static String relative(Path path) {
        return ROOT.relativize(path.toAbsolutePath()).toString();
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no README.md with a docs/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
