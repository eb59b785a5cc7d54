package dev.goldenpath.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.goldenpath.generators.yaml.Yaml;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code goldenpath seal}'s YAML. It writes with the generators' {@link Yaml} (declared property order, sorted map
 * keys, no nulls or empty collections, minimal quoting, no document marker), so a SealedSecret is the same bytes
 * whichever tool wrote it; it reads leniently, since a Secret or a previous SealedSecret may come from
 * {@code kubectl get -o yaml} with fields the models do not declare.
 */
final class YamlFormat {

    private static final ObjectMapper MAPPER = new YAMLMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private YamlFormat() {
    }

    static String write(Object object) {
        return new String(Yaml.write(object), StandardCharsets.UTF_8);
    }

    static <T> T read(String yaml, Class<T> type) throws IOException {
        return MAPPER.readValue(yaml, type);
    }

    /**
     * Exactly one Secret document. Parse errors name the line only: Jackson's own messages quote the
     * input, which here is plaintext.
     */
    static Secret readSecret(String yaml) {
        List<Secret> documents = new ArrayList<>();
        try (MappingIterator<Secret> iterator = MAPPER.readerFor(Secret.class).readValues(yaml)) {
            while (iterator.hasNextValue()) {
                Secret secret = iterator.nextValue();
                if (secret != null) {
                    documents.add(secret);
                }
            }
        } catch (IOException | RuntimeException e) {
            JsonLocation location = e instanceof JsonProcessingException parse ? parse.getLocation() : null;
            throw new IllegalArgumentException("standard input is not a Secret in YAML or JSON"
                    + (location == null ? "" : " (problem at line " + location.getLineNr() + ")"));
        }
        if (documents.size() != 1) {
            throw new IllegalArgumentException("standard input must hold exactly one Secret, found "
                    + documents.size() + " documents");
        }
        return documents.get(0);
    }
}
