package dev.isthmus.ffi;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real system libraries through their own preprocessed headers: zlib, sqlite3, and libc's malloc with ffi.gc. */
class SystemLibrariesTest {

    @Test
    void zlib_compressThenUncompress_givesTheInputBack() throws Exception {
        Ffi ffi = Ffi.create();
        ffi.cdef(TestLibraries.preprocess("#include <zlib.h>\n"));
        NativeLibrary z = ffi.load("z");
        byte[] input = "isthmus ".repeat(200).getBytes(StandardCharsets.US_ASCII);
        long bound = (Long) z.function("compressBound").invoke(input.length);
        CData compressed = ffi.newCData("Bytef[?]", bound);
        CData compressedLength = ffi.newCData("uLongf", bound);
        assertEquals(0, z.function("compress").invoke(compressed, compressedLength, input, input.length), "Z_OK");
        long length = (Long) compressedLength.get();
        assertTrue(length < input.length / 10, "compressed to " + length);
        CData output = ffi.newCData("Bytef[?]", input.length);
        CData outputLength = ffi.newCData("uLongf", input.length);
        assertEquals(0, z.function("uncompress").invoke(output, outputLength, compressed, length));
        assertEquals((long) input.length, outputLength.get());
        assertArrayEquals(input, output.segment().toArray(ValueLayout.JAVA_BYTE));
    }

    @Test
    void sqlite3_inMemoryDatabase_runsQueriesWithARowCallback() throws Exception {
        Ffi ffi = Ffi.create();
        ffi.cdef(TestLibraries.preprocess("#include <sqlite3.h>\n"));
        NativeLibrary sqlite = ffi.load("sqlite3");
        IllegalArgumentException mistyped = assertThrows(IllegalArgumentException.class,
                () -> sqlite.function("sqlite3_open").invoke(":memory:", ffi.newCData("sqlite3 *")));
        assertTrue(mistyped.getMessage().contains("cannot convert 'struct sqlite3 *' to 'struct sqlite3 **'"),
                mistyped.getMessage());
        CData db = ffi.newCData("sqlite3 *[1]");
        assertEquals(0, sqlite.function("sqlite3_open").invoke(":memory:", db), "SQLITE_OK");
        MemorySegment handle = (MemorySegment) db.at(0).get();
        List<String> rows = new ArrayList<>();
        Callback onRow = ffi.callback("int (*)(void *, int, char **, char **)", args -> {
            int columns = (Integer) args[1];
            CData values = ffi.cast("char **", (MemorySegment) args[2]);
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                row.append(i == 0 ? "" : "|").append(ffi.cast("char *", (MemorySegment) values.at(i).get()).string());
            }
            rows.add(row.toString());
            return 0;
        });
        String sql = "create table t(name text, n integer); insert into t values ('one', 1), ('two', 2);"
                + " select name, n * 10 from t order by n;";
        assertEquals(0, sqlite.function("sqlite3_exec").invoke(handle, sql, onRow, null, null));
        assertEquals(List.of("one|10", "two|20"), rows);
        assertEquals(0, sqlite.function("sqlite3_close").invoke(handle));
        onRow.free();
    }

    @Test
    void gc_finalizer_runsWhenTheCdataBecomesUnreachable() throws Exception {
        Ffi ffi = Ffi.create();
        ffi.cdef("void *malloc(size_t size); void free(void *p);");
        CountDownLatch freed = new CountDownLatch(1);
        NativeFunction free = ffi.C().function("free");
        allocateAndDrop(ffi, free, freed);
        for (int i = 0; i < 200 && freed.getCount() > 0; i++) {
            System.gc();
            freed.await(50, TimeUnit.MILLISECONDS);
        }
        assertEquals(0, freed.getCount(), "the finalizer ran after the cdata became unreachable");
    }

    private static void allocateAndDrop(Ffi ffi, NativeFunction free, CountDownLatch freed) {
        CData p = ffi.cast("int *", (MemorySegment) ffi.C().function("malloc").invoke(64));
        ffi.gc(p, address -> {
            free.invoke(address);
            freed.countDown();
        });
        p.deref().set(7);
        assertEquals(7, p.deref().get());
    }
}
