package dev.isthmus.ffi;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Results and callback arguments typed as their declarations say (issue #14): a
 * {@code struct tm *} from libc whose members read through the pointer, typed reads
 * ({@code getInt}, {@code getLong}, {@code getDouble}), on libc, libm and zlib.
 */
class CDataTypedResultsTest {
    private static final String TIME = """
            typedef long time_t;
            struct tm { int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
                        long tm_gmtoff; const char *tm_zone; };
            struct tm *gmtime_r(const time_t *timer, struct tm *result);
            """;

    @Test
    void pointerResult_asCData_readsMembersThroughThePointer() {
        Ffi ffi = Ffi.create();
        ffi.cdef(TIME);
        long seconds = 1_000_000_000L;
        CData result = ffi.C().function("gmtime_r").invokeForCData(ffi.newCData("time_t", seconds), ffi.newCData("struct tm"));
        assertEquals("struct tm *", dev.isthmus.cparser.type.TypeRenderer.render(result.type()));
        ZonedDateTime expected = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
        assertEquals(expected.getYear() - 1900, result.get("tm_year"), "p.tm_year is p->tm_year, as in LuaJIT");
        assertEquals(expected.getYear() - 1900, result.getInt("tm_year"));
        assertEquals(expected.getDayOfYear() - 1, result.getInt("tm_yday"));
        assertEquals(expected.getHour(), result.getLong("tm_hour"));
        assertEquals(0L, result.getLong("tm_gmtoff"));
        assertEquals("GMT", ffi.cast("const char *", (java.lang.foreign.MemorySegment) result.get("tm_zone")).string());
        assertEquals(expected.getMinute(), result.field("tm_min").getInt(), "a member's own CData reads the same");
        result.set("tm_sec", 59);
        assertEquals(59, result.deref().getInt("tm_sec"), "a store through the pointer lands in the struct");
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> result.getInt("tm_gmtoff"));
        assertEquals("getInt: 'tm_gmtoff' is 'long': it is wider than an int: use getLong", wide.getMessage());
        assertThrows(IllegalArgumentException.class, () -> result.getLong("tm_zone"));
        ffi.cdef("int abs(int);");
        IllegalStateException scalar = assertThrows(IllegalStateException.class, () -> ffi.C().function("abs").invokeForCData(-3));
        assertEquals("abs returns 'int', not a pointer, struct or union: call invoke", scalar.getMessage());
    }

    @Test
    void typedCallback_getsStructPointersAsCData() {
        Ffi ffi = Ffi.create();
        ffi.cdef(TIME + "void qsort(void *base, size_t count, size_t size, int (*compare)(const struct tm *, const struct tm *));");
        long[] years = {2030, 1999, 2011, 1970};
        CData times = ffi.newCData("struct tm[4]");
        for (int i = 0; i < years.length; i++) {
            long seconds = ZonedDateTime.of((int) years[i], 6, 1, 0, 0, 0, 0, ZoneOffset.UTC).toEpochSecond();
            ffi.C().function("gmtime_r").invoke(ffi.newCData("time_t", seconds), times.at(i));
        }
        List<String> argumentTypes = new ArrayList<>();
        Callback byYear = ffi.typedCallback("int (*)(const struct tm *, const struct tm *)", args -> {
            CData a = (CData) args[0];
            CData b = (CData) args[1];
            argumentTypes.add(dev.isthmus.cparser.type.TypeRenderer.render(a.type()));
            return Integer.compare(a.getInt("tm_year"), b.getInt("tm_year"));
        });
        try {
            ffi.C().function("qsort").invoke(times, 4, ffi.sizeof("struct tm"), byYear.pointer());
        } finally {
            byYear.free();
        }
        List<Integer> sorted = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sorted.add(times.at(i).getInt("tm_year") + 1900);
        }
        assertEquals(List.of(1970, 1999, 2011, 2030), sorted);
        assertTrue(!argumentTypes.isEmpty() && argumentTypes.stream().allMatch("const struct tm *"::equals), argumentTypes.toString());
    }

    @Test
    void getDouble_readsLibmResults_andIntegersAsCConverts() {
        Ffi ffi = Ffi.create();
        ffi.cdef("double modf(double x, double *integral); double frexp(double x, int *exponent);"
                + "struct mixed { unsigned long long big; float f; _Bool flag; unsigned int u; };");
        CData integral = ffi.newCData("double");
        assertEquals(0.75, (Double) ffi.C().function("modf").invoke(3.75, integral));
        assertEquals(3.0, integral.getDouble());
        CData exponent = ffi.newCData("int");
        assertEquals(0.625, (Double) ffi.C().function("frexp").invoke(40.0, exponent));
        assertEquals(6, exponent.getInt());
        assertEquals(6.0, exponent.getDouble());
        CData mixed = ffi.newCData("struct mixed");
        mixed.set("big", -1L);
        mixed.set("f", 1.5);
        mixed.set("flag", true);
        mixed.set("u", 4_000_000_000L);
        assertEquals(-1L, mixed.getLong("big"), "the bits of an unsigned long long");
        assertEquals(18446744073709551615.0, mixed.getDouble("big"), "converted as C converts it");
        assertEquals(1.5, mixed.getDouble("f"));
        assertEquals(1, mixed.getInt("flag"));
        assertEquals((int) 4_000_000_000L, mixed.getInt("u"), "the bits, as Java's int holds them");
        assertEquals(4_000_000_000L, mixed.getLong("u"));
        IllegalArgumentException floating = assertThrows(IllegalArgumentException.class, () -> mixed.getLong("f"));
        assertEquals("getLong: 'f' is 'float': it is not an integer", floating.getMessage());
    }

    @Test
    void zlib_streamThroughAPointer_andAStringResult() throws Exception {
        Ffi ffi = Ffi.create();
        ffi.cdef(TestLibraries.preprocess("#include <zlib.h>\n"));
        NativeLibrary z = ffi.load("z");
        CData version = z.function("zlibVersion").invokeForCData();
        assertEquals("const char *", dev.isthmus.cparser.type.TypeRenderer.render(version.type()));
        assertTrue(version.string().startsWith("1."), version.string());
        byte[] input = "typed reads through a pointer ".repeat(50).getBytes(StandardCharsets.US_ASCII);
        CData stream = ffi.newCData("z_stream");
        CData pointer = ffi.cast("z_stream *", stream.address());
        assertEquals(0, z.function("deflateInit_").invoke(stream, 9, version, (int) ffi.sizeof("z_stream")), "Z_OK");
        CData out = ffi.newCData("Bytef[?]", 4096);
        // The input in an arena held open until deflate has read it: z_stream's next_in is only an
        // address, and an automatic arena's segment could be freed by a collection before the call.
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            pointer.set("next_in", arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, input));
            pointer.set("avail_in", input.length);
            pointer.set("next_out", out);
            pointer.set("avail_out", 4096);
            assertEquals(1, z.function("deflate").invoke(stream, 4), "Z_STREAM_END after Z_FINISH");
        }
        // zlib's own one-shot compress2 at the same level is the oracle for the stream's counters.
        CData expectedLength = ffi.newCData("uLongf", 4096L);
        assertEquals(0, z.function("compress2").invoke(ffi.newCData("Bytef[?]", 4096), expectedLength, input, input.length, 9));
        assertEquals((long) input.length, pointer.getLong("total_in"));
        assertEquals(expectedLength.getLong(), pointer.getLong("total_out"));
        assertEquals(0, pointer.getInt("avail_in"));
        assertEquals(0, z.function("deflateEnd").invoke(stream));
    }
}
