package dev.goldenpath.gitops;

import java.util.List;

/**
 * The tree holds plaintext secrets: every finding is listed, one per line, with file and line. Nothing
 * was written to the repository.
 *
 * <pre>{@code
 * } catch (SecretGuardException e) {
 *     e.findings().forEach(f -> System.err.println(f.path() + ":" + f.line() + " " + f.rule()));
 * }
 * }</pre>
 */
public final class SecretGuardException extends PublishException {

    private static final long serialVersionUID = 1L;

    private final transient List<SecretFinding> findings;

    public SecretGuardException(List<SecretFinding> findings) {
        super(Reason.SECRET_DETECTED, message(findings));
        this.findings = List.copyOf(findings);
    }

    /** Every finding, sorted by path and line. */
    public List<SecretFinding> findings() {
        return findings;
    }

    private static String message(List<SecretFinding> findings) {
        StringBuilder message = new StringBuilder("refusing to commit: the tree holds ")
                .append(findings.size()).append(findings.size() == 1 ? " plaintext secret" : " plaintext secrets")
                .append(" (use a SealedSecret or an ExternalSecret; nothing was committed):");
        for (SecretFinding finding : findings) {
            message.append("\n  ").append(finding);
        }
        return message.toString();
    }
}
