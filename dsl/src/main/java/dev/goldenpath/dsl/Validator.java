package dev.goldenpath.dsl;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole platform and collects every violation. Rules come from Kubernetes' own validation
 * (names, labels, quantities, ports) and from the golden path (pinned images, limits, declared weakenings).
 */
final class Validator {

    private static final Pattern GIT_URL = Pattern.compile("^(https?|ssh|git|file)://\\S+$|^[\\w.-]+@[\\w.-]+:\\S+$");
    private static final Pattern PSS_VERSION = Pattern.compile("^(latest|v1\\.[0-9]{1,3})$");
    private static final Pattern TAG = Pattern.compile("^[\\w][\\w.-]{0,127}$");
    private static final int MIN_REASON_LENGTH = 10;

    private final Platform platform;
    private final Problems problems = new Problems();

    Validator(Platform platform) {
        this.platform = platform;
    }

    List<Violation> validate() {
        checkPlatform();
        Set<String> environmentNames = checkEnvironments();
        Set<String> teamNames = checkTeams();
        Set<String> appNames = new HashSet<>();
        for (App app : platform.apps()) {
            String path = "apps[" + app.name() + "]";
            if (!appNames.add(app.name())) {
                problems.add(path, app.name(), "app names must be unique in a platform",
                        "rename one of the apps called '" + app.name() + "'");
            }
            new AppRules(app, path, environmentNames, teamNames).check();
        }
        checkBaseline(environmentNames);
        new NetworkRules(platform, problems).environments();
        new NamespaceRules(platform, problems).check();
        new SecretValueRules(platform, problems).stores();
        return problems.list();
    }

    private void checkPlatform() {
        name("name", platform.name(), Names.dns1123Label(platform.name()), "name the platform like 'acme'");
        if (!GIT_URL.matcher(platform.gitRepository()).matches()) {
            problems.add("gitRepository", platform.gitRepository(),
                    "the GitOps repository must be a git URL (https://, ssh://, git@host:path or file://)",
                    "set .gitRepository(\"https://git.example.com/platform/gitops.git\")");
        }
        if (platform.gitRevision().isBlank()) {
            problems.add("gitRevision", platform.gitRevision(), "the revision Argo CD follows must not be blank",
                    "set .gitRevision(\"main\")");
        }
        name("argocdNamespace", platform.argocdNamespace(), Names.dns1123Label(platform.argocdNamespace()),
                "use the namespace Argo CD is installed in, e.g. 'argocd'");
        if (platform.apps().isEmpty()) {
            problems.add("apps", "[]", "a platform needs at least one app", "add .app(app(\"name\")...)");
        }
    }

    private Set<String> checkEnvironments() {
        Set<String> names = new HashSet<>();
        if (platform.environments().isEmpty()) {
            problems.add("environments", "[]", "a platform needs at least one environment",
                    "add .environment(environment(\"production\").cluster(\"https://kubernetes.default.svc\"))");
        }
        for (Environment environment : platform.environments()) {
            String path = "environments[" + environment.name() + "]";
            name(path + ".name", environment.name(), Names.dns1123Label(environment.name()), "use e.g. 'staging'");
            if (!names.add(environment.name())) {
                problems.add(path, environment.name(), "environment names must be unique", "rename one of them");
            }
            if (environment.clusters().isEmpty()) {
                problems.add(path + ".clusters", "[]", "an environment needs at least one cluster",
                        "add .cluster(\"https://kubernetes.default.svc\")");
            }
            Set<String> clusterNames = new HashSet<>();
            for (Cluster cluster : environment.clusters()) {
                String clusterPath = path + ".clusters[" + cluster.name() + "]";
                name(clusterPath + ".name", cluster.name(), Names.dns1123Label(cluster.name()), "use e.g. 'prod-eu-1'");
                if (!clusterNames.add(cluster.name())) {
                    problems.add(clusterPath, cluster.name(), "cluster names must be unique in an environment",
                            "rename one of them");
                }
                Urls.https(cluster.server()).ifPresent(p -> problems.add(clusterPath + ".server", cluster.server(),
                        "a cluster's API server must be an https:// URL: " + p, "use e.g. https://kubernetes.default.svc"));
                labels(clusterPath + ".labels", cluster.labels());
            }
            if (!PSS_VERSION.matcher(environment.podSecurityVersion()).matches()) {
                problems.add(path + ".podSecurityVersion", environment.podSecurityVersion(),
                        "a Pod Security Standards version is 'latest' or 'v1.<minor>'", "use e.g. 'v1.33' or 'latest'");
            }
        }
        return names;
    }

    private Set<String> checkTeams() {
        Set<String> names = new HashSet<>();
        for (Team team : platform.teams()) {
            String path = "teams[" + team.name() + "]";
            name(path + ".name", team.name(), Names.dns1123Label(team.name()), "use e.g. 'payments'");
            if (!names.add(team.name())) {
                problems.add(path, team.name(), "team names must be unique", "rename one of them");
            }
            if (team.contact().isBlank()) {
                problems.add(path + ".owner", team.contact(), "every team needs a contact",
                        "set .owner(\"team@example.com\")");
            }
        }
        return names;
    }

