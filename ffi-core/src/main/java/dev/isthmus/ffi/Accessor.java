package dev.isthmus.ffi;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.layout.BitField;
import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeRenderer;

import java.util.Optional;

/**
 * A member path ({@code pos.x}, {@code items[3].name}, {@code flags}) resolved once against
 * a type: the byte offset, the member's type, and the bitfield position when it is one.
 * {@link CData} caches these per (type, path), so an access is an offset and a switch,
 * never a name search.
 */
record Accessor(long byteOffset, CType type, Optional<BitField> bitField) {

    static Accessor resolve(Abi abi, CType root, String path) {
        long offset = 0;
        CType current = root;
        Optional<BitField> bits = Optional.empty();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (bits.isPresent()) {
                throw new IllegalArgumentException("'" + path + "': a bit-field has no members or elements");
            }
            if (c == '.' || Character.isWhitespace(c)) {
                i++;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in '" + path + "'");
                }
                long index = Long.parseLong(path.substring(i + 1, close).strip());
                if (!(ValueConversion.plain(current) instanceof CType.Array array)) {
                    throw new IllegalArgumentException("'" + TypeRenderer.render(current) + "' cannot be indexed (in '" + path + "')");
                }
                offset += index * abi.sizeOf(array.element());
                current = array.element();
                i = close + 1;
            } else {
                int end = i;
                while (end < path.length() && Character.isJavaIdentifierPart(path.charAt(end))) {
                    end++;
                }
                if (end == i) {
                    throw new IllegalArgumentException("unexpected '" + c + "' in '" + path + "'");
                }
                String name = path.substring(i, end);
                if (!(ValueConversion.plain(current) instanceof RecordType record) || !record.isComplete()) {
                    throw new IllegalArgumentException("'" + TypeRenderer.render(current) + "' has no member named '" + name + "'");
                }
                FieldLayout field = abi.layoutOf(record).findField(name, abi::layoutOf).orElseThrow(() ->
                        new IllegalArgumentException("'" + record + "' has no member named '" + name + "'"));
                final long base = offset;
                bits = field.bitField().map(b -> b.shiftedBy(base));
                offset += field.byteOffset();
                current = field.type();
                i = end;
            }
        }
        return new Accessor(offset, current, bits);
    }
}
