package dev.isthmus.lua.runtime;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
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
        MethodHandle linker = LINK_UNARY.bindTo(name).bindTo(fallback);
        return new Unary(selfLinking(linker, MethodType.methodType(double.class, double.class)));
    }

    /** The C function {@code name} of two doubles, or {@code fallback} where there is none. */
    public static DoubleBinaryOperator binary(String name, DoubleBinaryOperator fallback) {
        MethodHandle linker = LINK_BINARY.bindTo(name).bindTo(fallback);
        return new Binary(selfLinking(linker, MethodType.methodType(double.class, double.class, double.class)));
    }

    /*
     * The operators hold their function as the invoker of a call site whose first target links
     * it and retargets the site. A trace holds an operator as a constant; a record's fields are
     * constants to C2 too, and so is a constant call site's target (until it changes, which
     * deoptimises): the C function is then called as a plain critical downcall, inlined, as
     * {@code static final} handles are, instead of through a handle C2 cannot see (40 ns and more).
     */
    private record Unary(MethodHandle function) implements DoubleUnaryOperator {
        @Override
        public double applyAsDouble(double x) {
            try {
                return (double) function.invokeExact(x);
            } catch (Throwable e) {
                throw new IllegalStateException("C math function", e);
            }
        }
    }

    private record Binary(MethodHandle function) implements DoubleBinaryOperator {
        @Override
        public double applyAsDouble(double x, double y) {
            try {
                return (double) function.invokeExact(x, y);
            } catch (Throwable e) {
                throw new IllegalStateException("C math function", e);
            }
        }
    }

    private static final MethodHandle LINK_UNARY;
    private static final MethodHandle LINK_BINARY;

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            LINK_UNARY = lookup.findStatic(CMath.class, "linkUnary", MethodType.methodType(double.class, String.class,
                    DoubleUnaryOperator.class, MutableCallSite.class, double.class));
            LINK_BINARY = lookup.findStatic(CMath.class, "linkBinary", MethodType.methodType(double.class, String.class,
                    DoubleBinaryOperator.class, MutableCallSite.class, double.class, double.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The invoker of a call site of {@code type} whose first target is {@code linker} given the site. */
    private static MethodHandle selfLinking(MethodHandle linker, MethodType type) {
        MutableCallSite site = new MutableCallSite(type);
        site.setTarget(linker.bindTo(site));
        return site.dynamicInvoker();
    }

    private static double linkUnary(String name, DoubleUnaryOperator fallback, MutableCallSite site, double x) throws Throwable {
        return (double) retarget(site, name, Descriptors.UNARY, DoubleUnaryOperator.class, fallback).invokeExact(x);
    }

    private static double linkBinary(String name, DoubleBinaryOperator fallback, MutableCallSite site, double x, double y) throws Throwable {
        return (double) retarget(site, name, Descriptors.BINARY, DoubleBinaryOperator.class, fallback).invokeExact(x, y);
    }

    /** Points {@code site} at the C function {@code name}, or at {@code fallback}'s {@code applyAsDouble} without one; returns that target. */
    private static MethodHandle retarget(MutableCallSite site, String name, FunctionDescriptor descriptor, Class<?> fallbackType,
                                         Object fallback) throws ReflectiveOperationException {
        MethodHandle f = link(name, descriptor);
        if (f == null) {
            f = MethodHandles.lookup().findVirtual(fallbackType, "applyAsDouble", site.type()).bindTo(fallback);
        }
        site.setTarget(f);
        return f;
    }

    private static MethodHandle link(String name, FunctionDescriptor descriptor) {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find(name)
                .map(f -> linker.downcallHandle(f, descriptor, Linker.Option.critical(false)))
                .orElse(null);
    }

    private static double call(MethodHandle f, double x, double y) {
        try {
            return (double) f.invokeExact(x, y);
        } catch (Throwable e) {
            throw new IllegalStateException("C math function", e);
        }
    }
}
