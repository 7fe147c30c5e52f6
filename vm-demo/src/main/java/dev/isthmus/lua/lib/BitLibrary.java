package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

/**
 * LuaJIT's {@code bit} library (Lua BitOp): 32-bit operations on numbers. Numbers become
 * 32-bit integers as LuaJIT's {@code tobit} does (see {@link #toBit}). Operations
 * on 64-bit cdata are routed to the ffi library's {@link Int64Operations} when it is loaded.
 */
public final class BitLibrary {
    /** The ffi library's 64-bit forms of the operations, when an argument is a 64-bit cdata. */
    public interface Int64Operations {
        /** The result of {@code name} on these arguments as 64-bit cdata, or null when no argument is a 64-bit cdata. */
        Object[] apply(String name, Object[] args);
    }

    private Int64Operations int64;

    private BitLibrary() {
    }

    public static BitLibrary install(LuaRuntime runtime) {
        BitLibrary lib = new BitLibrary();
        LibraryTable t = new LibraryTable();
        lib.unary(t, "tobit", IntOperation.Unary.TOBIT);
        lib.unary(t, "bnot", IntOperation.Unary.NOT);
        lib.unary(t, "bswap", IntOperation.Unary.BSWAP);
        lib.fold(t, "band", IntOperation.AND);
        lib.fold(t, "bor", IntOperation.OR);
        lib.fold(t, "bxor", IntOperation.XOR);
        lib.shift(t, "lshift", IntOperation.SHL);
        lib.shift(t, "rshift", IntOperation.SHR);
        lib.shift(t, "arshift", IntOperation.SAR);
        lib.shift(t, "rol", IntOperation.ROL);
        lib.shift(t, "ror", IntOperation.ROR);
        t.add("tohex", args -> {
            Object[] r = lib.int64 == null ? null : lib.int64.apply("tohex", args);
            if (r != null) {
                return r;
            }
            Arguments a = new Arguments("tohex", args);
            int x = toBit(a.checkNumber(0));
            int n = !a.isPresent(1) ? 8 : toBit(a.checkNumber(1));
            // LuaJIT converts the 32-bit value to 64 bits unsigned (tohex(-1, 10) is "00ffffffff").
            return LibraryTable.results(hex(Integer.toUnsignedLong(x), n));
        });
        runtime.globals().put(LuaString.of("bit"), t.table());
        lib.table = t.table();
        return lib;
    }

    private LuaTable table;

    /**
     * {@code tohex}'s text, upper case when {@code n} is negative: the low {@code |n|} hex digits
     * of {@code bits}, and from 16 digits up all of them zero-padded to {@code |n|}. As in LuaJIT
     * (lib_bit.c), the width is a format precision kept in 8 bits: {@code ((|n| + 1) & 255) - 1},
     * so 255 gives no padding at all and 300 gives 44 digits; a precision of 0 prints 0 as nothing.
     */
    public static LuaString hex(long bits, int n) {
        int digits = Math.abs(n);
        long value = digits < 16 ? bits & ((1L << 4 * digits) - 1) : bits;
        int precision = ((digits + 1) & 255) - 1;
        String text = precision == 0 && value == 0 ? "" : Long.toHexString(value);
        if (precision > text.length()) {
            text = "0".repeat(precision - text.length()) + text;
        }
        return LuaString.of(n < 0 ? text.toUpperCase(java.util.Locale.ROOT) : text);
    }

    public LuaTable table() {
        return table;
    }

    public void setInt64Operations(Int64Operations operations) {
        this.int64 = operations;
    }

    /**
     * LuaJIT's number to 32-bit integer conversion ({@code lj_num2bit}): add 2^52+2^51 in
     * double arithmetic and take the low 32 bits of the sum's representation. Below 2^51 in
     * magnitude this rounds to the nearest integer (ties to even) and wraps modulo 2^32;
     * beyond, the sum's exponent grows and the low bits are what remains of the rounded
     * mantissa ({@code tobit(2^52 + 5)} is 2). NaN and infinities give 0.
     */
    public static int toBit(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        return (int) Double.doubleToRawLongBits(x + 0x1.8p52);
    }

    private void unary(LibraryTable t, String name, IntOperation.Unary f) {
        t.add(name, args -> {
            Object[] r = int64 == null ? null : int64.apply(name, args);
            if (r != null) {
                return r;
            }
            return LibraryTable.results((double) f.applyAsInt(toBit(new Arguments(name, args).checkNumber(0))));
        }, NumericForms.bitwise((java.util.function.DoubleUnaryOperator) x -> f.applyAsInt(toBit(x)), f, false));
    }

    private void fold(LibraryTable t, String name, IntOperation f) {
        t.add(name, args -> {
            Object[] r = int64 == null ? null : int64.apply(name, args);
            if (r != null) {
                return r;
            }
            Arguments a = new Arguments(name, args);
            int acc = toBit(a.checkNumber(0));
            for (int i = 1; i < args.length; i++) {
                acc = f.applyAsInt(acc, toBit(a.checkNumber(i)));
            }
            return LibraryTable.results((double) acc);
        }, NumericForms.bitwise((java.util.function.DoubleBinaryOperator) (x, y) -> f.applyAsInt(toBit(x), toBit(y)), f, true));
    }

    private void shift(LibraryTable t, String name, IntOperation f) {
        t.add(name, args -> {
            Object[] r = int64 == null ? null : int64.apply(name, args);
            if (r != null) {
                return r;
            }
            Arguments a = new Arguments(name, args);
            int x = toBit(a.checkNumber(0));
            int n = toBit(a.checkNumber(1)) & 31;
            return LibraryTable.results((double) f.applyAsInt(x, n));
        }, NumericForms.bitwise((java.util.function.DoubleBinaryOperator) (x, n) -> f.applyAsInt(toBit(x), toBit(n) & 31), f, false));
    }
}
