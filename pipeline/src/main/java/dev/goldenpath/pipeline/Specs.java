package dev.goldenpath.pipeline;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.SpecException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms the specs built, and the specs that are invalid, each with every violation.
 *
 * @param platforms   the valid platforms, in spec order
 * @param invalid     one entry per invalid spec
 * @param specClasses the spec class of each platform (valid or not), by platform name
 */
public record Specs(List<Platform> platforms, List<InvalidSpec> invalid, Map<String, String> specClasses) {

    public Specs {
        platforms = List.copyOf(platforms);
        invalid = List.copyOf(invalid);
        specClasses = Map.copyOf(specClasses);
    }

    /** The spec class that defines platform {@code name}. */
    public Optional<String> specClass(String name) {
        return Optional.ofNullable(specClasses.get(name));
    }

    /**
     * An invalid spec.
     *
     * @param specClass the class whose {@code build()} threw
     * @param exception every violation, with its path, value, rule and hint
     */
    public record InvalidSpec(String specClass, SpecException exception) {
    }
}
