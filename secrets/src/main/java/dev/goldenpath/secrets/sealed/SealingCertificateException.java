package dev.goldenpath.secrets.sealed;

import java.util.List;

/**
 * A sealing certificate that cannot be used, with every reason at once: not PEM, truncated or altered,
 * not X.509, not RSA, too small, a weak exponent, expired, not yet valid, a private key in the input, or
 * not obtainable from the cluster.
 *
 * <pre>{@code
 * try {
 *     SealingCertificate.fromPem(pem);
 * } catch (SealingCertificateException e) {
 *     e.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class SealingCertificateException extends IllegalArgumentException {

    private final transient List<String> problems;

    /** Every problem with the certificate from {@code source} (a file, "PEM text", a controller service). */
    public SealingCertificateException(String source, List<String> problems) {
        this(source, problems, null);
    }

    /** Like {@link #SealingCertificateException(String, List)}, with the failure that caused it. */
    public SealingCertificateException(String source, List<String> problems, Throwable cause) {
        super("sealing certificate from " + source + " cannot be used:\n  - " + String.join("\n  - ", problems),
                cause);
        this.problems = List.copyOf(problems);
    }

    /** Every reason the certificate cannot be used, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
