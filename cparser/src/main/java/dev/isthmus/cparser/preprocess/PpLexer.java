package dev.isthmus.cparser.preprocess;

import java.util.ArrayList;
import java.util.List;

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
    /** The punctuators of two or more characters by their first character, longest first. */
    private static final String[][] LONGER_PUNCTUATORS = new String[128][];
    /** Whether each ASCII character is a punctuator by itself. */
    private static final boolean[] SINGLE_PUNCTUATOR = new boolean[128];
    /** Whether each ASCII character may be in an identifier (every character from 0x80 may). */
    private static final boolean[] IDENTIFIER_PART = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            IDENTIFIER_PART[c] = isIdentifierPart(c);
        }
        for (char c : "[](){}.&*+-~!/%<>^|?:;=,#".toCharArray()) {
            SINGLE_PUNCTUATOR[c] = true;
        }
        for (char c = 0; c < 128; c++) {
            List<String> longer = new ArrayList<>();
            for (String p : PUNCTUATORS) {
                if (p.charAt(0) == c) {
                    longer.add(p);
                }
            }
            LONGER_PUNCTUATORS[c] = longer.toArray(new String[0]);
        }
    }

    private final char[] chars;
    private final int length;
    private final String file;
    private final Spellings spellings;
    private int pos;
    /** Whether the next token is the first of its line. */
    private boolean startsLine = true;

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

    /** A lexer over {@code text}, handing out its tokens one by one ({@link #nextToken}), each spelling from {@code spellings}. */
    PpLexer(String text, String file, Spellings spellings) {
        this.file = file;
        this.spellings = spellings;
        int n = text.length();
        int backslash = text.indexOf('\\');
        int carriageReturn = text.indexOf('\r');
        if (backslash < 0 && carriageReturn < 0) {
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
        int i = 0;
        while (i < n) {
            // Plain text up to the next backslash or carriage return is copied as it is.
            if (backslash >= 0 && backslash < i) {
                backslash = text.indexOf('\\', i);
            }
            if (carriageReturn >= 0 && carriageReturn < i) {
                carriageReturn = text.indexOf('\r', i);
            }
            int special = backslash < 0 ? carriageReturn : carriageReturn < 0 ? backslash : Math.min(backslash, carriageReturn);
            if (special < 0) {
                text.getChars(i, n, chars, out);
                out += n - i;
                break;
            }
            text.getChars(i, special, chars, out);
            out += special - i;
            i = special;
            if (text.charAt(i) == '\\') {
                int j = i + 1;
                while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                    j++;
                }
                int newline = newlineLength(text, j);
                if (newline == 0) {
                    chars[out++] = '\\';
                    i++;
                    continue;
                }
                i = j + newline;
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
            } else {
                chars[out++] = '\n';
                i += newlineLength(text, i);
            }
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
        return tokenize(text, file, new Spellings());
    }

    /** The tokens of a whole file, each spelling taken from {@code spellings}; the last is {@code END}. */
    static List<PpToken> tokenize(String text, String file, Spellings spellings) {
        return new PpLexer(text, file, spellings).all();
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
            return extendsPunctuator(a, first) || (last == '/' && (first == '*' || first == '/'))
                    || (a.equals(".") && first == '.') || (a.equals("%:%") && first == ':');
        }
        return false;
    }

    /** True when {@code punctuator} followed by {@code next} is a longer punctuator. */
    private static boolean extendsPunctuator(String punctuator, char next) {
        char first = punctuator.charAt(0);
        if (first >= 128) {
            return false;
        }
        for (String longer : LONGER_PUNCTUATORS[first]) {
            if (longer.length() == punctuator.length() + 1 && longer.charAt(punctuator.length()) == next
                    && longer.startsWith(punctuator)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every token to the end. The work is done per token, in methods called once per token,
     * not in one loop over the file: the JVM compiles a method after a few hundred calls but
     * a loop only after tens of thousands of iterations, and a cold run lexes most headers
     * before that.
     */
    private List<PpToken> all() {
        List<PpToken> tokens = new ArrayList<>(length / 8 + 16);
        PpToken t;
        do {
            t = token();
            tokens.add(t);
        } while (!t.isEnd());
        return tokens;
    }

    /** The next token, {@code END} at the end of the text (and again after it). */
    PpToken nextToken() {
        return token();
    }

    /**
     * Moves past the rest of the current line and every following line that does not begin
     * with {@code #} or {@code %:}, making no tokens: how a group that is not taken is
     * passed over. Comments and literals are still read as the tokenizer reads them, so a
     * comment spanning lines or a quote holding {@code /*} ends where it would. The next
     * {@link #nextToken} is then the first token of such a line (whether it begins a
     * directive is for the caller to judge), or the end.
     */
    void skipToDirectiveLine() {
        while (true) {
            skipBlanks();
            if (pos >= length) {
                return;
            }
            if (startsLine && (chars[pos] == '#' || (chars[pos] == '%' && pos + 1 < length && chars[pos + 1] == ':'))) {
                return;
            }
            advanceTo(pos);
            next();
            startsLine = false;
        }
    }

    /** The next token, {@code END} at the end of the text. */
    private PpToken token() {
        boolean space = skipBlanks();
        if (pos >= length) {
            advanceTo(pos);
            return new PpToken(PpToken.Kind.END, "", file, line, columnOf(pos), space, true, HideSet.EMPTY);
        }
        int start = pos;
        if (splicesApplied < spliceCount) {
            advanceTo(start);
        }
        PpToken.Kind kind = next();
        PpToken t = new PpToken(kind, spellings.of(chars, start, pos), file, line, columnOf(start), space, startsLine,
                HideSet.EMPTY);
        startsLine = false;
        return t;
    }

    /** Moves past whitespace and comments, noting a line break in {@link #startsLine}; true when blanks precede the token. */
    private boolean skipBlanks() {
        boolean space = false;
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
                pos = afterComment(pos + 2);
                space = true;
            } else if (c == '/' && pos + 1 < length && chars[pos + 1] == '/') {
                int newline = indexOf('\n', pos);
                pos = newline < 0 ? length : newline;
                space = true;
            } else {
                return space;
            }
        }
        return space;
    }

    private PpToken.Kind next() {
        char c = chars[pos];
        // Identifiers first, the commonest token (L, u and U may begin a literal instead).
        if (c < 128 && IDENTIFIER_PART[c] && (c < '0' || c > '9') && c != 'L' && c != 'u' && c != 'U') {
            int p = pos + 1;
            while (p < length) {
                char d = chars[p];
                if (d < 128 && !IDENTIFIER_PART[d]) {
                    break;
                }
                p++;
            }
            pos = p;
            return PpToken.Kind.IDENTIFIER;
        }
        if (isDigit(c) || (c == '.' && pos + 1 < length && isDigit(chars[pos + 1]))) {
            pos++;
            while (pos < length) {
                char d = chars[pos];
                if ((d == '+' || d == '-') && isExponent(chars[pos - 1])) {
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
        int prefix = literalPrefix(c);
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
            while (pos < length && (chars[pos] >= 128 || IDENTIFIER_PART[chars[pos]])) {
                pos++;
            }
            return PpToken.Kind.IDENTIFIER;
        }
        if (c < 128) {
            for (String p : LONGER_PUNCTUATORS[c]) {
                if (matches(p)) {
                    pos += p.length();
                    return PpToken.Kind.PUNCTUATOR;
                }
            }
        }
        pos++;
        return c < 128 && SINGLE_PUNCTUATOR[c] ? PpToken.Kind.PUNCTUATOR : PpToken.Kind.OTHER;
    }

    /** What {@link Character#isDigit(char)} says, without its table for the ASCII range. */
    private static boolean isDigit(char c) {
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    private static boolean isExponent(char c) {
        return c == 'e' || c == 'E' || c == 'p' || c == 'P';
    }

    /**
     * The length of an encoding prefix ({@code L}, {@code u8}, {@code u}, {@code U}) before
     * a quote at {@code c} (0 for none), or -1 when no character or string literal starts here.
     */
    private int literalPrefix(char c) {
        if (c == '"' || c == '\'') {
            return 0;
        }
        if (c != 'L' && c != 'u' && c != 'U') {
            return -1;
        }
        int prefix = c == 'u' && pos + 1 < length && chars[pos + 1] == '8' ? 2 : 1;
        if (prefix == 2 && !isQuote(pos + 2)) {
            prefix = 1;
        }
        return isQuote(pos + prefix) ? prefix : -1;
    }

    private boolean isQuote(int at) {
        return at < length && (chars[at] == '"' || chars[at] == '\'');
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

    /** Where the block comment whose text starts at {@code from} ends (after its closing star and slash, or the end of the text), counting its newlines. */
    private int afterComment(int from) {
        for (int i = from; i < length; i++) {
            char c = chars[i];
            if (c == '/' && i > from && chars[i - 1] == '*') {
                return i + 1;
            }
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return length;
    }

    private int indexOf(char c, int from) {
        for (int i = from; i < length; i++) {
            if (chars[i] == c) {
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
