package dev.isthmus.cparser.preprocess;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Evaluates the controlling expression of {@code #if} and {@code #elif} (C11 6.10.1) once
 * macros are expanded and {@code defined} and the {@code __has_*} operators are replaced:
 * integer arithmetic in {@code intmax_t} and {@code uintmax_t} (64 bits) with the usual
 * conversions, identifiers left over as 0, character constants as {@code int}. Division
 * by zero is an error only where it is evaluated ({@code 0 && 1/0} is fine).
 */
final class ConditionEvaluator {
    /** A value and whether its type is {@code uintmax_t}. */
    private record Value(long bits, boolean unsigned) {
        boolean isTrue() {
            return bits != 0;
        }
    }

    static final class Failure extends RuntimeException {
        final PpToken at;

        Failure(String message, PpToken at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private final List<PpToken> tokens;
    private int pos;

    private ConditionEvaluator(List<PpToken> tokens) {
        this.tokens = tokens;
    }

    /** True when the expression is nonzero; throws {@link Failure} with the offending token. */
    static boolean evaluate(List<PpToken> tokens, PpToken directive) {
        if (tokens.isEmpty()) {
            throw new Failure("#if with no expression", directive);
        }
        ConditionEvaluator e = new ConditionEvaluator(tokens);
        Value v = e.conditional(true);
        if (e.pos < tokens.size()) {
            throw missingOperator(tokens.get(e.pos));
        }
        return v.isTrue();
    }

    private static Failure missingOperator(PpToken before) {
        return new Failure("missing binary operator before token \"" + before.text() + "\"", before);
    }

    private PpToken peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean accept(String op) {
        PpToken t = peek();
        if (t != null && t.kind() == PpToken.Kind.PUNCTUATOR && t.text().equals(op)) {
            pos++;
            return true;
        }
        return false;
    }

    private PpToken last() {
        return tokens.get(Math.min(pos, tokens.size() - 1));
    }

    private Value conditional(boolean live) {
        Value c = binary(0, live);
        if (!accept("?")) {
            return c;
        }
        Value a = commaFree(live && c.isTrue());
        if (!accept(":")) {
            throw new Failure("'?' without following ':'", last());
        }
        Value b = conditional(live && !c.isTrue());
        boolean unsigned = a.unsigned || b.unsigned;
        return new Value(c.isTrue() ? a.bits : b.bits, unsigned);
    }

    private Value commaFree(boolean live) {
        Value v = conditional(live);
        while (accept(",")) {
            v = conditional(live);
        }
        return v;
    }

    /**
     * The binary operators, loosest first (C11 6.5.5 to 6.5.14): an operator's code is its index
     * here, and its precedence level {@link #LEVEL}. Codes rather than spellings past the lookup:
     * {@link #apply} switches on an {@code int}, which C1 compiles to a jump table, where a
     * {@code switch} on strings is a hash, a comparison and a second switch (this method is compiled
     * on every cold run: thousands of {@code #if} lines run it).
     */
    private static final String[] OPERATORS = {"||", "&&", "|", "^", "&", "==", "!=", "<", ">", "<=", ">=", "<<", ">>",
            "+", "-", "*", "/", "%"};
    private static final int OR = 0;
    private static final int AND = 1;
    private static final int BIT_OR = 2;
    private static final int XOR = 3;
    private static final int BIT_AND = 4;
    private static final int EQUAL = 5;
    private static final int NOT_EQUAL = 6;
    private static final int LESS = 7;
    private static final int GREATER = 8;
    private static final int LESS_EQUAL = 9;
    private static final int GREATER_EQUAL = 10;
    private static final int SHIFT_LEFT = 11;
    private static final int SHIFT_RIGHT = 12;
    private static final int PLUS = 13;
    private static final int MINUS = 14;
    private static final int TIMES = 15;
    private static final int DIVIDE = 16;
    private static final int REMAINDER = 17;
    /** Each operator's precedence level, by code. */
    private static final int[] LEVEL = {0, 1, 2, 3, 4, 5, 5, 6, 6, 6, 6, 7, 7, 8, 8, 9, 9, 9};
    private static final Map<String, Integer> CODE_OF = codes();

    private static Map<String, Integer> codes() {
        Map<String, Integer> codeOf = new HashMap<>();
        for (int code = 0; code < OPERATORS.length; code++) {
            codeOf.put(OPERATORS[code], code);
        }
        return Map.copyOf(codeOf);
    }

    /** Operands joined by operators of {@code minLevel} or tighter, left to right (precedence climbing). */
    private Value binary(int minLevel, boolean live) {
        Value left = unary(live);
        while (true) {
            PpToken t = peek();
            Integer code = t == null || t.kind() != PpToken.Kind.PUNCTUATOR ? null : CODE_OF.get(t.text());
            if (code == null || LEVEL[code] < minLevel) {
                return left;
            }
            pos++;
            boolean rightLive = live && !(code == OR && left.isTrue()) && !(code == AND && !left.isTrue());
            Value right = binary(LEVEL[code] + 1, rightLive);
            left = apply(code, left, right, rightLive, t);
        }
    }

    private static Value apply(int op, Value a, Value b, boolean live, PpToken at) {
        boolean u = a.unsigned || b.unsigned;
        long x = a.bits;
        long y = b.bits;
        return switch (op) {
            case OR -> bool(a.isTrue() || b.isTrue());
            case AND -> bool(a.isTrue() && b.isTrue());
            case BIT_OR -> new Value(x | y, u);
            case XOR -> new Value(x ^ y, u);
            case BIT_AND -> new Value(x & y, u);
            case EQUAL -> bool(x == y);
            case NOT_EQUAL -> bool(x != y);
            case LESS -> bool(u ? Long.compareUnsigned(x, y) < 0 : x < y);
            case GREATER -> bool(u ? Long.compareUnsigned(x, y) > 0 : x > y);
            case LESS_EQUAL -> bool(u ? Long.compareUnsigned(x, y) <= 0 : x <= y);
            case GREATER_EQUAL -> bool(u ? Long.compareUnsigned(x, y) >= 0 : x >= y);
            case SHIFT_LEFT -> shift(a, y, b.unsigned, true);
            case SHIFT_RIGHT -> shift(a, y, b.unsigned, false);
            case PLUS -> new Value(x + y, u);
            case MINUS -> new Value(x - y, u);
            case TIMES -> new Value(x * y, u);
            default -> divide(op == DIVIDE, x, y, u, live, at);
        };
    }

    /** {@code x / y} or {@code x % y}; division by zero is an error only where it is evaluated. */
    private static Value divide(boolean quotient, long x, long y, boolean u, boolean live, PpToken at) {
        if (y == 0) {
            if (live) {
                throw new Failure("division by zero in #if", at);
            }
            return new Value(0, u);
        }
        if (u) {
            return new Value(quotient ? Long.divideUnsigned(x, y) : Long.remainderUnsigned(x, y), true);
        }
        if (x == Long.MIN_VALUE && y == -1) {
            return new Value(quotient ? x : 0, false);
        }
        return new Value(quotient ? x / y : x % y, false);
    }

    /** A shift as GCC's preprocessor does it: a negative count shifts the other way, a count of 64 or more leaves 0 or the sign. */
    private static Value shift(Value a, long count, boolean countUnsigned, boolean left) {
        if (!countUnsigned && count < 0) {
            left = !left;
            count = -count;
        }
        boolean big = countUnsigned ? Long.compareUnsigned(count, 64) >= 0 : count >= 64;
        if (left) {
            return new Value(big ? 0 : a.bits << count, a.unsigned);
        }
        if (big) {
            return new Value(a.unsigned || a.bits >= 0 ? 0 : -1, a.unsigned);
        }
        return new Value(a.unsigned ? a.bits >>> count : a.bits >> count, a.unsigned);
    }

    private static Value bool(boolean b) {
        return new Value(b ? 1 : 0, false);
    }

    private Value unary(boolean live) {
        PpToken t = peek();
        if (t == null) {
            throw new Failure("#if expression ends early", last());
        }
        if (t.kind() == PpToken.Kind.PUNCTUATOR) {
            // A switch on the one character, not on the spelling: a jump table rather than a comparison per case.
            String op = t.text();
            switch (op.length() == 1 ? op.charAt(0) : 0) {
                case '+' -> {
                    pos++;
                    return unary(live);
                }
                case '-' -> {
                    pos++;
                    Value v = unary(live);
                    return new Value(-v.bits, v.unsigned);
                }
                case '~' -> {
                    pos++;
                    Value v = unary(live);
                    return new Value(~v.bits, v.unsigned);
                }
                case '!' -> {
                    pos++;
                    return bool(!unary(live).isTrue());
                }
                case '(' -> {
                    pos++;
                    Value v = commaFree(live);
                    if (!accept(")")) {
                        throw new Failure("missing ')' in expression", last());
                    }
                    return v;
                }
                default -> throw invalid(t);
            }
        }
        pos++;
        return switch (t.kind()) {
            case IDENTIFIER -> new Value(0, false);
            case NUMBER -> number(t);
            case CHARACTER -> new Value(CharacterConstants.value(t.text()), false);
            default -> throw invalid(t);
        };
    }

    /** Kept out of the methods that read operands, which C1 compiles on every cold run: a message's concatenation is a call site and code of its own. */
    private static Failure invalid(PpToken t) {
        return new Failure("token \"" + t.text() + "\" is not valid in preprocessor expressions", t);
    }

    /** The value of an ASCII digit or lower-case letter as a digit; 99 for any other character. */
    private static int digitValue(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
    }

    /**
     * An integer constant: {@code 0x} and hexadecimal digits, {@code 0b} and binary ones,
     * {@code 0} and octal ones, or decimal digits not starting with 0; then any of the
     * suffix letters u and l. Digit separators ({@code '}) are ignored.
     */
    private static Value number(PpToken t) {
        String lower = t.text().replace("'", "").toLowerCase(Locale.ROOT);
        int radix;
        int start;
        if (lower.startsWith("0x")) {
            radix = 16;
            start = 2;
        } else if (lower.startsWith("0b")) {
            radix = 2;
            start = 2;
        } else if (lower.startsWith("0")) {
            radix = 8;
            start = 1;
        } else {
            radix = 10;
            start = 0;
        }
        int end = start;
        while (end < lower.length() && digitValue(lower.charAt(end)) < radix) {
            end++;
        }
        boolean digitsNeeded = radix != 8;
        boolean suffixOnly = true;
        for (int i = end; i < lower.length(); i++) {
            suffixOnly &= lower.charAt(i) == 'u' || lower.charAt(i) == 'l';
        }
        if ((digitsNeeded && end == start) || !suffixOnly) {
            throw notAnInteger(t, lower);
        }
        try {
            long bits = end == start ? 0 : Long.parseUnsignedLong(lower, start, end, radix);
            // A constant too large for intmax_t is unsigned (GCC warns "so large that it is unsigned").
            return new Value(bits, lower.indexOf('u', end) >= 0 || bits < 0);
        } catch (NumberFormatException e) {
            throw tooLarge(t);
        }
    }

    private static Failure notAnInteger(PpToken t, String lower) {
        boolean floating = lower.contains(".") || (!lower.startsWith("0x") && lower.contains("e")) || lower.contains("p");
        return new Failure(floating ? "floating constant in preprocessor expression"
                : "invalid integer constant \"" + t.text() + "\" in #if", t);
    }

    private static Failure tooLarge(PpToken t) {
        return new Failure("integer constant \"" + t.text() + "\" is too large for #if", t);
    }
}
