package dev.isthmus.lua.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LuaJIT's rule for the array part's size: keys up to the largest 2^(b+1) with more than 2^(b-1)
 * of the keys 0..2^(b+1) in use. (luajit's string.buffer encoding shows its array part: the
 * conformance script table/parts.lua checks the same choices against it.)
 */
class ArrayPartSizingTest {
    private static ArrayPartSizing counted(double... keys) {
        ArrayPartSizing sizing = new ArrayPartSizing();
        for (double k : keys) {
            sizing.count(k);
        }
        return sizing;
    }

    private static double[] range(int from, int to) {
        double[] keys = new double[to - from + 1];
        for (int i = from; i <= to; i++) {
            keys[i - from] = i;
        }
        return keys;
    }

    @Test
    void keysFromTwo_fillAnArrayPartOfThePowerOfTwoAboveThem() {
        ArrayPartSizing sizing = counted(range(2, 100));
        assertEquals(128, sizing.arraySize());
        assertEquals(99, sizing.keysInArray());
    }

    @Test
    void moreThanAQuarterOfTheSlots_isEnough() {
        assertEquals(8, counted(1, 2, 4, 7).arraySize());
        // 1..16 holding 4 keys is not more than a quarter; 5 keys are.
        assertEquals(8, counted(1, 2, 5, 16).arraySize());
        assertEquals(16, counted(1, 2, 5, 6, 16).arraySize());
    }

    @Test
    void sparseKeys_getNoArrayPart() {
        assertEquals(0, counted(1000, 2000, 3000).arraySize());
        ArrayPartSizing sizing = counted(1, 1000, 2000, 3000);
        assertEquals(2, sizing.arraySize());
        assertEquals(1, sizing.keysInArray());
    }

    @Test
    void keyZero_countsForTheArrayPartButStaysOutOfIt() {
        ArrayPartSizing sizing = counted(0, 1);
        assertEquals(2, sizing.arraySize());
        assertEquals(1, sizing.keysInArray());
        assertEquals(2, counted(0).arraySize());
        assertEquals(0, counted(0).keysInArray());
    }

    @Test
    void keysThatAreNoNonNegativeIntegers_areNotCandidates() {
        ArrayPartSizing sizing = new ArrayPartSizing();
        assertFalse(sizing.count(-1.0));
        assertFalse(sizing.count(1.5));
        assertFalse(sizing.count(LuaString.of("1")));
        assertFalse(sizing.count((double) ArrayPartSizing.MAX_SIZE));
        assertTrue(sizing.count((double) ArrayPartSizing.MAX_SIZE - 1));
        assertEquals(0, sizing.arraySize());
    }

    @Test
    void anArrayPart_isCountedByItsNonNilSlots() {
        ArrayPartSizing sizing = new ArrayPartSizing();
        sizing.countIndex(2);
        sizing.countIndex(4);
        sizing.countIndex(5);
        sizing.count(9.0);
        // keys 2, 4, 5 and 9: four of 0..16 is not more than a quarter, three of 0..8 is.
        assertEquals(8, sizing.arraySize());
        assertEquals(3, sizing.keysInArray());
    }
}
