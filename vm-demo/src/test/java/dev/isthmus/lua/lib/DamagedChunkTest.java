package dev.isthmus.lua.lib;

import dev.isthmus.lua.Lua;
import dev.isthmus.lua.interp.LuaRuntime;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A damaged {@code string.dump} result never gets past {@code pcall}: each byte of a dump in
 * turn is set to 255, and the chunk, when it loads at all, is called under pcall. (LuaJIT
 * crashes on damaged bytecode, so there is no oracle to compare with.) Other damage may make
 * a loop of the code that never ends, which is no error: this test only sets bytes to 255.
 */
class DamagedChunkTest {
    private static final String SCRIPT = """
            local d = string.dump(function(a, b) local t = {a, b, "k"} return a + 1, t[2], #t end)
            local loaded, failed = 0, 0
            for i = 2, #d do
              local f = loadstring(d:sub(1, i - 1) .. "\\255" .. d:sub(i + 1))
              if f then
                loaded = loaded + 1
                if not pcall(f, 1, 2) then failed = failed + 1 end
              end
            end
            print("done", loaded > 0, failed > 0)
            """;

    @Test
    void everyByteOfADumpDamaged_loadsAsAnErrorOrRunsUnderPcall() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        LuaRuntime runtime = Lua.newState(new ByteArrayInputStream(new byte[0]), print, print);
        runtime.load(SCRIPT.getBytes(StandardCharsets.ISO_8859_1), "damaged.lua").call(new Object[0]);
        assertEquals("done\ttrue\ttrue\n", out.toString(StandardCharsets.ISO_8859_1));
    }
}
