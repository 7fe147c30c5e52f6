package dev.isthmus.lua.runtime;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The array part's leading run of numbers, which the number reads and stores of compiled code
 * take without the slot's tag: random stores of numbers, other values and nil at integer keys,
 * string keys that make the table rehash, and clears, each followed by every integer key read
 * in each way and compared with a map of what was stored.
 */
class LuaTableNumberRunTest {
    private static final int KEYS = 80;

    @Test
    void everyReadAgreesWithWhatWasStored() {
        long seed = 20261208;
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            LuaTable t = new LuaTable();
            Map<Integer, Object> stored = new HashMap<>();
            for (int op = 0; op < 300; op++) {
                int key = 1 + random.nextInt(random.nextBoolean() ? 8 : KEYS);
                int kind = random.nextInt(20);
                if (kind < 9) {
                    double value = random.nextInt(1000);
                    if (!t.storeArrayNumber(key, value)) {
                        t.putNumber((double) key, value);
                    }
                    stored.put(key, value);
                } else if (kind < 12) {
                    t.put(key, Double.valueOf(-key));
                    stored.put(key, (double) -key);
                } else if (kind < 15) {
                    t.put(key, Boolean.TRUE);
                    stored.put(key, Boolean.TRUE);
                } else if (kind < 18) {
                    t.put(key, null);
                    stored.remove(key);
                } else if (kind < 19) {
                    t.put(LuaString.of("k" + random.nextInt(40)), Boolean.FALSE);
                } else if (random.nextInt(10) == 0) {
                    t.clear();
                    stored.clear();
                }
                checkReads(t, stored, "seed " + seed + " round " + round + " op " + op);
            }
        }
    }

    private static void checkReads(LuaTable t, Map<Integer, Object> stored, String where) {
        for (int key = -1; key <= KEYS + 2; key++) {
            Object expected = stored.get(key);
            assertEquals(expected, t.get(key), where + " get " + key);
            boolean number = expected instanceof Double;
            assertEquals(number, t.rawGet(key) == LuaTable.NUMBER, where + " rawGet " + key);
            if (number) {
                assertEquals((double) expected, t.numberAt(key), where + " numberAt " + key);
            }
            if (t.hasArrayNumber(key)) {
                assertTrue(number, where + " hasArrayNumber " + key);
                assertEquals((double) expected, t.arrayNumber(key), where + " arrayNumber " + key);
            }
            double[] nums = new double[1];
            Object into = t.getInto((double) key, nums, 0);
            assertEquals(number, into == LuaTable.NUMBER, where + " getInto " + key);
            if (number) {
                assertEquals((double) expected, nums[0], where + " getInto number " + key);
            }
        }
    }
}
