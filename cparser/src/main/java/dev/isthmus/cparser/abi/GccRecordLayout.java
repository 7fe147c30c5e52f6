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
 * Struct and union layout as GCC does it on SysV x86-64 and AArch64 (gcc/stor-layout.cc:
 * {@code layout_decl}, {@code place_field}, {@code update_alignment_for_field}), which is
 * what both psABIs describe. All positions are counted in bits while laying out.
 *
 * <p>The rules, in the order they bite:
 * <ul>
 * <li>A member's alignment is its type's, raised by {@code aligned(n)}/{@code _Alignas};
 *     {@code packed} (on the member or the struct) drops the type's part to 1 byte;
 *     {@code #pragma pack(n)} then caps the result, user alignment included.</li>
 * <li>A bitfield of width w and declared type T goes at the next free bit, unless that
 *     would make it span more T-aligned units than T itself has; then it starts at the
 *     next T-aligned boundary ({@code excess_unit_span}). Packed bitfields and any bitfield
 *     under {@code #pragma pack} skip that check and go at the next bit.</li>
 * <li>A zero-width bitfield moves to T's alignment whatever packing says.</li>
 * <li>A named bitfield raises the struct's alignment to T's (capped by pack or packed);
 *     an unnamed one does so only where the ABI says ({@code align_anon_bitfield}:
 *     AArch64 yes, x86-64 no).</li>
 * <li>The size is the end of the last member rounded up to the struct's alignment; an
 *     empty struct has size 0, a flexible array member adds alignment but no size.</li>
 * </ul>
 */
final class GccRecordLayout {
    private final LayoutAbi abi;
    private final boolean unnamedBitFieldsAlignRecord;

    GccRecordLayout(LayoutAbi abi, boolean unnamedBitFieldsAlignRecord) {
        this.abi = abi;
        this.unnamedBitFieldsAlignRecord = unnamedBitFieldsAlignRecord;
    }

    StructLayout layout(RecordType record) {
        RecordType.Body body = record.body();
        long pack = body.maxFieldAlignment();
        long bitPosition = 0;
        long endBits = 0;
        long recordAlignment = 1;
        List<FieldLayout> fields = new ArrayList<>();
        for (RecordType.Member member : body.members()) {
            boolean isPacked = body.isPacked() || member.isPacked();
            long start = record.isUnion() ? 0 : bitPosition;
            if (member.isBitField()) {
                int width = member.bitWidth().getAsInt();
                long typeBits = abi.sizeOf(member.type()) * 8;
                long typeAlignBits = abi.alignOf(member.type()) * 8;
                long position = start;
                if (member.requestedByteAlignment() != 0) {
                    position = alignUp(position, cap(member.requestedByteAlignment(), pack) * 8);
                    recordAlignment = Math.max(recordAlignment, cap(member.requestedByteAlignment(), pack));
                }
                if (width == 0) {
                    position = alignUp(position, typeAlignBits);
                } else if (!isPacked && pack == 0 && excessUnitSpan(position, width, typeAlignBits, typeBits)) {
                    position = alignUp(position, typeAlignBits);
                }
                if (member.name().isPresent() || unnamedBitFieldsAlignRecord) {
                    long alignment = typeAlignBits / 8;
                    if (width != 0) {
                        alignment = pack != 0 ? Math.min(alignment, pack) : isPacked ? 1 : alignment;
                    }
                    recordAlignment = Math.max(recordAlignment, alignment);
                }
                BitField placed = bitField(position, width, typeBits / 8);
                fields.add(new FieldLayout(member.name(), member.type(), placed.storageByteOffset(), Optional.of(placed)));
                long end = position + width;
                bitPosition = record.isUnion() ? bitPosition : end;
                endBits = Math.max(endBits, end);
            } else {
                long natural = isPacked ? 1 : abi.alignOf(member.type());
                long alignment = cap(Math.max(natural, member.requestedByteAlignment()), pack);
                long position = alignUp(start, alignment * 8);
                long size = sizeOfMember(member.type());
                fields.add(new FieldLayout(member.name(), member.type(), position / 8, Optional.empty()));
                recordAlignment = Math.max(recordAlignment, alignment);
                long end = position + size * 8;
                bitPosition = record.isUnion() ? bitPosition : end;
                endBits = Math.max(endBits, end);
            }
        }
        recordAlignment = Math.max(recordAlignment, body.requestedByteAlignment());
        long byteSize = alignUp(alignUp(endBits, 8) / 8, recordAlignment);
        return new StructLayout(record, byteSize, recordAlignment, fields);
    }

    /** A flexible array member ({@code T x[]} or LuaJIT's {@code T x[?]}) occupies no bytes. */
    private long sizeOfMember(CType type) {
        if (CType.unqualified(type) instanceof CType.Array a && a.kind() != CType.ArrayKind.FIXED) {
            return 0;
        }
        return abi.sizeOf(type);
    }

    private static long cap(long alignment, long pack) {
        return pack == 0 ? alignment : Math.min(alignment, pack);
    }

    /** GCC's {@code excess_unit_span}: would [position, +width) cross more T-aligned units than T has? */
    private static boolean excessUnitSpan(long position, long width, long typeAlignBits, long typeBits) {
        long offsetInUnit = position % typeAlignBits;
        return (offsetInUnit + width + typeAlignBits - 1) / typeAlignBits > typeBits / typeAlignBits;
    }

    static long alignUp(long value, long alignment) {
        return alignment <= 1 ? value : Math.ceilDiv(value, alignment) * alignment;
    }

    /**
     * The storage unit a compiler would load for the field: the declared type's size at an
     * offset that is a multiple of it when the field fits there, else the smallest
     * power-of-two window from the field's first byte (packed fields that straddle).
     */
    static BitField bitField(long bitPosition, int width, long unitBytes) {
        long unitBits = unitBytes * 8;
        long alignedStart = (bitPosition / unitBits) * unitBits;
        if (bitPosition + width <= alignedStart + unitBits) {
            return new BitField(bitPosition, width, alignedStart / 8, unitBytes);
        }
        long firstByte = bitPosition / 8;
        long needed = Math.ceilDiv(bitPosition + width - firstByte * 8, 8);
        long window = Math.max(unitBytes, Long.highestOneBit(needed - 1) << 1);
        return new BitField(bitPosition, width, firstByte, window);
    }
}
