package dev.isthmus.lua.lib;

import dev.isthmus.lua.runtime.LuaError;

/**
 * Lua 5.1 pattern matching over bytes (reference manual 5.4.1), a backtracking matcher
 * with the semantics of lstrlib.c: single-character classes ({@code %a}, sets, {@code .}),
 * the four repetitions, anchors, {@code %b}, {@code %f}, captures with position captures
 * and back-references. Character classes use the C locale. One matcher holds the state of
 * one match attempt; {@link #match} is tried at successive start positions by the callers.
 */
final class LuaPatternMatcher {
    static final int MAX_CAPTURES = 32;
    private static final int CAP_UNFINISHED = -1;
    private static final int CAP_POSITION = -2;
    /** Recursion depth standing in for lstrlib's C stack: deeper patterns raise "pattern too complex". */
    private static final int MAX_DEPTH = 200;

    final byte[] src;
    final byte[] pat;
    int level;
    final int[] captureStart = new int[MAX_CAPTURES];
    final int[] captureLength = new int[MAX_CAPTURES];
    private int depth;

    LuaPatternMatcher(byte[] src, byte[] pat) {
        this.src = src;
        this.pat = pat;
    }

    /** Matches the pattern from {@code p} against the subject at {@code s}; the end of the match, or -1. */
    int match(int s, int p) {
        if (++depth > MAX_DEPTH) {
            throw new LuaError("pattern too complex");
        }
        try {
            while (true) {
                if (p == pat.length) {
                    return s;
                }
                switch (pat[p]) {
                    case '(' -> {
                        if (p + 1 < pat.length && pat[p + 1] == ')') {
                            return startCapture(s, p + 2, CAP_POSITION);
                        }
                        return startCapture(s, p + 1, CAP_UNFINISHED);
                    }
                    case ')' -> {
                        return endCapture(s, p + 1);
                    }
                    case '$' -> {
                        if (p + 1 == pat.length) {
                            return s == src.length ? s : -1;
                        }
                    }
                    case '%' -> {
                        if (p + 1 < pat.length) {
                            byte next = pat[p + 1];
                            if (next == 'b') {
                                s = matchBalance(s, p + 2);
                                if (s == -1) {
                                    return -1;
                                }
                                p += 4;
                                continue;
                            }
                            if (next == 'f') {
                                p += 2;
                                if (p >= pat.length || pat[p] != '[') {
                                    throw new LuaError("missing '[' after '%f' in pattern");
                                }
                                int ep = classEnd(p);
                                int previous = s == 0 ? 0 : src[s - 1] & 0xFF;
                                int current = s < src.length ? src[s] & 0xFF : 0;
                                if (!matchClassSet(previous, p, ep - 1) && matchClassSet(current, p, ep - 1)) {
                                    p = ep;
                                    continue;
                                }
                                return -1;
                            }
                            if (Character.isDigit(next)) {
                                s = matchCapture(s, next);
                                if (s == -1) {
                                    return -1;
                                }
                                p += 2;
                                continue;
                            }
                        }
                    }
                    default -> { }
                }
                int ep = classEnd(p);
                boolean matches = s < src.length && singleMatch(src[s] & 0xFF, p, ep);
                byte rep = ep < pat.length ? pat[ep] : 0;
                switch (rep) {
                    case '?' -> {
                        if (matches) {
                            int r = match(s + 1, ep + 1);
                            if (r != -1) {
                                return r;
                            }
                        }
                        p = ep + 1;
                    }
                    case '*' -> {
                        return maxExpand(s, p, ep);
                    }
                    case '+' -> {
                        return matches ? maxExpand(s + 1, p, ep) : -1;
                    }
                    case '-' -> {
                        return minExpand(s, p, ep);
                    }
                    default -> {
                        if (!matches) {
                            return -1;
                        }
                        s++;
                        p = ep;
                    }
                }
            }
        } finally {
            depth--;
        }
    }

    private int maxExpand(int s, int p, int ep) {
        int i = 0;
        while (s + i < src.length && singleMatch(src[s + i] & 0xFF, p, ep)) {
            i++;
        }
        while (i >= 0) {
            int r = match(s + i, ep + 1);
            if (r != -1) {
                return r;
            }
            i--;
        }
        return -1;
    }

    private int minExpand(int s, int p, int ep) {
        while (true) {
            int r = match(s, ep + 1);
            if (r != -1) {
                return r;
            }
            if (s < src.length && singleMatch(src[s] & 0xFF, p, ep)) {
                s++;
            } else {
                return -1;
            }
        }
    }

    private int startCapture(int s, int p, int what) {
        if (level >= MAX_CAPTURES) {
            throw new LuaError("too many captures");
        }
        captureStart[level] = s;
        captureLength[level] = what;
        level++;
        int r = match(s, p);
        if (r == -1) {
            level--;
        }
        return r;
    }

    private int endCapture(int s, int p) {
        int l = captureToClose();
        captureLength[l] = s - captureStart[l];
        int r = match(s, p);
        if (r == -1) {
            captureLength[l] = CAP_UNFINISHED;
        }
        return r;
    }

    private int captureToClose() {
        for (int l = level - 1; l >= 0; l--) {
            if (captureLength[l] == CAP_UNFINISHED) {
                return l;
            }
        }
        throw new LuaError("invalid pattern capture");
    }

