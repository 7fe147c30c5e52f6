package dev.isthmus.lua.jit;

import dev.isthmus.lua.interp.InlinedFrames;
import dev.isthmus.lua.interp.LuaClosure;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Names for the IR's object constants in its text form ({@link IrText}): a method handle, a
 * function compared by identity, a ctype, a compiled inner loop have no literal, so the text
 * names them ({@code handle:sqrt}, {@code fn:f1}) and this table says what each name stands
 * for. A test defines the names it writes; printing an object without a name gives it one
 * ({@code handle:1}), so a dump read back with the same table is the same IR. A table made by
 * {@link #placeholders()} reads any name: an unknown one stands for a fresh opaque object, so
 * any dump can be read back and printed again.
 */
final class IrSymbols {
    /** What an unknown name stands for in a table of placeholders. */
    record Placeholder(String name) {
    }

    private final Map<String, Object> byName = new HashMap<>();
    private final Map<Object, String> byObject = new IdentityHashMap<>();
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final boolean placeholders;

    private IrSymbols(boolean placeholders) {
        this.placeholders = placeholders;
    }

    /** A table with no names yet: unknown names are errors when read. */
    IrSymbols() {
        this(false);
    }

    /** A table where an unknown name read stands for a new {@link Placeholder}. */
    static IrSymbols placeholders() {
        return new IrSymbols(true);
    }

    /** Names {@code value}; the name must not read as a literal, and each name and object is named once. */
    IrSymbols define(String name, Object value) {
        if (value == null || IrConstants.isLiteral(value)) {
            throw new IllegalArgumentException("a literal needs no name: " + name);
        }
        if (!isName(name) || IrConstants.readsAsLiteral(name)) {
            throw new IllegalArgumentException("not a usable name: '" + name + "'");
        }
        if (byName.containsKey(name) || byObject.containsKey(value)) {
            throw new IllegalArgumentException("named twice: " + name);
        }
        byName.put(name, value);
        byObject.put(value, name);
        return this;
    }

    /** The object's name, a new one ({@code kind:N}) if it has none yet. */
    String nameOf(Object value) {
        String name = byObject.get(value);
        if (name != null) {
            return name;
        }
        String kind = kindOf(value);
        int n = lastNumber.getOrDefault(kind, 0);
        do {
            n++;
        } while (byName.containsKey(kind + ":" + n));
        lastNumber.put(kind, n);
        define(kind + ":" + n, value);
        return kind + ":" + n;
    }

    /**
     * The inlined calls a snapshot's {@code inside} names; in a table of placeholders an
     * unknown name stands for a new {@link InlinedFrames} of no calls, printed back by that name.
     */
    InlinedFrames framesNamed(String name) {
        Object value = byName.get(name);
        if (value == null && placeholders && isName(name)) {
            value = new InlinedFrames(new LuaClosure[0], new int[0], new int[0], 0);
            define(name, value);
        }
        if (!(value instanceof InlinedFrames frames)) {
            throw new IllegalArgumentException("'" + name + "' names no inlined calls");
        }
        return frames;
    }

    /** What {@code name} stands for, or null when it names nothing (and this is no table of placeholders). */
    Object valueOf(String name) {
        Object value = byName.get(name);
        if (value == null && placeholders && isName(name)) {
            value = new Placeholder(name);
            define(name, value);
        }
        return value;
    }

    /** Names are single tokens of the text starting with a letter: no blanks, brackets or quotes. */
    static boolean isName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || "()[]{}\"@=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String kindOf(Object value) {
        return switch (value) {
            case java.lang.invoke.MethodHandle h -> "handle";
            case dev.isthmus.lua.runtime.LuaFunction f -> "fn";
            case dev.isthmus.cparser.type.CType t -> "ctype";
            case dev.isthmus.lua.runtime.LuaTable t -> "table";
            case dev.isthmus.lua.interp.CompiledLoop l -> "loop";
            case dev.isthmus.lua.interp.InlinedFrames f -> "inside";
            case Class<?> k -> "class";
            case java.util.function.IntBinaryOperator op -> "bitop";
            case java.util.function.IntUnaryOperator op -> "bitop";
            case java.util.function.DoubleUnaryOperator op -> "mathop";
            case java.util.function.DoubleBinaryOperator op -> "mathop";
            default -> value.getClass().getSimpleName().isEmpty() ? "object" : value.getClass().getSimpleName().toLowerCase();
        };
    }
}
