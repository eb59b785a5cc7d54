package dev.goldenpath.generators.extension;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One environment, as a {@link PlatformGenerator} sees it: its app instances, and what the generator adds to the
 * platform folder ({@code platform/<environment>/extensions/}), which the environment's platform Argo CD project syncs.
 * Added objects get the platform's labels; namespaced kinds must name their namespace; weakening annotations are not
 * allowed (the platform folder has no declared weakenings). They are linted like every generated object.
 */
public final class EnvironmentContext {

    private final Platform platform;
    private final Environment environment;
    private final List<AppInstance> instances;
    private final String origin;
    private final List<AppContext.Added> added = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    EnvironmentContext(Platform platform, Environment environment, List<AppInstance> instances, String origin) {
        this.platform = platform;
        this.environment = environment;
        this.instances = List.copyOf(instances);
        this.origin = origin;
    }

    /** The platform being rendered. */
    public Platform platform() {
        return platform;
    }

    /** The environment. */
    public Environment environment() {
        return environment;
    }

    /** The app instances of this environment, in the platform's order. */
    public List<AppInstance> instances() {
        return instances;
    }

    /** Adds an object to the environment's platform folder. */
    public EnvironmentContext add(HasMetadata object) {
        added.add(new AppContext.Added(YamlObjects.copy(Objects.requireNonNull(object, "object")), origin));
        return this;
    }

    /** Adds the objects of YAML text to the environment's platform folder (see {@link AppContext#addYaml}). */
    public EnvironmentContext addYaml(String yaml) {
        // Parsed here, so owned by no one else: no copy needed (add(..) copies what the caller may still hold).
        YamlObjects.addEach(yaml, origin, object -> added.add(new AppContext.Added(object, origin)), problems);
        return this;
    }

    List<AppContext.Added> added() {
        return added;
    }

    List<String> problems() {
        return problems;
    }
}
