package dev.isthmus.lua.buffer;

import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A buffer's serialization options ({@code buffer.new{dict = ..., metatable = ...}}): string
 * keys and metatables written as their index in an array the encoder and decoder share.
 * Encoding looks entries up in maps built once here (the first of duplicates wins); decoding
 * reads the arrays themselves, as LuaJIT does. Unlike LuaJIT, the arrays are not turned into
 * two-way tables: the script's tables stay as given.
 */
record Dictionaries(LuaTable strings, Map<LuaString, Integer> stringIndex, LuaTable metatables, Map<LuaTable, Integer> metatableIndex) {
    static final Dictionaries NONE = new Dictionaries(null, Map.of(), null, Map.of());

    /** The options in {@code options}; entries other than strings (tables) and false are LuaJIT's "bad options table". */
    static Dictionaries of(LuaTable options) {
        LuaTable strings = options.get(LuaString.of("dict")) instanceof LuaTable t ? t : null;
        LuaTable metatables = options.get(LuaString.of("metatable")) instanceof LuaTable t ? t : null;
        Map<LuaString, Integer> stringIndex = new HashMap<>();
        Map<LuaTable, Integer> metatableIndex = new IdentityHashMap<>();
        if (strings != null) {
            for (int i = 1, n = strings.length(); i <= n; i++) {
                switch (strings.get(i)) {
                    case LuaString s -> stringIndex.putIfAbsent(s, i - 1);
                    case Boolean b when !b -> { }
                    case null, default -> throw badOptions();
                }
            }
        }
        if (metatables != null) {
            for (int i = 1, n = metatables.length(); i <= n; i++) {
                switch (metatables.get(i)) {
                    case LuaTable t -> metatableIndex.putIfAbsent(t, i - 1);
                    case Boolean b when !b -> { }
                    case null, default -> throw badOptions();
                }
            }
        }
        return new Dictionaries(strings, stringIndex, metatables, metatableIndex);
    }

    private static LuaError badOptions() {
        return new LuaError("bad options table");
    }

    /** The string at 0-based {@code index}, or null when the dictionary has none there. */
    LuaString string(long index) {
        return strings != null && index < Integer.MAX_VALUE && strings.get((int) index + 1) instanceof LuaString s ? s : null;
    }

    /** The metatable at 0-based {@code index}, or null. */
    LuaTable metatable(long index) {
        return metatables != null && index < Integer.MAX_VALUE && metatables.get((int) index + 1) instanceof LuaTable t ? t : null;
    }
}
