package dev.goldenpath.dsl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Applies an environment's overrides to an app. */
final class Instances {

    private Instances() {
    }

    static Optional<AppInstance> resolve(Map<String, Team> teams, App app, Environment environment) {
        if (!deployedIn(app, environment)) {
            return Optional.empty();
        }
        Optional<EnvironmentOverride> override = app.placement().overrides().stream()
                .filter(o -> o.environment().equals(environment.name())).findFirst();
        Team team = teams.getOrDefault(app.team(), new Team(app.team(), ""));
        String image = override.flatMap(EnvironmentOverride::imageTag)
                .map(tag -> ImageRules.withTag(app.container().image(), tag))
                .orElse(app.container().image());
        int replicas = override.flatMap(o -> o.replicas().isPresent()
                ? Optional.of(o.replicas().getAsInt()) : Optional.empty()).orElse(app.availability().replicas());
        Resources resources = override.flatMap(EnvironmentOverride::resources).orElse(app.container().resources());
        List<Cluster> clusters = override.map(EnvironmentOverride::clusters).filter(names -> !names.isEmpty())
                .map(names -> environment.clusters().stream().filter(c -> names.contains(c.name())).toList())
                .orElse(environment.clusters());
        return Optional.of(new AppInstance(app, environment, team, namespace(app, environment), image,
                replicas, resources, clusters));
    }

    /** Whether the app runs in the environment: in every one, unless it names some with {@code onlyIn(..)}. */
    static boolean deployedIn(App app, Environment environment) {
        return app.placement().environments().isEmpty() || app.placement().environments().contains(environment.name());
    }

    static String namespace(App app, Environment environment) {
        return app.placement().namespace().orElse(environment.namespacePattern())
                .replace("{team}", app.team())
                .replace("{environment}", environment.name())
                .replace("{app}", app.name());
    }
}
