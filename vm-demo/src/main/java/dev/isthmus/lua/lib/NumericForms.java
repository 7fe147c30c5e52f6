package dev.isthmus.lua.lib;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Method handles of doubles for library functions that are pure arithmetic on numbers
 * ({@link dev.isthmus.lua.runtime.JavaFunction#numericForm}): the operator the library itself
 * applies, bound as the handle's receiver, so a trace that calls the handle as a constant
 * gets the operator inlined and computes exactly what the library would.
 */
final class NumericForms {
    private static final MethodHandle APPLY_UNARY;
    private static final MethodHandle APPLY_BINARY;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            APPLY_UNARY = lookup.findVirtual(DoubleUnaryOperator.class, "applyAsDouble", MethodType.methodType(double.class, double.class));
            APPLY_BINARY = lookup.findVirtual(DoubleBinaryOperator.class, "applyAsDouble",
                    MethodType.methodType(double.class, double.class, double.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private NumericForms() {
    }

    /** {@code (double)double}. */
    static MethodHandle of(DoubleUnaryOperator f) {
        return APPLY_UNARY.bindTo(f);
    }

    /** {@code (double, double)double}. */
    static MethodHandle of(DoubleBinaryOperator f) {
        return APPLY_BINARY.bindTo(f);
    }
}