    private static final Pattern CRON_FIELD = Pattern.compile("^[0-9A-Za-z*/,?-]+$");
    private static final Pattern IMAGE_GLOB = Pattern.compile("^[a-z0-9.*-]+(:[0-9]+)?(/[a-z0-9._*-]+)*$");
    private static final Pattern PROCESS_NAME = Pattern.compile("^[A-Za-z0-9._+-]{1,15}$");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("^(/[A-Za-z0-9._+-]+)+$");

    /** The cluster baseline and every app's runtime profile (rendered into Falco rules and admission policies). */
    private void checkBaseline(Set<String> environmentNames) {
        Baseline baseline = platform.baseline();
        baseline.admissionModes().keySet().forEach(environment -> {
            if (!environmentNames.contains(environment)) {
                problems.add("baseline.admission[" + environment + "]", environment, "unknown environment",
                        "use one of " + sorted(environmentNames));
            }
        });
        name("baseline.meshRootNamespace", baseline.meshRootNamespace(), Names.dns1123Label(baseline.meshRootNamespace()),
                "use Istio's root namespace, e.g. 'istio-system'");
        baseline.imageSignatures().ifPresent(signatures -> {
            String path = "baseline.imageSignatures";
            for (String registry : signatures.registries()) {
                if (!IMAGE_GLOB.matcher(registry).matches()) {
                    problems.add(path + ".registries", registry, "an image glob is a lowercase registry/repository path with '*' or '**'",
                            "use e.g. 'registry.acme.example/**'");
                }
            }
            signatures.publicKey().ifPresent(key -> {
                String stripped = key.strip();
                if (!stripped.startsWith("-----BEGIN PUBLIC KEY-----") || !stripped.endsWith("-----END PUBLIC KEY-----")) {
                    // The value is a public key, but keep reports short and free of key material.
                    problems.add(path + ".publicKey", "<key>", "a cosign public key is a PEM 'PUBLIC KEY' block",
                            "paste the contents of cosign.pub");
                }
            });
            if (signatures.keyless()) {
                String issuer = signatures.issuer().orElse("");
                if (Urls.https(issuer).isPresent()) {
                    problems.add(path + ".issuer", issuer, "a keyless issuer is the OIDC issuer's https:// URL",
                            "use e.g. 'https://token.actions.githubusercontent.com'");
                }
                if (signatures.subject().orElse("").isBlank()) {
                    problems.add(path + ".subject", "", "a keyless policy needs the signer's identity",
                            "use the workflow URL or e-mail address the certificates are issued to");
                }
            }
        });
        Baseline.Falco falco = baseline.falco();
        if (falco.enabled()) {
            ImageReference.problem(falco.image()).ifPresent(p -> problems.add("baseline.falco.image", falco.image(), p[0], p[1]));
            labels("baseline.falco.nodeSelector", falco.nodeSelector());
            for (Toleration toleration : falco.tolerations()) {
                if (!toleration.key().isEmpty() && Names.qualifiedName(toleration.key()) != null) {
                    problems.add("baseline.falco.tolerations[" + toleration.key() + "]", toleration.key(),
                            "a taint key is a qualified name", "use e.g. 'node-role.acme.example/security'");
                }
            }
        }
        Baseline.Trivy trivy = baseline.trivy();
        if (trivy.enabled()) {
            ImageReference.problem(trivy.image()).ifPresent(p -> problems.add("baseline.trivy.image", trivy.image(), p[0], p[1]));
            String[] fields = trivy.schedule().strip().split("\\s+");
            if (fields.length != 5 || java.util.Arrays.stream(fields).anyMatch(f -> !CRON_FIELD.matcher(f).matches())) {
                problems.add("baseline.trivy.schedule", trivy.schedule(), "a schedule is five cron fields (minute hour day month weekday)",
                        "use e.g. '0 3 * * *' for daily at 03:00 UTC");
            }
        }
        TrivyRules.check(platform, problems);
        for (App app : platform.apps()) {
            String path = "apps[" + app.name() + "].runtimeProfile";
            RuntimeProfile profile = app.runtimeProfile();
            for (String process : profile.allowedProcesses()) {
                boolean ok = process.startsWith("/") ? ABSOLUTE_PATH.matcher(process).matches() && !process.contains("/../")
                        : PROCESS_NAME.matcher(process).matches();
                if (!ok) {
                    problems.add(path + ".allowedProcesses", process,
                            "a process is an absolute executable path or a name of at most 15 characters (the kernel truncates names)",
                            "use e.g. '/usr/local/bin/ledger' or 'ledger'");
                }
            }
            for (String protectedPath : profile.protectedPaths()) {
                if (!ABSOLUTE_PATH.matcher(protectedPath).matches() || protectedPath.contains("/../") || protectedPath.endsWith("/..")) {
                    problems.add(path + ".protectedPaths", protectedPath, "a protected path is an absolute, normalized path without a trailing '/'",
                            "use e.g. '/etc' or '/usr/local/bin'");
                }
            }
            profile.shellReason().ifPresent(reason -> {
                if (reason.strip().length() < MIN_REASON_LENGTH) {
                    problems.add(path + ".shellReason", reason, "allowing shells needs a written reason of at least "
                            + MIN_REASON_LENGTH + " characters", "say why the container runs shells and who decided");
                }
            });
        }
    }

