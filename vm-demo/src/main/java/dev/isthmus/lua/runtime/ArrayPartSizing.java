package dev.isthmus.lua.runtime;

/**
 * How large a table's array part should be, decided at each rehash from the integer keys the
 * table holds, by LuaJIT's rule (lj_tab.c's {@code bestasize}, a variant of Lua 5.1's
 * {@code computesizes}). Keys are counted per slice: slice 0 holds the keys 0, 1 and 2, slice
 * {@code b} the keys in {@code (2^b, 2^(b+1)]}. The array part covers the keys up to the
 * largest {@code 2^(b+1)} for which the keys counted in slices 0..b are more than
 * {@code 2^(b-1)}, a quarter of the slots (LuaJIT's array part also holds key 0, which this
 * table keeps in its hash part). Matching LuaJIT's choice matters beyond speed: the parts show
 * in string.buffer's encoding and in which border {@code #} finds in a table with holes.
 */
final class ArrayPartSizing {
    /** Keys from {@code 2^MAX_BITS} on are never in the array part, as LuaJIT's LJ_MAX_ASIZE. */
    static final int MAX_BITS = 26;
    static final int MAX_SIZE = 1 << MAX_BITS;

    private final int[] perSlice = new int[MAX_BITS];
    /** How many keys were candidates for the array part (integers in {@code 0..MAX_SIZE-1}). */
    private int candidates;
    private boolean zeroCounted;
    /** Set by {@link #arraySize}: how many of the candidates the chosen array part covers, key 0 included. */
    private int covered;

    /** Counts {@code key} when it is a candidate for the array part; returns whether it was. */
    boolean count(Object key) {
        if (key instanceof Double d) {
            double v = d;
            int k = (int) v;
            if (k == v && k >= 0 && k < MAX_SIZE) {
                countIndex(k);
                zeroCounted |= k == 0;
                return true;
            }
        }
        return false;
    }

    /** Counts key {@code index}, a candidate: a non-nil slot of the array part, or an integer key of the hash part. */
    void countIndex(int index) {
        perSlice[sliceOf(index)]++;
        candidates++;
    }

    /** The array part's size: keys {@code 1..n} go there; 0 for no array part. */
    int arraySize() {
        int size = 0;
        covered = 0;
        int sum = 0;
        for (int slice = 0; slice < MAX_BITS && 2L * candidates > (1L << slice) && sum != candidates; slice++) {
            if (perSlice[slice] > 0) {
                sum += perSlice[slice];
                if (2L * sum > (1L << slice)) {
                    size = 2 << slice;
                    covered = sum;
                }
            }
        }
        return size;
    }

    /** How many keys the array part {@link #arraySize} chose holds (key 0, which stays hashed, not counted). */
    int keysInArray() {
        return covered == 0 ? 0 : covered - (zeroCounted ? 1 : 0);
    }

    /** The slice of a key: 0 for 0, 1 and 2, else {@code floor(log2(key - 1))}. */
    private static int sliceOf(int key) {
        return key > 2 ? 31 - Integer.numberOfLeadingZeros(key - 1) : 0;
    }
}
