package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;

/** The string library's pattern functions and {@code format}, bound to the engines in {@code dev.isthmus.lua.text}. */
final class StringPatternFunctions {
    private StringPatternFunctions() {
    }

    static void install(LibraryTable t, LuaRuntime runtime) {
        // Bound once the text engines land (issue #4).
    }
}
