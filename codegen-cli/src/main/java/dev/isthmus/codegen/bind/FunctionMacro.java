package dev.isthmus.codegen.bind;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function-like macro of a bound header ({@code #define BIT(n) (1 << (n))}), and its
 * translation to a Java {@code long} expression when its body is a constant expression of
 * its parameters ({@link MacroExpression}).
 */
public record FunctionMacro(String name, List<String> parameters, String body, String position) {
    public FunctionMacro {
        parameters = List.copyOf(parameters);
    }

    /**
     * The body as a Java expression over {@code long} parameters, naming the header class's
     * integer constants by their fields ({@code constants}, by C name), or empty when it is
     * not a constant expression of them.
     */
    Optional<String> javaExpression(Map<String, String> constants) {
        if (parameters.isEmpty() || parameters.stream().anyMatch(p -> !JavaNames.identifier(p).equals(p) || p.equals("..."))) {
            return Optional.empty();
        }
        return MacroExpression.translate(body, parameters, constants);
    }
}
