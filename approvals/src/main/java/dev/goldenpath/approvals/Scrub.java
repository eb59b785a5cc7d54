package dev.goldenpath.approvals;

/** Replaces what may legitimately differ between runs with stable placeholders. */
final class Scrub {

    static final String SEALED = "<sealed ciphertext>";

    private Scrub() {
    }

    /**
     * Every value below an {@code encryptedData:} key becomes {@value #SEALED}: sealing is randomized unless a
     * sealing key is configured, and the snapshot is about the shape, not the ciphertext.
     */
    static String sealedCiphertext(String yaml) {
        if (!yaml.contains("encryptedData:")) {
            return yaml;
        }
        StringBuilder out = new StringBuilder(yaml.length());
        int blockIndent = -1;
        for (String line : yaml.split("\n", -1)) {
            int indent = line.length() - line.stripLeading().length();
            if (blockIndent >= 0 && (line.isBlank() || indent > blockIndent)) {
                int colon = line.indexOf(':');
                out.append(colon > 0 ? line.substring(0, colon + 1) + " " + SEALED : line).append('\n');
                continue;
            }
            blockIndent = line.stripLeading().startsWith("encryptedData:") ? indent : -1;
            out.append(line).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
