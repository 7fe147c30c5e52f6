package dev.isthmus.ffi.ctypes;

import dev.isthmus.ffi.Ffi;

import java.lang.foreign.SymbolLookup;
import java.util.HashMap;
import java.util.Map;

/**
 * ctypes' {@code CDLL}: a loaded library whose functions are looked up by name
 * ({@code libc.strlen} in Python, {@code libc.get("strlen")} here), each returned object
 * cached so its argtypes and restype stick. The name is found as {@link Ffi#load} finds
 * it: a short name ({@code c}, {@code m}, {@code z}), a soname ({@code libz.so.1}) or a
 * path, with {@link dev.isthmus.ffi.LibraryNotFoundException} listing what was tried
 * (Python raises {@code OSError}). {@code null}, like {@code CDLL(None)}, is the process:
 * the program, the C library and libm.
 */
public final class CDLL {
    /** How {@code CDLL(None)} names itself, in messages and {@link #toString()}. */
    static final String PROCESS = "None (the process)";

    private final String name;
    private final SymbolLookup lookup;
    private final Map<String, CFunction> functions = new HashMap<>();

    /** Loads {@code name} (see the class comment); {@code null} is the process. */
    public CDLL(String name) {
        this.name = name == null ? PROCESS : name;
        this.lookup = name == null ? Ffi.defaultNamespaceLookup() : Ffi.libraryLookup(name);
    }

    /** The name given, or {@code None (the process)} for {@code CDLL(null)}. */
    public String name() {
        return name;
    }

    /** The function {@code symbol}; an {@code AttributeError}-like exception when the library lacks it. */
    public synchronized CFunction get(String symbol) {
        return functions.computeIfAbsent(symbol, s -> new CFunction(s, lookup.find(s).orElseThrow(() ->
                new IllegalArgumentException("AttributeError: " + name + ": undefined symbol: " + s))));
    }

    @Override
    public String toString() {
        return "<CDLL '" + name + "'>";
    }
}
