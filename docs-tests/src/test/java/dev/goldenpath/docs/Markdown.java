package dev.goldenpath.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced code blocks of the project's Markdown pages, each with the docs-test marker written just before it.
 *
 * <p>A marker is an HTML comment on the last non-blank line before the fence, {@code <!-- docs: KIND ARGUMENT -->};
 * GitHub and GitLab do not show it. The kinds are listed in {@code docs-tests/README.md}.
 */
final class Markdown {

    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,})\\s*([\\w-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*docs:\\s*([\\w-]+)\\s*(.*?)\\s*-->\\s*$");

    /** One fenced block: its page, the line of its opening fence (1-based), language, marker and content. */
    record Block(Path page, int line, String language, Optional<Marker> marker, String text) {

        /** {@code README.md:42}, relative to the repository, for messages that editors turn into links. */
        String where() {
            return Docs.relative(page) + ":" + line;
        }

        List<String> lines() {
            return text.lines().toList();
        }

        boolean marked(String kind) {
            return marker.map(m -> m.kind().equals(kind)).orElse(false);
        }
    }

    /** {@code <!-- docs: KIND ARGUMENT -->}. */
    record Marker(String kind, String argument) {
    }

    private Markdown() {
    }

    /** Every fenced block of {@code page}, in order. */
    static List<Block> blocks(Path page) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int indent = open.group(1).length();
            String close = open.group(2);
            StringBuilder text = new StringBuilder();
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).strip().equals(close); j++) {
                String line = lines.get(j);
                // A fence inside a list item is indented: its content is, too.
                text.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line)
                        .append('\n');
            }
            blocks.add(new Block(page, i + 1, open.group(3), marker(lines, i), text.toString()));
            i = j;
        }
        return blocks;
    }

    /** Every block of every page. */
    static Stream<Block> blocks(List<Path> pages) {
        return pages.stream().flatMap(page -> blocks(page).stream());
    }

    private static Optional<Marker> marker(List<String> lines, int fence) {
        for (int k = fence - 1; k >= 0; k--) {
            String line = lines.get(k);
            if (line.isBlank()) {
                continue;
            }
            Matcher m = MARKER.matcher(line);
            return m.matches() ? Optional.of(new Marker(m.group(1), m.group(2))) : Optional.empty();
        }
        return Optional.empty();
    }
}
