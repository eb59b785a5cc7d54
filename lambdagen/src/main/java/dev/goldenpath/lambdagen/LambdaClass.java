package dev.goldenpath.lambdagen;

import java.util.function.BiPredicate;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * One call site's class, as {@code InnerClassLambdaMetafactory} spins it on JDK 17: the captured values in final
 * fields, the interface method passing them and its arguments to the implementation, converted as the metafactory's
 * {@code TypeConvertingMethodAdapter} converts them.
 */
final class LambdaClass {

    private static final String OBJECT = "java/lang/Object";
    private static final String NUMBER = "java/lang/Number";

    private LambdaClass() {
    }

    /**
     * The class file, or null when the call site is not one this class writes exactly as the metafactory would.
     *
     * @param name the interface method's name
     * @param factoryDescriptor the call site's descriptor: the captured values' types, returning the interface
     */
    static byte[] write(String lambda, String nestHost, HostFacts host, String name, String factoryDescriptor,
            Type samType, Handle implementation, Type instantiatedType, BiPredicate<String, Handle> accessible) {
        if (name.equals(LambdaClasses.FACTORY) || !accessible.test(host.name(), implementation)) {
            return null;
        }
        Type[] captured = Type.getArgumentTypes(factoryDescriptor);
        Type face = Type.getReturnType(factoryDescriptor);
        String owner = implementation.getOwner();
        boolean ownerIsInterface = implementation.isInterface();
        int opcode;
        boolean instance;
        switch (implementation.getTag()) {
            case Opcodes.H_INVOKESTATIC -> {
                opcode = Opcodes.INVOKESTATIC;
                instance = false;
            }
            case Opcodes.H_INVOKEVIRTUAL -> {
                opcode = Opcodes.INVOKEVIRTUAL;
                instance = true;
            }
            case Opcodes.H_INVOKEINTERFACE -> {
                opcode = Opcodes.INVOKEINTERFACE;
                instance = true;
            }
            case Opcodes.H_INVOKESPECIAL -> {
                // Only the host's own private method, which a nestmate calls as the metafactory does.
                int access = owner.equals(host.name())
                        ? host.methodAccess(implementation.getName(), implementation.getDesc()) : -1;
                if (access < 0 || (access & Opcodes.ACC_PRIVATE) == 0) {
                    return null;
                }
                opcode = host.isInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
                ownerIsInterface = host.isInterface();
                instance = true;
            }
            case Opcodes.H_NEWINVOKESPECIAL -> {
                opcode = Opcodes.INVOKESPECIAL;
                instance = false;
            }
            default -> {
                return null;
            }
        }
        Type[] parameters = Type.getArgumentTypes(implementation.getDesc());
        Type[] targets = new Type[parameters.length + (instance ? 1 : 0)];
        if (instance) {
            targets[0] = Type.getObjectType(owner);
        }
        System.arraycopy(parameters, 0, targets, instance ? 1 : 0, parameters.length);
        boolean constructor = implementation.getTag() == Opcodes.H_NEWINVOKESPECIAL;
        Type implementationReturn = constructor ? Type.getObjectType(owner) : Type.getReturnType(implementation.getDesc());
        Type[] samArguments = samType.getArgumentTypes();
        Type[] instantiated = instantiatedType.getArgumentTypes();
        if (captured.length + samArguments.length != targets.length || instantiated.length != samArguments.length) {
            return null;
        }

        ClassWriter out = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        out.visit(host.version(), Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, lambda, null, OBJECT,
                new String[] {face.getInternalName()});
        if (host.source() != null) {
            out.visitSource(host.source(), null);
        }
        out.visitNestHost(nestHost);
        for (int i = 0; i < captured.length; i++) {
            out.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, field(i), captured[i].getDescriptor(), null, null)
                    .visitEnd();
        }
        Type self = Type.getObjectType(lambda);
        String constructorDescriptor = Type.getMethodDescriptor(Type.VOID_TYPE, captured);

