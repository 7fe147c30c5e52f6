package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.BitField;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeRenderer;
import dev.isthmus.cparser.type.TypeSpelling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A member as {@code cdecl} prints it, with offsets counted from the start of the
 * outermost type being reported (so members of anonymous structs carry their real
 * offsets). {@code byteSize} is the member's size (for a bitfield, its storage unit's);
 * {@code type} is the member's C type name and {@code declaration} the member as C declares
 * it ({@code int (*handler)(int)}), both with the typedef names the declaration used
 * ({@code size_t n}, as {@code pahole} shows them); {@code members} holds the members of an anonymous struct
 * or union; {@code memberType} is the member's type as the layout resolved it.
 */
record FieldRow(Optional<String> name, String type, String declaration, long byteOffset, long byteSize, Optional<BitField> bitField,
                List<FieldRow> members, CType memberType) {

    static List<FieldRow> of(Abi abi, RecordType record, long base) {
        List<FieldRow> rows = new ArrayList<>();
        List<FieldLayout> fields = abi.layoutOf(record).fields();
        // The layout has one field per member, in order; the member knows how its type was spelled.
        List<RecordType.Member> declared = record.body().members();
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout field = fields.get(i);
            TypeSpelling spelling = declared.get(i).spelling();
            Optional<BitField> bits = field.bitField().map(b -> b.shiftedBy(base));
            List<FieldRow> members = List.of();
            String typeText;
            String declaration;
            if (field.name().isEmpty() && !field.isBitField() && field.type() instanceof RecordType anonymous) {
                members = of(abi, anonymous, base + field.byteOffset());
                typeText = anonymous.kind().keyword();
                declaration = typeText;
            } else {
                String name = field.name().orElse("");
                typeText = TypeRenderer.render(field.type(), spelling);
                declaration = TypeRenderer.declare(field.type(), name, spelling);
            }
            long size = field.bitField().map(BitField::storageByteSize).orElseGet(() -> sizeOf(abi, field.type()));
            rows.add(new FieldRow(field.name(), typeText, declaration, base + field.byteOffset(), size, bits, members, field.type()));
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

    /** A bitfield's first bit counted from its storage unit's first bit (the unit at {@code byteOffset}). */
    long bitInUnit() {
        return bitField.map(b -> b.bitOffset() - 8 * byteOffset).orElse(0L);
    }

    /** Where the member's first bit lies, in bytes, rounded down. */
    long startOffset() {
        return bitField.map(b -> b.bitOffset() / 8).orElse(byteOffset);
    }
}
