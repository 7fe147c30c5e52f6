package dev.isthmus.jit;

import dev.isthmus.ffi.Ffi;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's strlen example, its five lines as printed there, in the class around them. */
class ReadmeExampleTest {

    @Test
    void readmeExample_emitsACallToStrlen() throws Throwable {
        Ffi ffi = TestNatives.FFI;
        ClassWriter classWriter = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
        classWriter.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "dev/isthmus/jit/Strlen", null, "java/lang/Object", null);
        MethodVisitor mv = classWriter.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "strlen",
                "(Ljava/lang/foreign/MemorySegment;)J", null, null);
        mv.visitCode();

        ClassData constants = new ClassData();
        mv.visitVarInsn(Opcodes.ALOAD, 0);                                            // the string's MemorySegment
        NativeCall.of(ffi.C().function("strlen"), CallMode.CAPTURING).emit(mv, constants);  // leaves the size_t as a long
        mv.visitInsn(Opcodes.LRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        classWriter.visitEnd();
        Generated.verify(classWriter.toByteArray());
        MethodHandles.Lookup defined = HiddenClasses.define(MethodHandles.lookup(), classWriter.toByteArray(), constants);  // class done

        MethodHandle strlen = defined.findStatic(defined.lookupClass(), "strlen",
                MethodType.methodType(long.class, MemorySegment.class));
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(7L, (long) strlen.invokeExact(arena.allocateFrom("isthmus")));
        }
    }
}