        MethodVisitor init = out.visitMethod(Opcodes.ACC_PRIVATE, "<init>", constructorDescriptor, null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        for (int i = 0, slot = 1; i < captured.length; slot += captured[i].getSize(), i++) {
            init.visitVarInsn(Opcodes.ALOAD, 0);
            init.visitVarInsn(captured[i].getOpcode(Opcodes.ILOAD), slot);
            init.visitFieldInsn(Opcodes.PUTFIELD, lambda, field(i), captured[i].getDescriptor());
        }
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        // The factory: a new instance per evaluation when something is captured, else the one instance.
        MethodVisitor factory = out.visitMethod(Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, LambdaClasses.FACTORY,
                factoryDescriptor, null, null);
        factory.visitCode();
        if (captured.length == 0) {
            out.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "INSTANCE",
                    self.getDescriptor(), null, null).visitEnd();
            MethodVisitor clinit = out.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            clinit.visitCode();
            clinit.visitTypeInsn(Opcodes.NEW, lambda);
            clinit.visitInsn(Opcodes.DUP);
            clinit.visitMethodInsn(Opcodes.INVOKESPECIAL, lambda, "<init>", "()V", false);
            clinit.visitFieldInsn(Opcodes.PUTSTATIC, lambda, "INSTANCE", self.getDescriptor());
            clinit.visitInsn(Opcodes.RETURN);
            clinit.visitMaxs(0, 0);
            clinit.visitEnd();
            factory.visitFieldInsn(Opcodes.GETSTATIC, lambda, "INSTANCE", self.getDescriptor());
        } else {
            factory.visitTypeInsn(Opcodes.NEW, lambda);
            factory.visitInsn(Opcodes.DUP);
            for (int i = 0, slot = 0; i < captured.length; slot += captured[i].getSize(), i++) {
                factory.visitVarInsn(captured[i].getOpcode(Opcodes.ILOAD), slot);
            }
            factory.visitMethodInsn(Opcodes.INVOKESPECIAL, lambda, "<init>", constructorDescriptor, false);
        }
        factory.visitInsn(Opcodes.ARETURN);
        factory.visitMaxs(0, 0);
        factory.visitEnd();