    private void name(String path, String value, String problem, String hint) {
        if (problem != null) {
            problems.add(path, value, problem, hint);
        }
    }

    private void labels(String path, Map<String, String> labels) {
        labels.forEach((key, value) -> {
            String keyProblem = Names.qualifiedName(key);
            if (keyProblem != null) {
                problems.add(path + "[" + key + "]", key, "label key: " + keyProblem, "use e.g. 'tier' or 'example.com/tier'");
            }
            String valueProblem = Names.labelValue(value);
            if (valueProblem != null) {
                problems.add(path + "[" + key + "]", value, valueProblem, "shorten or simplify the value");
            }
        });
    }

    private Optional<BigDecimal> quantity(String path, String value, String example) {
        Optional<BigDecimal> parsed = Quantities.parse(value);
        if (parsed.isEmpty()) {
            problems.add(path, value, "not a Kubernetes quantity", "use a number with an optional suffix, e.g. " + example);
        }
        return parsed;
    }

    private void resources(String path, Resources resources) {
        Optional<BigDecimal> requestCpu = quantity(path + ".requests.cpu", resources.requests().cpu(), "250m");
        Optional<BigDecimal> requestMemory = quantity(path + ".requests.memory", resources.requests().memory(), "64Mi");
        Optional<BigDecimal> limitCpu = quantity(path + ".limits.cpu", resources.limits().cpu(), "500m");
        Optional<BigDecimal> limitMemory = quantity(path + ".limits.memory", resources.limits().memory(), "128Mi");
        AmountRules.resources(problems, path, resources);
        if (requestCpu.isPresent() && limitCpu.isPresent() && limitCpu.get().compareTo(requestCpu.get()) < 0) {
            problems.add(path + ".limits.cpu", resources.limits().cpu(),
                    "the limit must be at least the request (" + resources.requests().cpu() + ")",
                    "raise the limit or lower the request");
        }
        if (requestMemory.isPresent() && limitMemory.isPresent() && limitMemory.get().compareTo(requestMemory.get()) < 0) {
            problems.add(path + ".limits.memory", resources.limits().memory(),
                    "the limit must be at least the request (" + resources.requests().memory() + ")",
                    "raise the limit or lower the request");
        }
        if (requestMemory.filter(m -> m.signum() == 0).isPresent()) {
            problems.add(path + ".requests.memory", resources.requests().memory(), "a memory request must be above 0",
                    "request what the app needs at rest, e.g. 64Mi");
        }
        if (limitCpu.filter(m -> m.signum() == 0).isPresent() || limitMemory.filter(m -> m.signum() == 0).isPresent()) {
            problems.add(path + ".limits", resources.limits(), "limits must be above 0", "set real limits, e.g. 500m and 128Mi");
        }
    }

    /** The rules of one app. */
    private final class AppRules {
        private final App app;
        private final String path;
        private final Set<String> environmentNames;
        private final Set<String> teamNames;

        AppRules(App app, String path, Set<String> environmentNames, Set<String> teamNames) {
            this.app = app;
            this.path = path;
            this.environmentNames = environmentNames;
            this.teamNames = teamNames;
        }

        void check() {
            name(path + ".name", app.name(), Names.dns1035Label(app.name()), "use e.g. 'payments-api'");
            if (app.team().isEmpty()) {
                problems.add(path + ".team", "", "every app belongs to a team", "set .team(\"<team>\") and declare the team on the platform");
            } else if (!teamNames.contains(app.team())) {
                problems.add(path + ".team", app.team(), "unknown team", "declare .team(team(\"" + app.team()
                        + "\").owner(...)) on the platform, or use one of " + sorted(teamNames));
            }
            ImageReference.problem(app.image()).ifPresent(p -> problems.add(path + ".image", app.image(), p[0], p[1]));
            ports();
            if (app.replicas() < 0) {
                problems.add(path + ".replicas", app.replicas(), "replicas must be 0 or more", "use 0 to stop the app");
            }
            resources(path + ".resources", app.resources());
            env();
            probes();
            writablePaths();
            labels(path + ".labels", app.labels());
            new WorkloadRules(platform, problems).app(app, path);
            new MetadataRules(platform, problems).app(app, path);
            new SecretValueRules(platform, problems).app(app, path);
            app.runtimeClassName().ifPresent(rc -> {
                if (rc.length() > 253 || !Names.DNS1123_SUBDOMAIN.matcher(rc).matches()) {
                    problems.add(path + ".runtimeClassName", rc, "a RuntimeClass name must be a DNS-1123 subdomain",
                            "use the name of a RuntimeClass of the cluster, e.g. 'wasmtime-spin'");
                }
            });
            labels(path + ".nodeSelector", app.nodeSelector());
            tolerations();
            capabilities();
            environments();
            exemptions();
            new NetworkRules(platform, problems).app(app, path);
            permissions();
            secrets();
        }

