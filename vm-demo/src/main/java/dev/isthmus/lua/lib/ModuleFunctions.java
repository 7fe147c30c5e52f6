package dev.isthmus.lua.lib;

import dev.isthmus.ffi.Ffi;
import dev.isthmus.ffi.LibraryNotFoundException;
import dev.isthmus.ffi.NativeLibrary;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

/**
 * Lua 5.1's module system beside {@code require} (manual 5.3, loadlib.c), which LuaJIT keeps:
 * {@code module(name, ...)}, {@code package.seeall} and {@code package.loadlib}.
 */
final class ModuleFunctions {
    private static final LuaString NAME = LuaString.of("_NAME");
    private static final LuaString M = LuaString.of("_M");
    private static final LuaString PACKAGE = LuaString.of("_PACKAGE");
    private static final LuaString INDEX = LuaString.of("__index");

    private final LuaRuntime runtime;
    private final LuaTable loaded;

    private ModuleFunctions(LuaRuntime runtime, LuaTable loaded) {
        this.runtime = runtime;
        this.loaded = loaded;
    }

    static void install(LuaRuntime runtime, LuaTable packageTable, LuaTable loaded) {
        ModuleFunctions f = new ModuleFunctions(runtime, loaded);
        new LibraryTable(runtime.globals()).add("module", f::module);
        new LibraryTable(packageTable)
                .add("seeall", f::seeall)
                .add("loadlib", ModuleFunctions::loadlib);
    }

    /**
     * {@code module(name, option...)}: the table {@code package.loaded[name]}, else the global
     * of that dotted name (made when missing), gets {@code _M}, {@code _NAME} and
     * {@code _PACKAGE} once, becomes the calling function's environment, and is passed to
     * each option in turn.
     */
    private Object[] module(Object[] args) {
        Arguments a = new Arguments("module", args);
        LuaString name = a.checkString(0);
        Object existing = loaded.get(name);
        LuaTable module;
        if (existing instanceof LuaTable t && existing != PackageLibrary.LOADING) {
            module = t;
        } else {
            module = findOrMakeTable(runtime.threadEnvironment(), name);
            loaded.put(name, module);
        }
        if (module.get(NAME) == null) {
            module.put(M, module);
            module.put(NAME, name);
            String text = name.toString();
            module.put(PACKAGE, LuaString.of(text.substring(0, text.lastIndexOf('.') + 1)));
        }
        LuaClosure caller = runtime.callStack().at(1);
        if (caller == null) {
            throw new LuaError("'module' not called from a Lua function");
        }
        caller.setEnvironment(module);
        for (int i = 1; i < args.length; i++) {
            runtime.semantics().call(args[i], new Object[] {module});
        }
        return LuaFunction.NONE;
    }

    /** luaL_findtable: each part of a dotted name a table inside the last, made where missing (raw access). */
    private static LuaTable findOrMakeTable(LuaTable root, LuaString dottedName) {
        LuaTable t = root;
        for (String part : dottedName.toString().split("\\.", -1)) {
            LuaString key = LuaString.of(part);
            Object next = t.get(key);
            if (next == null) {
                LuaTable made = new LuaTable();
                t.put(key, made);
                t = made;
            } else if (next instanceof LuaTable nested) {
                t = nested;
            } else {
                throw new LuaError("name conflict for module '" + dottedName + "'");
            }
        }
        return t;
    }

    /** {@code package.seeall(module)}: globals show through the module, by an {@code __index} on its metatable. */
    private Object[] seeall(Object[] args) {
        LuaTable module = new Arguments("seeall", args).checkTable(0);
        LuaTable meta = module.metatable();
        if (meta == null) {
            meta = new LuaTable();
            module.setMetatable(meta);
        }
        meta.put(INDEX, runtime.threadEnvironment());
        return LuaFunction.NONE;
    }

    /**
     * {@code package.loadlib(path, symbol)}: opens the library as Lua 5.1 does, by its path
     * as given, and answers {@code nil, message, "open"} when that fails. With {@code "*"}
     * the library is only loaded (its symbols become available to {@code ffi.C}-style lookups
     * that search the process). A symbol is a {@code lua_CFunction} of the Lua C API, which
     * cannot run on the JVM: {@code nil, message, "init"}, as for a missing symbol.
     */
    private static Object[] loadlib(Object[] args) {
        Arguments a = new Arguments("loadlib", args);
        String path = a.checkString(0).toString();
        String symbol = a.checkString(1).toString();
        NativeLibrary library;
        try {
            library = Ffi.create().load(path);
        } catch (LibraryNotFoundException e) {
            String reason = e.attempts().isEmpty() ? "cannot open shared object file" : e.attempts().getFirst().reason();
            return LibraryTable.results(null, LuaString.of(reason), LuaString.of("open"));
        }
        if (symbol.equals("*")) {
            return LibraryTable.results(Boolean.TRUE);
        }
        String message = library.find(symbol).isPresent()
                ? path + ": '" + symbol + "' is a Lua C API function, which cannot run on the JVM"
                : path + ": undefined symbol: " + symbol;
        return LibraryTable.results(null, LuaString.of(message), LuaString.of("init"));
    }
}
