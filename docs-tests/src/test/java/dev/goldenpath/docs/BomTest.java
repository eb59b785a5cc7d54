package dev.goldenpath.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM lists every published goldenpath module, and the library versions the build itself uses. */
class BomTest {

    /**
     * Modules that are not libraries: nobody depends on them (treegen and lambdagen are build tools of the modules, in
     * their provided scope, which users' builds never resolve).
     */
    private static final List<String> NOT_PUBLISHED = List.of("goldenpath-parent", "goldenpath-bom",
            "goldenpath-samples", "goldenpath-benchmarks", "goldenpath-docs-tests", "goldenpath-treegen",
            "goldenpath-lambdagen");

    @Test
    void theBomManagesEveryModuleAndTheBuildsOwnLibraryVersions() throws Exception {
        String root = Files.readString(Docs.ROOT.resolve("pom.xml"));
        String bom = Files.readString(Docs.ROOT.resolve("bom/pom.xml"));

        TreeSet<String> modules = modules(root);
        modules.removeAll(NOT_PUBLISHED);
        TreeSet<String> managed = new TreeSet<>();
        Matcher dependency = Pattern.compile("<groupId>dev.goldenpath</groupId>\\s*<artifactId>([^<]+)</artifactId>").matcher(bom);
        while (dependency.find()) {
            if (!dependency.group(1).equals("goldenpath-bom")) {
                managed.add(dependency.group(1));
            }
        }
        assertEquals(modules, managed, "bom/pom.xml must manage exactly the published modules");

        assertEquals(properties(root, "fabric8.version", "jackson.version", "jgit.version"),
                properties(bom, "fabric8.version", "jackson.version", "jgit.version"),
                "bom/pom.xml must pin the versions the build uses (root pom properties)");
    }

    /** A dependency snippet in the docs names artifacts that exist (a renamed module fails here, not for a reader). */
    @Test
    void everyGoldenpathArtifactTheDocsNameExists() throws Exception {
        TreeSet<String> modules = modules(Files.readString(Docs.ROOT.resolve("pom.xml")));
        java.util.List<String> unknown = new java.util.ArrayList<>();
        Markdown.blocks(Docs.pages()).filter(b -> b.language().equals("xml")).forEach(block -> {
            Matcher artifact = Pattern.compile("<artifactId>(goldenpath-[^<]+)</artifactId>").matcher(block.text());
            while (artifact.find()) {
                if (!modules.contains(artifact.group(1))) {
                    unknown.add(block.where() + ": " + artifact.group(1));
                }
            }
        });
        assertEquals(java.util.List.of(), unknown, "artifacts the docs name that no module builds");
    }

    /** The artifactIds of the root pom's modules. */
    private static TreeSet<String> modules(String root) throws java.io.IOException {
        TreeSet<String> modules = new TreeSet<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(root);
        while (module.find()) {
            Path pom = Docs.ROOT.resolve(module.group(1)).resolve("pom.xml");
            Matcher artifact = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>|^  <artifactId>([^<]+)</artifactId>",
                    Pattern.MULTILINE).matcher(Files.readString(pom));
            artifact.find();
            String id = artifact.group(1) != null ? artifact.group(1) : artifact.group(2);
            modules.add(id);
        }
        return modules;
    }

    private static Map<String, String> properties(String pom, String... names) {
        Map<String, String> values = new TreeMap<>();
        for (String name : names) {
            Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
            values.put(name, m.find() ? m.group(1) : "(missing)");
        }
        return values;
    }
}
