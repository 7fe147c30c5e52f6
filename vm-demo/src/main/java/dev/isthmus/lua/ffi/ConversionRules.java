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

    /**
     * Throws LuaJIT's {@code cannot convert} error when {@code lua} does not convert to
     * {@code target} by the table above ({@code isCast} for {@code ffi.cast}); returns
     * quietly for pairs the table allows and for pairs it does not cover.
     */
    static void check(Object lua, CType target, boolean isCast) {
        CType to = CdataConversion.plain(target);
        Kind destination = classOf(to);
        if (destination == null || destination == Kind.ARRAY || destination == Kind.RECORD
                || lua instanceof LuaString && to instanceof EnumType) {
            return;
        }
        Kind source = kindOf(lua);
        if (source == null || allows(destination, source, isLuaNumber(lua), isCast)) {
            return;
        }
        CType named = to instanceof EnumType e && e.isComplete() ? e.body().underlyingType() : target;
        throw new LuaError("cannot convert '" + nameOf(lua) + "' to '" + FfiLibrary.render(named) + "'");
    }

    /** A Lua number, which alone among floating values a cast turns into a pointer. */
    private static boolean isLuaNumber(Object lua) {
        return lua instanceof Double;
    }

    private static boolean allows(Kind to, Kind s, boolean isLuaNumber, boolean isCast) {
        return switch (to) {
            case BOOL -> s == Kind.BOOL || s == Kind.INTEGER || s == Kind.FLOATING;
            case INTEGER -> s == Kind.BOOL || s == Kind.INTEGER || s == Kind.FLOATING || s == Kind.COMPLEX
                    || isCast && (s == Kind.POINTER || s == Kind.ARRAY);
            case FLOATING -> s == Kind.BOOL || s == Kind.INTEGER || s == Kind.FLOATING || s == Kind.COMPLEX;
            case COMPLEX -> s == Kind.INTEGER || s == Kind.FLOATING || s == Kind.COMPLEX;
            case POINTER -> s == Kind.POINTER || s == Kind.ARRAY || s == Kind.RECORD
                    || isCast && (s == Kind.INTEGER || s == Kind.FLOATING && isLuaNumber);
            case ARRAY, RECORD -> true;
        };
    }

    private static Kind classOf(CType plain) {
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

    /** The class of C value LuaJIT sees in a Lua value, or null for values the table does not cover. */
    private static Kind kindOf(Object lua) {
        return switch (lua) {
            case null -> Kind.POINTER;
            case Double d -> Kind.FLOATING;
            case LuaString s -> Kind.ARRAY;
            case Boolean b -> Kind.BOOL;
            case Cdata.Int64 i -> Kind.INTEGER;
            case Cdata.EnumValue e -> Kind.INTEGER;
            case Cdata.ComplexValue c -> Kind.COMPLEX;
            case Cdata.Pointer p -> Kind.POINTER;
            case NativeCall n -> Kind.POINTER;
            case Cdata.Memory m -> {
                CType plain = CdataConversion.plain(m.type());
                yield plain instanceof EnumType e ? (e.isComplete() ? Kind.INTEGER : null) : classOf(plain);
            }
            default -> null;
        };
    }

    /**
     * How the error names a value: {@code number}, {@code string} or {@code nil} for those Lua
     * values, else the C type (a reference's target; an enum's underlying type).
     */
    private static String nameOf(Object lua) {
        return switch (lua) {
            case null -> "nil";
            case Double d -> "number";
            case LuaString s -> "string";
            case Cdata.EnumValue e -> underlying(e.type());
            case Cdata.Memory m -> {
                CType type = CdataConversion.reference(m.type()).<CType>map(CType.Reference::target).orElse(m.type());
                yield CdataConversion.plain(type) instanceof EnumType ? underlying(type) : FfiLibrary.render(type);
            }
            default -> CdataConversion.nameOf(lua);
        };
    }

    private static String underlying(CType enumType) {
        return FfiLibrary.render(((EnumType) CdataConversion.plain(enumType)).body().underlyingType());
    }
}
