package dev.isthmus.ffi;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's ffi-core example, line for line, so the README stays true. */
class ReadmeExampleTest {

    @Test
    void readmeExample_runsAsWritten() throws Throwable {
        Ffi ffi = Ffi.create();
        ffi.cdef("int unlink(const char *pathname); size_t strlen(const char *s); const char *zlibVersion(void);");
        ffi.C().function("unlink").invoke("garbagefile");      // -1, and ffi.errno() is ENOENT
        MethodHandle strlen = ffi.C().function("strlen").handle();   // exact-typed (MemorySegment)long, for compiled code
        MemorySegment version = (MemorySegment) ffi.load("z").function("zlibVersion").invoke();  // or "libz.so.1", or a path

        assertEquals(2, ffi.errno(), "ENOENT on Linux");
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(3L, (long) strlen.invokeExact(arena.allocateFrom("abc")));
        }
        assertTrue(version.reinterpret(16).getString(0).startsWith("1."));
    }
}
