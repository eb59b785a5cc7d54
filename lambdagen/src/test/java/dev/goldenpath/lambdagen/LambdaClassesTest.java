package dev.goldenpath.lambdagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The rewritten classes answer exactly as javac's call sites linked by the JDK's metafactory do: the same values, the
 * same exceptions, the same sharing of instances, for every kind of lambda and method reference javac writes.
 */
class LambdaClassesTest {

    /** Every form of lambda and method reference, each answer one line (no class names: those differ by design). */
    private static final Map<String, String> SOURCES = Map.of(
            "cases/Cases.java", """
                    package cases;

                    import java.io.*;
                    import java.util.*;
                    import java.util.function.*;
                    import cases.other.Util;

                    public class Cases extends AbstractList<String> {
                        interface Wide { String of(long a, double b, int c); }
                        interface Greeter {
                            String name();
                            default Supplier<String> greeting() { return () -> "hello " + name(); }
                            static Function<String, String> twice() { return s -> s + s; }
                        }
                        record Pair(String left, String right) {
                            Supplier<String> joined() { return () -> left + "+" + right; }
                        }
                        enum Mood {
                            HAPPY { Supplier<String> face() { return () -> ":) " + name(); } };
                            abstract Supplier<String> face();
                        }
                        static final Supplier<String> STATIC = () -> "from a static initializer";

                        private final int base = 40;
                        private final List<String> out = new ArrayList<>();

                        @Override public String get(int index) { return "e" + index; }
                        @Override public int size() { return 3; }
                        @Override public String toString() { return "Cases"; }

                        private int priv() { return base + 2; }
                        private static String privStatic(String s) { return "<" + s + ">"; }
                        int intMethod() { return 7; }

                        class Inner {
                            Supplier<String> outer() { return () -> "inner sees " + base + " " + priv(); }
                        }

                        void say(Object value) { out.add(String.valueOf(value)); }

                        void attempt(String what, Supplier<?> call) {
                            try {
                                say(what + " = " + call.get());
                            } catch (RuntimeException e) {
                                say(what + " threw " + e.getClass().getName());
                            }
                        }

                        @SuppressWarnings({"unchecked", "rawtypes"})
                        public static List<String> run() throws Exception {
                            Cases c = new Cases();
                            c.all();
                            return c.out;
                        }

                        @SuppressWarnings({"unchecked", "rawtypes"})
                        void all() throws Exception {
                            Supplier<String> a = () -> "constant";
                            Supplier<String> b = () -> "constant";
                            say(a.get());
                            say("one instance per site: " + (sameSite() == sameSite()));
                            int local = 5;
                            say("captures make new instances: " + (capture(local) != capture(local)));
                            long l = 1L << 40; double d = 2.5; char ch = 'x'; boolean flag = true; byte by = 3; short sh = 4;
                            float f = 1.5f;
                            Supplier<String> all = () -> l + " " + d + " " + ch + " " + flag + " " + by + " " + sh + " " + f
                                    + " " + local + " " + base;
                            say(all.get());
                            Wide wide = (x, y, z) -> x + "/" + y + "/" + z + "/" + l + "/" + d;
                            say(wide.of(1L << 33, 0.25, -9));
                            Function<String, Integer> parse = Integer::parseInt;
                            say(parse.apply("123") + 1);
                            Function<String, Integer> length = String::length;
                            say(length.apply("four"));
                            StringBuilder sb = new StringBuilder();
                            Consumer<String> append = sb::append;
                            append.accept("dropped ");
                            append.accept("result");
                            say(sb);
                            ToIntFunction<List<String>> size = List::size;
                            say(size.applyAsInt(List.of("a", "b")));
                            Supplier<List<String>> fresh = ArrayList::new;
                            say(fresh.get().isEmpty() + " " + (fresh.get() != fresh.get()));
                            Function<String, StringBuilder> builder = StringBuilder::new;
                            say(builder.apply("built").reverse());
                            IntFunction<int[]> array = int[]::new;
                            say(array.apply(4).length);
                            IntSupplier priv = this::priv;
                            say(priv.getAsInt());
                            UnaryOperator<String> privStatic = Cases::privStatic;
                            say(privStatic.apply("p"));
                            Supplier<String> sup = super::toString;
                            say(sup.get().startsWith("[e0"));
                            BiFunction<String, Object, String> format = String::format;
                            say(format.apply("%s!", "varargs"));
                            LongSupplier widened = this::intMethod;
                            say(widened.getAsLong() + Long.MAX_VALUE / 2);
                            ToDoubleFunction<Integer> toDouble = Integer::intValue;
                            say(toDouble.applyAsDouble(9) / 2);
                            Function<Integer, Long> unboxWiden = Long::valueOf;
                            say(unboxWiden.apply(11) * 3);
                            IntFunction<Object> box = Integer::valueOf;
                            say(box.apply(12).getClass().getSimpleName());
                            Predicate<Character> digit = Character::isDigit;
                            say(digit.test('7') + " " + digit.test('z'));
                            ToLongFunction<Character> charWiden = Cases::code;
                            say(charWiden.applyAsLong('A'));
                            DoubleUnaryOperator half = x -> x / 2;
                            say(half.applyAsDouble(5));
                            IntBinaryOperator max = Math::max;
                            say(max.applyAsInt(3, 8));
                            Comparator<String> byLength = Comparator.comparing(String::length);
                            List<String> words = new ArrayList<>(List.of("ccc", "a", "bb"));
                            words.sort(byLength.thenComparing(Comparator.reverseOrder()));
                            say(words);
                            Greeter greeter = () -> "goldenpath";
                            say(greeter.greeting().get() + " " + Greeter.twice().apply("ab"));
                            say(new Pair("l", "r").joined().get());
                            say(Mood.HAPPY.face().get());
                            say(STATIC.get());
                            say(new Inner().outer().get());
                            Runnable anonymous = new Runnable() {
                                public void run() {
                                    Supplier<String> inside = () -> "anonymous " + base;
                                    say(inside.get());
                                }
                            };
                            anonymous.run();
                            Function<Integer, Supplier<String>> nested = n -> () -> "nested " + (n + local);
                            say(nested.apply(10).get());
                            Function<String, String> shout = Util::shout;
                            say(shout.apply("cross package"));
                            IntConsumer removeRange = i -> removeRange(0, i);
                            attempt("removeRange", () -> { removeRange.accept(1); return "ran"; });
                            BiConsumer<Integer, Integer> removeRangeReference = this::removeRange;
                            attempt("this::removeRange", () -> { removeRangeReference.accept(0, 1); return "ran"; });
                            Function raw = (Function<String, String>) String::toUpperCase;
                            attempt("raw String::toUpperCase on an Integer", () -> raw.apply(42));
                            Function rawLambda = (Function<String, String>) s -> s.trim();
                            attempt("raw lambda on an Integer", () -> rawLambda.apply(42));
                            Function<Integer, Integer> unboxNull = i -> i + 1;
                            attempt("unboxing null", () -> unboxNull.apply(null));
                            attempt("an exception from the body", () -> { throw new IllegalStateException(); });
                            Supplier<String> serial = (Supplier<String> & Serializable) () -> "serializable ran";
                            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                            try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
                                objects.writeObject(serial);
                            }
                            try (ObjectInputStream objects = new ObjectInputStream(
                                    new ByteArrayInputStream(bytes.toByteArray()))) {
                                say(((Supplier<?>) objects.readObject()).get());
                            }
                            say(Util.run(() -> "through the other package"));
                            say(Objects.requireNonNullElseGet(null, () -> "else get"));
                            Optional<String> none = Optional.empty();
                            say(none.map(String::trim).orElseGet(() -> "empty"));
                        }

                        static long code(char c) { return c; }

                        Supplier<String> sameSite() { return () -> "same"; }
                        Supplier<String> capture(int value) { return () -> "v" + value; }
                    }
                    """,
            "cases/other/Util.java", """
                    package cases.other;

                    import java.util.function.Supplier;

                    public class Util {
                        public static String shout(String s) { return s.toUpperCase() + "!"; }
                        public static String run(Supplier<String> s) { return s.get(); }
                    }
                    """);

