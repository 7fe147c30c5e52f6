package dev.isthmus.ffi;

import dev.isthmus.cparser.Declaration;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded shared library (or the default namespace, like LuaJIT's {@code ffi.C}): finds
 * the functions declared in its {@link Ffi}'s scope by their symbol names, honouring
 * {@code asm("name")} redirects.
 */
public final class NativeLibrary {
    private final String name;
    private final SymbolLookup lookup;
    private final Ffi ffi;
    private final Map<String, NativeFunction> functions = new ConcurrentHashMap<>();

    NativeLibrary(String name, SymbolLookup lookup, Ffi ffi) {
        this.name = name;
        this.lookup = lookup;
        this.ffi = ffi;
    }

    /** What was loaded: the path or soname, or {@code C} for the default namespace. */
    public String name() {
        return name;
    }

    /** The address of a symbol, if the library has it. */
    public Optional<MemorySegment> find(String symbol) {
        return lookup.find(symbol);
    }

    /**
     * The declared function {@code name}, bound to this library. Throws
     * {@link IllegalArgumentException} when it was not declared, and
     * {@link NativeSymbolException} when the library lacks its symbol.
     */
    public NativeFunction function(String functionName) {
        NativeFunction cached = functions.get(functionName);
        if (cached != null) {
            return cached;
        }
        Declaration.Function declaration = ffi.scope().function(functionName).orElseThrow(() ->
                new IllegalArgumentException("'" + functionName + "' is not declared as a function; declare it with cdef first"));
        MemorySegment address = find(declaration.symbol())
                .orElseThrow(() -> new NativeSymbolException(declaration.symbol(), name));
        NativeFunction created = new NativeFunction(functionName, name, declaration.type(), address, ffi, CallOptions.of(declaration.annotations()));
        NativeFunction raced = functions.putIfAbsent(functionName, created);
        return raced != null ? raced : created;
    }

    /**
     * The memory of the declared variable {@code name} ({@code extern int x;}), sized to its
     * type (0 bytes for an incomplete array: {@code reinterpret} to the length you know).
     * Reads and writes go straight to the library's global.
     */
    public MemorySegment variable(String variableName) {
        Declaration.Variable declaration = ffi.scope().variable(variableName).orElseThrow(() ->
                new IllegalArgumentException("'" + variableName + "' is not declared as a variable; declare it with cdef first"));
        MemorySegment address = find(declaration.symbol())
                .orElseThrow(() -> new NativeSymbolException(declaration.symbol(), name));
        long size = ffi.layouts().layoutOf(declaration.type()).byteSize();
        return address.reinterpret(size);
    }

    @Override
    public String toString() {
        return "library " + name;
    }
}
