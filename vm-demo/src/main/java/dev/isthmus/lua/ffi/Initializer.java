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
 * struct by member name, falling back to position. An aggregate element or member takes one
 * value as a conversion does: a table, a string for a char array, or a cdata of its very type
 * (so a number does not fill a nested array); a table zeroes what it leaves out. A trailing variable-length array member reaches
 * the end of the object and takes its initializer like any member. Memory not initialized
 * stays zero.
 */
final class Initializer {
    private final FfiLibrary library;

    Initializer(FfiLibrary library) {
        this.library = library;
    }

    void initialize(Cdata.Memory target, Object[] values) {
        initialize(target, values, target.type());
    }

    /** {@code declared}: the type {@code ffi.new} was given, which names the object in errors ({@code int [?]} for a VLA). */
    void initialize(Cdata.Memory target, Object[] values, CType declared) {
        initialize(target.data(), values, target.anchors(), declared);
    }

    private void initialize(CData data, Object[] values, List<Object> anchors, CType declared) {
        if (values.length == 0) {
            return;
        }
        CType type = CdataConversion.plain(data.type());
        switch (type) {
            case CType.Array a -> array(data, a, values, anchors, declared);
            case RecordType r -> record(data, r, values, anchors, declared);
            default -> {
                if (values.length > 1) {
                    throw FfiFunctions.tooManyInitializers(declared);
                }
                store(data, values[0], anchors);
            }
        }
    }

    private void array(CData data, CType.Array a, Object[] values, List<Object> anchors, CType declared) {
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
        if (values.length == 1 && values[0] instanceof LuaString s) {
            // A string initializes only a byte array; for any other it is one value for the whole
            // array, which does not convert (LuaJIT: cannot convert 'string' to 'int [2]').
            throw CdataConversion.cannotConvert(s, declared);
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
            // LuaJIT reads up to the first nil: past the end of an array that is an error, but a
            // VLA's elements are not counted (LuaJIT writes past the object), so here the rest is
            // ignored. A single element fills a fixed-size array.
            boolean isVariable = CdataConversion.plain(declared) instanceof CType.Array d && d.kind() == CType.ArrayKind.VARIABLE;
            int start = t.get(0) != null ? 0 : 1;
            long i = 0;
            for (Object v; (v = t.get((double) (start + i))) != null; i++) {
                if (i >= count) {
                    if (isVariable) {
                        break;
                    }
                    throw FfiFunctions.tooManyInitializers(declared);
                }
                store(data.at(i), v, anchors);
            }
            if (i == 1 && !isVariable) {
                for (long j = 1; j < count; j++) {
                    data.at(j).segment().copyFrom(data.at(0).segment());
                }
            }
            return;
        }
        if (values.length > count) {
            throw FfiFunctions.tooManyInitializers(declared);
        }
        if (values.length == 1) {
            for (long i = 0; i < count; i++) {
                store(data.at(i), values[0], anchors);
            }
            return;
        }
        for (int i = 0; i < values.length; i++) {
            store(data.at(i), values[i], anchors);
        }
    }

    private void record(CData data, RecordType r, Object[] values, List<Object> anchors, CType declared) {
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
        // Members take values in order, each converted as it comes; values left over are an
        // error only then (LuaJIT: a number for a struct member is reported before the count).
        int limit = Math.min(values.length, isUnion ? 1 : fields.size());
        for (int i = 0; i < limit; i++) {
            member(data, fields.get(i).name().get(), values[i], anchors);
        }
        if (values.length > limit) {
            throw FfiFunctions.tooManyInitializers(declared);
        }
    }

    private void member(CData data, String name, Object value, List<Object> anchors) {
        var access = library.fieldAccess(data.type(), name);
        CType memberType = CdataConversion.plain(access.memberType());
        if (memberType instanceof RecordType || memberType instanceof CType.Array) {
            aggregate(library.operations().memberView(data, access), value, anchors);
            return;
        }
        try {
            data.set(name, library.conversion().toJava(value, access.memberType(), anchors));
        } catch (IllegalArgumentException e) {
            throw CdataConversion.cannotConvert(value, access.memberType());
        }
    }

    /**
     * An aggregate element or member from one value, as LuaJIT converts it (lj_cconv_ct_tv): a
     * table initializes it, a string fills a char array, a cdata of the same type is copied;
     * anything else, a number included, does not convert.
     */
    private void aggregate(CData data, Object value, List<Object> anchors) {
        CType type = CdataConversion.plain(data.type());
        switch (value) {
            case LuaTable t -> {
                // What the table leaves out is zero, also when it replaces an old value.
                data.segment().fill((byte) 0);
                initialize(data, new Object[] {t}, anchors, data.type());
            }
            case LuaString s when type instanceof CType.Array a && isChar(CdataConversion.plain(a.element())) ->
                    initialize(data, new Object[] {s}, anchors, data.type());
            case Cdata.Memory m when CdataConversion.plain(m.type()).equals(type) ->
                    data.segment().copyFrom(m.data().segment().asSlice(0, data.byteSize()));
            default -> throw CdataConversion.cannotConvert(value, data.type());
        }
    }

    private static boolean isChar(CType t) {
        return t == Primitive.CHAR || t == Primitive.SIGNED_CHAR || t == Primitive.UNSIGNED_CHAR;
    }

    /** Stores one Lua value into an object: an aggregate as {@link #aggregate} converts it, a scalar or pointer by conversion. */
    void store(CData data, Object value, List<Object> anchors) {
        CType type = CdataConversion.plain(data.type());
        if (type instanceof RecordType || type instanceof CType.Array) {
            aggregate(data, value, anchors);
            return;
        }
        try {
            data.set(library.conversion().toJava(value, data.type(), anchors));
        } catch (IllegalArgumentException e) {
            throw CdataConversion.cannotConvert(value, data.type());
        }
    }
}
