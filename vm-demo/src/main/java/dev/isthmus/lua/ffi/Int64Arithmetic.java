package dev.isthmus.lua.ffi;

/**
 * 64-bit integer arithmetic as LuaJIT's {@code lj_carith.c} defines it: wrapping addition,
 * subtraction and multiplication; division and modulo truncating toward zero, with a zero
 * divisor giving the sign bit alone (0x8000000000000000, x64's "integer indefinite"); and
 * integer powers by squaring, negative exponents giving 0 except for bases 1 and -1, and
 * INT64_MAX for base 0.
 */
final class Int64Arithmetic {
    private static final long INDEFINITE = Long.MIN_VALUE;

    private Int64Arithmetic() {
    }

    static long signed(String op, long a, long b) {
        return switch (op) {
            case "add" -> a + b;
            case "sub" -> a - b;
            case "mul" -> a * b;
            case "div" -> divide(a, b, false);
            case "mod" -> remainder(a, b, false);
            case "pow" -> power(a, b, false);
            default -> throw new IllegalArgumentException(op);
        };
    }

    static long unsigned(String op, long a, long b) {
        return switch (op) {
            case "add" -> a + b;
            case "sub" -> a - b;
            case "mul" -> a * b;
            case "div" -> divide(a, b, true);
            case "mod" -> remainder(a, b, true);
            case "pow" -> power(a, b, true);
            default -> throw new IllegalArgumentException(op);
        };
    }

    static long divide(long a, long b, boolean isUnsigned) {
        if (b == 0) {
            return INDEFINITE;
        }
        if (isUnsigned) {
            return Long.divideUnsigned(a, b);
        }
        return a == Long.MIN_VALUE && b == -1 ? a : a / b;
    }

    static long remainder(long a, long b, boolean isUnsigned) {
        if (b == 0) {
            return INDEFINITE;
        }
        if (isUnsigned) {
            return Long.remainderUnsigned(a, b);
        }
        return a == Long.MIN_VALUE && b == -1 ? 0 : a % b;
    }

    static long power(long x, long k, boolean isUnsigned) {
        if (k == 0) {
            return 1;
        }
        if (k < 0 && !isUnsigned) {
            if (x == 1) {
                return 1;
            }
            if (x == -1) {
                return (k & 1) == 0 ? 1 : -1;
            }
            // lj_carith.c gives 0 a negative power as INT64_MAX, not the indefinite INT64_MIN.
            return x == 0 ? Long.MAX_VALUE : 0;
        }
        long result = 1;
        long base = x;
        long e = k;
        while (e != 0) {
            if ((e & 1) != 0) {
                result *= base;
            }
            base *= base;
            e >>>= 1;
        }
        return result;
    }
}
