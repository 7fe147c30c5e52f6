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
 * back, so they cost little more than the intrinsics. Each is linked on its first call, not
 * when a Lua state opens its libraries (the first downcall handle costs the JVM about 100 ms).
 * Without a C library symbol (never on a supported platform) the Java function stands in.
 */
public final class CMath {
    private CMath() {
    }

    /**
     * The descriptors, made with the first link: the JDK's layout classes spin method handle
     * classes as they initialise (milliseconds), which opening the math library must not cost.
     */
    private static final class Descriptors {
        static final FunctionDescriptor UNARY = FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);
        static final FunctionDescriptor BINARY = FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE,
                ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);
    }

    /** {@code pow} as a constant the JIT compiler folds into the interpreter's {@code ^}; linked when first used. */
    private static final class Pow {
        static final MethodHandle HANDLE = link("pow", Descriptors.BINARY);
    }

    /** {@code ^}: C's {@code pow}. */
    public static double pow(double x, double y) {
        return Pow.HANDLE == null ? Math.pow(x, y) : call(Pow.HANDLE, x, y);
    }

    /** The C function {@code name} of one double, or {@code fallback} where there is none. */
    public static DoubleUnaryOperator unary(String name, DoubleUnaryOperator fallback) {
        return new DoubleUnaryOperator() {
            private MethodHandle handle;

            @Override
            public double applyAsDouble(double x) {
                if (handle == null) {
                    handle = link(name, Descriptors.UNARY);
                }
                return handle == null ? fallback.applyAsDouble(x) : call(handle, x);
            }
        };
    }

    /** The C function {@code name} of two doubles, or {@code fallback} where there is none. */
    public static DoubleBinaryOperator binary(String name, DoubleBinaryOperator fallback) {
        return new DoubleBinaryOperator() {
            private MethodHandle handle;

            @Override
            public double applyAsDouble(double x, double y) {
                if (handle == null) {
                    handle = link(name, Descriptors.BINARY);
                }
                return handle == null ? fallback.applyAsDouble(x, y) : call(handle, x, y);
            }
        };
    }

    private static MethodHandle link(String name, FunctionDescriptor descriptor) {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find(name)
                .map(f -> linker.downcallHandle(f, descriptor, Linker.Option.critical(false)))
                .orElse(null);
    }

    private static double call(MethodHandle f, double x) {
        try {
            return (double) f.invokeExact(x);
        } catch (Throwable e) {
            throw new IllegalStateException("C math function", e);
        }
    }

    private static double call(MethodHandle f, double x, double y) {
        try {
            return (double) f.invokeExact(x, y);
        } catch (Throwable e) {
            throw new IllegalStateException("C math function", e);
        }
    }
}
