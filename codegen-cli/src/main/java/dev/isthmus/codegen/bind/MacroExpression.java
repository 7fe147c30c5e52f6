package dev.isthmus.codegen.bind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function-like macro's body translated into a Java expression with C's meaning, when it
 * is a constant expression of the macro's parameters (C11 6.6): integer, character and
 * floating constants, the parameters, the header's constants, calls of the header's other
 * such macros (expanded as C does, {@link MacroTokens}), parentheses, casts to arithmetic
 * types, unary {@code - + ~ !}, the binary operators of C from {@code *} to {@code ||} at
 * C's precedence, and {@code ?:}.
 *
 * <p>Each subexpression has a {@link Kind}: integers are {@code long} (arithmetic in 64 bits,
 * as C's would be on {@code long long} arguments), and a {@code float} or {@code double}
 * operand makes the operation floating as C's usual arithmetic conversions do, which Java's
 * numeric promotion matches ({@code long} to {@code float} to {@code double}); a
 * {@code float} result stays a Java {@code float}, rounded as C rounds it. Java has no
 * integer truth, so what C gives as 0 or 1 (comparisons, {@code !}, {@code &&},
 * {@code ||}) becomes {@code (... ? 1L : 0L)} and what C tests becomes {@code (...) != 0};
 * an integer cast converts as C does ({@code (unsigned char) x} is {@code x & 0xFFL},
 * {@code (short) x} is {@code (long) (short) x}, a floating value truncated toward zero
 * first). An integer-only operator ({@code % << >> & | ^ ~}) on a floating operand, and
 * anything else (strings, other names, member access, assignments, commas, {@code long
 * double} constants) is not translated.
 */
final class MacroExpression {
    /** The Java type of a subexpression. */
    enum Kind {
        LONG("long"), FLOAT("float"), DOUBLE("double");

        private final String javaType;

        Kind(String javaType) {
            this.javaType = javaType;
        }

        String javaType() {
            return javaType;
        }

        boolean isFloating() {
            return this != LONG;
        }

        /** C's usual arithmetic conversions, restricted to these three. */
        static Kind common(Kind a, Kind b) {
            return a.ordinal() >= b.ordinal() ? a : b;
        }
    }

    /** A Java expression and its kind. */
    record Typed(String java, Kind kind) {
    }

    /**
     * A macro as a Java method: its body's expression and result kind, and the kind of its
     * parameters ({@code double} when the body computes in floating point and allows it).
     */
    record Translation(String java, Kind result, Kind parameters) {
    }

    /** The integer types a cast may name, with the Java that converts a {@code long} as C converts to them. */
    private static final Map<String, String> CASTS = Map.ofEntries(
            Map.entry("char", "(long) (byte) "), Map.entry("signed char", "(long) (byte) "),
            Map.entry("unsigned char", "0xFFL & "), Map.entry("short", "(long) (short) "),
            Map.entry("short int", "(long) (short) "), Map.entry("unsigned short", "0xFFFFL & "),
            Map.entry("int", "(long) (int) "), Map.entry("signed", "(long) (int) "), Map.entry("signed int", "(long) (int) "),
            Map.entry("unsigned", "0xFFFFFFFFL & "), Map.entry("unsigned int", "0xFFFFFFFFL & "),
            Map.entry("long long", ""), Map.entry("unsigned long long", ""), Map.entry("long", ""),
            Map.entry("unsigned long", ""), Map.entry("long int", ""), Map.entry("unsigned long int", ""));

    /** The floating types a cast may name. */
    private static final Map<String, Kind> FLOATING_CASTS = Map.of("float", Kind.FLOAT, "double", Kind.DOUBLE);

    /** C's binary operators by precedence, loosest first ({@code ?:} is handled above them). */
    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("|"), List.of("^"),
            List.of("&"), List.of("==", "!="), List.of("<", ">", "<=", ">="), List.of("<<", ">>"), List.of("+", "-"),
            List.of("*", "/", "%"));

    private static final List<String> INTEGER_ONLY = List.of("%", "<<", ">>", "&", "|", "^");

    private final List<MacroTokens.Token> tokens;
    private final List<String> parameters;
    private final Kind parameterKind;
    /** The header class's constants a body may name, by C name, as Java expressions. */
    private final Map<String, Typed> constants;
    private boolean floating;
    private int at;

    private MacroExpression(List<MacroTokens.Token> tokens, List<String> parameters, Kind parameterKind, Map<String, Typed> constants) {
        this.tokens = tokens;
        this.parameters = parameters;
        this.parameterKind = parameterKind;
        this.constants = constants;
    }

    /**
     * The Java method body of {@code macro}, or empty when it is not such a constant
     * expression. Parameters are {@code long}, or {@code double} when the body computes in
     * floating point and every use of a parameter allows a floating value.
     */
    static Optional<Translation> translate(FunctionMacro macro, Map<String, Typed> constants, Map<String, FunctionMacro> macros) {
        try {
            List<MacroTokens.Token> tokens = MacroTokens.of(macro, macros);
            if (tokens.isEmpty()) {
                return Optional.empty();
            }
            MacroExpression integral = new MacroExpression(tokens, macro.parameters(), Kind.LONG, constants);
            Optional<Typed> asLong = integral.whole();
            if (asLong.isEmpty()) {
                return Optional.empty();
            }
            if (integral.floating) {
                try {
                    Optional<Typed> asDouble = new MacroExpression(tokens, macro.parameters(), Kind.DOUBLE, constants).whole();
                    if (asDouble.isPresent()) {
                        return Optional.of(new Translation(asDouble.get().java(), asDouble.get().kind(), Kind.DOUBLE));
                    }
                } catch (IllegalArgumentException e) {
                    // A parameter used as an integer only (x % 2): the parameters stay long.
                }
            }
            return Optional.of(new Translation(asLong.get().java(), asLong.get().kind(), Kind.LONG));
        } catch (IllegalArgumentException e) {
            // Not such an expression (NumberFormatException included: a constant beyond 64 bits).
            return Optional.empty();
        }
    }

    private Optional<Typed> whole() {
        Typed java = conditional();
        return at == tokens.size() ? Optional.of(java) : Optional.empty();
    }

    private Typed conditional() {
        Typed condition = binary(0);
        if (!accept("?")) {
            return condition;
        }
        Typed then = conditional();
        expect(":");
        Typed otherwise = conditional();
        return new Typed("(" + condition.java() + " != 0 ? " + then.java() + " : " + otherwise.java() + ")",
                Kind.common(then.kind(), otherwise.kind()));
    }

    private Typed binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Typed left = binary(level + 1);
        while (at < tokens.size() && tokens.get(at).literal() == null && LEVELS.get(level).contains(tokens.get(at).text())) {
            String operator = tokens.get(at++).text();
            Typed right = binary(level + 1);
            if (INTEGER_ONLY.contains(operator) && (left.kind().isFloating() || right.kind().isFloating())) {
                throw new IllegalArgumentException("'" + operator + "' needs integer operands");
            }
            left = switch (operator) {
                case "&&", "||" -> new Typed("(" + left.java() + " != 0 " + operator + " " + right.java() + " != 0 ? 1L : 0L)", Kind.LONG);
                case "==", "!=", "<", ">", "<=", ">=" -> new Typed("(" + left.java() + " " + operator + " " + right.java() + " ? 1L : 0L)", Kind.LONG);
                default -> new Typed("(" + left.java() + " " + operator + " " + right.java() + ")", Kind.common(left.kind(), right.kind()));
            };
        }
        return left;
    }

    private Typed unary() {
        if (accept("-") || accept("+")) {
            String operator = tokens.get(at - 1).text();
            Typed operand = unary();
            return new Typed("(" + operator + operand.java() + ")", operand.kind());
        }
        if (accept("~")) {
            Typed operand = unary();
            if (operand.kind().isFloating()) {
                throw new IllegalArgumentException("'~' needs an integer operand");
            }
            return new Typed("(~" + operand.java() + ")", Kind.LONG);
        }
        if (accept("!")) {
            return new Typed("(" + unary().java() + " == 0 ? 1L : 0L)", Kind.LONG);
        }
        return primary();
    }

    private Typed primary() {
        MacroTokens.Token token = next();
        if (token.literal() != null) {
            floating |= token.literal().kind().isFloating();
            return token.literal();
        }
        String text = token.text();
        if (text.equals("(")) {
            int typeEnd = at;
            while (typeEnd < tokens.size() && isTypeWord(tokens.get(typeEnd))) {
                typeEnd++;
            }
            if (typeEnd > at && typeEnd < tokens.size() && tokens.get(typeEnd).is(")")) {
                String type = String.join(" ", tokens.subList(at, typeEnd).stream().map(MacroTokens.Token::text).toList());
                at = typeEnd + 1;
                return cast(type, unary());
            }
            Typed inner = conditional();
            expect(")");
            return inner;
        }
        if (parameters.contains(text)) {
            return new Typed(text, parameterKind);
        }
        Typed constant = constants.get(text);
        if (constant != null) {
            floating |= constant.kind().isFloating();
            return constant;
        }
        throw new IllegalArgumentException("not a parameter or constant: " + text);
    }

    private Typed cast(String type, Typed operand) {
        Kind floatingKind = FLOATING_CASTS.get(type);
        if (floatingKind != null) {
            floating = true;
            return new Typed("((" + floatingKind.javaType() + ") " + operand.java() + ")", floatingKind);
        }
        String conversion = CASTS.get(type);
        if (conversion == null) {
            throw new IllegalArgumentException("not an arithmetic type: " + type);
        }
        // C converts a floating value to an integer type by truncating toward zero, as Java's (long) does.
        String value = operand.kind().isFloating() ? "(long) " + operand.java() : operand.java();
        return new Typed("(" + conversion + value + ")", Kind.LONG);
    }

    private static boolean isTypeWord(MacroTokens.Token token) {
        return token.literal() == null && List.of("char", "short", "int", "long", "signed", "unsigned", "float", "double")
                .contains(token.text());
    }

    private boolean accept(String token) {
        if (at < tokens.size() && tokens.get(at).is(token)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("expected " + token);
        }
    }

    private MacroTokens.Token next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return tokens.get(at++);
    }
}
