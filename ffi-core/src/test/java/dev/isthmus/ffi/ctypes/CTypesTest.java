package dev.isthmus.ffi.ctypes;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static dev.isthmus.ffi.ctypes.CTypes.CFUNCTYPE;
import static dev.isthmus.ffi.ctypes.CTypes.POINTER;
import static dev.isthmus.ffi.ctypes.CTypes.byref;
import static dev.isthmus.ffi.ctypes.CTypes.c_char_p;
import static dev.isthmus.ffi.ctypes.CTypes.c_double;
import static dev.isthmus.ffi.ctypes.CTypes.c_int;
import static dev.isthmus.ffi.ctypes.CTypes.c_int32;
import static dev.isthmus.ffi.ctypes.CTypes.c_int64;
import static dev.isthmus.ffi.ctypes.CTypes.c_size_t;
import static dev.isthmus.ffi.ctypes.CTypes.c_void_p;
import static dev.isthmus.ffi.ctypes.CTypes.create_string_buffer;
import static dev.isthmus.ffi.ctypes.CTypes.member;
import static dev.isthmus.ffi.ctypes.CTypes.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The call tests again, through the ctypes-style path, written as ctypes users write them. */
class CTypesTest {
    private static CDLL lib;
    private static CDLL libc;

    /** {@code class D2(Structure): _fields_ = [("x", c_double), ("y", c_double)]} */
    public static final class D2 extends Structure {
        public static final List<CTypes.Member> _fields_ = List.of(member("x", c_double), member("y", c_double));
    }

    /** {@code struct it_point}, and {@code struct it_rect} built from it. */
    public static final class Point extends Structure {
        public static final List<CTypes.Member> _fields_ = List.of(member("x", c_int32), member("y", c_int32));
    }

    public static final class Rect extends Structure {
        public static final List<CTypes.Member> _fields_ = List.of(member("tl", struct(Point.class)), member("br", struct(Point.class)));
    }

    @BeforeAll
    static void load() {
        Path path = Path.of(System.getProperty("isthmus.testlibs", "../native-test-libs/target/native"), "libisthmustest.so");
        lib = new CDLL(path.toString());
        libc = new CDLL(null);
    }

    @Test
    void simpleCalls_withAndWithoutArgtypes() {
        assertEquals(5, lib.get("it_add").call(2, 3), "argtypes inferred, restype c_int by default");
        CFunction addDouble = lib.get("it_add_double").argtypes(c_double, c_double).restype(c_double);
        assertEquals(5.5, addDouble.call(2, 3.5));
        CFunction strlen = libc.get("strlen").argtypes(c_char_p).restype(c_size_t);
        assertEquals(5L, strlen.call("hello"));
        assertEquals(-1, libc.get("unlink").call("garbagefile-that-does-not-exist"));
    }

    @Test
    void structures_byValueAndByReference() {
        CFunction make = lib.get("it_make_d2").argtypes(c_double, c_double).restype(struct(D2.class));
        D2 d2 = (D2) make.call(1.25, 2.5);
        assertEquals(2.5, d2.get("y"));
        assertEquals(3.75, lib.get("it_sum_d2").argtypes(struct(D2.class)).restype(c_double).call(d2));
        Rect r = new Rect();
        Point br = new Point();
        br.set("x", 3);
        br.set("y", 4);
        r.set("br", br);
        assertEquals(12L, lib.get("it_rect_area").argtypes(struct(Rect.class)).restype(c_int64).call(r));
        lib.get("it_rect_grow").argtypes(POINTER(struct(Rect.class)), c_int32).restype(null).call(byref(r), 1);
        assertEquals(4, ((Point) r.get("br")).get("x"));
        assertEquals(-1, ((Point) r.get("tl")).get("x"));
    }

