package dev.isthmus.cparser.abi;

import dev.isthmus.cparser.layout.StructLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;

/**
 * What the three ABIs share: sizes and alignments derived from a {@link DataModel}, and
 * record layout by GCC's rules or, where {@link #usesMicrosoftBitFields()}, Microsoft's.
 */
abstract sealed class LayoutAbi implements Abi permits SysVAmd64Abi, Aapcs64Abi, Win64Abi {
    private final String name;
    private final DataModel model;
    /** Layouts per complete record; RecordType compares by identity, so this is an identity cache. */
    private final java.util.concurrent.ConcurrentHashMap<RecordType, StructLayout> layouts = new java.util.concurrent.ConcurrentHashMap<>();

    LayoutAbi(String name, DataModel model) {
        this.name = name;
        this.model = model;
    }

    /** Whether bitfields are allocated by Microsoft's rules rather than GCC's (Itanium C++ ABI / SysV). */
    boolean usesMicrosoftBitFields() {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isCharSigned() {
        return model.isCharSigned();
    }

    @Override
    public long sizeOf(Primitive primitive) {
        return model.sizeOf(primitive);
    }

    @Override
    public long alignOf(Primitive primitive) {
        return model.alignOf(primitive);
    }

    @Override
    public long pointerByteSize() {
        return model.pointerByteSize();
    }

    @Override
    public Primitive sizeType() {
        return model.sizeType();
    }

    @Override
    public Primitive pointerDifferenceType() {
        return model.pointerDifferenceType();
    }

    @Override
    public Primitive wideCharType() {
        return model.wideCharType();
    }

    @Override
    public long sizeOf(CType type) {
        return switch (type) {
            case Primitive p -> model.sizeOf(p);
            case CType.Pointer p -> model.pointerByteSize();
            case CType.Reference r -> model.pointerByteSize();
            case CType.Pointer32 p -> 4;
            case CType.Array a -> switch (a.kind()) {
                case FIXED -> Math.multiplyExact(sizeOf(a.element()), a.length());
                case INCOMPLETE, VARIABLE -> throw new IllegalArgumentException("array " + a + " has no size");
            };
            case CType.Function f -> throw new IllegalArgumentException("a function type has no size");
            case CType.Qualified q -> sizeOf(q.base());
            case CType.Aligned a -> sizeOf(a.base());
            case CType.Vector v -> v.byteSize();
            case RecordType r -> layoutOf(r).byteSize();
            case EnumType e -> model.sizeOf(completeEnum(e).underlyingType());
        };
    }

    @Override
    public long alignOf(CType type) {
        return switch (type) {
            case Primitive p -> model.alignOf(p);
            case CType.Pointer p -> model.pointerByteSize();
            case CType.Reference r -> model.pointerByteSize();
            case CType.Pointer32 p -> 4;
            case CType.Array a -> alignOf(a.element());
            case CType.Function f -> throw new IllegalArgumentException("a function type has no alignment");
            case CType.Qualified q -> alignOf(q.base());
            case CType.Aligned a -> a.byteAlignment();
            case CType.Vector v -> v.byteSize();
            case RecordType r -> layoutOf(r).byteAlignment();
            case EnumType e -> model.alignOf(completeEnum(e).underlyingType());
        };
    }

    private static EnumType.Body completeEnum(EnumType e) {
        if (!e.isComplete()) {
            throw new IllegalArgumentException(e + " is incomplete");
        }
        return e.body();
    }

    /** Whether unnamed bitfields raise a struct's alignment, as GCC's {@code align_anon_bitfield} (AArch64). */
    boolean unnamedBitFieldsAlignRecord() {
        return false;
    }

    @Override
    public StructLayout layoutOf(RecordType type) {
        if (!type.isComplete()) {
            throw new IllegalArgumentException(type + " is incomplete, so it has no layout");
        }
        StructLayout cached = layouts.get(type);
        if (cached != null) {
            return cached;
        }
        StructLayout computed = usesMicrosoftBitFields()
                ? new MsvcRecordLayout(this).layout(type)
                : new GccRecordLayout(this, unnamedBitFieldsAlignRecord()).layout(type);
        StructLayout raced = layouts.putIfAbsent(type, computed);
        return raced != null ? raced : computed;
    }

    @Override
    public long offsetOf(CType type, String path) {
        return MemberPath.offsetOf(this, type, path);
    }

    @Override
    public String toString() {
        return name;
    }
}
