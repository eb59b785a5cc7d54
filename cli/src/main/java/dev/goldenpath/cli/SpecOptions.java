package dev.goldenpath.cli;

import dev.goldenpath.pipeline.Pipeline;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The options that say which platform specs to load: where their classes are and which to use. */
final class SpecOptions {

    final List<String> classpath = new ArrayList<>();
    final List<String> specs = new ArrayList<>();
    String platform;

    void declare(Syntax syntax) {
        syntax.list("-cp, --classpath", "PATH", Syntax.pathSeparator(), "Jars and class folders holding the specs and "
                + "what they use, separated by '" + Syntax.pathSeparator() + "' (repeatable; 'DIR/*' means every jar in DIR).",
                classpath::add);
        syntax.repeatable("--spec", "CLASS", "A class implementing dev.goldenpath.dsl.PlatformSpec (repeatable). Default: "
                + "every spec listed in META-INF/services/dev.goldenpath.dsl.PlatformSpec on the class path.", specs::add);
        syntax.option("--platform", "NAME", "Only the platform with this name, when the specs define several.",
                value -> platform = value);
    }

    /** The library pipeline, configured with these options; render-time variables come from the console. */
    Pipeline pipeline(Console console) {
        return Pipeline.classPath(List.of(urls()), Goldenpath.class.getClassLoader())
                .specs(specs)
                .platform(platform)
                .environmentVariables(name -> console.env().get(name));
    }

    /** Whether a class path entry is {@code DIR/*}: every jar in DIR. */
    static boolean isJarFolder(String entry) {
        return entry.endsWith("/*") || entry.endsWith(File.separator + "*");
    }

    /** The folder of a {@code DIR/*} entry. */
    static Path jarFolder(String entry) {
        return Path.of(entry.substring(0, entry.length() - 2));
    }

    URL[] urls() {
        List<URL> urls = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String entry : classpath) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                if (isJarFolder(entry)) {
                    Path folder = jarFolder(entry);
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
}
