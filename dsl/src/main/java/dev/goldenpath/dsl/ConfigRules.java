package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Utf8;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An app's config files and config variables: each file at its own absolute path, clear of every other mount, readable
 * text without anything that looks like a credential (private keys, tokens, literal passwords: those belong in
 * {@code sealed(..)}), and all of it within what one ConfigMap may hold. Content is never echoed: a violation shows
 * where the file came from, its size and the line, not the text.
 */
record ConfigRules(Platform platform, Problems problems) {

    private static final String REDACTED = "<redacted>";
    private static final String SEALED_HINT = "keep secrets out of config files: put the value into a secret, "
            + ".secret(sealed(\"<name>\").fromEnvironment(\"<key>\", \"<VARIABLE>\").mountAt(\"/etc/<app>/secrets\")) "
            + "or .env(\"<VARIABLE>\", \"<key>\"), and have the file refer to it (e.g. ${<VARIABLE>})";

    void app(App app, FieldPath path) {
        Config config = app.config();
        List<MountPaths.Mount> folders = MountPaths.folders(app, path);
        Set<String> paths = new HashSet<>();
        for (ConfigFile file : config.files()) {
            FieldPath filePath = path.field("configFile").key(file.path());
            location(file, filePath, folders, config.files(), paths);
            content(file, filePath);
        }
        variables(app, path);
        long annotations = app.metadata().annotations().entrySet().stream()
                .mapToLong(a -> Config.encodedBytes(a.getKey(), a.getValue())).sum();
        long encoded = config.encodedBytes() + annotations + Config.METADATA_RESERVE_BYTES;
        if (!config.isEmpty() && encoded > Config.MAX_DOCUMENT_BYTES) {
            problems.add(ViolationCode.CONFIG_TOO_LARGE, path.field("configFile"), config.bytes() + " bytes",
                    "the app's ConfigMap would take up to " + encoded + " bytes as YAML (its keys and values: "
                            + config.bytes() + " bytes as the API server counts them; with the YAML's indentation and"
                            + " escapes, the app's annotations and " + Config.METADATA_RESERVE_BYTES + " bytes of"
                            + " metadata), more than the " + Config.MAX_DOCUMENT_BYTES + " bytes goldenpath writes per"
                            + " object (under the API server's 1 MiB for a ConfigMap)",
                    "ship large or generated files in the image, or keep the app's configuration smaller");
        }
    }

    /** Mounted with subPath at exactly its path: a normalized absolute file path, clear of every other mount. */
    private void location(ConfigFile file, FieldPath filePath, List<MountPaths.Mount> folders, List<ConfigFile> files,
                          Set<String> seen) {
        String p = file.path();
        if (!MountPaths.normalizedAbsolute(p)) {
            problems.add(ViolationCode.CONFIG_PATH_INVALID, filePath, p,
                    "a config file's path must be an absolute, normalized file path other than '/'",
                    "use e.g. '/etc/app/config.yaml'");
            return;
        }
        if (!seen.add(p)) {
            problems.add(ViolationCode.CONFIG_PATH_DUPLICATE, filePath, p, "two config files have the same path",
                    "declare the file once");
            return;
        }
        for (MountPaths.Mount folder : folders) {
            if (MountPaths.clash(p, folder.path())) {
                problems.add(ViolationCode.CONFIG_PATH_CLASH, filePath, p,
                        "the file would be mounted " + (p.equals(folder.path()) ? "at" : p.startsWith(folder.path() + "/")
                                ? "inside" : "over") + " " + folder.what() + " (" + folder.declared() + ")",
                        "mount the file outside " + folder.path() + ", or move the folder");
            }
        }
        for (ConfigFile other : files) {
            if (p.startsWith(other.path() + "/")) {
                problems.add(ViolationCode.CONFIG_PATH_CLASH, filePath, p,
                        "the path lies inside " + other.path() + ", which is another config file",
                        "put the files side by side, e.g. in one folder");
            }
        }
    }

