package dev.goldenpath.lambdagen;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the rewriting needs to know of a class: its version, kind (access flags), nest host (null when it is its own),
 * source file name (which its lambda classes name too, for stack traces; null when absent) and the access of the
 * methods it declares, by name and descriptor.
 */
record HostFacts(String name, int version, int access, String nestHost, String source, Map<String, Integer> methods) {

    static HostFacts of(ClassReader reader) {
        int[] header = new int[2];
        String[] nest = new String[1];
        String[] source = new String[1];
        Map<String, Integer> methods = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                header[0] = version;
                header[1] = access;
            }

            @Override
            public void visitSource(String file, String debug) {
                source[0] = file;
            }

            @Override
            public void visitNestHost(String nestHost) {
                nest[0] = nestHost;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                methods.put(name + descriptor, access);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return new HostFacts(reader.getClassName(), header[0], header[1], nest[0], source[0], methods);
    }

    boolean isInterface() {
        return (access & Opcodes.ACC_INTERFACE) != 0;
    }

    /** The method's access flags, or -1 when this class does not declare it. */
    int methodAccess(String name, String descriptor) {
        return methods.getOrDefault(name + descriptor, -1);
    }

    boolean isPublic() {
        return (access & Opcodes.ACC_PUBLIC) != 0;
    }
}
