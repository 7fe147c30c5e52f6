package dev.isthmus.jit;

import dev.isthmus.ffi.AddressSpace;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Emits the guards a VM puts around native operations: each tests what the operation
 * assumes and branches to the caller's {@code exit} label when it does not hold, so a
 * failed assumption leaves compiled code instead of crashing the JVM or computing a wrong
 * value. A guard consumes its operands: at the branch the stack is what it was before they
 * were pushed (usually empty in a trace), which is what the label's frame must expect. Guards
 * are pure tests, so a VM may hoist one out of a loop whose iterations cannot change its
 * operands.
 *
 * <pre>
 *   emitSameObject     Object        ->   exit unless it is the constant (a ctype, a function)
 *   emitNotNull        long address  ->   exit if address == 0
 *   emitMappable       long address  ->   exit if [address, address + byteSize) may hold a
 *                                         never-mapped byte (NULL, low or kernel addresses:
 *                                         ffi-core's AddressSpace), where any access faults
 *   emitIndexInBounds  long i, long n ->  exit unless 0 &lt;= i &lt; n (an element of a known array)
 *   emitRangeInBounds  long offset, long extent -> exit unless the byteSize bytes at offset
 *                                         lie within [0, extent)
 * </pre>
 */
public final class Guards {
    private static final String SELF = Type.getInternalName(Guards.class);

    private Guards() {
    }

    /** Object -> ; exits unless the reference is {@code expected} (identity, as ctypes and functions compare). */
    public static void emitSameObject(MethodVisitor mv, ClassData data, Object expected, Label exit) {
        data.emitLoad(mv, expected, Object.class);
        mv.visitJumpInsn(Opcodes.IF_ACMPNE, exit);
    }

    /** long address -> ; exits when it is NULL. */
    public static void emitNotNull(MethodVisitor mv, Label exit) {
        mv.visitInsn(Opcodes.LCONST_0);
        mv.visitInsn(Opcodes.LCMP);
        mv.visitJumpInsn(Opcodes.IFEQ, exit);
    }

    /** long address -> ; exits when an access of {@code byteSize} bytes there would surely fault. */
    public static void emitMappable(MethodVisitor mv, long byteSize, Label exit) {
        mv.visitLdcInsn(byteSize);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(AddressSpace.class), "isNeverMapped", "(JJ)Z", false);
        mv.visitJumpInsn(Opcodes.IFNE, exit);
    }

    /** long index, long count -> ; exits unless {@code 0 <= index < count} (one unsigned compare). */
    public static void emitIndexInBounds(MethodVisitor mv, Label exit) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
        mv.visitJumpInsn(Opcodes.IFGE, exit);
    }

    /** long offset, long extent -> ; exits unless {@code byteSize} bytes at {@code offset} are within {@code [0, extent)}. */
    public static void emitRangeInBounds(MethodVisitor mv, long byteSize, Label exit) {
        mv.visitLdcInsn(byteSize);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "isRangeInBounds", "(JJJ)Z", false);
        mv.visitJumpInsn(Opcodes.IFEQ, exit);
    }

    /** Whether {@code byteSize} bytes at {@code offset} lie within {@code [0, extent)}; for generated code. */
    public static boolean isRangeInBounds(long offset, long extent, long byteSize) {
        return offset >= 0 && byteSize >= 0 && byteSize <= extent && offset <= extent - byteSize;
    }
}
