package dev.isthmus.lua.ctypes;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.LuajitOracle;
import dev.isthmus.lua.runtime.LuaError;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Lua ctypes module against libc and native-test-libs: calls, structures, out-parameters, callbacks, errors. */
class CtypesLibraryTest {
    private static String run(String code) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String prelude = "local ctypes = require 'ctypes' local lib = ctypes.CDLL('" + LuajitOracle.testLibrary() + "') ";
        Lua.newState(new ByteArrayInputStream(new byte[0]), out, out)
                .load((prelude + code).getBytes(StandardCharsets.UTF_8), "t").call(new Object[0]);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void call_withArgtypesAndRestype_convertsBothWays() {
        assertEquals("42\t7.5\n", run("local add = lib.it_add add.argtypes = {ctypes.c_int, ctypes.c_int} add.restype = ctypes.c_int "
                + "local fabs = ctypes.CDLL('libm.so.6').fabs fabs.argtypes = {ctypes.c_double} fabs.restype = ctypes.c_double "
                + "print(add(40, 2), fabs(-7.5))"));
    }

    @Test
    void cdll_takesShortNamesAndNilForTheProcess() {
        assertEquals("5\t5\t1\n", run("print(ctypes.CDLL('c').strlen('hello'), ctypes.CDLL(nil).strlen('hello'), "
                + "(function() local cos = ctypes.CDLL('m').cos cos.argtypes = {ctypes.c_double} cos.restype = ctypes.c_double "
                + "return cos(0) end)())"));
    }

    @Test
    void call_withoutArgtypes_infersIntegersAndStrings() {
        assertEquals("5\n", run("local strlen = ctypes.CDLL('libc.so.6').strlen print(strlen('hello'))"));
    }

    @Test
    void structure_fieldsReadWriteAndPassByValue() {
        assertEquals("3\t4\t7\n", run("local I2 = ctypes.Structure('it_i2', {{'a', ctypes.c_int}, {'b', ctypes.c_int}}) "
                + "local s = I2(3, 4) local sum = lib.it_sum_i2 sum.argtypes = {I2} sum.restype = ctypes.c_int64 "
                + "print(s.a, s.b, sum(s))"));
    }

    @Test
    void callback_fromCFUNCTYPE_isCalledByC() {
        assertEquals("42\n", run("local BINOP = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_int) "
                + "local f = lib.it_call_int_binop f.argtypes = {BINOP, ctypes.c_int, ctypes.c_int} f.restype = ctypes.c_int "
                + "print(f(BINOP(function(a, b) return a * b end), 6, 7))"));
    }

    @Test
    void byref_simpleValue_isFilledByC() {
        assertEquals("0.75\t6\n", run("local frexp = ctypes.CDLL('libm.so.6').frexp "
                + "frexp.argtypes = {ctypes.c_double, ctypes.POINTER(ctypes.c_int)} frexp.restype = ctypes.c_double "
                + "local e = ctypes.c_int(0) print(frexp(48, ctypes.byref(e)), e.value)"));
    }

    @Test
    void wrongArgument_isAPythonStyleErrorInLua() {
        LuaError e = assertThrows(LuaError.class, () -> run("local add = lib.it_add add.argtypes = {ctypes.c_int, ctypes.c_int} add(1)"));
        assertTrue(e.getMessage().contains("TypeError") || e.getMessage().contains("ArgumentError"), e.getMessage());
        LuaError missing = assertThrows(LuaError.class, () -> run("return lib.no_such_function"));
        assertTrue(missing.getMessage().contains("AttributeError"), missing.getMessage());
    }
}
