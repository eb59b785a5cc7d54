package dev.goldenpath.generators.argocd;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Argo CD {@code ApplicationSet} ({@code argoproj.io/v1alpha1}): generators produce parameter sets, and
 * each set fills the {@link Template} to one Application. Modelled are the generators a golden path needs:
 * git (directories with excludes, files), list, clusters (label selector), matrix and merge.
 *
 * <pre>{@code
 * ApplicationSet.Generator apps = ApplicationSet.Generator.git(ApplicationSet.Git.directories(
 *     "https://git.example.com/gitops.git", "main", List.of(ApplicationSet.PathItem.include("apps/production/frontend"))));
 * ApplicationSet.Generator clusters = ApplicationSet.Generator.list(List.of(Map.of("cluster", "prod-eu")));
 * ApplicationSet.Generator both = ApplicationSet.Generator.matrix(apps, clusters);
 * }</pre>
 */
// Read as this class, not through fabric8's KubernetesDeserializer (which yields a generic resource).
@Group(ApplicationSet.GROUP)
@Version(ApplicationSet.VERSION)
@Kind(ApplicationSet.KIND)
@JsonDeserialize(using = JsonDeserializer.None.class)
@JsonIgnoreProperties({"status"})
final class ApplicationSet extends ArgoObject<ApplicationSet.Spec> {

    /** The API group, version and kind: in the annotations fabric8 reads, and handed to the base class as they are. */
    static final String GROUP = "argoproj.io";
    static final String VERSION = "v1alpha1";
    static final String KIND = "ApplicationSet";

    /** The only safe template option: a parameter that a generator does not produce fails the whole set. */
    public static final String MISSING_KEY_ERROR = "missingkey=error";


    @JsonCreator
    public ApplicationSet(@JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") Spec spec) {
        super(GROUP, VERSION, KIND, metadata, spec);
    }

    /**
     * The generators, the template and the set's own policy.
     *
     * @param goTemplate        render the template with Go's text/template ({@code {{.path.basename}}})
     * @param goTemplateOptions e.g. {@link #MISSING_KEY_ERROR}
     * @param generators        their results are concatenated
     * @param template          the Application each parameter set becomes
     * @param syncPolicy        what the set may do to the Applications it generated
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"goTemplate", "goTemplateOptions", "generators", "template", "syncPolicy"})
    public record Spec(Boolean goTemplate, List<String> goTemplateOptions, List<Generator> generators,
                       Template template, SyncPolicy syncPolicy) {

        public Spec {
            goTemplateOptions = goTemplateOptions == null ? List.of() : List.copyOf(goTemplateOptions);
            generators = generators == null ? List.of() : List.copyOf(generators);
        }
    }

    /**
     * What the set does to the Applications it generated.
     *
     * @param preserveResourcesOnDeletion when the set deletes an Application (the set is deleted, or a generator
     *                                    stops producing it), leave the Application's objects in the cluster
     * @param applicationsSync            {@code create-only}, {@code create-update}, {@code create-delete} or
     *                                    {@code sync}; unset is {@code sync}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"preserveResourcesOnDeletion", "applicationsSync"})
    public record SyncPolicy(Boolean preserveResourcesOnDeletion, String applicationsSync) {
    }

    /**
     * The Application a parameter set becomes; strings may hold {@code {{.param}}} references.
     *
     * @param metadata the Application's name, labels, annotations and finalizers
     * @param spec     the Application's spec
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"metadata", "spec"})
    public record Template(TemplateMeta metadata, Application.Spec spec) {
    }

    /**
     * Metadata of the generated Applications.
     *
     * @param name        usually templated
     * @param namespace   left empty: the Applications live in the set's namespace
     * @param labels      labels
     * @param annotations annotations
     * @param finalizers  e.g. {@code resources-finalizer.argocd.argoproj.io} for cascading deletion
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "namespace", "labels", "annotations", "finalizers"})
    public record TemplateMeta(String name, String namespace, Map<String, String> labels,
                               Map<String, String> annotations, List<String> finalizers) {

        public TemplateMeta {
            labels = labels == null ? Map.of() : new TreeMap<>(labels);
            annotations = annotations == null ? Map.of() : new TreeMap<>(annotations);
            finalizers = finalizers == null ? List.of() : List.copyOf(finalizers);
        }
    }

    /**
     * One generator: exactly one of the fields is set.
     *
     * @param git      directories or files of a git repository
     * @param list     literal parameter sets
     * @param clusters the clusters registered in Argo CD, by label selector
     * @param matrix   the combinations of two generators' results
     * @param merge    a base generator's results, overridden by others' with the same merge keys
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"git", "list", "clusters", "matrix", "merge"})
    public record Generator(Git git, ListGenerator list, Clusters clusters, Matrix matrix, Merge merge) {

        public static Generator git(Git git) {
            return new Generator(git, null, null, null, null);
        }

        public static Generator list(List<Map<String, Object>> elements) {
            return new Generator(null, new ListGenerator(elements), null, null, null);
        }

        public static Generator clusters(Clusters clusters) {
            return new Generator(null, null, clusters, null, null);
        }

        /** Every combination of the first and the second generator's parameter sets (Argo CD allows two). */
        public static Generator matrix(Generator first, Generator second) {
            return new Generator(null, null, null, new Matrix(List.of(first, second)), null);
        }