    @Test
    void byref_andPointersToSimpleValues_areWrittenByC() {
        SimpleValue min = c_int32.of(0);
        SimpleValue max = c_int32.of(0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 4, -2, 9, 0, 1);
            CFunction summary = lib.get("it_sum_minmax")
                    .argtypes(c_void_p, c_size_t, POINTER(c_int32), POINTER(c_int32)).restype(c_int64);
            assertEquals(12L, summary.call(values, 5, byref(min), max));
        }
        assertEquals(-2, min.value());
        assertEquals(9, max.value());
    }

    @Test
    void cfunctype_callbacksAndStringBuffers() {
        CFuncType compareType = CFUNCTYPE(c_int, c_void_p, c_void_p);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            MemorySegment compare = compareType.wrap(args -> {
                int a = MemorySegment.ofAddress((Long) args[0]).reinterpret(4).get(ValueLayout.JAVA_INT, 0);
                int b = MemorySegment.ofAddress((Long) args[1]).reinterpret(4).get(ValueLayout.JAVA_INT, 0);
                return Integer.compare(a, b);
            }, arena);
            libc.get("qsort").argtypes(c_void_p, c_size_t, c_size_t, compareType).restype(null).call(values, 3, 4, compare);
            assertEquals(List.of(1, 2, 3), List.of(values.getAtIndex(ValueLayout.JAVA_INT, 0),
                    values.getAtIndex(ValueLayout.JAVA_INT, 1), values.getAtIndex(ValueLayout.JAVA_INT, 2)));
        }
        CharBuffer buffer = create_string_buffer(32);
        libc.get("snprintf").call(buffer, 32, "%s-%d", "ctypes", 7);
        assertEquals("ctypes-7", buffer.value());
        assertEquals(32, buffer.raw().length);
    }

    @Test
    void wrongArguments_raiseArgumentError() {
        CFunction addDouble = lib.get("it_add_double").argtypes(c_double, c_double).restype(c_double);
        ArgumentError e = assertThrows(ArgumentError.class, () -> addDouble.call(1.0, "two"));
        assertEquals("argument 2: TypeError: wrong type: String for c_double", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> addDouble.call(1.0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> lib.get("no_such_symbol_here")).getMessage()
                .contains("undefined symbol: no_such_symbol_here"));
    }

    @Test
    void cdll_findsLibrariesAsFfiLoadDoes() {
        assertEquals(5L, new CDLL("c").get("strlen").argtypes(c_char_p).restype(c_size_t).call("hello"));
        assertEquals(1.0, new CDLL("m").get("cos").argtypes(c_double).restype(c_double).call(0.0));
        assertTrue(((String) new CDLL("z").get("zlibVersion").restype(c_char_p).call()).startsWith("1."));
        assertEquals(5L, new CDLL("libc.so.6").get("strlen").argtypes(c_char_p).restype(c_size_t).call("hello"));
        dev.isthmus.ffi.LibraryNotFoundException missing = assertThrows(dev.isthmus.ffi.LibraryNotFoundException.class,
                () -> new CDLL("no_such_library_here"));
        assertTrue(missing.getMessage().contains("libno_such_library_here.so"), missing.getMessage());
    }

    @Test
    void cdllOfNull_isTheProcess_namedSo() {
        CDLL process = new CDLL(null);
        assertEquals("<CDLL 'None (the process)'>", process.toString());
        assertEquals(0.5, (Double) process.get("sin").argtypes(c_double).restype(c_double).call(Math.asin(0.5)), 1e-15,
                "libm is part of the process's namespace, as for Ffi.C()");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> process.get("no_such_symbol_here"));
        assertEquals("AttributeError: None (the process): undefined symbol: no_such_symbol_here", e.getMessage());
    }

    @Test
    void variadicFunctions_takeArgumentsBeyondArgtypes() {
        CFunction snprintf = libc.get("snprintf").argtypes(c_char_p, c_size_t, c_char_p);
        CharBuffer buffer = create_string_buffer(64);
        // Doubles among the extra arguments need the variadic convention (SysV's %al), ints and strings too.
        assertEquals(15, snprintf.call(buffer, 64, "%s %d %.2f %.1f %d", "x", 7, c_double.of(2.5), CTypes.c_float.of(1.5f),
                CTypes.c_short.of(-3)));
        assertEquals("x 7 2.50 1.5 -3", buffer.value());
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> snprintf.call(buffer, 64));
        assertEquals("TypeError: this function takes at least 3 arguments (2 given)", few.getMessage());
        ArgumentError unknown = assertThrows(ArgumentError.class, () -> snprintf.call(buffer, 64, "%f", 2.5));
        assertEquals("argument 4: TypeError: Don't know how to convert parameter 4", unknown.getMessage(),
                "as in Python, a bare float among the extra arguments needs c_double");
    }

    @Test
    void freedCallback_isAnArgumentError() {
        CFuncType compareType = CFUNCTYPE(c_int, c_void_p, c_void_p);
        MemorySegment compare;
        try (Arena arena = Arena.ofConfined()) {
            compare = compareType.wrap(args -> 0, arena);
        }
        MemorySegment freed = compare;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            CFunction qsort = libc.get("qsort").argtypes(c_void_p, c_size_t, c_size_t, compareType).restype(null);
            ArgumentError e = assertThrows(ArgumentError.class, () -> qsort.call(values, 3, 4, freed));
            assertEquals("argument 4: ValueError: the callback was freed (its arena is closed)", e.getMessage());
        }
    }

    @Test
    void callbackCalledByCAfterItsArenaClosed_isReportedAndReturnsZero() {
        CFuncType binop = CFUNCTYPE(c_int32, c_int32, c_int32);
        CFunction store = lib.get("it_store_callback").argtypes(binop).restype(null);
        CFunction callStored = lib.get("it_call_stored").argtypes(c_int32, c_int32).restype(c_int32);
        PrintStream err = System.err;
        ByteArrayOutputStream reported = new ByteArrayOutputStream();
        try {
            try (Arena arena = Arena.ofConfined()) {
                store.call(binop.wrap(args -> (Integer) args[0] + (Integer) args[1], arena));
                assertEquals(5, callStored.call(2, 3));
            }
            System.setErr(new PrintStream(reported, true, StandardCharsets.UTF_8));
            // C kept the address: the stub is still there, unbound, where released code would crash the JVM.
            assertEquals(0, callStored.call(2, 3));
        } finally {
            System.setErr(err);
        }
        assertEquals("Exception ignored on calling ctypes callback function: ValueError: the callback was called after its arena closed",
                reported.toString(StandardCharsets.UTF_8).strip());
        try (Arena arena = Arena.ofConfined()) {
            store.call(binop.wrap(args -> (Integer) args[0] * (Integer) args[1], arena));
            assertEquals(6, callStored.call(2, 3), "a new callback of the same shape");
        } finally {
            lib.get("it_clear_callback").restype(null).call();
        }
    }
}
