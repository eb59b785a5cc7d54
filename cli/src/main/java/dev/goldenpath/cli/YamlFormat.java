package dev.goldenpath.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@code goldenpath seal}'s YAML: the same conventions as the generators' deterministic YAML (declared
 * property order, sorted map keys, no nulls or empty collections, minimal quoting, no document
 * marker), so a SealedSecret looks the same whichever tool wrote it.
 */
final class YamlFormat {

    static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build())
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    static {
        JsonInclude.Value nonEmpty = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                JsonInclude.Include.NON_NULL);
        MAPPER.configOverride(Map.class).setInclude(nonEmpty);
        MAPPER.configOverride(Collection.class).setInclude(nonEmpty);
    }

    private YamlFormat() {
    }

    static String write(Object object) {
        try {
            return MAPPER.writeValueAsString(object);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write YAML", e);
        }
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
