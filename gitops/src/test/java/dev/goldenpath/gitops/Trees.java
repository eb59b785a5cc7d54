package dev.goldenpath.gitops;

import dev.goldenpath.tree.RenderedTree;

/** Small synthetic rendered trees. */
final class Trees {

    private Trees() {
    }

    /** {@code count} apps, each a folder {@code <name>-<i>/} with a deployment, a service and a kustomization. */
    static RenderedTree apps(String name, int count, String version) {
        RenderedTree.Builder builder = RenderedTree.builder();
        for (int i = 0; i < count; i++) {
            String app = name + "-" + i;
            builder.add(app + "/deployment.yaml", deployment(app, version));
            builder.add(app + "/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + app
                    + "\nspec:\n  ports:\n    - port: 8080\n");
            builder.add(app + "/kustomization.yaml", "resources:\n  - deployment.yaml\n  - service.yaml\n");
        }
        return builder.build();
    }

    static String deployment(String app, String version) {
        return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + app + "\nspec:\n  template:\n"
                + "    spec:\n      containers:\n        - name: " + app + "\n          image: registry.example.com/"
                + app + ":" + version + "\n";
    }

    static RenderedTree of(String... pathsAndContents) {
        RenderedTree.Builder builder = RenderedTree.builder();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            builder.add(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return builder.build();
    }
}