        private void secrets() {
            Set<String> names = new HashSet<>();
            Set<String> mounts = new HashSet<>();
            app.writablePaths().forEach(w -> mounts.add(w.path()));
            Set<String> variables = new HashSet<>();
            app.env().forEach(e -> variables.add(e.name()));
            for (Secret secret : app.secrets()) {
                String sPath = path + ".secrets[" + secret.name() + "]";
                if (secret.name().length() > 253 || !Names.DNS1123_SUBDOMAIN.matcher(secret.name()).matches()) {
                    problems.add(sPath + ".name", secret.name(), "a Secret name must be a DNS-1123 subdomain", "use e.g. 'db-creds'");
                }
                if (!names.add(secret.name())) {
                    problems.add(sPath, secret.name(), "the secret is declared twice", "declare it once with all its keys");
                }
                if (secret.backend() == Secret.Backend.SEALED
                        && secret.entries().stream().anyMatch(e -> e.source() instanceof Secret.Ciphertext)
                        && secret.entries().stream().anyMatch(e -> !(e.source() instanceof Secret.Ciphertext))) {
                    problems.add(sPath, secret.name(), "a sealed secret is either all ciphertext or all sealed at render time",
                            "split it into two secrets");
                }
                if (secret.entries().isEmpty()) {
                    problems.add(sPath, secret.name(), "a secret needs at least one key", "add a value source");
                }
                Set<String> keys = new HashSet<>();
                for (Secret.Entry entry : secret.entries()) {
                    String ePath = sPath + ".keys[" + entry.key() + "]";
                    if (!SECRET_KEY.matcher(entry.key()).matches()) {
                        problems.add(ePath, entry.key(), "a Secret key may hold letters, digits, '-', '_' and '.'",
                                "use e.g. 'password'");
                    }
                    if (!keys.add(entry.key() + "@" + entry.environment().orElse("*"))) {
                        problems.add(ePath, entry.key(), "the key is declared twice", "declare it once");
                    }
                    entry.environment().ifPresent(env -> {
                        if (platform.environment(env).isEmpty()) {
                            problems.add(ePath, env, "unknown environment", "use one of " + platform.environments().stream()
                                    .map(Environment::name).toList());
                        }
                    });
                    secretSource(secret, entry, ePath);
                }
                for (Environment environment : platform.environments()) {
                    if (deployedIn(app, environment) && secret.backend() == Secret.Backend.SEALED) {
                        keys.stream().map(k -> k.substring(0, k.lastIndexOf('@'))).distinct().forEach(key -> {
                            if (secret.entries().stream().noneMatch(e -> e.key().equals(key) && e.appliesIn(environment.name()))) {
                                problems.add(sPath + ".keys[" + key + "]", environment.name(),
                                        "the key has no value for environment " + environment.name(),
                                        "add .ciphertextIn(\"" + environment.name() + "\", \"" + key + "\", ...) or a render-time source");
                            }
                        });
                    }
                }
                if (secret.backend() == Secret.Backend.EXTERNAL) {
                    if (secret.store().isEmpty()) {
                        problems.add(sPath + ".store", "none", "an external secret needs a secret store", "set .store(\"vault\")");
                    } else if (platform.secretStore(secret.store().get()).isEmpty()) {
                        problems.add(sPath + ".store", secret.store().get(), "unknown secret store",
                                "declare .secretStore(vault(\"" + secret.store().get() + "\", \"https://...\")) on the platform");
                    }
                    if (!DURATION.matcher(secret.refreshInterval()).matches()) {
                        problems.add(sPath + ".refreshInterval", secret.refreshInterval(), "a refresh interval is a duration in hours, minutes and seconds",
                                "use e.g. 1h, 15m or 1h30m");
                    }
                } else if (secret.store().isPresent()) {
                    problems.add(sPath + ".store", secret.store().get(), "a sealed secret has no store", "remove .store(...) or use external(...)");
                }
                secret.mountPath().ifPresent(mount -> {
                    if (!mount.startsWith("/") || mount.equals("/") || mount.contains("..") || mount.contains(":")) {
                        problems.add(sPath + ".mountPath", mount, "a mount path is an absolute folder other than '/'",
                                "use e.g. /etc/secrets/db");
                    } else if (!mounts.add(mount)) {
                        problems.add(sPath + ".mountPath", mount, "another volume is mounted at this path", "choose another path");
                    }
                });
                for (Secret.EnvFromSecret variable : secret.env()) {
                    if (!Names.ENV_VAR_NAME.matcher(variable.variable()).matches()) {
                        problems.add(sPath + ".env[" + variable.variable() + "]", variable.variable(),
                                "not a valid environment variable name", "use e.g. DB_PASSWORD");
                    } else if (!variables.add(variable.variable())) {
                        problems.add(sPath + ".env[" + variable.variable() + "]", variable.variable(), "the variable is set twice",
                                "set it once");
                    }
                    if (secret.entries().stream().noneMatch(e -> e.key().equals(variable.key()))) {
                        problems.add(sPath + ".env[" + variable.variable() + "]", variable.key(), "the secret has no such key",
                                "use one of its keys");
                    }
                }
                if (secret.mountPath().isEmpty() && secret.env().isEmpty()) {
                    problems.add(sPath, secret.name(), "the secret is neither mounted nor read into a variable",
                            "add .mountAt(\"/etc/...\") or .env(\"VAR\", \"key\")");
                }
            }
        }

