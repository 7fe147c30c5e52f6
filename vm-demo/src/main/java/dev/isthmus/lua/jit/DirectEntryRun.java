package dev.isthmus.lua.jit;

import dev.isthmus.lua.interp.DirectCalls;
import dev.isthmus.lua.interp.TraceAccess;
import dev.isthmus.lua.interp.ValueStack;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import static org.objectweb.asm.Opcodes.*;

/**
 * {@code run} of a function tree that has a direct entry ({@link DirectEntry}): the entry
 * called with the arguments read from the frame the interpreter set up, and its result (none
 * for a procedure) written where RETURN leaves it. A parameter the root trace loads as a number and the frame
 * does not hold as one leaves at once, at the function's first instruction, with nothing done.
 */
final class DirectEntryRun {
    private static final String CALLS = Type.getInternalName(DirectCalls.class);
    private static final String STACK_TYPE = Type.getDescriptor(ValueStack.class);
    private static final String FRAMES_TYPE = "Ldev/isthmus/lua/interp/CallStack;";

    private DirectEntryRun() {
    }

    static void emit(ClassWriter cw, String internal, DirectEntry entry, int frameSize) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "run", TraceCodegen.RUN_DESCRIPTOR, null, null);
        mv.visitCode();
        Label notNumber = new Label();
        for (int p = 0; p < entry.parameterCount(); p++) {
            if (entry.numberParameters()[p]) {
                loadNumber(mv, p, entry.localOf(p), notNumber);
            }
        }
        mv.visitVarInsn(ALOAD, 4);
        mv.visitMethodInsn(INVOKESTATIC, CALLS, "expectResults", "(" + FRAMES_TYPE + ")V", false);
        for (int local = 0; local <= 4; local++) {
            mv.visitVarInsn(local == 2 ? ILOAD : ALOAD, local);
        }
        for (int p = 0; p < entry.parameterCount(); p++) {
            if (entry.numberParameters()[p]) {
                mv.visitVarInsn(DLOAD, entry.localOf(p));
            } else {
                mv.visitVarInsn(ALOAD, 1);
                slot(mv, p);
                mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(TraceAccess.class), "value", "(" + STACK_TYPE + "I)Ljava/lang/Object;", false);
            }
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, internal, "body", entry.descriptor(), false);
        mv.visitVarInsn(ALOAD, 4);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(ILOAD, 2);
        slot(mv, frameSize);
        String result = entry.returnsNumber() ? "D" : "Ljava/lang/Object;";
        mv.visitMethodInsn(INVOKESTATIC, CALLS, entry.returnsNumber() ? "returnedNumber" : entry.returnsNothing() ? "returnedNothing" : "returnedValue",
                "(" + result + FRAMES_TYPE + STACK_TYPE + "II)I", false);
        mv.visitInsn(IRETURN);
        mv.visitLabel(notNumber);
        mv.visitInsn(ICONST_0);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Register {@code p}'s number into local {@code local}, from either form a slot holds it in; not a number: to {@code notNumber}. */
    private static void loadNumber(MethodVisitor mv, int p, int local, Label notNumber) {
        Label boxed = new Label();
        Label done = new Label();
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(TraceAccess.class), "slots", "(" + STACK_TYPE + ")[Ljava/lang/Object;", false);
        slot(mv, p);
        mv.visitInsn(AALOAD);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETSTATIC, Type.getInternalName(TraceAccess.class), "NUMBER", "Ljava/lang/Object;");
        mv.visitJumpInsn(IF_ACMPNE, boxed);
        mv.visitInsn(POP);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(TraceAccess.class), "nums", "(" + STACK_TYPE + ")[D", false);
        slot(mv, p);
        mv.visitInsn(DALOAD);
        mv.visitVarInsn(DSTORE, local);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(boxed);
        mv.visitInsn(DUP);
        mv.visitTypeInsn(INSTANCEOF, "java/lang/Double");
        Label isDouble = new Label();
        mv.visitJumpInsn(IFNE, isDouble);
        mv.visitInsn(POP);
        mv.visitJumpInsn(GOTO, notNumber);
        mv.visitLabel(isDouble);
        mv.visitTypeInsn(CHECKCAST, "java/lang/Double");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Double", "doubleValue", "()D", false);
        mv.visitVarInsn(DSTORE, local);
        mv.visitLabel(done);
    }

    private static void slot(MethodVisitor mv, int register) {
        mv.visitVarInsn(ILOAD, 2);
        mv.visitLdcInsn(register);
        mv.visitInsn(IADD);
    }
}
