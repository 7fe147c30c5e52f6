package dev.isthmus.lua.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The length limit of {@code ..}, at LuaJIT's {@code LJ_MAX_STR}. A script reaching it needs
 * two strings of a gigabyte each (too much for a shared test machine), so the check is tested
 * on lengths; {@code luajit} raises "string length overflow" at 0x7fffff00 and not below.
 */
class LuaStringTest {
    @Test
    void concatenationLength_belowTheLimit_isTheLength() {
        assertEquals(0x7ffffeff, LuaString.concatenationLength(0x7ffffeffL));
    }

    @Test
    void concatenationLength_atTheLimit_isLuajitsOverflowError() {
        LuaError e = assertThrows(LuaError.class, () -> LuaString.concatenationLength(0x7fffff00L));
        assertEquals("string length overflow", e.getMessage());
    }

    @Test
    void concatenationLength_pastTheIntRange_isTheOverflowErrorNotANegativeLength() {
        LuaError e = assertThrows(LuaError.class, () -> LuaString.concatenationLength(3L << 30));
        assertEquals("string length overflow", e.getMessage());
    }
}
