package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;

/**
 * How a C value travels in generated Java: the Java type that carries it ({@code int},
 * {@code MemorySegment}, ...) and the FFM layout expression that describes it
 * ({@code ValueLayout.JAVA_INT}, {@code Point.LAYOUT}). Integers keep their width, not
 * their signedness (an {@code unsigned int} is an {@code int}), as FFM carries them; C's
 * {@code long} follows the ABI (64 bits on SysV and AArch64, 32 on Windows).
 */
record JavaCarrier(String javaType, String layout, String unalignedLayout, long byteSize, boolean isRecord) {

    static final JavaCarrier VOID = new JavaCarrier("void", "", "", 0, false);

    boolean isVoid() {
        return javaType.equals("void");
    }

    /** The carrier of a C type; records take the layout of their generated class from {@code names}. */
    static JavaCarrier of(CType type, Abi abi, JavaNames names) throws NotBindable {
        return switch (type) {
            case CType.Qualified q -> of(q.base(), abi, names);
            case CType.Aligned a -> of(a.base(), abi, names);
            case CType.Pointer p -> pointer(p, abi, names);
            // Only LuaJIT's rules parse a reference, and headers are read under C's.
            case CType.Reference r -> throw new NotBindable("C++ references are not C");
            case CType.Pointer32 p -> throw new NotBindable("32-bit pointers are LuaJIT's only");
            case CType.Array a -> value("MemorySegment", "ADDRESS", abi.pointerByteSize());
            case EnumType e -> of(e.isComplete() ? e.body().underlyingType() : Primitive.UNSIGNED_INT, abi, names);
            case RecordType r -> {
                if (!r.isComplete()) {
                    throw new NotBindable("'" + r + "' is incomplete");
                }
                if (r.isVaList()) {
                    // AArch64's va_list, a struct passed by value: the segment of one a callback received.
                    yield new JavaCarrier("MemorySegment", new RecordLayoutExpression(abi, names, "LAYOUT").of(r), "", abi.sizeOf(r), true);
                }
                if (!names.hasRecordClass(r)) {
                    // A record of another ABI's headers that the first ABI's have not (AArch64's
                    // va_list is a struct __va_list, SysV's an array, Win64's a char *).
                    throw new NotBindable("'" + r + "', passed by value on " + abi.name() + ", has no class in these bindings");
                }
                yield new JavaCarrier("MemorySegment", names.recordClass(r) + ".LAYOUT", "", abi.sizeOf(r), true);
            }
            case Primitive p -> primitive(p, abi);
            case CType.Function f -> throw new NotBindable("a function type is not a value");
            case CType.Vector v -> throw new NotBindable("vector types have no FFM carrier");
        };
    }

    /**
     * A pointer; one to a record with a generated class reads as a segment of that record's
     * size ({@code Node.POINTER}, {@code ADDRESS} with {@code Node.LAYOUT} as its target), so
     * the record's accessors work on what a member, a result or a callback's argument
     * points to without a restricted {@code reinterpret}. Unaligned, it stays untyped.
     */
    private static JavaCarrier pointer(CType.Pointer p, Abi abi, JavaNames names) {
        if (BindingSet.strip(p.target()) instanceof RecordType r && names.hasWrittenClass(r)) {
            return new JavaCarrier("MemorySegment", names.recordClass(r) + ".POINTER", "ValueLayout.ADDRESS_UNALIGNED",
                    abi.pointerByteSize(), false);
        }
        return value("MemorySegment", "ADDRESS", abi.pointerByteSize());
    }

    /** The layout of a member inside a record's {@code LAYOUT}: {@link #layout()}, but every pointer untyped. */
    String memberLayout() {
        return layout.endsWith(".POINTER") ? "ValueLayout.ADDRESS" : layout;
    }

    /**
     * The carrier of a C type passed to or returned from a function: {@link #of}, but a
     * packed record goes by the layout {@link PackedByValue} finds for it, or is refused.
     */
    static JavaCarrier passed(CType type, Abi abi, JavaNames names) throws NotBindable {
        JavaCarrier carrier = of(type, abi, names);
        if (carrier.isRecord() && BindingSet.strip(type) instanceof RecordType r && PackedByValue.isLowered(abi, r)) {
            return new JavaCarrier(carrier.javaType(), PackedByValue.layout(abi, r, names), "", carrier.byteSize(), true);
        }
        return carrier;
    }

    private static JavaCarrier primitive(Primitive p, Abi abi) throws NotBindable {
        return switch (p) {
            case VOID -> VOID;
            case BOOL -> value("boolean", "JAVA_BOOLEAN", 1);
            case CHAR, SIGNED_CHAR, UNSIGNED_CHAR -> value("byte", "JAVA_BYTE", 1);
            case SHORT, UNSIGNED_SHORT -> value("short", "JAVA_SHORT", 2);
            case INT, UNSIGNED_INT -> value("int", "JAVA_INT", 4);
            case LONG, UNSIGNED_LONG -> abi.sizeOf(p) == 8 ? value("long", "JAVA_LONG", 8) : value("int", "JAVA_INT", 4);
            case LONG_LONG, UNSIGNED_LONG_LONG -> value("long", "JAVA_LONG", 8);
            case FLOAT -> value("float", "JAVA_FLOAT", 4);
            case DOUBLE -> value("double", "JAVA_DOUBLE", 8);
            default -> throw new NotBindable("'" + p.spelling() + "' has no FFM carrier");
        };
    }

    private static JavaCarrier value(String javaType, String constant, long byteSize) {
        String unaligned = byteSize == 1 ? constant : constant + "_UNALIGNED";
        return new JavaCarrier(javaType, "ValueLayout." + constant, "ValueLayout." + unaligned, byteSize, false);
    }

    /** The layout to read this value at a byte offset: the unaligned one when the offset is not a multiple of the size. */
    String layoutAt(long byteOffset) {
        return byteSize > 1 && byteOffset % byteSize != 0 ? unalignedLayout : layout;
    }

    /** The cast that turns the result of {@code invokeExact} into this carrier, e.g. {@code (int) }. */
    String cast() {
        return "(" + javaType + ") ";
    }
}
