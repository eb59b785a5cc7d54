package dev.goldenpath.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a whole platform and collects every violation. Rules come from Kubernetes' own validation
 * (names, labels, quantities, ports) and from the golden path (pinned images, limits, declared weakenings);
 * each concern is a class of its own, and this one only says in which order they run. The order is the one users
 * read: the platform, its environments and teams, then each app field by field, then what spans the platform.
 */
final class Validator {

    /** Fewer apps than this are checked on the calling thread: handing them to the pool would cost more. */
    static final int PARALLEL_FROM = 32;

    private final Platform platform;
    private final Problems problems = new Problems();

    Validator(Platform platform) {
        this.platform = platform;
    }

    List<Violation> validate() {
        NameRules names = new NameRules(platform, problems);
        names.platformFields();
        new EnvironmentRules(platform, problems).environments();
        names.teams();
        Set<String> appNames = new HashSet<>();
        List<App> apps = platform.apps();
        // Each app's rules read the platform and write only their own problems: the apps are checked in parallel (a
        // tenth of a large render's time), and their problems are then added in the apps' order.
        List<Problems> perApp = apps.size() < PARALLEL_FROM ? null
                : apps.parallelStream().map(app -> app(app, FieldPath.app(app.name()), new Problems())).toList();
        for (int i = 0; i < apps.size(); i++) {
            App app = apps.get(i);
            FieldPath path = FieldPath.app(app.name());
            names.unique(app, path, appNames);
            if (perApp == null) {
                app(app, path, problems);
            } else {
                problems.addAll(perApp.get(i));
            }
        }
        new BaselineRules(platform, problems).check();
        new NetworkRules(platform, problems).environments();
        new ExposureRules(platform, problems).platformWide();
        new NamespaceRules(platform, problems).check();
        new SecretValueRules(platform, problems).stores();
        return problems.list();
    }

    /** The rules of one app, in the order its fields are usually declared, adding to {@code problems}. */
    private Problems app(App app, FieldPath path, Problems problems) {
        ContainerRules container = new ContainerRules(problems);
        MetadataRules metadata = new MetadataRules(platform, problems);
        WorkloadRules workload = new WorkloadRules(platform, problems);
        new NameRules(platform, problems).app(app, path);
        new ImageRules(problems).image(path.field("image"), app.container().image());
        new PortRules(problems).app(app, path);
        workload.replicas(path.field("replicas"), app.availability().replicas());
        new ResourceRules(problems).resources(path.field("resources"), app.container().resources());
        container.env(app, path);
        new ProbeRules(problems).app(app, path);
        container.writablePaths(app, path);
        metadata.labels(path.field("labels"), app.metadata().labels());
        workload.app(app, path);
        new StatefulRules(problems).app(app, path);
        metadata.app(app, path);
        new SecretValueRules(platform, problems).app(app, path);
        new SchedulingRules(platform, problems).app(app, path);
        container.capabilities(app, path);
        new EnvironmentRules(platform, problems).app(app, path);
        new WeakeningRules(problems).app(app, path);
        new NetworkRules(platform, problems).app(app, path);
        new ExposureRules(platform, problems).app(app, path);
        new RbacRules(platform, problems).app(app, path);
        new SecretRules(platform, problems).app(app, path);
        new CompanionRules(platform, problems).app(app, path);
        new WorkloadKindRules(platform, problems).app(app, path);
        new ConfigRules(platform, problems).app(app, path);
        return problems;
    }
}
