package dev.goldenpath.lint;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's bytes as text, with the places where they are not UTF-8. Kubernetes' YAML reader refuses a document
 * with invalid UTF-8; the linter reports that document (file, line, byte offset) and still lints the others, so a
 * stray Latin-1 byte in one vendor file does not stop the run.
 *
 * @param text      the decoded text, each invalid sequence replaced by U+FFFD
 * @param malformed where the text holds a replacement for invalid bytes, in file order
 */
record Utf8Text(String text, List<Malformed> malformed) {

    /** An invalid byte sequence: the index of its replacement character in the text and its offset in the file. */
    record Malformed(int charIndex, long byteOffset) {
    }

    Utf8Text {
        malformed = List.copyOf(malformed);
    }

    static Utf8Text of(String text) {
        return new Utf8Text(text, List.of());
    }

    static Utf8Text decode(byte[] bytes) {
        return decode(bytes, bytes.length, 0);
    }

    /**
     * The first {@code length} bytes of {@code bytes}, a part of a file that starts at byte {@code fileOffset}: the
     * offsets of invalid sequences are the file's.
     */
    static Utf8Text decode(byte[] bytes, int length, long fileOffset) {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return of(text); // the decoder replaces what it cannot read, so no replacement means valid UTF-8
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length + 1);
        List<Malformed> malformed = new ArrayList<>();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            // Malformed (UTF-8 has nothing unmappable): note where, replace as the JDK would, go on.
            malformed.add(new Malformed(out.position(), fileOffset + in.position()));
            out.put('\uFFFD');
            in.position(in.position() + result.length());
        }
        decoder.flush(out);
        out.flip();
        return new Utf8Text(out.toString(), malformed);
    }
}
