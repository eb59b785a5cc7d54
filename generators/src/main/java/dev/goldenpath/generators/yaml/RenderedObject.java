package dev.goldenpath.generators.yaml;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.tree.TreeLayout;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * One object as it was emitted: its file in the tree, the fabric8 object, the JSON tree it was serialized from (what
 * the policy check reads) and the bytes written. Every check after serialization reads these, so none of them parses
 * a file that was just written, and none can look at anything else than what the tree holds.
 *
 * @param path   the file, e.g. {@code apps/production/frontend/deployment.yaml}
 * @param object the fabric8 object, after every customization
 * @param tree   the JSON tree of the object, as written
 * @param bytes  the YAML document written to {@code path}
 */
public record RenderedObject(String path, HasMetadata object, ObjectNode tree, byte[] bytes) {

    public RenderedObject {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** The folder the file is in, e.g. {@code apps/production/frontend}. */
    public String folder() {
        return TreeLayout.folderOf(path);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RenderedObject o && path.equals(o.path) && object.equals(o.object)
                && tree.equals(o.tree) && java.util.Arrays.equals(bytes, o.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, object, tree, java.util.Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "RenderedObject[" + path + ", " + bytes.length + " bytes]";
    }
}