    private int matchBalance(int s, int p) {
        if (p + 1 >= pat.length) {
            // Lua 5.1's wording (LuaJIT's too); "missing arguments to '%b'" is Lua 5.2's.
            throw new LuaError("unbalanced pattern");
        }
        if (s >= src.length || src[s] != pat[p]) {
            return -1;
        }
        byte open = pat[p];
        byte close = pat[p + 1];
        int count = 1;
        int i = s + 1;
        while (i < src.length) {
            byte c = src[i];
            if (c == close) {
                if (--count == 0) {
                    return i + 1;
                }
            } else if (c == open) {
                count++;
            }
            i++;
        }
        return -1;
    }

    private int matchCapture(int s, byte digit) {
        int l = checkCapture(digit);
        int length = captureLength[l];
        // A position capture has no text: as in lstrlib.c, a back-reference to it never matches.
        if (length >= 0 && src.length - s >= length && java.util.Arrays.equals(src, captureStart[l], captureStart[l] + length, src, s, s + length)) {
            return s + length;
        }
        return -1;
    }

    private int checkCapture(byte digit) {
        int l = digit - '1';
        if (l < 0 || l >= level || captureLength[l] == CAP_UNFINISHED) {
            throw new LuaError("invalid capture index");
        }
        return l;
    }

    /** The index just past the single-character class starting at {@code p}. */
    private int classEnd(int p) {
        byte c = pat[p++];
        if (c == '%') {
            if (p >= pat.length) {
                throw new LuaError("malformed pattern (ends with '%')");
            }
            return p + 1;
        }
        if (c == '[') {
            if (p < pat.length && pat[p] == '^') {
                p++;
            }
            do {
                if (p >= pat.length) {
                    throw new LuaError("malformed pattern (missing ']')");
                }
                c = pat[p++];
                if (c == '%') {
                    if (p >= pat.length) {
                        throw new LuaError("malformed pattern (missing ']')");
                    }
                    p++;
                }
            } while (p >= pat.length || pat[p] != ']');
            return p + 1;
        }
        return p;
    }

    private boolean singleMatch(int c, int p, int ep) {
        return switch (pat[p]) {
            case '.' -> true;
            case '%' -> matchClass(c, pat[p + 1] & 0xFF);
            case '[' -> matchClassSet(c, p, ep - 1);
            default -> (pat[p] & 0xFF) == c;
        };
    }

    /** {@code [set]} from {@code p} (at '[') to {@code ec} (at ']'). */
    private boolean matchClassSet(int c, int p, int ec) {
        boolean negate = false;
        p++;
        if (pat[p] == '^') {
            negate = true;
            p++;
        }
        while (p < ec) {
            if (pat[p] == '%') {
                p++;
                if (matchClass(c, pat[p] & 0xFF)) {
                    return !negate;
                }
                p++;
            } else if (p + 2 < ec && pat[p + 1] == '-') {
                if ((pat[p] & 0xFF) <= c && c <= (pat[p + 2] & 0xFF)) {
                    return !negate;
                }
                p += 3;
            } else {
                if ((pat[p] & 0xFF) == c) {
                    return !negate;
                }
                p++;
            }
        }
        return negate;
    }

    /** {@code %x} classes in the C locale; an upper-case letter complements its class; other characters stand for themselves. */
    static boolean matchClass(int c, int cl) {
        boolean result = switch (Character.toLowerCase(cl)) {
            case 'a' -> isAlpha(c);
            case 'c' -> c < 32 || c == 127;
            case 'd' -> c >= '0' && c <= '9';
            case 'l' -> c >= 'a' && c <= 'z';
            case 'p' -> isPunct(c);
            case 's' -> c == ' ' || c >= 9 && c <= 13;
            case 'u' -> c >= 'A' && c <= 'Z';
            case 'w' -> isAlpha(c) || c >= '0' && c <= '9';
            case 'x' -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            case 'z' -> c == 0;
            default -> {
                yield cl == c;
            }
        };
        if (Character.isLetter(cl) && cl < 128 && isClassLetter(Character.toLowerCase(cl)) && Character.isUpperCase(cl)) {
            return !result;
        }
        return result;
    }

    private static boolean isClassLetter(int cl) {
        return "acdlpsuwxz".indexOf(cl) >= 0;
    }

    private static boolean isAlpha(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isPunct(int c) {
        return c > 32 && c < 127 && !isAlpha(c) && !(c >= '0' && c <= '9');
    }

    /** Capture {@code i} as a Lua value: a position (1-based) or the captured bytes. Whole match for i == 0 without captures. */
    Object capture(int i, int s, int e) {
        if (i >= level) {
            if (i == 0) {
                return dev.isthmus.lua.runtime.LuaString.of(src, s, e);
            }
            throw new LuaError("invalid capture index");
        }
        int length = captureLength[i];
        if (length == CAP_UNFINISHED) {
            throw new LuaError("unfinished capture");
        }
        if (length == CAP_POSITION) {
            return (double) (captureStart[i] + 1);
        }
        return dev.isthmus.lua.runtime.LuaString.of(src, captureStart[i], captureStart[i] + length);
    }

    /** The number of values a match yields: its captures, or the whole match when there are none. */
    int captureCount() {
        return level == 0 ? 1 : level;
    }

    void reset() {
        level = 0;
        depth = 0;
    }
}
