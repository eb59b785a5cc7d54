package dev.goldenpath.generators.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.tree.TreeLayout;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * One object as it was emitted: its file in the tree, the fabric8 object, what the written document says the object is
 * (read from the JSON tree it was serialized from) and the bytes written. The checks after serialization read these,
 * so none of them parses a file that was just written; the tree itself is not kept (the checks that read whole trees
 * read each as it is written: a large render does not hold every document's tree).
 *
 * @param path     the file, e.g. {@code apps/production/frontend/deployment.yaml}
 * @param object   the fabric8 object, after every customization
 * @param identity the apiVersion, kind, name and namespace, as written
 * @param bytes    the YAML document written to {@code path}
 */
public record RenderedObject(String path, HasMetadata object, Identity identity, byte[] bytes) {

    public RenderedObject {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(bytes, "bytes");
    }

    /**
     * What a written document says its object is.
     *
     * @param namespace empty for a cluster-scoped object
     */
    public record Identity(String apiVersion, String kind, String name, String namespace) {

        /** Read from a document's tree: absent fields are empty. */
        public static Identity of(JsonNode tree) {
            JsonNode metadata = tree.path("metadata");
            return new Identity(tree.path("apiVersion").asText(), tree.path("kind").asText(),
                    metadata.path("name").asText(), metadata.path("namespace").asText(""));
        }
    }

    /** The folder the file is in, e.g. {@code apps/production/frontend}. */
    public String folder() {
        return TreeLayout.folderOf(path);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RenderedObject o && path.equals(o.path) && object.equals(o.object)
                && identity.equals(o.identity) && java.util.Arrays.equals(bytes, o.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, object, identity, java.util.Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "RenderedObject[" + path + ", " + bytes.length + " bytes]";
    }
}