    @TempDir
    Path work;

    @Test
    void rewrittenClassesAnswerAsTheLinkedCallSites() throws Exception {
        Path plain = compile(work.resolve("plain"));
        Path rewritten = compile(work.resolve("rewritten"));
        LambdaClasses.Result result = rewrite(rewritten, plain);

        List<String> expected = run(plain);
        List<String> actual = run(rewritten);
        assertTrue(expected.size() > 40, expected.toString());
        assertEquals(expected, actual);

        // Every metafactory call site became a class; only the serializable lambda is left to altMetafactory (its
        // site, and the one javac's $deserializeLambda$ links to make it again).
        assertEquals(0, metafactorySites(rewritten, "metafactory"));
        assertEquals(2, metafactorySites(plain, "altMetafactory"));
        assertEquals(2, metafactorySites(rewritten, "altMetafactory"));
        assertTrue(metafactorySites(plain, "metafactory") >= 50);
        assertEquals(metafactorySites(plain, "metafactory"), result.classes());
        assertEquals(2, result.kept());
        assertEquals(result.classes(), lambdaClasses(rewritten).size());
        // A lambda class names its host's source file, so that its frame in a stack trace points there.
        Map<String, byte[]> files = files(rewritten);
        for (String lambda : lambdaClasses(rewritten)) {
            String host = lambda.substring(0, lambda.lastIndexOf(LambdaClasses.SUFFIX));
            assertEquals(sourceFile(files.get(host)), sourceFile(files.get(lambda)), lambda);
        }
        loadAll(rewritten);
    }

