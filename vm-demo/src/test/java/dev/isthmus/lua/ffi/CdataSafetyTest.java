package dev.isthmus.lua.ffi;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.LuaError;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Where Isthmus is deliberately safer than LuaJIT: accesses outside an object of known size and
 * through NULL are Lua errors (LuaJIT reads or crashes), so these have no LuaJIT oracle.
 */
class CdataSafetyTest {
    private static void run(String code) {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        LuaRuntime runtime = Lua.newState(new ByteArrayInputStream(new byte[0]), out, out);
        runtime.load(("local ffi = require 'ffi' " + code).getBytes(StandardCharsets.UTF_8), "t").call(new Object[0]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "return ffi.new('int[3]')[3]|t:1: index out of bounds",
        "return ffi.new('int[3]')[-1]|t:1: index out of bounds",
        "ffi.new('double[2]')[2] = 1|t:1: index out of bounds",
        "return ffi.new('int[?]', 2)[5]|t:1: index out of bounds",
        "return ffi.cast('int *', nil)[0]|t:1: attempt to index a NULL pointer of type 'int *'",
        "ffi.cdef('struct s { int x; };') return ffi.cast('struct s *', nil).x|t:1: attempt to index a NULL pointer of type 'struct s *'"})
    void access_outsideKnownExtentOrThroughNull_isALuaError(String code, String message) {
        LuaError e = assertThrows(LuaError.class, () -> run(code));
        assertEquals(message, e.getMessage());
    }
}
