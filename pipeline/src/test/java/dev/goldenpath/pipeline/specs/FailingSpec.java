package dev.goldenpath.pipeline.specs;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;

/** A spec with a bug: its build() throws something other than a SpecException. */
public final class FailingSpec implements PlatformSpec {

    @Override
    public Platform build() {
        throw new IllegalStateException("the spec's own bug");
    }
}
