package dev.isthmus.ffi;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.math.BigInteger;

/**
 * The one table of conversions between Java values and C values, used by every generic
 * call ({@link NativeFunction#invoke}); docs/ffi-conversions.md writes it out.
 *
 * <p>Java to C: integer types take any {@link Number} (floating ones truncate toward zero),
 * {@link Boolean} (1 or 0) or {@link Character}, and are cut to the C type's width as a C
 * cast does; {@code _Bool} is {@code value != 0}; floating types take any {@code Number};
 * enums take a number or an enumerator's name; pointers take {@code null} (NULL), a
 * {@link MemorySegment}, a {@link CData} (its address, or the pointer it holds), a
 * {@link String} for {@code char} pointers (a NUL-terminated UTF-8
 * copy that lives for the call), a {@code byte[]} (a copy for the call) or an initializer
 * list (a {@code List} or {@code Object[]}: a temporary array of the pointee); structs and
 * unions take a {@code MemorySegment} or {@code CData} of their size, or an initializer
 * list (a temporary object initialized as {@link Ffi#newCData} initializes).
 *
 * <p>C to Java: {@code _Bool} to {@link Boolean}; integer types whose values all fit an
 * {@code int} to {@link Integer}, others to {@link Long} ({@code unsigned long long} as its
 * two's-complement bits); {@code float} to {@link Float}, {@code double} to {@link Double};
 * pointers, structs and unions to {@link MemorySegment}; {@code void} to {@code null}.
 */
final class ValueConversion {
    private final Abi abi;
    /** Makes the callback for a Java function passed where C expects a function pointer. */
    private final java.util.function.BiFunction<CType.Function, java.util.function.Function<Object[], Object>, Callback> callbacks;

    /** Makes memory for the call holding an object of a type initialized from an initializer list. */
    interface Initializer {
        MemorySegment initialized(CType type, Object[] values, SegmentAllocator temporaries);
    }

    private final Initializer initializer;

    ValueConversion(Abi abi, java.util.function.BiFunction<CType.Function, java.util.function.Function<Object[], Object>, Callback> callbacks,
                    Initializer initializer) {
        this.abi = abi;
        this.callbacks = callbacks;
        this.initializer = initializer;
    }

    /** {@code value} as the carrier of {@code type}'s layout; {@code temporaries} holds copies made for the call. */
    Object toNative(Object value, CType type, SegmentAllocator temporaries) {
        CType plain = plain(type);
        return switch (plain) {
            case Primitive p when p == Primitive.COMPLEX_FLOAT || p == Primitive.COMPLEX_DOUBLE -> complex(value, p, temporaries);
            case Primitive p -> primitive(value, p);
            case EnumType e -> enumValue(value, e);
            case CType.Pointer p -> pointer(value, p, temporaries);
            // A reference passes the address of the object it binds to, as a pointer would.
            case CType.Reference r -> pointer(value, CType.pointerTo(r.target()), temporaries);
            case CType.Array a -> pointer(value, CType.pointerTo(a.element()), temporaries);
            case CType.Function f -> pointer(value, CType.pointerTo(f), temporaries);
            case RecordType r -> aggregate(value, r, temporaries);
            case CType.Qualified q -> throw new AssertionError("qualifiers were removed");
            case CType.Aligned a -> throw new AssertionError("aligned types were unwrapped");
            case CType.Vector v -> throw new ConversionException("vectors cannot be passed");
            case CType.Pointer32 p -> throw new ConversionException("32-bit pointers cannot be passed");
        };
    }

    private Object primitive(Object value, Primitive p) {
        // A value already in the parameter's carrier type passes as it is, unboxed by the handle.
        if (value instanceof Integer && (p == Primitive.INT || p == Primitive.UNSIGNED_INT)
                || value instanceof Double && p == Primitive.DOUBLE
                || value instanceof Long && (p == Primitive.LONG_LONG || p == Primitive.UNSIGNED_LONG_LONG)) {
            return value;
        }
        if (p.isFloating()) {
            if (value instanceof Number n) {
                return p == Primitive.FLOAT ? (Object) n.floatValue() : (Object) n.doubleValue();
            }
            throw mismatch(value, p.spelling());
        }
        long bits = integerBits(value, p, p.spelling());
        return switch (p) {
            case BOOL -> bits != 0 || isNonZeroFloating(value);
            case CHAR, SIGNED_CHAR, UNSIGNED_CHAR -> (byte) bits;
            case SHORT, UNSIGNED_SHORT -> (short) bits;
            case INT, UNSIGNED_INT -> (int) bits;
            case LONG, UNSIGNED_LONG -> abi.sizeOf(p) == 8 ? (Object) bits : (Object) (int) bits;
            case LONG_LONG, UNSIGNED_LONG_LONG -> bits;
            default -> throw new ConversionException("values of type " + p.spelling() + " cannot be passed");
        };
    }

