package dev.goldenpath.generators.yaml;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.cidr;
import static dev.goldenpath.dsl.GoldenPath.cluster;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.external;
import static dev.goldenpath.dsl.GoldenPath.httpGet;
import static dev.goldenpath.dsl.GoldenPath.leaderElection;
import static dev.goldenpath.dsl.GoldenPath.limits;
import static dev.goldenpath.dsl.GoldenPath.maxUnavailable;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.port;
import static dev.goldenpath.dsl.GoldenPath.read;
import static dev.goldenpath.dsl.GoldenPath.requests;
import static dev.goldenpath.dsl.GoldenPath.runtimeProfile;
import static dev.goldenpath.dsl.GoldenPath.sealed;
import static dev.goldenpath.dsl.GoldenPath.team;
import static dev.goldenpath.dsl.GoldenPath.tolerationExists;
import static dev.goldenpath.dsl.GoldenPath.vault;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Toleration;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.Renderer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The block writer writes exactly the bytes Jackson's YAML mapper writes, or leaves the document to it. */
public class BlockYamlTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = mapper();
    private static final BlockYaml BLOCK = new BlockYaml(tree -> writeWith(MAPPER, tree));

    private static ObjectMapper mapper() {
        // The mapper Yaml uses, reached through what it writes: the writer under test asks it about strings.
        return new ObjectMapper(com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
                .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.SPLIT_LINES)
                .build());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void theTestMapperIsYamlsMapper() {
        ObjectNode tree = NODES.objectNode().put("a", "true").put("b", "x: y").put("c", "2").put("d", "two\nlines\n");
        tree.putArray("e").add(1).addObject().put("f", 1.5);
        assertEquals(text(Yaml.jackson(tree)), text(writeWith(mapper(), tree)));
    }

    private static byte[] writeWith(ObjectMapper mapper, JsonNode tree) {
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stringsOfThePlainClassAreWrittenPlainAsValuesAndAsKeys() {
        Random random = new Random(18);
        String alphabet = "abcyesnotrulfYESNOTRUELF0123456789-._/@:";
        int plain = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(7);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            if (!BlockYaml.plain(value)) {
                continue;
            }
            plain++;
            assertEquals("k: " + value + "\n", text(Yaml.jackson(NODES.objectNode().put("k", value))), value);
            assertEquals(value + ": 0\n", text(Yaml.jackson(NODES.objectNode().put(value, 0))), value);
        }
        assertTrue(plain > 5_000, "only " + plain + " plain strings drawn");
        for (String reserved : List.of("y", "Y", "n", "No", "yes", "on", "OFF", "true", "False", "null", "NULL")) {
            assertTrue(!BlockYaml.plain(reserved), reserved);
        }
    }

    @Test
    void randomTreesAreWrittenAsJacksonWritesThem() {
        Random random = new Random(7);
        int written = 0;
        for (int i = 0; i < 3_000; i++) {
            ObjectNode tree = NODES.objectNode();
            fill(tree, random, 0);
            // The writer Yaml falls back to (and asks about strings) writes what the mapper writes, every tree.
            assertEquals(text(Yaml.jackson(tree)), text(Yaml.stream(tree)), tree.toString());
            byte[] fast = BLOCK.write(tree);
            if (fast != null) {
                written++;
                assertEquals(text(Yaml.jackson(tree)), text(fast), tree.toString());
            }
        }
        assertTrue(written > 500, "only " + written + " of 3000 trees written without the mapper");
    }

    private static void fill(ObjectNode object, Random random, int depth) {
        int fields = random.nextInt(depth == 0 ? 5 : 4) + (depth == 0 ? 1 : 0);
        for (int f = 0; f < fields; f++) {
            String key = string(random);
            switch (random.nextInt(depth > 3 ? 3 : 6)) {
                case 0 -> object.put(key, string(random));
                case 1 -> object.put(key, random.nextInt() % 100_000);
                case 2 -> {
                    if (random.nextInt(3) == 0) {
                        object.put(key, random.nextLong());
                    } else {
                        object.put(key, random.nextBoolean());
                    }
                }
                case 3 -> fill(object.putObject(key), random, depth + 1);
                default -> list(object.putArray(key), random, depth + 1);
            }
        }
    }

    private static void list(ArrayNode array, Random random, int depth) {
        int elements = random.nextInt(4);
        for (int e = 0; e < elements; e++) {
            switch (random.nextInt(5)) {
                case 0 -> array.add(string(random));
                case 1 -> array.add(random.nextInt(100));
                case 2 -> fill(array.addObject(), random, depth + 1);
                case 3 -> array.addArray();
                default -> array.add(random.nextBoolean());
            }
        }
    }

    // Strings that hit the quoting rules: indicators, reserved words, numbers, spaces, colons, non-ASCII, breaks.
    private static String string(Random random) {
        List<String> pieces = List.of("a", "b", "Z", "yes", "no", "on", "true", "null", "~", "0", "1", "1.5", "-", ".",
                "_", "/", "@", ":", ": ", " #", "#", " ", "'", "\"", "\\", "*", "&", "!", "|", ">", "%", "`", ",", "[",
                "]", "{", "}", "?", "=", "é", "日本", "\uD83D\uDE00", "\u00A0", "\t", "\n", "0x1F", "1e3",
                "app.kubernetes.io/name", "8080");
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            text.append(pieces.get(random.nextInt(pieces.size())));
        }
        return text.toString();
    }

    @Test
    void everyRenderedObjectIsWrittenAsJacksonWritesItAndMostWithoutIt() {
        List<ObjectNode> objects = Renderer.secureByDefault().render(richPlatform()).objects();
        int fast = 0;
        for (ObjectNode object : objects) {
            byte[] block = BLOCK.write(object);
            if (block != null) {
                fast++;
                assertArrayEquals(Yaml.jackson(object), block, text(Yaml.jackson(object)));
            }
            assertArrayEquals(Yaml.jackson(object), Yaml.write(object));
            assertArrayEquals(Yaml.jackson(object), Yaml.stream(object));
        }
        assertTrue(fast * 10 >= objects.size() * 9, fast + " of " + objects.size() + " objects without the mapper");
    }

    public static Platform richPlatform() {
        byte[] sealed = new byte[2 + 256 + 48];
        new Random(3).nextBytes(sealed);
        sealed[0] = 1;
        sealed[1] = 0;
        String ciphertext = Base64.getEncoder().encodeToString(sealed);
        return platform("acme").gitRepository("https://git.example.com/acme/gitops.git").istioMesh()
                .secretStore(vault("vault", "https://vault.example.com:8200").kubernetesAuth("kubernetes", "apps"))
                .environment(environment("staging").cluster("https://staging.example.com").apiServer(6443, "10.0.0.1/32"))
                .environment(environment("production").cluster(cluster("eu", "https://eu.example.com"))
                        .cluster(cluster("us", "https://us.example.com")).apiServer(6443, "10.0.1.1/32"))
                .team(team("web").owner("web@example.com"))
                .team(team("payments").owner("payments@example.com"))
                .app(app("frontend").team("web").image("registry.example.com/web/frontend:2.3.1").port(8080)
                        .port(port("metrics", 9090)).replicas(2).resources(requests("250m", "64Mi"), limits("1", "128Mi"))
                        .readiness(httpGet("/ready")).liveness(httpGet("/healthz")).writablePath("/tmp", "64Mi")
                        .autoscale(2, 6, 70).disruptionBudget(maxUnavailable("1")).calledByIngressController(8080)
                        .calledByNamespace("monitoring", 9090).label("tier", "web").annotation("example.com/note", "yes")
                        .env("GREETING", "hello: world # not a comment").env("COUNT", "2"))
                .app(app("api").team("payments").namespace("{app}").image("registry.example.com/payments/api:1.0.0")
                        .port(8443).readiness(httpGet("/ready")).calledBy("frontend", 8443)
                        .calls("ledger", 5432).callsExternal(cidr("203.0.113.0/24").except("203.0.113.128/25").ports(443))
                        .permissions(read("configmaps"), leaderElection())
                        .secret(external("token").store("vault").remote("token", "payments/api", "token").env("TOKEN", "token"))
                        .toleration(tolerationExists("dedicated", Toleration.Effect.NO_SCHEDULE)).nodeSelector("pool", "on")
                        .in("production", o -> o.replicas(4).clusters("eu")))
                .app(app("ledger").team("payments").image("registry.example.com/payments/ledger:3.0.7")
                        .port(port("postgres", 5432)).readiness(httpGet("/ready"))
                        .secret(sealed("db").ciphertext("password", ciphertext).mountAt("/etc/db"))
                        .runtimeProfile(runtimeProfile().allowProcesses("/usr/local/bin/ledger").protect("/usr", "/bin"))
                        .weaken(Weakening.WRITABLE_ROOT_FILESYSTEM, "vendor binary rewrites /etc at start: PAY-311"))
                .build();
    }
}
