package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code require} and the {@code package} table (Lua 5.1 manual 5.3): {@code package.loaders} searched in turn. */
public final class PackageLibrary {
    private static final LuaString LOADED = LuaString.of("loaded");
    private static final LuaString PRELOAD = LuaString.of("preload");
    private static final LuaString PATH = LuaString.of("path");

    private final LuaRuntime runtime;
    private final LuaTable packageTable;

    private PackageLibrary(LuaRuntime runtime, LuaTable packageTable) {
        this.runtime = runtime;
        this.packageTable = packageTable;
    }

    /** Opens the library; {@code LUA_PATH} and {@code LUA_CPATH} in {@code environment} set the search paths. */
    public static LuaTable install(LuaRuntime runtime, Map<String, String> environment) {
        LuaTable pkg = new LuaTable();
        PackageLibrary lib = new PackageLibrary(runtime, pkg);
        LuaTable loaded = new LuaTable();
        pkg.put(LOADED, loaded);
        pkg.put(PRELOAD, new LuaTable());
        pkg.put(PATH, searchPath(environment.get("LUA_PATH"), "./?.lua;./?/init.lua"));
        pkg.put(CPATH, searchPath(environment.get("LUA_CPATH"), ""));
        pkg.put(LOADERS, lib.loaders());
        pkg.put(LuaString.of("config"), LuaString.of("/\n;\n?\n!\n-"));
        runtime.globals().put(LuaString.of("package"), pkg);
        new LibraryTable(runtime.globals()).add("require", lib::require);
        new LibraryTable(pkg).add("searchpath", PackageLibrary::searchpath);
        ModuleFunctions.install(runtime, pkg, loaded);
        return pkg;
    }

    /** A search path from its variable, as loadlib.c's setpath: ";;" in it stands for the default. */
    private static LuaString searchPath(String variable, String defaultPath) {
        return LuaString.of(variable == null ? defaultPath : variable.replace(";;", ";" + defaultPath + ";"));
    }

    /** Registers an already-open library under {@code name} in {@code package.loaded}. */
    public static void registerLoaded(LuaRuntime runtime, String name, Object module) {
        LuaTable pkg = (LuaTable) runtime.globals().get(LuaString.of("package"));
        ((LuaTable) pkg.get(LOADED)).put(LuaString.of(name), module);
    }

    /**
     * Makes {@code name} a module that {@code require} opens on first use, through
     * {@code package.preload}: {@code open} makes the module's value.
     */
    public static void registerPreload(LuaRuntime runtime, String name, java.util.function.Supplier<Object> open) {
        LuaTable pkg = (LuaTable) runtime.globals().get(LuaString.of("package"));
        ((LuaTable) pkg.get(PRELOAD)).put(LuaString.of(name),
                new dev.isthmus.lua.runtime.JavaFunction(name, args -> LibraryTable.results(open.get())));
    }

    private static final LuaString LOADERS = LuaString.of("loaders");
    private static final LuaString CPATH = LuaString.of("cpath");
    /** What package.loaded holds for a module while it loads: finding it again is a loop (loadlib.c's sentinel). */
    static final Object LOADING = new LuaTable();

    /** The searchers of {@code package.loaders}, in LuaJIT's order: preload, Lua files, C files, C roots. */
    private LuaTable loaders() {
        LuaTable loaders = new LuaTable();
        loaders.put(1, new dev.isthmus.lua.runtime.JavaFunction("preload_loader", this::preloadSearcher));
        loaders.put(2, new dev.isthmus.lua.runtime.JavaFunction("lua_loader", this::luaSearcher));
        loaders.put(3, new dev.isthmus.lua.runtime.JavaFunction("c_loader", args -> cSearcher(args, false)));
        loaders.put(4, new dev.isthmus.lua.runtime.JavaFunction("croot_loader", args -> cSearcher(args, true)));
        return loaders;
    }

    /** {@code require} as Lua 5.1's loadlib.c does it: package.loaded, then each of package.loaders in turn. */
    private Object[] require(Object[] args) {
        LuaString name = new Arguments("require", args).checkString(0);
        LuaTable loaded = (LuaTable) packageTable.get(LOADED);
        Object existing = loaded.get(name);
        if (existing == LOADING) {
            throw new LuaError("loop or previous error loading module '" + name + "'");
        }
        if (existing != null) {
            return LibraryTable.results(existing);
        }
        if (!(packageTable.get(LOADERS) instanceof LuaTable loaders)) {
            throw new LuaError("'package.loaders' must be a table");
        }
        StringBuilder tried = new StringBuilder();
        Object loader = null;
        for (int i = 1; loader == null; i++) {
            Object searcher = loaders.get(i);
            if (searcher == null) {
                throw new LuaError("module '" + name + "' not found:" + tried);
            }
            Object found = dev.isthmus.lua.interp.LuaSemantics.first(runtime.semantics().call(searcher, new Object[] {name}));
            if (found instanceof LuaFunction) {
                loader = found;
            } else if (found instanceof LuaString || found instanceof Double) {
                tried.append(dev.isthmus.lua.interp.LuaSemantics.toLuaString(found));
            }
        }
        loaded.put(name, LOADING);
        Object result = dev.isthmus.lua.interp.LuaSemantics.first(runtime.semantics().call(loader, new Object[] {name}));
        if (result != null) {
            loaded.put(name, result);
        }
        if (loaded.get(name) == LOADING) {
            loaded.put(name, Boolean.TRUE);
        }
        return LibraryTable.results(loaded.get(name));
    }

