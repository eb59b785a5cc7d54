package dev.goldenpath.generators.workload;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.exec;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.scheduledJob;
import static dev.goldenpath.dsl.GoldenPath.statefulService;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.worker;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldenpath.dsl.App;
import dev.goldenpath.dsl.Config;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.yaml.Yaml;
import dev.goldenpath.lint.Linter;
import dev.goldenpath.tree.RenderedTree;
import dev.goldenpath.tree.TreeLayout;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config files and variables as the cluster sees them: one immutable ConfigMap per app whose name is a hash of its
 * content, each file mounted read-only at exactly its path, each variable read by key; parsed back from the rendered
 * YAML, built with {@code kubectl kustomize}, and checked by the render's own proofs (lint, PSS, limits, Argo CD).
 */
class ConfigMapsTest {

    private static final String FOLDER = TreeLayout.appFolder("prod", "web");
    private static final String NGINX = "user nobody;\nevents {}\nhttp {\n\tinclude mime.types;\n}\n";
    private static final String APP_YAML = "greeting: hello\nlimits:\n  requests: 10\n";

    private static Platform shop(UnaryOperator<App.Builder> web) {
        return platform("shop")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("web").owner("web@example.com"))
                .app(web.apply(app("web").team("web").namespace("web-{environment}")
                        .image("registry.example.com/web:1.0.0").port(8080)))
                .build();
    }

    private static Platform configured() {
        return shop(a -> a.configFile("/etc/nginx/nginx.conf", NGINX)
                .configFile("/etc/web/app.yaml", APP_YAML)
                .configEnv("LOG_LEVEL", "debug"));
    }

    private static RenderedTree render(Platform platform) {
        return Renderer.secureByDefault().render(platform).tree();
    }

    private static ConfigMap configMap(RenderedTree tree) {
        List<String> files = tree.paths().stream().filter(p -> p.startsWith(FOLDER + "/configmap-")).toList();
        assertEquals(1, files.size(), files::toString);
        return Yaml.read(tree.bytes(files.get(0)).orElseThrow(), ConfigMap.class);
    }

    private static Deployment deployment(RenderedTree tree) {
        return Yaml.read(tree.bytes(TreeLayout.file(FOLDER, "Deployment", "web")).orElseThrow(), Deployment.class);
    }

    @Test
    void rendersOneImmutableConfigMapNamedByItsContent() {
        ConfigMap map = configMap(render(configured()));
        // A fixed name: the hash is the same on every run and every JVM. Computed independently (Python's hashlib over
        // the entries sorted by key, each key and value as a 4-byte big-endian UTF-8 length and the bytes).
        assertEquals("web-config-97f309117f", map.getMetadata().getName());
        assertEquals("web-prod", map.getMetadata().getNamespace());
        assertTrue(map.getImmutable());
        assertEquals(Map.of("nginx.conf", NGINX, "app.yaml", APP_YAML, "LOG_LEVEL", "debug"), map.getData());
        assertEquals("web", map.getMetadata().getLabels().get("app"));
        assertEquals("ServerSideApply=true", map.getMetadata().getAnnotations().get("argocd.argoproj.io/sync-options"));
    }

    @Test
    void mountsEachFileReadOnlyAtItsPathAndReadsVariablesByKey() {
        RenderedTree tree = render(configured());
        String name = configMap(tree).getMetadata().getName();
        PodSpec pod = deployment(tree).getSpec().getTemplate().getSpec();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst().orElseThrow();
        assertEquals(name, volume.getConfigMap().getName());
        assertEquals(0440, volume.getConfigMap().getDefaultMode());
        assertEquals(List.of("nginx.conf", "app.yaml"),
                volume.getConfigMap().getItems().stream().map(i -> i.getKey() + "|" + i.getPath())
                        .map(s -> s.substring(0, s.indexOf('|'))).toList());
        Container web = pod.getContainers().get(0);
        List<String> mounts = web.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .map(m -> m.getMountPath() + " <- " + m.getSubPath() + (Boolean.TRUE.equals(m.getReadOnly()) ? " ro" : " rw"))
                .toList();
        assertEquals(List.of("/etc/nginx/nginx.conf <- nginx.conf ro", "/etc/web/app.yaml <- app.yaml ro"), mounts);
        EnvVar level = web.getEnv().stream().filter(e -> e.getName().equals("LOG_LEVEL")).findFirst().orElseThrow();
        assertEquals(null, level.getValue());
        assertEquals(name, level.getValueFrom().getConfigMapKeyRef().getName());
        assertEquals("LOG_LEVEL", level.getValueFrom().getConfigMapKeyRef().getKey());
    }

    @Test
    void filesWithTheSameNameInDifferentFoldersGetKeysOfTheirOwn() {
        RenderedTree tree = render(shop(a -> a.configFile("/etc/a/config.yaml", "a: 1\n")
                .configFile("/etc/b/config.yaml", "b: 2\n").configEnv("config.yaml", "variable")));
        ConfigMap map = configMap(tree);
        Map<String, String> byPath = new TreeMap<>();
        for (VolumeMount mount : deployment(tree).getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts()) {
            if (mount.getSubPath() != null) {
                byPath.put(mount.getMountPath(), map.getData().get(mount.getSubPath()));
            }
        }
        assertEquals(Map.of("/etc/a/config.yaml", "a: 1\n", "/etc/b/config.yaml", "b: 2\n"), byPath);
        assertEquals(3, map.getData().size(), map.getData()::toString);
        EnvVar variable = deployment(tree).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0);
        assertEquals("variable", map.getData().get(variable.getValueFrom().getConfigMapKeyRef().getKey()));
        assertTrue(map.getData().keySet().stream().allMatch(k -> k.matches("[-._a-zA-Z0-9]+") && k.length() <= 253));
    }

    @Test
    void theNameChangesWhenTheContentChangesAndOnlyThen() {
        String name = configMap(render(configured())).getMetadata().getName();
        // Declared in another order, and a file moved to another folder: the same content, the same ConfigMap.
        RenderedTree moved = render(shop(a -> a.configEnv("LOG_LEVEL", "debug")
                .configFile("/srv/web/app.yaml", APP_YAML).configFile("/etc/nginx/nginx.conf", NGINX)));
        assertEquals(name, configMap(moved).getMetadata().getName());
        assertTrue(deployment(moved).getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                .anyMatch(m -> m.getMountPath().equals("/srv/web/app.yaml")));
        // One character of one file, or one variable's value: a new name, and so a new pod template.
        RenderedTree edited = render(shop(a -> a.configFile("/etc/nginx/nginx.conf", NGINX + " ")
                .configFile("/etc/web/app.yaml", APP_YAML).configEnv("LOG_LEVEL", "debug")));
        RenderedTree variable = render(shop(a -> a.configFile("/etc/nginx/nginx.conf", NGINX)
                .configFile("/etc/web/app.yaml", APP_YAML).configEnv("LOG_LEVEL", "info")));
        for (RenderedTree changed : List.of(edited, variable)) {
            String newName = configMap(changed).getMetadata().getName();
            assertNotEquals(name, newName);
            assertTrue(new String(changed.bytes(TreeLayout.file(FOLDER, "Deployment", "web")).orElseThrow(),
                    StandardCharsets.UTF_8).contains(newName));
            assertTrue(changed.paths().stream().noneMatch(p -> p.contains(name)), "the old ConfigMap leaves the tree");
        }
        // A key and a value are not interchangeable: the encoding is unambiguous.
        assertNotEquals(ConfigMaps.hash(new Config(List.of(), List.of(new dev.goldenpath.dsl.EnvVar("A", "BC")))),
                ConfigMaps.hash(new Config(List.of(), List.of(new dev.goldenpath.dsl.EnvVar("AB", "C")))));
    }

    /** The example of docs/dsl-reference.md, "Config files": the name and the file it shows. */
    @Test
    void theDocumentedExampleRendersAsShown() {
        Platform shop = platform("shop")
                .gitRepository("https://git.example.com/shop/gitops.git")
                .environment(environment("production").cluster("https://kubernetes.default.svc").apiServer(6443, "10.20.0.10/32"))
                .team(team("web").owner("web-team@shop.example"))
                .app(app("web").team("web").image("registry.shop.example/web:2.3.1").port(8080)
                        .configFile("/etc/nginx/conf.d/default.conf", """
                                server {
                                    listen 8080;
                                    location / { root /usr/share/nginx/html; }
                                }
                                """)
                        .configFile("/etc/web/features.yaml", "checkout: v2\n")
                        .configEnv("LOG_LEVEL", "info"))
                .build();
        RenderedTree tree = render(shop);
        String text = tree.text("apps/production/web/configmap-web-config-562a06ef34.yaml").orElseThrow();
        assertTrue(text.endsWith("""
                data:
                  LOG_LEVEL: info
                  default.conf: |
                    server {
                        listen 8080;
                        location / { root /usr/share/nginx/html; }
                    }
                  features.yaml: |
                    checkout: v2
                immutable: true
                """), text);
        assertTrue(tree.text("apps/production/web/deployment.yaml").orElseThrow().contains("""
                      volumes:
                        - configMap:
                            defaultMode: 288
                            items:
                              - key: default.conf
                                path: default.conf
                              - key: features.yaml
                                path: features.yaml
                            name: web-config-562a06ef34
                          name: config
                """));
    }

    @Test
    void everyWorkloadKindMountsItsConfig() {
        Platform platform = platform("shop")
                .gitRepository("https://git.example.com/gitops.git")
                .environment(environment("prod").cluster("https://kubernetes.default.svc").apiServer(6443, "10.0.0.1/32"))
                .team(team("web").owner("web@example.com"))
                .app(app("web").team("web").image("registry.example.com/web:1.0.0").port(8080)
                        .configFile("/etc/app/app.conf", "kind: app\n").configEnv("MODE", "app"))
                .app(worker("consumer").team("web").image("registry.example.com/consumer:1.0.0")
                        .liveness(exec("/bin/check")).readiness(exec("/bin/check"))
                        .configFile("/etc/app/app.conf", "kind: worker\n").configEnv("MODE", "worker"))
                .app(scheduledJob("nightly", "0 3 * * *").timeZone("Etc/UTC").team("web")
                        .image("registry.example.com/nightly:1.0.0").liveness(exec("/bin/check"))
                        .configFile("/etc/app/app.conf", "kind: job\n").configEnv("MODE", "job"))
                .app(statefulService("store").team("web").image("registry.example.com/store:1.0.0").port(5432)
                        .volume("data", "/var/lib/store", "1Gi")
                        .configFile("/etc/app/app.conf", "kind: stateful\n").configEnv("MODE", "stateful"))
                .build();
        RenderedTree tree = render(platform);
        for (String app : List.of("web", "consumer", "nightly", "store")) {
            String folder = TreeLayout.appFolder("prod", app);
            String configMap = tree.paths().stream().filter(p -> p.startsWith(folder + "/configmap-")).findFirst().orElseThrow();
            String name = Yaml.read(tree.bytes(configMap).orElseThrow()).path("metadata").path("name").asText();
            int pods = 0;
            for (String path : tree.paths()) {
                if (!path.startsWith(folder + "/") || path.endsWith("kustomization.yaml")) {
                    continue;
                }
                JsonNode spec = Yaml.read(tree.bytes(path).orElseThrow()).path("spec");
                JsonNode template = spec.has("jobTemplate") ? spec.path("jobTemplate").path("spec").path("template")
                        : spec.path("template");
                if (template.isMissingNode()) {
                    continue;
                }
                pods++;
                JsonNode pod = template.path("spec");
                assertTrue(pod.path("volumes").toString().contains("\"name\":\"" + name + "\""), path);
                JsonNode main = pod.path("containers").get(0);
                assertTrue(main.path("volumeMounts").toString().contains("\"mountPath\":\"/etc/app/app.conf\""), path);
                assertTrue(main.path("env").toString().contains("\"configMapKeyRef\":{\"key\":\"MODE\",\"name\":\""
                        + name + "\"}"), path + " " + main.path("env"));
            }
            assertTrue(pods >= 1, app + " renders a pod template");
        }
    }

    @Test
    void anAppWithoutConfigRendersNoConfigMapAndOnlyVariablesNoVolume() {
        assertTrue(render(shop(a -> a)).paths().stream().noneMatch(p -> p.startsWith(FOLDER + "/configmap")));
        RenderedTree tree = render(shop(a -> a.configEnv("MODE", "fast")));
        assertEquals(Map.of("MODE", "fast"), configMap(tree).getData());
        assertTrue(deployment(tree).getSpec().getTemplate().getSpec().getVolumes().stream()
                .allMatch(v -> v.getConfigMap() == null));
    }

    @Test
    void everyTextSurvivesTheYamlRoundTrip() {
        List<String> texts = List.of("crlf\r\nline\r\n", "tab\tand trailing space \n", "  leading spaces\nx\n",
                "no final line break", "", "\n\n\nblank lines\n\n", "ünïcödé ✓ 😀\n", "# a comment\nkey: 'quoted \"x\"'\n",
                "back\\slash and \"quotes\"\n", "---\n...\n", "|\n>\n", "\uFEFFwith a byte order mark\n");
        RenderedTree tree = render(shop(a -> {
            for (int i = 0; i < texts.size(); i++) {
                a.configFile("/etc/web/file-" + i, texts.get(i));
            }
            return a;
        }));
        ConfigMap map = configMap(tree);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(texts.get(i), map.getData().get("file-" + i), "file-" + i);
        }
    }

    @Test
    void passesLintPodSecurityAndIsDeterministic() {
        RenderedTree tree = render(configured());
        assertEquals(List.of(), Linter.defaults().lint(tree).findings().stream()
                .filter(f -> f.file().startsWith("apps/")).toList());
        RenderedTree again = render(configured());
        assertEquals(tree.digest(), again.digest());
        tree.forEach((path, bytes) -> assertArrayEquals(bytes, again.bytes(path).orElseThrow(), path));
    }

    @Test
    void theLargestConfigTheDslAcceptsFitsTheRenderersLimitInEitherYamlStyle() {
        // Short lines cost the most in a literal block (4 bytes of indentation each); tabs, quotes, backslashes and a
        // trailing space force a double-quoted string with escapes. The DSL's estimate holds for both.
        for (String line : List.of("a\n", "\"\\\t \n")) {
            long perLine = new Config(List.of(), List.of(new dev.goldenpath.dsl.EnvVar("k", line))).encodedBytes()
                    - new Config(List.of(), List.of(new dev.goldenpath.dsl.EnvVar("k", ""))).encodedBytes();
            long fixed = new Config(List.of(new dev.goldenpath.dsl.ConfigFile("/etc/web/lines", "", "text")), List.of())
                    .encodedBytes();
            int lines = (int) ((Config.MAX_DOCUMENT_BYTES - Config.METADATA_RESERVE_BYTES - fixed) / perLine);
            String content = line.repeat(lines);
            RenderedTree tree = render(shop(a -> a.configFile("/etc/web/lines", content)));
            String path = tree.paths().stream().filter(p -> p.startsWith(FOLDER + "/configmap-")).findFirst().orElseThrow();
            int size = tree.bytes(path).orElseThrow().length;
            assertTrue(size <= Config.MAX_DOCUMENT_BYTES && size > Config.MAX_DOCUMENT_BYTES * 0.6, line + ": " + size);
            assertEquals(content, configMap(tree).getData().get("lines"));
        }
    }

    @Test
    void kubectlKustomizeBuildsTheFolderAndReadsTheSameData(@TempDir Path dir) throws IOException, InterruptedException {
        Path kubectl = Path.of("/usr/bin/kubectl");
        assumeTrue(Files.isExecutable(kubectl), "kubectl is not installed at /usr/bin/kubectl: kustomize build not checked");
        RenderedTree tree = render(shop(a -> a.configFile("/etc/nginx/nginx.conf", NGINX)
                .configFile("/etc/web/app.yaml", APP_YAML).configFile("/etc/web/windows.ini", "[a]\r\nb = c \r\n")
                .configEnv("LOG_LEVEL", "debug")));
        tree.writeTo(dir);
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.resolve(FOLDER).toString())
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), new String(output, StandardCharsets.UTF_8));
        List<JsonNode> maps = new ArrayList<>();
        for (String document : new String(output, StandardCharsets.UTF_8).split("(?m)^---\n")) {
            JsonNode node = Yaml.read(document.getBytes(StandardCharsets.UTF_8));
            if (node != null && node.path("kind").asText().equals("ConfigMap")) {
                maps.add(node);
            }
        }
        assertEquals(1, maps.size());
        ConfigMap rendered = configMap(tree);
        assertEquals(rendered.getMetadata().getName(), maps.get(0).path("metadata").path("name").asText(),
                "kustomize keeps the name: it is no generator's");
        assertEquals(rendered.getData(), Yaml.read(maps.get(0), ConfigMap.class).getData());
    }
}
