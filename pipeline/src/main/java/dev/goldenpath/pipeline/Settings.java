package dev.goldenpath.pipeline;

import java.util.function.Consumer;

/**
 * The mutable fields behind an immutable configured object ({@link Pipeline}, {@link Publication}): every
 * {@code with..} call copies them, changes the copy and wraps it in a new object, so a configured pipeline can be
 * shared and reused, as JGit's commands cannot.
 *
 * @param <S> the concrete settings class
 */
abstract class Settings<S extends Settings<S>> implements Cloneable {

    /** A shallow copy with {@code change} applied; the fields are immutable values or replaced whole. */
    @SuppressWarnings("unchecked")
    final S with(Consumer<S> change) {
        try {
            S copy = (S) super.clone();
            change.accept(copy);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
