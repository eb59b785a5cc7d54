package dev.goldenpath.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * YAML read as Kubernetes reads it (sigs.k8s.io/yaml over go-yaml): anchors, aliases and {@code <<} merge keys in
 * go-yaml's order, YAML 1.1 scalars, duplicate keys refused, go-yaml's alias budget. The one reader for every part of
 * goldenpath that takes YAML text from users or from a tree: the linter, extra objects given as YAML, the review of a
 * hand-edited tree.
 *
 * <pre>{@code
 * List<JsonNode> objects = KubernetesYaml.documents("a: &x {b: 1}\nc: *x\n");
 * }</pre>
 */
public final class KubernetesYaml {

    private KubernetesYaml() {
    }

    /**
     * The non-empty documents of the text, in order.
     *
     * @throws IllegalArgumentException naming the first document Kubernetes would refuse, its line and why (never
     *         an excerpt of the text, which may hold a secret)
     */
    public static List<JsonNode> documents(String text) {
        List<JsonNode> documents = new ArrayList<>();
        for (YamlDocuments.Document document : YamlDocuments.parse(text)) {
            if (!document.problem().isEmpty()) {
                String problem = document.problem().replaceFirst("^YAML (syntax )?error: ", "");
                throw new IllegalArgumentException("document " + (document.index() + 1) + " is not valid YAML: "
                        + problem + " (line " + document.line() + ")");
            }
            documents.add(document.tree());
        }
        return documents;
    }
}
