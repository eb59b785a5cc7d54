package dev.goldenpath.generators.rbac;

import dev.goldenpath.dsl.AppInstance;
import dev.goldenpath.dsl.Permission;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.metadata.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
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
        var subject = new SubjectBuilder().withKind("ServiceAccount").withName(instance.name())
                .withNamespace(instance.namespace()).build();
        if (!namespaced.isEmpty()) {
            objects.add(new RoleBuilder().withMetadata(metadata(platform, instance, roleName, true))
                    .withRules(rules(namespaced)).build());
            objects.add(new RoleBindingBuilder().withMetadata(metadata(platform, instance, roleName, true))
                    .withNewRoleRef("rbac.authorization.k8s.io", "Role", roleName)
                    .withSubjects(subject).build());
        }
        if (!clusterWide.isEmpty()) {
            // Cluster-scoped names must be unique cluster-wide: qualify them with the namespace.
            String clusterRoleName = instance.namespace() + "-" + roleName;
            objects.add(new ClusterRoleBuilder().withMetadata(metadata(platform, instance, clusterRoleName, false))
                    .withRules(rules(clusterWide)).build());
            objects.add(new ClusterRoleBindingBuilder().withMetadata(metadata(platform, instance, clusterRoleName, false))
                    .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterRoleName)
                    .withSubjects(subject).build());
        }
        return objects;
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
        shapes.forEach((key, shape) -> rules.add(new PolicyRuleBuilder()
                .withApiGroups(shape.apiGroup())
                .withResources(List.copyOf(resources.get(key)))
                .withVerbs(List.copyOf(new TreeSet<>(shape.verbs())))
                .withResourceNames(List.copyOf(new TreeSet<>(shape.resourceNames())))
                .build()));
        // Readable and stable: by API group, then resources, then verbs.
        rules.sort(java.util.Comparator.comparing((PolicyRule r) -> r.getApiGroups().get(0))
                .thenComparing(r -> String.join(",", r.getResources()))
                .thenComparing(r -> String.join(",", r.getVerbs()))
                .thenComparing(r -> String.join(",", r.getResourceNames())));
        return rules;
    }

    private static ObjectMeta metadata(Platform platform, AppInstance instance, String name, boolean namespaced) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespaced ? instance.namespace() : null)
                .withLabels(Labels.of(platform, instance))
                .withAnnotations(Labels.annotationsWithWeakenings(instance))
                .build();
    }
}
