package dev.isthmus.cparser.preprocess;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final List<List<String>> LEVELS = List.of(
            List.of("||"), List.of("&&"), List.of("|"), List.of("^"), List.of("&"), List.of("==", "!="),
            List.of("<", ">", "<=", ">="), List.of("<<", ">>"), List.of("+", "-"), List.of("*", "/", "%"));

    private Value binary(int level, boolean live) {
        if (level == LEVELS.size()) {
            return unary(live);
        }
        Value left = binary(level + 1, live);
        while (true) {
            PpToken t = peek();
            if (t == null || t.kind() != PpToken.Kind.PUNCTUATOR || !LEVELS.get(level).contains(t.text())) {
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

    /** An integer constant: hexadecimal, binary, octal or decimal digits, then any of the suffixes u, l, ll. */
    private static final Pattern INTEGER = Pattern.compile(
            "(?:0x(?<hex>[0-9a-f]+)|0b(?<bin>[01]+)|0(?<oct>[0-7]*)|(?<dec>[1-9][0-9]*))(?<suffix>[ul]*)");

    private static Value number(PpToken t) {
        String lower = t.text().replace("'", "").toLowerCase(Locale.ROOT);
        Matcher m = INTEGER.matcher(lower);
        if (!m.matches()) {
            boolean floating = lower.contains(".") || (!lower.startsWith("0x") && lower.contains("e")) || lower.contains("p");
            throw new Failure(floating ? "floating constant in preprocessor expression"
                    : "invalid integer constant \"" + t.text() + "\" in #if", t);
        }
        String[][] forms = {{"hex", "16"}, {"bin", "2"}, {"oct", "8"}, {"dec", "10"}};
        for (String[] form : forms) {
            String digits = m.group(form[0]);
            if (digits == null) {
                continue;
            }
            try {
                long bits = digits.isEmpty() ? 0 : Long.parseUnsignedLong(digits, Integer.parseInt(form[1]));
                // A constant too large for intmax_t is unsigned (GCC warns "so large that it is unsigned").
                return new Value(bits, m.group("suffix").contains("u") || bits < 0);
            } catch (NumberFormatException e) {
                break;
            }
        }
        throw new Failure("integer constant \"" + t.text() + "\" is too large for #if", t);
    }
}
