package dev.isthmus.lua.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
