package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.RecordType;

import java.util.List;
import java.util.Locale;

/**
 * Prints layouts the way {@code pahole} does: the definition with each member's offset
 * and size in a comment ({@code offset:bit size} for bitfields: the storage unit's offset,
 * the field's first bit within that unit, and the unit's size, as JSON's {@code offset},
 * {@code unitBitOffset} and {@code size}), a comment where bytes are
 * wasted between members, and a summary of size, alignment, holes and trailing padding.
 */
final class PaholeFormatter {
    private static final int COMMENT_COLUMN = 48;

    private final Abi abi;

    PaholeFormatter(Abi abi) {
        this.abi = abi;
    }

    String format(LayoutEntry entry) {
        StringBuilder out = new StringBuilder();
        if (entry.typedefOf().isPresent()) {
            String line = "typedef " + entry.typedefOf().get() + " " + entry.name() + ";";
            return entry.isComplete()
                    ? line + " /* size: " + abi.sizeOf(entry.type()) + ", align: " + abi.alignOf(entry.type()) + " */\n"
                    : line + " /* incomplete */\n";
        }
        if (!entry.isComplete()) {
            return entry.name() + "; /* incomplete */\n";
        }
        // A tag opens with its name; a typedef of an anonymous type is named after the body.
        boolean isTag = entry.name().startsWith(entry.kind() + " ");
        String head = isTag ? entry.name() : "typedef " + entry.kind();
        String tail = isTag ? "};\n" : "} " + entry.name() + ";\n";
        switch (entry.type()) {
            case RecordType r -> record(out, head, tail, r);
            case EnumType e -> enumeration(out, head, tail, e);
            default -> throw new IllegalArgumentException("not a struct, union or enum: " + entry.type());
        }
        return out.toString();
    }

    private void record(StringBuilder out, String head, String tail, RecordType record) {
        out.append(head).append(" {\n");
        List<FieldRow> rows = FieldRow.of(abi, record, 0);
        Summary summary = new Summary();
        members(out, rows, record.isUnion(), 1, summary);
        long size = abi.sizeOf(record);
        long end = rows.stream().mapToLong(FieldRow::endOffset).max().orElse(0);
        long padding = Math.max(0, size - end);
        out.append("\n    /* size: ").append(size).append(", align: ").append(abi.alignOf(record));
        out.append(", members: ").append(rows.size());
        if (summary.holes > 0) {
            out.append(", holes: ").append(summary.holes).append(" (").append(summary.holeBytes).append(" bytes)");
        }
        if (padding > 0) {
            out.append(", padding: ").append(padding);
        }
        out.append(" */\n").append(tail);
    }

    private static final class Summary {
        int holes;
        long holeBytes;
    }

    private void members(StringBuilder out, List<FieldRow> rows, boolean isUnion, int depth, Summary summary) {
        String indent = "    ".repeat(depth);
        long end = rows.isEmpty() ? 0 : rows.getFirst().startOffset();
        for (FieldRow row : rows) {
            if (!isUnion && row.startOffset() > end) {
                long hole = row.startOffset() - end;
                out.append(indent).append("/* XXX ").append(hole).append(hole == 1 ? " byte" : " bytes").append(" hole */\n");
                summary.holes++;
                summary.holeBytes += hole;
            }
            if (!row.members().isEmpty()) {
                out.append(indent).append(row.type()).append(" {\n");
                members(out, row.members(), row.type().equals("union"), depth + 1, summary);
                String close = indent + "}" + row.name().map(n -> " " + n).orElse("") + ";";
                out.append(pad(close)).append(offsetComment(row)).append('\n');
            } else {
                String declaration = indent + row.declaration() + row.bitField().map(b -> " : " + b.bitWidth()).orElse("") + ";";
                out.append(pad(declaration)).append(offsetComment(row)).append('\n');
            }
            end = Math.max(end, row.endOffset());
        }
    }

    private static String offsetComment(FieldRow row) {
        if (row.bitField().isPresent()) {
            // pahole's form: the storage unit's offset, the first bit within that unit, the unit's size.
            return String.format(Locale.ROOT, "/* %5d:%-2d %4d */", row.byteOffset(), row.bitInUnit(), row.byteSize());
        }
        return String.format(Locale.ROOT, "/* %5d    %4d */", row.byteOffset(), row.byteSize());
    }

    private static String pad(String text) {
        return text.length() >= COMMENT_COLUMN ? text + " " : text + " ".repeat(COMMENT_COLUMN - text.length());
    }

    private void enumeration(StringBuilder out, String head, String tail, EnumType type) {
        out.append(head).append(" {\n");
        boolean isUnsigned = type.body().underlyingType().isUnsigned();
        for (EnumType.Constant c : type.body().constants()) {
            out.append("    ").append(c.name()).append(" = ")
                    .append(isUnsigned ? Long.toUnsignedString(c.value()) : Long.toString(c.value())).append(",\n");
        }
        out.append("\n    /* size: ").append(abi.sizeOf(type)).append(", align: ").append(abi.alignOf(type))
                .append(", underlying type: ").append(type.body().underlyingType().spelling()).append(" */\n").append(tail);
    }
}
