package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.abi.IntegerArithmetic;
import dev.isthmus.cparser.preprocess.MacroBodyToken;
import dev.isthmus.cparser.type.Primitive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A function-like macro's body as the tokens {@link MacroExpression} translates, from the
 * preprocessor's own lexing of it ({@link MacroBodyToken}): numbers
 * already turned into Java literals of a {@link MacroExpression.Kind}, and calls of the
 * header's other function-like macros replaced by their bodies with the arguments' tokens
 * where the callee names its parameters, rescanned as the C preprocessor rescans them (a
 * macro is not expanded again inside its own expansion, and no parentheses are added:
 * {@code #define MUL(a, b) a * b} makes {@code MUL(1 + 2, 3)} 7, as in C). Strings and stray characters
 * make the body untranslatable, and so do {@code #} and {@code ##}; other punctuators the
 * expression has no use for are left for {@link MacroExpression} to refuse.
 */
final class MacroTokens {
    /** How deep macros may call macros: deeper is surely a cycle the hide sets did not catch, or not worth binding. */
    private static final int MAX_DEPTH = 32;
    /** A floating constant's digits without its suffix (C11 6.4.4.2), decimal or hexadecimal: what Java's parser also reads. */
    private static final Pattern FLOATING = Pattern.compile("0[xX](?:[0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][-+]?[0-9]+"
            + "|(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+");

    /** A token: an operator or name as written, or a literal with its Java spelling and kind. */
    record Token(String text, MacroExpression.Typed literal) {
        boolean is(String s) {
            return literal == null && text.equals(s);
        }
    }

    private MacroTokens() {
    }

    /**
     * The tokens of {@code body} with the calls of {@code macros} expanded. Throws
     * {@link IllegalArgumentException} when the body has other text, or a call is malformed.
     */
    static List<Token> of(FunctionMacro macro, Map<String, FunctionMacro> macros, IntegerArithmetic integers, MacroSyntax syntax) {
        return expand(translate(macro.tokens(), integers, syntax), macros, new HashSet<>(), 0, integers, syntax);
    }

    private static List<Token> translate(List<MacroBodyToken> body, IntegerArithmetic integers, MacroSyntax syntax) {
        List<Token> tokens = new ArrayList<>();
        for (MacroBodyToken t : body) {
            tokens.add(switch (t.kind()) {
                case NUMBER -> new Token(t.text(), isFloating(t.text()) ? floating(t.text(), syntax) : integer(t.text(), integers, syntax));
                case CHARACTER -> new Token(t.text(), new MacroExpression.Typed(syntax.integer(t.characterValue(), Primitive.INT, false),
                        MacroExpression.Kind.LONG, Primitive.INT));
                case PUNCTUATOR -> {
                    if (t.text().equals("#") || t.text().equals("##") || t.text().equals("%:") || t.text().equals("%:%:")) {
                        throw new IllegalArgumentException("it uses the preprocessor's " + t.text() + " operator");
                    }
                    yield new Token(t.text(), null);
                }
                case IDENTIFIER -> new Token(t.text(), null);
                case STRING, OTHER -> throw new IllegalArgumentException(t.text() + " is no token of a constant expression");
            });
        }
        return tokens;
    }

    /**
     * The 64 bits of an integer constant (decimal, octal or hexadecimal, with any suffix).
     *
     * @throws NumberFormatException when it is not one, or needs more than 64 bits
     */
    static long integerValue(String text) {
        String digits = text.replaceAll("[uUlL]+$", "");
        boolean hex = digits.startsWith("0x") || digits.startsWith("0X");
        return hex ? Long.parseUnsignedLong(digits.substring(2), 16)
                : Long.parseUnsignedLong(digits, digits.length() > 1 && digits.startsWith("0") ? 8 : 10);
    }

    /**
     * True when a pp-number is a floating constant (C11 6.4.4.2): it has a point, or an
     * exponent ({@code e} in decimal, {@code p} in hexadecimal).
     */
    static boolean isFloating(String number) {
        boolean hex = number.startsWith("0x") || number.startsWith("0X");
        return number.indexOf('.') >= 0 || (hex ? number.matches("(?s).*[pP].*") : number.matches("(?s).*[eE].*"));
    }

    private static List<Token> expand(List<Token> tokens, Map<String, FunctionMacro> macros, Set<String> hidden, int depth,
                                      IntegerArithmetic integers, MacroSyntax syntax) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("macros nested too deeply");
        }
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            FunctionMacro callee = t.literal() == null ? macros.get(t.text()) : null;
            if (callee == null || hidden.contains(callee.name()) || i + 1 >= tokens.size() || !tokens.get(i + 1).is("(")) {
                out.add(t);
                continue;
            }
            List<List<Token>> arguments = new ArrayList<>();
            int end = arguments(tokens, i + 1, arguments);
            if (arguments.size() != callee.parameters().size() || callee.parameters().contains("...")) {
                throw new IllegalArgumentException(callee.name() + " called with " + arguments.size() + " arguments");
            }
            // C substitutes the arguments' tokens as they are, without parentheses, and rescans
            // the result, where an argument naming a macro may be called by the body
            // (libpng's PNG_IMAGE_PIXEL_(test, fmt) is ...test(fmt)).
            List<Token> replaced = new ArrayList<>();
            for (Token b : translate(callee.tokens(), integers, syntax)) {
                int p = b.literal() == null ? callee.parameters().indexOf(b.text()) : -1;
                if (p < 0) {
                    replaced.add(b);
                } else {
                    replaced.addAll(arguments.get(p));
                }
            }
            Set<String> inner = new HashSet<>(hidden);
            inner.add(callee.name());
            out.addAll(expand(replaced, macros, inner, depth + 1, integers, syntax));
            i = end;
        }
        return out;
    }

    /** Collects the arguments of a call whose {@code (} is at {@code open}; returns the index of its {@code )}. */
    private static int arguments(List<Token> tokens, int open, List<List<Token>> into) {
        int depth = 0;
        List<Token> current = new ArrayList<>();
        for (int i = open + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (depth == 0 && (t.is(",") || t.is(")"))) {
                if (!current.isEmpty() || t.is(",") || !into.isEmpty()) {
                    into.add(current);
                }
                if (t.is(")")) {
                    return i;
                }
                current = new ArrayList<>();
                continue;
            }
            depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
            current.add(t);
        }
        throw new IllegalArgumentException("unterminated macro call");
    }

    /**
     * A floating constant as a literal of the same value: {@code double}, or {@code float}
     * (an {@code f} suffix). A {@code long double} one ({@code L}) is not translated: its
     * value and arithmetic would not be Java's or Lua's.
     */
    private static MacroExpression.Typed floating(String text, MacroSyntax syntax) {
        char suffix = Character.toLowerCase(text.charAt(text.length() - 1));
        if (suffix == 'l') {
            throw new IllegalArgumentException("the long double constant " + text + " has no Java type");
        }
        String digits = suffix == 'f' ? text.substring(0, text.length() - 1) : text;
        if (!FLOATING.matcher(digits).matches()) {
            throw new IllegalArgumentException("not a floating constant: " + text);
        }
        // A constant beyond the type's range is infinite, as C's (1e999 is HUGE_VAL), which Java spells by name.
        if (suffix == 'f') {
            return new MacroExpression.Typed(syntax.floating(Float.parseFloat(digits), MacroExpression.Kind.FLOAT),
                    MacroExpression.Kind.FLOAT, Primitive.FLOAT);
        }
        return new MacroExpression.Typed(syntax.floating(Double.parseDouble(digits), MacroExpression.Kind.DOUBLE),
                MacroExpression.Kind.DOUBLE, Primitive.DOUBLE);
    }

    /** An integer constant as a literal, with its C type (C11 6.4.4.1p5, as cparser types it). */
    private static MacroExpression.Typed integer(String text, IntegerArithmetic integers, MacroSyntax syntax) {
        boolean hex = text.startsWith("0x") || text.startsWith("0X");
        long value = integerValue(text);
        String suffix = text.substring(text.replaceAll("[uUlL]+$", "").length()).toLowerCase(java.util.Locale.ROOT);
        Primitive type = integers.constantType(value, suffix.contains("ll") ? 2 : suffix.contains("l") ? 1 : 0, suffix.contains("u"),
                !hex && !(text.length() > 1 && text.startsWith("0")));
        if (type == null) {
            throw new IllegalArgumentException("integer constant too large for its type: " + text);
        }
        // Decimal beyond Long.MAX_VALUE (C's unsigned long long) is written in hex, as a hex constant is.
        return new MacroExpression.Typed(syntax.integer(value, type, value < 0 || hex), MacroExpression.Kind.LONG, type);
    }
}