        private void secretSource(Secret secret, Secret.Entry entry, String ePath) {
            Secret.Source source = entry.source();
            if (secret.backend() == Secret.Backend.EXTERNAL != (source instanceof Secret.Remote)) {
                problems.add(ePath, source.getClass().getSimpleName(),
                        secret.backend() == Secret.Backend.EXTERNAL ? "an external secret's values come from its store"
                                : "a sealed secret's values are ciphertext or sealed at render time",
                        secret.backend() == Secret.Backend.EXTERNAL ? "use .remote(key, storeKey, property)"
                                : "use .ciphertext(..), .fromEnvironment(..) or .fromFile(..)");
                return;
            }
            if (source instanceof Secret.Ciphertext ciphertext && !looksSealed(ciphertext.base64())) {
                // Never echo the value: it may be a plaintext secret pasted by mistake.
                problems.add(ePath, "<redacted>", "the value is not sealed-secrets ciphertext (base64 of a 2-byte length, an"
                                + " RSA-OAEP block of at least 256 bytes and AES-GCM data)",
                        "seal it with `goldenpath seal` or kubeseal --raw, or use .fromEnvironment(..) to seal at render time");
            } else if (source instanceof Secret.FromEnvironment fromEnv && !Names.ENV_VAR_NAME.matcher(fromEnv.variable()).matches()) {
                problems.add(ePath, fromEnv.variable(), "not a valid environment variable name", "use e.g. DB_PASSWORD");
            } else if (source instanceof Secret.FromFile file && file.path().isBlank()) {
                problems.add(ePath, file.path(), "a file path is required", "point to a file outside the repository");
            } else if (source instanceof Secret.Remote remote && (remote.key().isBlank() || remote.property().isBlank())) {
                problems.add(ePath, remote.key() + "#" + remote.property(), "a remote reference needs a key and a property",
                        "use e.g. .remote(\"password\", \"payments/db\", \"password\")");
            }
        }

        private void permissions() {
            Set<String> groups = Set.of("", "apps", "batch", "coordination.k8s.io", "events.k8s.io", "networking.k8s.io",
                    "policy", "autoscaling", "rbac.authorization.k8s.io", "discovery.k8s.io");
            boolean secrets = false;
            boolean escalation = false;
            boolean sensitive = false;
            boolean clusterScoped = false;
            for (int i = 0; i < app.permissions().size(); i++) {
                Permission permission = app.permissions().get(i);
                String pPath = path + ".permissions[" + i + "]";
                if (permission.apiGroup().equals("*") || permission.verbs().contains("*") || permission.resources().contains("*")
                        || permission.resources().stream().anyMatch(r -> r.endsWith("/*"))) {
                    problems.add(pPath, permission, "wildcards grant every present and future permission (CIS 5.1.3)",
                            "name the verbs, resources and API group the app really uses");
                    continue;
                }
                if (!permission.apiGroup().isEmpty() && !groups.contains(permission.apiGroup())
                        && !Names.DNS1123_SUBDOMAIN.matcher(permission.apiGroup()).matches()) {
                    problems.add(pPath + ".apiGroup", permission.apiGroup(), "an API group is empty (core) or a DNS subdomain",
                            "use e.g. 'apps'");
                }
                if (permission.verbs().isEmpty() || permission.resources().isEmpty()) {
                    problems.add(pPath, permission, "a permission needs at least one verb and one resource",
                            "use e.g. read(\"configmaps\")");
                }
                for (String verb : permission.verbs()) {
                    if (!VERBS.contains(verb)) {
                        problems.add(pPath + ".verbs", verb, "unknown verb", "use one of " + VERBS.stream().sorted().toList());
                    }
                    escalation |= verb.equals("escalate") || verb.equals("bind") || verb.equals("impersonate");
                }
                for (String resource : permission.resources()) {
                    if (!RESOURCE.matcher(resource).matches()) {
                        problems.add(pPath + ".resources", resource, "a resource is a lowercase plural name, optionally with /subresource",
                                "use e.g. 'configmaps' or 'pods/log'");
                    }
                    boolean core = permission.apiGroup().isEmpty();
                    secrets |= core && (resource.equals("secrets") || resource.startsWith("secrets/"));
                    sensitive |= core && (resource.equals("pods/exec") || resource.equals("pods/attach")
                            || resource.equals("pods/portforward") || resource.equals("nodes/proxy")
                            || resource.equals("serviceaccounts/token") && permission.verbs().contains("create"));
                }
                for (String resourceName : permission.resourceNames()) {
                    if (resourceName.isBlank() || resourceName.contains("*")) {
                        problems.add(pPath + ".resourceNames", resourceName, "resource names are exact object names",
                                "name the objects, or drop named(...)");
                    }
                }
                clusterScoped |= permission.clusterScoped();
            }
            requireWeakening(secrets, Weakening.RBAC_SECRETS, "access to Secrets exposes every credential of the namespace (CIS 5.1.2)");
            requireWeakening(escalation, Weakening.RBAC_ESCALATION, "escalate, bind and impersonate let the app grant itself more (CIS 5.1.8)");
            requireWeakening(sensitive, Weakening.RBAC_SENSITIVE_SUBRESOURCES,
                    "exec, attach, port-forward, node proxy and token creation reach into other workloads");
            requireWeakening(clusterScoped, Weakening.CLUSTER_ROLE, "a ClusterRole grants the permission in every namespace");
            if (!app.permissions().isEmpty() && app.weakens(Weakening.SERVICE_ACCOUNT_TOKEN)) {
                problems.add(path + ".exemptions[SERVICE_ACCOUNT_TOKEN]", "SERVICE_ACCOUNT_TOKEN",
                        "apps with permissions get their token anyway, so the exemption is unused", "remove it");
            }
            app.roleName().ifPresent(role -> name(path + ".roleName", role,
                    role.length() > 253 || !Names.DNS1123_SUBDOMAIN.matcher(role).matches()
                            ? "a Role name must be a DNS-1123 subdomain" : null, "use e.g. 'pod-reader'"));
            if (!app.permissions().isEmpty()) {
                for (Environment environment : platform.environments()) {
                    if (deployedIn(app, environment) && environment.apiServerCidrs().isEmpty()) {
                        problems.add(path + ".permissions", environment.name(),
                                "the app uses the API, but environment " + environment.name()
                                        + " does not say where the API server is, so no egress to it can be allowed",
                                "declare environment(\"" + environment.name() + "\").apiServer(6443, \"<endpoint CIDR>\")");
                    }
                }
            }
        }

