package dev.isthmus.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.TypeRenderer;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/**
 * Scalar values in memory, read and written by the conversion table
 * ({@link ValueConversion}): a read gives what a call returning that type would, a write
 * takes what a call would accept, except that a {@link String} cannot be stored in a
 * pointer (the copy would not outlive the store).
 */
final class MemoryValues {
    private static final SegmentAllocator NO_TEMPORARIES = (size, alignment) -> {
        throw new IllegalArgumentException("a string or byte[] cannot be stored in memory: the copy would dangle;"
                + " allocate it with Ffi.newCData or an arena and store that");
    };

    private MemoryValues() {
    }

    static Object read(Ffi ffi, MemorySegment segment, long offset, CType type) {
        if (isComplex(type)) {
            return ValueConversion.complexAt(segment, offset, (Primitive) ValueConversion.plain(type));
        }
        MemoryLayout layout = ffi.layouts().layoutOf(type);
        if (!(layout instanceof ValueLayout value)) {
            throw new IllegalArgumentException("'" + TypeRenderer.render(type) + "' is not a scalar: use field() or at()");
        }
        Object carrier = CarrierAccess.get(segment, offset, value);
        return ffi.conversion().toJava(carrier, type);
    }

    static void write(Ffi ffi, MemorySegment segment, long offset, CType type, Object value) {
        if (isComplex(type)) {
            Complex c = value instanceof Complex given ? given
                    : value instanceof Number n ? new Complex(n.doubleValue(), 0) : null;
            if (c == null) {
                throw new IllegalArgumentException("cannot convert " + (value == null ? "null" : value.getClass().getName())
                        + " to '" + TypeRenderer.render(type) + "'");
            }
            boolean isFloat = ValueConversion.plain(type) == Primitive.COMPLEX_FLOAT;
            if (isFloat) {
                segment.set(ValueLayout.JAVA_FLOAT_UNALIGNED, offset, (float) c.re());
                segment.set(ValueLayout.JAVA_FLOAT_UNALIGNED, offset + 4, (float) c.im());
            } else {
                segment.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset, c.re());
                segment.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset + 8, c.im());
            }
            return;
        }
        MemoryLayout layout = ffi.layouts().layoutOf(type);
        if (!(layout instanceof ValueLayout valueLayout)) {
            throw new IllegalArgumentException("'" + TypeRenderer.render(type) + "' is not a scalar: use field() or at()");
        }
        Object carrier;
        try {
            carrier = ffi.conversion().toNative(value, type, NO_TEMPORARIES);
        } catch (ValueConversion.ConversionException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        CarrierAccess.set(segment, offset, valueLayout, carrier);
    }

    private static boolean isComplex(CType type) {
        CType plain = ValueConversion.plain(type);
        return plain == Primitive.COMPLEX_FLOAT || plain == Primitive.COMPLEX_DOUBLE;
    }

    /** A bitfield's bits as the Java value its declared type gives (signed types sign-extended). */
    static Object bitFieldToJava(Ffi ffi, long raw, int width, CType declared) {
        Primitive p = integerType(declared);
        boolean isSigned = !p.isUnsigned() && !(p == Primitive.CHAR && !ffi.layouts().abi().isCharSigned());
        long value = isSigned ? BitFieldAccess.signExtend(raw, width) : raw;
        // Boxed as a value of the declared type would be, so a bitfield reads like its type.
        Object carrier = switch ((ValueLayout) ffi.layouts().layoutOf(p)) {
            case ValueLayout.OfBoolean b -> value != 0;
            case ValueLayout.OfByte b -> (byte) value;
            case ValueLayout.OfShort s -> (short) value;
            case ValueLayout.OfInt i -> (int) value;
            default -> value;
        };
        return ffi.conversion().toJava(carrier, p);
    }

    /** The bits a value stores into a bitfield of the declared type. */
    static long integerBits(Object value, CType declared) {
        Primitive p = integerType(declared);
        long bits = switch (value) {
            case Double d -> ValueConversion.truncated(d, p);
            case Float f -> ValueConversion.truncated(f, p);
            case Number n -> n.longValue();
            case Boolean b -> b ? 1 : 0;
            case Character c -> c;
            case null, default -> throw new IllegalArgumentException("cannot convert "
                    + (value == null ? "null" : value.getClass().getName()) + " to '" + TypeRenderer.render(declared) + "'");
        };
        // _Bool stores whether the value is not zero (C11 6.3.1.2): 2 is true, and so is 0.5.
        return p == Primitive.BOOL ? (bits != 0 || ValueConversion.isNonZeroFloating(value) ? 1 : 0) : bits;
    }

    private static Primitive integerType(CType declared) {
        return switch (ValueConversion.plain(declared)) {
            case Primitive p -> p;
            case EnumType e -> e.body().underlyingType();
            default -> throw new IllegalArgumentException("a bit-field of type '" + TypeRenderer.render(declared) + "'");
        };
    }
}
