package dev.isthmus.ffi;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.abi.Abi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point, in the spirit of LuaJIT's {@code ffi} module: declare C with
 * {@link #cdef}, reach functions through {@link #C()} or a {@link #load}ed library.
 *
 * <pre>{@code
 * Ffi ffi = Ffi.create();
 * ffi.cdef("int unlink(const char *pathname);");
 * ffi.C().function("unlink").invoke("garbagefile");
 * }</pre>
 *
 * <p>Declarations accumulate in one {@link CScope} under the host ABI. Downcall handles
 * are created once per (address, descriptor, options) and shared. Thread-safe for calls;
 * {@code cdef} is meant to be called from one thread at a time.
 */
public final class Ffi {
    private final CScope scope;
    private final ForeignLayouts layouts;
    private final ValueConversion conversion;
    private final Linker linker = Linker.nativeLinker();
    private final Map<HandleKey, MethodHandle> handles = new ConcurrentHashMap<>();
    private final Map<String, NativeLibrary> libraries = new ConcurrentHashMap<>();
    private final NativeLibrary defaultNamespace;
    private final ErrnoCapture errno;

    private record HandleKey(long address, FunctionDescriptor descriptor, List<Linker.Option> options) {
    }

    private Ffi(Abi abi) {
        this.scope = CScope.create(abi);
        scope.declare(predefinedTypes(abi), "<ffi>");
        this.layouts = new ForeignLayouts(abi);
        this.conversion = new ValueConversion(abi);
        this.errno = new ErrnoCapture(linker);
        SymbolLookup c = linker.defaultLookup();
        SymbolLookup withMath = c.or(LibraryResolver.resolve("m", Arena.global()).lookup());
        this.defaultNamespace = new NativeLibrary("C", withMath.or(SymbolLookup.loaderLookup()), this);
    }

    /**
     * The typedefs LuaJIT's FFI predefines, so pasted declarations can use them without
     * their headers: the {@code <stdint.h>} exact-width types, {@code size_t},
     * {@code ptrdiff_t}, {@code intptr_t}, {@code wchar_t}, {@code va_list} and {@code bool}.
     */
    private static String predefinedTypes(Abi abi) {
        String pointerSized = abi.pointerDifferenceType().spelling();
        String int64 = abi.sizeOf(dev.isthmus.cparser.type.Primitive.LONG) == 8 ? "long" : "long long";
        return String.join("\n",
                "typedef signed char int8_t; typedef short int16_t; typedef int int32_t; typedef " + int64 + " int64_t;",
                "typedef unsigned char uint8_t; typedef unsigned short uint16_t; typedef unsigned int uint32_t;",
                "typedef unsigned " + int64 + " uint64_t;",
                "typedef " + pointerSized + " intptr_t; typedef unsigned " + pointerSized + " uintptr_t;",
                "typedef " + pointerSized + " ptrdiff_t; typedef " + abi.sizeType().spelling() + " size_t;",
                "typedef " + pointerSized + " ssize_t;",
                "typedef " + abi.wideCharType().spelling() + " wchar_t;",
                "typedef __builtin_va_list va_list; typedef __builtin_va_list __gnuc_va_list; typedef _Bool bool;");
    }

    /** An FFI for the platform this JVM runs on. */
    public static Ffi create() {
        return new Ffi(Abi.host());
    }

    /** Declares C (types, functions, variables, constants); returns what was declared. */
    public List<Declaration> cdef(String declarations) {
        return scope.declare(declarations, "cdef");
    }

    /** The default namespace: the C library, libm and the process, like LuaJIT's {@code ffi.C}. */
    public NativeLibrary C() {
        return defaultNamespace;
    }

    /**
     * Loads a library by short name ({@code z}, {@code sqlite3}, {@code m}), soname
     * ({@code libz.so.1}) or path; loading the same name again returns the same library.
     * Throws {@link IllegalArgumentException} listing what was tried when none loads.
     */
    public NativeLibrary load(String name) {
        if (name.equals("c") || name.equals("C")) {
            return defaultNamespace;
        }
        return libraries.computeIfAbsent(name, n -> {
            LibraryResolver.Resolved resolved = LibraryResolver.resolve(n, Arena.global());
            return new NativeLibrary(resolved.description(), resolved.lookup(), this);
        });
    }

    public CScope scope() {
        return scope;
    }

    public ForeignLayouts layouts() {
        return layouts;
    }

    /** What C left in {@code errno} at the end of this thread's last {@code invoke}, like {@code ffi.errno()}. */
    public int errno() {
        return errno.get();
    }

    /** Sets errno (the remembered value and C's); returns the previous value, like {@code ffi.errno(n)}. */
    public int errno(int value) {
        return errno.set(value);
    }

    ErrnoCapture errnoCapture() {
        return errno;
    }

    ValueConversion conversion() {
        return conversion;
    }

    /** The downcall handle for an address and descriptor, created once and shared. */
    MethodHandle downcall(MemorySegment address, FunctionDescriptor descriptor, Linker.Option... options) {
        return handles.computeIfAbsent(new HandleKey(address.address(), descriptor, List.of(options)),
                key -> linker.downcallHandle(address, descriptor, options));
    }
}
