package dev.goldenpath.generators.extension;

import static dev.goldenpath.dsl.GoldenPath.app;
import static dev.goldenpath.dsl.GoldenPath.environment;
import static dev.goldenpath.dsl.GoldenPath.platform;
import static dev.goldenpath.dsl.GoldenPath.team;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.Weakening;
import dev.goldenpath.generators.report.RenderException;
import dev.goldenpath.generators.Renderer;
import dev.goldenpath.generators.policy.PolicyViolationException;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/beyond-the-golden-path.md: the messages it shows are the real ones (module docs-tests compiles its Java examples,
 * as it does every page's).
 */
class DocumentationTest {

    private static final Path PAGE = Path.of("../docs/beyond-the-golden-path.md");
    private static List<String> blocks(String language) throws IOException {
        Matcher matcher = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(PAGE));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    @Test
    void theShownFailuresAreTheRealOnes() throws IOException {
        List<String> texts = blocks("text");
        Platform agents = platform("acme").gitRepository("https://git.example.com/gitops.git")
                .environment(environment("production").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
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
