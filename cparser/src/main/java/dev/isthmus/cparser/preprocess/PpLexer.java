package dev.isthmus.cparser.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits C source into preprocessing tokens (C11 5.1.1.2 phases 1 to 3): line splices
 * (backslash-newline, also with blanks between them, as GCC accepts) are removed first,
 * comments become whitespace, and each token remembers its line and column in the
 * physical file. Lexing never fails: what is not a token of C becomes an {@code OTHER}
 * token (an unterminated quote takes the rest of its line), so text in skipped groups and
 * in {@code #error} lines survives, and only output that reaches the parser is judged.
 */
final class PpLexer {
    /** Every punctuator of C11 6.4.6, longest first within each length. */
    private static final List<String> PUNCTUATORS = List.of(
            "%:%:", "...", "<<=", ">>=",
            "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=",
            "&=", "^=", "|=", "##", "<:", ":>", "<%", "%>", "%:");
    private static final Set<String> PUNCTUATOR_SET = Set.copyOf(PUNCTUATORS);
    private static final String SINGLE_PUNCTUATORS = "[](){}.&*+-~!/%<>^|?:;=,#";

    private final char[] chars;
    private final int length;
    private final String file;
    private int pos;

    /**
     * Where line splices were removed: at {@code chars} offset {@code spliceOffsets[i]} the
     * physical text went on {@code spliceLines[i]} lines further down, at column 1. Positions
     * are kept this way, and newlines counted as the tokenizer passes them, rather than a
     * line and column stored per character: lexing is most of the preprocessor's time.
     */
    private final int[] spliceOffsets;
    private final int[] spliceLines;
    private final int spliceCount;
    /** Splices applied so far, the physical line reached, and where in {@code chars} its column 1 is. */
    private int splicesApplied;
    private int line = 1;
    private int lineStart;

    private PpLexer(String text, String file) {
        this.file = file;
        int n = text.length();
        if (text.indexOf('\\') < 0 && text.indexOf('\r') < 0) {
            // No backslash (so no splice) and no carriage return: the text as it is.
            chars = text.toCharArray();
            length = n;
            spliceOffsets = new int[0];
            spliceLines = new int[0];
            spliceCount = 0;
            return;
        }
        chars = new char[n];
        int[] offsets = new int[16];
        int[] lines = new int[16];
        int splices = 0;
        int out = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                int j = i + 1;
                while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                    j++;
                }
                int newline = newlineLength(text, j);
                if (newline > 0) {
                    i = j + newline - 1;
                    if (splices > 0 && offsets[splices - 1] == out) {
                        lines[splices - 1]++;
                    } else {
                        if (splices == offsets.length) {
                            offsets = java.util.Arrays.copyOf(offsets, splices * 2);
                            lines = java.util.Arrays.copyOf(lines, splices * 2);
                        }
                        offsets[splices] = out;
                        lines[splices] = 1;
                        splices++;
                    }
                    continue;
                }
            }
            int newline = newlineLength(text, i);
            if (newline == 2) {
                i++;
            }
            chars[out++] = newline > 0 ? '\n' : c;
        }
        length = out;
        spliceOffsets = offsets;
        spliceLines = lines;
        spliceCount = splices;
    }

    /** Applies the splices up to {@code offset}, so {@link #line} and {@link #lineStart} describe it (newlines are counted as passed). */
    private void advanceTo(int offset) {
        while (splicesApplied < spliceCount && spliceOffsets[splicesApplied] <= offset) {
            line += spliceLines[splicesApplied];
            lineStart = Math.max(lineStart, spliceOffsets[splicesApplied]);
            splicesApplied++;
        }
    }

    /** Counts the newlines in {@code chars[from, to)}: no token holds one, so whitespace and comments hold them all. */
    private void countNewlines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
    }

    private int columnOf(int offset) {
        return offset - lineStart + 1;
    }

    private static int newlineLength(String text, int i) {
        if (i >= text.length()) {
            return 0;
        }
        char c = text.charAt(i);
        if (c == '\n') {
            return 1;
        }
        if (c == '\r') {
            return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
        }
        return 0;
    }

    /** The tokens of a whole file; the last is {@code END}. */
    static List<PpToken> tokenize(String text, String file) {
        return new PpLexer(text, file).all();
    }

    /** The one token that a spelling lexes to, or null when it is not exactly one (for {@code ##}). */
    static PpToken single(String spelling) {
        List<PpToken> tokens = tokenize(spelling, "");
        if (tokens.size() != 2 || tokens.get(0).space() || tokens.get(0).text().length() != spelling.length()) {
            return null;
        }
        return tokens.get(0);
    }

    /** True when the two spellings would lex as something else written next to each other. */
    static boolean wouldJoin(PpToken left, PpToken right) {
        String a = left.text();
        String b = right.text();
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        char last = a.charAt(a.length() - 1);
        char first = b.charAt(0);
        boolean leftWord = left.kind() == PpToken.Kind.IDENTIFIER || left.kind() == PpToken.Kind.NUMBER;
        if (leftWord && (isIdentifierPart(first) || first == '.' || first == '"' || first == '\'')) {
            return true;
        }
        if (left.kind() == PpToken.Kind.NUMBER && (first == '+' || first == '-')
                && "eEpP".indexOf(last) >= 0) {
            return true;
        }
        if (left.kind() == PpToken.Kind.PUNCTUATOR) {
            if (a.equals(".") && Character.isDigit(first)) {
                return true;
            }
            String joined = a + first;
            return PUNCTUATOR_SET.contains(joined) || joined.endsWith("/*") || joined.endsWith("//")
                    || joined.equals("..") || (a.equals("%:%") && first == ':');
        }
        return false;
    }

    private List<PpToken> all() {
        List<PpToken> tokens = new ArrayList<>();
        boolean startsLine = true;
        boolean space = false;
        while (true) {
            // Whitespace and comments.
            while (pos < length) {
                char c = chars[pos];
                if (c == '\n') {
                    startsLine = true;
                    space = false;
                    pos++;
                    line++;
                    lineStart = pos;
                } else if (c == ' ' || c == '\t' || c == '\f' || c == '\u000b' || c == '\r') {
                    space = true;
                    pos++;
                } else if (c == '/' && pos + 1 < length && chars[pos + 1] == '*') {
                    int endOfComment = indexOf("*/", pos + 2);
                    int after = endOfComment < 0 ? length : endOfComment + 2;
                    countNewlines(pos, after);
                    pos = after;
                    space = true;
                } else if (c == '/' && pos + 1 < length && chars[pos + 1] == '/') {
                    while (pos < length && chars[pos] != '\n') {
                        pos++;
                    }
                    space = true;
                } else {
                    break;
                }
            }
            if (pos >= length) {
                advanceTo(pos);
                tokens.add(new PpToken(PpToken.Kind.END, "", file, line, columnOf(pos), space, true, HideSet.EMPTY));
                return tokens;
            }
            int start = pos;
            advanceTo(start);
            PpToken.Kind kind = next();
            tokens.add(new PpToken(kind, new String(chars, start, pos - start), file, line, columnOf(start),
                    space, startsLine, HideSet.EMPTY));
            startsLine = false;
            space = false;
        }
    }

    private PpToken.Kind next() {
        char c = chars[pos];
        if (Character.isDigit(c) || (c == '.' && pos + 1 < length && Character.isDigit(chars[pos + 1]))) {
            pos++;
            while (pos < length) {
                char d = chars[pos];
                if ((d == '+' || d == '-') && "eEpP".indexOf(chars[pos - 1]) >= 0) {
                    pos++;
                } else if (isIdentifierPart(d) || d == '.') {
                    pos++;
                } else if (d == '\'' && pos + 1 < length && isIdentifierPart(chars[pos + 1])) {
                    pos += 2;
                } else {
                    break;
                }
            }
            return PpToken.Kind.NUMBER;
        }
        int prefix = literalPrefix();
        if (prefix >= 0) {
            char quote = chars[pos + prefix];
            pos += prefix + 1;
            while (pos < length && chars[pos] != quote && chars[pos] != '\n') {
                pos += chars[pos] == '\\' && pos + 1 < length && chars[pos + 1] != '\n' ? 2 : 1;
            }
            if (pos < length && chars[pos] == quote) {
                pos++;
                return quote == '"' ? PpToken.Kind.STRING : PpToken.Kind.CHARACTER;
            }
            return PpToken.Kind.OTHER;
        }
        if (isIdentifierStart(c)) {
            while (pos < length && isIdentifierPart(chars[pos])) {
                pos++;
            }
            return PpToken.Kind.IDENTIFIER;
        }
        for (String p : PUNCTUATORS) {
            if (matches(p)) {
                pos += p.length();
                return PpToken.Kind.PUNCTUATOR;
            }
        }
        pos++;
        return SINGLE_PUNCTUATORS.indexOf(c) >= 0 ? PpToken.Kind.PUNCTUATOR : PpToken.Kind.OTHER;
    }

    /** The length of an encoding prefix before a quote here (0 for none), or -1 when no literal starts here. */
    private int literalPrefix() {
        for (String prefix : new String[] {"", "L", "u8", "u", "U"}) {
            int q = pos + prefix.length();
            if (q < length && matches(prefix) && (chars[q] == '"' || chars[q] == '\'')) {
                return prefix.length();
            }
        }
        return -1;
    }

    private boolean matches(String s) {
        if (pos + s.length() > length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (chars[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(String s, int from) {
        for (int i = from; i + s.length() <= length; i++) {
            if (chars[i] == s.charAt(0) && chars[i + 1] == s.charAt(1)) {
                return i;
            }
        }
        return -1;
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }
}
