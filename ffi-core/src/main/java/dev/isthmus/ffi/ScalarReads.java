package dev.isthmus.ffi;

import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.TypeRenderer;

/**
 * The typed reads of {@link CData} ({@code getInt}, {@code getLong}, {@code getDouble}):
 * which C types each accepts, and the value the conversion table gave, narrowed to the Java
 * primitive. A type the read cannot hold exactly is refused, naming the read that can.
 */
final class ScalarReads {
    private static final long INT_BYTES = 4;

    private ScalarReads() {
    }

    static int asInt(Object value, CType declared, String path, Abi abi) {
        Primitive p = integer(declared, path, "getInt");
        if (abi.sizeOf(p) > INT_BYTES) {
            throw refused(declared, path, "getInt", "it is wider than an int: use getLong");
        }
        return (int) bits(value);
    }

    static long asLong(Object value, CType declared, String path) {
        integer(declared, path, "getLong");
        return bits(value);
    }

    static double asDouble(Object value, CType declared, String path) {
        CType plain = ValueConversion.plain(declared);
        if (plain instanceof Primitive p && p.isFloating() && !(value instanceof Complex)) {
            return ((Number) value).doubleValue();
        }
        Primitive p = integer(declared, path, "getDouble");
        long bits = bits(value);
        // An unsigned 64-bit value above Long.MAX_VALUE converts as C converts it, not as its signed bits.
        return p.isUnsigned() && bits < 0 ? (double) (bits >>> 1) * 2.0 + (bits & 1) : (double) bits;
    }

    private static Primitive integer(CType declared, String path, String read) {
        return switch (ValueConversion.plain(declared)) {
            case Primitive p when p.isInteger() -> p;
            case EnumType e -> e.body().underlyingType();
            default -> throw refused(declared, path, read, "it is not an integer"
                    + (read.equals("getDouble") ? " or floating type" : ""));
        };
    }

    private static long bits(Object value) {
        return switch (value) {
            case Boolean b -> b ? 1 : 0;
            case Number n -> n.longValue();
            default -> throw new IllegalStateException("an integer member read as " + value.getClass().getName());
        };
    }

    private static IllegalArgumentException refused(CType declared, String path, String read, String why) {
        String what = path.isEmpty() ? "this cdata" : "'" + path + "'";
        return new IllegalArgumentException(read + ": " + what + " is '" + TypeRenderer.render(declared) + "': " + why);
    }
}
