package dev.goldenpath.generators.argocd;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;
import java.util.Objects;

/**
 * An Argo CD {@code AppProject} ({@code argoproj.io/v1alpha1}): the bounds of the Applications in it — which
 * repositories they read, which clusters and namespaces they deploy to, which kinds they may create.
 *
 * <pre>{@code
 * AppProject.Spec spec = new AppProject.Spec("web in production",
 *     List.of("https://git.example.com/gitops.git"),
 *     List.of(Application.Destination.server("https://kubernetes.default.svc", "web-production")),
 *     List.of(), List.of(new AppProject.GroupKind("apps", "Deployment")), AppProject.OrphanedResources.WARN);
 * }</pre>
 */
// Read as this class, not through fabric8's KubernetesDeserializer (which yields a generic resource).
@Group(AppProject.GROUP)
@Version(AppProject.VERSION)
@Kind(AppProject.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
final class AppProject extends ArgoObject<AppProject.Spec> {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    static final String GROUP = "argoproj.io";
    static final String VERSION = "v1alpha1";
    static final String KIND = "AppProject";

    @JsonCreator
    public AppProject(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") Spec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    /**
     * The project's bounds.
     *
     * @param description                what the project is for
     * @param sourceRepos                repositories its Applications may read
     * @param destinations               clusters and namespaces they may deploy to
     * @param clusterResourceWhitelist   cluster-scoped objects they may create; empty: none
     * @param namespaceResourceWhitelist namespaced kinds they may create; empty: every kind
     * @param orphanedResources          warn about objects in its namespaces that no Application manages
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"description", "sourceRepos", "destinations", "clusterResourceWhitelist",
            "namespaceResourceWhitelist", "orphanedResources"})
    public record Spec(String description, List<String> sourceRepos, List<Application.Destination> destinations,
                       List<ClusterResource> clusterResourceWhitelist, List<GroupKind> namespaceResourceWhitelist,
                       OrphanedResources orphanedResources) {

        public Spec {
            sourceRepos = sourceRepos == null ? List.of() : List.copyOf(sourceRepos);
            destinations = destinations == null ? List.of() : List.copyOf(destinations);
            clusterResourceWhitelist = clusterResourceWhitelist == null ? List.of() : List.copyOf(clusterResourceWhitelist);
            namespaceResourceWhitelist = namespaceResourceWhitelist == null ? List.of()
                    : List.copyOf(namespaceResourceWhitelist);
        }
    }

    /**
     * A cluster-scoped group and kind, optionally one name (a Go {@code filepath.Match} pattern).
     *
     * @param group the API group, {@code ""} for the core group
     * @param kind  the kind
     * @param name  the object's name; absent: every object of the kind
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"group", "kind", "name"})
    public record ClusterResource(String group, String kind, String name) {

        // Written out, as the records of the hot keys are (docs/architecture.md, "Records as keys").
        @Override
        public boolean equals(Object other) {
            return other instanceof ClusterResource that && Objects.equals(group, that.group)
                    && Objects.equals(kind, that.kind) && Objects.equals(name, that.name);
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(group) * 31 + Objects.hashCode(kind)) * 31 + Objects.hashCode(name);
        }
    }

    /**
     * A namespaced group and kind.
     *
     * @param group the API group, {@code ""} for the core group
     * @param kind  the kind
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"group", "kind"})
    public record GroupKind(String group, String kind) {
    }

    /**
     * Orphaned-resource monitoring.
     *
     * @param warn a warning condition on every Application of the project whose namespaces hold orphans
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrphanedResources(Boolean warn) {

        /** Monitoring with warnings. */
        public static final OrphanedResources WARN = new OrphanedResources(true);
    }
}
