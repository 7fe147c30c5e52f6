package dev.isthmus.jit;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.util.CheckClassAdapter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test classes made the way a VM makes them: one static method {@code run} whose body a
 * test emits, each class checked by ASM's {@link CheckClassAdapter} (structure and data
 * flow) before {@link HiddenClasses} defines it.
 */
final class Generated {
    private Generated() {
    }

    /** A method of {@code type} whose body {@code body} emits from its arguments (stack empty at entry; it must return). */
    static MethodHandle method(MethodType type, BiConsumer<MethodVisitor, ClassData> body) {
        ClassData data = new ClassData();
        byte[] bytes = classBytes(type, data, body);
        verify(bytes);
        MethodHandles.Lookup lookup = HiddenClasses.define(MethodHandles.lookup(), bytes, data);
        try {
            return lookup.findStatic(lookup.lookupClass(), "run", type);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A method that pushes its arguments in order, lets {@code emitter} work on them, and returns what it leaves. */
    static MethodHandle operation(MethodType type, BiConsumer<MethodVisitor, ClassData> emitter) {
        return method(type, (mv, data) -> {
            int slot = 0;
            for (Class<?> parameter : type.parameterArray()) {
                Type t = Type.getType(parameter);
                mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
                slot += t.getSize();
            }
            emitter.accept(mv, data);
            mv.visitInsn(Type.getType(type.returnType()).getOpcode(Opcodes.IRETURN));
        });
    }

    static byte[] classBytes(MethodType type, ClassData data, BiConsumer<MethodVisitor, ClassData> body) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
                HiddenClasses.nameIn(MethodHandles.lookup(), "GeneratedTestClass"), null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", type.toMethodDescriptorString(), null, null);
        mv.visitCode();
        body.accept(mv, data);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    static void verify(byte[] bytes) {
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(bytes), Generated.class.getClassLoader(), false, new PrintWriter(problems));
        assertEquals("", problems.toString(), "CheckClassAdapter found problems");
    }
}
