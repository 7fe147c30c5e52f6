package dev.isthmus.lua.lib;

import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

import java.lang.invoke.MethodHandle;
import java.util.function.Supplier;

/** Builds a library's table of Java functions, naming each for error messages. */
final class LibraryTable {
    private final LuaTable table;

    LibraryTable(LuaTable table) {
        this.table = table;
    }

    LibraryTable() {
        this(new LuaTable());
    }

    LibraryTable add(String name, JavaFunction.Body body) {
        table.put(LuaString.of(name), new JavaFunction(name, body));
        return this;
    }

    /** A function that returns one value and has no effect on plain values ({@link JavaFunction#valueFunction}). */
    LibraryTable addValueFunction(String name, JavaFunction.Body body) {
        table.put(LuaString.of(name), new JavaFunction(name, body, null, true));
        return this;
    }

    /** A function with a numeric form for traces ({@link JavaFunction#numericForm}). */
    LibraryTable add(String name, JavaFunction.Body body, Supplier<MethodHandle> numericForm) {
        table.put(LuaString.of(name), new JavaFunction(name, body, numericForm));
        return this;
    }

    LibraryTable set(String name, Object value) {
        table.put(LuaString.of(name), value);
        return this;
    }

    LuaTable table() {
        return table;
    }

    static Object[] results(Object... values) {
        return values;
    }

    /** {@code true} followed by {@code values}: what {@code pcall} and {@code coroutine.resume} return on success. */
    static Object[] succeeded(Object[] values) {
        Object[] out = new Object[values.length + 1];
        out[0] = Boolean.TRUE;
        System.arraycopy(values, 0, out, 1, values.length);
        return out;
    }
}
