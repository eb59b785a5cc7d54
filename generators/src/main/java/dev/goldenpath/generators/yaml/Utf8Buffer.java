package dev.goldenpath.generators.yaml;

import java.util.Arrays;

/**
 * The bytes of one YAML document while {@link BlockYaml} writes it: characters are encoded to UTF-8 as they are
 * appended, so a document costs one exact-size copy at the end instead of a growing {@code StringBuilder}, its
 * {@code String} and that string's bytes (three copies of every document, and most of a large render's garbage).
 * One buffer per thread is reused from document to document; one that grew past {@link #KEPT} for a large document is
 * not kept.
 */
final class Utf8Buffer {

    /** A buffer that grew beyond this for one large document is dropped afterwards, not held by the thread. */
    static final int KEPT = 64 * 1024;
    private static final ThreadLocal<Utf8Buffer> THREAD = ThreadLocal.withInitial(Utf8Buffer::new);
    private static final byte[] SPACES = new byte[128];

    static {
        Arrays.fill(SPACES, (byte) ' ');
    }

    private byte[] bytes = new byte[4096];
    private int length;

    /** This thread's buffer, emptied. */
    static Utf8Buffer forThisThread() {
        Utf8Buffer buffer = THREAD.get();
        if (buffer.bytes.length > KEPT) {
            buffer = new Utf8Buffer();
            THREAD.set(buffer);
        }
        buffer.length = 0;
        return buffer;
    }

    /** What was written, as a new array of exactly its length. */
    byte[] bytes() {
        return Arrays.copyOf(bytes, length);
    }

    /** One ASCII character. */
    Utf8Buffer ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** A string known to be ASCII (the writer's own punctuation and literals). */
    Utf8Buffer ascii(String text) {
        int n = text.length();
        room(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** {@code count} spaces. */
    Utf8Buffer spaces(int count) {
        room(count);
        for (int left = count; left > 0; left -= SPACES.length) {
            int n = Math.min(left, SPACES.length);
            System.arraycopy(SPACES, 0, bytes, length, n);
            length += n;
        }
        return this;
    }

    /** A decimal number, as {@link Long#toString(long)} writes it. */
    Utf8Buffer number(long value) {
        if (value >= 0 && value < 10) {
            return ascii((char) ('0' + value));
        }
        return ascii(Long.toString(value));
    }

    /**
     * Any string, encoded as {@code text.getBytes(UTF_8)} encodes it: a surrogate without its pair becomes {@code ?},
     * as the JDK's encoder replaces it.
     */
    Utf8Buffer text(String text) {
        int n = text.length();
        room(n);
        int i = 0;
        // The common case: ASCII all the way, one byte per character.
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                break;
            }
            bytes[length++] = (byte) c;
        }
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                room(1);
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                room(2);
                bytes[length++] = (byte) (0xC0 | c >> 6);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int code = Character.toCodePoint(c, text.charAt(++i));
                room(4);
                bytes[length++] = (byte) (0xF0 | code >> 18);
                bytes[length++] = (byte) (0x80 | code >> 12 & 0x3F);
                bytes[length++] = (byte) (0x80 | code >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                room(1);
                bytes[length++] = '?';
            } else {
                room(3);
                bytes[length++] = (byte) (0xE0 | c >> 12);
                bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return this;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