        private void requireWeakening(boolean needed, Weakening weakening, String rule) {
            if (needed && !app.weakens(weakening)) {
                problems.add(path + ".permissions", weakening, rule, "drop the permission, or declare .weaken("
                        + weakening + ", \"<reason>\")");
            } else if (!needed && app.weakens(weakening)) {
                problems.add(path + ".exemptions[" + weakening + "]", weakening,
                        "no permission needs this weakening, so it is unused", "remove .weaken(" + weakening + ", ...)");
            }
        }

        private void ports() {
            Set<String> names = new HashSet<>();
            Set<String> numbers = new HashSet<>();
            for (Port port : app.ports()) {
                String portPath = path + ".ports[" + port.name() + "]";
                name(portPath + ".name", port.name(), Names.portName(port.name()), "use e.g. 'http' or 'grpc'");
                if (!names.add(port.name())) {
                    problems.add(portPath + ".name", port.name(), "port names must be unique in an app", "rename one of the ports");
                }
                if (port.number() < 1 || port.number() > 65535) {
                    problems.add(portPath + ".number", port.number(), "a port number must be from 1 to 65535",
                            "use the port the app listens on");
                } else if (!numbers.add(port.number() + "/" + port.protocol())) {
                    problems.add(portPath + ".number", port.number(), "the same port and protocol is declared twice",
                            "declare each port once");
                }
                if (port.hostPort() != 0) {
                    if (port.hostPort() < 1 || port.hostPort() > 65535) {
                        problems.add(portPath + ".hostPort", port.hostPort(), "a host port must be from 1 to 65535",
                                "remove the host port");
                    } else if (!app.weakens(Weakening.HOST_PORTS)) {
                        problems.add(portPath + ".hostPort", port.hostPort(),
                                "host ports bypass network policies and pin pods to nodes (PSS baseline: HostPorts)",
                                "expose the app through its Service instead, or declare .weaken(HOST_PORTS, \"<reason>\")");
                    }
                }
            }
        }

        private void env() {
            Set<String> names = new HashSet<>();
            for (EnvVar variable : app.env()) {
                String envPath = path + ".env[" + variable.name() + "]";
                if (!Names.ENV_VAR_NAME.matcher(variable.name()).matches()) {
                    problems.add(envPath, variable.name(),
                            "an environment variable name may hold letters, digits, '_', '-' and '.', not starting with a digit",
                            "use e.g. LOG_LEVEL");
                }
                if (!names.add(variable.name())) {
                    problems.add(envPath, variable.name(), "the variable is set twice", "set it once");
                }
            }
        }

        private void probes() {
            probe("liveness", app.liveness());
            probe("readiness", app.readiness());
            probe("startup", app.startup());
            boolean probed = app.liveness().isPresent() || app.readiness().isPresent() || !app.ports().isEmpty();
            if (app.weakens(Weakening.NO_PROBES)) {
                if (app.liveness().isPresent() || app.readiness().isPresent() || app.startup().isPresent()) {
                    problems.add(path + ".exemptions[NO_PROBES]", "NO_PROBES", "the app declares probes, so NO_PROBES is unused",
                            "remove .weaken(NO_PROBES, ...) or the probes");
                }
            } else if (!probed) {
                problems.add(path + ".liveness", "none",
                        "an app without ports gets no default probe, and without probes Kubernetes cannot see it is broken",
                        "declare .liveness(exec(...)) and .readiness(exec(...)), or .weaken(NO_PROBES, \"<reason>\")");
            }
        }

