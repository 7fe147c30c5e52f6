package dev.isthmus.ffi.ctypes;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/**
 * ctypes' fundamental types ({@code c_int}, {@code c_double}, {@code c_char_p}, ...), for
 * the LP64 Linux ABI. Integer types accept any {@code Number} and wrap to their width like
 * ctypes does; {@code c_char_p} accepts a {@code String} or {@code byte[]} (a copy for the
 * call) and returns a {@code String}; {@code c_void_p} accepts addresses and returns a
 * {@code Long} address or {@code null}, as in Python.
 */
public final class SimpleType implements CTypeSpec {
    private enum Kind { BOOL, BYTE, UBYTE, SHORT, USHORT, INT, UINT, LONG, ULONG, FLOAT, DOUBLE, CHAR_P, VOID_P }

    private final String name;
    private final Kind kind;
    private final ValueLayout layout;

    private SimpleType(String name, Kind kind, ValueLayout layout) {
        this.name = name;
        this.kind = kind;
        this.layout = layout;
    }

    static final SimpleType C_BOOL = new SimpleType("c_bool", Kind.BOOL, ValueLayout.JAVA_BOOLEAN);
    static final SimpleType C_BYTE = new SimpleType("c_byte", Kind.BYTE, ValueLayout.JAVA_BYTE);
    static final SimpleType C_UBYTE = new SimpleType("c_ubyte", Kind.UBYTE, ValueLayout.JAVA_BYTE);
    static final SimpleType C_CHAR = new SimpleType("c_char", Kind.BYTE, ValueLayout.JAVA_BYTE);
    static final SimpleType C_SHORT = new SimpleType("c_short", Kind.SHORT, ValueLayout.JAVA_SHORT);
    static final SimpleType C_USHORT = new SimpleType("c_ushort", Kind.USHORT, ValueLayout.JAVA_SHORT);
    static final SimpleType C_INT = new SimpleType("c_int", Kind.INT, ValueLayout.JAVA_INT);
    static final SimpleType C_UINT = new SimpleType("c_uint", Kind.UINT, ValueLayout.JAVA_INT);
    static final SimpleType C_LONG = new SimpleType("c_long", Kind.LONG, ValueLayout.JAVA_LONG);
    static final SimpleType C_ULONG = new SimpleType("c_ulong", Kind.ULONG, ValueLayout.JAVA_LONG);
    static final SimpleType C_FLOAT = new SimpleType("c_float", Kind.FLOAT, ValueLayout.JAVA_FLOAT);
    static final SimpleType C_DOUBLE = new SimpleType("c_double", Kind.DOUBLE, ValueLayout.JAVA_DOUBLE);
    static final SimpleType C_CHAR_P = new SimpleType("c_char_p", Kind.CHAR_P, ValueLayout.ADDRESS);
    static final SimpleType C_VOID_P = new SimpleType("c_void_p", Kind.VOID_P, ValueLayout.ADDRESS);

    @Override
    public String name() {
        return name;
    }

    @Override
    public MemoryLayout layout() {
        return layout;
    }

    @Override
    public Object fromParam(Object value, SegmentAllocator temporaries) {
        return switch (kind) {
            case BOOL -> truth(value);
            case BYTE, UBYTE -> (byte) integer(value);
            case SHORT, USHORT -> (short) integer(value);
            case INT, UINT -> (int) integer(value);
            case LONG, ULONG -> integer(value);
            case FLOAT -> (float) real(value);
            case DOUBLE -> real(value);
            case CHAR_P -> switch (value) {
                case null -> MemorySegment.NULL;
                case String s -> temporaries.allocateFrom(s);
                case byte[] b -> copy(b, temporaries);
                case MemorySegment m -> m;
                case CharBuffer buffer -> buffer.segment();
                default -> throw wrongType(value);
            };
            case VOID_P -> switch (value) {
                case null -> MemorySegment.NULL;
                case Long address -> MemorySegment.ofAddress(address);
                case MemorySegment m -> m;
                case Structure s -> s.segment();
                case CharBuffer buffer -> buffer.segment();
                case ByRef r -> r.segment();
                default -> throw wrongType(value);
            };
        };
    }

