package dev.goldenpath.dsl;

import java.util.List;

/**
 * Something an app may do in the Kubernetes API, as intent: {@code read("configmaps")},
 * {@code allow("get", "list").on("pods")}, {@code read("deployments").inGroup("apps").named("web")}. Rendered as
 * one rule of a Role bound to the app's own ServiceAccount.
 *
 * @param apiGroup      the API group; empty for the core group
 * @param resources     plural resource names, optionally with a subresource ({@code pods/log})
 * @param verbs         the verbs
 * @param resourceNames limits the rule to these objects; empty means all of them
 * @param clusterScoped rendered as a ClusterRole (needs {@link Weakening#CLUSTER_ROLE})
 */
public record Permission(String apiGroup, List<String> resources, List<String> verbs, List<String> resourceNames,
                         boolean clusterScoped) {

    public Permission {
        resources = Copies.list(resources);
        verbs = Copies.list(verbs);
        resourceNames = Copies.list(resourceNames);
    }

    /** The same permission in another API group (e.g. {@code apps}). */
    public Permission inGroup(String group) {
        return new Permission(group, resources, verbs, resourceNames, clusterScoped);
    }

    /** The same permission, only on these named objects. */
    public Permission named(String... names) {
        return new Permission(apiGroup, resources, verbs, Copies.list(names), clusterScoped);
    }

    /** The same permission in every namespace (a ClusterRole; needs {@link Weakening#CLUSTER_ROLE}). */
    public Permission clusterWide() {
        return new Permission(apiGroup, resources, verbs, resourceNames, true);
    }

    /** Verbs waiting for the resources they apply to: {@code allow("get").on("pods")}. */
    public record Verbs(List<String> verbs) {
        public Verbs {
            verbs = Copies.list(verbs);
        }

        /** The verbs on these resources of the core API group. */
        public Permission on(String... resources) {
            return new Permission("", Copies.list(resources), verbs, List.of(), false);
        }
    }
}
