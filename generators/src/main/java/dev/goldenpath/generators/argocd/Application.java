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
import java.util.Map;

/**
 * An Argo CD {@code Application} ({@code argoproj.io/v1alpha1}): one source folder synced to one destination.
 * The golden path renders Applications only as the template of an {@link ApplicationSet}; the nested records
 * are that template's spec.
 *
 * <pre>{@code
 * Application.Spec spec = new Application.Spec("web-production",
 *     new Application.Source("https://git.example.com/gitops.git", "main", "apps/production/frontend"),
 *     Application.Destination.server("https://kubernetes.default.svc", "production"),
 *     Application.SyncPolicy.automated(List.of("PruneLast=true")));
 * }</pre>
 */
// Read as this class, not through fabric8's KubernetesDeserializer (which yields a generic resource).
@Group(Application.GROUP)
@Version(Application.VERSION)
@Kind(Application.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
final class Application extends ArgoObject<Application.Spec> {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    static final String GROUP = "argoproj.io";
    static final String VERSION = "v1alpha1";
    static final String KIND = "Application";

    @JsonCreator
    public Application(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") Spec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    /**
     * What an Application deploys, from where, to where, and how it syncs.
     *
     * @param project     the AppProject that bounds it: a literal, never a generator parameter
     * @param source      the folder in the GitOps repository
     * @param destination the cluster and namespace
     * @param syncPolicy  automation, sync options and retries
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"project", "source", "destination", "syncPolicy"})
    public record Spec(String project, Source source, Destination destination, SyncPolicy syncPolicy) {
    }

    /**
     * A folder of a git repository at a revision.
     *
     * @param repoURL        the repository
     * @param targetRevision branch, tag or commit
     * @param path           the folder, relative to the repository root
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"repoURL", "targetRevision", "path"})
    public record Source(String repoURL, String targetRevision, String path) {
    }

    /**
     * A cluster, by API server URL or by its name in Argo CD (one of the two), and a namespace.
     *
     * @param server    the API server URL
     * @param name      the cluster's name in Argo CD
     * @param namespace the namespace objects without one land in
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"server", "name", "namespace"})
    public record Destination(String server, String name, String namespace) {

        /** The cluster at this API server URL. */
        public static Destination server(String server, String namespace) {
            return new Destination(server, null, namespace);
        }

        /** The cluster Argo CD knows by this name. */
        public static Destination named(String name, String namespace) {
            return new Destination(null, name, namespace);
        }
    }

    /**
     * How and when the Application syncs.
     *
     * @param automated                sync on every change, prune and self-heal
     * @param syncOptions              e.g. {@code PruneLast=true}
     * @param retry                    retries of a failed sync
     * @param managedNamespaceMetadata labels and annotations of a namespace created by {@code CreateNamespace=true}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"automated", "syncOptions", "retry", "managedNamespaceMetadata"})
    public record SyncPolicy(Automated automated, List<String> syncOptions, Retry retry,
                             ManagedNamespaceMetadata managedNamespaceMetadata) {

        public SyncPolicy {
            syncOptions = syncOptions == null ? List.of() : List.copyOf(syncOptions);
        }

        /** Automated sync with prune and self-heal, these options, and {@link Retry#standard()}. */
        public static SyncPolicy automated(List<String> syncOptions) {
            return new SyncPolicy(new Automated(true, true, null), syncOptions, Retry.standard(), null);
        }
    }

    /**
     * Automated sync.
     *
     * @param prune      delete what is no longer in git
     * @param selfHeal   revert changes made in the cluster
     * @param allowEmpty allow a sync that would delete every object (left unset: Argo CD refuses)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"prune", "selfHeal", "allowEmpty"})
    public record Automated(Boolean prune, Boolean selfHeal, Boolean allowEmpty) {
    }

    /**
     * Retries of a failed sync.
     *
     * @param limit   how many times
     * @param backoff the delay between attempts
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"limit", "backoff"})
    public record Retry(Integer limit, Backoff backoff) {

        /** Five retries, 5s doubling up to 3m: long enough for the platform Application to create a namespace. */
        public static Retry standard() {
            return new Retry(5, new Backoff("5s", 2, "3m"));
        }
    }

    /**
     * Exponential backoff.
     *
     * @param duration    the first delay, e.g. {@code 5s}
     * @param factor      the multiplier per attempt
     * @param maxDuration the longest delay
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"duration", "factor", "maxDuration"})
    public record Backoff(String duration, Integer factor, String maxDuration) {
    }

    /**
     * Metadata of the namespace Argo CD creates with {@code CreateNamespace=true} (unused by the golden path:
     * namespaces are rendered objects of the platform folder, labelled for Pod Security Admission).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"labels", "annotations"})
    public record ManagedNamespaceMetadata(Map<String, String> labels, Map<String, String> annotations) {
    }
}
