package dev.goldenpath.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sealed-values file kept beside a spec: already sealed ciphertext, safe to commit, one line per environment,
 * secret and key, in Java properties syntax ({@code <environment>.<secret>.<key>=<base64>}).
 *
 * <pre>{@code
 * # sealed with: goldenpath seal --cert production.pem --namespace payments-production --name ledger-db
 * production.ledger-db.password=AgCpbpn5g+UG...
 * staging.ledger-db.password=AgA95d5kOd3t...
 *
 * SealedValues values = SealedValues.load(Path.of("sealed-values.properties"));
 * app.secret(sealed("ledger-db").sealedValues(values).mountAt("/etc/ledger"))
 * }</pre>
 */
public final class SealedValues {

    private final SortedMap<String, String> values;

    private SealedValues(SortedMap<String, String> values) {
        this.values = values;
    }

    public static SealedValues load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sealed values " + file, e);
        }
    }

    public static SealedValues load(InputStream stream, String name) {
        try (Reader reader = new java.io.InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return parse(reader, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sealed values " + name, e);
        }
    }

    public static SealedValues parse(String text) {
        try {
            return parse(new StringReader(text), "text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SealedValues parse(Reader reader, String name) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        SortedMap<String, String> values = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.split("\\.", 3).length != 3) {
                // The line's value may be anything: name only the key.
                throw new IllegalArgumentException(name + ": '" + key + "' is not <environment>.<secret>.<key>");
            }
            values.put(key, properties.getProperty(key).strip());
        }
        return new SealedValues(values);
    }

    /** The entries of one secret: environment to (key to ciphertext). */
    SortedMap<String, SortedMap<String, String>> of(String secret) {
        SortedMap<String, SortedMap<String, String>> entries = new TreeMap<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            String[] parts = value.getKey().split("\\.", 3);
            String secretAndKey = value.getKey().substring(parts[0].length() + 1);
            if (secret != null && secretAndKey.startsWith(secret + ".")) {
                entries.computeIfAbsent(parts[0], e -> new TreeMap<>())
                        .put(secretAndKey.substring(secret.length() + 1), value.getValue());
            }
        }
        return entries;
    }

    @Override
    public String toString() {
        return "SealedValues[" + values.size() + " values]";
    }
}
