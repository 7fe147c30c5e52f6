package dev.isthmus.lua.parse;

import dev.isthmus.lua.runtime.LuaString;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits Lua source bytes into tokens: Lua 5.1's lexical rules plus LuaJIT's additions
 * ({@code \x}, {@code \z}, {@code \\u{...}} escapes, hexadecimal floats, {@code LL}/{@code ULL}
 * 64-bit integer literals and {@code i} imaginary literals). A first line starting with
 * {@code #} is skipped, as the standalone interpreters do.
 */
public final class Lexer {
    private final byte[] src;
    private final String chunkName;
    private int pos;
    private int line = 1;

    public Lexer(byte[] source, String chunkName) {
        this.src = source;
        this.chunkName = chunkName;
        if (src.length > 0 && src[0] == '#') {
            while (pos < src.length && src[pos] != '\n') {
                pos++;
            }
        }
    }

    public String chunkName() {
        return chunkName;
    }

    private int peek(int ahead) {
        int i = pos + ahead;
        return i < src.length ? src[i] & 0xFF : -1;
    }

    public Token next() {
        while (true) {
            int c = peek(0);
            switch (c) {
                case -1 -> {
                    return token(TokenKind.EOF, "<eof>", null);
                }
                case '\n', '\r' -> newline();
                case ' ', '\t', 0x0B, '\f' -> pos++;
                case '-' -> {
                    if (peek(1) != '-') {
                        pos++;
                        return token(TokenKind.MINUS, "-", null);
                    }
                    pos += 2;
                    if (peek(0) == '[') {
                        int level = longBracketLevel();
                        if (level >= 0) {
                            readLongString(level, "comment");
                            continue;
                        }
                    }
                    while (peek(0) != -1 && peek(0) != '\n' && peek(0) != '\r') {
                        pos++;
                    }
                }
                default -> {
                    return scanToken(c);
                }
            }
        }
    }

    private Token scanToken(int c) {
        int start = pos;
        if (isAlpha(c)) {
            while (isAlnum(peek(0))) {
                pos++;
            }
            String word = new String(src, start, pos - start, StandardCharsets.ISO_8859_1);
            TokenKind kind = TokenKind.reserved(word);
            return token(kind, word, kind == TokenKind.NAME ? LuaString.of(src, start, pos) : null);
        }
        if (isDigit(c) || c == '.' && isDigit(peek(1))) {
            return number();
        }
        switch (c) {
            case '"', '\'' -> {
                return quotedString(c);
            }
            case '[' -> {
                int level = longBracketLevel();
                if (level >= 0) {
                    int tokenLine = line;
                    LuaString s = readLongString(level, "string");
                    return new Token(TokenKind.STRING, tokenLine, text(start), s, false);
                }
                if (level == -2) {
                    throw error("invalid long string delimiter", text(start));
                }
                pos++;
                return token(TokenKind.LBRACKET, "[", null);
            }
            default -> {
                return symbol(c);
            }
        }
    }

    private Token symbol(int c) {
        pos++;
        TokenKind kind = switch (c) {
            case '+' -> TokenKind.PLUS;
            case '*' -> TokenKind.STAR;
            case '/' -> TokenKind.SLASH;
            case '%' -> TokenKind.PERCENT;
            case '^' -> TokenKind.CARET;
            case '#' -> TokenKind.HASH;
            case '(' -> TokenKind.LPAREN;
            case ')' -> TokenKind.RPAREN;
            case '{' -> TokenKind.LBRACE;
            case '}' -> TokenKind.RBRACE;
            case ']' -> TokenKind.RBRACKET;
            case ';' -> TokenKind.SEMICOLON;
            case ',' -> TokenKind.COMMA;
            case '=' -> match('=') ? TokenKind.EQ : TokenKind.ASSIGN;
            case '<' -> match('=') ? TokenKind.LE : TokenKind.LT;
            case '>' -> match('=') ? TokenKind.GE : TokenKind.GT;
            case '~' -> {
                if (!match('=')) {
                    throw error("unexpected symbol", "~");
                }
                yield TokenKind.NE;
            }
            case ':' -> match(':') ? TokenKind.DOUBLE_COLON : TokenKind.COLON;
            case '.' -> match('.') ? (match('.') ? TokenKind.DOTS : TokenKind.CONCAT) : TokenKind.DOT;
            default -> throw error("unexpected symbol", new String(new char[] {(char) c}));
        };
        return token(kind, kind.spelling(), null);
    }

    private boolean match(int expected) {
        if (peek(0) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private Token token(TokenKind kind, String text, Object value) {
        return new Token(kind, line, text, value, false);
    }

    private String text(int start) {
        return new String(src, start, pos - start, StandardCharsets.ISO_8859_1);
    }

    private void newline() {
        int c = peek(0);
        pos++;
        int d = peek(0);
        if ((d == '\n' || d == '\r') && d != c) {
            pos++;
        }
        line++;
    }

    /**
     * Numbers as LuaJIT scans them: the longest run of alphanumerics, dots and exponent signs,
     * then interpreted as a whole (so {@code 3..2} is a malformed number, as in Lua).
     */
    private Token number() {
        int start = pos;
        int first = peek(0);
        boolean hex = first == '0' && (peek(1) == 'x' || peek(1) == 'X');
        while (true) {
            int c = peek(0);
            if (isAlnum(c) || c == '.') {
                pos++;
            } else if ((c == '+' || c == '-') && pos > start
                    && (hex ? (src[pos - 1] | 0x20) == 'p' : (src[pos - 1] | 0x20) == 'e')) {
                pos++;
            } else {
                break;
            }
        }
        String text = text(start);
        Token t = Literals.parse(text, line);
        if (t == null) {
            throw error("malformed number", text);
        }
        return t;
    }

    private Token quotedString(int quote) {
        int start = pos;
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int c = peek(0);
            if (c == quote) {
                pos++;
                break;
            }
            switch (c) {
                case -1 -> throw error("unfinished string", "<eof>");
                case '\n', '\r' -> throw error("unfinished string", text(start));
                case '\\' -> escape(out, start);
                default -> {
                    out.write(c);
                    pos++;
                }
            }
        }
        return new Token(TokenKind.STRING, line, text(start), LuaString.wrap(out.toByteArray()), false);
    }

    private int stringStart;

    /** LuaJIT names the string read so far, up to the backslash, in this message. */
    private LuaSyntaxError invalidEscape(int escapeStart) {
        return error("invalid escape sequence", new String(src, stringStart, escapeStart - stringStart, StandardCharsets.ISO_8859_1));
    }

    private void escape(ByteArrayOutputStream out, int stringStart) {
        this.stringStart = stringStart;
        int escapeStart = pos;
        pos++;
        int c = peek(0);
        switch (c) {
            case 'a' -> simple(out, 7);
            case 'b' -> simple(out, 8);
            case 'f' -> simple(out, 12);
            case 'n' -> simple(out, '\n');
            case 'r' -> simple(out, '\r');
            case 't' -> simple(out, '\t');
            case 'v' -> simple(out, 11);
            case '\\', '"', '\'' -> simple(out, c);
            case '\n', '\r' -> {
                newline();
                out.write('\n');
            }
            case 'x' -> {
                pos++;
                int value = 0;
                for (int i = 0; i < 2; i++) {
                    int digit = Character.digit(peek(0), 16);
                    if (peek(0) < 0 || digit < 0) {
                        throw invalidEscape(escapeStart);
                    }
                    value = value * 16 + digit;
                    pos++;
                }
                out.write(value);
            }
            case 'z' -> {
                pos++;
                while (true) {
                    int w = peek(0);
                    if (w == '\n' || w == '\r') {
                        newline();
                    } else if (w == ' ' || w == '\t' || w == 0x0B || w == '\f') {
                        pos++;
                    } else {
                        break;
                    }
                }
            }
            case 'u' -> unicodeEscape(out, escapeStart);
            case -1 -> throw error("unfinished string", "<eof>");
            default -> {
                if (!isDigit(c)) {
                    throw invalidEscape(escapeStart);
                }
                int value = 0;
                for (int i = 0; i < 3 && isDigit(peek(0)); i++) {
                    value = value * 10 + peek(0) - '0';
                    pos++;
                }
                if (value > 255) {
                    throw invalidEscape(escapeStart);
                }
                out.write(value);
            }
        }
    }

    private void simple(ByteArrayOutputStream out, int value) {
        out.write(value);
        pos++;
    }

    /** {@code \\u{XXX}}: the code point in UTF-8, up to 0x7FFFFFFF as LuaJIT allows (its 6-byte form). */
    private void unicodeEscape(ByteArrayOutputStream out, int escapeStart) {
        pos++;
        if (peek(0) != '{') {
            throw invalidEscape(escapeStart);
        }
        pos++;
        long cp = 0;
        int digits = 0;
        while (Character.digit(peek(0), 16) >= 0 && peek(0) >= 0) {
            cp = cp * 16 + Character.digit(peek(0), 16);
            if (cp > 0x7FFFFFFFL) {
                throw invalidEscape(escapeStart);
            }
            pos++;
            digits++;
        }
        if (digits == 0 || peek(0) != '}') {
            throw invalidEscape(escapeStart);
        }
        pos++;
        writeUtf8(out, cp);
    }

    private static void writeUtf8(ByteArrayOutputStream out, long cp) {
        if (cp < 0x80) {
            out.write((int) cp);
            return;
        }
        int[] limits = {0x800, 0x10000, 0x200000, 0x4000000};
        int extra = 1;
        while (extra <= 4 && cp >= limits[extra - 1]) {
            extra++;
        }
        int lead = (0xFF00 >> (extra + 1)) & 0xFF;
        out.write((int) (lead | (cp >> (6 * extra))));
        for (int i = extra - 1; i >= 0; i--) {
            out.write((int) (0x80 | ((cp >> (6 * i)) & 0x3F)));
        }
    }

    /** At {@code [}: the level of a long bracket {@code [==[}, -1 if this is a plain {@code [}, -2 for {@code [=} without a second {@code [}. */
    private int longBracketLevel() {
        int i = 1;
        while (peek(i) == '=') {
            i++;
        }
        if (peek(i) == '[') {
            return i - 1;
        }
        return i == 1 ? -1 : -2;
    }

    private LuaString readLongString(int level, String what) {
        pos += level + 2;
        if (peek(0) == '\r' || peek(0) == '\n') {
            newline();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int c = peek(0);
            if (c == -1) {
                throw error("unfinished long " + what, "<eof>");
            }
            if (c == ']') {
                int i = 1;
                while (peek(i) == '=') {
                    i++;
                }
                if (i - 1 == level && peek(i) == ']') {
                    pos += level + 2;
                    return LuaString.wrap(out.toByteArray());
                }
                out.write(c);
                pos++;
            } else if (c == '\n' || c == '\r') {
                newline();
                out.write('\n');
            } else {
                out.write(c);
                pos++;
            }
        }
    }

    LuaSyntaxError error(String message, String near) {
        return new LuaSyntaxError(chunkName, line, message, near);
    }

    private static boolean isAlpha(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(int c) {
        return isAlpha(c) || isDigit(c);
    }
}
