package dev.isthmus.ffi.ctypes;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.util.HashMap;
import java.util.Map;

/**
 * ctypes' {@code CDLL}: a loaded library whose functions are looked up by name
 * ({@code libc.strlen} in Python, {@code libc.get("strlen")} here), each returned object
 * cached so its argtypes and restype stick. {@code null} as the name means the process and
 * the C library, like {@code CDLL(None)}.
 */
public final class CDLL {
    private final String name;
    private final SymbolLookup lookup;
    private final Map<String, CFunction> functions = new HashMap<>();

    public CDLL(String name) {
        this.name = name;
        this.lookup = name == null
                ? Linker.nativeLinker().defaultLookup().or(SymbolLookup.loaderLookup())
                : SymbolLookup.libraryLookup(name, Arena.global());
    }

    /** The function {@code symbol}; an {@code AttributeError}-like exception when the library lacks it. */
    public synchronized CFunction get(String symbol) {
        return functions.computeIfAbsent(symbol, s -> new CFunction(s, lookup.find(s).orElseThrow(() ->
                new IllegalArgumentException(name + ": undefined symbol: " + s))));
    }

    @Override
    public String toString() {
        return "<CDLL '" + name + "'>";
    }
}
