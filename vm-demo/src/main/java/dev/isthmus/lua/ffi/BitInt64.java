package dev.isthmus.lua.ffi;

import dev.isthmus.lua.lib.BitLibrary;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;

/**
 * LuaJIT 2.1's {@code bit} operations on 64-bit cdata: when any argument is an
 * {@code int64_t} or {@code uint64_t}, the operation runs on 64 bits and returns a 64-bit
 * cdata (unsigned if any argument was), numbers being converted to int64 first.
 */
final class BitInt64 implements BitLibrary.Int64Operations {
    private final FfiLibrary lib;

    BitInt64(FfiLibrary lib) {
        this.lib = lib;
    }

    @Override
    public Object[] apply(String name, Object[] args) {
        boolean any = false;
        boolean isUnsigned = false;
        int considered = name.equals("tohex") || name.endsWith("shift") || name.startsWith("ro") ? 1 : args.length;
        for (int i = 0; i < Math.min(considered, args.length); i++) {
            if (args[i] instanceof Cdata.Int64 v) {
                any = true;
                isUnsigned |= v.isUnsigned();
            }
        }
        if (!any) {
            return null;
        }
        long x = bits(args, 0, name);
        if (name.equals("tohex")) {
            long n = args.length > 1 && args[1] != null ? bits(args, 1, name) : 16;
            int digits = (int) Math.min(Math.abs(n), 16);
            String hex = String.format(n < 0 ? "%016X" : "%016x", x);
            return new Object[] {LuaString.of(hex.substring(16 - digits))};
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

    private long bits(Object[] args, int i, String name) {
        Object v = i < args.length ? args[i] : null;
        return switch (v) {
            case Cdata.Int64 c -> c.value();
            case Double d -> FfiFunctions.doubleToInt64(d);
            default -> throw new LuaError("bad argument #" + (i + 1) + " to '" + name + "' (number expected, got "
                    + CdataConversion.nameOf(v) + ")");
        };
    }
}
