package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;

/**
 * Which Lua values convert to which scalar and pointer C types, by LuaJIT's table
 * (lj_cconv.c, lj_cconv_ct_tv and lj_cconv_ct_ct): the value is first seen as a C value of
 * some class (a Lua number is a {@code double}, a string a {@code const char[]}, nil a
 * {@code void *} NULL, a boolean a {@code bool}, a cdata its own type, an enum its underlying
 * integer type), then the pair of classes decides:
 *
 * <pre>
 * to \ from   bool  integer  floating  complex  pointer  array   struct
 * bool        yes   yes      yes       -        -        -       -
 * integer     yes   yes      yes       re       cast     cast    -
 * floating    yes   yes      yes       re       -        -       -
 * complex     -     yes      yes       yes      -        -       -
 * pointer     -     cast     cast(1)   -        compat   compat  compat
 * </pre>
 *
 * "cast" pairs convert only in {@code ffi.cast}; (1) only a Lua number, not a floating cdata;
 * "compat" pairs need compatible pointer targets except in a cast
 * ({@link CdataConversion#isCompatiblePointee}, checked where the pointer is made). The
 * error names the destination as converted (an enum as its underlying type) and the source
 * as LuaJIT does: {@code number}, {@code string} or {@code nil} for a Lua value, the C type
 * for a cdata. Aggregate destinations, tables, functions and other Lua values are
 * {@link CdataConversion}'s and {@link Initializer}'s to judge.
 */
final class ConversionRules {
    private ConversionRules() {
    }

    /** The classes of C values the table tells apart. */
    private enum Kind { BOOL, INTEGER, FLOATING, COMPLEX, POINTER, ARRAY, RECORD }

    /** A value seen as a C value: its class, how an error names it, and whether it is a Lua number, string or nil. */
    private record Source(Kind kind, String name, boolean isLuaValue) {
    }

    /**
     * Throws LuaJIT's {@code cannot convert} error when {@code lua} does not convert to
     * {@code target} by the table above ({@code isCast} for {@code ffi.cast}); returns
     * quietly for pairs the table allows and for pairs it does not cover.
     */
    static void check(Object lua, CType target, boolean isCast) {
        CType to = CdataConversion.plain(target);
        Kind destination = kindOf(to);
        if (destination == null || destination == Kind.ARRAY || destination == Kind.RECORD
                || lua instanceof LuaString && to instanceof EnumType) {
            return;
        }
        Source source = sourceOf(lua);
        if (source == null || allows(destination, source, isCast)) {
            return;
        }
        CType named = to instanceof EnumType e && e.isComplete() ? e.body().underlyingType() : target;
        throw new LuaError("cannot convert '" + source.name() + "' to '" + FfiLibrary.render(named) + "'");
    }

    private static boolean allows(Kind to, Source from, boolean isCast) {
        Kind s = from.kind();
        return switch (to) {
            case BOOL -> s == Kind.BOOL || s == Kind.INTEGER || s == Kind.FLOATING;
            case INTEGER -> s == Kind.BOOL || s == Kind.INTEGER || s == Kind.FLOATING || s == Kind.COMPLEX
                    || isCast && (s == Kind.POINTER || s == Kind.ARRAY);
            case FLOATING -> s == Kind.BOOL || s == Kind.INTEGER || s == Kind.FLOATING || s == Kind.COMPLEX;
            case COMPLEX -> s == Kind.INTEGER || s == Kind.FLOATING || s == Kind.COMPLEX;
            case POINTER -> s == Kind.POINTER || s == Kind.ARRAY || s == Kind.RECORD
                    || isCast && (s == Kind.INTEGER || s == Kind.FLOATING && from.isLuaValue());
            case ARRAY, RECORD -> true;
        };
    }

    private static Kind kindOf(CType plain) {
        return switch (plain) {
            case Primitive p when p == Primitive.VOID -> null;
            case Primitive p when p == Primitive.BOOL -> Kind.BOOL;
            case Primitive p when p == Primitive.COMPLEX_DOUBLE || p == Primitive.COMPLEX_FLOAT -> Kind.COMPLEX;
            case Primitive p when p.isInteger() -> Kind.INTEGER;
            case Primitive p when p.isFloating() -> Kind.FLOATING;
            case EnumType e -> Kind.INTEGER;
            case CType.Pointer p -> Kind.POINTER;
            case CType.Array a -> Kind.ARRAY;
            case RecordType r -> Kind.RECORD;
            default -> null;
        };
    }

    /** The C value LuaJIT sees in a Lua value, or null for values the table does not cover. */
    private static Source sourceOf(Object lua) {
        return switch (lua) {
            case null -> new Source(Kind.POINTER, "nil", true);
            case Double d -> new Source(Kind.FLOATING, "number", true);
            case LuaString s -> new Source(Kind.ARRAY, "string", true);
            case Boolean b -> new Source(Kind.BOOL, "bool", false);
            case Cdata.Int64 i -> new Source(Kind.INTEGER, i.typeName(), false);
            case Cdata.EnumValue e -> ofType(e.type());
            case Cdata.ComplexValue c -> new Source(Kind.COMPLEX, c.typeName(), false);
            case Cdata.Pointer p -> new Source(Kind.POINTER, p.typeName(), false);
            case NativeCall n -> new Source(Kind.POINTER, CdataConversion.nameOf(n), false);
            case Cdata.Memory m -> ofType(CdataConversion.reference(m.type()).map(r -> r.target()).orElse(m.type()));
            default -> null;
        };
    }

    /** A cdata of type {@code type} (references already followed), named by it or, for an enum, by its underlying type. */
    private static Source ofType(CType type) {
        CType plain = CdataConversion.plain(type);
        if (plain instanceof EnumType e) {
            return e.isComplete() ? new Source(Kind.INTEGER, FfiLibrary.render(e.body().underlyingType()), false) : null;
        }
        Kind kind = kindOf(plain);
        return kind == null ? null : new Source(kind, FfiLibrary.render(type), false);
    }
}
