package dev.goldenpath.lambdagen;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A build tool, not a library: writes each lambda and method reference of a folder of compiled classes as a class of
 * its own, the way the JDK's {@code LambdaMetafactory} would spin it at run time, and has the code make an instance of
 * that class instead of linking an {@code invokedynamic} call site.
 *
 * <p>Why: on JDK 17 each call site is linked on its first use, through method handles, at about a tenth of a
 * millisecond each (even when the class-data sharing archive holds the spun class). A small render links about 580 of
 * them: a fifth of the main thread's time, and a sixth of what the compiler thread compiles is that linking code
 * (docs/benchmarks.md). A class of the jar is loaded from the archive in a few microseconds. JDK 24 and later keep
 * linked call sites in their ahead-of-time cache, which the launcher uses there; this serves the JDKs before.
 *
 * <p>What it writes for a call site {@code invokedynamic name(captured...)Interface} bootstrapped by
 * {@code LambdaMetafactory.metafactory(samType, implementation, instantiatedType)} in class {@code Host}:
 * <ul>
 *   <li>a final synthetic class {@code Host$$Fn$N} implementing {@code Interface}, in the host's nest (so that it may
 *   call the host's private {@code lambda$...} methods, as the JDK's hidden class does), with a final field per
 *   captured value, and the interface method, which passes the captured values and its arguments to the
 *   implementation with the metafactory's conversions (casts to the instantiated types, boxing, unboxing,
 *   widening);</li>
 *   <li>a static factory, {@code lambda$instance(captured...)Interface}: a new instance per call when something is
 *   captured, else one shared instance (as the metafactory gives);</li>
 *   <li>in the host, {@code invokestatic Host$$Fn$N.lambda$instance} in place of the {@code invokedynamic}: the same
 *   operands in, the same value out.</li>
 * </ul>
 * Call sites it cannot write exactly as the metafactory would are left as they are:
 * {@code altMetafactory} (serializable lambdas, marker interfaces, bridges), an implementation that is protected in
 * another package or reached through {@code invokespecial}, or one in another package that is not public. The host's
 * nest host gains the new classes as nest members. A folder processed before is left as it is (its call sites are
 * gone); a host compiled again has its earlier classes replaced.
 *
 * <p>Usage: {@code LambdaClasses FOLDER...} (the build runs it over each module's {@code target/classes}); class
 * names outside the folder (implementations in other packages) are looked up with the thread's context class loader.
 */
public final class LambdaClasses {

    static final String SUFFIX = "$$Fn$";
    static final String FACTORY = "lambda$instance";
    private static final String METAFACTORY_OWNER = "java/lang/invoke/LambdaMetafactory";
    private static final byte[] METAFACTORY_BYTES = METAFACTORY_OWNER.getBytes(StandardCharsets.UTF_8);

    private final Path folder;
    private final ClassLoader loader;
    /** Class files of the folder by internal name, as read. */
    private final Map<String, byte[]> classes = new TreeMap<>();
    /** What this run writes: new lambda classes, and rewritten hosts and nest hosts. */
    private final Map<String, byte[]> written = new LinkedHashMap<>();
    /** New nest members, by nest host. */
    private final Map<String, List<String>> members = new TreeMap<>();
    private final Map<String, HostFacts> facts = new HashMap<>();
    private int sites;
    private int kept;

    private LambdaClasses(Path folder, ClassLoader loader) {
        this.folder = folder;
        this.loader = loader;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: LambdaClasses FOLDER...");
            System.exit(2);
        }
        for (String arg : args) {
            Result result = rewrite(Path.of(arg), Thread.currentThread().getContextClassLoader());
            System.out.println("lambdagen: " + result.classes() + " lambda classes written in " + result.hosts()
                    + " classes; " + result.kept() + " call sites left to the metafactory");
        }
    }

    /** What a run did: lambda classes written, host classes rewritten, call sites left as they were. */
    public record Result(int classes, int hosts, int kept) {
    }

    /** Rewrites the folder's classes in place. */
    public static Result rewrite(Path folder, ClassLoader loader) throws IOException {
        LambdaClasses run = new LambdaClasses(folder, loader);
        run.read();
        return run.run();
    }

    private void read() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                classes.put(relative.substring(0, relative.length() - ".class".length()), Files.readAllBytes(file));
            }
        }
    }

    private Result run() throws IOException {
        removeOrphans();
        int hosts = 0;
        for (Map.Entry<String, byte[]> entry : new ArrayList<>(classes.entrySet())) {
            String name = entry.getKey();
            if (name.contains(SUFFIX) || !mentions(entry.getValue(), METAFACTORY_BYTES)) {
                continue;
            }
            if (rewriteHost(name, entry.getValue())) {
                hosts++;
            }
        }
        for (Map.Entry<String, List<String>> nest : members.entrySet()) {
            String host = nest.getKey();
            byte[] bytes = written.getOrDefault(host, classes.get(host));
            ClassWriter out = new ClassWriter(0);
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, out) {
                @Override
                public void visitEnd() {
                    nest.getValue().forEach(member -> super.visitNestMember(member));
                    super.visitEnd();
                }
            }, 0);
            written.put(host, out.toByteArray());
        }
        for (Map.Entry<String, byte[]> entry : written.entrySet()) {
            Path file = folder.resolve(entry.getKey() + ".class");
            Files.write(file, entry.getValue());
        }
        return new Result(sites, hosts, kept);
    }

    /**
     * Lambda classes of an earlier run that their host no longer calls: the host was compiled again (and is rewritten
     * again below, or has no lambdas any more), or is gone. Removed, so that no stale class reaches the jar.
     */
    private void removeOrphans() throws IOException {
        for (String name : new ArrayList<>(classes.keySet())) {
            int suffix = name.lastIndexOf(SUFFIX);
            if (suffix < 0) {
                continue;
            }
            byte[] host = classes.get(name.substring(0, suffix));
            if (host == null || !mentions(host, utf8Entry(name))) {
                Files.deleteIfExists(folder.resolve(name + ".class"));
                classes.remove(name);
            }
        }
    }

    // The name as the constant pool holds it: its length in two bytes, then its bytes (a name is never a prefix match).
    private static byte[] utf8Entry(String name) {
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        byte[] entry = new byte[text.length + 2];
        entry[0] = (byte) (text.length >> 8);
        entry[1] = (byte) text.length;
        System.arraycopy(text, 0, entry, 2, text.length);
        return entry;
    }

    private boolean rewriteHost(String host, byte[] bytes) throws IOException {
        HostFacts facts = facts(host);
        String nestHost = facts.nestHost() != null ? facts.nestHost() : host;
        if (!nestHost.equals(host) && !classes.containsKey(nestHost)) {
            return false; // its nest host is not here to take new members: leave the host as it is
        }
        List<String> made = new ArrayList<>();
        ClassWriter out = new ClassWriter(0);
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, out) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                            Object... arguments) {
                        String lambda = host + SUFFIX + made.size();
                        byte[] generated = isMetafactory(bootstrap) && arguments.length == 3
                                ? LambdaClass.write(lambda, nestHost, facts, name, descriptor, (Type) arguments[0],
                                        (Handle) arguments[1], (Type) arguments[2], LambdaClasses.this::accessible)
                                : null;
                        if (generated == null) {
                            if (isMetafactory(bootstrap) || isAltMetafactory(bootstrap)) {
                                kept++;
                            }
                            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
                            return;
                        }
                        made.add(lambda);
                        written.put(lambda, generated);
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, lambda, FACTORY, descriptor, false);
                    }
                };
            }
        }, 0);
        if (made.isEmpty()) {
            return false;
        }
        sites += made.size();
        written.put(host, out.toByteArray());
        members.computeIfAbsent(nestHost, k -> new ArrayList<>()).addAll(made);
        return true;
    }

    private static boolean isMetafactory(Handle bootstrap) {
        return bootstrap.getOwner().equals(METAFACTORY_OWNER) && bootstrap.getName().equals("metafactory");
    }

    private static boolean isAltMetafactory(Handle bootstrap) {
        return bootstrap.getOwner().equals(METAFACTORY_OWNER) && bootstrap.getName().equals("altMetafactory");
    }

    /**
     * Whether a class in the host's package may call the implementation directly, as the metafactory's class does
     * (it falls back to a method handle for a protected member of another package, and so does this: the call site
     * stays). A method the owner declares: anything in the host's package (a private one only in the same nest, which
     * javac guarantees for what it references), else a public method of a public class. A method the owner inherits,
     * or one of a class outside the folder: only if public, found through the class loader.
     */
    boolean accessible(String host, Handle implementation) {
        String owner = implementation.getOwner();
        HostFacts declared = facts(owner);
        if (declared != null) {
            int access = declared.methodAccess(implementation.getName(), implementation.getDesc());
            if (access >= 0) {
                return packageOf(owner).equals(packageOf(host))
                        || declared.isPublic() && (access & Opcodes.ACC_PUBLIC) != 0;
            }
        }
        try {
            Class<?> type = Class.forName(owner.replace('/', '.'), false, loader);
            if (!Modifier.isPublic(type.getModifiers()) && !packageOf(owner).equals(packageOf(host))) {
                return false;
            }
            if (implementation.getName().equals("<init>")) {
                for (Constructor<?> constructor : type.getConstructors()) {
                    if (Type.getConstructorDescriptor(constructor).equals(implementation.getDesc())) {
                        return true;
                    }
                }
                return false;
            }
            for (Method method : type.getMethods()) {
                if (method.getName().equals(implementation.getName())
                        && Type.getMethodDescriptor(method).equals(implementation.getDesc())) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private HostFacts facts(String name) {
        byte[] bytes = classes.get(name);
        return bytes == null ? null : facts.computeIfAbsent(name, n -> HostFacts.of(new ClassReader(bytes)));
    }

    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    private static boolean mentions(byte[] bytes, byte[] text) {
        outer:
        for (int i = 0, end = bytes.length - text.length; i <= end; i++) {
            for (int j = 0; j < text.length; j++) {
                if (bytes[i + j] != text[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
