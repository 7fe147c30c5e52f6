package dev.isthmus.cparser;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;

import java.util.Objects;

/**
 * The value of a named constant: an enumerator, a {@code static const} with an
 * initializer, or a {@code #define NAME <constant>} line.
 */
public sealed interface ConstantValue {

    /** The C type of the constant. */
    CType type();

    /**
     * An integer constant of an integer type; {@code bits} is its two's-complement
     * pattern, read as unsigned when the type is unsigned.
     */
    record IntegerValue(long bits, Primitive type) implements ConstantValue {
        public IntegerValue {
            if (!type.isInteger()) {
                throw new IllegalArgumentException("not an integer type: " + type);
            }
        }
    }

    /** A floating constant ({@code float}, {@code double} or {@code long double} held as a double). */
    record FloatingValue(double value, Primitive type) implements ConstantValue {
        public FloatingValue {
            if (!type.isFloating()) {
                throw new IllegalArgumentException("not a floating type: " + type);
            }
        }
    }

    /** A string literal; {@code bytes} excludes the terminating NUL. Its type is {@code const char *}. */
    record StringValue(byte[] bytes, CType type) implements ConstantValue {
        public StringValue {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(type, "type");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StringValue s && java.util.Arrays.equals(bytes, s.bytes) && type.equals(s.type);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes) * 31 + type.hashCode();
        }

        @Override
        public String toString() {
            return "StringValue[" + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) + "]";
        }
    }
}
