package dev.goldenpath.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A user's project in a test: spec sources compiled into a folder of its own, outside the test class path. */
final class UserProject {

    private UserProject() {
    }

    /** Compiles {@code sources} (class name to source) into {@code classes} and returns the folder. */
    static Path compile(Path classes, Map<String, String> sources) {
        try {
            Path src = Files.createDirectories(classes.resolveSibling(classes.getFileName() + "-src"));
            List<String> files = new java.util.ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file.toString());
            }
            Files.createDirectories(classes);
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path"), "--release", "17"));
            args.addAll(files);
            StringWriter output = new StringWriter();
            int status = compiler.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    output.write(b);
                }
            }), args.toArray(String[]::new));
            if (status != 0) {
                throw new AssertionError("the test spec does not compile:\n" + output);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spec class {@code com.example.<name>} whose platform has the apps given as DSL chains. */
    static String spec(String className, String platformName, String... apps) {
        StringBuilder text = new StringBuilder("""
                package com.example;

                import static dev.goldenpath.dsl.GoldenPath.*;

                import dev.goldenpath.dsl.Platform;
                import dev.goldenpath.dsl.PlatformSpec;

                public final class %s implements PlatformSpec {
                    @Override
                    public Platform build() {
                        return platform("%s")
                            .gitRepository("https://git.example.com/shop/gitops.git")
                            .environment(environment("production").apiServer(6443, "10.20.0.10/32").cluster("https://kubernetes.default.svc"))
                            .team(team("shop").owner("shop@example.com"))
                """.formatted(className, platformName));
        for (String app : apps) {
            text.append("            .app(").append(app).append(")\n");
        }
        return text.append("            .build();\n    }\n}\n").toString();
    }
}
