package dev.goldenpath.generators.extension;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.vocabulary.LabelKeys;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes an added object one of the platform's: in its folder's namespace, with goldenpath's labels, and with the
 * weakening annotations of the app's declared weakenings and no others. What cannot be made so is a problem.
 */
final class Placement {

    private Placement() {
    }

    /** Places an object added to an app's folder; problems are added to the list. */
    static void inApp(Platform platform, AppInstance instance, AppContext.Added added, List<String> problems) {
        HasMetadata object = added.object();
        String where = Extensions.where(instance) + ": " + added.origin() + ": " + describe(object);
        ObjectMeta metadata = metadata(object);
        if (!named(object, where, problems) || !outsideTheGraph(object, where, problems)) {
            return;
        }
        if (!(object instanceof Namespaced) && !(object instanceof GenericKubernetesResource)) {
            problems.add(where + " is cluster-scoped, but an app's folder holds only objects of its namespace (fix: add "
                    + "it to the platform folder with EnvironmentContext.add)");
            return;
        }
        String namespace = metadata.getNamespace();
        if (namespace == null || namespace.isEmpty()) {
            metadata.setNamespace(instance.namespace());
        } else if (!namespace.equals(instance.namespace())) {
            problems.add(where + " names namespace '" + namespace + "', but the app's folder is deployed to '"
                    + instance.namespace() + "' (fix: leave metadata.namespace unset)");
        }
        noWeakeningAnnotations(metadata, where, problems);
        label(metadata, Labels.of(platform, instance), where, problems);
        Map<String, String> annotations = new TreeMap<>(metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations());
        // The app's declared weakenings cover what it adds, as they cover its generated objects.
        Labels.annotationsWithWeakenings(instance).forEach((key, value) -> {
            if (key.startsWith(Labels.WEAKENING_PREFIX)) {
                annotations.put(key, value);
            }
        });
        metadata.setAnnotations(annotations);
    }

    /** Places an object added to an environment's platform folder. */
    static void inPlatform(Platform platform, Environment environment, AppContext.Added added, List<String> problems) {
        HasMetadata object = added.object();
        String where = "environments[" + environment.name() + "]: " + added.origin() + ": " + describe(object);
        ObjectMeta metadata = metadata(object);
        if (!named(object, where, problems) || !outsideTheGraph(object, where, problems)) {
            return;
        }
        if (object instanceof Namespaced && (metadata.getNamespace() == null || metadata.getNamespace().isEmpty())) {
            problems.add(where + " is namespaced but names no namespace (fix: set metadata.namespace)");
        }
        noWeakeningAnnotations(metadata, where, problems);
        Map<String, String> labels = LabelKeys.managed(platform.name());
        labels.put(Labels.ENVIRONMENT, environment.name());
        label(metadata, labels, where, problems);
    }

    static String describe(HasMetadata object) {
        String name = object.getMetadata() == null ? null : object.getMetadata().getName();
        return object.getKind() + " '" + name + "'";
    }

    private static ObjectMeta metadata(HasMetadata object) {
        if (object.getMetadata() == null) {
            object.setMetadata(new ObjectMeta());
        }
        return object.getMetadata();
    }

    private static boolean named(HasMetadata object, String where, List<String> problems) {
        String name = object.getMetadata().getName();
        if (object.getKind() == null || object.getApiVersion() == null || name == null || name.isEmpty()) {
            problems.add(where + " needs apiVersion, kind and metadata.name (fix: set them)");
            return false;
        }
        return true;
    }

    private static boolean outsideTheGraph(HasMetadata object, String where, List<String> problems) {
        if (DeclaredGraph.governs(object)) {
            problems.add(where + " would allow traffic, but the allowed network graph is exactly the declared one ("
                    + DeclaredGraph.FIX + ")");
            return false;
        }
        return true;
    }

    private static void noWeakeningAnnotations(ObjectMeta metadata, String where, List<String> problems) {
        if (metadata.getAnnotations() != null) {
            metadata.getAnnotations().keySet().stream().filter(OwnedMetadata::owned).sorted()
                    .forEach(key -> problems.add(where + " sets annotation '" + key + "', which only goldenpath writes "
                            + "(fix: declare .weaken(Weakening.X, \"<reason>\") on the app instead)"));
        }
    }

    private static void label(ObjectMeta metadata, Map<String, String> required, String where, List<String> problems) {
        Map<String, String> labels = new TreeMap<>(metadata.getLabels() == null ? Map.of() : metadata.getLabels());
        required.forEach((key, value) -> {
            String present = labels.putIfAbsent(key, value);
            if (present != null && !present.equals(value)) {
                problems.add(where + " sets label '" + key + "' to '" + present + "', but goldenpath sets it to '"
                        + value + "' (fix: remove the label)");
            }
        });
        metadata.setLabels(labels);
    }
}
