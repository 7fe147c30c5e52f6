package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.interp.LuaSemantics;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.NumberCoercion;

import java.io.ByteArrayOutputStream;

/** The string library's pattern functions ({@code find}, {@code match}, {@code gmatch}, {@code gsub}) and {@code format}. */
final class StringPatternFunctions {
    private static final byte[] SPECIALS = "^$*+?.([%-".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private StringPatternFunctions() {
    }

    static void install(LibraryTable t, LuaRuntime runtime) {
        t.add("find", args -> find(args, true, "find"));
        t.add("match", args -> find(args, false, "match"));
        t.add("gmatch", StringPatternFunctions::gmatch);
        t.add("gsub", args -> gsub(runtime, args));
        t.addValueFunction("format", args -> new Object[] {StringFormat.format(runtime, args)});
    }

    private static boolean hasSpecials(byte[] pattern) {
        for (byte b : pattern) {
            for (byte s : SPECIALS) {
                if (b == s) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A pattern as the matcher reads it: Lua 5.1's ends at a NUL byte, as at the pattern's end. */
    private static byte[] patternOf(LuaString p) {
        byte[] bytes = p.bytes();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return java.util.Arrays.copyOf(bytes, i);
            }
        }
        return bytes;
    }

    private static Object[] find(Object[] args, boolean isFind, String name) {
        Arguments a = new Arguments(name, args);
        LuaString s = a.checkString(0);
        LuaString p = a.checkString(1);
        long init = a.optInt(2, 1);
        if (init < 0) {
            init = Math.max(s.length() + init + 1, 1);
        } else if (init == 0) {
            init = 1;
        }
        if (init > s.length() + 1L) {
            init = s.length() + 1L;
        }
        int start = (int) init - 1;
        if (isFind && (LuaType.isFalsy(a.get(3)) == false || !hasSpecials(p.bytes()))) {
            int at = indexOf(s.bytes(), p.bytes(), start);
            return at < 0 ? new Object[] {null} : new Object[] {(double) (at + 1), (double) (at + p.length())};
        }
        byte[] pattern = patternOf(p);
        boolean anchored = pattern.length > 0 && pattern[0] == '^';
        LuaPatternMatcher m = new LuaPatternMatcher(s.bytes(), pattern);
        int pStart = anchored ? 1 : 0;
        int si = start;
        do {
            m.reset();
            int e = m.match(si, pStart);
            if (e != -1) {
                if (isFind) {
                    Object[] out = new Object[2 + m.level];
                    out[0] = (double) (si + 1);
                    out[1] = (double) e;
                    for (int i = 0; i < m.level; i++) {
                        out[2 + i] = m.capture(i, si, e);
                    }
                    return out;
                }
                return captures(m, si, e);
            }
            si++;
        } while (si <= s.length() && !anchored);
        return new Object[] {null};
    }

    private static Object[] captures(LuaPatternMatcher m, int s, int e) {
        int n = m.captureCount();
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = m.capture(i, s, e);
        }
        return out;
    }

    private static int indexOf(byte[] s, byte[] p, int from) {
        outer:
        for (int i = from; i <= s.length - p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (s[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** {@code gmatch}: an iterator over successive matches; an empty match advances one byte (Lua 5.1 gmatch_aux). */
    private static Object[] gmatch(Object[] args) {
        Arguments a = new Arguments("gmatch", args);
        LuaString s = a.checkString(0);
        byte[] pattern = patternOf(a.checkString(1));
        int[] position = {0};
        return new Object[] {new JavaFunction("gmatch_aux", ignored -> {
            LuaPatternMatcher m = new LuaPatternMatcher(s.bytes(), pattern);
            for (int si = position[0]; si <= s.length(); si++) {
                m.reset();
                int e = m.match(si, 0);
                if (e != -1) {
                    position[0] = e == si ? e + 1 : e;
                    return captures(m, si, e);
                }
            }
            position[0] = s.length() + 1;
            return new Object[] {null};
        })};
    }

    private static Object[] gsub(LuaRuntime runtime, Object[] args) {
        Arguments a = new Arguments("gsub", args);
        LuaString s = a.checkString(0);
        byte[] pattern = patternOf(a.checkString(1));
        Object replacement = a.get(2);
        if (!(replacement instanceof Double || replacement instanceof LuaString || replacement instanceof LuaTable
                || replacement instanceof LuaFunction)) {
            // LuaJIT names no type here (lj_err_arg with LJ_ERR_NOSFT).
            throw a.bad(2, "string/function/table expected");
        }
        long maxN = a.get(3) == null ? Long.MAX_VALUE : a.checkIntViaInteger(3);
        boolean anchored = pattern.length > 0 && pattern[0] == '^';
        int pStart = anchored ? 1 : 0;
        byte[] src = s.bytes();
        LuaPatternMatcher m = new LuaPatternMatcher(src, pattern);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int si = 0;
        long n = 0;
        while (n < maxN) {
            m.reset();
            int e = m.match(si, pStart);
            if (e != -1) {
                n++;
                addValue(runtime, m, out, si, e, replacement);
            }
            if (e != -1 && e > si) {
                si = e;
            } else if (si < src.length) {
                out.write(src[si++]);
            } else {
                break;
            }
            if (anchored) {
                break;
            }
        }
        out.write(src, si, src.length - si);
        return new Object[] {LuaString.wrap(out.toByteArray()), (double) n};
    }

    private static void addValue(LuaRuntime runtime, LuaPatternMatcher m, ByteArrayOutputStream out, int s, int e, Object replacement) {
        Object value;
        switch (replacement) {
            case LuaString r -> {
                addString(m, out, s, e, r.bytes());
                return;
            }
            case Double d -> {
                addString(m, out, s, e, NumberCoercion.toLuaString(d).bytes());
                return;
            }
            case LuaTable t -> value = runtime.semantics().index(t, m.capture(0, s, e));
            default -> value = LuaSemantics.first(runtime.semantics().call(replacement, captures(m, s, e)));
        }
        if (LuaType.isFalsy(value)) {
            out.write(m.src, s, e - s);
        } else if (value instanceof LuaString str) {
            out.writeBytes(str.bytes());
        } else if (value instanceof Double d) {
            out.writeBytes(NumberCoercion.toLuaString(d).bytes());
        } else {
            throw new LuaError("invalid replacement value (a " + LuaType.of(value).luaName() + ")");
        }
    }

    private static void addString(LuaPatternMatcher m, ByteArrayOutputStream out, int s, int e, byte[] r) {
        for (int i = 0; i < r.length; i++) {
            byte c = r[i];
            if (c != '%') {
                out.write(c);
                continue;
            }
            i++;
            if (i >= r.length) {
                throw new LuaError("invalid use of '%' in replacement string");
            }
            byte d = r[i];
            if (d == '%') {
                out.write('%');
            } else if (d >= '0' && d <= '9') {
                Object cap = d == '0' ? dev.isthmus.lua.runtime.LuaString.of(m.src, s, e) : m.capture(d - '1', s, e);
                out.writeBytes(cap instanceof LuaString str ? str.bytes() : NumberCoercion.toLuaString((Double) cap).bytes());
            } else {
                throw new LuaError("invalid use of '%' in replacement string");
            }
        }
    }
}
