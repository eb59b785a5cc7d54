package dev.goldenpath.generators.extension;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The fabric8 model class of an {@code apiVersion} and {@code kind}, found the way fabric8's own
 * {@code KubernetesDeserializer} finds it (the classes listed for {@code ServiceLoader} under
 * {@code META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource}, matched by their group, version and
 * kind), but loading only the classes named like the kind. fabric8 loads and inspects all of them (over 300 classes,
 * a quarter of a second of a short render) the first time it reads any object.
 */
final class ModelClasses {

    private static final String SERVICES = "META-INF/services/" + KubernetesResource.class.getName();

    /**
     * The listed class names of each class loader, by simple name, read once: a loader's resources do not change
     * while it lives, and reading them again for every object cost about a millisecond an object (1 000 YAML objects
     * added by a platform generator, a second). Weak keys: the class loader of a watch's earlier render is not kept;
     * the values are names, which keep nothing loaded.
     */
    private static final Map<ClassLoader, Map<String, List<String>>> LISTED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private ModelClasses() {
    }

    /**
     * What to read an object of this apiVersion and kind as: its model class; {@code GenericKubernetesResource} for
     * kinds fabric8 does not model; for lists ({@code List}, {@code PodList}, ...) fabric8's own lookup, which
     * resolves them to list classes. Every listed model class is named as its kind (ModelClassesTest checks each), so
     * a kind no class is named like is one fabric8 would read as generic too.
     */
    static Class<? extends KubernetesResource> typeOf(String apiVersion, String kind) {
        if (kind.endsWith("List")) {
            return KubernetesResource.class;
        }
        return of(apiVersion, kind).orElse(GenericKubernetesResource.class);
    }

    /** The model class for this apiVersion and kind, when a listed class declares exactly them. */
    static Optional<Class<? extends KubernetesResource>> of(String apiVersion, String kind) {
        for (ClassLoader loader : loaders()) {
            for (String name : listedNamed(loader, kind)) {
                Class<?> candidate;
                try {
                    candidate = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (KubernetesResource.class.isAssignableFrom(candidate)) {
                    Class<? extends KubernetesResource> model = candidate.asSubclass(KubernetesResource.class);
                    if (kind.equals(HasMetadata.getKind(model)) && apiVersion.equals(HasMetadata.getApiVersion(model))) {
                        return Optional.of(model);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Where fabric8 looks: the thread's context class loader (a platform team's own models), then the model's. */
    private static Set<ClassLoader> loaders() {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(KubernetesResource.class.getClassLoader());
        return loaders;
    }

    /** The listed class names whose simple name is {@code kind}, read as text (nothing is loaded). */
    private static List<String> listedNamed(ClassLoader loader, String kind) {
        return LISTED.computeIfAbsent(loader, ModelClasses::listed).getOrDefault(kind, List.of());
    }

    private static Map<String, List<String>> listed(ClassLoader loader) {
        Map<String, List<String>> byName = new HashMap<>();
        try {
            Enumeration<URL> files = loader.getResources(SERVICES);
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream();
                     BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        int comment = line.indexOf('#');
                        String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                        int dot = name.lastIndexOf('.');
                        if (dot >= 0) {
                            byName.computeIfAbsent(name.substring(dot + 1), simple -> new ArrayList<>()).add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + SERVICES, e);
        }
        Map<String, List<String>> frozen = new HashMap<>();
        byName.forEach((simple, names) -> frozen.put(simple, List.copyOf(names)));
        return frozen;
    }
}
