package dev.isthmus.cparser.preprocess;

import java.util.List;

/**
 * A macro definition (C11 6.10.3): object-like when {@code parameters} is empty and
 * {@code functionLike} false; {@code variadic} when the last parameter is {@code ...}
 * (named {@code __VA_ARGS__}) or GNU's {@code name...}. {@code plain} when it is
 * object-like and its body has no {@code ##}, so its replacement is its body as it is.
 */
record Macro(String name, boolean functionLike, List<String> parameters, boolean variadic, List<PpToken> body,
             PpToken definedAt, boolean plain) {
    Macro {
        parameters = List.copyOf(parameters);
        body = List.copyOf(body);
    }

    Macro(String name, boolean functionLike, List<String> parameters, boolean variadic, List<PpToken> body,
          PpToken definedAt) {
        this(name, functionLike, parameters, variadic, body, definedAt, !functionLike && !pastes(body));
    }

    private static boolean pastes(List<PpToken> body) {
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).is("##")) {
                return true;
            }
        }
        return false;
    }

    /** The index of a parameter named by this token, or -1. */
    int parameterIndex(PpToken token) {
        return token.isIdentifier() ? parameters.indexOf(token.text()) : -1;
    }

    /** Same definition in the sense of C11 6.10.3p2: same parameters, same body spelling and spacing. */
    boolean sameAs(Macro other) {
        if (functionLike != other.functionLike || variadic != other.variadic || !parameters.equals(other.parameters)
                || body.size() != other.body.size()) {
            return false;
        }
        for (int i = 0; i < body.size(); i++) {
            PpToken a = body.get(i);
            PpToken b = other.body.get(i);
            if (!a.text().equals(b.text()) || (i > 0 && a.space() != b.space())) {
                return false;
            }
        }
        return true;
    }

    /** The replacement list as {@code -dD} prints it. */
    String bodyText() {
        return Directives.spell(body);
    }

    /** The definition line as {@code cc -dD} prints it. */
    String definitionLine() {
        StringBuilder line = new StringBuilder("#define ").append(name);
        if (functionLike) {
            line.append('(');
            for (int i = 0; i < parameters.size(); i++) {
                String p = parameters.get(i);
                line.append(i == 0 ? "" : ",");
                line.append(variadic && i == parameters.size() - 1 ? (p.equals("__VA_ARGS__") ? "..." : p + "...") : p);
            }
            line.append(')');
        }
        String text = bodyText();
        return text.isEmpty() ? line.toString() : line.append(' ').append(text).toString();
    }
}
