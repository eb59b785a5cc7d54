package dev.goldenpath.gitops;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Plaintext secrets in Kubernetes manifests (YAML or JSON), found from the structure {@link YamlMappings}
 * reads, without a Kubernetes model:
 * <ul>
 * <li>an object of {@code kind: Secret} whose {@code data} or {@code stringData} holds values;</li>
 * <li>a {@code name}/{@code value} pair (a container's {@code env} entry, or any object of that shape,
 *     such as an Argo CD Helm parameter) whose name looks secret ({@link SecretNames}) and whose value
 *     is a non-empty literal. A value that only references other variables ({@code $(DB_PASSWORD)}) and
 *     {@code valueFrom} pass.</li>
 * </ul>
 */
final class ManifestSecrets {

    // Kubernetes expands $(VAR) in env values; a value made only of references holds no secret itself.
    private static final Pattern REFERENCES_ONLY = Pattern.compile("(\\$\\([^()$\\s]+\\))+");

    private ManifestSecrets() {
    }

    static void scan(String path, String text, List<SecretFinding> findings) {
        for (YamlMappings.Document document : YamlMappings.read(text)) {
            for (YamlMappings.Mapping mapping : document.mappings) {
                Map<String, YamlMappings.Entry> entries = document.effective(mapping);
                secretObject(path, document, entries, findings);
                secretEnvValue(path, document, entries, findings);
            }
        }
    }

    private static void secretObject(String path, YamlMappings.Document document,
                                     Map<String, YamlMappings.Entry> entries, List<SecretFinding> findings) {
        YamlMappings.Entry kind = entries.get("kind");
        if (kind == null || !document.resolve(kind.value()).text().equals("Secret")) {
            return;
        }
        for (String field : List.of("data", "stringData")) {
            YamlMappings.Entry entry = entries.get(field);
            if (entry != null && holdsValues(document.resolve(entry.value()))) {
                add(findings, new SecretFinding(path, entry.line(), "plaintext Secret with " + field + " (kind: Secret)"));
            }
        }
    }

    private static boolean holdsValues(YamlMappings.Value value) {
        return switch (value.kind()) {
            case COLLECTION -> !value.empty();
            case SCALAR -> !value.isNull();
            case NONE -> false;
            case ALIAS, BLOCK_SCALAR -> true;
        };
    }

    private static void secretEnvValue(String path, YamlMappings.Document document,
                                       Map<String, YamlMappings.Entry> entries, List<SecretFinding> findings) {
        YamlMappings.Entry name = entries.get("name");
        YamlMappings.Entry value = entries.get("value");
        if (name == null || value == null) {
            return;
        }
        YamlMappings.Value nameValue = document.resolve(name.value());
        if (nameValue.kind() != YamlMappings.Value.Kind.SCALAR || !SecretNames.looksSecret(nameValue.text())) {
            return;
        }
        YamlMappings.Value literal = document.resolve(value.value());
        boolean holdsLiteral = switch (literal.kind()) {
            case SCALAR -> !literal.isNull() && !literal.text().isEmpty() && !REFERENCES_ONLY.matcher(literal.text()).matches();
            // An alias to an unknown anchor, or a block scalar: a literal written somewhere in this file.
            case ALIAS, BLOCK_SCALAR -> true;
            case COLLECTION, NONE -> false;
        };
        if (holdsLiteral) {
            add(findings, new SecretFinding(path, value.line(), "plaintext value of secret-looking name '"
                    + printable(nameValue.text()) + "' (use valueFrom.secretKeyRef and a SealedSecret)"));
        }
    }

    private static void add(List<SecretFinding> findings, SecretFinding finding) {
        if (!findings.contains(finding)) {
            findings.add(finding);
        }
    }

    // The name goes into a message: keep it to one short printable line.
    private static String printable(String name) {
        String clean = name.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
