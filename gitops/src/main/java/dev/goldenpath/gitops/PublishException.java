package dev.goldenpath.gitops;

import java.util.Objects;

/**
 * A publish that did not happen. The {@link #reason()} says why in a form a program can branch on;
 * the message says it in a form a person can act on. Messages never contain credentials.
 *
 * <pre>{@code
 * try {
 *     publisher.publish(tree, "payments-api 1.4.2");
 * } catch (PublishException e) {
 *     if (e.reason() == PublishException.Reason.HOST_KEY_UNKNOWN) { ... add the host to known_hosts ... }
 *     throw e;
 * }
 * }</pre>
 */
public class PublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a publish failed. */
    public enum Reason {
        /** The configuration or the tree is unusable (bad branch name, a file clashing with a folder, ...). */
        INVALID_REQUEST,
        /** The tree would overwrite files this publisher does not own; nothing was committed. */
        PATH_CONFLICT,
        /** The secret guard found plaintext secrets; nothing was committed. */
        SECRET_DETECTED,
        /** The server refused the credentials (or none were given and it wants some). */
        AUTHENTICATION_FAILED,
        /** The SSH server's host key is not in the known_hosts file. */
        HOST_KEY_UNKNOWN,
        /** The SSH server presented a different key than the known_hosts file lists for it. */
        HOST_KEY_CHANGED,
        /** The SSH server presented a host key the known_hosts file marks {@code @revoked}. */
        HOST_KEY_REVOKED,
        /** The target repository does not exist (and was not to be created). */
        REPOSITORY_NOT_FOUND,
        /** The server rejected the push for a reason other than a moved branch (a hook, a protection rule). */
        PUSH_REJECTED,
        /** The branch kept moving: every retry lost the race to another writer. */
        RETRIES_EXHAUSTED,
        /** Another publisher held the local lock for longer than the lock timeout. */
        LOCK_TIMEOUT,
        /** The connection to the server failed. */
        TRANSPORT_FAILED,
        /** Reading or writing the local repository or cache failed. */
        IO_FAILED
    }

    private final Reason reason;

    public PublishException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public PublishException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
