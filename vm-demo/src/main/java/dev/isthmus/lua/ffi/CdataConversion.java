package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeRenderer;
import dev.isthmus.ffi.CData;
import dev.isthmus.ffi.Complex;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * LuaJIT's conversions between Lua values and C values, expressed in the Java values
 * ffi-core's conversion table takes and gives: Lua numbers to any arithmetic type (C
 * truncation), booleans, nil as NULL, strings as {@code const char *}, cdata by type,
 * tables as aggregate initializers, functions as callbacks; and back: numbers for
 * arithmetic types narrower than 64 bits, boxed {@code int64_t}/{@code uint64_t} for
 * 64-bit ones, pointer and aggregate cdata for the rest.
 */
final class CdataConversion {
    private final FfiLibrary library;

    CdataConversion(FfiLibrary library) {
        this.library = library;
    }

    /** {@code t} without qualifiers, alignment, or a reference to it (a reference is used as what it refers to). */
    static CType plain(CType t) {
        CType u = CType.unqualified(t);
        while (u instanceof CType.Aligned || u instanceof CType.Reference) {
            u = CType.unqualified(u instanceof CType.Aligned a ? a.base() : ((CType.Reference) u).target());
        }
        return u;
    }

    /** The reference {@code t} is, qualifiers and alignment aside; empty for any other type. */
    static java.util.Optional<CType.Reference> reference(CType t) {
        CType u = CType.unqualified(t);
        while (u instanceof CType.Aligned a) {
            u = CType.unqualified(a.base());
        }
        return u instanceof CType.Reference r ? java.util.Optional.of(r) : java.util.Optional.empty();
    }

    static boolean is64BitInteger(CType t, FfiLibrary library) {
        CType p = plain(t);
        if (p instanceof EnumType) {
            return false;
        }
        return p instanceof Primitive prim && prim.isInteger() && library.ffi().layouts().abi().sizeOf(prim) == 8;
    }

    /** A value read from memory or returned by C, as Lua sees it. */
    Object toLua(Object java, CType type) {
        CType p = plain(type);
        if (p instanceof EnumType && java instanceof Number n) {
            return new Cdata.EnumValue(library, type, n.longValue());
        }
        return switch (java) {
            case null -> null;
            case Boolean b -> p == Primitive.BOOL ? b : (Object) (b ? 1.0 : 0.0);
            case Double d -> d;
            case Float f -> (double) f;
            case Integer i -> (double) i;
            case Short s -> (double) s;
            case Byte b -> (double) b;
            case Long l -> is64BitInteger(p, library) ? new Cdata.Int64(library, l, ((Primitive) p).isUnsigned())
                    : (Object) (double) l;
            case Complex c -> new Cdata.ComplexValue(library, p, c.re(), c.im());
            case MemorySegment m -> switch (p) {
                case CType.Pointer ptr -> new Cdata.Pointer(library, type, m.address());
                case RecordType r -> new Cdata.Memory(library, library.ffi().view(type, m));
                default -> new Cdata.Pointer(library, CType.pointerTo(Primitive.VOID), m.address());
            };
            default -> throw new IllegalStateException("unexpected C value " + java.getClass().getName());
        };
    }

    /**
     * A Lua value as the Java value ffi-core stores into or passes as {@code target}.
     * {@code keepAlive} receives memory made for the value (string copies, callbacks) that
     * must live as long as the place it is stored in; null for a call, whose temporaries
     * ffi-core manages.
     */
    Object toJava(Object lua, CType target, List<Object> keepAlive) {
        ConversionRules.check(lua, target, false);
        CType p = plain(target);
        return switch (p) {
            case Primitive prim when prim == Primitive.COMPLEX_DOUBLE || prim == Primitive.COMPLEX_FLOAT -> complex(lua, target);
            case Primitive prim -> arithmetic(lua, target, prim);
            case EnumType e -> lua instanceof LuaString s ? s.toString() : arithmetic(lua, target, e.body().underlyingType());
            case CType.Pointer ptr -> pointer(lua, target, ptr, keepAlive);
            case CType.Array a -> pointer(lua, target, CType.pointerTo(a.element()), keepAlive);
            case CType.Function f -> pointer(lua, target, CType.pointerTo(f), keepAlive);
            case RecordType r -> aggregate(lua, target);
            default -> throw cannotConvert(lua, target);
        };
    }

