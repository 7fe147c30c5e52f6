package dev.isthmus.lua.lib;

import dev.isthmus.lua.runtime.JavaFunction;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

/**
 * Lua's string library (Lua 5.1 manual 5.4) over byte strings, with LuaJIT's
 * {@code string.rep} separator. Strings get this table as {@code __index} of their shared
 * metatable, so {@code s:upper()} works. Pattern matching and {@code format} are in
 * {@link StringPatternFunctions}.
 */
public final class StringLibrary {
    private StringLibrary() {
    }

    public static LuaTable install(LuaRuntime runtime) {
        LibraryTable t = new LibraryTable()
                .addValueFunction("len", args -> LibraryTable.results((double) new Arguments("len", args).checkString(0).length()))
                .addValueFunction("sub", StringLibrary::sub)
                .addValueFunction("upper", args -> LibraryTable.results(mapBytes(new Arguments("upper", args).checkString(0), true)))
                .addValueFunction("lower", args -> LibraryTable.results(mapBytes(new Arguments("lower", args).checkString(0), false)))
                .addValueFunction("rep", StringLibrary::rep)
                .add("dump", args -> {
                    Arguments a = new Arguments("dump", args);
                    if (!(a.checkFunction(0) instanceof dev.isthmus.lua.interp.LuaClosure f)) {
                        throw new LuaError("unable to dump given function");
                    }
                    return LibraryTable.results(LuaString.wrap(runtime.dump(f, !LuaType.isFalsy(a.get(1)))));
                })
                .addValueFunction("reverse", StringLibrary::reverse)
                .add("byte", new ByteValues())
                .addValueFunction("char", StringLibrary::chars);
        StringPatternFunctions.install(t, runtime);
        LuaTable metatable = new LuaTable();
        metatable.put(LuaString.of("__index"), t.table());
        runtime.setTypeMetatable(dev.isthmus.lua.runtime.LuaType.STRING, metatable);
        runtime.globals().put(LuaString.of("string"), t.table());
        return t.table();
    }

    /** A Lua string position (1-based, negative from the end) as a 0-based start, clamped as {@code string.sub} does. */
    static int start(long i, int length) {
        if (i < 0) {
            i = Math.max(length + i + 1, 1);
        } else if (i == 0) {
            i = 1;
        }
        return (int) Math.min(i - 1, length);
    }

    static int end(long j, int length) {
        if (j < 0) {
            j = length + j + 1;
        } else if (j > length) {
            j = length;
        }
        return (int) Math.max(j, 0);
    }

    private static Object[] sub(Object[] args) {
        Arguments a = new Arguments("sub", args);
        LuaString s = a.checkString(0);
        long i = a.checkInt(1);
        long j = a.optInt(2, -1);
        int from = start(i, s.length());
        int to = end(j, s.length());
        return LibraryTable.results(from >= to ? LuaString.EMPTY : s.substring(from, to));
    }

    private static LuaString mapBytes(LuaString s, boolean upper) {
        byte[] b = s.bytes().clone();
        for (int i = 0; i < b.length; i++) {
            int c = b[i];
            if (upper && c >= 'a' && c <= 'z') {
                b[i] = (byte) (c - 32);
            } else if (!upper && c >= 'A' && c <= 'Z') {
                b[i] = (byte) (c + 32);
            }
        }
        return LuaString.wrap(b);
    }

    private static Object[] rep(Object[] args) {
        Arguments a = new Arguments("rep", args);
        LuaString s = a.checkString(0);
        long n = a.checkInt(1);
        LuaString sep = a.optString(2, LuaString.EMPTY);
        if (n <= 0) {
            return LibraryTable.results(LuaString.EMPTY);
        }
        long total = s.length() * n + sep.length() * (n - 1);
        if (total > LuaString.MAX_LENGTH) {
            throw new LuaError("not enough memory");
        }
        byte[] out = LuaString.newBytes((int) total);
        int at = 0;
        for (long k = 0; k < n; k++) {
            if (k > 0) {
                System.arraycopy(sep.bytes(), 0, out, at, sep.length());
                at += sep.length();
            }
            System.arraycopy(s.bytes(), 0, out, at, s.length());
            at += s.length();
        }
        return LibraryTable.results(LuaString.wrap(out));
    }

    private static Object[] reverse(Object[] args) {
        byte[] b = new Arguments("reverse", args).checkString(0).bytes();
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return LibraryTable.results(LuaString.wrap(r));
    }

    /** {@code string.byte}'s body, a class of its own so that a trace compiler recognises it and reads the bytes itself. */
    public static final class ByteValues implements JavaFunction.Body {
        @Override
        public Object[] call(Object[] arguments) {
            return byteValues(arguments);
        }

        /** Whether bytes {@code i} to {@code i + count - 1} of {@code s} exist, {@code i} an integer from 1: what a trace reads with {@link #byteAt}. */
        public static boolean inRange(LuaString s, double i, int count) {
            return i == Math.rint(i) && i >= 1 && i + count - 1 <= s.length();
        }

        /** {@link #inRange} of an index a trace holds as an int (a loop's index). */
        public static boolean inRange(LuaString s, int i, int count) {
            return i >= 1 && i <= s.length() - count + 1;
        }

        /** Byte {@code i + k} of {@code s} (from 1), where {@link #inRange} holds. */
        public static int byteAt(LuaString s, double i, int k) {
            return s.byteAt((int) i - 1 + k) & 0xFF;
        }

        /** {@link #byteAt} of an index a trace holds as an int. */
        public static int byteAt(LuaString s, int i, int k) {
            return s.byteAt(i - 1 + k) & 0xFF;
        }
    }

    private static Object[] byteValues(Object[] args) {
        Arguments a = new Arguments("byte", args);
        LuaString s = a.checkString(0);
        long i = a.optInt(1, 1);
        long j = a.get(2) == null ? i : a.checkInt(2);
        int from = start(i, s.length());
        int to = end(j, s.length());
        if (from >= to) {
            return LuaFunction.NONE;
        }
        Object[] out = new Object[to - from];
        for (int k = from; k < to; k++) {
            out[k - from] = (double) (s.byteAt(k) & 0xFF);
        }
        return out;
    }

    private static Object[] chars(Object[] args) {
        Arguments a = new Arguments("char", args);
        byte[] out = new byte[args.length];
        for (int i = 0; i < args.length; i++) {
            int c = a.checkInt(i);
            if (c < 0 || c > 255) {
                throw a.bad(i, "invalid value");
            }
            out[i] = (byte) c;
        }
        return LibraryTable.results(LuaString.wrap(out));
    }
}
