package dev.goldenpath.samples;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;

/**
 * The sample platform as a {@link PlatformSpec}, so that the command line and the Maven plugin find it (listed in
 * {@code META-INF/services/dev.goldenpath.dsl.PlatformSpec}).
 *
 * <pre>{@code
 * java -jar cli/target/goldenpath.jar render --classpath samples/target/classes --spec dev.goldenpath.samples.AcmeSpec
 * }</pre>
 */
public final class AcmeSpec implements PlatformSpec {

    @Override
    public Platform build() {
        return AcmePlatform.build();
    }
}
