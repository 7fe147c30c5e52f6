package dev.isthmus.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.isthmus.codegen.GeneratedBindings.bind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13: {@code isthmus bind} generates Java that compiles with {@code javac --release
 * 22} without a warning and calls the real libraries. Each test compiles the generated
 * classes together with a small driver written against their API (so every signature is
 * checked by javac, not by reflection), then runs the driver: zlib's compress/uncompress
 * round trip, native-test-libs' structs by value, bitfields written by Java and read by C
 * and the reverse, and callbacks from C into Java.
 */
class BindCommandTest {

    @TempDir
    Path dir;

    @Test
    void zlib_bindings_compileAndRoundTripThroughCompress() throws Exception {
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example.z", "-l", "z", "--output", out.toString(), "/usr/include/zlib.h");
        assertTrue(report.startsWith("isthmus bind: wrote "), report);
        assertTrue(!report.contains("macro deflateInit ") && report.contains("macro gzgetc (/usr/include/zlib.h:"), report);
        assertTrue(report.contains("macro zlib_version (/usr/include/zlib.h:"), report);
        String result = compileAndRun(out, "org.example.z", """
                package org.example.z;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;
                import java.lang.foreign.ValueLayout;
                import java.util.Arrays;

                @SuppressWarnings("restricted")
                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            byte[] input = "isthmus bind, isthmus bind, isthmus bind! ".repeat(40).getBytes();
                            MemorySegment source = arena.allocateFrom(ValueLayout.JAVA_BYTE, input);
                            long bound = Zlib.compressBound(input.length);
                            MemorySegment packed = arena.allocate(bound);
                            MemorySegment packedLength = arena.allocateFrom(ValueLayout.JAVA_LONG, bound);
                            int compressed = Zlib.compress(packed, packedLength, source, input.length);
                            MemorySegment unpacked = arena.allocate(input.length);
                            MemorySegment unpackedLength = arena.allocateFrom(ValueLayout.JAVA_LONG, input.length);
                            int uncompressed = Zlib.uncompress(unpacked, unpackedLength, packed, packedLength.get(ValueLayout.JAVA_LONG, 0));
                            boolean same = Arrays.equals(input, unpacked.toArray(ValueLayout.JAVA_BYTE));
                            String version = Zlib.zlibVersion().reinterpret(64).getString(0);
                            // deflateInit is a macro calling deflateInit_ with ZLIB_VERSION and sizeof(z_stream).
                            MemorySegment stream = ZStream.allocate(arena);
                            int initialised = Zlib.deflateInit(stream, Zlib.Z_DEFAULT_COMPRESSION);
                            MemorySegment streamed = arena.allocate(bound);
                            ZStream.next_in(stream, source);
                            ZStream.avail_in(stream, input.length);
                            ZStream.next_out(stream, streamed);
                            ZStream.avail_out(stream, (int) bound);
                            boolean ended = Zlib.deflate(stream, Zlib.Z_FINISH) == Zlib.Z_STREAM_END;
                            boolean sameSize = ZStream.total_out(stream) == packedLength.get(ValueLayout.JAVA_LONG, 0);
                            Zlib.deflateEnd(stream);
                            return compressed + " " + uncompressed + " " + (compressed == Zlib.Z_OK) + " " + same + " "
                                    + (packedLength.get(ValueLayout.JAVA_LONG, 0) < input.length / 4) + " "
                                    + version.equals(Zlib.ZLIB_VERSION) + " " + ZStream.LAYOUT.byteSize() + " " + Zlib.Z_BEST_COMPRESSION
                                    + " " + initialised + " " + ended + " " + sameSize;
                        }
                    }
                }
                """);
        assertEquals("0 0 true true true true 112 9 0 true true", result);
    }

