package dev.isthmus.lua.lib;

import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * The operations on 32-bit integers that the {@code bit} library's functions apply once their
 * arguments are integers, named so that a compiler can emit each as its one machine
 * instruction instead of calling a function object. {@link #ADD} and {@link #SUB} are no
 * library function: they are {@code tobit} of a sum, which wraps as int arithmetic does.
 * Shift counts are taken modulo 32, as the library and the JVM's shift instructions both do.
 */
public enum IntOperation implements IntBinaryOperator {
    AND, OR, XOR, SHL, SHR, SAR, ROL, ROR, ADD, SUB;

    @Override
    public int applyAsInt(int x, int y) {
        return switch (this) {
            case AND -> x & y;
            case OR -> x | y;
            case XOR -> x ^ y;
            case SHL -> x << y;
            case SHR -> x >>> y;
            case SAR -> x >> y;
            case ROL -> Integer.rotateLeft(x, y);
            case ROR -> Integer.rotateRight(x, y);
            case ADD -> x + y;
            case SUB -> x - y;
        };
    }

    /** The one-operand operations: {@code tobit} (nothing left to do on an integer), {@code bnot}, {@code bswap}. */
    public enum Unary implements IntUnaryOperator {
        TOBIT, NOT, BSWAP;

        @Override
        public int applyAsInt(int x) {
            return switch (this) {
                case TOBIT -> x;
                case NOT -> ~x;
                case BSWAP -> Integer.reverseBytes(x);
            };
        }
    }
}
