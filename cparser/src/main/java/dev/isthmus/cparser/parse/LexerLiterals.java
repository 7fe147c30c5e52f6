package dev.isthmus.cparser.parse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token type {@link CDeclarationsLexer} gives a whole spelling, answered without running
 * the lexer where its rules make the answer plain: a keyword or punctuator (a rule that is
 * only literal alternatives, {@code CONST : 'const' | '__const' | '__const__'}) is its rule's
 * type, a spelling of a literal rule that skips ({@code __extension__}) is skipped, and any
 * other spelling of {@code IDENTIFIER}'s shape is an {@code IDENTIFIER}. The literals are a
 * table here rather than read from the lexer's ATN at run time, so the preprocessor's path to
 * the parser never loads the lexer (deserializing its ATN was a tenth of the preprocessor's
 * thread from cold); {@code LexerLiteralsTest} checks the table equals what the ATN says, so
 * a change of the grammar that the table misses fails the build.
 *
 * <p>Why: running the generated lexer on each of the few thousand distinct spellings of a
 * header set built its DFA from cold, about a sixth of the preprocessor's time in step with
 * the parser (issue #13's cold start). Plain integer constants and string literals are
 * answered too; other numbers, strings and anything else still go to the lexer
 * ({@link #typeOf} is empty).
 */
final class LexerLiterals {
    /** What {@link #typeOf} answers for a spelling the lexer skips. */
    static final int SKIPPED = -2;
    /**
     * Spelling to token type (or {@link #SKIPPED}): the spellings of {@code IDENTIFIER}'s shape
     * of the literal rules before {@code IDENTIFIER} (which win over it), and the other spellings
     * of every literal rule (the first rule winning, as in the lexer).
     */
    private static final Map<String, Integer> LITERALS = new HashMap<>(256);

    static {
        entry(SKIPPED, "__extension__");
        entry(CDeclarationsLexer.AUTO, "auto");
        entry(CDeclarationsLexer.BOOL, "_Bool");
        entry(CDeclarationsLexer.CHAR, "char");
        entry(CDeclarationsLexer.CONST, "__const", "__const__", "const");
        entry(CDeclarationsLexer.DOUBLE, "double");
        entry(CDeclarationsLexer.ENUM, "enum");
        entry(CDeclarationsLexer.EXTERN, "extern");
        entry(CDeclarationsLexer.FLOAT, "float");
        entry(CDeclarationsLexer.INLINE, "__inline", "__inline__", "inline");
        entry(CDeclarationsLexer.INT, "int");
        entry(CDeclarationsLexer.LONG, "long");
        entry(CDeclarationsLexer.REGISTER, "register");
        entry(CDeclarationsLexer.RESTRICT, "__restrict", "__restrict__", "restrict");
        entry(CDeclarationsLexer.SHORT, "short");
        entry(CDeclarationsLexer.SIGNED, "__signed", "__signed__", "signed");
        entry(CDeclarationsLexer.SIZEOF, "sizeof");
        entry(CDeclarationsLexer.STATIC, "static");
        entry(CDeclarationsLexer.STRUCT, "struct");
        entry(CDeclarationsLexer.TYPEDEF, "typedef");
        entry(CDeclarationsLexer.UNION, "union");
        entry(CDeclarationsLexer.UNSIGNED, "unsigned");
        entry(CDeclarationsLexer.VOID, "void");
        entry(CDeclarationsLexer.VOLATILE, "__volatile", "__volatile__", "volatile");
        entry(CDeclarationsLexer.ALIGNAS, "_Alignas", "alignas");
        entry(CDeclarationsLexer.ALIGNOF, "_Alignof", "__alignof", "__alignof__", "alignof");
        entry(CDeclarationsLexer.ATOMIC, "_Atomic");
        entry(CDeclarationsLexer.COMPLEX, "_Complex", "__complex", "__complex__");
        entry(CDeclarationsLexer.NORETURN, "_Noreturn");
        entry(CDeclarationsLexer.STATIC_ASSERT, "_Static_assert", "static_assert");
        entry(CDeclarationsLexer.THREAD_LOCAL, "_Thread_local", "__thread");
        entry(CDeclarationsLexer.INT128, "__int128", "__int128__");
        entry(CDeclarationsLexer.FLOAT_N, "_Float128", "_Float16", "_Float32", "_Float32x", "_Float64", "_Float64x", "__float128", "__fp16");
        entry(CDeclarationsLexer.ATTRIBUTE, "__attribute", "__attribute__");
        entry(CDeclarationsLexer.ASM, "__asm", "__asm__", "asm");
        entry(CDeclarationsLexer.TYPEOF, "__typeof", "__typeof__", "typeof");
        entry(CDeclarationsLexer.OFFSETOF, "__builtin_offsetof");
        entry(CDeclarationsLexer.NULLABILITY, "_Nonnull", "_Null_unspecified", "_Nullable");
        entry(CDeclarationsLexer.DOLLAR, "$");
        entry(CDeclarationsLexer.ELLIPSIS, "...");
        entry(CDeclarationsLexer.LPAREN, "(");
        entry(CDeclarationsLexer.RPAREN, ")");
        entry(CDeclarationsLexer.LBRACKET, "[");
        entry(CDeclarationsLexer.RBRACKET, "]");
        entry(CDeclarationsLexer.LBRACE, "{");
        entry(CDeclarationsLexer.RBRACE, "}");
        entry(CDeclarationsLexer.SEMI, ";");
        entry(CDeclarationsLexer.COMMA, ",");
        entry(CDeclarationsLexer.COLON, ":");
        entry(CDeclarationsLexer.QUESTION, "?");
        entry(CDeclarationsLexer.ASSIGN, "=");
        entry(CDeclarationsLexer.STAR, "*");
        entry(CDeclarationsLexer.DOT, ".");
        entry(CDeclarationsLexer.ARROW, "->");
        entry(CDeclarationsLexer.PLUS, "+");
        entry(CDeclarationsLexer.MINUS, "-");
        entry(CDeclarationsLexer.TILDE, "~");
        entry(CDeclarationsLexer.NOT, "!");
        entry(CDeclarationsLexer.AMP, "&");
        entry(CDeclarationsLexer.DIV, "/");
        entry(CDeclarationsLexer.MOD, "%");
        entry(CDeclarationsLexer.SHL, "<<");
        entry(CDeclarationsLexer.SHR, ">>");
        entry(CDeclarationsLexer.LT, "<");
        entry(CDeclarationsLexer.GT, ">");
        entry(CDeclarationsLexer.LE, "<=");
        entry(CDeclarationsLexer.GE, ">=");
        entry(CDeclarationsLexer.EQ, "==");
        entry(CDeclarationsLexer.NE, "!=");
        entry(CDeclarationsLexer.CARET, "^");
        entry(CDeclarationsLexer.PIPE, "|");
        entry(CDeclarationsLexer.ANDAND, "&&");
        entry(CDeclarationsLexer.OROR, "||");
    }

    private static void entry(int type, String... spellings) {
        for (String spelling : spellings) {
            LITERALS.put(spelling, type);
        }
    }

    private LexerLiterals() {
    }

    /** The table: each literal spelling and its type, for tests. */
    static Map<String, Integer> table() {
        return Map.copyOf(LITERALS);
    }

    /** The lexer's type for {@code text} read whole as one default-channel token, {@link #SKIPPED}, or empty when only the lexer knows. */
    static Optional<Integer> typeOf(String text) {
        if (isIdentifierShaped(text)) {
            return Optional.of(LITERALS.getOrDefault(text, CDeclarationsLexer.IDENTIFIER));
        }
        if (isPlainInteger(text)) {
            return Optional.of(CDeclarationsLexer.INTEGER_CONSTANT);
        }
        if (isPlainString(text)) {
            return Optional.of(CDeclarationsLexer.STRING_LITERAL);
        }
        return Optional.ofNullable(LITERALS.get(text));
    }

    /**
     * The commonest integer constants, decimal, octal or hexadecimal digits and a suffix of
     * {@code u} and {@code l} (a subset of the INTEGER_CONSTANT rule's spellings, which no
     * other rule reads longer), told apart without running the lexer; the rest
     * (separators, floating constants) go to the lexer.
     */
    private static boolean isPlainInteger(String text) {
        int n = text.length();
        int i = 0;
        if (n > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            i = 2;
            while (i < n && Character.digit(text.charAt(i), 16) >= 0) {
                i++;
            }
            if (i == 2) {
                return false;
            }
        } else {
            boolean octal = n > 0 && text.charAt(0) == '0';
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= (octal ? '7' : '9')) {
                i++;
            }
            if (i == 0) {
                return false;
            }
        }
        while (i < n && "uUlL".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i == n;
    }

    /** A string literal without prefix, escape or line break: {@code "..."}, as the STRING_LITERAL rule reads it. */
    private static boolean isPlainString(String text) {
        int n = text.length();
        if (n < 2 || text.charAt(0) != '"' || text.charAt(n - 1) != '"') {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** The shape of the IDENTIFIER rule: {@code [a-zA-Z_$] [a-zA-Z_0-9$]*}. */
    private static boolean isIdentifierShaped(String text) {
        // An ASCII range, not Character.isDigit, whose Unicode tables C1 would compile in with this method.
        if (text.isEmpty() || text.charAt(0) >= '0' && text.charAt(0) <= '9') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$')) {
                return false;
            }
        }
        return true;
    }
}
