package dev.goldenpath.generators.argocd;

import java.util.List;
import java.util.Objects;

/**
 * What the rendered ApplicationSets deploy, evaluated against the rendered tree, and every way that differs
 * from the spec. Consistent when there are no problems.
 *
 * <pre>{@code
 * ConsistencyReport report = ArgoCd.check(platform, rendering.tree());
 * report.applications().forEach(a -> System.out.println(a.name() + " -> " + a.path()));
 * report.orThrow();
 * }</pre>
 *
 * @param applications every Application the ApplicationSets generate, sorted by name
 * @param problems     every inconsistency, one sentence each, sorted
 */
public record ConsistencyReport(List<GeneratedApplication> applications, List<String> problems) {

    public ConsistencyReport {
        applications = List.copyOf(applications);
        problems = List.copyOf(problems);
    }

    /** Whether the ApplicationSets deploy exactly what the spec says. */
    public boolean consistent() {
        return problems.isEmpty();
    }

    /**
     * This report, when consistent.
     *
     * @throws InconsistentArgoCdException listing every problem
     */
    public ConsistencyReport orThrow() {
        if (!consistent()) {
            throw new InconsistentArgoCdException(problems);
        }
        return this;
    }

    /**
     * One Application as the ApplicationSet controller would generate it.
     *
     * @param applicationSet the set, {@code <environment folder>/<name>}
     * @param name           the Application's name
     * @param project        its AppProject
     * @param path           the folder it syncs
     * @param server         the API server it deploys to
     * @param namespace      its destination namespace, empty when its objects all name their own
     */
    public record GeneratedApplication(String applicationSet, String name, String project, String path,
                                       String server, String namespace) {

        public GeneratedApplication {
            Objects.requireNonNull(applicationSet, "applicationSet");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(namespace, "namespace");
        }
    }

    /** The ApplicationSets or AppProjects of a tree do not match its spec; the message lists every problem. */
    public static final class InconsistentArgoCdException extends IllegalStateException {

        private final List<String> problems;

        InconsistentArgoCdException(List<String> problems) {
            super("Argo CD objects do not match the rendered tree (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "):\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        /** Every problem, one sentence each. */
        public List<String> problems() {
            return problems;
        }
    }
}
