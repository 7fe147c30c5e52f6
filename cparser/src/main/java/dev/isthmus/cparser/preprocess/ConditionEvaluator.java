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
            throw new Failure("missing binary operator before token \"" + tokens.get(e.pos).text() + "\"", tokens.get(e.pos));
        }
        return v.isTrue();
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

    /** The binary operators' precedence levels, loosest first (C11 6.5.5 to 6.5.14). */
    private static final List<List<String>> LEVELS = List.of(
            List.of("||"), List.of("&&"), List.of("|"), List.of("^"), List.of("&"), List.of("==", "!="),
            List.of("<", ">", "<=", ">="), List.of("<<", ">>"), List.of("+", "-"), List.of("*", "/", "%"));
    private static final Map<String, Integer> LEVEL_OF = levels();

    private static Map<String, Integer> levels() {
        Map<String, Integer> levelOf = new HashMap<>();
        for (int level = 0; level < LEVELS.size(); level++) {
            for (String op : LEVELS.get(level)) {
                levelOf.put(op, level);
            }
        }
        return Map.copyOf(levelOf);
    }

    /** Operands joined by operators of {@code minLevel} or tighter, left to right (precedence climbing). */
    private Value binary(int minLevel, boolean live) {
        Value left = unary(live);
        while (true) {
            PpToken t = peek();
            Integer level = t == null || t.kind() != PpToken.Kind.PUNCTUATOR ? null : LEVEL_OF.get(t.text());
            if (level == null || level < minLevel) {
                return left;
            }
            pos++;
            String op = t.text();
            boolean rightLive = live && !(op.equals("||") && left.isTrue()) && !(op.equals("&&") && !left.isTrue());
            Value right = binary(level + 1, rightLive);
            left = apply(op, left, right, rightLive, t);
        }
    }

    private static Value apply(String op, Value a, Value b, boolean live, PpToken at) {
        boolean u = a.unsigned || b.unsigned;
        long x = a.bits;
        long y = b.bits;
        return switch (op) {
            case "||" -> bool(a.isTrue() || b.isTrue());
            case "&&" -> bool(a.isTrue() && b.isTrue());
            case "|" -> new Value(x | y, u);
            case "^" -> new Value(x ^ y, u);
            case "&" -> new Value(x & y, u);
            case "==" -> bool(x == y);
            case "!=" -> bool(x != y);
            case "<" -> bool(u ? Long.compareUnsigned(x, y) < 0 : x < y);
            case ">" -> bool(u ? Long.compareUnsigned(x, y) > 0 : x > y);
            case "<=" -> bool(u ? Long.compareUnsigned(x, y) <= 0 : x <= y);
            case ">=" -> bool(u ? Long.compareUnsigned(x, y) >= 0 : x >= y);
            case "<<" -> shift(a, y, b.unsigned, true);
            case ">>" -> shift(a, y, b.unsigned, false);
            case "+" -> new Value(x + y, u);
            case "-" -> new Value(x - y, u);
            case "*" -> new Value(x * y, u);
            case "/", "%" -> {
                if (y == 0) {
                    if (live) {
                        throw new Failure("division by zero in #if", at);
                    }
                    yield new Value(0, u);
                }
                if (u) {
                    yield new Value(op.equals("/") ? Long.divideUnsigned(x, y) : Long.remainderUnsigned(x, y), true);
                }
                if (x == Long.MIN_VALUE && y == -1) {
                    yield new Value(op.equals("/") ? x : 0, false);
                }
                yield new Value(op.equals("/") ? x / y : x % y, false);
            }
            default -> throw new IllegalStateException("operator table and apply disagree on " + op);
        };
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
            switch (t.text()) {
                case "+" -> {
                    pos++;
                    return unary(live);
                }
                case "-" -> {
                    pos++;
                    Value v = unary(live);
                    return new Value(-v.bits, v.unsigned);
                }
                case "~" -> {
                    pos++;
                    Value v = unary(live);
                    return new Value(~v.bits, v.unsigned);
                }
                case "!" -> {
                    pos++;
                    return bool(!unary(live).isTrue());
                }
                case "(" -> {
                    pos++;
                    Value v = commaFree(live);
                    if (!accept(")")) {
                        throw new Failure("missing ')' in expression", last());
                    }
                    return v;
                }
                default -> throw new Failure("token \"" + t.text() + "\" is not valid in preprocessor expressions", t);
            }
        }
        pos++;
        return switch (t.kind()) {
            case IDENTIFIER -> new Value(0, false);
            case NUMBER -> number(t);
            case CHARACTER -> new Value(CharacterConstants.value(t.text()), false);
            default -> throw new Failure("token \"" + t.text() + "\" is not valid in preprocessor expressions", t);
        };
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
            boolean floating = lower.contains(".") || (!lower.startsWith("0x") && lower.contains("e")) || lower.contains("p");
            throw new Failure(floating ? "floating constant in preprocessor expression"
                    : "invalid integer constant \"" + t.text() + "\" in #if", t);
        }
        try {
            long bits = end == start ? 0 : Long.parseUnsignedLong(lower, start, end, radix);
            // A constant too large for intmax_t is unsigned (GCC warns "so large that it is unsigned").
            return new Value(bits, lower.indexOf('u', end) >= 0 || bits < 0);
        } catch (NumberFormatException e) {
            throw new Failure("integer constant \"" + t.text() + "\" is too large for #if", t);
        }
    }
}
