package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One Kubernetes object to lint and where it came from.
 *
 * <pre>{@code
 * JsonNode deployment = mapper.valueToTree(fabric8Deployment);
 * LintReport report = Linter.defaults().lintObjects(List.of(
 *     new Manifest("apps/prod/payments-api/deployment.yaml", 0, 1, deployment)));
 * }</pre>
 *
 * @param file          the file the object was read from (or will be written to), relative or absolute
 * @param documentIndex 0-based index of the YAML document within the file
 * @param line          1-based line where the document starts (0 when unknown)
 * @param object        the object as a Jackson tree ({@code apiVersion}, {@code kind}, {@code metadata}, ...)
 */
public record Manifest(String file, int documentIndex, int line, JsonNode object) {

    public Manifest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(object, "object");
        if (documentIndex < 0) {
            throw new IllegalArgumentException("documentIndex must be >= 0, was " + documentIndex);
        }
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
    }

    /** The object's {@code kind}, or an empty string. */
    public String kind() {
        return object.path("kind").asText("");
    }

    @Override
    public String toString() {
        // The object itself may hold secret data: never print it.
        return "Manifest[" + file + "#" + documentIndex + " line " + line + ", kind " + kind() + "]";
    }
}
