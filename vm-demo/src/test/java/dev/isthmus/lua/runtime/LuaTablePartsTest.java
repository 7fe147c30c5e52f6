package dev.isthmus.lua.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which part of a table integer keys end up in, whatever order they were stored in. */
class LuaTablePartsTest {
    @Test
    void keysStoredFromTwo_endInTheArrayPart() {
        LuaTable t = new LuaTable();
        for (int i = 2; i <= 1000; i++) {
            t.put(i, Boolean.TRUE);
        }
        assertEquals(1024, t.arrayPartSize());
        assertEquals(0, t.hashPartUsed());
        assertNull(t.get(1));
        assertEquals(Boolean.TRUE, t.get(1000.0));
    }

    @Test
    void keysStoredBackwards_endInTheArrayPart() {
        LuaTable t = new LuaTable();
        for (int i = 1000; i >= 1; i--) {
            t.put((double) i, Double.valueOf(i));
        }
        assertEquals(1000, t.length());
        assertEquals(0, t.hashPartUsed());
        assertEquals(1024, t.arrayPartSize());
    }

    @Test
    void sparseKeys_stayInTheHashPart() {
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 100; i++) {
            t.put(i * 1000, Boolean.TRUE);
        }
        assertEquals(0, t.arrayPartSize());
        assertEquals(100, t.hashPartUsed());
    }

    @Test
    void aShrinkingArrayPart_movesItsKeysBackToTheHashPart() {
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 64; i++) {
            t.put(i, Double.valueOf(i));
        }
        for (int i = 1; i <= 60; i++) {
            t.put(i, null);
        }
        for (int i = 1; i <= 20; i++) {
            t.put(LuaString.of("k" + i), Boolean.TRUE);
        }
        assertEquals(0, t.arrayPartSize());
        assertEquals(64.0, t.get(64));
        assertNull(t.get(60));
    }

    @Test
    void traversalByPosition_visitsEveryEntryOnce() {
        LuaTable t = new LuaTable();
        for (int i = 2; i <= 50; i++) {
            t.put(i, Double.valueOf(i));
        }
        t.put(LuaString.of("x"), 1.0);
        double sum = 0;
        int n = 0;
        for (int p = t.nextPosition(0); p >= 0; p = t.nextPosition(p + 1)) {
            sum += (Double) t.valueAt(p);
            n++;
        }
        assertEquals(50, n);
        assertEquals(1274 + 1, sum);
    }

    /**
     * A number is held unboxed (tagged {@link LuaTable#NUMBER}) in both parts, whether it came
     * boxed (a constant, an upvalue's value) or not, and stays so when read the generic way:
     * compiled reads take their fast path only for that tag.
     */
    @Test
    void numbers_stayUnboxedWhateverStoresOrReadsThem() {
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 8; i++) {
            t.put(i, Double.valueOf(i));
        }
        t.put(3.0, Double.valueOf(0.5));
        assertEquals(0.5, t.get(3));
        assertEquals(2.0, t.get(2.0));
        for (int i = 1; i <= 8; i++) {
            assertTrue(t.hasArrayNumber(i), "array slot " + i);
        }
        LuaString key = LuaString.of("x");
        t.put(key, Double.valueOf(7));
        assertEquals(7.0, t.get(key));
        int slot = t.slotOf(key);
        assertTrue(t.setAtSlot(slot, key, Double.valueOf(9)));
        assertEquals(9.0, t.get(key));
        assertSame(LuaTable.NUMBER, t.rawAtSlot(slot, key));
    }

    /**
     * The array part holds its numbers apart from its other values: a slot goes from number to
     * value to nil and back, every read (generic, raw, unboxed) sees what was stored last, and
     * the part moved to the hash part and back keeps them.
     */
    @Test
    void anArrayPartOfNumbers_takesOtherValuesNilsAndNumbersAgain() {
        LuaTable t = new LuaTable(8, 0);
        for (int i = 1; i <= 8; i++) {
            assertTrue(t.storeArrayNumber(i, i * 0.5));
        }
        LuaString s = LuaString.of("s");
        t.put(3, s);
        t.put(5, (Object) null);
        t.put(6.0, (Object) Double.NaN);
        assertFalse(t.hasArrayNumber(3));
        assertSame(s, t.get(3));
        assertNull(t.rawGet(5));
        assertSame(LuaTable.NUMBER, t.rawGet(6));
        assertTrue(Double.isNaN(t.numberAt(6)));
        assertEquals(8, t.length());
        t.put(3, (Object) 7.25);
        assertTrue(t.hasArrayNumber(3));
        assertEquals(7.25, t.arrayNumber(3));
        assertFalse(t.storeArrayNumber(9, 1.0));
        for (int i = 1; i <= 40; i++) {
            t.put(LuaString.of("k" + i), s);
        }
        t.put(100.0, (Object) 2.0);
        assertEquals(7.25, t.get(3));
        assertNull(t.get(5));
        assertEquals(4.0, t.get(8));
        assertEquals(2.0, t.get(100));
    }
}
