package dev.isthmus.codegen.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function-like macro of a bound header ({@code #define BIT(n) (1 << (n))}), and its
 * translation to a Java {@code long} expression when its body is integer arithmetic of its
 * parameters: integer constants, the parameters, parentheses and the operators whose
 * precedence and meaning Java shares with C ({@code + - * / % << >> & ^ | ~}), evaluated
 * in 64 bits. Anything else (casts, comparisons, other names, strings) is not translated.
 */
public record FunctionMacro(String name, List<String> parameters, String body, String position) {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<number>(?:0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*)|(?<name>[A-Za-z_][A-Za-z_0-9]*)"
                    + "|(?<operator><<|>>|[-+*/%&^|~()]))");

    public FunctionMacro {
        parameters = List.copyOf(parameters);
    }

    /** The body as a Java expression over {@code long} parameters, or empty when it is not integer arithmetic. */
    Optional<String> javaExpression() {
        if (parameters.isEmpty() || parameters.stream().anyMatch(p -> !JavaNames.identifier(p).equals(p) || p.equals("..."))) {
            return Optional.empty();
        }
        StringBuilder java = new StringBuilder();
        Matcher m = TOKEN.matcher(body);
        int at = 0;
        List<String> tokens = new ArrayList<>();
        while (at < body.length()) {
            if (!m.find(at) || m.start() != at) {
                return body.substring(at).isBlank() ? finish(tokens) : Optional.empty();
            }
            at = m.end();
            if (m.group("number") != null) {
                tokens.add(m.group("number").replaceAll("[uUlL]+$", "") + "L");
            } else if (m.group("name") != null) {
                if (!parameters.contains(m.group("name"))) {
                    return Optional.empty();
                }
                tokens.add(m.group("name"));
            } else {
                tokens.add(m.group("operator"));
            }
        }
        return finish(tokens);
    }

    private static Optional<String> finish(List<String> tokens) {
        return tokens.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", tokens).replace("( ", "(").replace(" )", ")"));
    }
}