        MethodVisitor method = out.visitMethod(Opcodes.ACC_PUBLIC, name, samType.getDescriptor(), null, null);
        method.visitCode();
        if (constructor) {
            method.visitTypeInsn(Opcodes.NEW, owner);
            method.visitInsn(Opcodes.DUP);
        }
        for (int i = 0; i < captured.length; i++) {
            method.visitVarInsn(Opcodes.ALOAD, 0);
            method.visitFieldInsn(Opcodes.GETFIELD, lambda, field(i), captured[i].getDescriptor());
        }
        for (int i = 0, slot = 1; i < samArguments.length; slot += samArguments[i].getSize(), i++) {
            method.visitVarInsn(samArguments[i].getOpcode(Opcodes.ILOAD), slot);
            if (!convert(method, samArguments[i], targets[captured.length + i], instantiated[i])) {
                return null;
            }
        }
        method.visitMethodInsn(opcode, owner, implementation.getName(), implementation.getDesc(), ownerIsInterface);
        Type samReturn = samType.getReturnType();
        if (!convert(method, implementationReturn, samReturn, samReturn)) {
            return null;
        }
        // From a value to void: the return leaves it on the stack, as the metafactory's class does.
        method.visitInsn(samReturn.getOpcode(Opcodes.IRETURN));
        method.visitMaxs(0, 0);
        method.visitEnd();
        out.visitEnd();
        return out.toByteArray();
    }

    private static String field(int index) {
        return "arg$" + (index + 1);
    }

    // TypeConvertingMethodAdapter.convertType(arg, target, functional); false for a pair it has no rule for.
    static boolean convert(MethodVisitor code, Type arg, Type target, Type functional) {
        if (arg.equals(target) && arg.equals(functional)) {
            return true;
        }
        if (arg.getSort() == Type.VOID || target.getSort() == Type.VOID) {
            return true;
        }
        if (primitive(arg)) {
            if (primitive(target)) {
                return widen(code, arg, target);
            }
            Type primitiveTarget = unboxed(target);
            if (primitiveTarget != null) {
                if (!widen(code, arg, primitiveTarget)) {
                    return false;
                }
                box(code, primitiveTarget);
            } else {
                box(code, arg);
                cast(code, boxed(arg), target);
            }
            return true;
        }
        if (!reference(arg) || !(primitive(target) || reference(target))) {
            return false;
        }
        Type source;
        if (primitive(functional)) {
            source = arg;
        } else if (reference(functional)) {
            source = functional;
            cast(code, arg, source);
        } else {
            return false;
        }
        if (!primitive(target)) {
            cast(code, source, target);
            return true;
        }
        Type primitiveSource = unboxed(source);
        if (primitiveSource != null) {
            if (signed(primitiveSource) || floating(primitiveSource)) {
                unbox(code, boxed(primitiveSource), target);
                return true;
            }
            unbox(code, boxed(primitiveSource), primitiveSource);
            return widen(code, primitiveSource, target);
        }
        Type intermediate = signed(target) || floating(target) ? Type.getObjectType(NUMBER) : boxed(target);
        cast(code, source, intermediate);
        unbox(code, intermediate, target);
        return true;
    }

    private static boolean primitive(Type type) {
        return type.getSort() >= Type.BOOLEAN && type.getSort() <= Type.DOUBLE;
    }

    private static boolean reference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    private static boolean signed(Type type) {
        int sort = type.getSort();
        return sort == Type.BYTE || sort == Type.SHORT || sort == Type.INT || sort == Type.LONG;
    }

    private static boolean floating(Type type) {
        return type.getSort() == Type.FLOAT || type.getSort() == Type.DOUBLE;
    }

    private static void cast(MethodVisitor code, Type source, Type target) {
        if (!source.equals(target) && !target.getInternalName().equals(OBJECT)) {
            code.visitTypeInsn(Opcodes.CHECKCAST, target.getInternalName());
        }
    }

    private static Type boxed(Type primitive) {
        return Type.getObjectType(switch (primitive.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.FLOAT -> "java/lang/Float";
            case Type.LONG -> "java/lang/Long";
            case Type.DOUBLE -> "java/lang/Double";
            default -> throw new IllegalArgumentException(primitive.getDescriptor());
        });
    }

    /** The primitive a wrapper class holds, or null for any other type. */
    private static Type unboxed(Type type) {
        if (type.getSort() != Type.OBJECT) {
            return null;
        }
        return switch (type.getInternalName()) {
            case "java/lang/Boolean" -> Type.BOOLEAN_TYPE;
            case "java/lang/Character" -> Type.CHAR_TYPE;
            case "java/lang/Byte" -> Type.BYTE_TYPE;
            case "java/lang/Short" -> Type.SHORT_TYPE;
            case "java/lang/Integer" -> Type.INT_TYPE;
            case "java/lang/Float" -> Type.FLOAT_TYPE;
            case "java/lang/Long" -> Type.LONG_TYPE;
            case "java/lang/Double" -> Type.DOUBLE_TYPE;
            default -> null;
        };
    }

    private static void box(MethodVisitor code, Type primitive) {
        Type wrapper = boxed(primitive);
        code.visitMethodInsn(Opcodes.INVOKESTATIC, wrapper.getInternalName(), "valueOf",
                Type.getMethodDescriptor(wrapper, primitive), false);
    }

    private static void unbox(MethodVisitor code, Type owner, Type primitive) {
        code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner.getInternalName(), primitive.getClassName() + "Value",
                Type.getMethodDescriptor(primitive), false);
    }

    // Byte, short, char and int are the same on the stack; false for a narrowing, which the metafactory refuses.
    private static boolean widen(MethodVisitor code, Type from, Type to) {
        int source = intLike(from) ? Type.INT : from.getSort();
        int target = intLike(to) ? Type.INT : to.getSort();
        if (from.getSort() == Type.BOOLEAN || to.getSort() == Type.BOOLEAN) {
            return from.getSort() == to.getSort();
        }
        if (source == target) {
            return true;
        }
        int opcode;
        if (source == Type.INT && target == Type.LONG) {
            opcode = Opcodes.I2L;
        } else if (source == Type.INT && target == Type.FLOAT) {
            opcode = Opcodes.I2F;
        } else if (source == Type.INT && target == Type.DOUBLE) {
            opcode = Opcodes.I2D;
        } else if (source == Type.LONG && target == Type.FLOAT) {
            opcode = Opcodes.L2F;
        } else if (source == Type.LONG && target == Type.DOUBLE) {
            opcode = Opcodes.L2D;
        } else if (source == Type.FLOAT && target == Type.DOUBLE) {
            opcode = Opcodes.F2D;
        } else {
            return false;
        }
        code.visitInsn(opcode);
        return true;
    }

    private static boolean intLike(Type type) {
        int sort = type.getSort();
        return sort == Type.BYTE || sort == Type.SHORT || sort == Type.CHAR || sort == Type.INT;
    }
}
