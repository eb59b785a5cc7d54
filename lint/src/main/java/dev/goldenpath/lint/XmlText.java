package dev.goldenpath.lint;

/**
 * XML 1.0 text and attribute escaping for the JUnit reports of the linter and of {@code goldenpath check}. A
 * character XML 1.0 cannot hold (a control character, a lone surrogate, U+FFFE/U+FFFF) becomes U+FFFD, so a report
 * of hostile YAML stays well-formed XML that test dashboards can read.
 *
 * <pre>{@code
 * XmlText.escape("a <b> & \u0001");   // "a &lt;b&gt; &amp; \uFFFD"
 * }</pre>
 */
public final class XmlText {

    private XmlText() {
    }

    /** The text with {@code & < > " '} escaped and every character XML 1.0 forbids replaced by U+FFFD. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // XML 1.0 Char production; a lone surrogate reaches here as its own code point and is no Char.
                    boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    out.appendCodePoint(legal ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }
}
