package dev.isthmus.cparser.preprocess;

import java.nio.charset.StandardCharsets;
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

    /** The text, its splices removed ({@link SourceText}); only {@code bytes[0, length)} is read. */
    private final byte[] bytes;
    private final int length;
    /** Whether {@link #bytes} is UTF-8, so spellings are decoded as such (and columns count bytes). */
    private final boolean utf8;
    private final String file;
    private final Spellings spellings;
    private int pos;
    /** Whether the next token is the first of its line. */
    private boolean startsLine = true;

    /**
     * Where line splices were removed ({@link SourceText}). Positions are kept this way, and
     * newlines counted as the tokenizer passes them, rather than a line and column stored per
     * character: lexing is most of the preprocessor's time.
     */
    private final int[] spliceOffsets;
    private final int[] spliceLines;
    private final int spliceCount;
    /** Splices applied so far, the physical line reached, and where in {@code bytes} its column 1 is. */
    private int splicesApplied;
    private int line = 1;
    private int lineStart;

    /** A lexer over {@code text}, handing out its tokens one by one ({@link #nextToken}), each spelling from {@code spellings}. */
    PpLexer(String text, String file, Spellings spellings) {
        this(SourceText.of(text), file, spellings);
    }

    /** A lexer over a file's text. */
    PpLexer(SourceText text, String file, Spellings spellings) {
        this.file = file;
        this.spellings = spellings;
        this.bytes = text.bytes;
        this.length = text.length;
        this.utf8 = text.utf8;
        this.spliceOffsets = text.spliceOffsets;
        this.spliceLines = text.spliceLines;
        this.spliceCount = text.spliceCount;
    }

    private static int indexOf(byte[] b, byte value, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
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


    /** The tokens of a whole file; the last is {@code END}. */
    static List<PpToken> tokenize(String text, String file) {
        return tokenize(text, file, new Spellings());
    }

    /** The tokens of a whole file, each spelling taken from {@code spellings}; the last is {@code END}. */
    static List<PpToken> tokenize(String text, String file, Spellings spellings) {
        return new PpLexer(text, file, spellings).all();
    }

    /**
     * The one token that a spelling lexes to, its spelling from {@code spellings}, or null when
     * it is not exactly one (for {@code ##}, a couple of thousand times a header set: two tokens
     * read, no list of them and no table of spellings of its own).
     */
    static PpToken single(String spelling, Spellings spellings) {
        PpLexer lexer = new PpLexer(spelling, "", spellings);
        PpToken first = lexer.token();
        if (first.isEnd() || first.space() || first.text().length() != spelling.length()) {
            return null;
        }
        return lexer.token().isEnd() ? first : null;
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
            if (startsLine && (bytes[pos] == '#' || (bytes[pos] == '%' && pos + 1 < length && bytes[pos + 1] == ':'))) {
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
            return new PpToken(PpToken.Kind.END, Spelling.EMPTY, file, line, columnOf(pos), space, true, HideSet.EMPTY);
        }
        int start = pos;
        if (splicesApplied < spliceCount) {
            advanceTo(start);
        }
        PpToken.Kind kind = next();
        Spelling spelling = utf8 ? spellings.of(new String(bytes, start, pos - start, StandardCharsets.UTF_8))
                : spellings.of(bytes, start, pos);
        PpToken t = new PpToken(kind, spelling, file, line, columnOf(start), space, startsLine,
                HideSet.EMPTY);
        startsLine = false;
        return t;
    }

    /** Moves past whitespace and comments, noting a line break in {@link #startsLine}; true when blanks precede the token. */
    private boolean skipBlanks() {
        boolean space = false;
        while (pos < length) {
            byte c = bytes[pos];
            if (c == '\n') {
                startsLine = true;
                space = false;
                pos++;
                line++;
                lineStart = pos;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\u000b' || c == '\r') {
                space = true;
                pos++;
            } else if (c == '/' && pos + 1 < length && bytes[pos + 1] == '*') {
                pos = afterComment(pos + 2);
                space = true;
            } else if (c == '/' && pos + 1 < length && bytes[pos + 1] == '/') {
                int newline = indexOf(bytes, (byte) '\n', pos, length);
                pos = newline < 0 ? length : newline;
                space = true;
            } else {
                return space;
            }
        }
        return space;
    }

    private PpToken.Kind next() {
        int c = bytes[pos] & 0xFF;
        // Identifiers first, the commonest token (L, u and U may begin a literal instead).
        if (c < 128 && IDENTIFIER_PART[c] && (c < '0' || c > '9') && c != 'L' && c != 'u' && c != 'U') {
            int p = pos + 1;
            while (p < length) {
                byte d = bytes[p];
                if (d >= 0 && !IDENTIFIER_PART[d]) {
                    break;
                }
                p++;
            }
            pos = p;
            return PpToken.Kind.IDENTIFIER;
        }
        if (isDigit(c) || (c == '.' && pos + 1 < length && isDigit(bytes[pos + 1]))) {
            pos++;
            while (pos < length) {
                int d = bytes[pos] & 0xFF;
                if ((d == '+' || d == '-') && isExponent(bytes[pos - 1])) {
                    pos++;
                } else if (isIdentifierPart(d) || d == '.') {
                    pos++;
                } else if (d == '\'' && pos + 1 < length && isIdentifierPart(bytes[pos + 1] & 0xFF)) {
                    pos += 2;
                } else {
                    break;
                }
            }
            return PpToken.Kind.NUMBER;
        }
        int prefix = literalPrefix(c);
        if (prefix >= 0) {
            byte quote = bytes[pos + prefix];
            pos += prefix + 1;
            while (pos < length && bytes[pos] != quote && bytes[pos] != '\n') {
                pos += bytes[pos] == '\\' && pos + 1 < length && bytes[pos + 1] != '\n' ? 2 : 1;
            }
            if (pos < length && bytes[pos] == quote) {
                pos++;
                return quote == '"' ? PpToken.Kind.STRING : PpToken.Kind.CHARACTER;
            }
            return PpToken.Kind.OTHER;
        }
        if (isIdentifierStart(c)) {
            while (pos < length && (bytes[pos] < 0 || IDENTIFIER_PART[bytes[pos]])) {
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

    /** An ASCII digit (no character from 0x80 to 0xFF is a digit; in UTF-8 text a byte from 0x80 is part of an identifier). */
    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isExponent(int c) {
        return c == 'e' || c == 'E' || c == 'p' || c == 'P';
    }

    /**
     * The length of an encoding prefix ({@code L}, {@code u8}, {@code u}, {@code U}) before
     * a quote at {@code c} (0 for none), or -1 when no character or string literal starts here.
     */
    private int literalPrefix(int c) {
        if (c == '"' || c == '\'') {
            return 0;
        }
        if (c != 'L' && c != 'u' && c != 'U') {
            return -1;
        }
        int prefix = c == 'u' && pos + 1 < length && bytes[pos + 1] == '8' ? 2 : 1;
        if (prefix == 2 && !isQuote(pos + 2)) {
            prefix = 1;
        }
        return isQuote(pos + prefix) ? prefix : -1;
    }

    private boolean isQuote(int at) {
        return at < length && (bytes[at] == '"' || bytes[at] == '\'');
    }

    private boolean matches(String s) {
        if (pos + s.length() > length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (bytes[pos + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Where the block comment whose text starts at {@code from} ends (after its closing star and slash, or the end of the text), counting its newlines. */
    private int afterComment(int from) {
        for (int i = from; i < length; i++) {
            byte c = bytes[i];
            if (c == '/' && i > from && bytes[i - 1] == '*') {
                return i + 1;
            }
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return length;
    }

    static boolean isIdentifierStart(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
    }

    static boolean isIdentifierPart(int c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }
}
