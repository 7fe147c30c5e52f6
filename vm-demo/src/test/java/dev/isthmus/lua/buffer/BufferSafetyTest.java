package dev.isthmus.lua.buffer;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Where string buffers are deliberately safer than LuaJIT's, so no LuaJIT oracle exists:
 * reading C memory no object can be at, or past the object a cdata is, is a Lua error
 * (LuaJIT reads or crashes); memory a pointer from {@code ref} or {@code reserve} points
 * into stays allocated after {@code free} or growth (LuaJIT frees it).
 */
class BufferSafetyTest {
    private static Object run(String code) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        LuaRuntime runtime = Lua.newState(new ByteArrayInputStream(new byte[0]), out, out);
        String chunk = "local ffi = require 'ffi' local buffer = require 'string.buffer' " + code;
        return runtime.load(chunk.getBytes(StandardCharsets.UTF_8), "t").call(new Object[0])[0];
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "buffer.new():putcdata(ffi.cast('char *', nil), 4)|t:1: cannot access memory at address 0x0",
        "buffer.new():putcdata(ffi.cast('char *', 16), 4)|t:1: cannot access memory at address 0x10",
        "buffer.new():set(ffi.cast('void *', -16), 1)|t:1: cannot access memory at address 0xfffffffffffffff0",
        "buffer.new():putcdata(ffi.new('char[4]'), 5)|t:1: index out of bounds",
        "buffer.new():set(ffi.cast('char *', ffi.new('char[4]')) + 2, 3)|t:1: index out of bounds",
        "local p = buffer.new():put('abc'):ref() return p[40]|t:1: index out of bounds"})
    void read_atNoMemoryOrPastTheObject_isALuaError(String code, String message) {
        LuaError e = assertThrows(LuaError.class, () -> run(code));
        assertEquals(message, e.getMessage());
    }

    @Test
    void ref_afterFreeAndCollection_stillReadsTheOldBytes() {
        Object s = run("local b = buffer.new():put('hello') local p, n = b:ref() b:free() "
                + "for i = 1, 20 do b:put(('x'):rep(4096)):reset() collectgarbage() end "
                + "return ffi.string(p, n)");
        assertEquals(LuaString.of("hello"), s);
    }

    @Test
    void reserve_thenGrowth_oldPointerStaysWritable() {
        Object s = run("local b = buffer.new() local p = b:reserve(4) b:put(('y'):rep(10000)) collectgarbage() "
                + "p[0] = 65 p[3] = 66 return b:get(2)");
        assertEquals(LuaString.of("yy"), s);
    }
}
