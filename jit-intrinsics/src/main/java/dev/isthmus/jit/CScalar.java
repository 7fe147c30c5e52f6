package dev.isthmus.jit;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import org.objectweb.asm.Type;

/**
 * A C scalar type as generated code holds it: its size in memory, and the JVM type of its
 * value on the operand stack and in locals. The value is the C value exactly, in the
 * narrowest JVM primitive that holds all of them, as ffi-core's conversion table gives it
 * ({@code docs/ffi-conversions.md}):
 * <pre>
 *   INT8 UINT8 INT16 UINT16 INT32   int     (sign- or zero-extended from memory)
 *   BOOL                            int     0 or 1
 *   UINT32                          long    0 .. 2^32-1
 *   INT64                           long
 *   UINT64                          long    the two's-complement bits (2^63 and above read negative)
 *   FLOAT / DOUBLE                  float / double
 *   POINTER                         long    the address (64-bit hosts only)
 * </pre>
 * So {@code int8_t} 200 does not exist, {@code uint8_t} 200 is the int 200 and {@code uint32_t}
 * 4294967295 is the long 4294967295: arithmetic on values needs no further masking.
 */
public enum CScalar {
    INT8(1, Type.INT_TYPE, true),
    UINT8(1, Type.INT_TYPE, false),
    INT16(2, Type.INT_TYPE, true),
    UINT16(2, Type.INT_TYPE, false),
    INT32(4, Type.INT_TYPE, true),
    UINT32(4, Type.LONG_TYPE, false),
    INT64(8, Type.LONG_TYPE, true),
    UINT64(8, Type.LONG_TYPE, false),
    BOOL(1, Type.INT_TYPE, false),
    FLOAT(4, Type.FLOAT_TYPE, true),
    DOUBLE(8, Type.DOUBLE_TYPE, true),
    POINTER(8, Type.LONG_TYPE, false);

    private final int byteSize;
    private final Type valueType;
    private final boolean isSigned;

    CScalar(int byteSize, Type valueType, boolean isSigned) {
        this.byteSize = byteSize;
        this.valueType = valueType;
        this.isSigned = isSigned;
    }

    /** The size in memory ({@code sizeof}). */
    public int byteSize() {
        return byteSize;
    }

    /** The JVM type of the value: {@code I}, {@code J}, {@code F} or {@code D}. */
    public Type valueType() {
        return valueType;
    }

    /** The JVM type of the bits in memory, which NativeMemory reads and writes: {@code B S I J F D}. */
    Type storageType() {
        return switch (this) {
            case INT8, UINT8, BOOL -> Type.BYTE_TYPE;
            case INT16, UINT16 -> Type.SHORT_TYPE;
            case INT32, UINT32 -> Type.INT_TYPE;
            case INT64, UINT64, POINTER -> Type.LONG_TYPE;
            case FLOAT -> Type.FLOAT_TYPE;
            case DOUBLE -> Type.DOUBLE_TYPE;
        };
    }

    /** Whether negative values exist (true for the floating types too). */
    public boolean isSigned() {
        return isSigned;
    }

    public boolean isInteger() {
        return this != FLOAT && this != DOUBLE && this != POINTER;
    }

    public boolean isFloating() {
        return this == FLOAT || this == DOUBLE;
    }

    /**
     * The scalar a C type is stored as on {@code abi}: integer types by size and signedness
     * ({@code char}'s by the ABI), enums by their underlying type, pointers, arrays (as the
     * pointer they decay to) and function pointers as {@link #POINTER}. Qualifiers are
     * ignored. {@link IllegalArgumentException} for types that are no such scalar (records,
     * {@code long double}, complex, {@code __int128}, void).
     */
    public static CScalar of(CType type, Abi abi) {
        CType plain = CType.unqualified(type);
        while (plain instanceof CType.Aligned a) {
            plain = CType.unqualified(a.base());
        }
        return switch (plain) {
            case Primitive p -> ofPrimitive(p, abi);
            case EnumType e when e.isComplete() -> ofPrimitive(e.body().underlyingType(), abi);
            case CType.Pointer p -> POINTER;
            case CType.Array a -> POINTER;
            default -> throw new IllegalArgumentException("'" + dev.isthmus.cparser.type.TypeRenderer.render(type)
                    + "' is not a scalar this module loads or stores");
        };
    }

    private static CScalar ofPrimitive(Primitive p, Abi abi) {
        if (p == Primitive.BOOL) {
            return BOOL;
        }
        if (p == Primitive.FLOAT) {
            return FLOAT;
        }
        if (p == Primitive.DOUBLE) {
            return DOUBLE;
        }
        if (!p.isInteger() || p == Primitive.INT128 || p == Primitive.UNSIGNED_INT128 || p == Primitive.BOOL_INT
                || p == Primitive.INT256 || p == Primitive.UNSIGNED_INT256) {
            throw new IllegalArgumentException("'" + p.spelling() + "' is not a scalar this module loads or stores");
        }
        boolean isUnsigned = p.isUnsigned() || p == Primitive.CHAR && !abi.isCharSigned();
        return switch ((int) abi.sizeOf(p)) {
            case 1 -> isUnsigned ? UINT8 : INT8;
            case 2 -> isUnsigned ? UINT16 : INT16;
            case 4 -> isUnsigned ? UINT32 : INT32;
            case 8 -> isUnsigned ? UINT64 : INT64;
            default -> throw new IllegalArgumentException("'" + p.spelling() + "' has an unsupported size");
        };
    }
}
