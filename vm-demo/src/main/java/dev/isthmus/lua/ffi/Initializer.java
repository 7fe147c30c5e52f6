package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.layout.FieldLayout;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.ffi.CData;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

import java.util.List;

/**
 * LuaJIT's initializer rules for {@code ffi.new} and table conversions (FFI semantics,
 * "Initializers"): a scalar takes one value; an array takes values in order, and a single
 * value fills every element; a byte array takes a string; a struct takes values for its
 * members in order, and a union for its first member; a single Lua table initializes an
 * array from {@code t[1]} on (or {@code t[0]} when present) up to the first nil, and a
 * struct by member name, falling back to position. Aggregate members take tables or cdata.
 * Memory not initialized stays zero.
 */
final class Initializer {
    private final FfiLibrary library;

    Initializer(FfiLibrary library) {
        this.library = library;
    }

    void initialize(Cdata.Memory target, Object[] values) {
        initialize(target.data(), values, target.anchors());
    }

    private void initialize(CData data, Object[] values, List<Object> anchors) {
        if (values.length == 0) {
            return;
        }
        CType type = CdataConversion.plain(data.type());
        switch (type) {
            case CType.Array a -> array(data, a, values, anchors);
            case RecordType r -> record(data, r, values, anchors);
            default -> {
                if (values.length > 1) {
                    throw new LuaError("too many initializers for '" + CdataConversion.nameOf(new Cdata.Memory(library, data)) + "'");
                }
                store(data, values[0], anchors);
            }
        }
    }

    private void array(CData data, CType.Array a, Object[] values, List<Object> anchors) {
        long count = data.byteSize() / Math.max(1, library.ffi().layouts().layoutOf(a.element()).byteSize());
        CType element = CdataConversion.plain(a.element());
        if (values.length == 1 && values[0] instanceof LuaString s && (element == Primitive.CHAR
                || element == Primitive.SIGNED_CHAR || element == Primitive.UNSIGNED_CHAR)) {
            long n = Math.min(count, s.length() + 1L);
            for (int i = 0; i < n; i++) {
                data.segment().set(java.lang.foreign.ValueLayout.JAVA_BYTE, i, i < s.length() ? s.byteAt(i) : 0);
            }
            return;
        }
        if (values.length == 1 && values[0] instanceof Cdata.Memory m && CdataConversion.plain(m.type()) instanceof CType.Array source
                && CdataConversion.plain(source.element()).equals(element)) {
            // An array of the same element type is copied whole, as a struct is, but not into one
            // that would drop the elements' const (LuaJIT: cannot convert 'const int [10]' to 'int [10]').
            if (source.element() instanceof CType.Qualified q && q.isConst()
                    && !(a.element() instanceof CType.Qualified d && d.isConst())) {
                throw CdataConversion.cannotConvert(m, data.type());
            }
            long bytes = Math.min(data.byteSize(), m.data().byteSize());
            data.segment().asSlice(0, bytes).copyFrom(m.data().segment().asSlice(0, bytes));
            return;
        }
        if (values.length == 1 && values[0] instanceof LuaTable t) {
            int start = t.get(0) != null ? 0 : 1;
            for (long i = 0; i < count; i++) {
                Object v = t.get((double) (start + i));
                if (v == null) {
                    break;
                }
                initialize(data.at(i), new Object[] {v}, anchors);
            }
            return;
        }
        if (values.length > count) {
            throw new LuaError("too many initializers for '" + FfiLibrary.render(data.type()) + "'");
        }
        if (values.length == 1) {
            for (long i = 0; i < count; i++) {
                initialize(data.at(i), values, anchors);
            }
            return;
        }
        for (int i = 0; i < values.length; i++) {
            initialize(data.at(i), new Object[] {values[i]}, anchors);
        }
    }

    private void record(CData data, RecordType r, Object[] values, List<Object> anchors) {
        if (values.length == 1 && values[0] instanceof Cdata.Memory m && CdataConversion.plain(m.type()).equals(r)) {
            data.segment().copyFrom(m.data().segment().asSlice(0, data.byteSize()));
            return;
        }
        List<FieldLayout> fields = library.ffi().layouts().abi().layoutOf(r).fields().stream()
                .filter(f -> f.name().isPresent()).toList();
        boolean isUnion = r.isUnion();
        if (values.length == 1 && values[0] instanceof LuaTable t) {
            int position = t.get(0) != null ? 0 : 1;
            for (FieldLayout f : fields) {
                String name = f.name().get();
                Object v = t.get(LuaString.of(name));
                if (v == null) {
                    v = t.get(position);
                }
                position++;
                if (v != null) {
                    member(data, name, v, anchors);
                    if (isUnion) {
                        return;
                    }
                }
            }
            return;
        }
        int limit = isUnion ? 1 : fields.size();
        if (values.length > limit) {
            throw new LuaError("too many initializers for '" + FfiLibrary.render(data.type()) + "'");
        }
        for (int i = 0; i < values.length; i++) {
            member(data, fields.get(i).name().get(), values[i], anchors);
        }
    }

    private void member(CData data, String name, Object value, List<Object> anchors) {
        var access = library.fieldAccess(data.type(), name);
        CType memberType = CdataConversion.plain(access.memberType());
        if (memberType instanceof RecordType || memberType instanceof CType.Array) {
            initialize(data.field(name), new Object[] {value}, anchors);
            return;
        }
        try {
            data.set(name, library.conversion().toJava(value, access.memberType(), anchors));
        } catch (IllegalArgumentException e) {
            throw CdataConversion.cannotConvert(value, access.memberType());
        }
    }

    /**
     * Stores one Lua value into an object, as an assignment does: an aggregate takes a table
     * (an initializer), a cdata (copied), or for a byte array a string, nothing else (LuaJIT's
     * {@code cannot convert 'number' to 'struct ...'}); a scalar or pointer takes what its
     * conversion accepts.
     */
    void store(CData data, Object value, List<Object> anchors) {
        CType type = CdataConversion.plain(data.type());
        if (type instanceof RecordType || type instanceof CType.Array) {
            boolean isByteArray = type instanceof CType.Array a && library.elementSize(a.element()) == 1;
            if (!(value instanceof LuaTable || value instanceof Cdata || value instanceof LuaString && isByteArray)) {
                throw CdataConversion.cannotConvert(value, data.type());
            }
            initialize(data, new Object[] {value}, anchors);
            return;
        }
        try {
            data.set(library.conversion().toJava(value, data.type(), anchors));
        } catch (IllegalArgumentException e) {
            throw CdataConversion.cannotConvert(value, data.type());
        }
    }
}
