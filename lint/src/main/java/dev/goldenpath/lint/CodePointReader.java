package dev.goldenpath.lint;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * SnakeYAML's reader over a document already held in memory, in linear time.
 *
 * <p>Why: SnakeYAML's own {@link StreamReader} reads 1023 characters at a time and, on every read, copies the part
 * of its window that the scanner has not consumed yet. While the scanner looks ahead through one long token (a
 * 30 MB value on one line) nothing is consumed, so each read copies the whole token seen so far: quadratic time and
 * gigabytes of garbage. This reader indexes the text directly; the scanner sees the same code points, lines and
 * columns.
 *
 * <p>The text must not hold characters YAML forbids: {@link #scan(String)} finds them beforehand, as SnakeYAML's
 * reader would while reading.
 */
final class CodePointReader extends StreamReader {

    private static final int[] NO_SNIPPET = {' '};

    /** The text as chars when it has no surrogate pairs (the common case), else as code points. */
    private final String chars;
    private final int[] codePoints;
    private final int length;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    /** @param surrogates whether the text holds surrogate pairs ({@link Scan#surrogates()}) */
    CodePointReader(String text, boolean surrogates) {
        super("");
        this.chars = surrogates ? null : text;
        this.codePoints = surrogates ? text.codePoints().toArray() : null;
        this.length = surrogates ? codePoints.length : text.length();
    }

    /**
     * One pass over the text: the first code point that YAML does not allow in a stream, and whether the text holds
     * surrogate pairs. Printable ASCII, the bulk of any manifest, is passed over with one comparison per character.
     */
    static Scan scan(String text) {
        boolean surrogates = false;
        int length = text.length();
        for (int i = 0; i < length; ) {
            char ch = text.charAt(i);
            if ((ch >= 0x20 && ch < 0x7F) || ch == '\n') {
                i++;
                continue;
            }
            int c = text.codePointAt(i);
            if (!isPrintable(c)) {
                return new Scan(new Forbidden(c, lineAt(text, i)), surrogates);
            }
            surrogates |= c > 0xFFFF;
            i += Character.charCount(c);
        }
        return new Scan(null, surrogates);
    }

    /** The 0-based line of the character at {@code end}, line breaks counted as the scanner counts them. */
    private static int lineAt(String text, int end) {
        int line = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** What {@link #scan(String)} found: the first forbidden character or {@code null}, and surrogate pairs. */
    record Scan(Forbidden forbidden, boolean surrogates) {
    }

    /** A character YAML forbids (control characters, unpaired surrogates) and its 0-based line. */
    record Forbidden(int codePoint, int line) {
    }

    private int at(int position) {
        if (position >= length) {
            return '\0';
        }
        return chars != null ? chars.charAt(position) : codePoints[position];
    }

    @Override
    public Mark getMark() {
        // The snippet buffer is left out on purpose: excerpts never go into reports (they may show secrets).
        return new Mark("document", index, line, column, NO_SNIPPET, 0);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int count) {
        if (chars != null) {
            forwardChars(count);
            return;
        }
        for (int i = 0; i < count && pointer < length; i++) {
            int c = at(pointer++);
            index++;
            documentIndex++;
            // Line breaks as SnakeYAML counts them: \n, NEL, LS, PS, and \r not followed by \n.
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029' || (c == '\r' && at(pointer) != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    /** {@link #forward(int)} over chars: the scanner calls it for nearly every character, so it is kept tight. */
    private void forwardChars(int count) {
        int end = Math.min(pointer + count, length);
        for (int p = pointer; p < end; p++) {
            char c = chars.charAt(p);
            if (c >= 0x20 && c < 0x7F) {
                column++;
            } else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                    || (c == '\r' && (p + 1 >= length || chars.charAt(p + 1) != '\n'))) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
        index += end - pointer;
        documentIndex += end - pointer;
        pointer = end;
    }

    @Override
    public int peek() {
        return at(pointer);
    }

    @Override
    public int peek(int offset) {
        return at(pointer + offset);
    }

    @Override
    public String prefix(int count) {
        int end = Math.min(pointer + count, length);
        if (chars != null) {
            return chars.substring(pointer, end);
        }
        return new String(codePoints, pointer, end - pointer);
    }

    @Override
    public String prefixForward(int count) {
        String prefix = prefix(count);
        pointer += count;
        index += count;
        documentIndex += count;
        column += count; // a prefix never holds a line break
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }
}
