package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.BitField;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.layout.StructLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;

import java.util.ArrayList;
import java.util.List;

/**
 * The FFM layout of a struct or union as Java source, at cparser's offsets: members in
 * order with padding layouts for the gaps, bitfields inside padding (their accessors read
 * the bits), a member whose C offset is less aligned than its Java layout (packed, {@code
 * #pragma pack}) with its alignment lowered, or as plain bytes when FFM cannot lower it (a
 * struct), and the record's own alignment raised where C raises it ({@code aligned(n)}).
 * The result has exactly the C size and alignment.
 */
final class RecordLayoutExpression {
    private final Abi abi;
    private final JavaNames names;
    /** The field of another record class holding its layout for this ABI: {@code LAYOUT}, or {@code LAYOUT_WIN64} in portable bindings. */
    private final String layoutField;

    RecordLayoutExpression(Abi abi, JavaNames names, String layoutField) {
        this.abi = abi;
        this.names = names;
        this.layoutField = layoutField;
    }

    /** A member layout expression and the alignment it has in Java. */
    private record Part(String expression, long byteAlignment) {
    }

    String of(RecordType record) {
        return layout(record, Long.MAX_VALUE).expression() + record.tag().map(t -> ".withName(\"" + t + "\")").orElse("");
    }

    /** A member or bitfield storage unit placed in the layout. */
    private record Item(long byteOffset, long byteSize, String expression, long byteAlignment) {
    }

    private Part layout(RecordType record, long alignmentCap) {
        StructLayout layout = abi.layoutOf(record);
        long cap = Math.min(alignmentCap, layout.byteAlignment());
        List<Item> items = new ArrayList<>();
        for (FieldLayout field : layout.fields()) {
            if (field.isBitField()) {
                continue;
            }
            long offset = record.isUnion() ? 0 : field.byteOffset();
            Part member = member(field.type(), Math.min(cap, lowestPowerOfTwo(offset)));
            items.add(new Item(offset, sizeOf(field.type()),
                    member.expression() + field.name().map(n -> ".withName(\"" + n + "\")").orElse(""), member.byteAlignment()));
        }
        if (!record.isUnion()) {
            items.addAll(bitFieldUnits(layout, items, cap));
            items.sort(java.util.Comparator.comparingLong(Item::byteOffset));
        } else if (layout.fields().stream().anyMatch(FieldLayout::isBitField)) {
            items.addAll(bitFieldUnits(layout, List.of(), cap).stream().limit(1).toList());
        }
        List<String> parts = new ArrayList<>();
        long position = 0;
        long maxAlignment = 1;
        long widest = 0;
        for (Item item : items) {
            if (!record.isUnion() && item.byteOffset() < position) {
                continue;
            }
            if (!record.isUnion() && item.byteOffset() > position) {
                parts.add(padding(item.byteOffset() - position));
            }
            parts.add(item.expression());
            maxAlignment = Math.max(maxAlignment, item.byteAlignment());
            position = item.byteOffset() + item.byteSize();
            widest = Math.max(widest, item.byteSize());
        }
        if (record.isUnion()) {
            if (widest < layout.byteSize()) {
                parts.add(padding(layout.byteSize()));
            }
        } else if (position < layout.byteSize()) {
            parts.add(padding(layout.byteSize() - position));
        }
        String kind = record.isUnion() ? "MemoryLayout.unionLayout(" : "MemoryLayout.structLayout(";
        String expression = kind + (parts.isEmpty() ? "" : "\n" + String.join(",\n", parts)) + ")";
        long alignment = Math.min(layout.byteAlignment(), cap);
        if (alignment > maxAlignment) {
            expression += ".withByteAlignment(" + alignment + ")";
            maxAlignment = alignment;
        }
        return new Part(expression, maxAlignment);
    }

    /**
     * Unnamed integer layouts over the bitfields' storage units, so the record keeps C's
     * alignment without raising it by hand (the linker accepts only records whose alignment
     * is their members' for passing by value): the widest units first, each where it is
     * naturally aligned, inside the record and clear of the members and units already placed.
     */
    private List<Item> bitFieldUnits(StructLayout layout, List<Item> members, long cap) {
        List<Item> taken = new ArrayList<>(members);
        List<Item> units = new ArrayList<>();
        layout.fields().stream().filter(FieldLayout::isBitField).map(f -> f.bitField().get())
                .sorted(java.util.Comparator.comparingLong((BitField b) -> -b.storageByteSize()).thenComparingLong(BitField::storageByteOffset))
                .forEach(b -> {
                    long offset = b.storageByteOffset();
                    long size = b.storageByteSize();
                    boolean fits = offset % size == 0 && offset + size <= layout.byteSize() && size <= 8
                            && taken.stream().noneMatch(i -> offset < i.byteOffset() + i.byteSize() && i.byteOffset() < offset + size);
                    if (fits) {
                        String constant = switch ((int) size) {
                            case 1 -> "ValueLayout.JAVA_BYTE";
                            case 2 -> "ValueLayout.JAVA_SHORT";
                            case 4 -> "ValueLayout.JAVA_INT";
                            default -> "ValueLayout.JAVA_LONG";
                        };
                        long alignment = Math.min(size, cap);
                        Item unit = new Item(offset, size, alignment < size ? constant + ".withByteAlignment(" + alignment + ")"
                                : constant, alignment);
                        taken.add(unit);
                        units.add(unit);
                    }
                });
        return units;
    }

    private Part member(CType type, long allowedAlignment) {
        CType t = BindingSet.strip(type);
        long natural = abi.alignOf(t);
        switch (t) {
            case RecordType r -> {
                if (natural > allowedAlignment) {
                    return bytes(abi.sizeOf(r));
                }
                return names.hasRecordClass(r) ? new Part(names.recordClass(r) + "." + layoutField, natural) : layout(r, allowedAlignment);
            }
            case CType.Array a -> {
                long count = a.kind() == CType.ArrayKind.FIXED ? a.length() : 0;
                Part element = member(a.element(), allowedAlignment);
                return new Part("MemoryLayout.sequenceLayout(" + count + ", " + element.expression() + ")",
                        element.byteAlignment());
            }
            default -> {
                try {
                    // Untyped pointers: a record's POINTER names its LAYOUT, which may still be under construction here.
                    JavaCarrier carrier = JavaCarrier.of(t, abi, names);
                    if (natural > allowedAlignment) {
                        return new Part(carrier.memberLayout() + ".withByteAlignment(" + allowedAlignment + ")", allowedAlignment);
                    }
                    return new Part(carrier.memberLayout(), natural);
                } catch (NotBindable e) {
                    return bytes(abi.sizeOf(t));
                }
            }
        }
    }

    private long sizeOf(CType type) {
        CType t = BindingSet.strip(type);
        if (t instanceof CType.Array a && a.kind() != CType.ArrayKind.FIXED) {
            return 0;
        }
        return abi.sizeOf(t);
    }

    private static Part bytes(long size) {
        return new Part("MemoryLayout.sequenceLayout(" + size + ", ValueLayout.JAVA_BYTE)", 1);
    }

    private static String padding(long bytes) {
        return "MemoryLayout.paddingLayout(" + bytes + ")";
    }

    private static long lowestPowerOfTwo(long offset) {
        return offset == 0 ? Long.MAX_VALUE : Long.lowestOneBit(offset);
    }
}
