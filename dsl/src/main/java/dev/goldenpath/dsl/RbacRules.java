package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.NameSyntax;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An app's API permissions: no wildcard (CIS 5.1.3), known verbs and well-formed resources, and a declared weakening
 * for every grant that reaches beyond the app (secrets, escalation, sensitive subresources, cluster scope). An app
 * with permissions needs its environment's API server address, or no egress to it can be allowed.
 */
record RbacRules(Platform platform, Problems problems) {

    private static final Set<String> VERBS = Set.of("get", "list", "watch", "create", "update", "patch", "delete",
            "deletecollection", "escalate", "bind", "impersonate", "use", "approve", "sign");
    private static final Pattern RESOURCE = Pattern.compile("^[a-z][a-z0-9.-]*(/[a-z]+)?$");
    /** API groups of Kubernetes itself that are not DNS subdomains ("" is the core group). */
    private static final Set<String> GROUPS = Set.of("", "apps", "batch", "coordination.k8s.io", "events.k8s.io",
            "networking.k8s.io", "policy", "autoscaling", "rbac.authorization.k8s.io", "discovery.k8s.io");

    void app(App app, FieldPath path) {
        Set<Weakening> needed = EnumSet.noneOf(Weakening.class);
        for (int i = 0; i < app.apiAccess().permissions().size(); i++) {
            permission(app.apiAccess().permissions().get(i), path.field("permissions").index(i), needed);
        }
        requireWeakening(app, path, needed, Weakening.RBAC_SECRETS,
                "access to Secrets exposes every credential of the namespace (CIS 5.1.2)");
        requireWeakening(app, path, needed, Weakening.RBAC_ESCALATION,
                "escalate, bind and impersonate let the app grant itself more (CIS 5.1.8)");
        requireWeakening(app, path, needed, Weakening.RBAC_SENSITIVE_SUBRESOURCES,
                "exec, attach, port-forward, node proxy and token creation reach into other workloads");
        requireWeakening(app, path, needed, Weakening.CLUSTER_ROLE,
                "a ClusterRole grants the permission in every namespace");
        if (!app.apiAccess().permissions().isEmpty() && app.weakens(Weakening.SERVICE_ACCOUNT_TOKEN)) {
            problems.add(ViolationCode.WEAKENING_UNUSED,
                    path.weakening(Weakening.SERVICE_ACCOUNT_TOKEN), "SERVICE_ACCOUNT_TOKEN",
                    "apps with permissions get their token anyway, so the weakening is unused", "remove it");
        }
        app.apiAccess().roleName().ifPresent(role -> problems.addIf(ViolationCode.RBAC_ROLE_NAME_INVALID,
                path.field("roleName"), role,
                !NameSyntax.isDns1123Subdomain(role)
                        ? "a Role name must be a DNS-1123 subdomain" : null, "use e.g. 'pod-reader'"));
        if (!app.apiAccess().permissions().isEmpty()) {
            for (Environment environment : platform.environments()) {
                if (Instances.deployedIn(app, environment) && environment.apiServerCidrs().isEmpty()) {
                    problems.add(ViolationCode.ENVIRONMENT_API_SERVER_MISSING,
                            path.field("permissions"), environment.name(),
                            "the app uses the API, but environment " + environment.name()
                                    + " does not say where the API server is, so no egress to it can be allowed",
                            "declare environment(\"" + environment.name() + "\").apiServer(6443, \"<endpoint CIDR>\")");
                }
            }
        }
    }

    /** Checks one permission and adds the weakenings it needs to {@code needed}. */
    private void permission(Permission permission, FieldPath path, Set<Weakening> needed) {
        if (permission.apiGroup().equals("*") || permission.verbs().contains("*") || permission.resources().contains("*")
                || permission.resources().stream().anyMatch(r -> r.endsWith("/*"))) {
            problems.add(ViolationCode.RBAC_WILDCARD,
                    path, permission, "wildcards grant every present and future permission (CIS 5.1.3)",
                    "name the verbs, resources and API group the app really uses");
            return;
        }
        if (!permission.apiGroup().isEmpty() && !GROUPS.contains(permission.apiGroup())
                && !Names.DNS1123_SUBDOMAIN.matcher(permission.apiGroup()).matches()) {
            problems.add(ViolationCode.RBAC_API_GROUP_INVALID,
                    path.field("apiGroup"), permission.apiGroup(), "an API group is empty (core) or a DNS subdomain",
                    "use e.g. 'apps'");
        }
        if (permission.verbs().isEmpty() || permission.resources().isEmpty()) {
            problems.add(ViolationCode.RBAC_PERMISSION_EMPTY,
                    path, permission, "a permission needs at least one verb and one resource",
                    "use e.g. read(\"configmaps\")");
        }
        for (String verb : permission.verbs()) {
            if (!VERBS.contains(verb)) {
                problems.add(ViolationCode.RBAC_VERB_UNKNOWN,
                        path.field("verbs"), verb, "unknown verb", "use one of " + VERBS.stream().sorted().toList());
            }
            if (verb.equals("escalate") || verb.equals("bind") || verb.equals("impersonate")) {
                needed.add(Weakening.RBAC_ESCALATION);
            }
        }
        for (String resource : permission.resources()) {
            if (!RESOURCE.matcher(resource).matches()) {
                problems.add(ViolationCode.RBAC_RESOURCE_INVALID, path.field("resources"), resource,
                        "a resource is a lowercase plural name, optionally with /subresource",
                        "use e.g. 'configmaps' or 'pods/log'");
            }
            boolean core = permission.apiGroup().isEmpty();
            if (core && (resource.equals("secrets") || resource.startsWith("secrets/"))) {
                needed.add(Weakening.RBAC_SECRETS);
            }
            if (core && (resource.equals("pods/exec") || resource.equals("pods/attach")
                    || resource.equals("pods/portforward") || resource.equals("nodes/proxy")
                    || resource.equals("serviceaccounts/token") && permission.verbs().contains("create"))) {
                needed.add(Weakening.RBAC_SENSITIVE_SUBRESOURCES);
            }
        }
        for (String resourceName : permission.resourceNames()) {
            if (resourceName.isBlank() || resourceName.contains("*")) {
                problems.add(ViolationCode.RBAC_RESOURCE_NAME_INVALID,
                        path.field("resourceNames"), resourceName, "resource names are exact object names",
                        "name the objects, or drop named(...)");
            }
        }
        if (permission.clusterScoped()) {
            needed.add(Weakening.CLUSTER_ROLE);
        }
    }

    /** A grant that needs a weakening has it; a weakening that no grant needs is refused as unused. */
    private void requireWeakening(App app, FieldPath path, Set<Weakening> needed, Weakening weakening, String rule) {
        if (needed.contains(weakening) && !app.weakens(weakening)) {
            problems.add(ViolationCode.RBAC_WEAKENING_REQUIRED,
                    path.field("permissions"), weakening, rule, "drop the permission, or declare .weaken("
                    + weakening + ", \"<reason>\")");
        } else if (!needed.contains(weakening) && app.weakens(weakening)) {
            problems.add(ViolationCode.WEAKENING_UNUSED, path.weakening(weakening), weakening,
                    "no permission needs this weakening, so it is unused", "remove .weaken(" + weakening + ", ...)");
        }
    }
}
