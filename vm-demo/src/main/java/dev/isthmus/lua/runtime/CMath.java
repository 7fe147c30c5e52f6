package dev.isthmus.lua.runtime;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The C library's math functions, which PUC Lua and LuaJIT call: Java's {@code Math} and
 * {@code StrictMath} differ from glibc in the last bit for many arguments (tanh, atan2, log10,
 * ...), round some exact ties of {@code pow} the other way (10^23) and differ on special cases
 * ({@code 1 ^ nan} is 1 in C). Critical downcalls: they take no heap memory and call nothing
 * back, so they cost little more than the intrinsics. Without a C library symbol (never on a
 * supported platform) the Java function stands in.
 */
public final class CMath {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final FunctionDescriptor UNARY = FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);
    private static final FunctionDescriptor BINARY = FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE,
            ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);
    private static final MethodHandle POW = link("pow", BINARY);

    private CMath() {
    }

    private static MethodHandle link(String name, FunctionDescriptor descriptor) {
        return LINKER.defaultLookup().find(name)
                .map(f -> LINKER.downcallHandle(f, descriptor, Linker.Option.critical(false)))
                .orElse(null);
    }

    /** {@code ^}: C's {@code pow}. */
    public static double pow(double x, double y) {
        if (POW == null) {
            return Math.pow(x, y);
        }
        try {
            return (double) POW.invokeExact(x, y);
        } catch (Throwable e) {
            throw new IllegalStateException("pow", e);
        }
    }

    /** The C function {@code name} of one double, or {@code fallback} where there is none. */
    public static DoubleUnaryOperator unary(String name, DoubleUnaryOperator fallback) {
        MethodHandle f = link(name, UNARY);
        if (f == null) {
            return fallback;
        }
        return x -> {
            try {
                return (double) f.invokeExact(x);
            } catch (Throwable e) {
                throw new IllegalStateException(name, e);
            }
        };
    }

    /** The C function {@code name} of two doubles, or {@code fallback} where there is none. */
    public static DoubleBinaryOperator binary(String name, DoubleBinaryOperator fallback) {
        MethodHandle f = link(name, BINARY);
        if (f == null) {
            return fallback;
        }
        return (x, y) -> {
            try {
                return (double) f.invokeExact(x, y);
            } catch (Throwable e) {
                throw new IllegalStateException(name, e);
            }
        };
    }
}
