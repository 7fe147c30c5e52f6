package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.BitField;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the members of one struct level leave bytes and bits unused, counted as {@code pahole}
 * counts them (dwarves' {@code class__find_holes}), so that {@code cdecl}'s summary reads the
 * same numbers for the same struct: a hole is the space between one member's end and the next
 * member's start (a bitfield ends where its storage unit ends, or where the next member starts
 * inside that unit: those bits are a bit hole); unnamed bitfields are not members (a compiler's
 * debug information has none), so their bits count as holes; what follows the last member is
 * padding, or bit padding when it lies in the last bitfield's unit. Members of anonymous structs
 * form a level of their own: their holes are shown where they are but not summed here, as pahole
 * does.
 *
 * @param gaps every hole, in member order
 * @param members the members pahole counts: named ones and anonymous structs and unions
 * @param memberBytes the sizes of the members that are not bitfields, summed
 * @param bitfieldBits the widths of the named bitfields, summed
 * @param padding bytes after the last member
 * @param bitPadding bits left in the last bitfield's storage unit
 */
record StructGaps(List<Gap> gaps, int members, long memberBytes, long bitfieldBits, long padding, long bitPadding) {

    /**
     * Unused space after member {@code after} ({@code -1}: before the first): {@code length}
     * bytes from byte {@code start}, or, for a bit hole, bits from bit {@code start} (counted
     * from the outermost type's first bit, as JSON's {@code bitOffset}).
     */
    record Gap(int after, boolean isBits, long start, long length) {
    }

    /** The gaps of {@code rows}, a struct level taking the bytes {@code [start, start + size)}. */
    static StructGaps of(List<FieldRow> rows, long start, long size) {
        List<Gap> gaps = new ArrayList<>();
        int members = 0;
        long memberBytes = 0;
        long bitfieldBits = 0;
        long lastSeenBit = 8 * start;
        long bitfieldEnd = 8 * start;
        long bitfieldSize = 0;
        boolean inBitfield = false;
        int last = -1;
        for (int i = 0; i < rows.size(); i++) {
            FieldRow row = rows.get(i);
            if (row.name().isEmpty() && row.bitField().isPresent()) {
                continue;
            }
            members++;
            long bitStart = row.bitField().map(BitField::bitOffset).orElse(8 * row.byteOffset());
            long bitEnd = row.bitField().map(b -> b.bitOffset() + b.bitWidth()).orElse(8 * (row.byteOffset() + row.byteSize()));
            long bitHole = 0;
            long byteHole = 0;
            long bitHoleStart = lastSeenBit;
            if (inBitfield) {
                // The bits left in the previous bitfield's unit, up to this member.
                long end = Math.min(bitStart, bitfieldEnd);
                bitHole = end - lastSeenBit;
                lastSeenBit = end;
            }
            long byteHoleStart = lastSeenBit / 8;
            if (row.bitField().isPresent()) {
                long unitStart = 8 * row.byteOffset();
                if (lastSeenBit < unitStart && unitStart <= bitStart) {
                    byteHole = row.byteOffset() - lastSeenBit / 8;
                    lastSeenBit = unitStart;
                }
                if (bitHole == 0) {
                    bitHoleStart = lastSeenBit;
                }
                bitHole += bitStart - lastSeenBit;
                bitfieldBits += row.bitField().get().bitWidth();
            } else {
                byteHole = bitStart / 8 - lastSeenBit / 8;
                memberBytes += row.byteSize();
            }
            if (bitHole > 0) {
                gaps.add(new Gap(last, true, bitHoleStart, bitHole));
            }
            if (byteHole > 0) {
                gaps.add(new Gap(last, false, byteHoleStart, byteHole));
            }
            inBitfield = row.bitField().isPresent();
            if (inBitfield) {
                // A new unit, or the same one read as a wider type; a field that took bits of the
                // previous unit but ends past it ends in the next one.
                long unitBits = 8 * row.byteSize();
                if (bitEnd > bitfieldEnd || unitBits > bitfieldSize) {
                    bitfieldSize = unitBits;
                    bitfieldEnd = 8 * row.byteOffset() + unitBits;
                    if (bitEnd > bitfieldEnd) {
                        bitfieldEnd += unitBits;
                    }
                }
            } else {
                bitfieldSize = 0;
                bitfieldEnd = bitEnd;
            }
            last = i;
            lastSeenBit = bitEnd;
        }
        long bitPadding = 0;
        if (inBitfield) {
            long end = Math.min(8 * (start + size), bitfieldEnd);
            bitPadding = end - lastSeenBit;
            lastSeenBit = end;
        }
        return new StructGaps(List.copyOf(gaps), members, memberBytes, bitfieldBits,
                Math.max(0, start + size - lastSeenBit / 8), bitPadding);
    }

    /** The gaps of a whole struct or union ({@code record}, laid out by {@code abi}), from its rows. */
    static StructGaps of(Abi abi, RecordType record, List<FieldRow> rows) {
        if (record.isUnion()) {
            // Every member starts at 0: no holes; what the widest leaves is padding.
            long widest = rows.stream().mapToLong(FieldRow::endOffset).max().orElse(0);
            int members = (int) rows.stream().filter(r -> r.name().isPresent() || r.bitField().isEmpty()).count();
            return new StructGaps(List.of(), members, 0, 0, Math.max(0, abi.sizeOf(record) - widest), 0);
        }
        return of(rows, 0, abi.sizeOf(record));
    }

    /** Holes in bytes. */
    List<Gap> byteHoles() {
        return gaps.stream().filter(g -> !g.isBits()).toList();
    }

    /** Holes in bits. */
    List<Gap> bitHoles() {
        return gaps.stream().filter(Gap::isBits).toList();
    }

    /** The padding a member of struct type carries inside it (pahole's "last struct has N bytes of padding"), or 0. */
    static long paddingInside(Abi abi, CType memberType) {
        CType type = memberType;
        while (type instanceof CType.Qualified || type instanceof CType.Aligned) {
            type = type instanceof CType.Qualified q ? q.base() : ((CType.Aligned) type).base();
        }
        if (type instanceof RecordType r && !r.isUnion() && r.body() != null) {
            return of(abi, r, FieldRow.of(abi, r, 0)).padding();
        }
        return 0;
    }
}
