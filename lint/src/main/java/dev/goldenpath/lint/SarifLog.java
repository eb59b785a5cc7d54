package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What every goldenpath tool writes the same way in a SARIF 2.1.0 (OASIS) log: the envelope (schema, version, one run
 * of one tool), artifact URIs and fingerprints. The linter's findings and the review's changes fill in their own
 * rules and results.
 *
 * <pre>{@code
 * SarifLog.Run run = SarifLog.start(new ObjectMapper(), "my-tool");
 * run.driver().putArray("rules");
 * String uri = SarifLog.uri("apps/prod/my app/deployment.yaml");   // apps/prod/my%20app/deployment.yaml
 * }</pre>
 */
public final class SarifLog {

    /** The schema every log names. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The SARIF version every log names. */
    public static final String VERSION = "2.1.0";

    private SarifLog() {
    }

    /**
     * A log with one run of one tool.
     *
     * @param log    the whole log, to serialize
     * @param run    its only run, for results and invocations
     * @param driver the run's tool driver, for rules and version
     */
    public record Run(ObjectNode log, ObjectNode run, ObjectNode driver) {
    }

    /** Starts a log with one run of the tool named {@code toolName}. */
    public static Run start(ObjectMapper mapper, String toolName) {
        ObjectNode log = mapper.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", toolName);
        return new Run(log, run, driver);
    }

    /**
     * An artifact location's URI (RFC 3986): a relative reference for a relative path, a {@code file:} URI for an
     * absolute one; every byte outside the unreserved set, '/' and ':' percent-encoded (so spaces, '%', '#' and
     * non-ASCII names stay one valid URI).
     */
    public static String uri(String file) {
        StringBuilder uri = new StringBuilder();
        String path = file.replace('\\', '/');
        if (path.startsWith("/")) {
            uri.append("file://");
        } else if (path.length() > 1 && path.charAt(1) == ':') {
            uri.append("file:///");
        }
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == ':';
            if (unreserved) {
                uri.append(c);
            } else {
                uri.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return uri.toString();
    }

    /** The SHA-256 of the text's UTF-8 bytes in lowercase hex: what partial fingerprints are made of. */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