    /** A complex argument: its two parts written to memory that lives for the call (passed by value as a struct). */
    private static MemorySegment complex(Object value, Primitive p, SegmentAllocator temporaries) {
        if (value instanceof MemorySegment given) {
            return given;
        }
        Complex c = switch (value) {
            case Complex given -> given;
            case Number n -> new Complex(n.doubleValue(), 0);
            case null, default -> throw mismatch(value, p.spelling());
        };
        if (p == Primitive.COMPLEX_FLOAT) {
            MemorySegment m = temporaries.allocate(8, 4);
            m.set(java.lang.foreign.ValueLayout.JAVA_FLOAT, 0, (float) c.re());
            m.set(java.lang.foreign.ValueLayout.JAVA_FLOAT, 4, (float) c.im());
            return m;
        }
        MemorySegment m = temporaries.allocate(16, 8);
        m.set(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 0, c.re());
        m.set(java.lang.foreign.ValueLayout.JAVA_DOUBLE, 8, c.im());
        return m;
    }

    /** A complex value read from memory. */
    static Complex complexAt(MemorySegment m, long offset, Primitive p) {
        if (p == Primitive.COMPLEX_FLOAT) {
            return new Complex(m.get(java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED, offset),
                    m.get(java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED, offset + 4));
        }
        return new Complex(m.get(java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED, offset),
                m.get(java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED, offset + 8));
    }

    static boolean isNonZeroFloating(Object value) {
        return (value instanceof Double || value instanceof Float) && ((Number) value).doubleValue() != 0;
    }