    private Object arithmetic(Object lua, CType target, Primitive prim) {
        return switch (lua) {
            case null -> throw cannotConvert(null, target);
            case Double d when prim == Primitive.BOOL -> d != 0;
            // Integer targets convert here, with LuaJIT's results for out-of-range numbers.
            case Double d when prim.isInteger() ->
                    FfiFunctions.doubleToInteger(d, library.ffi().layouts().abi().sizeOf(prim), prim.isUnsigned());
            case Double d -> d;
            case Boolean b -> prim == Primitive.BOOL ? b : (Object) (b ? 1L : 0L);
            case Cdata.Int64 i -> prim == Primitive.BOOL ? (Object) (i.value() != 0) : prim.isFloating()
                    ? (Object) (i.isUnsigned() ? unsignedToDouble(i.value()) : (double) i.value()) : (Object) i.value();
            case Cdata.Memory m when isScalar(m.type()) -> {
                Object v = toLua(m.data().get(), m.type());
                yield v instanceof Cdata.Int64 || v instanceof Double || v instanceof Boolean ? arithmetic(v, target, prim) : m.data().get();
            }
            case Cdata.ComplexValue c -> c.re();
            case Cdata.EnumValue e -> prim == Primitive.BOOL ? (Object) (e.value() != 0) : prim.isFloating() ? (Object) (double) e.value() : (Object) e.value();
            default -> throw cannotConvert(lua, target);
        };
    }

