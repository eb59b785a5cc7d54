package dev.goldenpath.generators.rbac;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Permission;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.metadata.Labels;
import dev.goldenpath.generators.metadata.Models;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Least-privilege RBAC: a Role with one rule per distinct (API group, verbs, names) and a RoleBinding to the
 * app's own ServiceAccount only (CIS 5.1: minimize access; never bind to groups or default accounts).
 * Cluster-wide permissions, only possible through a declared weakening, become a ClusterRole and its binding.
 */
public final class Roles {

    private Roles() {
    }

    /** The Role(s) and binding(s) of the app; nothing when it declares no permission. */
    public static List<HasMetadata> render(Platform platform, AppInstance instance) {
        List<HasMetadata> objects = new ArrayList<>();
        List<Permission> namespaced = instance.app().apiAccess().permissions().stream().filter(p -> !p.clusterScoped()).toList();
        List<Permission> clusterWide = instance.app().apiAccess().permissions().stream().filter(Permission::clusterScoped).toList();
        String roleName = instance.app().apiAccess().roleName().orElse(instance.name());
        // Made directly, not with fabric8's builders, which copy every nested object twice (issue 18); each object
        // gets objects and lists of its own, as the builders made them.
        if (!namespaced.isEmpty()) {
            Role role = new Role();
            role.setMetadata(metadata(platform, instance, roleName, true));
            role.setRules(rules(namespaced));
            objects.add(role);
            RoleBinding binding = new RoleBinding();
            binding.setMetadata(metadata(platform, instance, roleName, true));
            binding.setRoleRef(new RoleRef("rbac.authorization.k8s.io", "Role", roleName));
            binding.setSubjects(Models.list(subject(instance)));
            objects.add(binding);
        }
        if (!clusterWide.isEmpty()) {
            // Cluster-scoped names must be unique cluster-wide: qualify them with the namespace.
            String clusterRoleName = instance.namespace() + "-" + roleName;
            ClusterRole role = new ClusterRole();
            role.setMetadata(metadata(platform, instance, clusterRoleName, false));
            role.setRules(rules(clusterWide));
            objects.add(role);
            ClusterRoleBinding binding = new ClusterRoleBinding();
            binding.setMetadata(metadata(platform, instance, clusterRoleName, false));
            binding.setRoleRef(new RoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterRoleName));
            binding.setSubjects(Models.list(subject(instance)));
            objects.add(binding);
        }
        return objects;
    }

    /** The app's own ServiceAccount, the only subject its roles are bound to. */
    private static Subject subject(AppInstance instance) {
        Subject subject = new Subject();
        subject.setKind("ServiceAccount");
        subject.setName(instance.name());
        subject.setNamespace(instance.namespace());
        return subject;
    }

    /** Merges permissions into sorted rules: same group, verbs and names share one rule. */
    static List<PolicyRule> rules(List<Permission> permissions) {
        Map<String, SortedSet<String>> resources = new TreeMap<>();
        Map<String, Permission> shapes = new TreeMap<>();
        for (Permission permission : permissions) {
            String key = permission.apiGroup() + "|" + String.join(",", new TreeSet<>(permission.verbs())) + "|"
                    + String.join(",", new TreeSet<>(permission.resourceNames()));
            resources.computeIfAbsent(key, k -> new TreeSet<>()).addAll(permission.resources());
            shapes.putIfAbsent(key, permission);
        }
        List<PolicyRule> rules = new ArrayList<>();
        shapes.forEach((key, shape) -> {
            PolicyRule rule = new PolicyRule();
            rule.setApiGroups(Models.list(shape.apiGroup()));
            rule.setResources(new ArrayList<>(resources.get(key)));
            rule.setVerbs(new ArrayList<>(new TreeSet<>(shape.verbs())));
            rule.setResourceNames(new ArrayList<>(new TreeSet<>(shape.resourceNames())));
            rules.add(rule);
        });
        // Readable and stable: by API group, then resources, then verbs.
        rules.sort(java.util.Comparator.comparing((PolicyRule r) -> r.getApiGroups().get(0))
                .thenComparing(r -> String.join(",", r.getResources()))
                .thenComparing(r -> String.join(",", r.getVerbs()))
                .thenComparing(r -> String.join(",", r.getResourceNames())));
        return rules;
    }

    private static ObjectMeta metadata(Platform platform, AppInstance instance, String name, boolean namespaced) {
        return Models.meta(name, namespaced ? instance.namespace() : null, Labels.of(platform, instance),
                Labels.annotationsWithWeakenings(instance));
    }
}