        private void probe(String kind, Optional<Probe> declared) {
            if (declared.isEmpty()) {
                return;
            }
            Probe probe = declared.get();
            String probePath = path + "." + kind;
            Optional<String> port = Optional.empty();
            if (probe.action() instanceof Probe.HttpGet http) {
                if (!http.path().startsWith("/")) {
                    problems.add(probePath + ".path", http.path(), "an HTTP probe path starts with '/'", "use e.g. '/healthz'");
                }
                port = http.port();
            } else if (probe.action() instanceof Probe.TcpSocket tcp) {
                port = tcp.port();
            } else if (probe.action() instanceof Probe.Exec exec && (exec.command().isEmpty()
                    || exec.command().stream().anyMatch(String::isBlank))) {
                problems.add(probePath + ".command", exec.command(), "an exec probe needs a command without blank words",
                        "use e.g. exec(\"/bin/healthcheck\")");
            }
            boolean network = !(probe.action() instanceof Probe.Exec);
            if (network && port.isEmpty() && app.ports().isEmpty()) {
                problems.add(probePath + ".port", "first port", "the probe checks the first port, but the app has none",
                        "declare .port(...) or use an exec probe");
            }
            port.filter(p -> app.ports().stream().noneMatch(q -> q.name().equals(p))).ifPresent(p ->
                    problems.add(probePath + ".port", p, "the probe refers to a port the app does not declare",
                            "use one of " + app.ports().stream().map(Port::name).toList()));
            if (probe.periodSeconds() < 1 || probe.timeoutSeconds() < 1 || probe.failureThreshold() < 1
                    || probe.initialDelaySeconds() < 0) {
                problems.add(probePath, probe.initialDelaySeconds() + "/" + probe.periodSeconds() + "/"
                                + probe.timeoutSeconds() + "/" + probe.failureThreshold(),
                        "period, timeout and failure threshold must be at least 1, the initial delay at least 0",
                        "use positive timings");
            }
        }

        private void writablePaths() {
            Set<String> seen = new HashSet<>();
            for (WritablePath writable : app.writablePaths()) {
                String writablePath = path + ".writablePaths[" + writable.path() + "]";
                String p = writable.path();
                if (!p.startsWith("/") || p.equals("/") || p.contains("//") || p.endsWith("/")
                        || p.contains("/./") || p.contains("/../") || p.endsWith("/..") || p.endsWith("/.")
                        || p.contains(":")) {
                    problems.add(writablePath, p, "a writable path must be an absolute, normalized folder other than '/'",
                            "use e.g. '/tmp' or '/var/cache/app'");
                }
                if (!seen.add(p)) {
                    problems.add(writablePath, p, "the path is declared twice", "declare it once");
                }
                quantity(writablePath + ".sizeLimit", writable.sizeLimit(), "1Gi");
                AmountRules.size(problems, writablePath + ".sizeLimit", writable.sizeLimit());
            }
        }

        private void tolerations() {
            for (int i = 0; i < app.tolerations().size(); i++) {
                Toleration t = app.tolerations().get(i);
                String tPath = path + ".tolerations[" + i + "]";
                if (!t.key().isEmpty() && Names.qualifiedName(t.key()) != null) {
                    problems.add(tPath + ".key", t.key(), "taint key: " + Names.qualifiedName(t.key()), "use e.g. 'dedicated'");
                }
                if (t.operator() == Toleration.Operator.EXISTS && t.value().isPresent()) {
                    problems.add(tPath + ".value", t.value().get(), "an Exists toleration has no value", "drop the value");
                }
                if (t.operator() == Toleration.Operator.EQUAL && t.key().isEmpty()) {
                    problems.add(tPath + ".key", "", "an Equal toleration needs a key", "set the taint's key");
                }
                t.value().map(Names::labelValue).ifPresent(p -> problems.add(tPath + ".value", t.value().get(), p,
                        "use the taint's value"));
            }
        }

        private void capabilities() {
            Set<String> seen = new HashSet<>();
            boolean beyondRestricted = false;
            for (String capability : app.addedCapabilities()) {
                String capPath = path + ".addedCapabilities[" + capability + "]";
                if (!Names.CAPABILITY.matcher(capability).matches() || capability.startsWith("CAP_") || capability.equals("ALL")) {
                    problems.add(capPath, capability, "a capability is named without 'CAP_' in upper case, and never ALL",
                            "use e.g. NET_BIND_SERVICE");
                    beyondRestricted = true;
                    continue;
                }
                if (!seen.add(capability)) {
                    problems.add(capPath, capability, "the capability is added twice", "add it once");
                }
                if (!capability.equals("NET_BIND_SERVICE")) {
                    beyondRestricted = true;
                    if (!app.weakens(Weakening.ADDED_CAPABILITIES)) {
                        problems.add(capPath, capability,
                                "PSS restricted allows adding only NET_BIND_SERVICE",
                                "drop the capability, or declare .weaken(ADDED_CAPABILITIES, \"<reason>\")");
                    }
                }
            }
            if (!beyondRestricted && app.weakens(Weakening.ADDED_CAPABILITIES)) {
                problems.add(path + ".exemptions[ADDED_CAPABILITIES]", "ADDED_CAPABILITIES",
                        "the app adds no capability beyond NET_BIND_SERVICE, so the exemption is unused",
                        "remove .weaken(ADDED_CAPABILITIES, ...)");
            }
            if (app.weakens(Weakening.HOST_PORTS) && app.ports().stream().noneMatch(p -> p.hostPort() != 0)) {
                problems.add(path + ".exemptions[HOST_PORTS]", "HOST_PORTS", "no port has a host port, so the exemption is unused",
                        "remove .weaken(HOST_PORTS, ...)");
            }
        }

