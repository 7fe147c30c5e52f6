package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.NumberCoercion;

import java.lang.foreign.MemorySegment;

/**
 * Cdata in arithmetic, comparisons and {@code tostring}: 64-bit integer arithmetic with
 * LuaJIT's results, pointer arithmetic and comparison, equality with numbers and nil, and
 * the printed forms. As in LuaJIT (lj_carith.c), pointer arithmetic and comparison come
 * first, even for pointers to a struct with a metatype ({@code p == nil} stays a NULL check);
 * a metatable given by {@code ffi.metatype} handles what they do not, and before the
 * integer and equality rules for everything else.
 */
final class CdataArithmetic {
    private final FfiLibrary lib;

    CdataArithmetic(FfiLibrary lib) {
        this.lib = lib;
    }

    /**
     * The metatype's handler for an event on either operand, called; or the fallback. A ctype
     * ({@code ffi.typeof}, or what {@code ffi.metatype} returns) is not an object of its type:
     * LuaJIT gives it none of the metatype's operators ({@code tostring(box)} is
     * {@code ctype<struct box>}).
     */
    Object[] metamethodOr(String event, Object[] args, java.util.function.Supplier<Object[]> fallback) {
        for (Object operand : args) {
            if (operand instanceof Cdata c && !(c instanceof Cdata.TypeObject)) {
                LuaTable mt = lib.metatypeOf(c.type());
                Object handler = mt == null ? null : mt.get(LuaString.of(event));
                if (handler != null) {
                    return lib.runtime().semantics().call(handler, args);
                }
            }
        }
        return fallback.get();
    }

    Object arith(String op, Object a, Object b) {
        Cdata.Pointer pa = asPointer(a);
        Cdata.Pointer pb = asPointer(b);
        Object viaPointers = pa != null || pb != null ? pointerArith(op, a, b, pa, pb) : null;
        if (viaPointers != null) {
            return viaPointers;
        }
        Object[] viaMetatype = metamethodOr("__" + op, new Object[] {a, b}, () -> null);
        if (viaMetatype != null) {
            return viaMetatype.length == 0 ? null : viaMetatype[0];
        }
        if (pa != null || pb != null) {
            throw arithError(a, b);
        }
        boolean isUnsigned = isUnsigned(a) || isUnsigned(b);
        Long x = asInt64(a, isUnsigned);
        Long y = asInt64(b, isUnsigned);
        if (x == null || y == null) {
            throw arithError(a, b);
        }
        long r = isUnsigned ? Int64Arithmetic.unsigned(op, x, y) : Int64Arithmetic.signed(op, x, y);
        return new Cdata.Int64(lib, r, isUnsigned);
    }

    /** Pointer difference or pointer plus or minus an integer; null for any other operation on pointers. */
    private Object pointerArith(String op, Object a, Object b, Cdata.Pointer pa, Cdata.Pointer pb) {
        if (op.equals("sub") && pa != null && pb != null) {
            // LuaJIT subtracts pointers to compatible types, qualifiers aside, and never void (lj_carith.c).
            CType ta = CdataConversion.plain(((CType.Pointer) CdataConversion.plain(pa.type())).target());
            CType tb = CdataConversion.plain(((CType.Pointer) CdataConversion.plain(pb.type())).target());
            if (!FfiFunctions.hasKnownSize(ta) || !FfiFunctions.hasKnownSize(tb) || !lib.conversion().isCompatiblePointee(tb, ta, false)) {
                return null;
            }
            long size = lib.elementSize(ta);
            return (double) ((pa.address() - pb.address()) / size);
        }
        Cdata.Pointer p = pa != null ? pa : pb;
        Object offset = pa != null ? b : a;
        // A string is no integer to a pointer, even when it spells one.
        Long n = pa != null && pb != null || offset instanceof LuaString ? null : asInt64(offset);
        CType target = ((CType.Pointer) CdataConversion.plain(p.type())).target();
        // No arithmetic on pointers to what has no size (void, incomplete types), as in LuaJIT.
        if (n == null || !(op.equals("add") || op.equals("sub") && pa != null) || !FfiFunctions.hasKnownSize(CdataConversion.plain(target))) {
            return null;
        }
        long size = lib.elementSize(target);
        long delta = op.equals("sub") ? -n : n;
        return new Cdata.Pointer(lib, p.type(), p.address() + delta * size, p.anchor());
    }

