package dev.isthmus.lua.jit;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.interp.CompiledLoop;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.LuaRuntime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The function traces of functions handed to C are in classes the launcher's compile commands
 * name (vm-demo/jvm/compile-commands.txt has C2 inline their direct entry into the JDK's upcall):
 * a rename on either side would only make callbacks slower, which no other test would see.
 */
class CallbackTraceNameTest {
    private final LuaRuntime runtime = Lua.newState(new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    CallbackTraceNameTest() {
        JitEngine.of(runtime).setOption("hotloop=1");
    }

    /** The simple name of the class of {@code function}'s function trace, its hidden suffix dropped. */
    private static String traceClassOf(Object function) {
        LuaClosure closure = (LuaClosure) function;
        Object trace = closure.prototype().loopTraces()[closure.prototype().functionEntry()];
        assertTrue(trace instanceof CompiledLoop, "the function has a function trace");
        String name = ((CompiledLoop) trace).code().getClass().getName();
        return name.substring(name.lastIndexOf('.') + 1, name.indexOf('/'));
    }

    @Test
    void aComparatorsTrace_isACallbackTrace_andAPlainFunctionsIsNot() {
        Object[] functions = runtime.load(("""
                local ffi = require 'ffi'
                ffi.cdef 'void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));'
                local function compare(a, b)
                  return ffi.cast('const int *', a)[0] - ffi.cast('const int *', b)[0]
                end
                local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
                local cmp = ffi.cast('int (*)(const void *, const void *)', compare)
                local arr = ffi.new('int[200]')
                for round = 1, 20 do
                  for i = 0, 199 do arr[i] = (i * 37 + round) % 200 end
                  ffi.C.qsort(arr, 200, 4, cmp)
                end
                return compare, fib, arr[0], arr[199], fib(15)
                """).getBytes(StandardCharsets.UTF_8), "callbacks").call(new Object[0]);
        assertEquals(0.0, ((Number) functions[2]).doubleValue());
        assertEquals(199.0, ((Number) functions[3]).doubleValue());
        assertEquals(610.0, ((Number) functions[4]).doubleValue());
        assertTrue(traceClassOf(functions[0]).startsWith(JitEngine.CALLED_FROM_C), traceClassOf(functions[0]));
        assertTrue(traceClassOf(functions[1]).startsWith("Trace"), traceClassOf(functions[1]));
    }

    @Test
    void theCompileCommands_inlineTheCallbackTracesEntries() throws IOException {
        // Surefire runs in the module's folder.
        String commands = Files.readString(Path.of("jvm", "compile-commands.txt"));
        assertTrue(commands.contains("\ninline dev/isthmus/lua/jit/" + JitEngine.CALLED_FROM_C + "*.body\n"), commands);
    }
}
