package dev.goldenpath.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goldenpath.vocabulary.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the {@code pss-*} rules over the pass/fail pods that upstream pod-security-admission generates for every
 * check and version ({@code test/testdata/<level>/<version>/{pass,fail}/*.yaml} in that repository). The data is
 * not shipped here; point the test at a checkout to run it:
 *
 * <pre>
 * mvn -pl lint test -Dtest=UpstreamConformanceTest -Dpsa.testdata=/path/to/pod-security-admission/test/testdata
 * </pre>
 *
 * <p>Every restricted {@code fail} pod must trip at least one {@code pss-*} rule and every restricted {@code pass}
 * pod none; at baseline level the same holds for the baseline rules. The one known difference: a baseline pass pod
 * with {@code hostUsers: false} and an Unmasked procMount, which this linter reports because it checks the
 * restricted profile (where upstream rejects it too).
 */
@EnabledIfSystemProperty(named = "psa.testdata", matches = ".+")
class UpstreamConformanceTest {

    private static final Set<String> BASELINE = Stream.of(RuleId.HOST_NAMESPACES, RuleId.PRIVILEGED,
            RuleId.CAPABILITIES_BASELINE, RuleId.HOST_PATH_VOLUMES, RuleId.HOST_PORTS, RuleId.APP_ARMOR, RuleId.SE_LINUX,
            RuleId.PROC_MOUNT, RuleId.SECCOMP_BASELINE, RuleId.SYSCTLS, RuleId.WINDOWS_HOST_PROCESS, RuleId.HOST_PROBES)
            .map(RuleId::id).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> KNOWN_DIFFERENCES = Set.of("baseline/pass/procmount1.yaml");

    @Test
    void latestVersionVerdictsMatchUpstream() throws IOException {
        Path root = Path.of(System.getProperty("psa.testdata"));
        String version = System.getProperty("psa.version", latest(root.resolve("restricted")));
        Set<String> restricted = new HashSet<>();
        for (Rule rule : Rules.all()) {
            if (rule.id().startsWith("pss-")) {
                restricted.add(rule.id());
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (String level : List.of("baseline", "restricted")) {
            Set<String> ids = level.equals("baseline") ? BASELINE : restricted;
            for (String outcome : List.of("fail", "pass")) {
                Path folder = root.resolve(level).resolve(version).resolve(outcome);
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.sorted().toList()) {
                        long hits = Linter.defaults().lint(file).findings().stream()
                                .filter(finding -> ids.contains(finding.ruleId())).count();
                        String name = level + "/" + outcome + "/" + file.getFileName();
                        if ((outcome.equals("fail") == (hits == 0)) && !KNOWN_DIFFERENCES.contains(name)) {
                            mismatches.add(name);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches, "version " + version);
    }

    private static String latest(Path levelFolder) throws IOException {
        try (Stream<Path> versions = Files.list(levelFolder)) {
            return versions.map(path -> path.getFileName().toString())
                    .max((a, b) -> Integer.compare(minor(a), minor(b))).orElseThrow();
        }
    }

    private static int minor(String version) {
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }
}