    static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1);
    }

    private static boolean isScalar(CType t) {
        CType p = plain(t);
        return p instanceof Primitive || p instanceof EnumType;
    }

    private Complex complex(Object lua, CType target) {
        return switch (lua) {
            case null -> throw cannotConvert(null, target);
            case Double d -> new Complex(d, 0);
            case Cdata.ComplexValue c -> new Complex(c.re(), c.im());
            case Cdata.Int64 i -> new Complex(i.isUnsigned() ? unsignedToDouble(i.value()) : i.value(), 0);
            case Cdata.EnumValue e -> new Complex(e.value(), 0);
            case LuaTable t -> complexOfTable(t, target);
            // A scalar object converts as the value it holds (a bool does not: ConversionRules).
            case Cdata.Memory m when isScalar(m.type()) && library.toNumber(m) instanceof Double d -> new Complex(d, 0);
            default -> throw cannotConvert(lua, target);
        };
    }

    /**
     * A complex number from a table as LuaJIT reads one, an array of two parts: {@code {re, im}}
     * from index 1, or 0 when set; a single part is both, as a one-element array initializer
     * fills every element.
     */
    private Complex complexOfTable(LuaTable t, CType target) {
        int start = t.get(0) != null ? 0 : 1;
        Object re = t.get(start);
        Object im = re == null ? null : t.get(start + 1);
        if (im != null && t.get(start + 2) != null) {
            throw FfiFunctions.tooManyInitializers(target);
        }
        Complex real = re == null ? new Complex(0, 0) : complex(re, plain(target));
        Complex imaginary = im == null ? real : complex(im, plain(target));
        return new Complex(real.re(), imaginary.re());
    }

    private Object pointer(Object lua, CType target, CType.Pointer ptr, List<Object> keepAlive) {
        return switch (lua) {
            case null -> MemorySegment.NULL;
            case Cdata.Pointer p -> {
                checkPointerTarget(((CType.Pointer) plain(p.type())).target(), ptr, lua, target);
                yield MemorySegment.ofAddress(p.address());
            }
            case Cdata.Memory m -> {
                CType mt = plain(m.type());
                if (mt instanceof CType.Pointer mp) {
                    checkPointerTarget(mp.target(), ptr, lua, target);
                    yield m.data().get();
                }
                if (mt instanceof Primitive || mt instanceof EnumType) {
                    // A scalar object is a value, not a place C may point at (LuaJIT: cannot convert 'int' to 'int *').
                    throw cannotConvert(lua, target);
                }
                // An array is a pointer to its first element; a struct or union, a pointer to itself,
                // whose own qualifiers LuaJIT does not count (lj_cconv's cconv_compatptr).
                checkPointerTarget(mt instanceof CType.Array a ? a.element() : mt, ptr, lua, target);
                yield m.data().segment();
            }
            case LuaString s -> {
                // A string is a const char array (LuaJIT's CTID_A_CCHAR): it passes for const char-like or
                // const void pointers, as its one native copy (LuaString.nativeCopy), which lives as long as
                // the string does; keepAlive holds the string for the place the pointer is stored in.
                checkPointerTarget(CONST_CHAR, ptr, lua, target);
                if (keepAlive != null) {
                    keepAlive.add(s);
                }
                yield s.nativeCopy();
            }
            case LuaFunction f when plain(ptr.target()) instanceof CType.Function -> {
                Cdata.Pointer callback = library.callback(CType.pointerTo(plain(ptr.target())), f);
                if (keepAlive != null) {
                    keepAlive.add(callback);
                }
                yield MemorySegment.ofAddress(callback.address());
            }
            default -> throw cannotConvert(lua, target);
        };
    }

    private static final CType CONST_CHAR = CType.qualified(Primitive.CHAR, true, false, false);

    private void checkPointerTarget(CType from, CType.Pointer to, Object lua, CType target) {
        if (!isCompatiblePointee(from, to.target(), false)) {
            throw cannotConvert(lua, target);
        }
    }

    /**
     * LuaJIT's rule for converting a pointer to {@code from} into a pointer to {@code to}
     * without a cast (lj_cconv.c, cconv_compatptr): qualifiers may be added but not dropped
     * (and must match exactly below the first level, {@code sameQualifiers}); void on either
     * side converts at the first level; otherwise the targets must be of the same kind and
     * size: numbers of the same class (integer, floating, bool) whatever their signedness,
     * enums, arrays, pointers whose targets are compatible in turn, the very same struct or
     * union, and functions with the same number of fixed parameters (LuaJIT compares no more
     * of a function type, so a comparator taking {@code P *} passes for one taking
     * {@code const void *}).
     */
    boolean isCompatiblePointee(CType from, CType to, boolean sameQualifiers) {
        if (from.equals(to)) {
            return true;
        }
        int fromQualifiers = qualifiers(from);
        int toQualifiers = qualifiers(to);
        if (sameQualifiers ? fromQualifiers != toQualifiers : (toQualifiers & fromQualifiers) != fromQualifiers) {
            return false;
        }
        CType a = plain(from);
        CType b = plain(to);
        if (!sameQualifiers && (a == Primitive.VOID || b == Primitive.VOID)) {
            return true;
        }
        var abi = library.ffi().layouts().abi();
        return switch (a) {
            case Primitive pa when b instanceof Primitive pb -> pa == pb || numberClass(pa) == numberClass(pb)
                    && pa != Primitive.VOID && pb != Primitive.VOID && abi.sizeOf(pa) == abi.sizeOf(pb);
            case EnumType ea when b instanceof EnumType eb -> ea.isComplete() && eb.isComplete()
                    && abi.sizeOf(ea.body().underlyingType()) == abi.sizeOf(eb.body().underlyingType());
            case CType.Pointer pa when b instanceof CType.Pointer pb -> isCompatiblePointee(pa.target(), pb.target(), true);
            case CType.Array aa when b instanceof CType.Array ab -> aa.kind() == CType.ArrayKind.FIXED
                    && ab.kind() == CType.ArrayKind.FIXED && library.elementSize(aa) == library.elementSize(ab);
            case RecordType ra -> ra.equals(b);
            case CType.Function fa when b instanceof CType.Function fb -> fa.parameterTypes().size() == fb.parameterTypes().size();
            default -> false;
        };
    }

    /** Which numbers LuaJIT tells apart in pointer targets: 0 bool, 1 floating, 2 complex, 3 integer. */
    private static int numberClass(Primitive p) {
        if (p == Primitive.BOOL) {
            return 0;
        }
        if (p == Primitive.COMPLEX_DOUBLE || p == Primitive.COMPLEX_FLOAT) {
            return 2;
        }
        return p.isFloating() ? 1 : 3;
    }

    /** The const (1) and volatile (2) qualifiers of a type, through typedef alignment. */
    private static int qualifiers(CType t) {
        int bits = 0;
        while (true) {
            switch (t) {
                case CType.Qualified q -> {
                    bits |= (q.isConst() ? 1 : 0) | (q.isVolatile() ? 2 : 0);
                    t = q.base();
                }
                case CType.Aligned a -> t = a.base();
                default -> {
                    return bits;
                }
            }
        }
    }

    private Object aggregate(Object lua, CType target) {
        if (lua instanceof Cdata.Memory m && plain(m.type()).equals(plain(target))) {
            return m.data();
        }
        if (lua instanceof Cdata.Pointer p && plain(p.type()) instanceof CType.Pointer pt && plain(pt.target()).equals(plain(target))) {
            return library.ffi().view(target, MemorySegment.ofAddress(p.address()));
        }
        if (lua instanceof LuaTable t) {
            Cdata.Memory built = library.allocate(target, -1);
            library.initializer().initialize(built, new Object[] {t});
            return built.data();
        }
        throw cannotConvert(lua, target);
    }

    static LuaError cannotConvert(Object lua, CType target) {
        return new LuaError("cannot convert '" + nameOf(lua) + "' to '" + FfiLibrary.render(target) + "'");
    }

    /**
     * How LuaJIT's messages name a value: the C type of a cdata, the C type a boolean or a
     * userdata would convert through ({@code bool}, {@code void *}), the Lua type otherwise.
     */
    static String nameOf(Object lua) {
        return switch (LuaType.of(lua)) {
            // A C function takes part in conversions and operators as a pointer to it (LuaJIT).
            case CDATA -> lua instanceof NativeCall n ? FfiLibrary.render(CType.pointerTo(n.type())) : ((Cdata) lua).typeName();
            case BOOLEAN -> "bool";
            case USERDATA -> "void *";
            default -> LuaType.of(lua).luaName();
        };
    }

}