    /** A pointer, or an array decayed to a pointer to its first element; null otherwise. */
    private Cdata.Pointer asPointer(Object v) {
        return switch (v) {
            case Cdata.Pointer p -> p;
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Array arr ->
                    new Cdata.Pointer(lib, CType.pointerTo(arr.element()), m.data().segment().address(), m);
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Pointer ->
                    new Cdata.Pointer(lib, m.type(), ((MemorySegment) m.data().get()).address());
            default -> null;
        };
    }

    /** A pointer, an array, or a C function (its address: {@code ffi.cast("void *", ffi.C.free) == ffi.C.free}), as equality compares them. */
    /**
     * Whether LuaJIT orders two pointers (lj_carith.c: compatible targets, qualifiers aside at the
     * first level, where void matches only void); equality compares any two.
     */
    private boolean areOrdered(Cdata.Pointer pa, Cdata.Pointer pb) {
        CType ta = CdataConversion.plain(((CType.Pointer) CdataConversion.plain(pa.type())).target());
        CType tb = CdataConversion.plain(((CType.Pointer) CdataConversion.plain(pb.type())).target());
        if (ta == Primitive.VOID || tb == Primitive.VOID) {
            return ta == tb;
        }
        return lib.conversion().isCompatiblePointee(tb, ta, false);
    }

    private Cdata.Pointer asComparedPointer(Object v) {
        return v instanceof NativeCall n ? new Cdata.Pointer(lib, CType.pointerTo(n.type()), n.address(), n) : asPointer(v);
    }

    /**
     * What equality compares of a cdata by address: a pointer, an array (its first element) or a
     * struct or union object (itself, as LuaJIT compares a reference: {@code q[1].prev == q[0]});
     * null for values compared otherwise.
     */
    private Cdata.Pointer asAddress(Object v) {
        if (v instanceof Cdata.Memory m && FfiLibrary.isRecord(m.type())) {
            return new Cdata.Pointer(lib, CType.pointerTo(m.type()), m.data().segment().address(), m);
        }
        return asPointer(v);
    }

    private LuaError arithError(Object a, Object b) {
        return new LuaError("attempt to perform arithmetic on '" + CdataConversion.nameOf(a) + "' and '" + CdataConversion.nameOf(b) + "'");
    }

    /** An operand as a 64-bit integer: numbers (truncated), 64-bit cdata, integer scalar cdata, booleans not. */
    static Long asInt64(Object v) {
        return asInt64(v, false);
    }

    /**
     * {@link #asInt64(Object)} for an operation done in {@code uint64_t} when {@code isUnsigned}: a
     * number then converts to {@code uint64_t} as everywhere else ({@code -1 + 0ULL} is 2^63 in
     * LuaJIT, as {@code ffi.new("uint64_t", -1)} is), not to {@code int64_t}.
     */
    static Long asInt64(Object v, boolean isUnsigned) {
        return switch (v) {
            case Double d -> isUnsigned ? FfiFunctions.doubleToUint64(d) : FfiFunctions.doubleToInt64(d);
            case Cdata.Int64 i -> i.value();
            case Cdata.EnumValue e -> e.value();
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof Primitive p && p.isInteger()
                    || CdataConversion.plain(m.type()) instanceof EnumType -> {
                Object x = m.data().get();
                yield x instanceof Number n ? n.longValue() : x instanceof Boolean bool ? (bool ? 1L : 0L) : null;
            }
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof Primitive p && p.isFloating() ->
                    FfiFunctions.doubleToInt64(((Number) m.data().get()).doubleValue());
            case LuaString s -> {
                Double d = NumberCoercion.parse(s);
                yield d == null ? null : FfiFunctions.doubleToInt64(d);
            }
            default -> null;
        };
    }

    private static boolean isUnsigned(Object v) {
        return v instanceof Cdata.Int64 i && i.isUnsigned();
    }

    Object unaryMinus(Object a) {
        Object[] viaMetatype = metamethodOr("__unm", new Object[] {a, a}, () -> null);
        if (viaMetatype != null) {
            return viaMetatype.length == 0 ? null : viaMetatype[0];
        }
        Long x = asInt64(a);
        if (x == null) {
            throw arithError(a, a);
        }
        return new Cdata.Int64(lib, -x, isUnsigned(a));
    }

