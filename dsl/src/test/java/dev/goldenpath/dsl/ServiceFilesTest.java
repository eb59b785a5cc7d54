package dev.goldenpath.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A services file that names a class that is not there: the message names the file, the line and the fix. */
class ServiceFilesTest {

    @TempDir
    Path tmp;

    private URLClassLoader project(String servicesFile) throws Exception {
        Path src = tmp.resolve("src/com/example/shop/ShopPlatform.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package com.example.shop;
                public final class ShopPlatform implements dev.goldenpath.dsl.PlatformSpec {
                    public dev.goldenpath.dsl.Platform build() {
                        throw new UnsupportedOperationException();
                    }
                }
                """);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, status);
        Path services = classes.resolve(ServiceFiles.RESOURCE);
        Files.createDirectories(services.getParent());
        Files.writeString(services, servicesFile);
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void aMisspelledClassIsReportedWithItsFileLineAndTheClassMeant() throws Exception {
        try (URLClassLoader loader = project("# the shop\ncom.example.shop.ShopPlatfrom\n")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlatformSpec.find(loader, List.of()));

            assertTrue(e.getMessage().endsWith(ServiceFiles.RESOURCE + " line 2: com.example.shop.ShopPlatfrom is not on "
                    + "the class path (did you mean com.example.shop.ShopPlatform?)"), e.getMessage());
            assertTrue(e.getMessage().startsWith("file:" + tmp.toRealPath()) || e.getMessage().startsWith("file:" + tmp),
                    e.getMessage());
        }
    }

    @Test
    void aClassInAnotherPackageIsFoundByItsSimpleName() throws Exception {
        try (URLClassLoader loader = project("com.example.ShopPlatform\n")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlatformSpec.find(loader, List.of()));

            assertTrue(e.getMessage().contains("(did you mean com.example.shop.ShopPlatform?)"), e.getMessage());
        }
    }

    @Test
    void aNameLikeNothingThereSaysHowToFixIt() throws Exception {
        try (URLClassLoader loader = project("org.other.Unrelated\n")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlatformSpec.find(loader, List.of()));

            assertTrue(e.getMessage().endsWith("org.other.Unrelated is not on the class path (fix the name, or compile the class)"),
                    e.getMessage());
        }
    }
}
