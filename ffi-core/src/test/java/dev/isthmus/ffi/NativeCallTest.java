package dev.isthmus.ffi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls into the native test library and libc through declarations, both the exact handle and invoke. */
class NativeCallTest {
    private static Ffi ffi;
    private static NativeLibrary lib;

    @BeforeAll
    static void declare() throws Exception {
        ffi = TestLibraries.declaredFfi();
        lib = TestLibraries.load(ffi);
    }

    @Test
    void add_throughTheExactHandleAndInvoke_givesTheSum() throws Throwable {
        MethodHandle add = lib.function("it_add").handle();
        assertEquals(5, (int) add.invokeExact(2, 3));
        assertEquals(-1, lib.function("it_add").invoke(2, -3));
        assertEquals(5.5, lib.function("it_add_double").invoke(2, 3.5));
    }

    @Test
    void scalars_roundTrip_withCsWidthAndSignedness() {
        assertEquals(-56, lib.function("it_id_int8").invoke(200));
        assertEquals(200, lib.function("it_id_uint8").invoke(200));
        assertEquals(65535, lib.function("it_id_uint16").invoke(-1));
        assertEquals(4294967295L, lib.function("it_id_uint32").invoke(-1));
        assertEquals(-1L, lib.function("it_id_uint64").invoke(-1L));
        // C's (uint64_t) of a double takes [2^63, 2^64) exactly, which a Java long cast would saturate.
        assertEquals(Long.MIN_VALUE + 4096, lib.function("it_id_uint64").invoke(0x1p63 + 4096));
        assertEquals(-2048L, lib.function("it_id_uint64").invoke(0x1p64 - 2048));
        assertEquals(Long.MIN_VALUE, lib.function("it_id_int64").invoke(Long.MIN_VALUE));
        assertEquals(3, lib.function("it_id_int").invoke(3.99));
        assertEquals(true, lib.function("it_id_bool").invoke(7));
        assertEquals(1.5f, lib.function("it_id_float").invoke(1.5));
        assertEquals(Math.PI, lib.function("it_id_double").invoke(Math.PI));
        assertEquals(-1L, lib.function("it_id_long").invoke(-1));
    }

    @Test
    void complexNumbers_passAndReturnAsComplexValues() {
        assertEquals(new Complex(1.5, -2.0), lib.function("it_id_dcomplex").invoke(new Complex(1.5, -2.0)));
        assertEquals(new Complex(0.25, 4.0), lib.function("it_id_fcomplex").invoke(new Complex(0.25, 4.0)));
        CData z = ffi.newCData("double _Complex");
        z.set(new Complex(3, 4));
        assertEquals(new Complex(3, 4), z.get());
        assertEquals(new Complex(3, 4), lib.function("it_id_dcomplex").invoke(z.segment()));
    }

