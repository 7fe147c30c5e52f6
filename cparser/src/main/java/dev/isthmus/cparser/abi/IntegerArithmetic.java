package dev.isthmus.cparser.abi;

import dev.isthmus.cparser.type.Primitive;

import java.util.List;
import java.util.stream.Stream;

/**
 * C's integer type rules under an ABI (C11 6.3.1.1, 6.3.1.8, 6.4.4.1): the type of an
 * integer constant, integer promotion, the usual arithmetic conversions, and a value
 * held as a 64-bit pattern normalised to its type's width. The constant evaluator computes
 * with them, and the binding generator gives a macro's Java the same types.
 */
public final class IntegerArithmetic {
    private final Abi abi;

    public IntegerArithmetic(Abi abi) {
        this.abi = abi;
    }

    /** The width of an integer type in bits, at most 64 (the width a {@code long} pattern holds). */
    public int width(Primitive type) {
        return (int) Math.min(64, abi.sizeOf(type) * 8);
    }

    /** Whether values of the type are unsigned: plain {@code char} follows the ABI. */
    public boolean isUnsigned(Primitive type) {
        return type.isUnsigned() || type == Primitive.CHAR && !abi.isCharSigned();
    }

    /** Sign- or zero-extends the low bits of {@code bits} to the width of {@code type}. */
    public long normalize(long bits, Primitive type) {
        int width = width(type);
        if (width >= 64) {
            return bits;
        }
        return isUnsigned(type) ? bits & ((1L << width) - 1) : (bits << (64 - width)) >> (64 - width);
    }

    /** Integer promotion (C11 6.3.1.1p2): types of rank below int become int. */
    public Primitive promote(Primitive type) {
        if (type.conversionRank() < Primitive.INT.conversionRank()) {
            return Primitive.INT;
        }
        return type;
    }

    /** The usual arithmetic conversions for two promoted integer types (C11 6.3.1.8). */
    public Primitive commonType(Primitive a, Primitive b) {
        if (a == b) {
            return a;
        }
        if (a.isUnsigned() == b.isUnsigned()) {
            return a.conversionRank() >= b.conversionRank() ? a : b;
        }
        Primitive unsigned = a.isUnsigned() ? a : b;
        Primitive signed = a.isUnsigned() ? b : a;
        if (unsigned.conversionRank() >= signed.conversionRank()) {
            return unsigned;
        }
        if (abi.sizeOf(signed) > abi.sizeOf(unsigned)) {
            return signed;
        }
        return signed.toUnsigned();
    }

    /**
     * The type of an integer constant of magnitude {@code bits} (unsigned) with
     * {@code longs} {@code l}s in its suffix (0 to 2), a {@code u} or not, written in
     * decimal or not (C11 6.4.4.1p5), or null when no type holds it.
     */
    public Primitive constantType(long bits, int longs, boolean isUnsigned, boolean decimal) {
        List<Primitive> signed = switch (longs) {
            case 0 -> List.of(Primitive.INT, Primitive.LONG, Primitive.LONG_LONG);
            case 1 -> List.of(Primitive.LONG, Primitive.LONG_LONG);
            default -> List.of(Primitive.LONG_LONG);
        };
        List<Primitive> candidates = isUnsigned ? signed.stream().map(Primitive::toUnsigned).toList()
                : decimal ? signed : signed.stream().flatMap(p -> Stream.of(p, p.toUnsigned())).toList();
        for (Primitive candidate : candidates) {
            if (fits(bits, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Whether an unsigned 64-bit magnitude fits the type. */
    private boolean fits(long magnitude, Primitive type) {
        int bits = (int) abi.sizeOf(type) * 8;
        if (type.isUnsigned()) {
            return bits >= 64 || Long.compareUnsigned(magnitude, (1L << bits) - 1) <= 0;
        }
        return Long.compareUnsigned(magnitude, bits >= 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1) <= 0;
    }
}
