package dev.goldenpath.generators.extension;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.generators.yaml.Yaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Set;

/**
 * The allowed network graph is exactly the declared one (DESIGN.md, "secure by default"): NetworkPolicies and the
 * mesh's policies are additive, so one more allowing policy, or a wider rule in a generated one, opens traffic that no
 * spec declares and no lint rule sees. An escape hatch may label and annotate these objects, never add one or change
 * what one allows; new edges are declared in the DSL ({@code .calls}, {@code .calledBy}, {@code .calledByNamespace}).
 */
final class DeclaredGraph {

    /** {@code group/kind} of the objects that decide which traffic is allowed. */
    private static final Set<String> KINDS = Set.of("networking.k8s.io/NetworkPolicy",
            "security.istio.io/AuthorizationPolicy", "security.istio.io/PeerAuthentication");

    static final String FIX = "fix: declare the connection in the DSL with .calls(..), .calledBy(..) or "
            + ".calledByNamespace(..)";

    private DeclaredGraph() {
    }

    /** True for the objects that allow or deny traffic. */
    static boolean governs(HasMetadata object) {
        String apiVersion = object.getApiVersion() == null ? "" : object.getApiVersion();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return KINDS.contains(group + "/" + object.getKind());
    }

    /** Everything but the metadata: what the policy allows. */
    static JsonNode rules(HasMetadata object) {
        return Yaml.toTree(object).without("metadata");
    }
}