    private static MemorySegment copy(byte[] bytes, SegmentAllocator temporaries) {
        MemorySegment copy = temporaries.allocate(bytes.length + 1L);
        copy.copyFrom(MemorySegment.ofArray(bytes));
        return copy;
    }

    private long integer(Object value) {
        return switch (value) {
            case Integer i -> i;
            case Long l -> l;
            case Short s -> s;
            case Byte b -> b;
            case Boolean b -> b ? 1 : 0;
            case SimpleValue v -> integer(v.value());
            case null, default -> throw wrongType(value);
        };
    }

    private double real(Object value) {
        return switch (value) {
            case Number n -> n.doubleValue();
            case SimpleValue v -> real(v.value());
            case null, default -> throw wrongType(value);
        };
    }

    private boolean truth(Object value) {
        return switch (value) {
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case null -> false;
            default -> throw wrongType(value);
        };
    }

    private IllegalArgumentException wrongType(Object value) {
        return new IllegalArgumentException("wrong type: " + (value == null ? "None" : value.getClass().getSimpleName())
                + " for " + name);
    }

    @Override
    public Object toJava(Object carrier) {
        return switch (kind) {
            case BOOL -> carrier;
            case BYTE -> (int) (Byte) carrier;
            case UBYTE -> (Byte) carrier & 0xFF;
            case SHORT -> (int) (Short) carrier;
            case USHORT -> (Short) carrier & 0xFFFF;
            case INT -> carrier;
            case UINT -> (Integer) carrier & 0xFFFFFFFFL;
            case LONG, ULONG -> carrier;
            case FLOAT -> (double) (Float) carrier;
            case DOUBLE -> carrier;
            case CHAR_P -> {
                MemorySegment s = (MemorySegment) carrier;
                yield s.address() == 0 ? null : s.reinterpret(Long.MAX_VALUE).getString(0);
            }
            case VOID_P -> {
                MemorySegment s = (MemorySegment) carrier;
                yield s.address() == 0 ? null : s.address();
            }
        };
    }

    /** The C type this ctypes type stands for, for layout. */
    dev.isthmus.cparser.type.CType cType() {
        return switch (kind) {
            case BOOL -> dev.isthmus.cparser.type.Primitive.BOOL;
            case BYTE -> dev.isthmus.cparser.type.Primitive.SIGNED_CHAR;
            case UBYTE -> dev.isthmus.cparser.type.Primitive.UNSIGNED_CHAR;
            case SHORT -> dev.isthmus.cparser.type.Primitive.SHORT;
            case USHORT -> dev.isthmus.cparser.type.Primitive.UNSIGNED_SHORT;
            case INT -> dev.isthmus.cparser.type.Primitive.INT;
            case UINT -> dev.isthmus.cparser.type.Primitive.UNSIGNED_INT;
            case LONG -> dev.isthmus.cparser.type.Primitive.LONG;
            case ULONG -> dev.isthmus.cparser.type.Primitive.UNSIGNED_LONG;
            case FLOAT -> dev.isthmus.cparser.type.Primitive.FLOAT;
            case DOUBLE -> dev.isthmus.cparser.type.Primitive.DOUBLE;
            case CHAR_P -> dev.isthmus.cparser.type.CType.pointerTo(dev.isthmus.cparser.type.Primitive.CHAR);
            case VOID_P -> dev.isthmus.cparser.type.CType.pointerTo(dev.isthmus.cparser.type.Primitive.VOID);
        };
    }

    /**
     * The type a value of this type is passed as among a variadic function's extra arguments,
     * after C's default argument promotions (C11 6.5.2.2p6): narrower integers as
     * {@code c_int}, {@code c_float} as {@code c_double}.
     */
    SimpleType promoted() {
        return switch (kind) {
            case BOOL, BYTE, UBYTE, SHORT, USHORT -> C_INT;
            case FLOAT -> C_DOUBLE;
            default -> this;
        };
    }

    /** {@code c_int(5)}: a value of this type that can be passed {@link CTypes#byref}. */
    public SimpleValue of(Object value) {
        return new SimpleValue(this, value);
    }

    @Override
    public String toString() {
        return "<class 'ctypes." + name + "'>";
    }
}