    boolean equal(Object a, Object b) {
        Cdata.Pointer pointerA = a == null ? null : asComparedPointer(a);
        Cdata.Pointer pointerB = b == null ? null : asComparedPointer(b);
        if ((pointerA != null || a == null) && (pointerB != null || b == null)) {
            return (a == null ? 0 : pointerA.address()) == (b == null ? 0 : pointerB.address());
        }
        // A string compared with a pointer is its one native copy, as LuaJIT's interned strings are.
        if (pointerA != null && b instanceof LuaString s) {
            return pointerA.address() == s.nativeCopy().address();
        }
        if (pointerB != null && a instanceof LuaString s) {
            return pointerB.address() == s.nativeCopy().address();
        }
        Object[] viaMetatype = metamethodOr("__eq", new Object[] {a, b}, () -> null);
        if (viaMetatype != null) {
            return viaMetatype.length > 0 && !LuaType.isFalsy(viaMetatype[0]);
        }
        Cdata.Pointer pa = a == null ? null : asAddress(a);
        Cdata.Pointer pb = b == null ? null : asAddress(b);
        if (pa != null || pb != null || a == null || b == null) {
            long x = a == null ? 0 : pa != null ? pa.address() : addressOf(a);
            long y = b == null ? 0 : pb != null ? pb.address() : addressOf(b);
            return x == y && (a == null || b == null || pa != null && pb != null);
        }
        if (a instanceof Cdata.ComplexValue || b instanceof Cdata.ComplexValue) {
            // LuaJIT has no arithmetic on complex numbers: two of them are equal only when they
            // are the same cdata object, whatever their values, and never equal a number.
            return a == b;
        }
        if (a instanceof Cdata.TypeObject ta && b instanceof Cdata.TypeObject tb) {
            return CdataConversion.plain(ta.type()).equals(CdataConversion.plain(tb.type()));
        }
        if (a instanceof LuaString name && enumValue(b) instanceof Long value) {
            return enumConstantIs((Cdata) b, value, name);
        }
        if (b instanceof LuaString name && enumValue(a) instanceof Long value) {
            return enumConstantIs((Cdata) a, value, name);
        }
        boolean isUnsigned = isUnsigned(a) || isUnsigned(b);
        Long x = asInt64(a, isUnsigned);
        Long y = asInt64(b, isUnsigned);
        if (x != null && y != null && !(a instanceof LuaString) && !(b instanceof LuaString)) {
            return x.longValue() == y.longValue();
        }
        return a == b;
    }

    /** The value of an enum cdata (a scalar or an object of enum type), or null for anything else. */
    private Long enumValue(Object v) {
        return switch (v) {
            case Cdata.EnumValue e -> e.value();
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof dev.isthmus.cparser.type.EnumType
                    && lib.conversion().toLua(m.data().get(), m.type()) instanceof Cdata.EnumValue e -> e.value();
            default -> null;
        };
    }

    /** An enum cdata compared with a string: LuaJIT converts the string to the enum's constant of that name (none: unequal). */
    private static boolean enumConstantIs(Cdata enumCdata, long value, LuaString name) {
        var type = (dev.isthmus.cparser.type.EnumType) CdataConversion.plain(enumCdata.type());
        return type.isComplete() && type.body().constants().stream()
                .anyMatch(c -> c.name().equals(name.toString()) && c.value() == value);
    }

    /** The value of the enum's constant named by a string, which LuaJIT orders an enum cdata against; an error for other names. */
    private static long enumConstant(Cdata enumCdata, LuaString name) {
        var type = (dev.isthmus.cparser.type.EnumType) CdataConversion.plain(enumCdata.type());
        return type.body().constants().stream().filter(c -> c.name().equals(name.toString())).findFirst()
                .orElseThrow(() -> CdataConversion.cannotConvert(name, enumCdata.type())).value();
    }

    private static long addressOf(Object v) {
        return v instanceof Cdata.Memory m ? m.data().segment().address() : -1;
    }

