package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.RecordType;

import java.util.List;

/**
 * Writes layouts as the JSON interface documented in {@code docs/cdecl.md}:
 * {@code {"abi": ..., "types": [...]}}, one object per type, offsets counted from the
 * start of the outermost type.
 */
final class JsonLayoutWriter {
    private final Abi abi;

    JsonLayoutWriter(Abi abi) {
        this.abi = abi;
    }

    String write(List<LayoutEntry> entries) {
        StringBuilder out = new StringBuilder("{\"abi\": ").append(quote(abi.name())).append(", \"types\": [");
        for (int i = 0; i < entries.size(); i++) {
            out.append(i == 0 ? "\n  " : ",\n  ");
            entry(out, entries.get(i));
        }
        return out.append(entries.isEmpty() ? "]}\n" : "\n]}\n").toString();
    }

    private void entry(StringBuilder out, LayoutEntry entry) {
        out.append("{\"name\": ").append(quote(entry.name())).append(", \"kind\": ").append(quote(entry.kind()));
        entry.typedefOf().ifPresent(tagged -> out.append(", \"typedefOf\": ").append(quote(tagged)));
        out.append(", \"complete\": ").append(entry.isComplete());
        if (!entry.isComplete()) {
            out.append('}');
            return;
        }
        out.append(", \"size\": ").append(abi.sizeOf(entry.type())).append(", \"align\": ").append(abi.alignOf(entry.type()));
        switch (entry.type()) {
            case RecordType r -> {
                List<FieldRow> rows = FieldRow.of(abi, r, 0);
                out.append(", \"fields\": ");
                fields(out, rows);
                long size = abi.sizeOf(r);
                out.append(", \"cachelines\": ").append(Math.ceilDiv(size, 64));
                gaps(out, StructGaps.of(abi, r, rows));
            }
            case EnumType e -> {
                boolean isUnsigned = e.body().underlyingType().isUnsigned();
                out.append(", \"underlying\": ").append(quote(e.body().underlyingType().spelling())).append(", \"constants\": [");
                for (int i = 0; i < e.body().constants().size(); i++) {
                    EnumType.Constant c = e.body().constants().get(i);
                    out.append(i == 0 ? "" : ", ").append("{\"name\": ").append(quote(c.name())).append(", \"value\": ")
                            .append(isUnsigned ? Long.toUnsignedString(c.value()) : Long.toString(c.value())).append('}');
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("not a struct, union or enum: " + entry.type());
        }
        out.append('}');
    }

    private static void fields(StringBuilder out, List<FieldRow> rows) {
        out.append('[');
        for (int i = 0; i < rows.size(); i++) {
            FieldRow row = rows.get(i);
            out.append(i == 0 ? "" : ", ").append("{\"name\": ").append(row.name().map(JsonLayoutWriter::quote).orElse("null"))
                    .append(", \"type\": ").append(quote(row.type())).append(", \"offset\": ").append(row.byteOffset())
                    .append(", \"size\": ").append(row.byteSize());
            row.bitField().ifPresent(b -> out.append(", \"bitOffset\": ").append(b.bitOffset())
                    .append(", \"unitBitOffset\": ").append(row.bitInUnit()).append(", \"bitWidth\": ").append(b.bitWidth()));
            if (!row.members().isEmpty()) {
                out.append(", \"fields\": ");
                fields(out, row.members());
                if (!row.type().equals("union")) {
                    gaps(out, StructGaps.of(row.members(), row.byteOffset(), row.byteSize()));
                }
            }
            out.append('}');
        }
        out.append(']');
    }

    /** pahole's holes of one struct level: bytes ({@code offset}, {@code size}) and bits ({@code bitOffset}, {@code bits}). */
    private static void gaps(StringBuilder out, StructGaps gaps) {
        out.append(", \"holes\": [");
        List<StructGaps.Gap> holes = gaps.byteHoles();
        for (int i = 0; i < holes.size(); i++) {
            out.append(i == 0 ? "" : ", ").append("{\"offset\": ").append(holes.get(i).start())
                    .append(", \"size\": ").append(holes.get(i).length()).append('}');
        }
        out.append("], \"bitHoles\": [");
        List<StructGaps.Gap> bitHoles = gaps.bitHoles();
        for (int i = 0; i < bitHoles.size(); i++) {
            out.append(i == 0 ? "" : ", ").append("{\"bitOffset\": ").append(bitHoles.get(i).start())
                    .append(", \"bits\": ").append(bitHoles.get(i).length()).append('}');
        }
        out.append("], \"padding\": ").append(gaps.padding()).append(", \"bitPadding\": ").append(gaps.bitPadding());
    }

    /** A JSON string literal (RFC 8259 section 7): quotes, backslashes and control characters escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