        private void environments() {
            for (String environment : app.environments()) {
                if (!environmentNames.contains(environment)) {
                    problems.add(path + ".onlyIn[" + environment + "]", environment, "unknown environment",
                            "use one of " + sorted(environmentNames));
                }
            }
            Set<String> overridden = new HashSet<>();
            for (EnvironmentOverride override : app.overrides()) {
                String oPath = path + ".in[" + override.environment() + "]";
                Optional<Environment> environment = platform.environment(override.environment());
                if (environment.isEmpty()) {
                    problems.add(oPath, override.environment(), "unknown environment", "use one of " + sorted(environmentNames));
                } else if (!app.environments().isEmpty() && !app.environments().contains(override.environment())) {
                    problems.add(oPath, override.environment(), "the app is not deployed to this environment (see onlyIn)",
                            "remove the override or add the environment to onlyIn");
                }
                if (!overridden.add(override.environment())) {
                    problems.add(oPath, override.environment(), "the environment is overridden twice", "merge the overrides");
                }
                override.replicas().ifPresent(r -> {
                    if (r < 0) {
                        problems.add(oPath + ".replicas", r, "replicas must be 0 or more", "use 0 to stop the app");
                    }
                });
                override.resources().ifPresent(r -> resources(oPath + ".resources", r));
                override.imageTag().ifPresent(tag -> {
                    if (!TAG.matcher(tag).matches()) {
                        problems.add(oPath + ".imageTag", tag, "an image tag is 1 to 128 letters, digits, '_', '.' and '-'",
                                "use e.g. '1.4.3'");
                    } else if (tag.equals("latest")) {
                        problems.add(oPath + ".imageTag", tag, "the tag 'latest' is mutable: deployments would not be reproducible",
                                "use a version tag");
                    }
                });
                environment.ifPresent(env -> {
                    for (String cluster : override.clusters()) {
                        if (env.clusters().stream().noneMatch(c -> c.name().equals(cluster))) {
                            problems.add(oPath + ".clusters[" + cluster + "]", cluster, "unknown cluster of environment "
                                    + env.name(), "use one of " + env.clusters().stream().map(Cluster::name).toList());
                        }
                    }
                });
            }
            for (Environment environment : platform.environments()) {
                if (!app.environments().isEmpty() && !app.environments().contains(environment.name())) {
                    continue;
                }
                String namespace = Instances.namespace(app, environment);
                String problem = Names.dns1123Label(namespace);
                if (problem != null) {
                    problems.add(path + ".namespace", namespace, "the namespace in " + environment.name() + " " + problem,
                            "change the namespace pattern ('" + app.namespace().orElse(environment.namespacePattern()) + "')");
                }
            }
        }

        private void exemptions() {
            Map<Weakening, Integer> seen = new HashMap<>();
            for (Exemption exemption : app.exemptions()) {
                String ePath = path + ".exemptions[" + exemption.weakening() + "]";
                if (seen.merge(exemption.weakening(), 1, Integer::sum) == 2) {
                    problems.add(ePath, exemption.weakening(), "the weakening is declared twice", "declare it once, with one reason");
                }
                if (exemption.reason().strip().length() < MIN_REASON_LENGTH) {
                    problems.add(ePath + ".reason", exemption.reason(),
                            "a weakening needs a written reason of at least " + MIN_REASON_LENGTH + " characters",
                            "say why and who decided, e.g. \"vendor image needs uid 0; SEC-142, approved by security\"");
                }
            }
        }

    }

    private static final Set<String> VERBS = Set.of("get", "list", "watch", "create", "update", "patch", "delete",
            "deletecollection", "escalate", "bind", "impersonate", "use", "approve", "sign");
    private static final Pattern RESOURCE = Pattern.compile("^[a-z][a-z0-9.-]*(/[a-z]+)?$");

    private static final Pattern SECRET_KEY = Pattern.compile("^[-._a-zA-Z0-9]{1,253}$");
    private static final Pattern DURATION = Pattern.compile("^([0-9]+(h|m|s))+$");

    /** Base64 of: 2-byte RSA block length, an RSA block of at least 2048 bits, and at least a GCM tag. */
    static boolean looksSealed(String base64) {
        try {
            byte[] bytes = java.util.Base64.getDecoder().decode(base64);
            if (bytes.length < 2) {
                return false;
            }
            int rsaLength = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
            return rsaLength >= 256 && bytes.length >= 2 + rsaLength + 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean deployedIn(App app, Environment environment) {
        return app.environments().isEmpty() || app.environments().contains(environment.name());
    }

    private List<String> appNames() {
        return platform.apps().stream().map(App::name).sorted().toList();
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
