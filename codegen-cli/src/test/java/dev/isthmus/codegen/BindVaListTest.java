package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.isthmus.codegen.GeneratedBindings.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13: a {@code va_list} parameter (zlib's {@code gzvprintf}) is a {@code MemorySegment}
 * on every ABI, bound portably with each ABI's descriptor: a pointer on SysV x86-64 (whose
 * {@code va_list} is an array of one struct) and Win64 (a {@code char *}), AArch64's 32-byte
 * struct passed by value. Java cannot make one, but passes on one a callback received: a C
 * library hands a Java callback its {@code va_list}, which Java gives to a {@code vsnprintf}
 * wrapper, and the text must be what C's {@code snprintf} makes of the same arguments.
 */
class BindVaListTest {
    private static final String HEADER = """
            #include <stdarg.h>
            #include <stddef.h>
            typedef void (*va_sink)(void *user, const char *format, va_list arguments);
            int va_vformat(char *out, size_t size, const char *format, va_list arguments);
            void va_log(va_sink sink, void *user, const char *format, ...);
            """;

    private static final String SOURCE = """
            #include <stdio.h>
            #include "va.h"
            int va_vformat(char *out, size_t size, const char *format, va_list arguments) {
                return vsnprintf(out, size, format, arguments);
            }
            void va_log(va_sink sink, void *user, const char *format, ...) {
                va_list arguments;
                va_start(arguments, format);
                sink(user, format, arguments);
                va_end(arguments);
            }
            """;

    private static final String DRIVER = """
            package org.example.va;

            import java.lang.foreign.Arena;
            import java.lang.foreign.MemorySegment;
            import java.lang.foreign.ValueLayout;

            public final class Driver implements java.util.concurrent.Callable<String> {
                @Override
                public String call() {
                    if (!RUN_HERE) {
                        return "compiled";
                    }
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment out = arena.allocate(128);
                        int[] written = new int[1];
                        MemorySegment sink = VaSink.allocate((user, format, arguments) ->
                                written[0] = Va.va_vformat(out, 128, format, arguments), arena);
                        Va.va_log(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_LONG)
                                .apply(sink, MemorySegment.NULL, arena.allocateFrom("%d [%s] %.3f %ld"), 42, arena.allocateFrom("passed on"),
                                        2.5, -7L);
                        return written[0] + " " + out.getString(0);
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void vaListParameters_areSegmentsOnEveryAbi_andPassOnTheOneACallbackReceived() throws Exception {
        Path header = Files.writeString(dir.resolve("va.h"), HEADER);
        Path library = GeneratedBindings.sharedLibrary(dir, "va", Files.writeString(dir.resolve("va.c"), SOURCE));
        Path out = dir.resolve("out");
        String report = bind("--abi", "portable", "--package", "org.example.va", "-l", library.toString(), "--output", out.toString(),
                header.toString());
        assertTrue(!report.contains("not bound"), report);
        String expected = GeneratedBindings.ccOutput(dir, """
                #include <stdio.h>
                int main(void) {
                    char out[128];
                    int written = snprintf(out, sizeof out, "%d [%s] %.3f %ld", 42, "passed on", 2.5, -7L);
                    printf("%d %s\\n", written, out);
                    return 0;
                }
                """);
        for (Abi abi : Abi.all()) {
            // Another ABI's branch is compiled only: its calls would not run on this machine.
            String driver = DRIVER.replace("RUN_HERE", Boolean.toString(abi == Abi.host()));
            String result = GeneratedBindings.compileAndRunAs(abi, dir.resolve(abi.name()), out, "org.example.va", driver);
            assertEquals(abi == Abi.host() ? expected : "compiled", result, abi.name());
        }
    }
}