    private static String sourceFile(byte[] bytes) {
        String[] source = new String[1];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitSource(String file, String debug) {
                source[0] = file;
            }
        }, ClassReader.SKIP_CODE);
        assertTrue(source[0] != null && source[0].endsWith(".java"), String.valueOf(source[0]));
        return source[0];
    }

    @Test
    void aSecondRunChangesNothingAndARecompiledHostLosesItsOldClasses() throws Exception {
        Path plain = compile(work.resolve("plain"));
        Path classes = compile(work.resolve("classes"));
        LambdaClasses.Result first = rewrite(classes, plain);
        Map<String, byte[]> after = files(classes);

        LambdaClasses.Result second = rewrite(classes, plain);
        assertEquals(0, second.classes());
        assertEquals(0, second.hosts());
        assertEquals(after.keySet(), files(classes).keySet());
        after.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, files(classes).get(name)), name));

        // javac writes the hosts again (an incremental build); the run writes their classes again, none left over:
        // not one the host no longer calls, nor one of a class without lambdas, nor one of a class that is gone.
        List<Path> strays = List.of(classes.resolve("cases/Cases$$Fn$999.class"),
                classes.resolve("cases/other/Util$$Fn$0.class"), classes.resolve("cases/Gone$$Fn$0.class"));
        for (Path stray : strays) {
            Files.write(stray, new byte[] {1});
        }
        compile(classes);
        LambdaClasses.Result third = rewrite(classes, plain);
        assertEquals(first.classes(), third.classes());
        for (Path stray : strays) {
            assertFalse(Files.exists(stray), stray.toString());
        }
        assertEquals(after.keySet(), files(classes).keySet());
        assertEquals(run(plain), run(classes));
    }

    private Path compile(Path output) throws IOException {
        Path sources = work.resolve("src");
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "--release", "17", "-nowarn",
                "-Xlint:none"));
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        Files.createDirectories(output);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, null, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
        return output;
    }

    private static LambdaClasses.Result rewrite(Path classes, Path lookups) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {lookups.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            return LambdaClasses.rewrite(classes, loader);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> run(Path classes) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Method run = loader.loadClass("cases.Cases").getMethod("run");
            return (List<String>) run.invoke(null);
        }
    }

    // Loads and initializes every class (verifying each): a class that runs in no case still has to be valid.
    private static void loadAll(Path classes) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : files(classes).keySet()) {
                Class.forName(name.replace('/', '.'), true, loader);
            }
        }
    }

    private static List<String> lambdaClasses(Path classes) {
        return files(classes).keySet().stream().filter(name -> name.contains(LambdaClasses.SUFFIX)).toList();
    }

    private static Map<String, byte[]> files(Path classes) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                files.put(name.substring(0, name.length() - 6), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static int metafactorySites(Path classes, String bootstrap) {
        int[] count = {0};
        for (byte[] bytes : files(classes).values()) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitInvokeDynamicInsn(String name, String descriptor, Handle handle,
                                Object... arguments) {
                            if (handle.getOwner().equals("java/lang/invoke/LambdaMetafactory")
                                    && handle.getName().equals(bootstrap)) {
                                count[0]++;
                            }
                        }
                    };
                }
            }, 0);
        }
        return count[0];
    }
}
