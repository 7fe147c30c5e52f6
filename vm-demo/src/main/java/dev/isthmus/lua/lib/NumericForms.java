package dev.isthmus.lua.lib;

import dev.isthmus.lua.runtime.JavaFunction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

/**
 * Method handles of doubles for library functions that are pure arithmetic on numbers
 * ({@link dev.isthmus.lua.runtime.JavaFunction#numericForm}): the operator the library itself
 * applies, bound as the handle's receiver, so a trace that calls the handle as a constant
 * gets the operator inlined and computes exactly what the library would. Each is made when a
 * trace first asks for it: opening the libraries then spins none of the JVM's method handle
 * classes, a noticeable part of a short script's start-up.
 */
final class NumericForms {
    private NumericForms() {
    }

    /** The two {@code applyAsDouble} methods, looked up when the first form is made. */
    private static final class Apply {
        static final MethodHandle UNARY;
        static final MethodHandle BINARY;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                UNARY = lookup.findVirtual(DoubleUnaryOperator.class, "applyAsDouble",
                        MethodType.methodType(double.class, double.class));
                BINARY = lookup.findVirtual(DoubleBinaryOperator.class, "applyAsDouble",
                        MethodType.methodType(double.class, double.class, double.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /** {@code (double)double}, made when asked; the operator itself is the function's {@link JavaFunction#unaryNumeric}. */
    static Supplier<MethodHandle> of(DoubleUnaryOperator f) {
        return new Form(f, false);
    }

    /** {@code (double, double)double}, made when asked; the operator itself is the function's {@link JavaFunction#binaryNumeric}. */
    static Supplier<MethodHandle> of(DoubleBinaryOperator f) {
        return new Form(f, true);
    }

    /**
     * A bit operation's form: {@code numeric} on numbers, {@code integer} (an
     * {@link java.util.function.IntUnaryOperator} or {@link java.util.function.IntBinaryOperator})
     * the same on 32-bit integers, {@link JavaFunction.NumericBody#intOperator}; when
     * {@code folds}, the function takes any number of arguments as the left fold of the binary
     * operator over them ({@code bit.bor(a, b, c)} is {@code f(f(a, b), c)}).
     */
    static Supplier<MethodHandle> bitwise(Object numeric, Object integer, boolean folds) {
        return new Form(numeric, numeric instanceof DoubleBinaryOperator, folds, integer);
    }

    /** An operator and the maker of its handle, which binds it to {@code applyAsDouble} of one or two doubles. */
    private record Form(Object operator, boolean binary, boolean folds, Object intOperator) implements Supplier<MethodHandle>, JavaFunction.NumericBody {
        Form(Object operator, boolean binary) {
            this(operator, binary, false, null);
        }

        @Override
        public MethodHandle get() {
            return (binary ? Apply.BINARY : Apply.UNARY).bindTo(operator);
        }
    }
}
