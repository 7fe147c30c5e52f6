package dev.isthmus.jit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.foreign.MemorySegment;

/**
 * Emits C's conversions (C11 6.3.1) between scalar values in their JVM representation
 * ({@link CScalar#valueType()}), and between those values and a downcall handle's carrier
 * types.
 *
 * <p>{@link #emitConvert}: what a C cast does.
 * <ul>
 * <li>integer to integer: the value modulo 2^N for an N-bit unsigned target, the low N bits
 *     read as two's complement for a signed one (6.3.1.3; implementation-defined, and what
 *     GCC and Clang do);</li>
 * <li>anything to {@code _Bool}: {@code value != 0}, so 0.5 and NaN are 1 (6.3.1.2);</li>
 * <li>floating to integer: truncation toward zero (6.3.1.4), then as integer to integer, which
 *     is ffi-core's conversion table; where C leaves the result undefined (NaN, out of the
 *     range of {@code int64_t}) the JVM's saturating {@code d2l} decides. {@code uint64_t}
 *     takes the values of [2^63, 2^64) exactly;</li>
 * <li>integer to floating: the nearest value ({@code uint64_t} read as unsigned);</li>
 * <li>pointer to and from integers: the address's bits, as integers of its width.</li>
 * </ul>
 */
public final class CConversions {
    private static final String SELF = Type.getInternalName(CConversions.class);
    private static final double TWO_TO_63 = 0x1p63;

    private CConversions() {
    }

    /** value of {@code from} -> value of {@code to}, as the C cast {@code (to) value}. */
    public static void emitConvert(MethodVisitor mv, CScalar from, CScalar to) {
        if (from == to) {
            return;
        }
        if ((from == CScalar.POINTER && to.isFloating()) || (from.isFloating() && to == CScalar.POINTER)) {
            throw new IllegalArgumentException("C has no conversion between a pointer and " + (from.isFloating() ? from : to));
        }
        if (to == CScalar.BOOL) {
            emitIsNonZero(mv, from.valueType());
        } else if (to.isFloating()) {
            emitToFloating(mv, from, to);
        } else if (from.isFloating()) {
            emitFloatingToInteger(mv, from, to);
        } else {
            emitIntegerToInteger(mv, from.valueType(), to);
        }
    }

    /** value (of JVM type {@code type}: I, J, F or D) -> int 1 when it is not zero (NaN is not), else 0. Branch-free. */
    public static void emitIsNonZero(MethodVisitor mv, Type type) {
        switch (type.getSort()) {
            case Type.LONG -> {
                // (x | -x) has its top bit set exactly when x != 0.
                mv.visitInsn(Opcodes.DUP2);
                mv.visitInsn(Opcodes.LNEG);
                mv.visitInsn(Opcodes.LOR);
                mv.visitLdcInsn(63);
                mv.visitInsn(Opcodes.LUSHR);
                mv.visitInsn(Opcodes.L2I);
                return;
            }
            // fcmpl/dcmpl give -1, 0 or 1 (-1 for NaN): non-zero exactly when x != 0.
            case Type.FLOAT -> {
                mv.visitInsn(Opcodes.FCONST_0);
                mv.visitInsn(Opcodes.FCMPL);
            }
            case Type.DOUBLE -> {
                mv.visitInsn(Opcodes.DCONST_0);
                mv.visitInsn(Opcodes.DCMPL);
            }
            case Type.INT -> {
            }
            default -> throw new IllegalArgumentException("not a scalar value type: " + type);
        }
        mv.visitInsn(Opcodes.DUP);
        mv.visitInsn(Opcodes.INEG);
        mv.visitInsn(Opcodes.IOR);
        mv.visitLdcInsn(31);
        mv.visitInsn(Opcodes.IUSHR);
    }

    private static void emitIntegerToInteger(MethodVisitor mv, Type fromType, CScalar to) {
        boolean isWide = fromType.getSort() == Type.LONG;
        if (to.valueType().getSort() == Type.INT) {
            if (isWide) {
                mv.visitInsn(Opcodes.L2I);
            }
            emitNarrowInt(mv, to);
            return;
        }
        if (!isWide) {
            // Every int-valued scalar's value is its C value, so sign extension is exact.
            mv.visitInsn(Opcodes.I2L);
        }
        if (to == CScalar.UINT32) {
            mv.visitLdcInsn(0xFFFF_FFFFL);
            mv.visitInsn(Opcodes.LAND);
        }
    }

    /** int -> int value of an int-valued integer scalar: its low bits, sign- or zero-extended. */
    private static void emitNarrowInt(MethodVisitor mv, CScalar to) {
        switch (to) {
            case INT8 -> mv.visitInsn(Opcodes.I2B);
            case UINT8 -> {
                mv.visitIntInsn(Opcodes.SIPUSH, 0xFF);
                mv.visitInsn(Opcodes.IAND);
            }
            case INT16 -> mv.visitInsn(Opcodes.I2S);
            case UINT16 -> mv.visitInsn(Opcodes.I2C);
            case INT32 -> {
            }
            default -> throw new AssertionError(to + " is not int-valued");
        }
    }

