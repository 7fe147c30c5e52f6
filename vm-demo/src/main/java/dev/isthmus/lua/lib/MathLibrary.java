package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.CMath;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** Lua's math library (Lua 5.1 manual 5.6), with LuaJIT's two-argument {@code math.log}. */
public final class MathLibrary {
    private final TausworthePrng random = new TausworthePrng();

    private MathLibrary() {
    }

    public static LuaTable install(LuaRuntime runtime) {
        MathLibrary lib = new MathLibrary();
        LibraryTable t = new LibraryTable();
        unary(t, "abs", DoubleOperation.ABS);
        unary(t, "ceil", DoubleOperation.CEIL);
        unary(t, "floor", DoubleOperation.FLOOR);
        unary(t, "sqrt", DoubleOperation.SQRT);
        unary(t, "sin", CMath.unary("sin", Math::sin));
        unary(t, "cos", CMath.unary("cos", Math::cos));
        unary(t, "tan", CMath.unary("tan", Math::tan));
        unary(t, "asin", CMath.unary("asin", Math::asin));
        unary(t, "acos", CMath.unary("acos", Math::acos));
        unary(t, "atan", CMath.unary("atan", Math::atan));
        unary(t, "sinh", CMath.unary("sinh", Math::sinh));
        unary(t, "cosh", CMath.unary("cosh", Math::cosh));
        unary(t, "tanh", CMath.unary("tanh", Math::tanh));
        unary(t, "exp", CMath.unary("exp", Math::exp));
        unary(t, "log10", CMath.unary("log10", Math::log10));
        unary(t, "deg", x -> x * (180.0 / Math.PI));
        unary(t, "rad", x -> x * (Math.PI / 180.0));
        DoubleUnaryOperator log = CMath.unary("log", Math::log);
        DoubleUnaryOperator log2 = CMath.unary("log2", x -> Math.log(x) / Math.log(2));
        DoubleUnaryOperator log10 = CMath.unary("log10", Math::log10);
        t.add("log", args -> {
            Arguments a = new Arguments("log", args);
            double x = a.checkNumber(0);
            if (!a.isPresent(1)) {
                // A base given as nil is an error, as in LuaJIT: only an absent one means e.
                return LibraryTable.results(log.applyAsDouble(x));
            }
            // LuaJIT's bases: log2 and log10 for 2 and 10, a quotient of logs otherwise.
            double base = a.checkNumber(1);
            return LibraryTable.results(base == 2 ? log2.applyAsDouble(x) : base == 10 ? log10.applyAsDouble(x)
                    : log.applyAsDouble(x) / log.applyAsDouble(base));
        });
        DoubleBinaryOperator atan2 = CMath.binary("atan2", Math::atan2);
        binary(t, "atan2", atan2);
        binary(t, "pow", CMath::pow);
        binary(t, "fmod", (x, y) -> x % y);
        t.add("modf", args -> {
            double x = new Arguments("modf", args).checkNumber(0);
            double whole = x >= 0 ? Math.floor(x) : Math.ceil(x);
            // C's modf: the fraction has x's sign (-0 for -1 and for -inf), NaN for NaN.
            double fraction = Math.copySign(Double.isInfinite(x) ? 0.0 : x - whole, x);
            return LibraryTable.results(whole, fraction);
        });
        t.add("frexp", args -> {
            double x = new Arguments("frexp", args).checkNumber(0);
            if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
                return LibraryTable.results(x, 0.0);
            }
            int e = Math.getExponent(x);
            if (e == Double.MIN_EXPONENT - 1) {
                // Subnormal: scale into the normal range first.
                double scaled = x * 0x1p54;
                int es = Math.getExponent(scaled) + 1;
                return LibraryTable.results(scaled / Math.scalb(1.0, es), (double) (es - 54));
            }
            return LibraryTable.results(x / Math.scalb(1.0, e + 1), (double) (e + 1));
        });
        t.add("ldexp", args -> {
            Arguments a = new Arguments("ldexp", args);
            return LibraryTable.results(ldexp(a.checkNumber(0), a.checkNumber(1)));
        });
        // The numeric forms take two arguments, the common case; other counts take the general path.
        t.add("min", args -> LibraryTable.results(extreme("min", args, true)), NumericForms.of(DoubleOperation.Binary.MIN));
        t.add("max", args -> LibraryTable.results(extreme("max", args, false)), NumericForms.of(DoubleOperation.Binary.MAX));
        t.add("random", lib::random);
        t.add("randomseed", args -> {
            lib.random.seed(new Arguments("randomseed", args).checkNumber(0));
            return LibraryTable.results();
        });
        t.set("pi", Math.PI);
        t.set("huge", Double.POSITIVE_INFINITY);
        runtime.globals().put(LuaString.of("math"), t.table());
        return t.table();
    }

    private static void unary(LibraryTable t, String name, DoubleUnaryOperator f) {
        t.add(name, args -> LibraryTable.results(f.applyAsDouble(new Arguments(name, args).checkNumber(0))), NumericForms.of(f));
    }

    private static void binary(LibraryTable t, String name, DoubleBinaryOperator f) {
        t.add(name, args -> {
            Arguments a = new Arguments(name, args);
            return LibraryTable.results(f.applyAsDouble(a.checkNumber(0), a.checkNumber(1)));
        }, NumericForms.of(f));
    }

    /**
     * {@code x * 2^e} as LuaJIT computes it (the x87 {@code fscale}): {@code e} truncated toward
     * zero but never narrowed to an int, so {@code ldexp(1, 2^31)} is inf, and 0 times 2^inf is NaN.
     */
    private static double ldexp(double x, double e) {
        if (Double.isNaN(e) || Double.isInfinite(e)) {
            return x * Math.pow(2, e);
        }
        // Past +-2200 every finite x has overflowed or underflowed already.
        return Math.scalb(x, (int) Math.max(-2200, Math.min(2200, e)));
    }

    private static double extreme(String name, Object[] args, boolean isMin) {
        Arguments a = new Arguments(name, args);
        double best = a.checkNumber(0);
        for (int i = 1; i < args.length; i++) {
            double v = a.checkNumber(i);
            // As x86's minsd/maxsd, which LuaJIT uses: the later argument unless the earlier is
            // strictly smaller (larger), so a NaN on either side can win (min(1, 0/0) is nan).
            if (isMin ? !(best < v) : !(best > v)) {
                best = v;
            }
        }
        return best;
    }

    private Object[] random(Object[] args) {
        Arguments a = new Arguments("random", args);
        double r = random.nextDouble();
        switch (args.length) {
            case 0 -> {
                return LibraryTable.results(r);
            }
            case 1 -> {
                // LuaJIT 2.1 neither checks the interval nor rounds its bounds: floor(r * m) + 1.
                return LibraryTable.results(Math.floor(r * a.checkNumber(0)) + 1);
            }
            case 2 -> {
                double lo = a.checkNumber(0);
                return LibraryTable.results(Math.floor(r * (a.checkNumber(1) - lo + 1)) + lo);
            }
            default -> throw new LuaError("wrong number of arguments");
        }
    }
}
