package dev.isthmus.lua.ffi;

import dev.isthmus.lua.lib.BitLibrary;
import dev.isthmus.lua.runtime.LuaArgumentError;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.NumberCoercion;

/**
 * LuaJIT 2.1's {@code bit} operations with cdata arguments (lib_bit.c with
 * {@code lj_carith_check64}): an integer, enum or 64-bit cdata among the operands makes the
 * operation 64-bit, and its result a {@code uint64_t} cdata when an operand was one, else an
 * {@code int64_t}. Numbers join a 64-bit operation as BitOp converts them, sign-extended
 * ({@code bor(1LL, -1)} is {@code -1LL}). Shifts and rotations are 64-bit when the value
 * shifted is a cdata; a cdata shift count alone only gives its low 32 bits.
 */
final class BitInt64 implements BitLibrary.Int64Operations {
    private final FfiLibrary lib;

    BitInt64(FfiLibrary lib) {
        this.lib = lib;
    }

    @Override
    public Object[] apply(String name, Object[] args) {
        boolean isShift = name.endsWith("shift") || name.equals("rol") || name.equals("ror");
        int considered = name.equals("tohex") || isShift ? 1 : args.length;
        boolean any = false;
        boolean isUnsigned = false;
        for (int i = 0; i < Math.min(considered, args.length); i++) {
            if (args[i] instanceof Cdata c) {
                any = true;
                isUnsigned |= c instanceof Cdata.Int64 v && v.isUnsigned();
            }
        }
        if (!any) {
            if (args.length > 1 && args[1] instanceof Cdata && (isShift || name.equals("tohex"))) {
                return name.equals("tohex") ? new Object[] {BitLibrary.hex(bits(args, 0, name), (int) bits(args, 1, name))} : shift32(name, args);
            }
            return null;
        }
        long x = bits(args, 0, name);
        if (name.equals("tohex")) {
            return new Object[] {BitLibrary.hex(x, args.length > 1 && args[1] != null ? (int) bits(args, 1, name) : 16)};
        }
        long result = switch (name) {
            case "tobit" -> (int) x;
            case "bnot" -> ~x;
            case "bswap" -> Long.reverseBytes(x);
            case "band", "bor", "bxor" -> {
                long acc = x;
                for (int i = 1; i < args.length; i++) {
                    long y = bits(args, i, name);
                    acc = name.equals("band") ? acc & y : name.equals("bor") ? acc | y : acc ^ y;
                }
                yield acc;
            }
            case "lshift" -> x << (bits(args, 1, name) & 63);
            case "rshift" -> x >>> (bits(args, 1, name) & 63);
            case "arshift" -> x >> (bits(args, 1, name) & 63);
            case "rol" -> Long.rotateLeft(x, (int) (bits(args, 1, name) & 63));
            case "ror" -> Long.rotateRight(x, (int) (bits(args, 1, name) & 63));
            default -> throw new LuaError("bad argument to '" + name + "'");
        };
        if (name.equals("tobit")) {
            return new Object[] {(double) (int) result};
        }
        return new Object[] {new Cdata.Int64(lib, result, isUnsigned)};
    }

    /** A 32-bit shift of a number by a cdata count: the count's low 32 bits, then BitOp's shift. */
    private Object[] shift32(String name, Object[] args) {
        int x = (int) bits(args, 0, name);
        int n = (int) bits(args, 1, name) & 31;
        int result = switch (name) {
            case "lshift" -> x << n;
            case "rshift" -> x >>> n;
            case "arshift" -> x >> n;
            case "rol" -> Integer.rotateLeft(x, n);
            default -> Integer.rotateRight(x, n);
        };
        return new Object[] {(double) result};
    }

    /** An operand's 64 bits: a cdata's value converted to int64, a number's or numeric string's 32 bits sign-extended. */
    private long bits(Object[] args, int i, String name) {
        Object v = i < args.length ? args[i] : null;
        if (v instanceof LuaString s && NumberCoercion.parse(s) != null) {
            v = NumberCoercion.parse(s);
        }
        if (v instanceof Double d) {
            return BitLibrary.toBit(d);
        }
        Long value = v instanceof Cdata ? CdataArithmetic.asInt64(v) : null;
        if (value == null) {
            throw new LuaArgumentError(i + 1, name, "number expected, got " + CdataConversion.nameOf(v));
        }
        return value;
    }
}
