package dev.goldenpath.pipeline;

import java.util.Objects;

/**
 * The pipeline could not start or finish its work for a reason its caller must act on: a spec class that is not
 * there, a spec compiled against another goldenpath, a platform nobody defines, a generator that cannot be created,
 * or a sealing certificate or key that cannot be used. Invalid specs, policy findings
 * and render-time problems are not thrown: {@link Renders} collects every one of them.
 *
 * <pre>{@code
 * try {
 *     Renders renders = Pipeline.classPath(urls, parent).render();
 * } catch (PipelineException e) {
 *     if (e.reason() == PipelineException.Reason.SPEC_NOT_FOUND) { ... }
 * }
 * }</pre>
 */
public final class PipelineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: front ends map each to their own exit code or build failure. */
    public enum Reason {
        /** A named spec class is not on the class path, or none is listed for ServiceLoader. */
        SPEC_NOT_FOUND,
        /** A spec class was compiled against another goldenpath-dsl version. */
        SPEC_INCOMPATIBLE,
        /** A spec's {@code build()} threw something other than a {@code SpecException}: a bug in the spec. */
        SPEC_FAILED,
        /** No spec defines the platform asked for. */
        NO_SUCH_PLATFORM,
        /** The specs define several platforms where one is needed. */
        SEVERAL_PLATFORMS,
        /** A listed platform generator cannot be created. */
        GENERATOR,
        /** A sealing certificate or sealing key cannot be used (the message never holds key material). */
        SEALING
    }

    private final Reason reason;

    PipelineException(Reason reason, String message) {
        this(reason, message, null);
    }

    PipelineException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the pipeline stopped. */
    public Reason reason() {
        return reason;
    }
}
