package dev.isthmus.ffi;

import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.layout.StructLayout;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The FFM layout of a struct or union: its members' layouts at exactly the offsets cparser
 * computed, with explicit padding between them and to the C size (a union pads only when no
 * member is as large: the FFM API rejects a union member that pads nothing).
 *
 * <p>Bitfields have no FFM layout, and the JDK's linker accepts a group layout only when its
 * alignment is the largest of its members' and every member sits where its alignment puts
 * it, so a bitfield's bytes cannot be a byte sequence inside a record aligned to 4 (C's
 * {@code struct { unsigned lo : 4; unsigned hi : 4; }} is 4 bytes aligned to 4). Every
 * eightbyte of a struct that holds bitfield bits therefore becomes integer carriers (the
 * widest {@code long}, {@code int}, {@code short} or {@code byte} each offset's alignment
 * allows, never wider than the record's alignment), and the other members keep their own
 * layouts. That is also how the ABIs pass such a record: the SysV psABI (3.2.3) classifies
 * an eightbyte holding a bitfield as INTEGER whatever shares it, AAPCS64 never treats a
 * record with bitfields as a homogeneous floating-point aggregate, and Win64 looks at the
 * size only. A member that straddles such an eightbyte drags the eightbytes it spans in with
 * it, so no carrier overlaps a member; a union keeps its members and gains carriers beside
 * them ({@link #union}). The bitfields themselves are read and written at cparser's bit
 * offsets, never through these carriers.
 */
final class ForeignRecordLayout {
    private static final int EIGHTBYTE = 8;

    private ForeignRecordLayout() {
    }

    /**
     * The record's layout, {@code member} giving each member's layout (named, and aligned
     * as its offset allows).
     */
    static MemoryLayout of(StructLayout layout, boolean isUnion, Function<FieldLayout, MemoryLayout> member) {
        return isUnion ? union(layout, member) : struct(layout, member);
    }

    private static MemoryLayout struct(StructLayout layout, Function<FieldLayout, MemoryLayout> member) {
        boolean[] integer = integerEightbytes(layout, member);
        record Placed(long byteOffset, MemoryLayout layout) {
        }
        List<Placed> placed = new ArrayList<>();
        for (int i = 0; i < integer.length; ) {
            if (!integer[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < integer.length && integer[j]) {
                j++;
            }
            long at = (long) i * EIGHTBYTE;
            for (MemoryLayout carrier : carriers(at, Math.min((long) j * EIGHTBYTE, layout.byteSize()), layout.byteAlignment())) {
                placed.add(new Placed(at, carrier));
                at += carrier.byteSize();
            }
            i = j;
        }
        for (FieldLayout field : layout.fields()) {
            if (!field.isBitField()) {
                MemoryLayout m = member.apply(field);
                // After integerEightbytes a member is either wholly in carrier eightbytes or in none.
                if (m.byteSize() > 0 && !integer[(int) (field.byteOffset() / EIGHTBYTE)]) {
                    placed.add(new Placed(field.byteOffset(), m));
                }
            }
        }
        placed.sort(Comparator.comparingLong(Placed::byteOffset));
        List<MemoryLayout> members = new ArrayList<>();
        long position = 0;
        for (Placed p : placed) {
            if (p.byteOffset() > position) {
                members.add(MemoryLayout.paddingLayout(p.byteOffset() - position));
            }
            members.add(p.layout());
            position = p.byteOffset() + p.layout().byteSize();
        }
        if (layout.byteSize() > position) {
            members.add(MemoryLayout.paddingLayout(layout.byteSize() - position));
        }
        return MemoryLayout.structLayout(members.toArray(MemoryLayout[]::new)).withByteAlignment(layout.byteAlignment());
    }

    /**
     * A union keeps every member as it is, overlapping as union members do, and gains one
     * struct of carriers over the eightbytes its bitfields reach; the linker merges the
     * members' classes per eightbyte as the psABI does.
     */
    private static MemoryLayout union(StructLayout layout, Function<FieldLayout, MemoryLayout> member) {
        List<MemoryLayout> members = new ArrayList<>();
        long bitsEnd = 0;
        for (FieldLayout field : layout.fields()) {
            if (field.bitField().isPresent()) {
                var b = field.bitField().get();
                bitsEnd = Math.max(bitsEnd, Math.ceilDiv(b.bitOffset() + b.bitWidth(), 8));
            } else if (member.apply(field).byteSize() > 0) {
                members.add(member.apply(field));
            }
        }
        long end = Math.min(layout.byteSize(), Math.ceilDiv(bitsEnd, EIGHTBYTE) * EIGHTBYTE);
        List<MemoryLayout> carriers = carriers(0, end, layout.byteAlignment());
        if (!carriers.isEmpty()) {
            members.add(carriers.size() == 1 ? carriers.getFirst() : MemoryLayout.structLayout(carriers.toArray(MemoryLayout[]::new)));
        }
        long largest = members.stream().mapToLong(MemoryLayout::byteSize).max().orElse(0);
        if (largest < layout.byteSize()) {
            members.add(MemoryLayout.paddingLayout(layout.byteSize()));
        }
        return MemoryLayout.unionLayout(members.toArray(MemoryLayout[]::new)).withByteAlignment(layout.byteAlignment());
    }

    /**
     * Why the JDK's linker would refuse {@code layout} in a function descriptor, if it would: it
     * takes only layouts aligned exactly as their members make them, so neither a packed
     * record's misaligned member (which the SysV psABI would pass in memory) nor a record
     * aligned beyond its members by an aligned attribute or a {@code long double}.
     */
    static Optional<String> whyNotPassable(MemoryLayout layout) {
        return switch (layout) {
            case ValueLayout v -> v.byteAlignment() < v.byteSize()
                    ? Optional.of("a packed member is not aligned to its size") : Optional.empty();
            case PaddingLayout p -> Optional.empty();
            case SequenceLayout q -> q.byteAlignment() != q.elementLayout().byteAlignment()
                    ? Optional.of("it holds a type the linker has no carrier for, or one aligned beyond its size")
                    : whyNotPassable(q.elementLayout());
            case GroupLayout g -> {
                long natural = g.memberLayouts().stream().mapToLong(MemoryLayout::byteAlignment).max().orElse(1);
                if (g.byteAlignment() != natural) {
                    yield Optional.of("it is aligned to " + g.byteAlignment() + " bytes, beyond its members' " + natural);
                }
                yield g.memberLayouts().stream().map(ForeignRecordLayout::whyNotPassable)
                        .flatMap(Optional::stream).findFirst();
            }
        };
    }

    /**
     * Which eightbytes become carriers: those holding a bitfield's bits, then, until nothing
     * changes, every eightbyte of a member that overlaps one of them.
     */
    private static boolean[] integerEightbytes(StructLayout layout, Function<FieldLayout, MemoryLayout> member) {
        boolean[] integer = new boolean[(int) Math.ceilDiv(layout.byteSize(), EIGHTBYTE)];
        for (FieldLayout field : layout.fields()) {
            field.bitField().filter(b -> b.bitWidth() > 0).ifPresent(b -> mark(integer,
                    b.bitOffset() / 8, Math.ceilDiv(b.bitOffset() + b.bitWidth(), 8)));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (FieldLayout field : layout.fields()) {
                if (field.isBitField()) {
                    continue;
                }
                long start = field.byteOffset();
                long end = start + member.apply(field).byteSize();
                if (end > start && isAnyMarked(integer, start, end) && mark(integer, start, end)) {
                    changed = true;
                }
            }
        }
        return integer;
    }

    /** Marks the eightbytes of bytes [start, end); whether one was not marked before. */
    private static boolean mark(boolean[] integer, long start, long end) {
        boolean changed = false;
        for (long i = start / EIGHTBYTE; i < Math.ceilDiv(end, EIGHTBYTE); i++) {
            changed |= !integer[(int) i];
            integer[(int) i] = true;
        }
        return changed;
    }

    private static boolean isAnyMarked(boolean[] integer, long start, long end) {
        for (long i = start / EIGHTBYTE; i < Math.ceilDiv(end, EIGHTBYTE); i++) {
            if (integer[(int) i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Integer layouts covering bytes [start, end): at each offset the widest of 8, 4, 2 and 1
     * bytes that the offset is aligned to, that fits, and that is no wider than the record's
     * alignment (a packed record gets bytes). The record's size is a multiple of its alignment,
     * so a run starting on an eightbyte holds a carrier as aligned as the record.
     */
    private static List<MemoryLayout> carriers(long start, long end, long recordAlignment) {
        List<MemoryLayout> members = new ArrayList<>();
        long at = start;
        while (at < end) {
            long width = Math.min(EIGHTBYTE, recordAlignment);
            while (width > 1 && (at % width != 0 || at + width > end)) {
                width /= 2;
            }
            members.add(switch ((int) width) {
                case 8 -> ValueLayout.JAVA_LONG;
                case 4 -> ValueLayout.JAVA_INT;
                case 2 -> ValueLayout.JAVA_SHORT;
                default -> ValueLayout.JAVA_BYTE;
            });
            at += width;
        }
        return members;
    }
}
