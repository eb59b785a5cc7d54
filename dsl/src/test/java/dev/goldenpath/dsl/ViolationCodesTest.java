package dev.goldenpath.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The codes are one typed list, each documented once in docs/violation-codes.md and each reported by a rule. */
class ViolationCodesTest {

    private static final Path PAGE = Path.of("..", "docs", "violation-codes.md");
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "goldenpath", "dsl");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

    @Test
    void codesAreUniqueAreaDotRuleInKebabCaseAndFoundByCode() {
        for (ViolationCode code : ViolationCode.values()) {
            assertTrue(code.code().matches("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*"),
                    code.code());
            assertEquals(code, ViolationCode.byCode(code.code()).orElseThrow());
        }
        assertEquals(ViolationCode.values().length,
                Arrays.stream(ViolationCode.values()).map(ViolationCode::code).distinct().count());
    }

    @Test
    void everyCodeIsDocumentedAndEveryDocumentedCodeExists() throws IOException {
        List<String> documented = new java.util.ArrayList<>();
        Matcher row = ROW.matcher(Files.readString(PAGE));
        while (row.find()) {
            documented.add(row.group(1));
        }
        List<String> codes = Arrays.stream(ViolationCode.values()).map(ViolationCode::code).toList();

        assertEquals(codes, documented, "docs/violation-codes.md lists the codes of ViolationCode, in its order");
    }

    @Test
    void everyCodeButTheRenderersIsReportedByARuleOfTheDsl() throws IOException {
        String sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.filter(f -> !f.getFileName().toString().equals("ViolationCode.java"))
                    .map(ViolationCodesTest::read).collect(Collectors.joining("\n"));
        }
        TreeSet<String> unused = new TreeSet<>();
        for (ViolationCode code : ViolationCode.values()) {
            boolean renderer = code.code().startsWith("argocd.");
            if (!renderer && !sources.contains("ViolationCode." + code.name())) {
                unused.add(code.name());
            }
        }
        assertEquals(new TreeSet<>(), unused, "codes no rule reports");
    }

    @Test
    void theCodeIsNotPartOfTheMessage() {
        Violation violation = new Violation(ViolationCode.RESOURCES_LIMIT_ZERO, "apps[api].resources.limits", "0",
                "limits must be above 0", "set real limits");

        assertEquals("apps[api].resources.limits: '0': limits must be above 0 (fix: set real limits)", violation.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
