package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.ffi.CData;
import dev.isthmus.ffi.NativeSymbolException;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaType;

import java.util.ArrayList;
import java.util.List;

/**
 * The C namespaces as Lua sees them ({@code ffi.C}, {@code ffi.load}'s results): declared
 * functions (cached per name), variables read and written in place, and constants.
 */
final class NamespaceOperations {
    private final FfiLibrary lib;
    /** Strings stored into C globals: kept forever, since C may keep the pointer. */
    private final List<Object> permanentAnchors = new ArrayList<>();

    NamespaceOperations(FfiLibrary lib) {
        this.lib = lib;
    }

    private static String key(Object k) {
        if (k instanceof LuaString s) {
            return s.toString();
        }
        throw new LuaError("bad argument #2 (string expected, got " + LuaType.of(k).luaName() + ")");
    }

    private final java.util.Map<Namespace, java.util.Map<String, Object>> namespaceCache = new java.util.HashMap<>();

    Object namespaceIndex(Namespace ns, Object key) {
        return namespaceIndex(ns, key(key));
    }

    void namespaceStore(Namespace ns, Object key, Object value) {
        namespaceStore(ns, key(key), value);
    }

    /** The function {@code key} names in {@code ns} if it was bound already, else null. */
    Object boundFunction(Namespace ns, Object key) {
        java.util.Map<String, Object> cache = namespaceCache.get(ns);
        return cache == null || !(key instanceof LuaString s) ? null : cache.get(s.toString());
    }

    private Object namespaceIndex(Namespace ns, String name) {
        java.util.Map<String, Object> cache = namespaceCache.computeIfAbsent(ns, n -> new java.util.HashMap<>());
        Object cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        var scope = lib.ffi().scope();
        if (scope.function(name).isPresent()) {
            NativeCall call = new NativeCall(lib, findFunction(ns, name));
            cache.put(name, call);
            return call;
        }
        var variable = scope.variable(name);
        if (variable.isPresent()) {
            CData data = variableData(ns, name, variable.get().type());
            CType p = CdataConversion.plain(data.type());
            return p instanceof RecordType || p instanceof CType.Array ? new Cdata.Memory(lib, data) : lib.conversion().toLua(data.get(), data.type());
        }
        var constant = scope.constant(name);
        if (constant.isPresent()) {
            return switch (constant.get().value()) {
                case dev.isthmus.cparser.ConstantValue.IntegerValue i -> (double) i.bits();
                case dev.isthmus.cparser.ConstantValue.FloatingValue f -> f.value();
                case dev.isthmus.cparser.ConstantValue.StringValue s -> LuaString.wrap(s.bytes());
            };
        }
        throw new LuaError("missing declaration for symbol '" + name + "'");
    }

    /** A declared function from the namespace's library; for {@code ffi.C}, also from libraries loaded as global. */
    private dev.isthmus.ffi.NativeFunction findFunction(Namespace ns, String name) {
        List<dev.isthmus.ffi.NativeLibrary> candidates = new ArrayList<>();
        candidates.add(ns.nativeLibrary());
        if (ns == lib.defaultNamespace()) {
            candidates.addAll(lib.globalLibraries());
        }
        for (dev.isthmus.ffi.NativeLibrary library : candidates) {
            try {
                return library.function(name);
            } catch (NativeSymbolException e) {
                // Not in this library: try the next one.
            } catch (IllegalArgumentException e) {
                throw new LuaError(e.getMessage());
            }
        }
        // Declared but in no library: the dynamic linker's wording, as LuaJIT passes dlerror() on.
        throw new LuaError(ns.nativeLibrary().name() + ": undefined symbol: " + name);
    }

    private CData variableData(Namespace ns, String name, CType type) {
        try {
            return lib.ffi().view(type, ns.nativeLibrary().variable(name));
        } catch (NativeSymbolException e) {
            // Declared but in no library: the dynamic linker's wording, as for a function.
            throw new LuaError(ns.nativeLibrary().name() + ": undefined symbol: " + name);
        } catch (IllegalArgumentException e) {
            throw new LuaError(e.getMessage());
        }
    }

    private void namespaceStore(Namespace ns, String name, Object value) {
        var variable = lib.ffi().scope().variable(name);
        if (variable.isEmpty() && (lib.ffi().scope().function(name).isPresent() || lib.ffi().scope().constant(name).isPresent())) {
            // A function or constant is no place to store to (LuaJIT's clib __newindex).
            throw new LuaError("attempt to write to constant location");
        }
        if (variable.isEmpty()) {
            throw new LuaError("missing declaration for symbol '" + name + "'");
        }
        lib.initializer().store(variableData(ns, name, variable.get().type()), value, permanentAnchors);
    }

}
