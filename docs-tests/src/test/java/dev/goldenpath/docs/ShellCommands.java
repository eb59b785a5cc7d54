package dev.goldenpath.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The commands of a shell block: one per line, {@code \} continuations joined, comments kept apart. */
final class ShellCommands {

    private static final Pattern EXIT = Pattern.compile("\\(exit (\\d)\\)");

    /**
     * One command as the page shows it.
     *
     * @param line    the page line it starts on
     * @param command the command without its trailing comment
     * @param comment the trailing comment, or empty
     */
    record Command(int line, String command, String comment) {

        /** The exit code the page promises with {@code (exit N)} in the comment; otherwise 0. */
        int expectedExit() {
            Matcher m = EXIT.matcher(comment);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }

        OptionalInt promisedExit() {
            Matcher m = EXIT.matcher(comment);
            return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
        }
    }

    private ShellCommands() {
    }

    static boolean isShell(Markdown.Block block) {
        return List.of("sh", "bash", "shell", "console").contains(block.language());
    }

    static List<Command> of(Markdown.Block block) {
        List<Command> commands = new ArrayList<>();
        List<String> lines = block.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            while (line.stripTrailing().endsWith("\\") && i + 1 < lines.size()) {
                text.append(line.stripTrailing(), 0, line.stripTrailing().length() - 1).append(' ');
                line = lines.get(++i);
            }
            text.append(line);
            String all = text.toString();
            int hash = commentStart(all);
            String command = (hash < 0 ? all : all.substring(0, hash)).strip().replaceAll("\\s+", " ");
            String comment = hash < 0 ? "" : all.substring(hash + 1).strip();
            commands.add(new Command(block.line() + 1 + start, command, comment));
        }
        return commands;
    }

    /** A {@code #} that starts a comment: after whitespace and outside quotes. */
    private static int commentStart(String line) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (c == '#' && !single && !dbl && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                return i;
            }
        }
        return -1;
    }
}