    private void content(ConfigFile file, FieldPath filePath) {
        String resource = file.origin().startsWith("classpath:") ? file.origin().substring("classpath:".length()) : "";
        switch (file.reading()) {
            case RESOURCE_NOT_FOUND -> {
                problems.add(ViolationCode.CONFIG_RESOURCE_NOT_FOUND, filePath.field("resource"), resource,
                        "no resource '" + resource + "' on the class path of the thread that built the spec",
                        "name it from the class path root (src/main/resources/config/app.yaml is 'config/app.yaml') and"
                                + " check that it is packaged with the spec");
                return;
            }
            case NOT_UTF8 -> {
                problems.add(ViolationCode.CONFIG_NOT_TEXT, filePath.field("content"), file.origin(),
                        "the resource is not UTF-8 text; config files are text (a ConfigMap's data)",
                        "convert the file to UTF-8, or ship binary files in the image");
                return;
            }
            case TEXT -> {
                // read below
            }
        }
        FieldPath content = filePath.field("content");
        String shown = described(file);
        notText(file.content()).ifPresent(found -> {
            if (found.bidi()) {
                problems.add(ViolationCode.TEXT_BIDI_OVERRIDE, content, shown, "line " + found.line() + " holds the"
                        + " bidirectional-override character " + found.character() + ", which makes the file read"
                        + " differently from what it is", "retype the line without invisible formatting characters");
            } else {
                problems.add(ViolationCode.CONFIG_NOT_TEXT, content, shown, "line " + found.line() + " holds "
                        + found.character() + "; config files are text, with tabs and line breaks only (other control"
                        + " characters would not survive the YAML round trip)",
                        "remove the character, or ship binary files in the image");
            }
        });
        Optional<Credentials.Finding> credential = Credentials.credential(file.content());
        credential.ifPresent(found -> problems.add(ViolationCode.SECRET_PLAINTEXT_CREDENTIAL, content, REDACTED,
                "line " + found.line() + " of " + shown + " holds what looks like " + found.description()
                        + ", which would be rendered in plaintext into a ConfigMap and the git repository",
                SEALED_HINT));
        if (credential.isEmpty()) {
            Credentials.secretAssignment(file.content()).ifPresent(found -> problems.add(
                    ViolationCode.CONFIG_SECRET_ASSIGNMENT, content, REDACTED,
                    "line " + found.line() + " of " + shown + " sets " + found.description()
                            + ", which would be rendered in plaintext into a ConfigMap and the git repository",
                    SEALED_HINT));
        }
    }

    /** The configEnv variables: names as env names are, each set once among all of the app's variables. */
    private void variables(App app, FieldPath path) {
        Set<String> names = new HashSet<>();
        app.container().env().forEach(v -> names.add(v.name()));
        app.secrets().forEach(s -> s.env().forEach(v -> names.add(v.variable())));
        SecretValueRules values = new SecretValueRules(platform, problems);
        for (EnvVar variable : app.config().variables()) {
            FieldPath variablePath = path.field("configEnv").key(variable.name());
            if (!Names.ENV_VAR_NAME.matcher(variable.name()).matches()) {
                problems.add(ViolationCode.ENV_NAME_INVALID, variablePath, variable.name(),
                        "an environment variable name may hold letters, digits, '_', '-' and '.', not starting with a digit",
                        "use e.g. LOG_LEVEL");
            } else if (!names.add(variable.name())) {
                problems.add(ViolationCode.ENV_DUPLICATE, variablePath, variable.name(),
                        "the variable is set twice (by .env, a secret's .env or .configEnv)", "set it once");
            }
            values.variable(variablePath.field("value"), variable);
        }
    }

    /** A character a config file must not hold, on its line: {@code U+0000}, or a lone surrogate. */
    private record Odd(int line, String character, boolean bidi) {
    }

    /**
     * The first character that is not text: a control character other than tab and line breaks (U+0085, U+2028 and
     * U+2029 included: YAML reads them as line breaks), a bidirectional override, or a lone surrogate.
     */
    private static Optional<Odd> notText(String text) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\t' || c == '\r') {
                continue;
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of(new Odd(line, "the control character " + code(c), false));
            } else if (TextRules.bidiControl(c)) {
                return Optional.of(new Odd(line, code(c), true));
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(new Odd(line, "a lone UTF-16 surrogate (" + code(c) + "), which is no character", false));
            }
        }
        return Optional.empty();
    }

    /** {@code U+0007}: named only once a character is found, never for each character read. */
    private static String code(char c) {
        return "U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c);
    }

    /** What the violation shows instead of the content: where it came from and how large it is. */
    private static String described(ConfigFile file) {
        return (file.origin().equals("text") ? "the text" : file.origin()) + " (" + Utf8.length(file.content())
                + " bytes)";
    }
}
