package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.BitField;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A member as {@code cdecl} prints it, with offsets counted from the start of the
 * outermost type being reported (so members of anonymous structs carry their real
 * offsets). {@code byteSize} is the member's size (for a bitfield, its storage unit's);
 * {@code type} is the member's C type name and {@code declaration} the member as C declares
 * it ({@code int (*handler)(int)}); {@code members} holds the members of an anonymous struct
 * or union.
 */
record FieldRow(Optional<String> name, String type, String declaration, long byteOffset, long byteSize, Optional<BitField> bitField,
                List<FieldRow> members) {

    static List<FieldRow> of(Abi abi, RecordType record, long base) {
        List<FieldRow> rows = new ArrayList<>();
        for (FieldLayout field : abi.layoutOf(record).fields()) {
            Optional<BitField> bits = field.bitField().map(b -> b.shiftedBy(base));
            List<FieldRow> members = List.of();
            String typeText;
            String declaration;
            if (field.name().isEmpty() && !field.isBitField() && field.type() instanceof RecordType anonymous) {
                members = of(abi, anonymous, base + field.byteOffset());
                typeText = anonymous.kind().keyword();
                declaration = typeText;
            } else {
                typeText = TypeRenderer.render(field.type());
                declaration = TypeRenderer.declare(field.type(), field.name().orElse(""));
            }
            long size = field.bitField().map(BitField::storageByteSize).orElseGet(() -> sizeOf(abi, field.type()));
            rows.add(new FieldRow(field.name(), typeText, declaration, base + field.byteOffset(), size, bits, members));
        }
        return rows;
    }

    /** The size of a member; 0 for a flexible array member. */
    private static long sizeOf(Abi abi, CType type) {
        if (CType.unqualified(type) instanceof CType.Array a && a.kind() != CType.ArrayKind.FIXED) {
            return 0;
        }
        return abi.sizeOf(type);
    }

    /** The first byte after the member; for a bitfield, after its last bit. */
    long endOffset() {
        return bitField.map(b -> Math.ceilDiv(b.bitOffset() + b.bitWidth(), 8)).orElse(byteOffset + byteSize);
    }

    /** Where the member's first bit lies, in bytes, rounded down. */
    long startOffset() {
        return bitField.map(b -> b.bitOffset() / 8).orElse(byteOffset);
    }
}