    private Object[] preloadSearcher(Object[] args) {
        LuaString name = new Arguments("preload_loader", args).checkString(0);
        if (!(packageTable.get(PRELOAD) instanceof LuaTable preload)) {
            throw new LuaError("'package.preload' must be a table");
        }
        Object loader = preload.get(name);
        return LibraryTable.results(loader != null ? loader : LuaString.of("\n\tno field package.preload['" + name + "']"));
    }

    private Object[] luaSearcher(Object[] args) {
        LuaString name = new Arguments("lua_loader", args).checkString(0);
        StringBuilder tried = new StringBuilder();
        Path file = findFile(name.toString(), PATH, tried);
        if (file == null) {
            return LibraryTable.results(LuaString.of(tried.toString()));
        }
        String candidate = file.toString();
        try {
            return LibraryTable.results(runtime.load(Files.readAllBytes(file), candidate));
        } catch (IOException e) {
            throw loadError(name, candidate, "");
        } catch (LuaError e) {
            throw loadError(name, candidate, ":\n\t" + (e.value() instanceof LuaString s ? s.toString() : LuaType.of(e.value()).luaName()));
        }
    }

    /**
     * The C searchers look along {@code package.cpath} as LuaJIT's do (the root searcher for
     * the first part of a dotted name), so their "no file" lines read the same; a C module
     * found there cannot run on the JVM, which is reported as a load error.
     */
    private Object[] cSearcher(Object[] args, boolean root) {
        LuaString name = new Arguments(root ? "croot_loader" : "c_loader", args).checkString(0);
        String module = name.toString();
        if (root) {
            int dot = module.indexOf('.');
            if (dot < 0) {
                return LibraryTable.results((Object) null);
            }
            module = module.substring(0, dot);
        }
        StringBuilder tried = new StringBuilder();
        Path file = findFile(module, CPATH, tried);
        if (file == null) {
            return LibraryTable.results(LuaString.of(tried.toString()));
        }
        throw loadError(name, file.toString(), ":\n\tC modules (Lua C API libraries) do not run on the JVM");
    }

    /** The first readable file {@code package[field]}'s templates give for {@code name}, each miss added to {@code tried}. */
    private Path findFile(String name, LuaString field, StringBuilder tried) {
        Object pathValue = packageTable.get(field);
        if (!(pathValue instanceof LuaString path)) {
            throw new LuaError("'package." + field + "' must be a string");
        }
        return firstReadable(name, path.toString(), ".", "/", tried);
    }

    /**
     * {@code package.searchpath(name, path [, sep [, rep]])} (Lua 5.2's function, which LuaJIT
     * 2.1 has): the file the loaders would find, or nil and the list of files tried.
     */
    private static Object[] searchpath(Object[] args) {
        Arguments a = new Arguments("searchpath", args);
        String name = a.checkString(0).toString();
        String path = a.checkString(1).toString();
        String separator = a.optString(2, LuaString.of(".")).toString();
        String replacement = a.optString(3, LuaString.of("/")).toString();
        StringBuilder tried = new StringBuilder();
        Path file = firstReadable(name, path, separator, replacement, tried);
        return file != null ? LibraryTable.results(LuaString.of(file.toString()))
                : new Object[] {null, LuaString.of(tried.toString())};
    }

    /**
     * The first of {@code path}'s {@code ;}-separated templates that names a readable file once
     * its {@code ?} marks are replaced by {@code name} (with each {@code separator} in it made
     * {@code replacement}, as loadlib.c's {@code searchpath}); each miss is added to {@code tried}.
     * A name the file system cannot spell (a NUL byte in it) is a miss too.
     */
    private static Path firstReadable(String name, String path, String separator, String replacement, StringBuilder tried) {
        String fileName = separator.isEmpty() ? name : name.replace(separator, replacement);
        for (String template : path.split(";")) {
            if (template.isEmpty()) {
                continue;
            }
            String candidate = template.replace("?", fileName);
            if (isReadableFile(candidate)) {
                return Path.of(candidate);
            }
            tried.append("\n\tno file '").append(candidate).append("'");
        }
        return null;
    }

    private static boolean isReadableFile(String candidate) {
        try {
            Path p = Path.of(candidate);
            return Files.isReadable(p) && !Files.isDirectory(p);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * A module file that does not load. LuaJIT raises this from its file loader, a C function
     * called by {@code require}, so the message carries no {@code chunk:line:} of the script.
     */
    private static LuaError loadError(LuaString name, String file, String detail) {
        return LuaError.atLevel(LuaString.of("error loading module '" + name + "' from file '" + file + "'" + detail), 0);
    }
}