        public static Generator merge(List<String> mergeKeys, Generator... generators) {
            return new Generator(null, null, null, null, new Merge(List.of(generators), mergeKeys));
        }
    }

    /**
     * The git generator: one parameter set per matching directory, or per matching file's content.
     *
     * @param repoURL         the repository
     * @param revision        branch, tag or commit
     * @param directories     Go {@code path.Match} patterns; an {@code exclude} match removes a directory whatever
     *                        the order
     * @param files           JSON or YAML files whose keys become parameters
     * @param pathParamPrefix prefix of the {@code path} parameters
     * @param values          extra parameters
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"repoURL", "revision", "directories", "files", "pathParamPrefix", "values"})
    public record Git(String repoURL, String revision, List<PathItem> directories, List<PathItem> files,
                      String pathParamPrefix, Map<String, String> values) {

        public Git {
            directories = directories == null ? List.of() : List.copyOf(directories);
            files = files == null ? List.of() : List.copyOf(files);
            values = values == null ? Map.of() : new TreeMap<>(values);
        }

        public static Git directories(String repoURL, String revision, List<PathItem> directories) {
            return new Git(repoURL, revision, directories, List.of(), null, Map.of());
        }

        public static Git files(String repoURL, String revision, List<PathItem> files) {
            return new Git(repoURL, revision, List.of(), files, null, Map.of());
        }
    }

    /**
     * A path pattern of the git generator.
     *
     * @param path    a Go {@code path.Match} pattern relative to the repository root
     * @param exclude true to remove matches
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"path", "exclude"})
    public record PathItem(String path, Boolean exclude) {

        public static PathItem include(String path) {
            return new PathItem(path, null);
        }

        public static PathItem exclude(String path) {
            return new PathItem(path, true);
        }

        boolean excluded() {
            return Boolean.TRUE.equals(exclude);
        }
    }

    /**
     * The list generator.
     *
     * @param elements literal parameter sets
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ListGenerator(List<Map<String, Object>> elements) {

        public ListGenerator {
            elements = elements == null ? List.of() : elements.stream().<Map<String, Object>>map(TreeMap::new).toList();
        }
    }

    /**
     * The cluster generator: one parameter set per cluster secret matching the selector ({@code name},
     * {@code server}, {@code metadata.labels}, ...). An empty selector also yields the local cluster.
     *
     * @param selector label selector on the cluster secrets
     * @param values   extra parameters
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"selector", "values"})
    public record Clusters(LabelSelector selector, Map<String, String> values) {

        public Clusters {
            values = values == null ? Map.of() : new TreeMap<>(values);
        }
    }

    /**
     * The matrix generator.
     *
     * @param generators exactly two
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Matrix(List<Generator> generators) {

        public Matrix {
            generators = generators == null ? List.of() : List.copyOf(generators);
        }
    }

    /**
     * The merge generator.
     *
     * @param generators the first is the base
     * @param mergeKeys  parameters whose values identify the same set across generators
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"generators", "mergeKeys"})
    public record Merge(List<Generator> generators, List<String> mergeKeys) {

        public Merge {
            generators = generators == null ? List.of() : List.copyOf(generators);
            mergeKeys = mergeKeys == null ? List.of() : List.copyOf(mergeKeys);
        }
    }
}
