package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Utf8;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An app's configuration that is not secret: files mounted read-only and variables read from config. Both end up in
 * one immutable ConfigMap per app, each under a key of its own ({@link #entries()}).
 *
 * @param files     files by mount path
 * @param variables environment variables from the app's config
 */
public record Config(List<ConfigFile> files, List<EnvVar> variables) {

    /**
     * The largest YAML document goldenpath writes for one object (the renderer's {@code MAX_OBJECT_BYTES}): under the
     * 1 MiB the API server allows a ConfigMap's keys and values (core/v1 validation, {@code MaxSecretSize}), with room
     * for what the server adds, and small enough for every YAML reader the tree meets (lint, review, Argo CD).
     */
    public static final int MAX_DOCUMENT_BYTES = 900 * 1024;
    /** Room kept in the ConfigMap's document for its names, labels and the owner contact, beyond the app's annotations. */
    public static final int METADATA_RESERVE_BYTES = 8 * 1024;
    /** ConfigMap keys are at most 253 characters (apimachinery {@code IsConfigMapKey}); leave room for a suffix. */
    private static final int MAX_KEY_BASE = 240;

    public Config {
        files = Copies.list(files);
        variables = Copies.list(variables);
    }

    /** Whether the app declares no config at all (then no ConfigMap is rendered). */
    public boolean isEmpty() {
        return files.isEmpty() && variables.isEmpty();
    }

    /**
     * One value of the app's ConfigMap.
     *
     * @param key   its ConfigMap key: letters, digits, '-', '_' and '.', unique in the app
     * @param value the file's content or the variable's value
     * @param name  the file's mount path, or the variable's name
     * @param file  whether it is a file (else a variable)
     */
    public record Entry(String key, String value, String name, boolean file) {
    }

    /**
     * Every file, then every variable, under its ConfigMap key. A file's key is its file name (characters a key may not
     * hold become '_'); files that share a name in different folders, and a variable whose name a file already uses,
     * get a suffix derived from their path or name, so keys never depend on the order of declaration.
     */
    public List<Entry> entries() {
        Map<String, Integer> names = new HashMap<>();
        for (ConfigFile file : files) {
            names.merge(keyBase(fileName(file.path())), 1, Integer::sum);
        }
        Set<String> fileKeys = new HashSet<>();
        files.forEach(f -> fileKeys.add(keyBase(fileName(f.path()))));
        Set<String> taken = new HashSet<>();
        List<Entry> entries = new ArrayList<>(files.size() + variables.size());
        for (ConfigFile file : files) {
            String base = keyBase(fileName(file.path()));
            String key = names.get(base) > 1 ? base + "-" + shortHash("file " + file.path()) : base;
            entries.add(new Entry(unique(key, taken), file.content(), file.path(), true));
        }
        for (EnvVar variable : variables) {
            String base = keyBase(variable.name());
            String key = fileKeys.contains(base) ? base + "-" + shortHash("variable " + variable.name()) : base;
            entries.add(new Entry(unique(key, taken), variable.value(), variable.name(), false));
        }
        return List.copyOf(entries);
    }

    /** The size of the app's ConfigMap as the API server counts it: UTF-8 bytes of every key and value. */
    public long bytes() {
        long bytes = 0;
        for (Entry entry : entries()) {
            bytes += Utf8.length(entry.key()) + Utf8.length(entry.value());
        }
        return bytes;
    }

    /**
     * At least the bytes the ConfigMap's {@code data} takes in the rendered YAML, whichever style the writer picks for a
     * value: each key and value in UTF-8, 4 bytes per line break (the indentation of a literal block, or the escape of
     * a double-quoted string), 1 per tab, carriage return, quote or backslash (escaped when the writer quotes), 5 per
     * byte order mark (written as an escape), and 16 per entry for the key's line.
     */
    public long encodedBytes() {
        long bytes = 0;
        for (Entry entry : entries()) {
            bytes += encodedBytes(entry.key(), entry.value());
        }
        return bytes;
    }

    /** The estimate of {@link #encodedBytes()} for one key and value of a YAML mapping (data, or annotations). */
    static long encodedBytes(String key, String value) {
        long bytes = 16 + Utf8.length(key) + Utf8.length(value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            bytes += c == '\n' ? 4 : c == '\t' || c == '\r' || c == '"' || c == '\\' ? 1 : c == '\uFEFF' ? 5 : 0;
        }
        return bytes;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A valid ConfigMap key from a name: {@code [-._a-zA-Z0-9]+}, never '.', '..' or starting with '..'. */
    private static String keyBase(String name) {
        StringBuilder key = new StringBuilder(Math.min(name.length(), MAX_KEY_BASE));
        for (int i = 0; i < name.length() && key.length() < MAX_KEY_BASE; i++) {
            char c = name.charAt(i);
            key.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') ? c : '_');
        }
        String text = key.toString();
        // The kubelet's atomic writer keeps its own entries ("..data", "..2024_...") next to the keys.
        return text.isEmpty() ? "file" : text.equals(".") || text.startsWith("..") ? "_" + text : text;
    }

    private static String unique(String key, Set<String> taken) {
        String candidate = key;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = key + "-" + i;
        }
        return candidate;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
