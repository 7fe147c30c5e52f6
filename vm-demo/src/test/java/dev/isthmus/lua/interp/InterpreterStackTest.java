package dev.isthmus.lua.interp;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.runtime.LuaString;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Proper tail calls and deep recursion, on a thread with an ordinary (not enlarged) Java stack. */
class InterpreterStackTest {
    private static Object[] run(String code) throws InterruptedException {
        Object[][] result = new Object[1][];
        RuntimeException[] failure = new RuntimeException[1];
        // 512 KiB, half the usual default: constant stack must not depend on a big one.
        Thread t = new Thread(null, () -> {
            try {
                PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                result[0] = Lua.newState(new ByteArrayInputStream(new byte[0]), out, out)
                        .load(code.getBytes(StandardCharsets.UTF_8), "t").call(new Object[0]);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }

    @Test
    void tailCalls_tenMillionDeep_runInConstantStack() throws InterruptedException {
        Object[] r = run("local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end "
                + "return loop(10000000, 0)");
        assertEquals(1e7, r[0]);
    }

    @Test
    void recursion_withoutEnd_isACatchableStackOverflowError() throws InterruptedException {
        Object[] r = run("local function f(n) return 1 + f(n + 1) end local ok, msg = pcall(f, 1) "
                + "return ok, (string.gsub(msg, '^.-:%d+: ', ''))");
        assertEquals(Boolean.FALSE, r[0]);
        assertEquals(LuaString.of("stack overflow"), r[1]);
    }

    @Test
    void stackOverflow_inXpcall_reachesTheHandler_andAHandlerOverflowingTooEndsInStackOverflow() throws InterruptedException {
        Object[] r = run("local function f() return 1 + f() end "
                + "local _, handled = xpcall(f, function(m) return 'handled: ' .. m end) "
                + "local ok, again = xpcall(f, function(m) return f() end) "
                + "return (string.gsub(handled, ':.*: ', ': ')), ok, again");
        assertEquals(LuaString.of("handled: stack overflow"), r[0]);
        assertEquals(Boolean.FALSE, r[1]);
        assertEquals(LuaString.of("stack overflow"), r[2]);
    }
}
