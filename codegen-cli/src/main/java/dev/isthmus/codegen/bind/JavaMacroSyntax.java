package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.type.Primitive;

import java.util.Locale;

/**
 * Macro expressions in Java ({@link MacroSyntax}): an integer is a {@code long}, which Java
 * computes with in 64 bits as C's {@code long long} wraps; unsigned 64-bit division,
 * remainder and comparison are {@code Long.divideUnsigned}, {@code Long.remainderUnsigned}
 * and {@code Long.compareUnsigned}; a narrower type is a cast through {@code int},
 * {@code short} or {@code byte}, or a mask; Java has no integer truth, so a condition is a
 * {@code boolean} and C's 0 or 1 is {@code (... ? 1L : 0L)}. Java's numeric promotion
 * converts an integer operand of a floating operation as C's usual arithmetic conversions do
 * (but for an unsigned 64-bit one), and {@code float} arithmetic rounds as C's.
 */
final class JavaMacroSyntax implements MacroSyntax {
    static final JavaMacroSyntax INSTANCE = new JavaMacroSyntax();

    private JavaMacroSyntax() {
    }

    @Override
    public String integer(long bits, Primitive type, boolean hex) {
        return (hex ? "0x" + Long.toHexString(bits) : Long.toString(bits)) + "L";
    }

    @Override
    public String floating(double value, MacroExpression.Kind kind) {
        if (kind == MacroExpression.Kind.FLOAT) {
            float f = (float) value;
            return Float.isInfinite(f) ? "Float.POSITIVE_INFINITY" : Float.toString(f) + "f";
        }
        return Double.isInfinite(value) ? "Double.POSITIVE_INFINITY" : Double.toString(value);
    }

    @Override
    public String parameter(String name, MacroExpression.Kind kind) {
        return name;
    }

    @Override
    public String compare(String operator, String x, String y, boolean unsigned64) {
        return unsigned64 ? "Long.compareUnsigned(" + x + ", " + y + ") " + operator + " 0" : x + " " + operator + " " + y;
    }

    @Override
    public String isZero(String x) {
        return x + " == 0";
    }

    @Override
    public String logical(String operator, String x, String y) {
        return x + " != 0 " + operator + " " + y + " != 0";
    }

    @Override
    public String truth(String condition) {
        return "(" + condition + " ? 1L : 0L)";
    }

    @Override
    public String choice(String test, String then, String otherwise) {
        return "(" + test + " != 0 ? " + then + " : " + otherwise + ")";
    }

    @Override
    public String integerArithmetic(String operator, String x, String y) {
        return "(" + x + " " + operator + " " + y + ")";
    }

    @Override
    public String unsignedDivision(String operator, String x, String y) {
        return (operator.equals("/") ? "Long.divideUnsigned(" : "Long.remainderUnsigned(") + x + ", " + y + ")";
    }

    @Override
    public String bitwise(String operator, String x, String y) {
        return "(" + x + " " + operator + " " + y + ")";
    }

    @Override
    public String shift(String operator, String x, String count, boolean arithmetic) {
        String java = operator.equals("<<") ? " << " : arithmetic ? " >> " : " >>> ";
        return "(" + x + java + count + ")";
    }

    @Override
    public String negate(String x) {
        return "(-" + x + ")";
    }

    @Override
    public String plus(String x) {
        return "(+" + x + ")";
    }

    @Override
    public String complement(String x) {
        return "(~" + x + ")";
    }

    @Override
    public String floatingArithmetic(String operator, String x, String y, MacroExpression.Kind kind) {
        return "(" + x + " " + operator + " " + y + ")";
    }

    @Override
    public String narrowed(String x, int width, boolean unsigned) {
        if (unsigned) {
            return "(" + x + " & 0x" + Long.toHexString((1L << width) - 1).toUpperCase(Locale.ROOT) + "L)";
        }
        String javaType = switch (width) {
            case 8 -> "byte";
            case 16 -> "short";
            case 32 -> "int";
            default -> throw new IllegalArgumentException("no Java type of " + width + " bits");
        };
        return "((long) (" + javaType + ") " + x + ")";
    }

    @Override
    public String bool(String x) {
        return "(" + x + " != 0 ? 1L : 0L)";
    }

    @Override
    public String floatingToInteger(String x, boolean unsigned64) {
        // Java's (long) truncates toward zero as C does; an unsigned 64-bit result may exceed Long.MAX_VALUE.
        return unsigned64 ? "(" + x + " >= 0x1p63 ? (long) (" + x + " - 0x1p63) ^ Long.MIN_VALUE : (long) " + x + ")"
                : "((long) " + x + ")";
    }

    @Override
    public String integerToFloating(String x, boolean unsigned64, MacroExpression.Kind kind) {
        if (!unsigned64) {
            return x; // Java's numeric promotion converts it.
        }
        // Halving keeps the lowest bit sticky, so the one rounding to the floating type is C's.
        String type = kind.javaType();
        return "(" + x + " >= 0 ? (" + type + ") " + x + " : (" + type + ") (" + x + " >>> 1 | " + x + " & 1) * 2)";
    }

    @Override
    public String floatingCast(String x, MacroExpression.Kind kind) {
        return "((" + kind.javaType() + ") " + x + ")";
    }

    @Override
    public String member(String record, String parameter, String member, String reader, MacroExpression.Kind kind, boolean unsigned) {
        String get = record + "." + JavaNames.identifier(member) + "(" + parameter + ")";
        if (kind.isFloating()) {
            return get;
        }
        return switch (reader) {
            case "long" -> get;
            case "boolean" -> "(" + get + " ? 1L : 0L)";
            case "int" -> unsigned ? "Integer.toUnsignedLong(" + get + ")" : "((long) " + get + ")";
            case "short" -> unsigned ? "Short.toUnsignedLong(" + get + ")" : "((long) " + get + ")";
            case "byte" -> unsigned ? "Byte.toUnsignedLong(" + get + ")" : "((long) " + get + ")";
            default -> null;
        };
    }

    @Override
    public String result(String x, MacroExpression.Kind kind, Primitive type, boolean unsigned64) {
        return x;
    }
}
