package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Scalars read and written straight from memory as Lua values: the fast path for
 * {@code p[i]} and {@code a[i]} on arithmetic element types, without a CData view or the
 * conversion table in between. Numbers narrower than 64 bits become Lua numbers (unsigned
 * types read unsigned), 64-bit integers become {@code int64_t}/{@code uint64_t} cdata,
 * {@code bool} a boolean; what a value cannot be stored as (a table, a string) returns
 * false from {@link #write} so the caller takes the general path and its error.
 */
final class ScalarAccess {
    /** Every address, for raw pointer access: dereferencing a pointer is as unchecked as in C (NULL is checked by callers). */
    static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private ScalarAccess() {
    }

    /** The primitive a scalar type is stored as (an enum as its underlying type), or null when it is not a plain scalar. */
    static Primitive storageOf(CType type) {
        CType p = CdataConversion.plain(type);
        if (p instanceof EnumType) {
            // Enums read as cdata (EnumValue), which the general path makes.
            return null;
        }
        if (p instanceof Primitive prim && (prim.isInteger() || prim == Primitive.FLOAT || prim == Primitive.DOUBLE)) {
            return prim;
        }
        return null;
    }

    static long sizeOf(FfiLibrary lib, Primitive p) {
        return lib.byteSizeOf(p);
    }

    static Object read(FfiLibrary lib, MemorySegment memory, long offset, Primitive p) {
        return switch (p) {
            case BOOL -> memory.get(ValueLayout.JAVA_BYTE, offset) != 0;
            case FLOAT -> (double) memory.get(ValueLayout.JAVA_FLOAT_UNALIGNED, offset);
            case DOUBLE -> memory.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset);
            default -> {
                long size = sizeOf(lib, p);
                boolean isUnsigned = p.isUnsigned() || p == Primitive.CHAR && !lib.ffi().layouts().abi().isCharSigned();
                yield switch ((int) size) {
                    case 1 -> (double) (isUnsigned ? memory.get(ValueLayout.JAVA_BYTE, offset) & 0xFF : memory.get(ValueLayout.JAVA_BYTE, offset));
                    case 2 -> (double) (isUnsigned ? memory.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset) & 0xFFFF
                            : memory.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset));
                    case 4 -> isUnsigned ? (double) (memory.get(ValueLayout.JAVA_INT_UNALIGNED, offset) & 0xFFFFFFFFL)
                            : (double) memory.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
                    default -> new Cdata.Int64(lib, memory.get(ValueLayout.JAVA_LONG_UNALIGNED, offset), isUnsigned);
                };
            }
        };
    }

    /** Stores a number, boolean or 64-bit cdata with C's conversion; false when the value needs the general path. */
    static boolean write(FfiLibrary lib, MemorySegment memory, long offset, Primitive p, Object value) {
        if (p == Primitive.FLOAT || p == Primitive.DOUBLE) {
            double d;
            if (value instanceof Double v) {
                d = v;
            } else if (value instanceof Cdata.Int64 i) {
                d = i.isUnsigned() ? CdataConversion.unsignedToDouble(i.value()) : i.value();
            } else {
                return false;
            }
            if (p == Primitive.FLOAT) {
                memory.set(ValueLayout.JAVA_FLOAT_UNALIGNED, offset, (float) d);
            } else {
                memory.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset, d);
            }
            return true;
        }
        long bits;
        if (value instanceof Double v) {
            bits = p == Primitive.BOOL ? (v != 0 ? 1 : 0)
                    : FfiFunctions.doubleToInteger(v, sizeOf(lib, p), p.isUnsigned());
        } else if (value instanceof Cdata.Int64 i) {
            bits = p == Primitive.BOOL ? (i.value() != 0 ? 1 : 0) : i.value();
        } else if (value instanceof Boolean b) {
            bits = b ? 1 : 0;
        } else {
            return false;
        }
        switch ((int) sizeOf(lib, p)) {
            case 1 -> memory.set(ValueLayout.JAVA_BYTE, offset, (byte) bits);
            case 2 -> memory.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, (short) bits);
            case 4 -> memory.set(ValueLayout.JAVA_INT_UNALIGNED, offset, (int) bits);
            default -> memory.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, bits);
        }
        return true;
    }
}
