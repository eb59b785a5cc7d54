package dev.goldenpath.generators;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.external;
import static dev.goldenpath.dsl.GoldenPath.job;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.scheduledJob;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.vault;
import static dev.goldenpath.dsl.GoldenPath.worker;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.resolved.Manifests;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.lint.Finding;
import dev.goldenpath.lint.LintReport;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.reachability.Edge;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.vocabulary.Protocol;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers, scheduled jobs and jobs run before sync, rendered: every object parsed back and checked field by field, the
 * pods hardened like an app's (lint and PSS restricted), the network proof exact with the sync job's pods in the graph,
 * Argo CD allowed to create the batch kinds, kustomize building the folders, and the same bytes twice.
 */
class WorkloadKindsRenderingTest {

    private static final String IMAGE = "registry.example.com/payments/ledger:2.4.0";

    private static Platform.Builder spec() {
        return platform("acme")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                .environment(environment("staging").apiServer(6443, "10.30.0.10/32").cluster("https://kubernetes.default.svc"))
                .team(team("payments").owner("payments@example.com"))
                .app(app("ledger").team("payments").image(IMAGE).port(8080).replicas(3)
                        .env("LOG_LEVEL", "info").env("REGION", "eu")
                        .resources(requests("250m", "128Mi"), limits("500m", "256Mi"))
                        .calls("postgres", 5432)
                        .callsExternal(cidr("203.0.113.0/24").ports(443))
                        .in("staging", o -> o.imageTag("2.5.0-rc1"))
                        .beforeSync(job("migrate-schema").command("ledger", "migrate").env("LOG_LEVEL", "debug")))
                .app(app("postgres").team("payments").image("registry.example.com/payments/postgres:16.4")
                        .port(port("pg", 5432)).runAsUser(999))
                .app(worker("mailer").team("payments").image("registry.example.com/payments/mailer:1.0.0")
                        .liveness(exec("/bin/mailer", "alive")).readiness(exec("/bin/mailer", "ready"))
                        .calls("postgres", 5432))
                .app(scheduledJob("nightly-report", "30 2 * * *").team("payments")
                        .image("registry.example.com/payments/report:3.1.0").timeZone("Europe/Berlin")
                        .calls("ledger", 8080));
    }

    private static RenderedTree render(Platform platform) {
        return Renderer.secureByDefault().render(platform).tree();
    }

    private static <T> T object(RenderedTree tree, String path, Class<T> type) {
        return Yaml.read(tree.bytes(path).orElseThrow(() -> new AssertionError("no " + path + " in " + tree.paths())), type);
    }

