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

/** {@code require} and the {@code package} table (Lua 5.1 manual 5.3): preload, then {@code package.path}. */
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

    public static LuaTable install(LuaRuntime runtime) {
        LuaTable pkg = new LuaTable();
        PackageLibrary lib = new PackageLibrary(runtime, pkg);
        LuaTable loaded = new LuaTable();
        pkg.put(LOADED, loaded);
        pkg.put(PRELOAD, new LuaTable());
        String envPath = System.getenv("LUA_PATH");
        String path = "./?.lua;./?/init.lua";
        pkg.put(PATH, LuaString.of(envPath == null ? path : envPath.replace(";;", ";" + path + ";")));
        pkg.put(LuaString.of("cpath"), LuaString.EMPTY);
        pkg.put(LuaString.of("config"), LuaString.of("/\n;\n?\n!\n-"));
        runtime.globals().put(LuaString.of("package"), pkg);
        new LibraryTable(runtime.globals()).add("require", lib::require);
        return pkg;
    }

    /** Registers an already-open library under {@code name} in {@code package.loaded}. */
    public static void registerLoaded(LuaRuntime runtime, String name, Object module) {
        LuaTable pkg = (LuaTable) runtime.globals().get(LuaString.of("package"));
        ((LuaTable) pkg.get(LOADED)).put(LuaString.of(name), module);
    }

    private Object[] require(Object[] args) {
        LuaString name = new Arguments("require", args).checkString(0);
        LuaTable loaded = (LuaTable) packageTable.get(LOADED);
        Object existing = loaded.get(name);
        if (existing != null) {
            return LibraryTable.results(existing);
        }
        StringBuilder tried = new StringBuilder();
        Object loader = ((LuaTable) packageTable.get(PRELOAD)).get(name);
        if (loader == null) {
            tried.append("\n\tno field package.preload['").append(name).append("']");
            loader = searchPath(name, tried);
        }
        if (loader == null) {
            throw new LuaError("module '" + name + "' not found:" + tried);
        }
        Object result = dev.isthmus.lua.interp.LuaSemantics.first(runtime.semantics().call(loader, new Object[] {name}));
        if (result != null) {
            loaded.put(name, result);
        }
        if (loaded.get(name) == null) {
            loaded.put(name, Boolean.TRUE);
        }
        return LibraryTable.results(loaded.get(name));
    }

    private LuaFunction searchPath(LuaString name, StringBuilder tried) {
        Object pathValue = packageTable.get(PATH);
        if (!(pathValue instanceof LuaString path)) {
            throw new LuaError("'package.path' must be a string");
        }
        String fileName = name.toString().replace('.', '/');
        for (String template : path.toString().split(";")) {
            if (template.isEmpty()) {
                continue;
            }
            String candidate = template.replace("?", fileName);
            Path p = Path.of(candidate);
            if (Files.isReadable(p) && !Files.isDirectory(p)) {
                try {
                    return runtime.load(Files.readAllBytes(p), candidate);
                } catch (IOException e) {
                    throw loadError(name, candidate, "");
                } catch (LuaError e) {
                    throw loadError(name, candidate, ":\n\t" + (e.value() instanceof LuaString s ? s.toString() : LuaType.of(e.value()).luaName()));
                }
            }
            tried.append("\n\tno file '").append(candidate).append("'");
        }
        return null;
    }

    /**
     * A module file that does not load. LuaJIT raises this from its file loader, a C function
     * called by {@code require}, so the message carries no {@code chunk:line:} of the script.
     */
    private static LuaError loadError(LuaString name, String file, String detail) {
        return LuaError.atLevel(LuaString.of("error loading module '" + name + "' from file '" + file + "'" + detail), 0);
    }
}
