package dev.isthmus.ffi;

import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeRenderer;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * C's initializer lists (C11 6.7.9) for {@link Ffi#newCData}, on zero-filled memory.
 *
 * <p>A {@link List} or {@code Object[]} is a braced list: it initializes one aggregate
 * member or element whole. Anything else is the next scalar of the current aggregate, and
 * an aggregate member met by a scalar takes as many scalars as it has, in order (brace
 * elision, 6.7.9p20): for {@code struct { int a[2]; int b; }}, {@code 1, 2, 3} and
 * {@code List.of(1, 2), 3} mean the same. A union takes its first named member (6.7.9p17);
 * unnamed bitfields take nothing (6.7.9p9). An aggregate member may also be given a
 * {@link CData} or {@link MemorySegment} of its size, whose bytes are copied, and a
 * {@code char} array a {@link String}, whose UTF-8 bytes are copied with the NUL when it
 * fits (6.7.9p14). Values left over are an error, as in C; members not reached stay zero.
 */
final class InitializerList {
    private final Ffi ffi;
    private final Object[] values;
    private int next;

    private InitializerList(Ffi ffi, Object[] values) {
        this.ffi = ffi;
        this.values = values;
    }

    /** Initializes {@code target} from {@code values}, the contents of one braced list. */
    static void apply(Ffi ffi, CData target, Object[] values) {
        InitializerList list = new InitializerList(ffi, values);
        list.fill(target);
        if (list.next < values.length) {
            throw new IllegalArgumentException("too many initializers for '" + TypeRenderer.render(target.type()) + "'");
        }
    }

    private boolean hasNext() {
        return next < values.length;
    }

    /** Fills {@code object} from the list, as far as the list goes. */
    private void fill(CData object) {
        if (!hasNext()) {
            return;
        }
        CType type = ValueConversion.plain(object.type());
        switch (type) {
            case CType.Array a -> fillArray(object, a);
            case RecordType r -> fillRecord(object, r);
            default -> object.set(values[next++]);
        }
    }

    private void fillArray(CData array, CType.Array a) {
        long count = a.kind() == CType.ArrayKind.FIXED ? a.length() : 0;
        for (long i = 0; i < count && hasNext(); i++) {
            member(array.at(i));
        }
    }

    private void fillRecord(CData record, RecordType r) {
        for (FieldLayout field : ffi.layouts().abi().layoutOf(r).fields()) {
            if (!hasNext()) {
                return;
            }
            if (field.isBitField()) {
                if (field.name().isPresent()) {
                    record.set(field.name().get(), scalar(values[next++], field.type()));
                }
            } else {
                member(memberView(record, field));
            }
            if (r.isUnion() && (field.name().isPresent() || !field.isBitField())) {
                return;
            }
        }
    }

    /** A member's memory; a flexible array member (6.7.2.1p18) as the elements the allocation holds. */
    private CData memberView(CData record, FieldLayout field) {
        MemorySegment rest = record.segment().asSlice(field.byteOffset());
        if (ValueConversion.plain(field.type()) instanceof CType.Array a && a.kind() != CType.ArrayKind.FIXED) {
            long count = rest.byteSize() / ffi.layouts().layoutOf(a.element()).byteSize();
            return new CData(ffi, CType.arrayOf(a.element(), count), rest.asSlice(0, count * ffi.layouts().layoutOf(a.element()).byteSize()));
        }
        return new CData(ffi, field.type(), rest.asSlice(0, ffi.layouts().layoutOf(field.type()).byteSize()));
    }

    /** Initializes one member or element from the list: a braced list, a whole value, or by brace elision. */
    private void member(CData member) {
        Object value = values[next];
        CType type = ValueConversion.plain(member.type());
        boolean isAggregate = type instanceof CType.Array || type instanceof RecordType;
        if (value instanceof List<?> || value instanceof Object[]) {
            next++;
            Object[] inner = value instanceof List<?> l ? l.toArray() : (Object[]) value;
            if (!isAggregate && inner.length > 1) {
                throw new IllegalArgumentException("too many initializers for '" + TypeRenderer.render(member.type()) + "'");
            }
            apply(ffi, member, inner);
            return;
        }
        if (isAggregate && copyWhole(member, value, type)) {
            next++;
            return;
        }
        fill(member);
    }

    /** A whole aggregate value for {@code member}: a same-sized cdata or segment, or a string for a char array. */
    private boolean copyWhole(CData member, Object value, CType type) {
        MemorySegment target = member.segment();
        MemorySegment source = switch (value) {
            case CData c when c.byteSize() == target.byteSize() && !(ValueConversion.plain(c.type()) instanceof CType.Pointer) -> c.segment();
            case MemorySegment s when s.byteSize() == target.byteSize() -> s;
            case String s when type instanceof CType.Array a && isChar(a.element()) -> stringBytes(s, target.byteSize());
            default -> null;
        };
        if (source == null) {
            return false;
        }
        target.copyFrom(source);
        return true;
    }

    private static MemorySegment stringBytes(String s, long capacity) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > capacity) {
            throw new IllegalArgumentException("initializer string of " + bytes.length + " bytes is too long for char[" + capacity + "]");
        }
        // The rest of the zero-filled array, the NUL included when it fits, stays zero.
        return MemorySegment.ofArray(bytes);
    }

    private static boolean isChar(CType t) {
        CType p = ValueConversion.plain(t);
        return p == Primitive.CHAR || p == Primitive.SIGNED_CHAR || p == Primitive.UNSIGNED_CHAR;
    }

    private static Object scalar(Object value, CType type) {
        if (value instanceof List<?> || value instanceof Object[]) {
            throw new IllegalArgumentException("a braced list cannot initialize the bit-field of type '" + TypeRenderer.render(type) + "'");
        }
        return value;
    }
}
