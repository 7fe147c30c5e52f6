package dev.isthmus.cparser.abi;

import dev.isthmus.cparser.layout.BitField;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.layout.StructLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Struct and union layout as Microsoft's compiler does it for x64, and clang with an
 * {@code -msvc} target (our oracle; clang's MicrosoftRecordLayoutBuilder documents the
 * rules). Ordinary members are placed as everywhere; the differences:
 * <ul>
 * <li>A member's alignment is its type's, capped by {@code #pragma pack} (values above 8
 *     are ignored) or set to 1 by {@code packed}; but a <em>required</em> alignment is never
 *     capped: {@code aligned(n)} on the member, the whole alignment of a type declared with
 *     an alignment attribute, or what a nested struct's members require.</li>
 * <li>Consecutive bitfields share a storage unit only while their declared types have the
 *     same size and the unit has room; otherwise a new unit starts at the next boundary of
 *     the type's alignment. In a struct every unit raises the struct's alignment, named or
 *     not; in a union bitfields add size but no alignment.</li>
 * <li>A zero-width bitfield right after a bitfield closes the unit and aligns to its type;
 *     anywhere else it is ignored.</li>
 * </ul>
 */
final class MsvcRecordLayout {
    private final LayoutAbi abi;

    MsvcRecordLayout(LayoutAbi abi) {
        this.abi = abi;
    }

    /** A member's size and adjusted alignment, and the alignment no packing may lower. */
    private record ElementInfo(long byteSize, long byteAlignment, long requiredAlignment) {
    }

    StructLayout layout(RecordType record) {
        RecordType.Body body = record.body();
        long maxFieldAlignment = body.maxFieldAlignment() <= abi.pointerByteSize() ? body.maxFieldAlignment() : 0;
        if (body.isPacked()) {
            maxFieldAlignment = 1;
        }
        long size = 0;
        long alignment = 1;
        long required = body.requestedByteAlignment();
        long remainingBits = 0;
        long currentUnitSize = 0;
        boolean lastWasBitField = false;
        List<FieldLayout> fields = new ArrayList<>();
        for (RecordType.Member member : body.members()) {
            ElementInfo info = elementInfo(member, maxFieldAlignment);
            if (!member.isBitField()) {
                lastWasBitField = false;
                alignment = Math.max(alignment, info.byteAlignment());
                required = Math.max(required, info.requiredAlignment());
                long offset = record.isUnion() ? 0 : GccRecordLayout.alignUp(size, info.byteAlignment());
                fields.add(new FieldLayout(member.name(), member.type(), offset, Optional.empty()));
                size = Math.max(size, offset + info.byteSize());
                continue;
            }
            int width = member.bitWidth().getAsInt();
            long unitBits = info.byteSize() * 8;
            if (width == 0) {
                long offset = record.isUnion() ? 0 : size;
                if (lastWasBitField) {
                    lastWasBitField = false;
                    if (record.isUnion()) {
                        size = Math.max(size, info.byteSize());
                    } else {
                        offset = GccRecordLayout.alignUp(size, info.byteAlignment());
                        size = offset;
                        alignment = Math.max(alignment, info.byteAlignment());
                    }
                }
                fields.add(new FieldLayout(member.name(), member.type(), offset,
                        Optional.of(new BitField(offset * 8, 0, offset, info.byteSize()))));
                continue;
            }
            if (!record.isUnion() && lastWasBitField && currentUnitSize == info.byteSize() && width <= remainingBits) {
                long bitOffset = size * 8 - remainingBits;
                long unitStart = size - info.byteSize();
                fields.add(new FieldLayout(member.name(), member.type(), unitStart,
                        Optional.of(new BitField(bitOffset, width, unitStart, info.byteSize()))));
                remainingBits -= width;
                continue;
            }
            lastWasBitField = true;
            currentUnitSize = info.byteSize();
            long offset;
            if (record.isUnion()) {
                offset = 0;
                size = Math.max(size, info.byteSize());
            } else {
                offset = GccRecordLayout.alignUp(size, info.byteAlignment());
                size = offset + info.byteSize();
                alignment = Math.max(alignment, info.byteAlignment());
                remainingBits = unitBits - width;
            }
            fields.add(new FieldLayout(member.name(), member.type(), offset,
                    Optional.of(new BitField(offset * 8, width, offset, info.byteSize()))));
        }
        alignment = Math.max(alignment, required);
        size = GccRecordLayout.alignUp(size, alignment);
        return new StructLayout(record, size, alignment, fields);
    }

    private ElementInfo elementInfo(RecordType.Member member, long maxFieldAlignment) {
        CType type = member.type();
        long size = sizeOfMember(type);
        long alignment = naturalAlignment(type);
        long required = Math.max(member.requestedByteAlignment(), typeRequiredAlignment(type));
        if (member.isBitField()) {
            alignment = Math.max(alignment, required);
        }
        if (maxFieldAlignment != 0) {
            alignment = Math.min(alignment, maxFieldAlignment);
        }
        if (member.isPacked()) {
            alignment = 1;
        }
        alignment = Math.max(alignment, required);
        return new ElementInfo(size, alignment, member.isBitField() ? 0 : required);
    }

    /** The alignment of the type with typedef alignment attributes looked through. */
    private long naturalAlignment(CType type) {
        CType t = CType.unqualified(type);
        while (t instanceof CType.Aligned a) {
            t = CType.unqualified(a.base());
        }
        return abi.alignOf(t);
    }

    /**
     * The alignment a type demands whatever the packing. A type whose own declaration has
     * an alignment attribute (an aligned typedef, a struct declared {@code aligned(n)})
     * demands its whole alignment, not just n; a struct without one demands what its
     * members demand. Arrays demand what their elements do.
     */
    private long typeRequiredAlignment(CType type) {
        CType t = CType.unqualified(type);
        if (t instanceof CType.Aligned a) {
            return a.byteAlignment();
        }
        while (t instanceof CType.Array a) {
            t = CType.unqualified(a.element());
        }
        if (t instanceof RecordType r && r.isComplete()) {
            return r.body().requestedByteAlignment() != 0 ? abi.alignOf(r) : recordRequiredAlignment(r);
        }
        return 0;
    }

    private long recordRequiredAlignment(RecordType record) {
        long required = record.body().requestedByteAlignment();
        for (RecordType.Member member : record.body().members()) {
            if (!member.isBitField()) {
                required = Math.max(required, Math.max(member.requestedByteAlignment(), typeRequiredAlignment(member.type())));
            }
        }
        return required;
    }

    private long sizeOfMember(CType type) {
        if (CType.unqualified(type) instanceof CType.Array a && a.kind() != CType.ArrayKind.FIXED) {
            return 0;
        }
        return abi.sizeOf(type);
    }
}