    private static void emitFloatingToInteger(MethodVisitor mv, CScalar from, CScalar to) {
        if (from == CScalar.FLOAT) {
            mv.visitInsn(Opcodes.F2D);
        }
        if (to == CScalar.UINT64) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, "doubleToUint64", "(D)J", false);
            return;
        }
        // Through int64_t, as ffi-core's table converts: (int8_t) 300.7 is (int8_t) 300L = 44.
        mv.visitInsn(Opcodes.D2L);
        emitIntegerToInteger(mv, Type.LONG_TYPE, to);
    }

    private static void emitToFloating(MethodVisitor mv, CScalar from, CScalar to) {
        boolean toDouble = to == CScalar.DOUBLE;
        switch (from.valueType().getSort()) {
            case Type.INT -> mv.visitInsn(toDouble ? Opcodes.I2D : Opcodes.I2F);
            case Type.LONG -> {
                if (from == CScalar.UINT64) {
                    mv.visitMethodInsn(Opcodes.INVOKESTATIC, SELF, toDouble ? "uint64ToDouble" : "uint64ToFloat",
                            toDouble ? "(J)D" : "(J)F", false);
                } else {
                    mv.visitInsn(toDouble ? Opcodes.L2D : Opcodes.L2F);
                }
            }
            case Type.FLOAT -> mv.visitInsn(Opcodes.F2D);
            case Type.DOUBLE -> mv.visitInsn(Opcodes.D2F);
            default -> throw new AssertionError(from);
        }
    }

    /**
     * value of {@code scalar} -> the carrier a downcall handle takes for it ({@code carrier}
     * is the handle's parameter type): the value's bits cut to the carrier's width,
     * {@code _Bool} as a JVM boolean, a pointer's address as a {@link MemorySegment}.
     */
    public static void emitToCarrier(MethodVisitor mv, CScalar scalar, Class<?> carrier) {
        Type value = scalar.valueType();
        if (carrier == MemorySegment.class && scalar == CScalar.POINTER) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/foreign/MemorySegment", "ofAddress",
                    "(J)Ljava/lang/foreign/MemorySegment;", true);
            return;
        }
        Type target = carrierType(scalar, carrier);
        if (value.getSort() == Type.LONG && target.getSort() != Type.LONG) {
            mv.visitInsn(Opcodes.L2I);
        }
        switch (target.getSort()) {
            case Type.BYTE -> mv.visitInsn(Opcodes.I2B);
            case Type.SHORT -> mv.visitInsn(Opcodes.I2S);
            case Type.CHAR -> mv.visitInsn(Opcodes.I2C);
            case Type.BOOLEAN -> emitIsNonZero(mv, Type.INT_TYPE);
            default -> {
                // The value type is the carrier.
            }
        }
    }

    /** carrier a downcall handle returned -> value of {@code scalar} (widened as the C type's signedness says). */
    public static void emitFromCarrier(MethodVisitor mv, CScalar scalar, Class<?> carrier) {
        if (carrier == MemorySegment.class && scalar == CScalar.POINTER) {
            mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/lang/foreign/MemorySegment", "address", "()J", true);
            return;
        }
        Type source = carrierType(scalar, carrier);
        if (source.getSort() == Type.LONG || scalar.isFloating()) {
            return;
        }
        emitZeroExtend(mv, scalar);
    }

    /**
     * The bits of an unsigned scalar narrower than its value type, as the JVM loaded them
     * into an int (bytes and shorts sign-extended) -> its value; nothing for other scalars.
     */
    static void emitZeroExtend(MethodVisitor mv, CScalar scalar) {
        switch (scalar) {
            case UINT8 -> {
                mv.visitIntInsn(Opcodes.SIPUSH, 0xFF);
                mv.visitInsn(Opcodes.IAND);
            }
            case UINT16 -> mv.visitInsn(Opcodes.I2C);
            case UINT32 -> {
                mv.visitInsn(Opcodes.I2L);
                mv.visitLdcInsn(0xFFFF_FFFFL);
                mv.visitInsn(Opcodes.LAND);
            }
            default -> {
                // Signed scalars are sign-extended already; 64-bit and floating ones are their bits.
            }
        }
    }

    /** The carrier's type, after checking it has the scalar's size (a C type's carrier: FFM's value layouts). */
    private static Type carrierType(CScalar scalar, Class<?> carrier) {
        Type type = Type.getType(carrier);
        int bytes = switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE -> 1;
            case Type.SHORT, Type.CHAR -> 2;
            case Type.INT, Type.FLOAT -> 4;
            case Type.LONG, Type.DOUBLE -> 8;
            default -> -1;
        };
        boolean matches = bytes == scalar.byteSize()
                && scalar.isFloating() == (type.getSort() == Type.FLOAT || type.getSort() == Type.DOUBLE);
        if (!matches) {
            throw new IllegalArgumentException(carrier.getName() + " is not a carrier of " + scalar);
        }
        return type;
    }

    /** C's {@code (uint64_t) d}: exact for [0, 2^64); below, and NaN, as {@code (int64_t) d}; above, UINT64_MAX. */
    public static long doubleToUint64(double d) {
        return d >= TWO_TO_63 ? (long) (d - TWO_TO_63) ^ Long.MIN_VALUE : (long) d;
    }

    /** {@code (double) u} for a {@code uint64_t} u, correctly rounded. */
    public static double uint64ToDouble(long u) {
        if (u >= 0) {
            return u;
        }
        // Halve keeping the lowest bit as a sticky bit, so rounding the halved value rounds u.
        return (double) ((u >>> 1) | (u & 1)) * 2.0;
    }

    /** {@code (float) u} for a {@code uint64_t} u, correctly rounded (not through double: that would round twice). */
    public static float uint64ToFloat(long u) {
        if (u >= 0) {
            return u;
        }
        return (float) ((u >>> 1) | (u & 1)) * 2.0f;
    }
}