    private static Set<String> files(RenderedTree tree, String folder) {
        return tree.paths().stream().filter(p -> p.startsWith(folder + "/")).map(p -> p.substring(folder.length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aWorkerIsADeploymentWithNoServiceAndNoIngress() {
        RenderedTree tree = render(spec().build());
        assertEquals(Set.of("deployment.yaml", "kustomization.yaml", "networkpolicy.yaml", "serviceaccount.yaml"),
                files(tree, "apps/prod/mailer"));
        Deployment deployment = object(tree, "apps/prod/mailer/deployment.yaml", Deployment.class);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(List.of(), container.getPorts());
        assertEquals(List.of("/bin/mailer", "alive"), container.getLivenessProbe().getExec().getCommand());
        assertEquals(List.of("/bin/mailer", "ready"), container.getReadinessProbe().getExec().getCommand());
        NetworkPolicy policy = object(tree, "apps/prod/mailer/networkpolicy.yaml", NetworkPolicy.class);
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        assertEquals(List.of(), policy.getSpec().getIngress());
        assertEquals(2, policy.getSpec().getEgress().size(), "postgres and the DNS");
    }

    @Test
    void aScheduledJobIsACronJobAndNothingThatServes() {
        RenderedTree tree = render(spec().build());
        assertEquals(Set.of("cronjob.yaml", "kustomization.yaml", "networkpolicy.yaml", "serviceaccount.yaml"),
                files(tree, "apps/prod/nightly-report"));
        CronJob cronJob = object(tree, "apps/prod/nightly-report/cronjob.yaml", CronJob.class);
        assertEquals("batch/v1", cronJob.getApiVersion());
        assertEquals("nightly-report", cronJob.getMetadata().getName());
        assertEquals("payments-prod", cronJob.getMetadata().getNamespace());
        assertEquals("30 2 * * *", cronJob.getSpec().getSchedule());
        assertEquals("Europe/Berlin", cronJob.getSpec().getTimeZone());
        assertEquals("Forbid", cronJob.getSpec().getConcurrencyPolicy());
        assertEquals(300L, cronJob.getSpec().getStartingDeadlineSeconds());
        assertEquals(3, cronJob.getSpec().getSuccessfulJobsHistoryLimit());
        assertEquals(3, cronJob.getSpec().getFailedJobsHistoryLimit());
        assertNull(cronJob.getSpec().getSuspend());
        JobSpec job = cronJob.getSpec().getJobTemplate().getSpec();
        assertEquals(3, job.getBackoffLimit());
        assertEquals(3600L, job.getActiveDeadlineSeconds());
        assertEquals(86400, job.getTtlSecondsAfterFinished());
        PodSpec pod = job.getTemplate().getSpec();
        assertEquals("Never", pod.getRestartPolicy());
        assertEquals("nightly-report", pod.getServiceAccountName());
        assertEquals("nightly-report", job.getTemplate().getMetadata().getLabels().get("app.kubernetes.io/name"));
        assertEquals("3.1.0", job.getTemplate().getMetadata().getLabels().get("app.kubernetes.io/version"));
        Container container = pod.getContainers().get(0);
        assertEquals("registry.example.com/payments/report:3.1.0", container.getImage());
        assertNull(container.getLivenessProbe());
        assertNull(container.getReadinessProbe());
        // Hardened exactly like an app's pod: the same pod and container security contexts as the worker's Deployment.
        PodSpec appPod = object(tree, "apps/prod/mailer/deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec();
        assertEquals(appPod.getSecurityContext(), pod.getSecurityContext());
        assertEquals(appPod.getContainers().get(0).getSecurityContext(), container.getSecurityContext());
        assertEquals(false, pod.getAutomountServiceAccountToken());
        NetworkPolicy policy = object(tree, "apps/prod/nightly-report/networkpolicy.yaml", NetworkPolicy.class);
        assertEquals(List.of(), policy.getSpec().getIngress());
        assertEquals(Map.of("app.kubernetes.io/name", "nightly-report"), policy.getSpec().getPodSelector().getMatchLabels());
    }

    @Test
    void aSyncJobIsAnArgoCdHookThatRunsAsTheAppRuns() {
        RenderedTree tree = render(spec().build());
        assertTrue(files(tree, "apps/prod/ledger").containsAll(Set.of("job-ledger-migrate-schema.yaml",
                "networkpolicy-ledger-migrate-schema.yaml")), () -> files(tree, "apps/prod/ledger").toString());
        Job job = object(tree, "apps/prod/ledger/job-ledger-migrate-schema.yaml", Job.class);
        assertEquals("ledger-migrate-schema", job.getMetadata().getName());
        assertEquals("payments-prod", job.getMetadata().getNamespace());
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        assertEquals("Sync", annotations.get("argocd.argoproj.io/hook"));
        assertEquals("BeforeHookCreation", annotations.get("argocd.argoproj.io/hook-delete-policy"));
        assertEquals("1", annotations.get("argocd.argoproj.io/sync-wave"));
        Deployment deployment = object(tree, "apps/prod/ledger/deployment.yaml", Deployment.class);
        assertEquals("2", deployment.getMetadata().getAnnotations().get("argocd.argoproj.io/sync-wave"),
                "the new version starts only after the job succeeded");
        assertFalse(deployment.getSpec().getTemplate().getMetadata().getAnnotations().containsKey("argocd.argoproj.io/sync-wave"));
        assertEquals(3, job.getSpec().getBackoffLimit());
        assertEquals(3600L, job.getSpec().getActiveDeadlineSeconds());
        assertNull(job.getSpec().getTtlSecondsAfterFinished(), "the hook delete policy cleans up, so the logs stay");
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        PodSpec appPod = deployment.getSpec().getTemplate().getSpec();
        assertEquals("Never", pod.getRestartPolicy());
        assertEquals("ledger", pod.getServiceAccountName());
        assertEquals(appPod.getSecurityContext(), pod.getSecurityContext());
        assertEquals(appPod.getAutomountServiceAccountToken(), pod.getAutomountServiceAccountToken());
        assertEquals(List.of(), pod.getTopologySpreadConstraints());
        assertEquals(1, pod.getContainers().size());
        Container container = pod.getContainers().get(0);
        Container app = appPod.getContainers().get(0);
        assertEquals("migrate-schema", container.getName());
        assertEquals(IMAGE, container.getImage());
        assertEquals(List.of("ledger", "migrate"), container.getCommand());
        assertEquals(List.of(), container.getPorts());
        assertNull(container.getLivenessProbe());
        assertNull(container.getReadinessProbe());
        assertEquals(app.getSecurityContext(), container.getSecurityContext());
        assertEquals(app.getResources(), container.getResources());
        assertEquals(app.getVolumeMounts(), container.getVolumeMounts());
        assertEquals(Map.of("LOG_LEVEL", "debug", "REGION", "eu"),
                container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue)));
        // The environment's image tag reaches the job too.
        Job staging = object(tree, "apps/staging/ledger/job-ledger-migrate-schema.yaml", Job.class);
        assertEquals("registry.example.com/payments/ledger:2.5.0-rc1",
                staging.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
    }

    @Test
    void noSelectorOfTheAppSelectsTheSyncJobsPods() {
        RenderedTree tree = render(spec().build());
        Map<String, String> jobPods = object(tree, "apps/prod/ledger/job-ledger-migrate-schema.yaml", Job.class)
                .getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> service = object(tree, "apps/prod/ledger/service.yaml", Service.class).getSpec().getSelector();
        Map<String, String> deployment = object(tree, "apps/prod/ledger/deployment.yaml", Deployment.class)
                .getSpec().getSelector().getMatchLabels();
        Map<String, String> budget = object(tree, "apps/prod/ledger/poddisruptionbudget.yaml", PodDisruptionBudget.class)
                .getSpec().getSelector().getMatchLabels();
        Map<String, String> policy = object(tree, "apps/prod/ledger/networkpolicy.yaml", NetworkPolicy.class)
                .getSpec().getPodSelector().getMatchLabels();
        for (Map<String, String> selector : List.of(service, deployment, budget, policy)) {
            assertFalse(jobPods.entrySet().containsAll(selector.entrySet()), selector + " selects " + jobPods);
        }
        assertEquals("ledger-migrate-schema", jobPods.get("app.kubernetes.io/name"));
        assertEquals("ledger", jobPods.get("app"));
    }

    @Test
    void theSyncJobsPodsHaveExactlyTheAppsEgressAndNoIngress() {
        Platform platform = spec().build();
        RenderedTree tree = render(platform);
        NetworkPolicy app = object(tree, "apps/prod/ledger/networkpolicy.yaml", NetworkPolicy.class);
        NetworkPolicy job = object(tree, "apps/prod/ledger/networkpolicy-ledger-migrate-schema.yaml", NetworkPolicy.class);
        assertEquals(Map.of("app.kubernetes.io/name", "ledger-migrate-schema"), job.getSpec().getPodSelector().getMatchLabels());
        assertEquals(List.of("Ingress", "Egress"), job.getSpec().getPolicyTypes());
        assertEquals(List.of(), job.getSpec().getIngress());
        assertEquals(app.getSpec().getEgress(), job.getSpec().getEgress());
        // postgres lets both in, on 5432 only.
        NetworkPolicy postgres = object(tree, "apps/prod/postgres/networkpolicy.yaml", NetworkPolicy.class);
        Set<String> clients = postgres.getSpec().getIngress().stream()
                .map(rule -> rule.getFrom().get(0).getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("ledger", "ledger-migrate-schema", "mailer"), clients);

        Manifests manifests = Renderer.secureByDefault().generate(platform);
        NetworkVerification.Result result = NetworkVerification.check(manifests, platform.environment("prod").orElseThrow());
        assertTrue(result.exact(), result::toString);
        SortedSet<String> fromApp = new TreeSet<>();
        SortedSet<String> fromJob = new TreeSet<>();
        for (Edge edge : result.allowed()) {
            if (edge.source().equals("payments-prod/ledger")) {
                fromApp.add(edge.destination() + " " + edge.port() + " " + edge.protocol());
            }
            if (edge.source().equals("payments-prod/ledger-migrate-schema")) {
                fromJob.add(edge.destination() + " " + edge.port() + " " + edge.protocol());
            }
            assertFalse(edge.destination().equals("payments-prod/ledger-migrate-schema"), "no ingress: " + edge);
            assertFalse(edge.destination().equals("payments-prod/mailer"), "no ingress to a worker: " + edge);
            assertFalse(edge.destination().equals("payments-prod/nightly-report"), "no ingress to a job: " + edge);
        }
        assertFalse(fromApp.isEmpty());
        assertEquals(fromApp, fromJob);
        assertTrue(result.allowed().contains(new Edge("payments-prod/ledger-migrate-schema", "payments-prod/postgres", 5432,
                Protocol.TCP)), result::toString);
        assertTrue(result.allowed().contains(new Edge("payments-prod/nightly-report", "payments-prod/ledger", 8080,
                Protocol.TCP)), result::toString);
    }

    @Test
    void everyPodPassesTheLintPolicyAndPodSecurityRestricted() {
        RenderedTree tree = render(spec().build());
        LintReport report = Linter.defaults().lint(tree);
        List<Finding> apps = report.findings().stream().filter(f -> f.file().startsWith("apps/")).toList();
        assertEquals(List.of(), apps, "no finding at all, not even a warning");
        assertTrue(tree.paths().stream().filter(p -> p.startsWith("apps/")).anyMatch(p -> p.endsWith("/cronjob.yaml")));
    }

    @Test
    void argoCdMayCreateTheBatchKinds() {
        RenderedTree tree = render(spec().build());
        String project = tree.paths().stream().filter(p -> p.startsWith("argocd/prod/") && p.contains("appproject"))
                .findFirst().orElseThrow(() -> new AssertionError(tree.paths().toString()));
        JsonNode kinds = Yaml.read(tree.bytes(project).orElseThrow()).path("spec").path("namespaceResourceWhitelist");
        Set<String> groupKinds = new TreeSet<>();
        kinds.forEach(k -> groupKinds.add(k.path("group").asText() + "/" + k.path("kind").asText()));
        assertTrue(groupKinds.containsAll(Set.of("batch/Job", "batch/CronJob", "apps/Deployment")), groupKinds::toString);
    }

    @Test
    void rendersTheSameBytesTwice() {
        RenderedTree first = render(spec().build());
        RenderedTree second = render(spec().build());
        assertEquals(first.paths(), second.paths());
        for (String path : first.paths()) {
            assertArrayEquals(first.bytes(path).orElseThrow(), second.bytes(path).orElseThrow(), path);
        }
    }

    @Test
    void meshedJobsGetANativeSidecarAndTheirCalleesKnowTheAppsIdentity() {
        RenderedTree tree = render(spec().istioMesh().build());
        Job job = object(tree, "apps/prod/ledger/job-ledger-migrate-schema.yaml", Job.class);
        assertEquals("true", job.getSpec().getTemplate().getMetadata().getAnnotations().get("sidecar.istio.io/nativeSidecar"));
        CronJob cronJob = object(tree, "apps/prod/nightly-report/cronjob.yaml", CronJob.class);
        assertEquals("true", cronJob.getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getAnnotations()
                .get("sidecar.istio.io/nativeSidecar"));
        Deployment deployment = object(tree, "apps/prod/ledger/deployment.yaml", Deployment.class);
        assertFalse(deployment.getSpec().getTemplate().getMetadata().getAnnotations().containsKey("sidecar.istio.io/nativeSidecar"));
        String policy = tree.text("apps/prod/postgres/authorizationpolicy.yaml").orElseThrow();
        assertTrue(policy.contains("cluster.local/ns/payments-prod/sa/ledger"), policy);
        assertFalse(policy.contains("sa/ledger-migrate-schema"), policy);
    }

    @Test
    void aSyncJobOfAWeakenedAppWithSecretsCarriesTheDeclarationAndTheSecrets() {
        RenderedTree tree = render(spec()
                .secretStore(vault("vault", "https://vault.example.com"))
                .app(app("vendor").team("payments").image("registry.example.com/payments/vendor:1.0.0").port(8080)
                        .writablePath("/tmp")
                        .secret(external("vendor-db").store("vault").remote("password", "payments/vendor", "password")
                                .env("DB_PASSWORD", "password").mountAt("/etc/vendor/db"))
                        .weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "vendor binary rewrites /etc at start; PAY-311")
                        .beforeSync(job("migrate").command("/usr/local/bin/vendor", "migrate")))
                .build());
        Job job = object(tree, "apps/prod/vendor/job-vendor-migrate.yaml", Job.class);
        Deployment deployment = object(tree, "apps/prod/vendor/deployment.yaml", Deployment.class);
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(false, container.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(deployment.getSpec().getTemplate().getMetadata().getAnnotations(),
                job.getSpec().getTemplate().getMetadata().getAnnotations(), "the weakening's declaration comes along");
        assertEquals(app.getVolumeMounts(), container.getVolumeMounts());
        assertEquals(deployment.getSpec().getTemplate().getSpec().getVolumes(), pod.getVolumes());
        EnvVar password = container.getEnv().stream().filter(v -> v.getName().equals("DB_PASSWORD")).findFirst().orElseThrow();
        assertEquals("vendor-db", password.getValueFrom().getSecretKeyRef().getName());
        LintReport report = Linter.defaults().lint(tree);
        assertEquals(List.of(), report.failing());
        assertTrue(report.findings().stream().filter(f -> f.file().equals("apps/prod/vendor/job-vendor-migrate.yaml"))
                .allMatch(Finding::weakened), report::toString);
    }

    @Test
    void namesAtTheirLimitsRender() {
        String longest = "n".repeat(52);
        RenderedTree tree = render(spec()
                .app(scheduledJob(longest, "@hourly").team("payments").image("registry.example.com/payments/report:3.1.0"))
                .app(app("ledger2").team("payments").image(IMAGE).port(8080)
                        .beforeSync(job("m".repeat(63 - "ledger2-".length()))))
                .build());
        assertTrue(tree.contains("apps/prod/" + longest + "/cronjob.yaml"));
        assertTrue(tree.contains("apps/prod/ledger2/job-ledger2-" + "m".repeat(55) + ".yaml"));
    }

    @Test
    void kubectlKustomizeBuildsTheFoldersOfEveryKind(@TempDir Path directory) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")) || onPath("kubectl"),
                "kubectl is not installed: the kustomize build of the rendered folders is skipped");
        render(spec().build()).writeTo(directory);
        for (String folder : List.of("apps/prod/ledger", "apps/prod/mailer", "apps/prod/nightly-report")) {
            Process process = new ProcessBuilder("kubectl", "kustomize", directory.resolve(folder).toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, process.waitFor(), folder + ": " + output);
            Set<String> kinds = new TreeSet<>();
            for (String document : output.split("(?m)^---$")) {
                if (!document.isBlank()) {
                    kinds.add(Yaml.read(document.getBytes(StandardCharsets.UTF_8)).path("kind").asText());
                }
            }
            Set<String> expected = switch (folder) {
                case "apps/prod/ledger" -> Set.of("Deployment", "Job", "NetworkPolicy", "PodDisruptionBudget", "Service",
                        "ServiceAccount");
                case "apps/prod/mailer" -> Set.of("Deployment", "NetworkPolicy", "ServiceAccount");
                default -> Set.of("CronJob", "NetworkPolicy", "ServiceAccount");
            };
            assertEquals(expected, kinds, folder);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
