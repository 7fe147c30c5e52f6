package dev.isthmus.lua.lib;

/**
 * {@code math.random}'s generator as LuaJIT 2.1 has it, so seeded sequences match LuaJIT's
 * number for number: a combined Tausworthe generator of period 2^223 (L'Ecuyer 1991, "Tables
 * of maximally-equidistributed combined LFSR generators", table 3, first entry: four 64-bit
 * components of degrees 63, 58, 55 and 47). Not for cryptography.
 */
final class TausworthePrng {
    private final long[] state = new long[4];

    /** A generator in the state LuaJIT's math library starts in: the one {@code seed(0)} gives. */
    TausworthePrng() {
        seed(0);
    }

    /**
     * LuaJIT's seeding: each component is the bit pattern of {@code d = d * pi + e}, raised
     * where needed so its top k bits are not all zero (a component must not be stuck at 0),
     * then ten steps to mix.
     */
    void seed(double d) {
        int minimumExponents = 0x11090601; // 64 - k for each component, as four bytes
        for (int i = 0; i < 4; i++) {
            long minimum = 1L << (minimumExponents & 255);
            minimumExponents >>>= 8;
            d = d * 3.14159265358979323846 + 2.7182818284590452354;
            long bits = Double.doubleToRawLongBits(d);
            if (Long.compareUnsigned(bits, minimum) < 0) {
                bits += minimum;
            }
            state[i] = bits;
        }
        for (int i = 0; i < 10; i++) {
            next();
        }
    }

    /** A double in [0, 1): 52 random bits as the significand of a number in [1, 2), minus 1. */
    double nextDouble() {
        long bits = (next() & 0xFFFFFFFFFFFFFL) | 0x3FF0000000000000L;
        return Double.longBitsToDouble(bits) - 1.0;
    }

    private long next() {
        return step(0, 63, 31, 18) ^ step(1, 58, 19, 28) ^ step(2, 55, 24, 7) ^ step(3, 47, 21, 8);
    }

    /** One component's step: degree k, shifts q and s (the table's parameters). */
    private long step(int i, int k, int q, int s) {
        long z = state[i];
        z = (((z << q) ^ z) >>> (k - s)) ^ ((z & (-1L << (64 - k))) << s);
        state[i] = z;
        return z;
    }
}
