package dev.goldenpath.generators.extension;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.RenderException;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.policy.PolicyViolationException;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/beyond-the-golden-path.md: every Java example compiles, and the messages it shows are the real ones. */
class DocumentationTest {

    private static final Path PAGE = Path.of("../docs/beyond-the-golden-path.md");
    private static final String IMPORTS = """
            import static dev.goldenpath.dsl.GoldenPath.*;
            import dev.goldenpath.dsl.*;
            import dev.goldenpath.generators.*;
            import dev.goldenpath.generators.extension.*;
            import io.fabric8.kubernetes.api.model.*;
            import io.fabric8.kubernetes.api.model.apps.*;
            import java.util.*;
            """;

    @TempDir
    Path tmp;

    private static List<String> blocks(String language) throws IOException {
        Matcher matcher = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    @Test
    void everyJavaExampleCompiles() throws IOException {
        List<String> files = new ArrayList<>();
        int index = 0;
        for (String block : blocks("java")) {
            Matcher type = Pattern.compile("^public final class (\\w+)").matcher(block);
            String name = type.find() ? type.group(1) : "Example" + index++;
            String source = type.find(0) ? IMPORTS + block
                    : IMPORTS + "class " + name + " {\n    void run(Platform platform) {\n" + block + "\n    }\n}\n";
            Path file = tmp.resolve(name + ".java");
            Files.writeString(file, source);
            files.add(file.toString());
        }
        assertEquals(5, files.size(), "the page's Java examples");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", tmp.resolve("classes").toString(), "-cp",
                System.getProperty("java.class.path"), "--release", "17"));
        args.addAll(files);
        StringWriter output = new StringWriter();
        int status = compiler.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                output.write(b);
            }
        }), args.toArray(String[]::new));
        assertEquals(0, status, output::toString);
    }

    @Test
    void theShownFailuresAreTheRealOnes() throws IOException {
        List<String> texts = blocks("text");
        Platform agents = platform("acme").gitRepository("https://git.example.com/gitops.git")
                .environment(environment("production").cluster("https://kubernetes.default.svc"))
                .team(team("observability").owner("observability@example.com"))
                .app(app("agent").team("observability").namespace("agents").image("registry.example.com/agent:4.2.0").port(9090))
                .build();
        PolicyViolationException privileged = assertThrows(PolicyViolationException.class, () -> Renderer.secureByDefault()
                .customize("agent", Deployment.class, deployment -> {
                    SecurityContext context = deployment.getSpec().getTemplate().getSpec().getContainers().get(0)
                            .getSecurityContext();
                    context.setPrivileged(true);
                    context.setAllowPrivilegeEscalation(true);
                }).render(agents));
        String withoutLines = privileged.getMessage().replaceAll("\\.yaml:\\d+ ", ".yaml ");
        for (String line : texts.get(0).strip().lines().toList()) {
            assertTrue(withoutLines.contains(line), line + "\nnot in\n" + withoutLines);
        }
        RenderException capability = assertThrows(RenderException.class, () -> Renderer.secureByDefault()
                .customize("web", Deployment.class, d -> d.getSpec().getTemplate().getSpec().getContainers().get(0)
                        .getSecurityContext().getCapabilities().getAdd().add("SYS_PTRACE"))
                .render(Platforms.shop(a -> a.addCapabilities("CHOWN").weaken(Weakening.ADDED_CAPABILITIES,
                        "vendor image chowns its cache; SEC-12, approved by security"))));
        assertTrue(capability.getMessage().contains(texts.get(1).strip()), capability.getMessage());
    }
}
