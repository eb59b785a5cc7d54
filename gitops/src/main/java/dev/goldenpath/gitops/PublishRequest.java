package dev.goldenpath.gitops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one publish is about: the commit message's subject, the source revision it was rendered from and
 * any further commit trailers. Immutable; every {@code with}-style method returns a new request.
 *
 * <pre>{@code
 * PublishRequest request = PublishRequest.message("payments-api 1.4.2")
 *     .sourceRevision("9f1c2e7d")                     // becomes "Source-Revision: 9f1c2e7d"
 *     .trailer("Reviewed-on", "https://git.example.com/platform/apps/pull/42");
 * }</pre>
 */
public final class PublishRequest {

    /** Trailer keys as git interpret-trailers accepts them: letters, digits and dashes. */
    private static final Pattern TRAILER_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    private final String message;
    private final String sourceRevision;
    private final Map<String, String> trailers;

    private PublishRequest(String message, String sourceRevision, Map<String, String> trailers) {
        this.message = message;
        this.sourceRevision = sourceRevision;
        this.trailers = trailers;
    }

    /** A request whose commit subject is {@code subject} (one line; further lines become the body). */
    public static PublishRequest message(String subject) {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("the commit message must not be blank");
        }
        return new PublishRequest(subject.strip(), null, Map.of());
    }

    /** Names the revision of the source (the spec repository) this tree was rendered from. */
    public PublishRequest sourceRevision(String revision) {
        Objects.requireNonNull(revision, "revision");
        if (revision.isBlank() || revision.contains("\n")) {
            throw new IllegalArgumentException("the source revision must be one non-blank line");
        }
        return new PublishRequest(message, revision.strip(), trailers);
    }

    /** Adds a commit trailer such as {@code Change-Id: I1234}; keys are letters, digits and dashes. */
    public PublishRequest trailer(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (!TRAILER_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("trailer key '" + key + "' must be letters, digits and dashes");
        }
        if (value.isBlank() || value.contains("\n")) {
            throw new IllegalArgumentException("trailer '" + key + "' needs a one-line, non-blank value");
        }
        Map<String, String> more = new LinkedHashMap<>(trailers);
        more.put(key, value.strip());
        return new PublishRequest(message, sourceRevision, Collections.unmodifiableMap(more));
    }

    public String message() {
        return message;
    }

    public Optional<String> sourceRevision() {
        return Optional.ofNullable(sourceRevision);
    }

    /** Trailers in the order they were added. */
    public Map<String, String> trailers() {
        return trailers;
    }

    @Override
    public String toString() {
        return "PublishRequest[" + message + (sourceRevision == null ? "" : ", source " + sourceRevision) + "]";
    }
}