    @Test
    void nativeTestLibs_bindings_passStructsBitfieldsAndCallbacks() throws Exception {
        Path headers = Path.of(System.getProperty("isthmus.nativeHeaders"));
        Path library = Path.of(System.getProperty("isthmus.testlibs"), "libisthmustest.so");
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example.it", "--header-class", "ItTest", "-l", library.toString(),
                "--output", out.toString(), headers.resolve("nested.h").toString(), headers.resolve("bitfields.h").toString(),
                headers.resolve("callbacks.h").toString());
        // Every function is bound but those passing a packed struct with members off their alignment by value.
        List<String> unbound = report.lines().filter(l -> l.contains("function it_")).map(l -> l.trim().split(" ")[1]).toList();
        assertTrue(report.startsWith("isthmus bind: wrote ") && unbound.equals(List.of("it_packed_make", "it_packed_sum_value",
                "it_pack2_make")) && report.contains("passes the packed struct it_pack2 by value"), report);
        String result = compileAndRun(out, "org.example.it", """
                package org.example.it;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;
                import java.util.ArrayList;
                import java.util.List;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        List<Object> seen = new ArrayList<>();
                        try (Arena arena = Arena.ofConfined()) {
                            // Structs by value, in and out.
                            MemorySegment rect = ItRect.allocate(arena);
                            ItPoint.x(ItRect.tl(rect), 1);
                            ItPoint.y(ItRect.tl(rect), 2);
                            ItPoint.x(ItRect.br(rect), 4);
                            ItPoint.y(ItRect.br(rect), 7);
                            seen.add(ItTest.it_rect_area(rect));
                            MemorySegment moved = ItTest.it_rect_offset(arena, rect, 10, 20);
                            seen.add(ItPoint.x(ItRect.tl(moved)) + "," + ItPoint.y(ItRect.br(moved)));
                            // Bitfields: Java writes, C reads; C writes, Java reads.
                            MemorySegment bf = ItBf.allocate(arena);
                            ItBf.a(bf, 5);
                            ItBf.b(bf, -9);
                            ItBf.c(bf, 0xABCDEF1234L);
                            ItBf.d(bf, -300000L);
                            ItBf.e(bf, 100);
                            ItBf.f(bf, true);
                            ItBf.g(bf, (byte) -3);
                            ItBf.h(bf, (short) 0xFED);
                            seen.add(ItTest.it_bf_get_a(bf) + " " + ItTest.it_bf_get_b(bf) + " " + Long.toHexString(ItTest.it_bf_get_c(bf))
                                    + " " + ItTest.it_bf_get_d(bf) + " " + ItTest.it_bf_get_e(bf) + " " + ItTest.it_bf_get_f(bf)
                                    + " " + ItTest.it_bf_get_g(bf) + " " + Integer.toHexString(ItTest.it_bf_get_h(bf)));
                            ItTest.it_bf_set_b(bf, 15);
                            ItTest.it_bf_set_d(bf, 524287L);
                            ItTest.it_bf_set_g(bf, 7);
                            ItTest.it_bf_set_h(bf, 0x123);
                            seen.add(ItBf.a(bf) + " " + ItBf.b(bf) + " " + ItBf.d(bf) + " " + ItBf.g(bf) + " " + ItBf.h(bf) + " " + ItBf.LAYOUT.byteSize());
                            MemorySegment packed = ItBfPacked.allocate(arena);
                            ItBfPacked.y(packed, 0xFFFFF);
                            ItBfPacked.x(packed, (byte) 2);
                            ItBfPacked.z(packed, (byte) 9);
                            seen.add(ItTest.it_bfp_get_x(packed) + " " + Integer.toHexString(ItTest.it_bfp_get_y(packed)) + " "
                                    + ItTest.it_bfp_get_z(packed) + " " + ItBfPacked.LAYOUT.byteSize());
                            MemorySegment small = ItTest.it_bfs_make(arena, 3, 9, -5);
                            seen.add(ItBfSmall.lo(small) + " " + ItBfSmall.hi(small) + " " + ItBfSmall.rest(small) + " "
                                    + ItTest.it_bfs_combine(small));
                            // Callbacks: C calls Java through generated interfaces.
                            MemorySegment add = ItIntBinop.allocate((a, b) -> a * 10 + b, arena);
                            seen.add(ItTest.it_call_int_binop(add, 4, 2));
                            MemorySegment twice = ItDoubleFn.allocate(x -> x * x, arena);
                            seen.add(ItTest.it_call_twice(twice, 3.0));
                            MemorySegment pair = ItPairFn.allocate(p -> ItCbPair.a(p) + ItCbPair.b(p), arena);
                            seen.add(ItTest.it_call_with_pair(pair, 2, 0.5));
                        }
                        return seen.toString();
                    }
                }
                """);
        assertEquals("[15, 11,27, 5 -9 abcdef1234 -300000 100 true -3 fed, 5 15 524287 7 291 16, 2 fffff 9 4, 3 9 -5 -1133, 42, 81.0, 2.5]", result);
    }

    @Test
    void errnoOption_capturesErrnoInsideTheCall_andGlobalsAreSegments() throws Exception {
        Path header = dir.resolve("posixbits.h");
        Files.writeString(header, "#include <stddef.h>\nint unlink(const char *path);\nsize_t strlen(const char *s);\n"
                + "extern char **environ;\n#define NOT_A_FILE \"/nonexistent/isthmus-bind\"\n");
        Path out = dir.resolve("gen");
        bind("--package", "org.example.posix", "--errno", "^unlink$", "--output", out.toString(), header.toString());
        String result = compileAndRun(out, "org.example.posix", """
                package org.example.posix;

                import java.lang.foreign.Arena;
                import java.lang.foreign.ValueLayout;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            int status = Posixbits.unlink(arena.allocateFrom(Posixbits.NOT_A_FILE));
                            long length = Posixbits.strlen(arena.allocateFrom("isthmus"));
                            boolean hasEnvironment = !Posixbits.environ().get(ValueLayout.ADDRESS, 0).equals(java.lang.foreign.MemorySegment.NULL);
                            return status + " " + Posixbits.errno() + " " + length + " " + hasEnvironment;
                        }
                    }
                }
                """);
        assertEquals("-1 2 7 true", result);
    }

    @Test
    void errnoAnnotation_capturesErrnoForTheAnnotatedFunctionOnly() throws Exception {
        Path header = dir.resolve("annotated.h");
        Files.writeString(header, "int rmdir(const char *path) __attribute__((annotate(\"isthmus:errno\")));\n"
                + "__attribute__((annotate(\"isthmus:errno\"))) int chdir(const char *path);\n"
                + "int unlink(const char *path);\n");
        Path out = dir.resolve("gen");
        bind("--package", "org.example.annotated", "--output", out.toString(), header.toString());
        String result = compileAndRun(out, "org.example.annotated", """
                package org.example.annotated;

                import java.lang.foreign.Arena;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            int removed = Annotated.rmdir(arena.allocateFrom("/nonexistent/isthmus-bind"));
                            int removedErrno = Annotated.errno();
                            int changed = Annotated.chdir(arena.allocateFrom("/proc/self/status"));
                            int changedErrno = Annotated.errno();
                            // unlink is not annotated: it leaves errno() as the last capturing call set it.
                            int unlinked = Annotated.unlink(arena.allocateFrom("/nonexistent/isthmus-bind"));
                            return removed + " " + removedErrno + " " + changed + " " + changedErrno + " " + unlinked + " " + Annotated.errno();
                        }
                    }
                }
                """);
        // ENOENT is 2, ENOTDIR 20 (glibc on Linux).
        assertEquals("-1 2 -1 20 -1 20", result);
    }

    @Test
    void functionMacros_comparisonsConditionalsCastsAndConstants_computeAsCcDoes() throws Exception {
        // Issue #13: function-like macros whose body is a constant expression of their arguments, as static methods.
        String macros = """
                #define M_SCALE 3
                #define M_MAX(a, b) ((a) > (b) ? (a) : (b))
                #define M_CLAMP(x, lo, hi) ((x) < (lo) ? (lo) : (x) > (hi) ? (hi) : (x))
                #define M_IS_POW2(x) ((x) != 0 && ((x) & ((x) - 1)) == 0)
                #define M_EITHER(a, b) ((a) == 1 || !(b))
                #define M_LOW_BYTE(x) ((unsigned char)(x))
                #define M_SHORT(x) ((short)(x))
                #define M_UINT(x) ((unsigned int)(x) >> 1)
                #define M_LETTER(c) ((c) - 'a' + '\\n')
                #define M_MODE(x) ((x) & 0755)
                #define M_SCALED(x) (-(x) * M_SCALE % 7)
                #define M_HALF(x) ((x) * 2.5)
                """;
        Path header = dir.resolve("macros.h");
        Files.writeString(header, macros);
        long[][] arguments = {{5, 9, 7}, {-3, 2, 1}, {300, -1, 0}, {70000, 70000, 64}, {1, 0, -70000}, {4096, 1, 1}};
        String[][] calls = {{"M_MAX", "2"}, {"M_CLAMP", "3"}, {"M_IS_POW2", "1"}, {"M_EITHER", "2"}, {"M_LOW_BYTE", "1"},
                {"M_SHORT", "1"}, {"M_UINT", "1"}, {"M_LETTER", "1"}, {"M_MODE", "1"}, {"M_SCALED", "1"}};
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include \"macros.h\"\nint main(void) {\n");
        StringBuilder javaCalls = new StringBuilder();
        for (long[] args : arguments) {
            for (String[] call : calls) {
                List<String> actual = new java.util.ArrayList<>();
                for (int i = 0; i < Integer.parseInt(call[1]); i++) {
                    actual.add("(long long) " + args[i] + "LL");
                }
                c.append("  printf(\"%lld\\n\", (long long) ").append(call[0]).append('(').append(String.join(", ", actual)).append("));\n");
                javaCalls.append("lines.add(String.valueOf(Macros.").append(call[0]).append('(')
                        .append(String.join(", ", actual.stream().map(a -> a.replace("(long long) ", "").replace("LL", "L")).toList()))
                        .append(")));\n");
            }
        }
        c.append("  return 0;\n}\n");
        Path source = Files.writeString(dir.resolve("macros.c"), c);
        Path binary = dir.resolve("macros");
        Process cc = new ProcessBuilder("cc", "-o", binary.toString(), source.toString()).redirectErrorStream(true).start();
        String ccOutput = new String(cc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(cc.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && cc.exitValue() == 0, ccOutput);
        Process run = new ProcessBuilder(binary.toString()).start();
        String expected = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(run.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example.macros", "--output", out.toString(), header.toString());
        // M_HALF computes in double (BindMacroConstantsTest checks such macros' values).
        assertTrue(!report.contains("not bound") && Files.readString(out.resolve("org/example/macros/Macros.java"))
                .contains("public static double M_HALF(double x)"), report);
        String result = compileAndRun(out, "org.example.macros", """
                package org.example.macros;

                import java.util.ArrayList;
                import java.util.List;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        List<String> lines = new ArrayList<>();
                        %s
                        return String.join("\\n", lines);
                    }
                }
                """.formatted(javaCalls));
        assertEquals(expected, result);
    }

    @Test
    void sqlite3_bindings_execWithARowCallbackAndAPreparedStatement() throws Exception {
        // sqlite3_exec's callback parameter has the type of sqlite3.h's sqlite3_callback typedef, so it is that interface
        // (the typedef selected, as jextract's filters select it: with filters, only what they name is bound for itself).
        Path out = dir.resolve("gen");
        bind("--package", "org.example.sqlite", "-l", "sqlite3", "--include-function", "^sqlite3_(open|exec|close|prepare_v2|bind_int|step|column_int|finalize)$",
                "--include-constant", "^SQLITE_(OK|ROW|DONE)$", "--include-typedef", "^sqlite3_callback$", "--output", out.toString(),
                "/usr/include/sqlite3.h");
        String result = compileAndRun(out, "org.example.sqlite", """
                package org.example.sqlite;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;
                import java.lang.foreign.ValueLayout;
                import java.util.ArrayList;
                import java.util.List;

                @SuppressWarnings("restricted")
                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            MemorySegment handle = arena.allocate(ValueLayout.ADDRESS);
                            int opened = Sqlite3.sqlite3_open(arena.allocateFrom(":memory:"), handle);
                            MemorySegment db = handle.get(ValueLayout.ADDRESS, 0);
                            int created = Sqlite3.sqlite3_exec(db, arena.allocateFrom(
                                    "create table t(a int, b text); insert into t values (1, 'one'), (2, 'two'), (3, 'three');"),
                                    MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL);
                            List<String> rows = new ArrayList<>();
                            MemorySegment onRow = Sqlite3Callback.allocate((user, count, values, names) -> {
                                StringBuilder row = new StringBuilder();
                                for (int i = 0; i < count; i++) {
                                    String name = names.reinterpret(8L * count).getAtIndex(ValueLayout.ADDRESS, i).reinterpret(64).getString(0);
                                    String value = values.reinterpret(8L * count).getAtIndex(ValueLayout.ADDRESS, i).reinterpret(64).getString(0);
                                    row.append(i == 0 ? "" : " ").append(name).append('=').append(value);
                                }
                                rows.add(row.toString());
                                return 0;
                            }, arena);
                            int selected = Sqlite3.sqlite3_exec(db, arena.allocateFrom("select a, b from t order by a"), onRow,
                                    MemorySegment.NULL, MemorySegment.NULL);
                            MemorySegment statement = arena.allocate(ValueLayout.ADDRESS);
                            Sqlite3.sqlite3_prepare_v2(db, arena.allocateFrom("select sum(a) from t where a > ?"), -1, statement,
                                    MemorySegment.NULL);
                            MemorySegment stmt = statement.get(ValueLayout.ADDRESS, 0);
                            Sqlite3.sqlite3_bind_int(stmt, 1, 1);
                            boolean row = Sqlite3.sqlite3_step(stmt) == Sqlite3.SQLITE_ROW;
                            int sum = Sqlite3.sqlite3_column_int(stmt, 0);
                            boolean done = Sqlite3.sqlite3_step(stmt) == Sqlite3.SQLITE_DONE;
                            Sqlite3.sqlite3_finalize(stmt);
                            int closed = Sqlite3.sqlite3_close(db);
                            return opened + " " + created + " " + selected + " " + rows + " " + row + " " + sum + " " + done + " " + closed;
                        }
                    }
                }
                """);
        assertEquals("0 0 0 [a=1 b=one, a=2 b=two, a=3 b=three] true 5 true 0", result);
    }

    @Test
    void libc_bindings_sortWithACallback_returnStructs_andFillStructs() throws Exception {
        Path out = dir.resolve("gen");
        Path file = dir.resolve("sized");
        Files.write(file, new byte[1234]);
        bind("--package", "org.example.libc", "--header-class", "Libc",
                "--include-function", "^(qsort|div|strftime|gmtime_r|stat|gettimeofday|snprintf)$", "--include-typedef", "^(__compar_fn_t|div_t)$",
                "--include-constant", "^RAND_MAX$", "--output", out.toString(),
                "/usr/include/stdlib.h", "/usr/include/stdio.h", "/usr/include/time.h", "/usr/include/x86_64-linux-gnu/sys/stat.h",
                "/usr/include/x86_64-linux-gnu/sys/time.h");
        String result = compileAndRun(out, "org.example.libc", """
                package org.example.libc;

                import java.lang.foreign.Arena;
                import java.lang.foreign.MemorySegment;
                import java.lang.foreign.ValueLayout;
                import java.util.Arrays;

                @SuppressWarnings("restricted")
                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        try (Arena arena = Arena.ofConfined()) {
                            MemorySegment ints = arena.allocateFrom(ValueLayout.JAVA_INT, 5, 3, 9, 1, 7);
                            MemorySegment compare = ComparFnT.allocate((a, b) -> Integer.compare(
                                    a.reinterpret(4).get(ValueLayout.JAVA_INT, 0), b.reinterpret(4).get(ValueLayout.JAVA_INT, 0)), arena);
                            Libc.qsort(ints, 5, 4, compare);
                            MemorySegment quotient = Libc.div(arena, 17, 5);
                            MemorySegment status = Stat.allocate(arena);
                            int statted = Libc.stat(arena.allocateFrom("%s"), status);
                            MemorySegment now = Timeval.allocate(arena);
                            Libc.gettimeofday(now, MemorySegment.NULL);
                            MemorySegment time = arena.allocateFrom(ValueLayout.JAVA_LONG, 86400L * 365 + 3600L * 5);
                            MemorySegment broken = Tm.allocate(arena);
                            Libc.gmtime_r(time, broken);
                            MemorySegment text = arena.allocate(64);
                            long length = Libc.strftime(text, 64, arena.allocateFrom("%%Y-%%m-%%d %%H:%%M"), broken);
                            Libc.SnprintfInvoker print = Libc.snprintf(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_DOUBLE);
                            MemorySegment printed = arena.allocate(64);
                            int count = print.apply(printed, 64, arena.allocateFrom("%%d %%s %%.2f"), 42, arena.allocateFrom("abc"), 2.5);
                            return Arrays.toString(ints.toArray(ValueLayout.JAVA_INT)) + " " + DivT.quot(quotient) + " " + DivT.rem(quotient)
                                    + " " + statted + " " + Stat.st_size(status) + " " + (Timeval.tv_sec(now) > 1_600_000_000L) + " "
                                    + Tm.tm_year(broken) + " " + text.getString(0) + " " + length + " " + (Libc.RAND_MAX > 0)
                                    + " " + printed.getString(0) + " " + count;
                        }
                    }
                }
                """.formatted(file.toAbsolutePath()));
        assertEquals("[1, 3, 5, 7, 9] 3 2 0 1234 true 71 1971-01-01 05:00 16 true 42 abc 2.50 11", result);
    }

    /**
     * Golden files: the bindings of a small header with one of each thing bind makes
     * ({@code src/test/resources/bind/shapes.h}), checked in under
     * {@code src/test/resources/bind/golden/} with the report, reviewed by eye, and compiled
     * here. After an intended change, regenerate them with the command in docs/bind.md.
     */
    @Test
    void smallHeader_generatesTheGoldenFiles() throws Exception {
        Path golden = Path.of("src/test/resources/bind/golden");
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example.shapes", "--java-enums", "--output", out.toString(), "src/test/resources/bind/shapes.h");
        String notBound = report.substring(report.indexOf('\n') + 1);
        Path generated = out.resolve("org/example/shapes");
        List<String> names;
        try (Stream<Path> files = Files.list(generated)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        if (Boolean.getBoolean("isthmus.updateGolden")) {
            Files.createDirectories(golden);
            try (Stream<Path> old = Files.list(golden)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
            for (String name : names) {
                Files.copy(generated.resolve(name), golden.resolve(name));
            }
            Files.writeString(golden.resolve("report.txt"), notBound);
        }
        List<String> expected;
        try (Stream<Path> files = Files.list(golden)) {
            expected = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted().toList();
        }
        assertEquals(expected, names);
        for (String name : names) {
            assertEquals(Files.readString(golden.resolve(name)), Files.readString(generated.resolve(name)), name);
        }
        assertEquals(Files.readString(golden.resolve("report.txt")), notBound);
        String result = compileAndRun(out, "org.example.shapes", """
                package org.example.shapes;

                public final class Driver implements java.util.concurrent.Callable<String> {
                    @Override
                    public String call() {
                        return Shape.LAYOUT.byteSize() + " " + Shapes.SHAPE_SQUARE + " " + ShapeKind.of(5) + " " + ShapeKind.SHAPE_SQUARE.value()
                                + " " + Shapes.SHAPES_AREA(6, 7);
                    }
                }
                """);
        assertEquals("56 4 SHAPE_TRIANGLE 4 42", result);
    }

    /**
     * The Lua module of the same header ({@code --lang lua}), checked in as
     * {@code src/test/resources/bind/golden-lua/shapes.lua} with its report; regenerated by
     * the command in docs/bind.md like the Java golden files. BindLuaModuleTest in the
     * tests module runs such modules on Isthmus and LuaJIT.
     */
    @Test
    void smallHeader_luaModule_isTheGoldenFile() throws Exception {
        Path golden = Path.of("src/test/resources/bind/golden-lua");
        String report = bind("--lang", "lua", "--output", dir.toString(), "src/test/resources/bind/shapes.h");
        String notBound = report.substring(report.indexOf('\n') + 1);
        String module = Files.readString(dir.resolve("shapes.lua"));
        if (Boolean.getBoolean("isthmus.updateGolden")) {
            Files.createDirectories(golden);
            Files.writeString(golden.resolve("shapes.lua"), module);
            Files.writeString(golden.resolve("report.txt"), notBound);
        }
        assertEquals(Files.readString(golden.resolve("shapes.lua")), module);
        assertEquals(Files.readString(golden.resolve("report.txt")), notBound);
    }

    /** As jextract's: once a filter is given, only what the filters name is bound, with the records it needs. */
    @Test
    void filters_bindWhatTheyName_andWhatItNeeds_only() throws Exception {
        Path header = Files.writeString(dir.resolve("filtered.h"), """
                struct f_point { int x, y; };
                union f_value { int i; float f; };
                struct f_unused { int z; };
                typedef int (*f_callback)(int);
                extern int f_counter;
                extern int f_other;
                #define F_ONE 1
                enum f_color { F_RED, F_GREEN };
                int f_distance(struct f_point *a);
                int f_unwanted(void);
                """);
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example.filtered", "--include-function", "^f_distance$", "--include-union", "^f_value$",
                "--include-var", "^f_counter$", "--output", out.toString(), header.toString());
        assertTrue(report.startsWith("isthmus bind: wrote 3 files under " + out + ": 1 functions, 2 structs and unions, 0 callback interfaces, 0 constants"),
                report);
        Path generated = out.resolve("org/example/filtered");
        assertTrue(Files.exists(generated.resolve("FPoint.java")) && Files.exists(generated.resolve("FValue.java")), report);
        String source = Files.readString(generated.resolve("Filtered.java"));
        assertTrue(source.contains("f_counter()") && !source.contains("f_other") && !source.contains("f_unwanted") && !source.contains("F_ONE"),
                source);
        String dump = bind("--package", "p", "--dump-includes", header.toString());
        assertTrue(dump.contains("--include-union f_value  # ") && dump.contains("--include-var f_counter  # ")
                && dump.contains("--include-struct f_point  # "), dump);
    }

    /** Integers a macro passes that are not 64-bit integers are reported, not a crash; all ones is passed as its bits. */
    @Test
    void callMacros_withIntegersBeyond64Bits_areReported() throws Exception {
        Path header = Files.writeString(dir.resolve("wide.h"), """
                unsigned long long w_pass(int y, unsigned long long big);
                #define W_ALL_ONES(y) w_pass((y), 0xFFFFFFFFFFFFFFFF)
                #define W_TOO_WIDE(y) w_pass((y), 18446744073709551616)
                #define W_NOT_OCTAL(y) w_pass((y), 08)
                """);
        Path out = dir.resolve("gen");
        String report = bind("--package", "org.example.wide", "--output", out.toString(), header.toString());
        assertTrue(report.contains("macro W_TOO_WIDE (") && report.contains("macro W_NOT_OCTAL (") && !report.contains("W_ALL_ONES"), report);
        String source = Files.readString(out.resolve("org/example/wide/Wide.java"));
        assertTrue(source.contains("public static long W_ALL_ONES(int y) {") && source.contains("w_pass(y, -1L)"), source);
    }

    @Test
    void dumpIncludes_listsAFilterOptionPerDeclaration_withItsOrigin() {
        String dump = bind("--package", "p", "--dump-includes", "src/test/resources/bind/shapes.h");
        assertTrue(dump.contains("--include-function shape_area  # src/test/resources/bind/shapes.h:35:8\n"), dump);
        assertTrue(dump.contains("--include-struct shape_point  # src/test/resources/bind/shapes.h:14:8\n"), dump);
        assertTrue(dump.contains("--include-typedef shape_measure_fn  # src/test/resources/bind/shapes.h:26:18\n"), dump);
        assertTrue(dump.contains("--include-constant SHAPE_SQUARE  # src/test/resources/bind/shapes.h:12:33\n"), dump);
        assertTrue(dump.contains("--include-typedef int32_t  # /usr/include/"), "what the header includes is listed too: " + dump);
        assertTrue(!dump.contains("<built-in>") && !dump.contains("__INT_MAX__"), "the compiler's predefined macros are not: " + dump);
    }

    @Test
    void badHeader_reportsPositionedErrors_withoutAStackTrace() throws Exception {
        Path header = dir.resolve("bad.h");
        Files.writeString(header, "int ok(void);\n#if 1\n#error this header is broken\n#endif\nint broken(int;\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = IsthmusCli.execute(new String[] {"bind", "--package", "p", "--output", dir.resolve("gen").toString(),
            header.toString()}, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]));
        assertEquals(1, status, err.toString());
        assertEquals(header.toAbsolutePath() + ":3:2: error: #error this header is broken\n", err.toString());
    }

    @Test
    void warnings_areReported_alsoWhenTheParseFails() throws Exception {
        Path header = dir.resolve("warned.h");
        Files.writeString(header, "#warning old header\nint broken(int;\n");
        for (String preprocessor : List.of("builtin", "cc")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = IsthmusCli.execute(new String[] {"bind", "--package", "p", "--preprocessor", preprocessor, "--output",
                dir.resolve("gen").toString(), header.toString()}, new PrintWriter(out), new PrintWriter(err), new ByteArrayInputStream(new byte[0]));
            assertEquals(1, status, err.toString());
            // cc adds its context ("In file included from", the line and a caret, the flag).
            String said = err.toString();
            int warning = said.indexOf(header.toAbsolutePath() + ":1:2: warning: #warning old header");
            int error = said.indexOf(header.toAbsolutePath() + ":2:15: error: ");
            assertTrue(warning >= 0 && error > warning, preprocessor + ":\n" + said);
        }
    }

    private String compileAndRun(Path generated, String packageName, String driver) throws Exception {
        return GeneratedBindings.compileAndRun(dir, generated, packageName, driver);
    }
}
