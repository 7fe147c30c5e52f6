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
 * Where Isthmus is deliberately safer than LuaJIT: accesses outside an object of known size
 * (also through a pointer into it, a string's bytes cast to a pointer included), through NULL and at addresses no memory can be at
 * ({@link dev.isthmus.ffi.AddressSpace}) are Lua errors (LuaJIT reads or crashes), so these
 * have no LuaJIT oracle. Writing over a callback's code is refused too. The accesses made
 * in a loop are compiled (the trace checks each pointer it loads through), the last one's
 * pointer crossing into addresses no memory can be at.
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
        "ffi.cdef('struct s { int x; };') return ffi.cast('struct s *', nil).x|t:1: attempt to index a NULL pointer of type 'struct s *'",
        "return ffi.cast('int *', 1234)[0]|t:1: cannot access memory at address 0x4d2",
        "ffi.cast('double *', 16)[1] = 1|t:1: cannot access memory at address 0x18",
        "return ffi.cast('char *', -16)[0]|t:1: cannot access memory at address 0xfffffffffffffff0",
        "return ffi.cast('int *', 2^48)[0]|t:1: cannot access memory at address 0x1000000000000",
        "local f = ffi.cast('int (*)(void)', 1234) f()|t:1: cannot access memory at address 0x4d2",
        "ffi.string(ffi.cast('char *', 8))|t:1: cannot access memory at address 0x8",
        "ffi.copy(ffi.cast('char *', 8), 'abc')|t:1: cannot access memory at address 0x8",
        "ffi.fill(nil, 4)|t:1: cannot access memory at address 0x0",
        "local b = ffi.new('int[4]') local ps = {} for i = 1, 999 do ps[i] = ffi.cast('int *', ffi.cast('intptr_t', b)) end ps[1000] = ffi.cast('int *', 2^47 - 2) local s = 0 for i = 1, 1000 do s = s + ps[i][0] end|t:1: cannot access memory at address 0x7ffffffffffe",
        "local b = ffi.new('int[4]') local ps = {} for i = 1, 999 do ps[i] = ffi.cast('int *', ffi.cast('intptr_t', b)) end ps[1000] = ffi.cast('int *', 2^47 - 6) local s = 0 for i = 1, 1000 do s = s + ps[i][1] end|t:1: cannot access memory at address 0x7ffffffffffe",
        "local b = ffi.new('int[4]') local ps = {} for i = 1, 999 do ps[i] = ffi.cast('int *', ffi.cast('intptr_t', b)) end ps[1000] = ffi.cast('int *', 0x8000) local s = 0 for i = 1, 1000 do s = s + ps[i][0] end|t:1: cannot access memory at address 0x8000",
        "local b = ffi.new('int[4]') local ps = {} for i = 1, 999 do ps[i] = ffi.cast('int *', ffi.cast('intptr_t', b)) end ps[1000] = ffi.cast('int *', -16) local s = 0 for i = 1, 1000 do s = s + ps[i][2] end|t:1: cannot access memory at address 0xfffffffffffffff8",
        "local s = ffi.string(nil)|t:1: bad argument #1 to 'string' (cannot convert 'NULL' to 'const char *')",
        "return (ffi.cast('int *', ffi.new('int[4]')) + 1)[3]|t:1: index out of bounds",
        "local s = ffi.string(ffi.cast('char *', ffi.new('char[4]')), 5)|t:1: index out of bounds",
        "ffi.fill(ffi.cast('char *', ffi.new('char[4]')) + 2, 3)|t:1: index out of bounds",
        "ffi.copy(ffi.cast('char *', ffi.new('char[4]')), 'abcd')|t:1: index out of bounds",
        "return ffi.cast('const char *', 'abc')[4]|t:1: index out of bounds",
        "return ffi.cast('const char *', 'abc')[-1]|t:1: index out of bounds",
        "local s = ffi.string(ffi.cast('const char *', 'abc'), 5)|t:1: index out of bounds",
        "ffi.copy(ffi.new('char[8]'), ffi.cast('const char *', 'abc'), 5)|t:1: index out of bounds",
        "ffi.fill(ffi.cast('char *', ffi.cast('int (*)(int)', function(x) return x end)), 1)|t:1: index out of bounds"})
    void access_outsideKnownExtentOrThroughNull_isALuaError(String code, String message) {
        LuaError e = assertThrows(LuaError.class, () -> run(code));
        assertEquals(message, e.getMessage());
    }
}
