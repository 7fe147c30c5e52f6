package dev.isthmus.ffi;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps C types to the FFM API's layouts under one ABI: scalars to value layouts, structs
 * and unions to group layouts whose members sit at exactly the offsets cparser computed
 * (explicit padding between them, trailing padding to the C size), and function types to
 * function descriptors.
 *
 * <p>Records are {@link ForeignRecordLayout}'s: bitfields have no FFM layout, so the
 * eightbytes holding them become integer carriers, classified for calls as the C compiler
 * classifies the bitfields' storage. Members of packed structs get their real (lower) alignment. Types
 * the JDK's linker cannot pass ({@code long double}, {@code __int128}, {@code _Float128},
 * vectors) get byte layouts of the right size and alignment, so structs holding them can
 * still be read and written; passing them by value is refused with a clear message.
 */
public final class ForeignLayouts {
    private final Abi abi;
    private final Map<RecordType, MemoryLayout> records = new ConcurrentHashMap<>();

    /** Layouts under {@code abi}. */
    public ForeignLayouts(Abi abi) {
        this.abi = abi;
    }

    /** The ABI whose sizes, alignments and offsets the layouts have. */
    public Abi abi() {
        return abi;
    }

    /** The layout of an object type; {@link IllegalArgumentException} for void, functions and incomplete types. */
    public MemoryLayout layoutOf(CType type) {
        return switch (type) {
            case Primitive p -> primitive(p);
            // A reference is stored as the address it refers to.
            case CType.Pointer p -> ValueLayout.ADDRESS;
            case CType.Reference r -> ValueLayout.ADDRESS;
            case CType.Pointer32 p -> ValueLayout.JAVA_INT;
            case CType.Array a -> switch (a.kind()) {
                case FIXED -> MemoryLayout.sequenceLayout(a.length(), layoutOf(a.element()));
                case INCOMPLETE, VARIABLE -> MemoryLayout.sequenceLayout(0, layoutOf(a.element()));
            };
            case CType.Function f -> throw new IllegalArgumentException("a function type has no memory layout; use a pointer to it");
            case CType.Qualified q -> layoutOf(q.base());
            case CType.Aligned a -> layoutOf(a.base()).withByteAlignment(a.byteAlignment());
            case CType.Vector v -> opaque(v.byteSize(), v.byteSize());
            case EnumType e -> {
                if (!e.isComplete()) {
                    throw new IllegalArgumentException(e + " is incomplete");
                }
                yield primitive(e.body().underlyingType());
            }
            case RecordType r -> recordLayout(r);
        };
    }

    private MemoryLayout primitive(Primitive p) {
        long size = abi.sizeOf(p);
        return switch (p) {
            case VOID -> throw new IllegalArgumentException("void has no memory layout");
            case BOOL -> ValueLayout.JAVA_BOOLEAN;
            case CHAR, SIGNED_CHAR, UNSIGNED_CHAR -> ValueLayout.JAVA_BYTE;
            case SHORT, UNSIGNED_SHORT -> ValueLayout.JAVA_SHORT;
            case INT, UNSIGNED_INT -> ValueLayout.JAVA_INT;
            case LONG, UNSIGNED_LONG, LONG_LONG, UNSIGNED_LONG_LONG -> size == 8 ? ValueLayout.JAVA_LONG : ValueLayout.JAVA_INT;
            case FLOAT -> ValueLayout.JAVA_FLOAT;
            case DOUBLE -> ValueLayout.JAVA_DOUBLE;
            case COMPLEX_FLOAT -> MemoryLayout.structLayout(ValueLayout.JAVA_FLOAT.withName("re"), ValueLayout.JAVA_FLOAT.withName("im"));
            case COMPLEX_DOUBLE -> MemoryLayout.structLayout(ValueLayout.JAVA_DOUBLE.withName("re"), ValueLayout.JAVA_DOUBLE.withName("im"));
            // LuaJIT's 4-byte bool and 32-byte integers are stored, never converted or passed.
            case LONG_DOUBLE, INT128, UNSIGNED_INT128, FLOAT128, FLOAT16, COMPLEX_LONG_DOUBLE, COMPLEX_FLOAT128,
                 BOOL_INT, INT256, UNSIGNED_INT256 -> opaque(size, abi.alignOf(p));
        };
    }

    /** Bytes the JDK has no carrier for, with the C type's size and alignment. */
    private static MemoryLayout opaque(long byteSize, long byteAlignment) {
        return MemoryLayout.sequenceLayout(byteSize, ValueLayout.JAVA_BYTE).withByteAlignment(byteAlignment);
    }

