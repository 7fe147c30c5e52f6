package dev.isthmus.cparser.abi;

import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;

import java.util.Optional;

/**
 * Evaluates {@code offsetof}-style member paths ({@code a.b[3].c}, {@code [2].x}) against
 * layouts, looking through anonymous members as C name lookup does.
 */
final class MemberPath {
    private MemberPath() {
    }

    static long offsetOf(Abi abi, CType type, String path) {
        long offset = 0;
        CType current = type;
        int i = 0;
        String text = path.strip();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.' || Character.isWhitespace(c)) {
                i++;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in member path '" + path + "'");
                }
                long index = parseIndex(text.substring(i + 1, close).strip(), path);
                if (!(plain(current) instanceof CType.Array array)) {
                    throw new IllegalArgumentException("'" + text.substring(0, i) + "' in '" + path + "' is not an array");
                }
                offset += index * abi.sizeOf(array.element());
                current = array.element();
                i = close + 1;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i;
                while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                    end++;
                }
                String name = text.substring(i, end);
                if (!(plain(current) instanceof RecordType record)) {
                    throw new IllegalArgumentException("'" + current + "' has no member named '" + name + "'");
                }
                Optional<FieldLayout> field = abi.layoutOf(record).findField(name, abi::layoutOf);
                if (field.isEmpty()) {
                    throw new IllegalArgumentException("'" + record + "' has no member named '" + name + "'");
                }
                if (field.get().isBitField()) {
                    throw new IllegalArgumentException("cannot take the offset of bit-field '" + name + "'");
                }
                offset += field.get().byteOffset();
                current = field.get().type();
                i = end;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' in member path '" + path + "'");
            }
        }
        return offset;
    }

    private static long parseIndex(String text, String path) {
        try {
            return Long.decode(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("array index '" + text + "' in '" + path + "' is not a number");
        }
    }

    private static CType plain(CType type) {
        CType t = CType.unqualified(type);
        while (t instanceof CType.Aligned a) {
            t = CType.unqualified(a.base());
        }
        return t;
    }
}
