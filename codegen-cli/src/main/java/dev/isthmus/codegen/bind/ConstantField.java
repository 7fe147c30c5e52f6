package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.ConstantValue;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.Primitive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A C constant as a Java {@code static final} field: one Java type, and the initializer
 * for each ABI the bindings are for ({@link BindTargets#choose} picks among them).
 *
 * <p>The Java type is the narrowest that holds the constant on every ABI: an integer
 * whose type is 4 bytes or less is an {@code int}, 8 bytes a {@code long}, so
 * {@code #define M (~0UL)}, an 8-byte {@code unsigned long} on System V and AArch64 and a
 * 4-byte one on Win64, is a {@code long} everywhere, holding {@code 0xffffffffffffffffL} or
 * {@code 4294967295L} (a narrower integer widened by its C signedness, so the Java value
 * is C's, as portable accessors read a 4-byte {@code long}). A {@code float} constant is a
 * Java {@code float}, or a {@code double} (exactly) when another ABI makes it a
 * {@code double}. A {@code long double} constant, which Java has no type for, is the
 * {@code double} cparser computed it in (C's value rounded to {@code double}'s 53 bits,
 * Win64's {@code long double} being a {@code double}), and {@link #note()} says so for the
 * report. A constant that is an integer on one ABI and floating or a string on another
 * has no field.
 */
record ConstantField(String javaType, List<String> initializers, Optional<String> note) {

    ConstantField {
        initializers = List.copyOf(initializers);
    }

    /** Java's types for C constants, narrowest first within a kind. */
    private enum JavaType {
        INT("int", 0), LONG("long", 0), FLOAT("float", 1), DOUBLE("double", 1), STRING("String", 2);

        final String spelling;
        /** Types of one kind widen into each other; kinds do not mix. */
        final int kind;

        JavaType(String spelling, int kind) {
            this.spelling = spelling;
            this.kind = kind;
        }
    }

    /**
     * The field for a constant valued {@code perAbi.get(i)} on {@code abis.get(i)}.
     *
     * @throws NotBindable when the values' kinds differ between ABIs or a string is not ASCII
     */
    static ConstantField of(List<ConstantValue> perAbi, List<Abi> abis) throws NotBindable {
        if (perAbi.size() != abis.size() || perAbi.isEmpty()) {
            throw new IllegalArgumentException(perAbi.size() + " values for " + abis.size() + " ABIs");
        }
        List<JavaType> types = new ArrayList<>();
        for (int i = 0; i < perAbi.size(); i++) {
            types.add(javaType(perAbi.get(i), abis.get(i)));
        }
        if (types.stream().map(t -> t.kind).distinct().count() > 1) {
            throw new NotBindable("it is " + String.join(" or ", types.stream().map(t -> t.spelling).distinct().toList())
                    + " depending on the ABI");
        }
        JavaType widest = types.stream().max(Comparator.naturalOrder()).orElseThrow();
        List<String> initializers = new ArrayList<>();
        boolean longDouble = false;
        for (int i = 0; i < perAbi.size(); i++) {
            ConstantValue value = perAbi.get(i);
            longDouble |= value.type() == Primitive.LONG_DOUBLE && abis.get(i).sizeOf(Primitive.LONG_DOUBLE) > 8;
            initializers.add(initializer(value, abis.get(i), widest));
        }
        Optional<String> note = longDouble
                ? Optional.of("long double, which Java has no type for: a double, computed in double precision")
                : Optional.empty();
        return new ConstantField(widest.spelling, initializers, note);
    }

    private static JavaType javaType(ConstantValue value, Abi abi) throws NotBindable {
        return switch (value) {
            case ConstantValue.IntegerValue i when abi.sizeOf(i.type()) > 8 ->
                    throw new NotBindable("a " + i.type().spelling() + ", wider than Java's long");
            case ConstantValue.IntegerValue i -> abi.sizeOf(i.type()) <= 4 ? JavaType.INT : JavaType.LONG;
            case ConstantValue.FloatingValue f -> f.type() == Primitive.FLOAT ? JavaType.FLOAT : JavaType.DOUBLE;
            case ConstantValue.StringValue s -> JavaType.STRING;
        };
    }

    private static String initializer(ConstantValue value, Abi abi, JavaType type) throws NotBindable {
        return switch (value) {
            case ConstantValue.IntegerValue i -> {
                long v = cValue(i, abi);
                boolean unsigned = i.type().isUnsigned();
                yield type == JavaType.INT ? intLiteral((int) v, unsigned) : longLiteral(v, unsigned && abi.sizeOf(i.type()) == 8);
            }
            case ConstantValue.FloatingValue f -> type == JavaType.FLOAT ? floatLiteral((float) f.value()) : doubleLiteral(f.value());
            case ConstantValue.StringValue s -> stringLiteral(s.bytes())
                    .orElseThrow(() -> new NotBindable("a string that is not ASCII text"));
        };
    }

    /** The constant's value as C has it, sign- or zero-extended from its type's size to 64 bits. */
    private static long cValue(ConstantValue.IntegerValue i, Abi abi) {
        int bits = (int) abi.sizeOf(i.type()) * 8;
        if (bits >= 64) {
            return i.bits();
        }
        return i.type().isUnsigned() ? i.bits() & ((1L << bits) - 1) : i.bits() << (64 - bits) >> (64 - bits);
    }

    private static String intLiteral(int v, boolean unsigned) {
        return unsigned && v < 0 ? "0x" + Integer.toHexString(v) : Integer.toString(v);
    }

    private static String longLiteral(long v, boolean unsigned) {
        return (unsigned && v < 0 ? "0x" + Long.toHexString(v) : Long.toString(v)) + "L";
    }

    private static String floatLiteral(float v) {
        if (Float.isNaN(v)) {
            return "Float.NaN";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
        }
        return Float.toString(v) + "f";
    }

    private static String doubleLiteral(double v) {
        if (Double.isNaN(v)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(v);
    }

    private static Optional<String> stringLiteral(byte[] bytes) {
        StringBuilder s = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 0x80) {
                return Optional.empty();
            }
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                default -> s.append(c < 0x20 || c == 0x7f ? String.format("\\%03o", c) : String.valueOf((char) c));
            }
        }
        return Optional.of(s.append('"').toString());
    }
}