    /** Cached per record; computed outside the map because nested records recurse here. */
    private MemoryLayout recordLayout(RecordType record) {
        MemoryLayout cached = records.get(record);
        if (cached != null) {
            return cached;
        }
        MemoryLayout computed = record(record);
        MemoryLayout raced = records.putIfAbsent(record, computed);
        return raced != null ? raced : computed;
    }

    private MemoryLayout record(RecordType record) {
        if (!record.isComplete()) {
            throw new IllegalArgumentException(record + " is incomplete, so it has no layout");
        }
        var layout = abi.layoutOf(record);
        return ForeignRecordLayout.of(layout, record.isUnion(), field -> named(member(field, layout.byteAlignment()), field));
    }

    /**
     * A member's layout, with its alignment lowered to what its offset and the record's own
     * alignment allow (packed structs: the FFM API refuses a group aligned less than a member).
     */
    private MemoryLayout member(FieldLayout field, long recordAlignment) {
        MemoryLayout m = layoutOf(field.type());
        long offset = field.byteOffset();
        long alignment = Math.min(m.byteAlignment(), recordAlignment);
        while (alignment > 1 && offset % alignment != 0) {
            alignment /= 2;
        }
        return alignment == m.byteAlignment() ? m : realign(m, alignment);
    }

    private static MemoryLayout realign(MemoryLayout layout, long alignment) {
        return switch (layout) {
            case java.lang.foreign.StructLayout s -> MemoryLayout.structLayout(s.memberLayouts().stream()
                    .map(m -> m.byteAlignment() > alignment ? realign(m, alignment) : m).toArray(MemoryLayout[]::new))
                    .withByteAlignment(alignment);
            case java.lang.foreign.UnionLayout u -> MemoryLayout.unionLayout(u.memberLayouts().stream()
                    .map(m -> m.byteAlignment() > alignment ? realign(m, alignment) : m).toArray(MemoryLayout[]::new))
                    .withByteAlignment(alignment);
            case java.lang.foreign.SequenceLayout s -> MemoryLayout.sequenceLayout(s.elementCount(),
                    realign(s.elementLayout(), Math.min(alignment, s.elementLayout().byteAlignment()))).withByteAlignment(alignment);
            default -> layout.withByteAlignment(alignment);
        };
    }

    private static MemoryLayout named(MemoryLayout layout, FieldLayout field) {
        return field.name().map(layout::withName).orElse(layout);
    }

    /**
     * The descriptor of a function type's fixed parameters. Throws
     * {@link IllegalArgumentException} naming the parameter when a type cannot be passed.
     */
    public FunctionDescriptor descriptorOf(CType.Function function) {
        List<MemoryLayout> parameters = new ArrayList<>();
        for (int i = 0; i < function.parameterTypes().size(); i++) {
            parameters.add(passable(function.parameterTypes().get(i), "parameter " + (i + 1)));
        }
        CType returnType = CType.unqualified(function.returnType());
        if (returnType == Primitive.VOID) {
            return FunctionDescriptor.ofVoid(parameters.toArray(MemoryLayout[]::new));
        }
        return FunctionDescriptor.of(passable(returnType, "the return value"), parameters.toArray(MemoryLayout[]::new));
    }

    private MemoryLayout passable(CType type, String what) {
        CType plain = CType.unqualified(type);
        if (plain instanceof Primitive p) {
            switch (p) {
                case LONG_DOUBLE, INT128, UNSIGNED_INT128, FLOAT128, FLOAT16, COMPLEX_LONG_DOUBLE, COMPLEX_FLOAT128,
                     BOOL_INT, INT256, UNSIGNED_INT256 ->
                        throw new IllegalArgumentException(what + " has type " + p.spelling()
                                + ", which the JDK's linker cannot pass");
                default -> {
                }
            }
        }
        if (plain instanceof CType.Vector) {
            throw new IllegalArgumentException(what + " is a vector, which the JDK's linker cannot pass");
        }
        if (plain instanceof CType.Array || plain instanceof CType.Function) {
            return ValueLayout.ADDRESS;
        }
        MemoryLayout layout = layoutOf(plain);
        ForeignRecordLayout.whyNotPassable(layout).ifPresent(reason -> {
            throw new IllegalArgumentException(what + " has type " + dev.isthmus.cparser.type.TypeRenderer.render(plain)
                    + ", which the JDK's linker cannot pass by value: " + reason);
        });
        return layout;
    }
}
