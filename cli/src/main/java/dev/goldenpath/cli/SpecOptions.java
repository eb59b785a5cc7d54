package dev.goldenpath.cli;

import dev.goldenpath.dsl.Platform;
import dev.goldenpath.dsl.PlatformSpec;
import dev.goldenpath.dsl.SpecException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The options that say which platform specs to load: where their classes are and which to use. */
final class SpecOptions {

    @Option(names = {"-cp", "--classpath"}, paramLabel = "PATH", split = "${sys:path.separator}",
            description = {"Jars and class folders holding the specs and what they use, separated by '${sys:path.separator}' (repeatable; 'DIR/*' means every jar in DIR)."})
    List<String> classpath = new ArrayList<>();

    @Option(names = "--spec", paramLabel = "CLASS",
            description = {"A class implementing dev.goldenpath.dsl.PlatformSpec (repeatable). Default: every spec "
                    + "listed in META-INF/services/dev.goldenpath.dsl.PlatformSpec on the class path."})
    List<String> specs = new ArrayList<>();

    @Option(names = "--platform", paramLabel = "NAME",
            description = "Only the platform with this name, when the specs define several.")
    String platform;

    /**
     * Loads every spec and builds its platform, collecting every invalid spec.
     *
     * @throws UsageError when a class cannot be found or created, or no platform matches {@code --platform}
     */
    Loaded load() {
        URLClassLoader loader = new URLClassLoader("goldenpath-specs", urls(), Goldenpath.class.getClassLoader());
        try (loader) {
            List<PlatformSpec> found;
            try {
                found = PlatformSpec.find(loader, specs);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
            List<Platform> platforms = new ArrayList<>();
            List<SpecException> invalid = new ArrayList<>();
            java.util.Map<String, String> classes = new java.util.TreeMap<>();
            for (PlatformSpec spec : found) {
                try {
                    Platform built = spec.build();
                    platforms.add(built);
                    classes.put(built.name(), spec.getClass().getName());
                } catch (SpecException e) {
                    invalid.add(e);
                    classes.put(e.platform(), spec.getClass().getName());
                } catch (LinkageError e) {
                    throw new UsageError(spec.getClass().getName() + " does not fit this goldenpath (compiled against"
                            + " another goldenpath-dsl version?): " + e);
                } catch (RuntimeException e) {
                    throw new IllegalStateException(spec.getClass().getName() + ".build() failed: " + e, e);
                }
            }
            if (platform != null) {
                platforms.removeIf(p -> !p.name().equals(platform));
                invalid.removeIf(e -> !e.platform().equals(platform));
                if (platforms.isEmpty() && invalid.isEmpty()) {
                    throw new UsageError("no spec defines platform '" + platform + "'");
                }
            }
            return new Loaded(platforms, invalid, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one platform a command works on; several need {@code --platform}. */
    static Platform single(List<Platform> platforms) {
        if (platforms.size() > 1) {
            throw new UsageError("the specs define " + platforms.size() + " platforms ("
                    + String.join(", ", platforms.stream().map(Platform::name).toList()) + "): choose one with --platform");
        }
        return platforms.get(0);
    }

    URL[] urls() {
        List<URL> urls = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String entry : classpath) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                if (entry.endsWith("/*") || entry.endsWith(File.separator + "*")) {
                    Path folder = Path.of(entry.substring(0, entry.length() - 2));
                    if (!Files.isDirectory(folder)) {
                        missing.add(entry);
                        continue;
                    }
                    try (Stream<Path> jars = Files.list(folder)) {
                        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                            urls.add(jar.toUri().toURL());
                        }
                    }
                } else {
                    Path path = Path.of(entry);
                    if (!Files.exists(path)) {
                        missing.add(entry);
                        continue;
                    }
                    urls.add(path.toUri().toURL());
                }
            } catch (MalformedURLException e) {
                missing.add(entry);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageError("no such class path entry: " + String.join(", ", missing));
        }
        return urls.toArray(URL[]::new);
    }

    /**
     * The specs' platforms.
     *
     * @param platforms the valid ones, in spec order
     * @param invalid   one exception per invalid spec, each listing every violation
     * @param classes   the spec class of each platform, by platform name
     */
    record Loaded(List<Platform> platforms, List<SpecException> invalid, java.util.Map<String, String> classes) {
        Loaded {
            platforms = List.copyOf(platforms);
            invalid = List.copyOf(invalid);
            classes = java.util.Map.copyOf(classes);
        }
    }
}
