package dev.goldenpath.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads config file content from the classpath when the spec is built, with the class loader of the calling thread
 * (the one that sees the spec's own resources in a Maven plugin or a test). Nothing is thrown for a resource that is
 * missing or not text: the file records what happened and {@code build()} reports it next to every other problem.
 */
final class ConfigResources {

    private ConfigResources() {
    }

    static ConfigFile read(String path, String resource) {
        String origin = "classpath:" + resource;
        if (resource == null) {
            return new ConfigFile(path, null, origin);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ConfigResources.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(resource.startsWith("/") ? resource.substring(1) : resource)) {
            if (in == null) {
                return new ConfigFile(path, "", origin, ConfigFile.Reading.RESOURCE_NOT_FOUND);
            }
            byte[] bytes = in.readAllBytes();
            try {
                // Strict decoding: a malformed byte is a binary file, not text to be silently replaced by U+FFFD.
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                return new ConfigFile(path, text, origin);
            } catch (CharacterCodingException e) {
                return new ConfigFile(path, "", origin, ConfigFile.Reading.NOT_UTF8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config resource " + resource, e);
        }
    }
}
