package dev.isthmus.codegen.bind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function-like macro of a bound header ({@code #define BIT(n) (1 << (n))}), and its
 * translation to a Java expression when its body is a constant expression of its
 * parameters ({@link MacroExpression}).
 */
public record FunctionMacro(String name, List<String> parameters, String body, String position) {
    public FunctionMacro {
        parameters = List.copyOf(parameters);
    }

    /**
     * The body as a Java method's expression ({@link MacroExpression}), naming the header
     * class's constants ({@code constants}, by C name) and expanding calls of the other
     * function-like macros ({@code macros}, by name), or empty when it is not a constant
     * expression of the parameters.
     */
    Optional<MacroExpression.Translation> translate(Map<String, MacroExpression.Typed> constants, Map<String, FunctionMacro> macros) {
        if (parameters.isEmpty() || parameters.stream().anyMatch(p -> !JavaNames.identifier(p).equals(p) || p.equals("..."))) {
            return Optional.empty();
        }
        return MacroExpression.translate(this, constants, macros);
    }
}
