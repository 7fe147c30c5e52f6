package dev.isthmus.lua.lib;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The {@code math} functions that are one JVM operation on doubles, named so that a compiler can
 * emit each as that operation ({@code Math.sqrt} and the others are intrinsics: one machine
 * instruction) instead of calling a function object, which a large compiled method may not
 * inline. The library applies the same operators, so both compute the same.
 */
public enum DoubleOperation implements DoubleUnaryOperator {
    SQRT, ABS, FLOOR, CEIL;

    @Override
    public double applyAsDouble(double x) {
        return switch (this) {
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
        };
    }

    /**
     * {@code math.min} and {@code math.max} of two numbers, as LuaJIT computes them: the first
     * unless the comparison says the second ({@code min(nan, 1)} is 1, {@code min(1, nan)} nan,
     * {@code min(0, -0)} 0), which is not what {@code Math.min} gives.
     */
    public enum Binary implements DoubleBinaryOperator {
        MIN, MAX;

        @Override
        public double applyAsDouble(double x, double y) {
            return this == MIN ? (x < y ? x : y) : (x > y ? x : y);
        }
    }
}
