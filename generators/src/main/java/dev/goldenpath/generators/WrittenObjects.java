package dev.goldenpath.generators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.tree.RenderedTree;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The rendered objects as JSON trees, each read back from the bytes written for it when it is asked for: a render keeps
 * the bytes, not a second copy of every document as a tree (at 10 000 apps the trees were about 140 MB that every
 * collection of the render copied again: docs/benchmarks.md, issue 18). Unmodifiable.
 */
final class WrittenObjects extends AbstractList<ObjectNode> implements RandomAccess {

    private final RenderedTree tree;
    private final List<String> paths;

    /** The objects written to {@code paths} (in that order) of {@code tree}. */
    WrittenObjects(RenderedTree tree, List<String> paths) {
        this.tree = tree;
        this.paths = List.copyOf(paths);
    }

    @Override
    public ObjectNode get(int index) {
        String path = paths.get(index);
        return (ObjectNode) Yaml.read(tree.bytes(path).orElseThrow(() -> new IllegalStateException("no file " + path)));
    }

    @Override
    public int size() {
        return paths.size();
    }
}
