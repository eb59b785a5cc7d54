package dev.goldenpath.cli;

import dev.goldenpath.vocabulary.Levenshtein;
import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One command's command line: the options and operands it takes, each bound to what it sets, the help made from them,
 * and the parse that sets them. Declared in code, so a run reads no annotations and builds only its own command: the
 * command-line library this replaced spent about a tenth of a second of every run building its model by reflection
 * (docs/benchmarks.md, "Issue 18: the command line parsed without reflection").
 *
 * <pre>{@code
 * Syntax syntax = new Syntax("goldenpath render").header("Render the platform specs ...");
 * syntax.option("-d, --dir", "DIR", "Where the trees go (default: target/goldenpath).", value -> dir = Path.of(value));
 * syntax.flag("--clean", "Delete files the render no longer produces.", () -> clean = true);
 * Syntax.Parse parse = syntax.parse(List.of("--dir", "out", "--clean"));   // parse.problems(): every mistake
 * }</pre>
 *
 * <p>Options are {@code --name value}, {@code --name=value} or, for a one-letter name, {@code -n value}, {@code -n=value}
 * and {@code -nvalue}; one-letter flags go together ({@code -uh}); {@code --} ends the options. A mistake does not stop
 * the parse: every one is listed, each once, and the argument after an unknown option is never echoed.
 */
final class Syntax {

    /** The width the help is wrapped to: the terminal's default, the same on every machine (docs show it). */
    static final int WIDTH = 80;
    /** Where option descriptions start when the names are long, as in most command lines' help. */
    private static final int DESCRIPTION_COLUMN = 24;

    private final String command;
    private String header = "";
    private final List<String> description = new ArrayList<>();
    private final List<Option> options = new ArrayList<>();
    private final Map<String, Option> byName = new LinkedHashMap<>();
    private Operands operands;
    private final List<String[]> commands = new ArrayList<>();
    private final List<String[]> exitCodes = new ArrayList<>();
    private String footer = "";

    /** A command line named {@code command} ({@code goldenpath render}), with {@code -h, --help} and {@code -V, --version}. */
    Syntax(String command) {
        this.command = command;
        declare(new Option(List.of("-h", "--help"), null, "Show this help message and exit.", Kind.HELP, false, null));
        declare(new Option(List.of("-V", "--version"), null, "Print version information and exit.", Kind.VERSION, false,
                null));
    }

    String command() {
        return command;
    }

    /** The first line of the help, and the command's line in the list of commands. */
    Syntax header(String header) {
        this.header = header;
        return this;
    }

    String header() {
        return header;
    }

    /** Paragraphs after the usage line; an empty string separates them, a line starting with spaces is kept as is. */
    Syntax description(String... paragraphs) {
        description.addAll(List.of(paragraphs));
        return this;
    }

    /** An exit code and what it means, listed at the end of the help. */
    Syntax exitCode(int code, String meaning) {
        exitCodes.add(new String[] {Integer.toString(code), meaning});
        return this;
    }

    /** A command, listed in the help of a command line of commands. */
    Syntax command(String name, String header) {
        commands.add(new String[] {name, header});
        return this;
    }

    Syntax footer(String footer) {
        this.footer = footer;
        return this;
    }

    /** An option without a value: {@code set} runs when it is given. {@code names}: {@code "-u, --unified"}. */
    Syntax flag(String names, String help, Runnable set) {
        return declare(new Option(names(names), null, help, Kind.FLAG, false, value -> set.run()));
    }

    /** An option with one value, given at most once; {@code set} converts it (an IllegalArgumentException says why not). */
    Syntax option(String names, String label, String help, Consumer<String> set) {
        return declare(new Option(names(names), label, help, Kind.ONCE, false, set));
    }

    /** Like {@link #option}, and the command cannot run without it. */
    Syntax required(String names, String label, String help, Consumer<String> set) {
        return declare(new Option(names(names), label, help, Kind.ONCE, true, set));
    }

    /** An option that may be given again and again: {@code add} takes each value. */
    Syntax repeatable(String names, String label, String help, Consumer<String> add) {
        return declare(new Option(names(names), label, help, Kind.REPEATABLE, false, add));
    }

    /**
     * A repeatable option whose values are also lists, split at {@code separator} ({@code --enable a,b --enable c}):
     * {@code add} takes each item; empty items are left out.
     */
    Syntax list(String names, String label, String separator, String help, Consumer<String> add) {
        return declare(new Option(names(names), label + "[" + separator + label + "...]", help, Kind.REPEATABLE, false,
                value -> {
                    for (String item : value.split(java.util.regex.Pattern.quote(separator), -1)) {
                        if (!item.isEmpty()) {
                            add.accept(item);
                        }
                    }
                }));
    }

