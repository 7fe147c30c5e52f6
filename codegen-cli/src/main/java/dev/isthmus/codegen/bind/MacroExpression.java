package dev.isthmus.codegen.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function-like macro's body translated into a Java {@code long} expression with C's
 * meaning, when it is a constant expression of the macro's parameters (C11 6.6): integer
 * and character constants, the parameters, the header's integer constants, parentheses,
 * casts to integer types, unary {@code - + ~ !}, the binary operators of C from {@code *}
 * to {@code ||} at C's precedence, and {@code ?:}. Java has no integer truth, so what C
 * gives as 0 or 1 (comparisons, {@code !}, {@code &&}, {@code ||}) becomes
 * {@code (... ? 1L : 0L)} and what C tests becomes {@code (...) != 0}; a cast truncates as
 * C converts ({@code (unsigned char) x} is {@code x & 0xFFL}, {@code (short) x} is
 * {@code (long) (short) x}). Arithmetic is in 64 bits, as C's would be on {@code long long}
 * arguments. Anything else (floating constants, other names, strings, member access,
 * assignments, commas) is not translated.
 */
final class MacroExpression {
    private static final Pattern TOKEN = Pattern.compile("\\s*(?:"
            + "(?<number>(?:0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*(?![.\\w]))"
            + "|(?<character>'(?:[^'\\\\]|\\\\[nrt0\\\\'\"])')"
            + "|(?<name>[A-Za-z_][A-Za-z_0-9]*)"
            + "|(?<operator><<|>>|<=|>=|==|!=|&&|\\|\\||[-+*/%&^|~!<>?:()]))");

    /** The integer types a cast may name, with the Java that converts a {@code long} as C converts to them. */
    private static final Map<String, String> CASTS = Map.ofEntries(
            Map.entry("char", "(long) (byte) "), Map.entry("signed char", "(long) (byte) "),
            Map.entry("unsigned char", "0xFFL & "), Map.entry("short", "(long) (short) "),
            Map.entry("short int", "(long) (short) "), Map.entry("unsigned short", "0xFFFFL & "),
            Map.entry("int", "(long) (int) "), Map.entry("signed", "(long) (int) "), Map.entry("signed int", "(long) (int) "),
            Map.entry("unsigned", "0xFFFFFFFFL & "), Map.entry("unsigned int", "0xFFFFFFFFL & "),
            Map.entry("long long", ""), Map.entry("unsigned long long", ""), Map.entry("long", ""),
            Map.entry("unsigned long", ""), Map.entry("long int", ""), Map.entry("unsigned long int", ""));

