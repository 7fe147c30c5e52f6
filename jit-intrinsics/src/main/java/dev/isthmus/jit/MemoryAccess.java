package dev.isthmus.jit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Emits loads and stores of C scalars, struct members, array elements and bitfields, and
 * pointer arithmetic, as calls to {@link NativeMemory}'s accessors that C2 inlines into
 * single machine loads and stores.
 *
 * <p>Stack shapes (the location is {@code long address} or {@code MemorySegment, long offset},
 * see {@link Addressing}; the value is in its {@link CScalar#valueType()}):
 * <pre>
 *   emitLoad          location        -> value
 *   emitStore         location, value ->
 *   emitOffset        long            -> long + byteOffset          (a member at a constant offset)
 *   emitIndex         long, long i    -> long + i * elementByteSize (element i; also pointer + i)
 *   emitDifference    long p, long q  -> (p - q) / elementByteSize  (C's p - q, in elements)
 *   emitCompare       long p, long q  -> int, its sign C's p &lt; q, p == q, p &gt; q (unsigned)
 *   emitLoadBits      location        -> value of the declared scalar
 *   emitStoreBits     location, value ->
 * </pre>
 * A member store is: push the location, {@code emitOffset}, push the value, {@code emitStore}.
 *
 * <p>Why {@code long} addresses are the default: a trace keeps pointers unboxed in locals,
 * pointer arithmetic is one {@code ladd}, and no segment is allocated per pointer. The price
 * is C's: a wrong address reads or writes wrong memory. So a VM guards what it can before
 * the access ({@link Guards#emitMappable}: NULL and other never-mapped addresses, which
 * would kill the JVM; {@link Guards#emitIndexInBounds} where the extent is known) and keeps
 * the object that owns the memory reachable while its address is in use (a GC-owned
 * object is freed when its owner is collected, and a local the code no longer reads does
 * not keep it alive: reference it from the exit that leaves the loop, or use
 * {@link java.lang.ref.Reference#reachabilityFence}).
 */
public final class MemoryAccess {
    private static final String NATIVE_MEMORY = Type.getInternalName(NativeMemory.class);

    private MemoryAccess() {
    }

    /** Reads a scalar: location -> value. */
    public static void emitLoad(MethodVisitor mv, CScalar scalar, Addressing addressing) {
        Type storage = scalar.storageType();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, NATIVE_MEMORY, "get" + accessorSuffix(storage),
                "(" + addressing.descriptorPrefix() + ")" + storage.getDescriptor(), false);
        CConversions.emitZeroExtend(mv, scalar);
        if (scalar == CScalar.BOOL) {
            // Whatever byte C left there, a _Bool reads as 0 or 1.
            CConversions.emitIsNonZero(mv, Type.INT_TYPE);
        }
    }

    /** Writes a scalar: location, value ->. The value's bits are cut to the scalar's width. */
    public static void emitStore(MethodVisitor mv, CScalar scalar, Addressing addressing) {
        switch (scalar) {
            case UINT32 -> mv.visitInsn(Opcodes.L2I);
            case INT8, UINT8 -> mv.visitInsn(Opcodes.I2B);
            case INT16, UINT16 -> mv.visitInsn(Opcodes.I2S);
            // A _Bool in memory is 0 or 1, whatever int it was given.
            case BOOL -> CConversions.emitIsNonZero(mv, Type.INT_TYPE);
            case INT32, INT64, UINT64, FLOAT, DOUBLE, POINTER -> {
            }
        }
        Type storage = scalar.storageType();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, NATIVE_MEMORY, "set" + accessorSuffix(storage),
                "(" + addressing.descriptorPrefix() + storage.getDescriptor() + ")V", false);
    }

    /** long -> long + byteOffset: the address (or segment offset) of a member at a constant offset. */
    public static void emitOffset(MethodVisitor mv, long byteOffset) {
        if (byteOffset != 0) {
            mv.visitLdcInsn(byteOffset);
            mv.visitInsn(Opcodes.LADD);
        }
    }

    /** long base, long index -> base + index * elementByteSize: element {@code index} (C's {@code p + i}, {@code &a[i]}). */
    public static void emitIndex(MethodVisitor mv, long elementByteSize) {
        requirePositive(elementByteSize);
        if (elementByteSize != 1) {
            mv.visitLdcInsn(elementByteSize);
            mv.visitInsn(Opcodes.LMUL);
        }
        mv.visitInsn(Opcodes.LADD);
    }

    /** long p, long q -> (p - q) / elementByteSize: C's pointer difference (C11 6.5.6p9), truncating. */
    public static void emitDifference(MethodVisitor mv, long elementByteSize) {
        requirePositive(elementByteSize);
        mv.visitInsn(Opcodes.LSUB);
        if (elementByteSize != 1) {
            mv.visitLdcInsn(elementByteSize);
            mv.visitInsn(Opcodes.LDIV);
        }
    }

    /** long p, long q -> int below, at or above zero as p is below, at or above q: C's pointer relations, addresses unsigned. */
    public static void emitCompare(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
    }

    /**
     * Reads a bitfield of {@code bitWidth} bits at {@code bitOffset} bits from the location:
     * location -> value of {@code declared} (the field's declared type: a signed type
     * sign-extends the bits, an unsigned one zero-extends them; {@link CScalar#BOOL} is
     * 0 or 1), as C reads it (C11 6.7.2.1p10).
     */
    public static void emitLoadBits(MethodVisitor mv, CScalar declared, Addressing addressing, long bitOffset, int bitWidth) {
        requireBitField(declared, bitWidth);
        mv.visitLdcInsn(bitOffset);
        mv.visitLdcInsn(bitWidth);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, NATIVE_MEMORY, "getBits", "(" + addressing.descriptorPrefix() + "JI)J", false);
        if (declared.isSigned() && bitWidth < 64) {
            // (bits << s) >> s: the field's top bit copied upward.
            mv.visitLdcInsn(64 - bitWidth);
            mv.visitInsn(Opcodes.LSHL);
            mv.visitLdcInsn(64 - bitWidth);
            mv.visitInsn(Opcodes.LSHR);
        }
        if (declared.valueType() == Type.INT_TYPE) {
            mv.visitInsn(Opcodes.L2I);
            if (declared == CScalar.BOOL) {
                CConversions.emitIsNonZero(mv, Type.INT_TYPE);
            }
        }
    }

    /** Writes the low {@code bitWidth} bits of a value of {@code declared}: location, value ->. */
    public static void emitStoreBits(MethodVisitor mv, CScalar declared, Addressing addressing, long bitOffset, int bitWidth) {
        requireBitField(declared, bitWidth);
        if (declared == CScalar.BOOL) {
            CConversions.emitIsNonZero(mv, Type.INT_TYPE);
        }
        if (declared.valueType() == Type.INT_TYPE) {
            mv.visitInsn(Opcodes.I2L);
        }
        mv.visitLdcInsn(bitOffset);
        mv.visitLdcInsn(bitWidth);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, NATIVE_MEMORY, "setBits", "(" + addressing.descriptorPrefix() + "JJI)V", false);
    }

    private static String accessorSuffix(Type storage) {
        return switch (storage.getSort()) {
            case Type.BYTE -> "Byte";
            case Type.SHORT -> "Short";
            case Type.INT -> "Int";
            case Type.LONG -> "Long";
            case Type.FLOAT -> "Float";
            case Type.DOUBLE -> "Double";
            default -> throw new AssertionError("no accessor stores " + storage);
        };
    }

    private static void requirePositive(long elementByteSize) {
        if (elementByteSize <= 0) {
            throw new IllegalArgumentException("an element size must be positive: " + elementByteSize);
        }
    }

    private static void requireBitField(CScalar declared, int bitWidth) {
        if (!declared.isInteger() || bitWidth < 1 || bitWidth > declared.byteSize() * 8) {
            throw new IllegalArgumentException("no bit-field of " + bitWidth + " bits has type " + declared);
        }
    }
}
