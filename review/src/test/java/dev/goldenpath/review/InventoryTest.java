package dev.goldenpath.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goldenpath.tree.RenderedTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each object is read with the environment its file belongs to in the rendered layout, and only then. */
class InventoryTest {

    private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s, namespace: web}\n";

    @Test
    void readsTheEnvironmentOfEachObjectFromTheFolderOfItsFile() {
        Map<String, String> files = new TreeMap<>(Map.of(
                "apps/prod/web/configmap.yaml", "in-app",
                "platform/staging/falco/configmap.yml", "in-baseline",
                "argocd/dev/extra/deep/configmap.json", "deep",
                "apps/prod.yaml", "directly-in-apps",
                "docs/prod/configmap.yaml", "outside-the-layout",
                "configmap.yaml", "at-the-root"));
        RenderedTree.Builder tree = RenderedTree.builder();
        files.forEach((path, name) -> tree.add(path, CONFIG_MAP.formatted(name).getBytes(StandardCharsets.UTF_8)));

        Map<String, String> environments = new TreeMap<>();
        Inventory.of(tree.build(), "head").all().forEach(m -> environments.put(m.name(), m.environment()));

        assertEquals(Map.of("in-app", "prod", "in-baseline", "staging", "deep", "dev", "directly-in-apps", "",
                "outside-the-layout", "", "at-the-root", ""), environments);
        for (String path : List.of("apps//web.yaml", "/apps/prod/web.yaml", "apps")) {
            assertEquals("", Inventory.environment(path), path);
        }
    }
}
