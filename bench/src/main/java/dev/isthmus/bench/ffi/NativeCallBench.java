package dev.isthmus.bench.ffi;

import dev.isthmus.ffi.Ffi;
import dev.isthmus.ffi.NativeFunction;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * One native call, five ways: raw Panama (a {@code static final} handle made by hand,
 * {@code invokeExact}: the reference), Isthmus's exact handle from a declaration (also held
 * in a {@code static final}, as a compiler of calls would), and Isthmus's generic
 * {@code invoke(Object...)}, the ctypes-style reflective path, and JNA's direct mapping. For {@code int it_add(int, int)} from native-test-libs and
 * libc's {@code strlen}. {@code bench/run calls} prints the ratios to raw Panama.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class NativeCallBench {
    public static final Path LIBRARY = Path.of(System.getProperty("isthmus.testlibs", "native-test-libs/target/native"),
            "libisthmustest.so");
    private static final Ffi FFI = Ffi.create();
    private static final MethodHandle RAW_ADD;
    private static final MethodHandle RAW_STRLEN;
    private static final MethodHandle ISTHMUS_ADD;
    private static final MethodHandle ISTHMUS_STRLEN;
    private static final NativeFunction GENERIC_ADD;
    private static final NativeFunction GENERIC_STRLEN;
    private static final dev.isthmus.ffi.ctypes.CFunction CTYPES_ADD;
    private static final dev.isthmus.ffi.ctypes.CFunction CTYPES_STRLEN;

    static {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
        RAW_ADD = linker.downcallHandle(lib.find("it_add").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        RAW_STRLEN = linker.downcallHandle(linker.defaultLookup().find("strlen").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        FFI.cdef("int it_add(int a, int b); size_t strlen(const char *s);");
        GENERIC_ADD = FFI.load(LIBRARY.toString()).function("it_add");
        GENERIC_STRLEN = FFI.C().function("strlen");
        ISTHMUS_ADD = GENERIC_ADD.handle();
        ISTHMUS_STRLEN = GENERIC_STRLEN.handle();
        CTYPES_ADD = new dev.isthmus.ffi.ctypes.CDLL(LIBRARY.toString()).get("it_add")
                .argtypes(dev.isthmus.ffi.ctypes.CTypes.c_int, dev.isthmus.ffi.ctypes.CTypes.c_int)
                .restype(dev.isthmus.ffi.ctypes.CTypes.c_int);
        CTYPES_STRLEN = new dev.isthmus.ffi.ctypes.CDLL(null).get("strlen")
                .argtypes(dev.isthmus.ffi.ctypes.CTypes.c_void_p).restype(dev.isthmus.ffi.ctypes.CTypes.c_size_t);
    }

    private int a = 20;
    private int b = 22;
    private Arena arena;
    private MemorySegment text;
    private com.sun.jna.Pointer jnaText;

    @Setup
    public void allocate() {
        arena = Arena.ofShared();
        text = arena.allocateFrom("the quick brown fox jumps over the lazy dog");
        jnaText = new com.sun.jna.Pointer(text.address());
    }

    @TearDown
    public void free() {
        arena.close();
    }

    @Benchmark
    public int addRawPanama() throws Throwable {
        return (int) RAW_ADD.invokeExact(a, b);
    }

    @Benchmark
    public int addIsthmusExactHandle() throws Throwable {
        return (int) ISTHMUS_ADD.invokeExact(a, b);
    }

    @Benchmark
    public Object addIsthmusGenericInvoke() {
        return GENERIC_ADD.invoke(a, b);
    }

    @Benchmark
    public int addJnaDirect() {
        return JnaDirect.TestLibrary.it_add(a, b);
    }

    @Benchmark
    public long strlenJnaDirect() {
        return JnaDirect.C.strlen(jnaText);
    }

    @Benchmark
    public Object addCtypesReflective() {
        return CTYPES_ADD.call(a, b);
    }

    @Benchmark
    public Object strlenCtypesReflective() {
        return CTYPES_STRLEN.call(text);
    }

    @Benchmark
    public long strlenRawPanama() throws Throwable {
        return (long) RAW_STRLEN.invokeExact(text);
    }

    @Benchmark
    public long strlenIsthmusExactHandle() throws Throwable {
        return (long) ISTHMUS_STRLEN.invokeExact(text);
    }

    @Benchmark
    public Object strlenIsthmusGenericInvoke() {
        return GENERIC_STRLEN.invoke(text);
    }
}
