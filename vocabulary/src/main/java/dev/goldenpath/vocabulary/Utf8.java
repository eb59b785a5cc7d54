package dev.goldenpath.vocabulary;

/**
 * The size of a text in UTF-8, the encoding of everything goldenpath writes and of the sizes the API server limits
 * (annotations, ConfigMaps), counted without encoding it.
 *
 * <pre>{@code
 * Utf8.length("café");   // 5
 * }</pre>
 */
public final class Utf8 {

    private Utf8() {
    }

    /**
     * {@code text.toString().getBytes(UTF_8).length}: one to four bytes per character, and one ({@code ?}) for a
     * UTF-16 surrogate without its pair, as the JDK's encoder writes it.
     */
    public static int length(CharSequence text) {
        int n = text.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
