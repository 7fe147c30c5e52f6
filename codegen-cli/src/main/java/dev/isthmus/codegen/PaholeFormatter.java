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
 * {@code unitBitOffset} and {@code size}), pahole's comments where bytes or bits are wasted
 * between members ({@link StructGaps}) and where a 64-byte cache line begins, and pahole's
 * summary (size, cache lines, members, holes, bit holes, padding), with the alignment.
 */
final class PaholeFormatter {
    private static final int COMMENT_COLUMN = 48;
    /** The cache line pahole assumes on x86-64 and AArch64, in bytes. */
    private static final long CACHELINE = 64;

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
        long size = abi.sizeOf(record);
        StructGaps gaps = StructGaps.of(abi, record, rows);
        Totals totals = new Totals();
        members(out, rows, record.isUnion() ? null : gaps, 1, totals);
        // pahole's summary, line for line, with the alignment (which pahole leaves out) after the first.
        out.append("\n    /* size: ").append(size).append(", cachelines: ").append(Math.ceilDiv(size, CACHELINE))
                .append(", members: ").append(gaps.members()).append(" */\n");
        out.append("    /* align: ").append(abi.alignOf(record)).append(" */\n");
        List<StructGaps.Gap> holes = gaps.byteHoles();
        List<StructGaps.Gap> bitHoles = gaps.bitHoles();
        if (!holes.isEmpty() || !bitHoles.isEmpty()) {
            out.append("    /* sum members: ").append(gaps.memberBytes());
            if (!holes.isEmpty()) {
                out.append(", holes: ").append(holes.size()).append(", sum holes: ").append(sum(holes));
            }
            out.append(" */\n");
        }
        if (!bitHoles.isEmpty()) {
            out.append("    /* sum bitfield members: ").append(gaps.bitfieldBits()).append(" bits, bit holes: ")
                    .append(bitHoles.size()).append(", sum bit holes: ").append(sum(bitHoles)).append(" bits */\n");
        }
        if (gaps.padding() > 0) {
            out.append("    /* padding: ").append(gaps.padding()).append(" */\n");
        }
        if (totals.paddings > 0) {
            out.append("    /* paddings: ").append(totals.paddings).append(", sum paddings: ").append(totals.paddingBytes).append(" */\n");
        }
        if (gaps.bitPadding() > 0) {
            out.append("    /* bit_padding: ").append(gaps.bitPadding()).append(" bits */\n");
        }
        if (size % CACHELINE != 0) {
            out.append("    /* last cacheline: ").append(size % CACHELINE).append(" bytes */\n");
        }
        out.append(tail);
    }

    private static long sum(List<StructGaps.Gap> gaps) {
        return gaps.stream().mapToLong(StructGaps.Gap::length).sum();
    }

    /** What the summary adds up while the members are printed. */
    private static final class Totals {
        /** The last cache line whose boundary was printed. */
        long cacheline;
        /** Members of struct type that end in padding of their own (at the outer level), and those bytes. */
        int paddings;
        long paddingBytes;
    }

    /** Prints one level of members; {@code gaps} is null in a union, which has none. */
    private void members(StringBuilder out, List<FieldRow> rows, StructGaps gaps, int depth, Totals totals) {
        String indent = "    ".repeat(depth);
        if (gaps != null) {
            holes(out, gaps, -1, indent);
        }
        for (int i = 0; i < rows.size(); i++) {
            FieldRow row = rows.get(i);
            long line = row.byteOffset() / CACHELINE;
            if (line > totals.cacheline) {
                // pahole's marker before the first member starting in a later cache line.
                long past = row.byteOffset() - line * CACHELINE;
                out.append(indent).append("/* --- cacheline ").append(line).append(" boundary (").append(line * CACHELINE)
                        .append(" bytes) ").append(past == 0 ? "" : "was " + past + " bytes ago ").append("--- */\n");
                totals.cacheline = line;
            }
            if (!row.members().isEmpty()) {
                out.append(indent).append(row.type()).append(" {\n");
                boolean isUnion = row.type().equals("union");
                StructGaps inner = isUnion ? null : StructGaps.of(row.members(), row.byteOffset(), row.byteSize());
                members(out, row.members(), inner, depth + 1, totals);
                String close = indent + "}" + row.name().map(n -> " " + n).orElse("") + ";";
                out.append(pad(close)).append(offsetComment(row)).append('\n');
            } else {
                String declaration = indent + row.declaration() + row.bitField().map(b -> " : " + b.bitWidth()).orElse("") + ";";
                out.append(pad(declaration)).append(offsetComment(row)).append('\n');
            }
            long inside = row.members().isEmpty() ? StructGaps.paddingInside(abi, row.memberType()) : 0;
            if (inside > 0 && gaps != null) {
                out.append('\n').append(indent).append("/* XXX last struct has ").append(inside).append(inside == 1 ? " byte" : " bytes")
                        .append(" of padding */\n\n");
                if (depth == 1) {
                    totals.paddings++;
                    totals.paddingBytes += inside;
                }
            }
            if (gaps != null) {
                holes(out, gaps, i, indent);
            }
        }
    }

    /** pahole's comments for the holes after member {@code after}, between empty lines. */
    private static void holes(StringBuilder out, StructGaps gaps, int after, String indent) {
        List<StructGaps.Gap> here = gaps.gaps().stream().filter(g -> g.after() == after).toList();
        if (here.isEmpty()) {
            return;
        }
        out.append('\n');
        for (StructGaps.Gap gap : here) {
            String unit = gap.isBits() ? (gap.length() == 1 ? " bit" : " bits") : (gap.length() == 1 ? " byte" : " bytes");
            out.append(indent).append("/* XXX ").append(gap.length()).append(unit).append(" hole, try to pack */\n");
        }
        out.append('\n');
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