    @Test
    void structs_byValue_inBothDirections() throws Throwable {
        MemorySegment d2 = (MemorySegment) lib.function("it_make_d2").invoke(1.25, 2.5);
        assertEquals(1.25, d2.get(ValueLayout.JAVA_DOUBLE, 0));
        assertEquals(3.75, lib.function("it_sum_d2").invoke(d2));
        MethodHandle make = lib.function("it_make_d2").handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment exact = (MemorySegment) make.invokeExact((SegmentAllocator) arena, 4.0, 0.5);
            assertEquals(0.5, exact.get(ValueLayout.JAVA_DOUBLE, 8));
        }
    }

    @Test
    void recordsWithBitfields_byValue_areClassifiedAsCClassifiesThem() {
        // it_bf_small: one INTEGER eightbyte; it_bf: two; it_bf_mixed: SSE then INTEGER
        // (bitfields and a float share it); it_bf_tagged: a char and a bitfield in one unit;
        // it_bf_union: a bitfield over a float.
        CData small = ffi.view("struct it_bf_small", (MemorySegment) lib.function("it_bfs_make").invoke(3, 9, -5));
        assertEquals(List.of(3L, 9L, -5), List.of(small.get("lo"), small.get("hi"), small.get("rest")));
        assertEquals(3L + 16 * 9 - 256 * 5, lib.function("it_bfs_combine").invoke(small));
        CData big = ffi.view("struct it_bf", (MemorySegment) lib.function("it_bf_make").invoke(9, -3, 0xFE_DCBA_9876L, -5, true));
        assertEquals(List.of(1L, -3, 0xFE_DCBA_9876L, -5L, true),
                List.of(big.get("a"), big.get("b"), big.get("c"), big.get("d"), big.get("f")));
        CData mixed = ffi.view("struct it_bf_mixed", (MemorySegment) lib.function("it_bfm_make").invoke(0.5, 1, 130, 0.25));
        assertEquals(List.of(0.5, 1L, 2L, 0.25f), List.of(mixed.get("x"), mixed.get("flag"), mixed.get("level"), mixed.get("y")));
        assertEquals(1020.75, lib.function("it_bfm_sum").invoke(mixed));
        CData tagged = ffi.view("struct it_bf_tagged", (MemorySegment) lib.function("it_bft_make").invoke(7, -2000));
        assertEquals(List.of(7, -2000), List.of(tagged.get("tag"), tagged.get("v")));
        assertEquals(68_000L, lib.function("it_bft_combine").invoke(tagged));
        CData union = ffi.view("union it_bf_union", (MemorySegment) lib.function("it_bfu_make").invoke(0x1abc));
        assertEquals(0xabcL, union.get("bits"));
        assertEquals(5L, lib.function("it_bfu_bits").invoke(lib.function("it_bfu_make").invoke(5)));
    }

    @Test
    void initializerLists_becomeTemporaryStructsAndArrays() {
        assertEquals(3.75, lib.function("it_sum_d2").invoke(java.util.List.of(1.25, 2.5)));
        assertEquals(10.0, (double) (Float) lib.function("it_sum_f4").invoke(java.util.List.of(java.util.List.of(1, 2, 3, 4))));
        assertEquals(10.0, (double) (Float) lib.function("it_sum_f4").invoke((Object) new Object[] {1, 2, 3, 4}), "brace elision");
        assertEquals(6L, lib.function("it_sum_int64s").invoke(java.util.List.of(1, 2, 3), 3));
        assertEquals(-1L, lib.function("it_sum_int64s").invoke(new Object[] {-1L}, 1));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> lib.function("it_sum_d2").invoke(java.util.List.of(1, 2, 3)));
        assertTrue(tooMany.getMessage().contains("too many initializers"), tooMany.getMessage());
    }

    @Test
    void enums_acceptNumbersAndEnumeratorNames() {
        // enum it_color is an unsigned int in C, so it comes back as a Long (the conversion table).
        assertEquals(5L, lib.function("it_color_next").invoke("IT_RED"));
        assertEquals(0L, lib.function("it_color_next").invoke(6));
    }

    @Test
    void libc_throughTheDefaultNamespace_takesStringsAndVarargs() throws Exception {
        ffi.cdef("size_t strlen(const char *s); int unlink(const char *pathname); double cos(double x);"
                + "int snprintf(char *str, size_t size, const char *format, ...);");
        assertEquals(5L, ffi.C().function("strlen").invoke("hello"));
        assertEquals(-1, ffi.C().function("unlink").invoke("garbagefile-that-does-not-exist"));
        assertEquals(1.0, ffi.C().function("cos").invoke(0.0));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(64);
            Object n = ffi.C().function("snprintf").invoke(buffer, 64, "%d|%s|%.2f|%lld|%c", 42, "xy", 1.5f, 1L << 40, 'z');
            assertEquals("42|xy|1.50|1099511627776|z", buffer.getString(0));
            assertEquals(26, n);
        }
    }

    @Test
    void variadicCapturingHandle_callsOneShapeExactlyAndCapturesErrno() throws Throwable {
        NativeFunction sum = lib.function("it_sum_ints");
        MethodHandle three = sum.variadicCapturingHandle(java.util.List.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        assertEquals(-7L, (long) three.invokeExact(2, 5, -12));
        assertSame(three, sum.variadicCapturingHandle(java.util.List.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)));
        // open is variadic in libc; a missing file leaves ENOENT, which the handle captures.
        ffi.cdef("int open(const char *pathname, int flags, ...);");
        MethodHandle open = ffi.C().function("open").variadicCapturingHandle(java.util.List.of(ValueLayout.JAVA_INT));
        ffi.errno(0);
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(-1, (int) open.invokeExact(arena.allocateFrom("/nonexistent-isthmus/file"), 0, 0));
        }
        assertEquals(lib.function("it_errno_enoent").invoke(), ffi.errno());
    }

    @Test
    void libraries_byShortNameSonameAndPath_load() throws Exception {
        ffi.cdef("const char *zlibVersion(void); const char *sqlite3_libversion(void);");
        MemorySegment z = (MemorySegment) ffi.load("z").function("zlibVersion").invoke();
        assertTrue(z.reinterpret(32).getString(0).startsWith("1."));
        MemorySegment s = (MemorySegment) ffi.load("sqlite3").function("sqlite3_libversion").invoke();
        assertTrue(s.reinterpret(32).getString(0).startsWith("3."));
        assertTrue(ffi.load("libz.so.1").find("zlibVersion").isPresent());
        assertTrue(ffi.load("m").find("cos").isPresent());
    }

    @Test
    void predefinedTypedefs_likeLuaJits_areAvailableWithoutHeaders() {
        Ffi fresh = Ffi.create();
        fresh.cdef("size_t strlen(const char *s); typedef struct { uint8_t a; int64_t b; intptr_t c; bool d; } s_t;");
        assertEquals(32, fresh.scope().sizeOf("s_t"));
        assertEquals(3L, fresh.C().function("strlen").invoke("abc"));
    }

    @Test
    void errno_afterCalls_isWhatTheCallLeft() {
        ffi.cdef("int open(const char *pathname, int flags, ...);");
        int enoent = (Integer) lib.function("it_errno_enoent").invoke();
        assertEquals(-1, ffi.C().function("open").invoke("/no/such/dir/file", 0));
        assertEquals(enoent, ffi.errno());
        assertEquals(-1, lib.function("it_fail_with").invoke(42));
        assertEquals(42, ffi.errno());
        assertEquals(0, lib.function("it_succeed").invoke());
        assertEquals(42, ffi.errno(), "a call that succeeds leaves errno alone");
        assertEquals(42, ffi.errno(7));
        assertEquals(7, lib.function("it_get_errno").invoke());
    }

    @Test
    void errnoCapturingHandle_takesTheStateSegmentFirst() throws Throwable {
        MethodHandle fail = lib.function("it_fail_with").errnoCapturingHandle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(java.lang.foreign.Linker.Option.captureStateLayout());
            assertEquals(-1, (int) fail.invokeExact(state, 33));
            assertEquals(33, state.get(ValueLayout.JAVA_INT, java.lang.foreign.Linker.Option.captureStateLayout()
                    .byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"))));
        }
        assertEquals(7, (int) lib.function("it_add").criticalHandle().invokeExact(3, 4));
        // With heap access, a Java array's segment is passed in place.
        ffi.cdef("size_t strlen(const char *s);");
        byte[] abc = {'a', 'b', 'c', 0};
        assertEquals(3L, (long) ffi.C().function("strlen").criticalHandle(true).invokeExact(MemorySegment.ofArray(abc)));
    }

    @Test
    void capturingHandle_keepsTheExactType_andSetsErrnoAsInvokeDoes() throws Throwable {
        MethodHandle fail = lib.function("it_fail_with").capturingHandle();
        assertEquals(lib.function("it_fail_with").handle().type(), fail.type());
        assertEquals(-1, (int) fail.invokeExact(29));
        assertEquals(29, ffi.errno());
        assertEquals(0, (int) lib.function("it_succeed").capturingHandle().invokeExact());
        assertEquals(29, ffi.errno(), "a call that succeeds leaves errno alone");
        assertSame(lib.function("it_fail_with").capturingHandle(), lib.function("it_fail_with").capturingHandle());
    }

    /** The test library in {@code ffi} after {@code declarations}, which may declare its functions with other annotations. */
    private static NativeLibrary declaredIn(Ffi ffi, String declarations) {
        ffi.cdef(declarations);
        return ffi.load(TestLibraries.library().toString());
    }

    @Test
    void noerrnoAnnotation_leavesErrnoUncaptured_andTheResultAsBefore() throws Throwable {
        Ffi fresh = Ffi.create();
        NativeLibrary own = declaredIn(fresh, "int it_fail_with(int e) __attribute__((annotate(\"isthmus:noerrno\")));"
                + "__attribute__((annotate(\"isthmus:noerrno\"), annotate(\"isthmus:critical\"))) int it_add(int a, int b);");
        assertEquals(new CallOptions(false, false), own.function("it_fail_with").options());
        fresh.errno(5);
        assertEquals(-1, own.function("it_fail_with").invoke(42));
        assertEquals(5, fresh.errno(), "the call's errno is not captured");
        assertEquals(-1, (int) own.function("it_fail_with").callingHandle().invokeExact(43));
        assertEquals(5, fresh.errno());
        assertEquals(new CallOptions(false, true), own.function("it_add").options());
        assertEquals(7, (int) own.function("it_add").callingHandle().invokeExact(3, 4));
        assertEquals(9, own.function("it_add").invoke(4, 5));
    }

    @Test
    void criticalAnnotation_stillCapturesErrno_unlessNoerrnoIsGiven() throws Throwable {
        Ffi fresh = Ffi.create();
        NativeLibrary own = declaredIn(fresh, "int it_fail_with(int e) __attribute__((annotate(\"isthmus:critical\")));"
                + "int it_succeed(void) __attribute__((annotate(\"isthmus:critical\")));");
        assertEquals(new CallOptions(true, true), own.function("it_fail_with").options());
        MethodHandle fail = own.function("it_fail_with").callingHandle();
        assertEquals(own.function("it_fail_with").handle().type(), fail.type());
        assertEquals(-1, (int) fail.invokeExact(31));
        assertEquals(31, fresh.errno());
        assertEquals(0, own.function("it_succeed").invoke());
        assertEquals(31, fresh.errno(), "a call that succeeds leaves errno alone");
        assertEquals(CallOptions.DEFAULT, lib.function("it_add").options());
        assertSame(lib.function("it_add").capturingHandle(), lib.function("it_add").callingHandle());
    }

    @Test
    void capturingHandle_rethrowsWhatACallbackThrew() {
        IllegalStateException boom = new IllegalStateException("boom");
        Callback thrower = ffi.callback("it_double_fn", args -> {
            throw boom;
        });
        MethodHandle twice = lib.function("it_call_twice").capturingHandle();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> {
                    double ignored = (double) twice.invokeExact(thrower.pointer(), 1.0);
                });
        assertSame(boom, thrown);
        thrower.free();
    }

    @Test
    void globals_areReadableAndWritable() {
        lib.function("it_reset_globals").invoke();
        MemorySegment x = lib.variable("it_global_int");
        assertEquals(1234, x.get(ValueLayout.JAVA_INT, 0));
        x.set(ValueLayout.JAVA_INT, 0, 99);
        assertEquals(99, lib.function("it_read_global_int").invoke());
        MemorySegment array = lib.variable("it_global_array");
        assertEquals(32, array.byteSize());
        assertEquals(8, array.getAtIndex(ValueLayout.JAVA_INT, 7));
        lib.function("it_reset_globals").invoke();
    }

    @Test
    void missingLibrary_listsWhatWasTried() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ffi.load("no_such_library_xyz"));
        assertTrue(e.getMessage().startsWith("cannot load library 'no_such_library_xyz'; tried: libno_such_library_xyz.so"),
                e.getMessage());
        LibraryNotFoundException notFound = assertInstanceOf(LibraryNotFoundException.class, e);
        assertEquals(new LibraryNotFoundException.Attempt("libno_such_library_xyz.so",
                "libno_such_library_xyz.so: cannot open shared object file: No such file or directory"), notFound.attempts().getFirst());
    }

    @Test
    void aFileThatIsNoLibrary_failsWithTheLoadersReason() {
        LibraryNotFoundException e = assertThrows(LibraryNotFoundException.class, () -> ffi.load("/etc/passwd"));
        assertEquals("/etc/passwd: invalid ELF header", e.attempts().getFirst().reason());
    }

    @Test
    void missingSymbol_namesTheSymbolAndTheLibrary() {
        ffi.cdef("int isthmus_not_a_real_function(void);");
        NativeSymbolException e = assertThrows(NativeSymbolException.class,
                () -> lib.function("isthmus_not_a_real_function"));
        assertEquals("isthmus_not_a_real_function", e.symbol());
        assertTrue(e.getMessage().contains("libisthmustest.so"), e.getMessage());
    }

    @Test
    void badArguments_nameTheFunctionPositionAndBothTypes() {
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> lib.function("it_add").invoke(1));
        assertEquals("it_add: expected 2 arguments, got 1", count.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> lib.function("it_add").invoke(1, "two"));
        assertEquals("it_add: argument 2: cannot convert java.lang.String to 'int' (parameter type 'int')", type.getMessage());
    }
}