    private static long integerBits(Object value, Primitive p, String cType) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i;
            case Short s -> s;
            case Byte b -> b;
            case Double d -> truncated(d, p);
            case Float f -> truncated(f, p);
            case BigInteger b -> b.longValue();
            case Boolean b -> b ? 1 : 0;
            case Character c -> c;
            case null, default -> throw mismatch(value, cType);
        };
    }

    /**
     * A floating value truncated toward zero as C converts it to {@code p} (C11 6.3.1.4): a
     * 64-bit unsigned type takes [2^63, 2^64) exactly, as its two's-complement bits, and
     * anything above as UINT64_MAX (jit-intrinsics' {@code CConversions.doubleToUint64} is the
     * same rule); elsewhere, where C leaves the result undefined (NaN, out of range), the JVM's
     * saturating conversion decides.
     */
    static long truncated(double d, Primitive p) {
        // unsigned long is 4 bytes on Win64, where any value from 2^63 up is out of range anyway.
        if ((p == Primitive.UNSIGNED_LONG_LONG || p == Primitive.UNSIGNED_LONG) && d >= 0x1p63) {
            return (long) (d - 0x1p63) ^ Long.MIN_VALUE;
        }
        return (long) d;
    }

    private Object enumValue(Object value, EnumType e) {
        if (value instanceof String name && e.isComplete()) {
            for (EnumType.Constant c : e.body().constants()) {
                if (c.name().equals(name)) {
                    return primitive(c.value(), e.body().underlyingType());
                }
            }
            throw new ConversionException("'" + name + "' is not an enumerator of " + e);
        }
        if (!e.isComplete()) {
            throw new ConversionException(e + " is incomplete");
        }
        return primitive(value, e.body().underlyingType());
    }

    @SuppressWarnings("unchecked")
    private Object pointer(Object value, CType.Pointer type, SegmentAllocator temporaries) {
        return switch (value) {
            case null -> MemorySegment.NULL;
            case MemorySegment s -> s;
            case CData c -> cdataAsPointer(c, type);
            case Callback c -> c.pointer();
            // A Java function where C wants a function pointer: an implicit callback, permanent as
            // LuaJIT's are (C may keep the pointer), made per call; pass a Callback to reuse one.
            case java.util.function.Function<?, ?> f when plain(type.target()) instanceof CType.Function fn ->
                    callbacks.apply(fn, (java.util.function.Function<Object[], Object>) f).pointer();
            case String s when isCharPointer(type) -> temporaries.allocateFrom(s);
            // An initializer list for a pointer: a temporary array of the pointee, one element
            // per top-level value (C's compound literal (T[]){...}).
            case java.util.List<?> l when isObjectType(type.target()) ->
                    initializer.initialized(CType.arrayOf(type.target(), l.size()), l.toArray(), temporaries);
            case Object[] values when isObjectType(type.target()) ->
                    initializer.initialized(CType.arrayOf(type.target(), values.length), values, temporaries);
            case byte[] bytes -> {
                MemorySegment copy = temporaries.allocate(bytes.length + 1L);
                copy.copyFrom(MemorySegment.ofArray(bytes));
                yield copy;
            }
            default -> throw mismatch(value, dev.isthmus.cparser.type.TypeRenderer.render(type));
        };
    }

    /**
     * A cdata passed where a pointer is expected, checked as LuaJIT checks it: a pointer
     * cdata passes its value, an array its first element's address, any other object its
     * own address, and only when what it points to matches the parameter's target (or one
     * of them is void). So a {@code sqlite3 *} handed to a {@code sqlite3 **} parameter is
     * an error here, not a crash in C.
     */
    private static MemorySegment cdataAsPointer(CData c, CType.Pointer parameter) {
        CType target = plain(parameter.target());
        CType pointee = switch (plain(c.type())) {
            case CType.Pointer p -> plain(p.target());
            case CType.Array a -> plain(a.element());
            default -> plain(c.type());
        };
        if (!isCompatibleTarget(pointee, target)) {
            String from = dev.isthmus.cparser.type.TypeRenderer.render(c.type());
            throw new ConversionException("cannot convert '" + from + "' to '"
                    + dev.isthmus.cparser.type.TypeRenderer.render(parameter) + "'");
        }
        return c.address();
    }

    private static boolean isCompatibleTarget(CType a, CType b) {
        if (a.equals(b) || a == Primitive.VOID || b == Primitive.VOID) {
            return true;
        }
        if (a instanceof CType.Pointer pa && b instanceof CType.Pointer pb) {
            return isCompatibleTarget(plain(pa.target()), plain(pb.target()));
        }
        if (a instanceof CType.Array aa && b instanceof CType.Array ab) {
            return isCompatibleTarget(plain(aa.element()), plain(ab.element()));
        }
        return isCharLike(a) && isCharLike(b);
    }

    private static boolean isCharLike(CType t) {
        return t == Primitive.CHAR || t == Primitive.SIGNED_CHAR || t == Primitive.UNSIGNED_CHAR;
    }

    /** The values of an initializer list ({@code List} or {@code Object[]}), or null. */
    private static Object[] initializerList(Object value) {
        return switch (value) {
            case java.util.List<?> l -> l.toArray();
            case Object[] values -> values;
            case null, default -> null;
        };
    }

    /** Whether memory of the type can be made: a complete object type, not void or a function. */
    private boolean isObjectType(CType target) {
        CType t = plain(target);
        return t != Primitive.VOID && !(t instanceof CType.Function)
                && !(t instanceof RecordType r && !r.isComplete());
    }

    private static boolean isCharPointer(CType.Pointer type) {
        CType target = CType.unqualified(type.target());
        return target == Primitive.CHAR || target == Primitive.SIGNED_CHAR || target == Primitive.UNSIGNED_CHAR;
    }

    private Object aggregate(Object value, RecordType r, SegmentAllocator temporaries) {
        if (initializerList(value) instanceof Object[] values) {
            return initializer.initialized(r, values, temporaries);
        }
        if (value instanceof MemorySegment s && s.byteSize() >= abi.sizeOf(r)) {
            return s;
        }
        if (value instanceof CData c && c.byteSize() >= abi.sizeOf(r)) {
            return c.segment();
        }
        throw mismatch(value, r.toString());
    }

    /** A returned carrier value as the Java value the table gives for {@code type}. */
    Object toJava(Object carrier, CType type) {
        CType plain = plain(type);
        return switch (plain) {
            case Primitive p when p == Primitive.COMPLEX_FLOAT || p == Primitive.COMPLEX_DOUBLE ->
                    complexAt(((MemorySegment) carrier).reinterpret(abi.sizeOf(p)), 0, p);
            case Primitive p -> primitiveToJava(carrier, p);
            case EnumType e -> primitiveToJava(carrier, e.body().underlyingType());
            default -> carrier;
        };
    }

    private Object primitiveToJava(Object carrier, Primitive p) {
        boolean isUnsigned = p.isUnsigned() || p == Primitive.CHAR && !abi.isCharSigned();
        return switch (carrier) {
            case Byte b -> isUnsigned ? b & 0xFF : (int) b;
            case Short s -> isUnsigned ? s & 0xFFFF : (int) s;
            case Integer i -> isUnsigned ? (Object) (i & 0xFFFFFFFFL) : (Object) i;
            case null -> null;
            default -> carrier;
        };
    }

    /** The type without qualifiers and typedef alignment, which do not change conversion. */
    static CType plain(CType type) {
        CType t = CType.unqualified(type);
        while (t instanceof CType.Aligned a) {
            t = CType.unqualified(a.base());
        }
        return t;
    }

    private static ConversionException mismatch(Object value, String cType) {
        String javaType = value == null ? "null" : value.getClass().getName();
        return new ConversionException("cannot convert " + javaType + " to '" + cType + "'");
    }

    /** A value that does not convert; the caller adds which function and argument. */
    static final class ConversionException extends RuntimeException {
        ConversionException(String message) {
            super(message, null, false, false);
        }
    }
}
