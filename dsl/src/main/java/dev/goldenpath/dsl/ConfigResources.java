package dev.goldenpath.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads config file content from the classpath when the spec is built. */
final class ConfigResources {

    private ConfigResources() {
    }

    /**
     * The file with the resource's content; a resource that cannot be found keeps a null content, which the validator
     * reports as a missing value at the file's path.
     */
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
            return new ConfigFile(path, in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8), origin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config resource " + resource, e);
        }
    }
}
