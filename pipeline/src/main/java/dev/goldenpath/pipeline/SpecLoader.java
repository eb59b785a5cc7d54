package dev.goldenpath.pipeline;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;
import dev.goldenpath.dsl.SpecException;
import dev.goldenpath.pipeline.PipelineException.Reason;
import dev.goldenpath.pipeline.Specs.InvalidSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Finds the specs on a class loader and builds each, collecting the invalid ones. */
final class SpecLoader {

    private SpecLoader() {
    }

    static Specs load(ClassLoader loader, List<String> classNames, String only) {
        List<PlatformSpec> found;
        try {
            found = PlatformSpec.find(loader, classNames);
        } catch (IllegalArgumentException e) {
            throw new PipelineException(Reason.SPEC_NOT_FOUND, e.getMessage(), e);
        }
        List<Platform> platforms = new ArrayList<>();
        List<InvalidSpec> invalid = new ArrayList<>();
        Map<String, String> classes = new TreeMap<>();
        for (PlatformSpec spec : found) {
            String specClass = spec.getClass().getName();
            try {
                Platform built = spec.build();
                platforms.add(built);
                classes.put(built.name(), specClass);
            } catch (SpecException e) {
                invalid.add(new InvalidSpec(specClass, e));
                classes.put(e.platform(), specClass);
            } catch (LinkageError e) {
                throw new PipelineException(Reason.SPEC_INCOMPATIBLE, specClass + " does not fit this goldenpath"
                        + " (compiled against another goldenpath-dsl version?): " + e, e);
            } catch (RuntimeException e) {
                throw new PipelineException(Reason.SPEC_FAILED, specClass + ".build() failed: " + e, e);
            }
        }
        if (only != null) {
            platforms.removeIf(p -> !p.name().equals(only));
            invalid.removeIf(spec -> !spec.exception().platform().equals(only));
            if (platforms.isEmpty() && invalid.isEmpty()) {
                throw new PipelineException(Reason.NO_SUCH_PLATFORM, "no spec defines platform '" + only + "'");
            }
        }
        return new Specs(platforms, invalid, classes);
    }
}
