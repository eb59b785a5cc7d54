package dev.goldenpath.secrets.sealed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The PEM blocks of a text (RFC 7468): {@code -----BEGIN <label>-----}, base64, {@code -----END <label>-----}.
 * Text outside blocks is ignored, as RFC 7468 section 5.2 allows (openssl x509 -text writes some).
 * Inside a block only base64 and whitespace are accepted, strictly: a truncated or altered block is an
 * error here instead of a quietly different certificate.
 */
final class PemBlocks {

    /** One block: its label, its decoded bytes and the 1-based line of its BEGIN. */
    record Block(String label, byte[] der, int line) {
    }

    private PemBlocks() {
    }

    /** Whether the content looks like PEM at all (otherwise it may be raw DER). */
    static boolean isPem(byte[] content) {
        return new String(content, StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
    }

    /** Every block, or the problems that make the text unusable (never quoting the block's content). */
    static List<Block> read(byte[] content, List<String> problems) {
        String[] lines = new String(content, StandardCharsets.ISO_8859_1).split("\r?\n", -1);
        List<Block> blocks = new ArrayList<>();
        String label = null;
        int begin = 0;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (label == null) {
                if (line.startsWith("-----BEGIN ") && line.endsWith("-----") && line.length() > 16) {
                    label = line.substring(11, line.length() - 5);
                    begin = i + 1;
                    body.setLength(0);
                }
            } else if (line.startsWith("-----END ")) {
                String end = line.endsWith("-----") ? line.substring(9, line.length() - 5) : line;
                if (!end.equals(label)) {
                    problems.add("PEM block '" + label + "' at line " + begin + " ends with '" + line
                            + "' at line " + (i + 1));
                } else {
                    decode(label, body, begin, blocks, problems);
                }
                label = null;
            } else if (line.startsWith("-----BEGIN ")) {
                problems.add("PEM block '" + label + "' at line " + begin + " has no END line before the next"
                        + " BEGIN at line " + (i + 1) + " (truncated?)");
                label = line.substring(11, Math.max(11, line.length() - 5));
                begin = i + 1;
                body.setLength(0);
            } else {
                body.append(line);
            }
        }
        if (label != null) {
            problems.add("PEM block '" + label + "' at line " + begin + " has no END line (truncated?)");
        }
        return blocks;
    }

    private static void decode(String label, StringBuilder body, int begin, List<Block> blocks,
                               List<String> problems) {
        try {
            // The basic decoder, not the MIME one: the MIME decoder skips characters it does not know.
            byte[] der = Base64.getDecoder().decode(body.toString());
            if (der.length == 0) {
                problems.add("PEM block '" + label + "' at line " + begin + " is empty");
            } else {
                blocks.add(new Block(label, der, begin));
            }
        } catch (IllegalArgumentException e) {
            problems.add("PEM block '" + label + "' at line " + begin + " is not valid base64 (altered or truncated?)");
        }
    }
}
