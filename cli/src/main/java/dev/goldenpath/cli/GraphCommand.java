package dev.goldenpath.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldenpath.dsl.Environment;
import dev.goldenpath.dsl.Platform;
import dev.goldenpath.generators.network.Connections;
import dev.goldenpath.generators.network.Edge;
import dev.goldenpath.generators.network.MermaidDiagram;
import dev.goldenpath.pipeline.Specs;
import java.util.List;

/** {@code goldenpath graph}: the allowed network graph of each environment, as the Mermaid page the render commits. */
final class GraphCommand implements Command {

    private final Console console;

    final SpecOptions specs = new SpecOptions();
    String environment;
    OutputFormat output = OutputFormat.TEXT;

    GraphCommand(Console console) {
        this.console = console;
    }

    @Override
    public void declare(Syntax syntax) {
        syntax.header("Print the allowed network graph as a Mermaid diagram.")
                .description("Per environment, the Mermaid flowchart and table that the render commits as "
                        + "docs/network/<environment>.md: every connection the NetworkPolicies allow. Everything else is "
                        + "denied.");
        specs.declare(syntax);
        syntax.option("-e, --environment", "NAME", "Only this environment.", value -> environment = value);
        syntax.option("-o, --output", "FORMAT", "text (Markdown with Mermaid) or json (the edges) (default: text).",
                value -> output = Syntax.choice(OutputFormat.class, value));
        syntax.exitCode(Goldenpath.OK, "printed")
                .exitCode(Goldenpath.FINDINGS, "invalid spec")
                .exitCode(Goldenpath.USAGE, "usage error");
    }

    @Override
    public int call() {
        return Commands.guard(console, "graph", () -> {
            Specs loaded = SpecRun.load(console, specs);
            if (!loaded.invalid().isEmpty()) {
                loaded.invalid().forEach(spec -> console.err().println("goldenpath: " + spec.exception().getMessage()));
                return Goldenpath.FINDINGS;
            }
            ObjectNode json = Json.object();
            ArrayNode graphs = json.putArray("graphs");
            int shown = 0;
            for (Platform platform : loaded.platforms()) {
                // The declared graph only: nothing is rendered, so render-time secrets need no certificate here.
                for (Environment env : platform.environments()) {
                    List<Edge> environmentEdges = Connections.of(platform, env, platform.instances());
                    String name = env.name();
                    if (environment != null && !environment.equals(name)) {
                        continue;
                    }
                    shown++;
                    if (output == OutputFormat.TEXT) {
                        if (shown > 1) {
                            console.out().println();
                        }
                        console.out().print(MermaidDiagram.markdown(name, environmentEdges));
                    }
                    ObjectNode graph = graphs.addObject().put("platform", platform.name()).put("environment", name);
                    ArrayNode edges = graph.putArray("edges");
                    for (Edge edge : environmentEdges) {
                        ObjectNode node = edges.addObject().put("from", edge.from().key()).put("to", edge.to().key());
                        ArrayNode ports = node.putArray("ports");
                        edge.ports().forEach(p -> ports.addObject().put("port", p.port()).put("protocol", p.protocol()));
                    }
                }
            }
            if (environment != null && shown == 0) {
                // Name the valid ones, as the DSL's errors do.
                java.util.TreeSet<String> names = new java.util.TreeSet<>();
                loaded.platforms().forEach(p -> p.environments().forEach(e -> names.add(e.name())));
                throw new UsageError("no platform has an environment named '" + environment + "' (use one of "
                        + names + ")");
            }
            if (output == OutputFormat.JSON) {
                console.out().print(Json.write(json));
            }
            return Goldenpath.OK;
        });
    }
}
