package dev.goldenpath.dsl;

import dev.goldenpath.vocabulary.Levenshtein;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Explains a broken {@code META-INF/services/dev.goldenpath.dsl.PlatformSpec}: which file, which line, which class
 * is missing, and the class of that name (or spelling) that does exist next to it. The JDK's own message
 * ({@code Provider X not found}) names neither the file nor a fix.
 */
final class ServiceFiles {

    static final String RESOURCE = "META-INF/services/" + PlatformSpec.class.getName();

    private ServiceFiles() {
    }

    /** One line per class named in a services file that the loader cannot load; empty when all load. */
    static List<String> problems(ClassLoader loader) {
        List<String> problems = new ArrayList<>();
        try {
            for (URL file : Collections.list(loader.getResources(RESOURCE))) {
                List<String> lines;
                try (InputStream in = file.openStream()) {
                    lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                }
                for (int i = 0; i < lines.size(); i++) {
                    // The ServiceLoader format: '#' starts a comment, blanks are ignored.
                    String name = lines.get(i).replaceAll("#.*", "").strip();
                    if (name.isEmpty() || loads(loader, name)) {
                        continue;
                    }
                    String suggestion = closest(name, classesBeside(file));
                    problems.add(file + " line " + (i + 1) + ": " + name + " is not on the class path"
                            + (suggestion == null ? " (fix the name, or compile the class)" : " (did you mean " + suggestion + "?)"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static boolean loads(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The classes of the folder or jar the services file is in. */
    static List<String> classesBeside(URL file) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (file.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) file.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                        .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
            }
        } else if (file.getProtocol().equals("file")) {
            Path root;
            try {
                root = Path.of(file.toURI()).getParent().getParent().getParent();
            } catch (URISyntaxException e) {
                return List.of();
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.map(p -> root.relativize(p).toString().replace('\\', '/'))
                        .filter(n -> n.endsWith(".class") && !n.contains("$"))
                        .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
            }
        }
        return List.copyOf(names);
    }

    /** The class with the same simple name, else the one within a few typos; null when none is close. */
    static String closest(String name, List<String> candidates) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (candidate.substring(candidate.lastIndexOf('.') + 1).equals(simple)) {
                return candidate;
            }
            int distance = Levenshtein.distance(name, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 6) ? best : null;
    }
}
