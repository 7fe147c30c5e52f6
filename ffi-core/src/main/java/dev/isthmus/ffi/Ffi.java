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
    /** Callbacks not yet freed: C may hold their pointers, so they stay reachable. */
    private final java.util.Set<Callback> liveCallbacks = ConcurrentHashMap.newKeySet();

    private final Map<AccessorKey, Accessor> accessors = new ConcurrentHashMap<>();

    private record AccessorKey(dev.isthmus.cparser.type.CType type, String path) {
    }

    private record HandleKey(long address, FunctionDescriptor descriptor, List<Linker.Option> options) {
    }

    private Ffi(Abi abi, dev.isthmus.cparser.DeclarationRules rules) {
        this.scope = CScope.create(abi, rules);
        scope.declare(predefinedTypes(abi), "<ffi>");
        this.layouts = new ForeignLayouts(abi);
        this.conversion = new ValueConversion(abi, this::implicitCallback, this::initializedTemporary);
        this.errno = new ErrnoCapture(linker);
        this.defaultNamespace = new NativeLibrary("C", defaultNamespaceLookup(), this);
    }

    /**
     * The symbols of the default namespace, what {@link #C()} and {@code load("c")} find: the
     * C library, libm and the process itself. For code that binds symbols its own way (the
     * ctypes path).
     */
    public static SymbolLookup defaultNamespaceLookup() {
        SymbolLookup c = Linker.nativeLinker().defaultLookup();
        SymbolLookup withMath = c.or(LibraryResolver.resolve("m", Arena.global()).lookup());
        return withMath.or(SymbolLookup.loaderLookup());
    }

    /**
     * The symbols of a library found by the names {@link #load} takes (short name, soname or
     * path; {@code c} is the default namespace), loaded for the life of the process. Throws
     * {@link LibraryNotFoundException} listing what was tried. For code that binds symbols
     * its own way (the ctypes path).
     */
    public static SymbolLookup libraryLookup(String name) {
        if (name.equals("c") || name.equals("C")) {
            return defaultNamespaceLookup();
        }
        return LibraryResolver.resolve(name, Arena.global()).lookup();
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

    /** An FFI for the platform this JVM runs on, declarations checked by C's rules. */
    public static Ffi create() {
        return create(dev.isthmus.cparser.DeclarationRules.C);
    }

    /** An FFI for the platform this JVM runs on, redeclarations handled by {@code rules} (LuaJIT's for a Lua VM). */
    public static Ffi create(dev.isthmus.cparser.DeclarationRules rules) {
        return new Ffi(Abi.host(), rules);
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

    /** The declarations made so far with {@link #cdef} (and LuaJIT's predefined typedefs). */
    public CScope scope() {
        return scope;
    }

    /** The FFM layouts and function descriptors of this instance's C types. */
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

    /** The calling thread's errno state, whose addresses {@link NativeFunction#callingHandleAt()} takes. */
    public ThreadErrno threadErrno() {
        return errno.current();
    }

    // ---- Typed memory -----------------------------------------------------------------------------

    /**
     * A new zero-filled object of a C type, owned by the garbage collector (freed when the
     * CData and every segment taken from it are unreachable), like LuaJIT's {@code ffi.new}.
     * For a variable-length array {@code T[?]}, the first of {@code init} is the element
     * count. The remaining {@code init} values are the object's initializer list as C has
     * it: nested lists ({@link java.util.List} or {@code Object[]}) for inner braces, brace
     * elision, a union's first member, strings for {@code char} arrays (see InitializerList).
     */
    public CData newCData(String typeName, Object... init) {
        return newCData(java.lang.foreign.Arena.ofAuto(), typeName, init);
    }

    /** As {@link #newCData(String, Object...)}, in an arena: the memory lives until the arena closes. */
    public CData newCData(java.lang.foreign.Arena arena, String typeName, Object... init) {
        return newCData(arena, scope.parseType(typeName), init);
    }

    /** As {@link #newCData(java.lang.foreign.Arena, String, Object...)}, for a type already parsed. */
    public CData newCData(java.lang.foreign.Arena arena, dev.isthmus.cparser.type.CType type, Object... init) {
        int first = 0;
        long byteSize;
        long alignment;
        if (ValueConversion.plain(type) instanceof dev.isthmus.cparser.type.CType.Array a
                && a.kind() != dev.isthmus.cparser.type.CType.ArrayKind.FIXED) {
            if (init.length == 0 || !(init[0] instanceof Number count) || count.longValue() < 0) {
                // Rendered only here: ffi.new's hot path makes no garbage for a message it does not raise.
                throw new IllegalArgumentException("'" + dev.isthmus.cparser.type.TypeRenderer.render(type)
                        + "' needs an element count as its first initializer");
            }
            byteSize = variableByteSize(type, count.longValue());
            alignment = layouts.layoutOf(a.element()).byteAlignment();
            type = dev.isthmus.cparser.type.CType.arrayOf(a.element(), count.longValue());
            first = 1;
        } else if (flexibleArrayElement(type).isPresent() && init.length > 0 && init[0] instanceof Number count) {
            byteSize = variableByteSize(type, count.longValue());
            alignment = layouts.layoutOf(type).byteAlignment();
            first = 1;
        } else {
            var layout = layouts.layoutOf(type);
            byteSize = layout.byteSize();
            alignment = layout.byteAlignment();
        }
        CData data = new CData(this, type, arena.allocate(byteSize, alignment));
        if (first < init.length) {
            initialize(data, java.util.Arrays.copyOfRange(init, first, init.length));
        }
        return data;
    }

    /**
     * The size of a variable-length array ({@code T[?]}, {@code T[]}) or of a struct ending in
     * a flexible array member with {@code count} elements; the struct, as in LuaJIT, ends
     * where its last element does, with no tail padding after it. The size of any other type
     * ignores the count. Throws {@link ArithmeticException} when the size overflows a long.
     */
    public long variableByteSize(dev.isthmus.cparser.type.CType type, long count) {
        if (ValueConversion.plain(type) instanceof dev.isthmus.cparser.type.CType.Array a
                && a.kind() != dev.isthmus.cparser.type.CType.ArrayKind.FIXED) {
            return Math.multiplyExact(layouts.layoutOf(a.element()).byteSize(), count);
        }
        var element = flexibleArrayElement(type);
        if (element.isEmpty()) {
            return layouts.layoutOf(type).byteSize();
        }
        long end = Math.addExact(layouts.abi().offsetOf(type, lastMemberName(type)),
                Math.multiplyExact(layouts.layoutOf(element.get()).byteSize(), count));
        return Math.max(layouts.layoutOf(type).byteSize(), end);
    }

    /** The element type of a struct's trailing flexible array member ({@code T x[]} or {@code T x[?]}), if any. */
    private static java.util.Optional<dev.isthmus.cparser.type.CType> flexibleArrayElement(dev.isthmus.cparser.type.CType type) {
        if (ValueConversion.plain(type) instanceof dev.isthmus.cparser.type.RecordType r && r.isComplete()
                && !r.body().members().isEmpty()
                && ValueConversion.plain(r.body().members().getLast().type()) instanceof dev.isthmus.cparser.type.CType.Array a
                && a.kind() != dev.isthmus.cparser.type.CType.ArrayKind.FIXED) {
            return java.util.Optional.of(a.element());
        }
        return java.util.Optional.empty();
    }

    private static String lastMemberName(dev.isthmus.cparser.type.CType type) {
        var r = (dev.isthmus.cparser.type.RecordType) ValueConversion.plain(type);
        return r.body().members().getLast().name().orElseThrow();
    }

    /** Zeroed memory from {@code temporaries} holding an object of {@code type} initialized from {@code values}. */
    private MemorySegment initializedTemporary(dev.isthmus.cparser.type.CType type, Object[] values,
                                               java.lang.foreign.SegmentAllocator temporaries) {
        var layout = layouts.layoutOf(type);
        MemorySegment memory = temporaries.allocate(layout.byteSize(), layout.byteAlignment());
        memory.fill((byte) 0);
        initialize(new CData(this, type, memory), values);
        return memory;
    }

    private void initialize(CData data, Object[] values) {
        if (values.length > 0) {
            InitializerList.apply(this, data, values);
        }
    }

    /** {@code sizeof(typeName)} under this FFI's ABI. */
    public long sizeof(String typeName) {
        return scope.sizeOf(typeName);
    }

    /** {@code _Alignof(typeName)} under this instance's ABI. */
    public long alignof(String typeName) {
        return scope.alignOf(typeName);
    }

    /** {@code offsetof(typeName, path)}, paths like {@code a.b[2].c}. */
    public long offsetof(String typeName, String path) {
        return scope.offsetOf(typeName, path);
    }

    /** The C type a type name denotes in this instance's scope ({@code ffi.typeof} without the cdata). */
    public dev.isthmus.cparser.type.CType typeof(String typeName) {
        return scope.parseType(typeName);
    }

    /** Whether a cdata is of the type, ignoring top-level qualifiers, like {@code ffi.istype}. */
    public boolean istype(String typeName, CData data) {
        return ValueConversion.plain(scope.parseType(typeName)).equals(ValueConversion.plain(data.type()));
    }

    /**
     * {@code ffi.copy(dst, src, len)}: copies {@code byteCount} bytes from {@code src}
     * (a cdata, a segment, a {@code byte[]} or a {@code String}'s UTF-8 bytes) to where
     * {@code dst} points. Bounds of known extents are checked.
     */
    public void copy(Object dst, Object src, long byteCount) {
        MemorySegment from = switch (src) {
            case String s -> MemorySegment.ofArray(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case byte[] b -> MemorySegment.ofArray(b);
            default -> target(src, byteCount);
        };
        target(dst, byteCount).copyFrom(from.asSlice(0, byteCount));
    }

    /** {@code ffi.fill(dst, len, c)}: sets {@code byteCount} bytes at {@code dst} to {@code value}. */
    public void fill(Object dst, long byteCount, int value) {
        target(dst, byteCount).fill((byte) value);
    }

    /** The memory a cdata or segment designates, {@code byteCount} long (pointers reach what they point to). */
    private static MemorySegment target(Object where, long byteCount) {
        return switch (where) {
            case CData c -> {
                MemorySegment m = c.address();
                yield ValueConversion.plain(c.type()) instanceof dev.isthmus.cparser.type.CType.Pointer
                        ? m.reinterpret(byteCount) : m.asSlice(0, byteCount);
            }
            case MemorySegment m -> m.byteSize() == 0 ? m.reinterpret(byteCount) : m.asSlice(0, byteCount);
            default -> throw new IllegalArgumentException("cannot copy to or from " + where.getClass().getName());
        };
    }

    /** A view of existing memory as a C type ({@code ffi.cast} for pointers: the segment holds the object). */
    public CData view(String typeName, MemorySegment memory) {
        return view(scope.parseType(typeName), memory);
    }

    /** A view of existing memory as a C type already parsed; the segment keeps its own extent when it is larger. */
    public CData view(dev.isthmus.cparser.type.CType type, MemorySegment memory) {
        long size = layouts.layoutOf(type).byteSize();
        return new CData(this, type, memory.byteSize() >= size ? memory : memory.reinterpret(size));
    }

    /** A pointer cdata holding an address, like {@code ffi.cast("int *", address)}. */
    public CData cast(String pointerTypeName, MemorySegment address) {
        if (!(ValueConversion.plain(scope.parseType(pointerTypeName)) instanceof dev.isthmus.cparser.type.CType.Pointer p)) {
            throw new IllegalArgumentException("'" + pointerTypeName + "' is not a pointer type");
        }
        return pointer(p, address);
    }

    /**
     * A callable function at an address, such as a function pointer read from memory or
     * returned by C; {@code name} is only for messages. Handles are cached per address and
     * signature like a named function's.
     */
    public NativeFunction functionAt(String name, dev.isthmus.cparser.type.CType.Function type, MemorySegment address) {
        return new NativeFunction(name, "0x" + Long.toHexString(address.address()), type, address, this, CallOptions.DEFAULT);
    }

    /** A pointer cdata of a pointer type already parsed, holding {@code address}. */
    public CData pointer(dev.isthmus.cparser.type.CType.Pointer type, MemorySegment address) {
        return CData.ofPointer(this, type, address);
    }

    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

    /**
     * Attaches a finalizer to a cdata, like LuaJIT's {@code ffi.gc}: when the CData becomes
     * unreachable, {@code finalizer} runs once, on a cleaner thread, with the address the
     * cdata held (for a pointer, the pointer's value), typically to free memory C allocated.
     * The finalizer must not refer to the CData itself, or it would keep it reachable.
     * Returns the registration; {@code clean()} runs the finalizer early (once).
     */
    public java.lang.ref.Cleaner.Cleanable gc(CData data, java.util.function.Consumer<MemorySegment> finalizer) {
        MemorySegment address = data.address();
        return CLEANER.register(data, () -> finalizer.accept(address));
    }

    // ---- Callbacks --------------------------------------------------------------------------------

    /**
     * A C function pointer of the given function or function-pointer type calling
     * {@code handler} with the converted arguments; see {@link Callback} for lifetime and
     * exceptions.
     */
    public Callback callback(String typeName, java.util.function.Function<Object[], Object> handler) {
        return callback(scope.parseType(typeName), handler);
    }

    /** As {@link #callback(String, java.util.function.Function)}, for a type already parsed. */
    public Callback callback(dev.isthmus.cparser.type.CType callbackType, java.util.function.Function<Object[], Object> handler) {
        Callback callback = new Callback(this, callbackFunctionType(callbackType), handler);
        liveCallbacks.add(callback);
        return callback;
    }

    /**
     * As {@link #callback(String, java.util.function.Function)}, with the handler's pointer
     * arguments as {@link CData} of their declared types (a {@code const struct tm *}
     * argument answers {@code get("tm_year")}) and struct or union arguments as {@code CData}
     * over their memory, valid while the callback runs; other arguments are as the
     * conversion table gives them.
     */
    public Callback typedCallback(String typeName, java.util.function.Function<Object[], Object> handler) {
        Callback callback = new Callback(this, callbackFunctionType(scope.parseType(typeName)), handler, null, true);
        liveCallbacks.add(callback);
        return callback;
    }

    /**
     * A C function pointer whose stub calls {@code target} with the C arguments as their
     * carriers and returns its result to C, with no conversion in between: for language
     * runtimes that build their own conversions with {@link java.lang.invoke.MethodHandles}
     * combinators. {@code target} must have {@link #callbackCarrierType} of the type;
     * exceptions and lifetime are as for handlers ({@link Callback}).
     */
    public Callback callback(dev.isthmus.cparser.type.CType callbackType, MethodHandle target) {
        return callback(callbackType, target, false);
    }

    /**
     * As {@link #callback(dev.isthmus.cparser.type.CType, MethodHandle)}; with
     * {@code pointersAsAddresses}, {@code target} takes each pointer argument as its address,
     * a {@code long} ({@link #callbackCarrierType(dev.isthmus.cparser.type.CType, boolean)}):
     * no segment is made for it, whatever the JIT compiler inlines.
     */
    public Callback callback(dev.isthmus.cparser.type.CType callbackType, MethodHandle target, boolean pointersAsAddresses) {
        Callback callback = new Callback(this, callbackFunctionType(callbackType), null, target, false, pointersAsAddresses);
        liveCallbacks.add(callback);
        return callback;
    }

    /** The method type a callback target of this function or function-pointer type must have. */
    public java.lang.invoke.MethodType callbackCarrierType(dev.isthmus.cparser.type.CType callbackType) {
        return callbackCarrierType(callbackType, false);
    }

    /** As {@link #callbackCarrierType(dev.isthmus.cparser.type.CType)}, with pointer arguments as {@code long} addresses when asked. */
    public java.lang.invoke.MethodType callbackCarrierType(dev.isthmus.cparser.type.CType callbackType, boolean pointersAsAddresses) {
        return Callback.descriptorOf(this, callbackFunctionType(callbackType), pointersAsAddresses).toMethodType();
    }

    private dev.isthmus.cparser.type.CType.Function callbackFunctionType(dev.isthmus.cparser.type.CType callbackType) {
        String typeName = dev.isthmus.cparser.type.TypeRenderer.render(callbackType);
        dev.isthmus.cparser.type.CType type = ValueConversion.plain(callbackType);
        if (type instanceof dev.isthmus.cparser.type.CType.Pointer p) {
            type = ValueConversion.plain(p.target());
        }
        if (!(type instanceof dev.isthmus.cparser.type.CType.Function function) || function.isVariadic()) {
            throw new IllegalArgumentException("'" + typeName + "' is not a non-variadic function or function pointer type");
        }
        return function;
    }

    private Callback implicitCallback(dev.isthmus.cparser.type.CType.Function type, java.util.function.Function<Object[], Object> handler) {
        Callback callback = new Callback(this, type, handler);
        liveCallbacks.add(callback);
        return callback;
    }

    void forget(Callback callback) {
        liveCallbacks.remove(callback);
    }

    /** Freed callbacks' slots by descriptor, waiting for the next callback of that descriptor. */
    private final Map<FunctionDescriptor, java.util.ArrayDeque<CallbackSlot>> freeSlots = new java.util.HashMap<>();

    /** A stub for a new callback: a freed one of the same descriptor when there is one, else a new one. */
    CallbackSlot callbackSlot(FunctionDescriptor descriptor) {
        synchronized (freeSlots) {
            java.util.ArrayDeque<CallbackSlot> free = freeSlots.get(descriptor);
            CallbackSlot slot = free == null ? null : free.poll();
            if (slot != null) {
                return slot;
            }
        }
        return new CallbackSlot(linker, descriptor);
    }

    /**
     * Takes back a freed callback's slot: its stub now refuses calls, and the next callback of its descriptor
     * reuses it.
     */
    void retire(CallbackSlot slot) {
        slot.retire();
        synchronized (freeSlots) {
            freeSlots.computeIfAbsent(slot.descriptor(), d -> new java.util.ArrayDeque<>()).push(slot);
        }
    }

    Linker linker() {
        return linker;
    }

    /** A member path of a type resolved once, for fast repeated access ({@link FieldAccess}). */
    public FieldAccess fieldAccess(String typeName, String path) {
        return fieldAccess(scope.parseType(typeName), path);
    }

    /** As {@link #fieldAccess(String, String)}, for a type already parsed. */
    public FieldAccess fieldAccess(dev.isthmus.cparser.type.CType type, String path) {
        return new FieldAccess(this, type, path, accessor(type, path));
    }

    /** The resolved member path of a type, cached. */
    Accessor accessor(dev.isthmus.cparser.type.CType type, String path) {
        AccessorKey key = new AccessorKey(type, path);
        Accessor cached = accessors.get(key);
        if (cached != null) {
            return cached;
        }
        Accessor resolved = Accessor.resolve(layouts.abi(), type, path);
        accessors.putIfAbsent(key, resolved);
        return resolved;
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
