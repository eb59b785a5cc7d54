package dev.goldenpath.generators.argocd;

import dev.goldenpath.dsl.AppInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The destination namespace of a team's git generator: a literal for apps that share a namespace, and a template of
 * the folder's name for apps that are alone in a namespace named after them ({@code {app}-{environment}} renders
 * {@code {{.path.basename}}-production}). The ApplicationSet controller renders a git generator's {@code values}
 * with the generator's own parameters (Argo CD, Git generator, "values"), so one generator lists every such folder
 * and each Application still gets its own namespace; before, a namespace per app meant a generator per app, and a
 * team of 10 000 apps an ApplicationSet of 2 MB (issue 18). The consistency check renders the template as the
 * controller does and compares each Application's namespace with its instance's, so a wrong derivation fails the
 * render.
 *
 * <p>A derived group of one app is written with its literal namespace, as before: small platforms read the same.
 */
final class DerivedNamespace {

    /** The path parameter the git directory generator sets to the folder's last segment: the app's name. */
    static final String BASENAME = "{{.path.basename}}";

    /**
     * One generator's folders.
     *
     * @param namespace the generator's {@code values.namespace}: a literal or a template of {@link #BASENAME}
     * @param instances the instances whose folders it lists, all on the same clusters
     */
    record Group(String namespace, List<AppInstance> instances) {
    }

    private DerivedNamespace() {
    }

    /** The generators' groups of one team in one environment, in the order of the instances' first appearance. */
    static List<Group> groups(List<AppInstance> instances) {
        Map<String, Integer> members = new HashMap<>();
        instances.forEach(i -> members.merge(i.namespace(), 1, Integer::sum));
        Map<List<String>, List<AppInstance>> groups = new LinkedHashMap<>();
        for (AppInstance instance : instances) {
            List<String> key = new ArrayList<>(instance.clusters().size() + 1);
            key.add(members.get(instance.namespace()) == 1 ? template(instance) : instance.namespace());
            instance.clusters().forEach(c -> key.add(c.name()));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(instance);
        }
        List<Group> result = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> result.add(new Group(group.size() == 1 ? group.get(0).namespace() : key.get(0),
                group)));
        return result;
    }

    // The namespace with the app's name replaced by the folder's basename, or the namespace when it does not hold it.
    private static String template(AppInstance instance) {
        String namespace = instance.namespace();
        int at = namespace.indexOf(instance.name());
        return at < 0 ? namespace
                : namespace.substring(0, at) + BASENAME + namespace.substring(at + instance.name().length());
    }
}