    boolean compare(String op, Object a, Object b) {
        Cdata.Pointer pa = asComparedPointer(a);
        Cdata.Pointer pb = asComparedPointer(b);
        if (pa != null && pb != null) {
            if (!areOrdered(pa, pb)) {
                throw new LuaError("attempt to compare '" + CdataConversion.nameOf(a) + "' with '" + CdataConversion.nameOf(b) + "'");
            }
            int c = Long.compareUnsigned(pa.address(), pb.address());
            return op.equals("lt") ? c < 0 : c <= 0;
        }
        Object[] viaMetatype = metamethodOr("__" + op, new Object[] {a, b}, () -> null);
        if (viaMetatype != null) {
            return viaMetatype.length > 0 && !LuaType.isFalsy(viaMetatype[0]);
        }
        // An enum cdata orders against a string naming one of its constants (LuaJIT converts the string).
        boolean isNameA = a instanceof LuaString && enumValue(b) != null;
        boolean isNameB = b instanceof LuaString && enumValue(a) != null;
        if (a instanceof LuaString && !isNameA || b instanceof LuaString && !isNameB) {
            throw new LuaError("attempt to compare '" + CdataConversion.nameOf(a) + "' with '" + CdataConversion.nameOf(b) + "'");
        }
        boolean isUnsigned = isUnsigned(a) || isUnsigned(b);
        Long x = isNameA ? (Long) enumConstant((Cdata) b, (LuaString) a) : asInt64(a, isUnsigned);
        Long y = isNameB ? (Long) enumConstant((Cdata) a, (LuaString) b) : asInt64(b, isUnsigned);
        if (x == null || y == null) {
            throw new LuaError("attempt to compare '" + CdataConversion.nameOf(a) + "' with '" + CdataConversion.nameOf(b) + "'");
        }
        int c = isUnsigned ? Long.compareUnsigned(x, y) : Long.compare(x, y);
        return op.equals("lt") ? c < 0 : c <= 0;
    }

    // ---- tostring

    String text(Object v) {
        Object[] viaMetatype = v instanceof Cdata c && !(c instanceof Cdata.TypeObject) && lib.metatypeOf(c.type()) != null
                ? metamethodOr("__tostring", new Object[] {v}, () -> null) : null;
        if (viaMetatype != null && viaMetatype.length > 0) {
            Object r = viaMetatype[0];
            if (r instanceof LuaString s) {
                return s.toLatin1();
            }
            if (r instanceof Double d) {
                return NumberCoercion.toLuaString(d).toString();
            }
        }
        return switch (v) {
            case Cdata.Int64 i -> (i.isUnsigned() ? Long.toUnsignedString(i.value()) + "ULL" : i.value() + "LL");
            case Cdata.Pointer p -> "cdata<" + p.typeName() + ">: " + addressText(p.address());
            case Cdata.ComplexValue c -> complexText(c.re(), c.im());
            case Cdata.TypeObject t -> "ctype<" + t.typeName() + ">";
            // An enum prints its value as a signed 32-bit number whatever its underlying type, as
            // LuaJIT prints it (so an unsigned enum's 2^32 - 2 prints -2); other objects their address.
            case Cdata.EnumValue e -> "cdata<" + e.typeName() + ">: " + (int) e.value();
            case Cdata.Memory m when enumValue(m) instanceof Long value -> "cdata<" + m.typeName() + ">: " + (int) (long) value;
            case Cdata.Memory m -> "cdata<" + m.typeName() + ">: " + addressText(m.data().segment().address());
            case NativeCall n -> "cdata<" + n.typeName() + ">: " + addressText(n.address());
            default -> String.valueOf(v);
        };
    }

    /**
     * An address as LuaJIT prints one (lj_strfmt_wptr): {@code NULL}, else {@code 0x} and 8 hex
     * digits, 2 more when the high half is in use and 2 more for each byte of it past the first.
     */
    static String addressText(long address) {
        if (address == 0) {
            return "NULL";
        }
        int high = (int) (address >>> 32);
        int digits = high == 0 ? 8 : 10 + 2 * ((31 - Integer.numberOfLeadingZeros(high)) >> 3);
        String hex = Long.toHexString(address);
        return "0x" + "0".repeat(Math.max(0, digits - hex.length())) + hex;
    }

    /**
     * A complex number as LuaJIT writes it: {@code re+imi}, a NaN part without a sign, and the
     * suffix {@code I} instead of {@code i} when the imaginary part is not finite
     * ({@code inf-infI}), so it cannot be read as part of the word.
     */
    private static String complexText(double re, double im) {
        String r = Double.isNaN(re) ? "nan" : NumberCoercion.toLuaString(re).toString();
        String i = Double.isNaN(im) ? "nan" : NumberCoercion.toLuaString(im).toString();
        boolean isFinite = Double.isFinite(im);
        boolean hasSign = !Double.isNaN(im) && Math.copySign(1.0, im) < 0;
        return r + (hasSign ? "" : "+") + i + (isFinite ? "i" : "I");
    }
}
