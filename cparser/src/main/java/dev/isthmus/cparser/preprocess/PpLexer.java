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
    private final int[] lines;
    private final int[] columns;
    private final int length;
    private final String file;
    private int pos;

    private PpLexer(String text, String file) {
        this.file = file;
        int n = text.length();
        chars = new char[n];
        lines = new int[n + 1];
        columns = new int[n + 1];
        int line = 1;
        int column = 1;
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
                    line++;
                    column = 1;
                    continue;
                }
            }
            int newline = newlineLength(text, i);
            if (newline == 2) {
                i++;
            }
            chars[out] = newline > 0 ? '\n' : c;
            lines[out] = line;
            columns[out] = column;
            out++;
            if (newline > 0) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        lines[out] = line;
        columns[out] = column;
        length = out;
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
                } else if (c == ' ' || c == '\t' || c == '\f' || c == '\u000b' || c == '\r') {
                    space = true;
                    pos++;
                } else if (c == '/' && pos + 1 < length && chars[pos + 1] == '*') {
                    int endOfComment = indexOf("*/", pos + 2);
                    pos = endOfComment < 0 ? length : endOfComment + 2;
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
                tokens.add(new PpToken(PpToken.Kind.END, "", file, lines[pos], columns[pos], space, true, HideSet.EMPTY));
                return tokens;
            }
            int start = pos;
            PpToken.Kind kind = next();
            tokens.add(new PpToken(kind, new String(chars, start, pos - start), file, lines[start], columns[start],
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
