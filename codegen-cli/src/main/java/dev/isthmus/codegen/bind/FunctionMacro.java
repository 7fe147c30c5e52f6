package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.abi.IntegerArithmetic;
import dev.isthmus.cparser.preprocess.MacroBodyToken;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A function-like macro of a bound header ({@code #define BIT(n) (1 << (n))}), and its
 * translation to a Java expression when its body is a constant expression of its
 * parameters ({@link MacroExpression}).
 */
public record FunctionMacro(String name, List<String> parameters, String body, String position) {
    public FunctionMacro {
        parameters = List.copyOf(parameters);
    }

    /** The body's preprocessing tokens, as the preprocessor lexes them. */
    List<MacroBodyToken> tokens() {
        return MacroBodyToken.lex(body);
    }

    /**
     * True when the body computes in {@code long double}, which Java has no type for: a
     * floating constant with an {@code L} suffix, the type named, or one of the header's
     * constants of that type ({@code longDoubleConstants}).
     */
    boolean computesInLongDouble(java.util.Set<String> longDoubleConstants) {
        List<MacroBodyToken> tokens = tokens();
        for (int i = 0; i < tokens.size(); i++) {
            MacroBodyToken t = tokens.get(i);
            boolean longDoubleNumber = t.kind() == MacroBodyToken.Kind.NUMBER && MacroTokens.isFloating(t.text())
                    && (t.text().endsWith("l") || t.text().endsWith("L"));
            boolean typeNamed = t.is("long") && i + 1 < tokens.size() && tokens.get(i + 1).is("double");
            if (longDoubleNumber || typeNamed || t.kind() == MacroBodyToken.Kind.IDENTIFIER && longDoubleConstants.contains(t.text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body as an expression of {@code syntax} ({@link MacroExpression}: a Java method's,
     * or a Lua function's) with C's integer types on {@code integers}' ABI, naming the
     * constants written ({@code constants}, by C name) and expanding calls of the other
     * function-like macros ({@code macros}, by name),
     * or empty, after telling {@code whyNot} why, when it is not a constant expression of the parameters; a parameter whose
     * members it reads is one of {@code scope}.
     *
     * @throws NotBindable when it is one but for a record parameter or member that is not bound
     */
    Optional<MacroExpression.Translation> translate(Map<String, MacroExpression.Typed> constants, Map<String, FunctionMacro> macros,
                                                    IntegerArithmetic integers, MacroScope scope, MacroSyntax syntax,
                                                    Consumer<String> whyNot)
            throws NotBindable {
        if (parameters.isEmpty() || parameters.contains("...")) {
            whyNot.accept(parameters.isEmpty() ? "it takes no arguments" : "it is variadic");
            return Optional.empty();
        }
        Optional<String> unusable = parameters.stream().filter(p -> !JavaNames.identifier(p).equals(p)).findFirst();
        if (unusable.isPresent()) {
            whyNot.accept("its parameter " + unusable.get() + " is no Java name");
            return Optional.empty();
        }
        return MacroExpression.translate(this, constants, macros, integers, scope, syntax, whyNot);
    }
}
