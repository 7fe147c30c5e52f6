package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.type.Primitive;

/**
 * How a macro's translated expression ({@link MacroExpression}) is spelled in the language
 * written: {@link JavaMacroSyntax} for the header class's methods, {@link LuaMacroSyntax}
 * for the Lua module's functions. {@link MacroExpression} decides C's types and conversions;
 * this says how each operation it asks for is written. Integers are values of C's
 * {@code long long} holding each C type's value sign- or zero-extended (an unsigned 64-bit
 * value by its bits); floating values are the target language's {@code double}, or
 * {@code float} rounding.
 */
interface MacroSyntax {
    /** An integer constant of C type {@code type} whose 64 bits are {@code bits}, in hexadecimal if {@code hex}. */
    String integer(long bits, Primitive type, boolean hex);

    /** A floating constant of kind {@code kind} (its value exact in that kind). */
    String floating(double value, MacroExpression.Kind kind);

    /** A use of a parameter taken as {@code kind}. */
    String parameter(String name, MacroExpression.Kind kind);

    /** A comparison of two values of one kind ({@code ==} to {@code >=}), as a condition; {@code unsigned64} compares by unsigned value. */
    String compare(String operator, String x, String y, boolean unsigned64);

    /** A value tested as C's {@code !} tests it, as a condition: true when zero. */
    String isZero(String x);

    /** {@code &&} or {@code ||} of two conditions, as a condition. */
    String logical(String operator, String x, String y);

    /** C's 0 or 1 of type {@code int} for a condition. */
    String truth(String condition);

    /** {@code test ? then : otherwise}, where {@code test} is a value compared with 0. */
    String choice(String test, String then, String otherwise);

    /** {@code + - * / %} on two integers computed in 64 bits (signed division and remainder truncate as C's). */
    String integerArithmetic(String operator, String x, String y);

    /** Unsigned 64-bit {@code /} or {@code %}. */
    String unsignedDivision(String operator, String x, String y);

    /** {@code & | ^} on two integers. */
    String bitwise(String operator, String x, String y);

    /** {@code <<}, or {@code >>} bringing in sign bits ({@code arithmetic}) or zeros. */
    String shift(String operator, String x, String count, boolean arithmetic);

    /** Unary {@code -} of an integer (wrapping in 64 bits) or a floating value. */
    String negate(String x);

    /** Unary {@code +} of a floating value. */
    String plus(String x);

    /** {@code ~} of an integer. */
    String complement(String x);

    /** {@code + - * /} on two floating values of {@code kind}. */
    String floatingArithmetic(String operator, String x, String y, MacroExpression.Kind kind);

    /** A 64-bit result narrowed to an integer type of {@code width} bits, signed or not, sign- or zero-extended again. */
    String narrowed(String x, int width, boolean unsigned);

    /** C's {@code _Bool} of a value: 1 unless it is 0. */
    String bool(String x);

    /** A floating value converted to a 64-bit integer, truncated toward zero; by unsigned value when {@code unsigned64}. */
    String floatingToInteger(String x, boolean unsigned64);

    /** An integer converted to a floating value of {@code kind}; by unsigned value when {@code unsigned64}. */
    String integerToFloating(String x, boolean unsigned64, MacroExpression.Kind kind);

    /** A floating value converted to the floating {@code kind} by a cast. */
    String floatingCast(String x, MacroExpression.Kind kind);

    /**
     * A member of a record parameter: of kind {@code kind}, an integer by its C type's
     * signedness ({@code unsigned}); {@code record} names the record (its Java class, or its
     * C name for Lua) and {@code reader} how its value is read (its getter's Java type). Null
     * when it cannot be read as such.
     */
    String member(String record, String parameter, String member, String reader, MacroExpression.Kind kind, boolean unsigned);

    /** The whole expression's value as the function returns it, given its C type. */
    String result(String x, MacroExpression.Kind kind, Primitive type, boolean unsigned64);
}