    /** C's binary operators by precedence, loosest first ({@code ?:} is handled above them). */
    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("|"), List.of("^"),
            List.of("&"), List.of("==", "!="), List.of("<", ">", "<=", ">="), List.of("<<", ">>"), List.of("+", "-"),
            List.of("*", "/", "%"));

    private final List<String> tokens;
    private final List<String> parameters;
    /** Integer constants of the header class a body may name, by C name, with their Java field. */
    private final Map<String, String> constants;
    private int at;

    private MacroExpression(List<String> tokens, List<String> parameters, Map<String, String> constants) {
        this.tokens = tokens;
        this.parameters = parameters;
        this.constants = constants;
    }

    /** The Java expression of {@code body}, or empty when it is not such a constant expression. */
    static Optional<String> translate(String body, List<String> parameters, Map<String, String> constants) {
        try {
            return translateOrThrow(body, parameters, constants);
        } catch (IllegalArgumentException e) {
            // Not such an expression (NumberFormatException included: a constant beyond 64 bits).
            return Optional.empty();
        }
    }

    private static Optional<String> translateOrThrow(String body, List<String> parameters, Map<String, String> constants) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(body);
        int position = 0;
        while (position < body.length()) {
            if (!m.find(position) || m.start() != position) {
                if (body.substring(position).isBlank()) {
                    break;
                }
                return Optional.empty();
            }
            position = m.end();
            if (m.group("number") != null) {
                String digits = m.group("number").replaceAll("[uUlL]+$", "");
                boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
                // Octal (0755) and decimal beyond Long.MAX_VALUE (C's unsigned long long) are written in hex.
                long value = hex ? Long.parseUnsignedLong(digits.substring(2), 16)
                        : Long.parseUnsignedLong(digits, digits.length() > 1 && digits.startsWith("0") ? 8 : 10);
                tokens.add("#" + (value < 0 || hex ? "0x" + Long.toHexString(value) : Long.toString(value)) + "L");
            } else if (m.group("character") != null) {
                tokens.add("#" + characterValue(m.group("character")) + "L");
            } else if (m.group("name") != null) {
                tokens.add(m.group("name"));
            } else {
                tokens.add(m.group("operator"));
            }
        }
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        MacroExpression parser = new MacroExpression(tokens, parameters, constants);
        String java = parser.conditional();
        return parser.at == tokens.size() ? Optional.of(java) : Optional.empty();
    }

    private String conditional() {
        String condition = binary(0);
        if (!accept("?")) {
            return condition;
        }
        String then = conditional();
        expect(":");
        String otherwise = conditional();
        return "(" + condition + " != 0 ? " + then + " : " + otherwise + ")";
    }

    private String binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        String left = binary(level + 1);
        while (at < tokens.size() && LEVELS.get(level).contains(tokens.get(at))) {
            String operator = tokens.get(at++);
            String right = binary(level + 1);
            left = switch (operator) {
                case "&&", "||" -> "(" + left + " != 0 " + operator + " " + right + " != 0 ? 1L : 0L)";
                case "==", "!=", "<", ">", "<=", ">=" -> "(" + left + " " + operator + " " + right + " ? 1L : 0L)";
                default -> "(" + left + " " + operator + " " + right + ")";
            };
        }
        return left;
    }

    private String unary() {
        if (accept("-") || accept("+") || accept("~")) {
            return "(" + tokens.get(at - 1) + unary() + ")";
        }
        if (accept("!")) {
            return "(" + unary() + " == 0 ? 1L : 0L)";
        }
        return primary();
    }

    private String primary() {
        String token = next();
        if (token.startsWith("#")) {
            return token.substring(1);
        }
        if (token.equals("(")) {
            int typeEnd = at;
            while (typeEnd < tokens.size() && isTypeWord(tokens.get(typeEnd))) {
                typeEnd++;
            }
            if (typeEnd > at && typeEnd < tokens.size() && tokens.get(typeEnd).equals(")")) {
                String conversion = CASTS.get(String.join(" ", tokens.subList(at, typeEnd)));
                if (conversion == null) {
                    throw new IllegalArgumentException("not an integer type");
                }
                at = typeEnd + 1;
                return "(" + conversion + unary() + ")";
            }
            String inner = conditional();
            expect(")");
            return inner;
        }
        if (parameters.contains(token)) {
            return token;
        }
        String constant = constants.get(token);
        if (constant != null) {
            return "(long) " + constant;
        }
        throw new IllegalArgumentException("not a parameter or constant: " + token);
    }

    private static boolean isTypeWord(String token) {
        return List.of("char", "short", "int", "long", "signed", "unsigned").contains(token);
    }

    private static long characterValue(String literal) {
        String inside = literal.substring(1, literal.length() - 1);
        if (!inside.startsWith("\\")) {
            return (byte) inside.charAt(0);
        }
        return switch (inside.charAt(1)) {
            case 'n' -> 10;
            case 'r' -> 13;
            case 't' -> 9;
            case '0' -> 0;
            default -> inside.charAt(1);
        };
    }

    private boolean accept(String token) {
        if (at < tokens.size() && tokens.get(at).equals(token)) {
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

    private String next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return tokens.get(at++);
    }
}