    /** The operands (what is not an option), any number of them: {@code add} takes each. */
    Syntax operands(String label, String help, Consumer<String> add) {
        this.operands = new Operands(label, help, add);
        return this;
    }

    private Syntax declare(Option option) {
        for (String name : option.names()) {
            if (byName.putIfAbsent(name, option) != null) {
                throw new IllegalStateException(command + ": option " + name + " declared twice");
            }
        }
        options.add(option);
        return this;
    }

    private static List<String> names(String names) {
        return List.of(names.split(", "));
    }

    /** The separator of class path entries on this system, as in {@code java -cp}. */
    static String pathSeparator() {
        return File.pathSeparator;
    }

    /**
     * A converter of names to the constants of {@code type}, ignoring case and with {@code -} for {@code _}; a wrong
     * name is an IllegalArgumentException naming every right one.
     */
    static <E extends Enum<E>> E choice(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.replace('-', '_'))) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException("expected " + String.join(", ", names));
    }

    /**
     * The arguments with each {@code @FILE} replaced by the arguments in FILE (as {@code java @FILE} reads them):
     * separated by white space or line ends, quoted with {@code "} or {@code '} to hold white space, lines starting
     * with {@code #} left out; {@code @@x} is the argument {@code @x}. Not nested: an {@code @} in a file is kept.
     * For class paths longer than a command line may be.
     *
     * @throws UsageError when a file cannot be read or a quote is not closed
     */
    static List<String> expandArgumentFiles(List<String> args) {
        List<String> expanded = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("@@")) {
                expanded.add(arg.substring(1));
            } else if (arg.startsWith("@") && arg.length() > 1) {
                String text;
                try {
                    text = java.nio.file.Files.readString(java.nio.file.Path.of(arg.substring(1)));
                } catch (java.io.IOException | RuntimeException e) {
                    throw new UsageError("cannot read the argument file " + arg.substring(1) + " ("
                            + e.getClass().getSimpleName() + ")");
                }
                expanded.addAll(words(text, arg.substring(1)));
            } else {
                expanded.add(arg);
            }
        }
        return expanded;
    }

    private static List<String> words(String text, String file) {
        List<String> words = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            StringBuilder word = null;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        word.append(c);
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    word = word == null ? new StringBuilder() : word;
                } else if (Character.isWhitespace(c)) {
                    if (word != null) {
                        words.add(word.toString());
                        word = null;
                    }
                } else {
                    word = word == null ? new StringBuilder() : word;
                    word.append(c);
                }
            }
            if (quote != 0) {
                throw new UsageError("the argument file " + file + " has a quote that is not closed");
            }
            if (word != null) {
                words.add(word.toString());
            }
        }
        return words;
    }

    /** What a parse found: help or version asked for, and every mistake, in the order of the arguments. */
    record Parse(boolean help, boolean version, List<String> problems) {
    }

    /** Parses {@code args}, setting every option and operand given; mistakes are collected, never thrown. */
    Parse parse(List<String> arguments) {
        List<String> args = new ArrayList<>(arguments);
        List<String> problems = new ArrayList<>();
        // By identity: an option is one declaration (a record's equals would compare the lambdas it holds).
        Set<Option> given = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean help = false;
        boolean version = false;
        boolean operandsOnly = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (operandsOnly || !arg.startsWith("-") || arg.equals("-")) {
                operand(arg, problems);
                continue;
            }
            if (arg.equals("--")) {
                operandsOnly = true;
                continue;
            }
            List<String> group = group(arg);
            if (group != null) {
                args.remove(i);
                args.addAll(i, group);
                arg = args.get(i);
            }
            String name = arg;
            String value = null;
            Option option = byName.get(arg);
            if (option == null) {
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                    option = byName.get(name);
                } else if (!arg.startsWith("--") && arg.length() > 2) {
                    // -dDIR: a one-letter option with its value attached.
                    Option shortOption = byName.get(arg.substring(0, 2));
                    if (shortOption != null && shortOption.takesValue()) {
                        name = arg.substring(0, 2);
                        value = arg.substring(2);
                        option = shortOption;
                    }
                }
            }
            if (option == null) {
                List<String> close = closest(name, byName.keySet());
                problems.add("unknown option '" + name + "'"
                        + (close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)"));
                // The next argument is taken as the unknown option's value, not one more mistake: when what was meant takes
                // a value (--dri out), and always where there are no operands. Never echoed: it may be a secret given
                // to an option that does not exist (publish --token ...).
                boolean meantTakesValue = !close.isEmpty()
                        && close.stream().allMatch(meant -> byName.get(meant).takesValue());
                if (value == null && (meantTakesValue || operands == null)
                        && i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                    i++;
                }
                continue;
            }
            switch (option.kind()) {
                case HELP -> help = true;
                case VERSION -> version = true;
                case FLAG -> {
                    if (value != null) {
                        problems.add(name + " takes no value, but was given '" + value + "'");
                    } else {
                        option.set().accept(null);
                    }
                }
                default -> {
                    if (value == null) {
                        if (i + 1 < args.size() && !byName.containsKey(args.get(i + 1))
                                && !byName.containsKey(args.get(i + 1).split("=", 2)[0])) {
                            value = args.get(++i);
                        } else {
                            problems.add(name + " needs a value (" + option.label() + ")");
                            continue;
                        }
                    }
                    if (option.kind() == Kind.ONCE && given.contains(option)) {
                        problems.add(option.longest() + " is given more than once (it takes one " + option.label() + ")");
                        continue;
                    }
                    try {
                        option.set().accept(value);
                    } catch (IllegalArgumentException e) {
                        problems.add("invalid value '" + value + "' for " + name + ": " + e.getMessage());
                    }
                }
            }
            given.add(option);
        }
        if (!help && !version) {
            for (Option option : options) {
                if (option.required() && !given.contains(option)) {
                    problems.add("missing required option " + option.longest() + "=" + option.label());
                }
            }
        }
        return new Parse(help, version, List.copyOf(problems));
    }

    /**
     * {@code -uh} as {@code -u -h}: one-letter options that take no value, written together; a one-letter option that
     * takes one ends the group, the rest being its value ({@code -uoout}: {@code -u -o out}). Null when {@code arg}
     * is not such a group.
     */
    private List<String> group(String arg) {
        if (arg.startsWith("--") || arg.length() < 3 || byName.containsKey(arg) || arg.indexOf('=') >= 0) {
            return null;
        }
        Option first = byName.get(arg.substring(0, 2));
        if (first == null || first.takesValue()) {
            return null;
        }
        List<String> group = new ArrayList<>();
        for (int j = 1; j < arg.length(); j++) {
            String letter = "-" + arg.charAt(j);
            Option option = byName.get(letter);
            if (option == null) {
                return null;
            }
            group.add(letter);
            if (option.takesValue()) {
                if (j + 1 < arg.length()) {
                    group.add(arg.substring(j + 1));
                }
                break;
            }
        }
        return group;
    }

    private void operand(String arg, List<String> problems) {
        if (operands == null) {
            problems.add("unexpected argument '" + arg + "'");
            return;
        }
        try {
            operands.add().accept(arg);
        } catch (IllegalArgumentException e) {
            problems.add("invalid " + operands.label() + " '" + arg + "': " + e.getMessage());
        }
    }

    /**
     * The candidates within two edits ({@link Levenshtein}) of {@code typed} (one for names of up to four characters,
     * a third of the length for long ones), closest first, or those it is the start of ({@code --sealing} for {@code --sealing-cert} and
     * {@code --sealing-key-file}).
     */
    static List<String> closest(String typed, Iterable<String> candidates) {
        int allowed = typed.length() <= 4 ? 1 : Math.max(2, typed.length() / 3);
        List<String> close = new ArrayList<>();
        List<String> longer = new ArrayList<>();
        for (String candidate : candidates) {
            if (Levenshtein.distance(typed, candidate) <= allowed) {
                close.add(candidate);
            } else if (typed.length() > 2 && candidate.startsWith(typed)) {
                longer.add(candidate);
            }
        }
        close.sort(Comparator.comparingInt((String candidate) -> Levenshtein.distance(typed, candidate))
                .thenComparing(Comparator.naturalOrder()));
        return close.isEmpty() ? longer : close;
    }

    /** {@code Usage: goldenpath diff --checkout=DIR [OPTIONS]}, or {@code ... COMMAND} for a line of commands. */
    String usage() {
        StringBuilder usage = new StringBuilder("Usage: ").append(command);
        if (!commands.isEmpty()) {
            return usage.append(" [-hV] COMMAND").toString();
        }
        for (Option option : options) {
            if (option.required()) {
                usage.append(' ').append(option.longest()).append('=').append(option.label());
            }
        }
        usage.append(" [OPTIONS]");
        if (operands != null) {
            usage.append(" [").append(operands.label()).append("...]");
        }
        return usage.toString();
    }

    /** The whole help: header, usage, description, options (sorted by name), operands, commands, exit codes, footer. */
    String help() {
        StringBuilder help = new StringBuilder();
        wrap(help, "", header, 0);
        help.append(usage()).append('\n');
        if (!description.isEmpty()) {
            help.append('\n');
            for (String paragraph : description) {
                if (paragraph.startsWith(" ") || paragraph.isEmpty()) {
                    help.append(paragraph).append('\n');
                } else {
                    wrap(help, "", paragraph, 0);
                }
            }
        }
        if (operands != null) {
            help.append('\n');
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"      [" + operands.label() + "...]", operands.help()});
            table(help, rows, 3);
        }
        help.append("\nOptions:\n");
        List<Option> sorted = new ArrayList<>(options);
        sorted.sort(Comparator.comparing(Option::sortKey));
        List<String[]> rows = new ArrayList<>();
        for (Option option : sorted) {
            rows.add(new String[] {option.column(), option.help()});
        }
        table(help, rows, 3);
        if (!commands.isEmpty()) {
            help.append("\nCommands:\n");
            List<String[]> list = new ArrayList<>();
            for (String[] entry : commands) {
                list.add(new String[] {"  " + entry[0], entry[1]});
            }
            table(help, list, 2);
        }
        if (!exitCodes.isEmpty()) {
            help.append("\nExit codes:\n");
            for (String[] code : exitCodes) {
                String first = "  " + code[0] + " ".repeat(Math.max(1, 4 - code[0].length()));
                wrap(help, first, code[1], first.length());
            }
        }
        if (!footer.isEmpty()) {
            help.append('\n');
            wrap(help, "", footer, 0);
        }
        return help.toString();
    }

    /**
     * Two columns: the second starts {@code gap} after the widest first one (at most at column 24), wrapped, its further
     * lines indented by 2.
     */
    private static void table(StringBuilder out, List<String[]> rows, int gap) {
        int widest = 0;
        for (String[] row : rows) {
            if (row[0].length() + 2 < DESCRIPTION_COLUMN) {
                widest = Math.max(widest, row[0].length());
            }
        }
        int column = Math.min(widest + gap, DESCRIPTION_COLUMN);
        for (String[] row : rows) {
            if (row[0].length() + 1 > column) {
                out.append(row[0]).append('\n');
                wrap(out, " ".repeat(column), row[1], column + 2);
            } else {
                wrap(out, row[0] + " ".repeat(column - row[0].length()), row[1], column + 2);
            }
        }
    }

    /**
     * Appends {@code prefix} as it is, then the words of {@code text} wrapped at {@link #WIDTH}: a word that does not fit
     * starts the next line, indented by {@code continuation}; a word longer than a line stays whole.
     */
    private static void wrap(StringBuilder out, String prefix, String text, int continuation) {
        int lineStart = out.length();
        out.append(prefix);
        boolean lineHasWord = false;
        for (String word : text.strip().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (lineHasWord && out.length() - lineStart + 1 + word.length() > WIDTH) {
                out.append('\n');
                lineStart = out.length();
                out.append(" ".repeat(continuation));
                lineHasWord = false;
            }
            if (lineHasWord) {
                out.append(' ');
            }
            out.append(word);
            lineHasWord = true;
        }
        out.append('\n');
    }

    private enum Kind { HELP, VERSION, FLAG, ONCE, REPEATABLE }

    /** An option: its names (one-letter first), the label of its value (null for a flag), and what it sets. */
    private record Option(List<String> names, String label, String help, Kind kind, boolean required,
                          Consumer<String> set) {

        boolean takesValue() {
            return kind == Kind.ONCE || kind == Kind.REPEATABLE;
        }

        /** The name that says most: {@code --dir} rather than {@code -d}. */
        String longest() {
            return names.get(names.size() - 1);
        }

        /** Sorted as people look for them: by the first name, without dashes, ignoring case. */
        String sortKey() {
            return names.get(0).replaceFirst("^-+", "").toLowerCase(Locale.ROOT) + " " + names.get(0);
        }

        /** {@code   -d, --dir=DIR}: a one-letter name in its own column, the others after it. */
        String column() {
            String first = names.get(0);
            boolean letter = first.length() == 2 && !first.startsWith("--");
            String shown = String.join(", ", letter ? names.subList(1, names.size()) : names);
            String value = label == null ? "" : "=" + label;
            if (letter) {
                return "  " + first + (shown.isEmpty() ? value : ", " + shown + value);
            }
            return "      " + shown + value;
        }
    }

    private record Operands(String label, String help, Consumer<String> add) {
    }
}
