package dev.isthmus.lua.jit;

import dev.isthmus.lua.cli.ScriptRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Accesses past the end of a cdata array, or through a pointer past the object it points into
 * or through NULL, inside loops: Isthmus raises "index out of bounds"
 * where LuaJIT reads or writes past the object (so there is no LuaJIT oracle), and a compiled
 * loop must stop at the same access with the same error, having done what came before it.
 */
class CompiledCdataBoundsTest {
    private static final String SCRIPT = """
            local ffi = require 'ffi'
            local arr = ffi.new('double[10]')
            local s = 0
            print(pcall(function() for i = 0, 20 do arr[i] = i; s = s + arr[i] end end))
            print(s)
            ffi.cdef 'typedef struct { int a, b; } bounds_pair;'
            local ps = ffi.new('bounds_pair[5]')
            local ok, err = pcall(function() for i = 0, 9 do ps[i].a = i end end)
            local t = 0
            for i = 0, 4 do t = t + ps[i].a end
            print(ok, err, t)
            local v = ffi.new('int[?]', 3)
            print(pcall(function() local x = 0 for i = 2, -5, -1 do x = x + v[i] end return x end))
            local pa = ffi.cast('double *', ffi.new('double[10]'))
            local u = 0
            print(pcall(function() for i = 0, 20 do pa[i] = i; u = u + pa[i] end end))
            print(u)
            local np = ffi.cast('double *', nil)
            print(pcall(function() local t = 0 for i = 0, 5 do t = t + np[i] end return t end))
            """;

    @ParameterizedTest
    @EnumSource(ScriptRun.Jit.class)
    void arrayAccessPastTheEnd_inALoop_raisesTheSameErrorAtTheSameAccess(ScriptRun.Jit jit) throws IOException {
        Path script = Files.createTempFile("bounds", ".lua");
        try {
            Files.writeString(script, SCRIPT);
            assertEquals("""
                    false\tbounds.lua:4: index out of bounds
                    45
                    false\tbounds.lua:8: index out of bounds\t10
                    false\tbounds.lua:13: index out of bounds
                    false\tbounds.lua:16: index out of bounds
                    45
                    false\tbounds.lua:19: attempt to index a NULL pointer of type 'double *'
                    """, ScriptRun.inProcess(script, "bounds.lua", jit));
        } finally {
            Files.delete(script);
        }
    }
}
