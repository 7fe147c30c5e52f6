package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.preprocess.MacroBodyToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function-like macro whose body is one call of a bound function, with what each argument
 * is: zlib's {@code #define deflateInit(strm, level) deflateInit_((strm), (level), ZLIB_VERSION, (int)sizeof(z_stream))}
 * calls {@code deflateInit_} with its parameters {@code strm} and {@code level}, the
 * constant {@code ZLIB_VERSION} and the size 112. Each argument, inside parentheses and
 * casts to integer types, must be a parameter of the macro, an integer, a {@code sizeof}
 * of a type name the scope knows (its size for the scope's ABI), or a constant the scope
 * knows. The Java and Lua writers turn it into a function of their language.
 */
record MacroCall(FunctionMacro macro, Declaration.Function function, List<Argument> arguments) {
    /** One argument of the call. */
    sealed interface Argument {
        /** A parameter of the macro, passed whole. */
        record Parameter(String name) implements Argument {
        }

        /** An integer, written or a {@code sizeof}. */
        record Number(long value) implements Argument {
        }

        /** A named constant of the scope. */
        record Constant(Declaration.Constant constant) implements Argument {
        }
    }

    MacroCall {
        arguments = List.copyOf(arguments);
    }

    /** The call {@code macro} makes of one of {@code callable} (by C name), when its body is such a call. */
    static Optional<MacroCall> of(FunctionMacro macro, Map<String, Declaration.Function> callable, CScope scope) {
        Optional<List<String>> tokens = tokens(macro);
        if (tokens.isEmpty() || macro.parameters().contains("...")) {
            return Optional.empty();
        }
        List<String> call = unwrap(tokens.get());
        if (call.size() < 3 || !callable.containsKey(call.getFirst()) || !call.get(1).equals("(") || !call.getLast().equals(")")
                || closing(call, 1) != call.size() - 1) {
            return Optional.empty();
        }
        Declaration.Function function = callable.get(call.getFirst());
        List<List<String>> arguments = split(call.subList(2, call.size() - 1));
        if (arguments.size() != function.type().parameterTypes().size()) {
            return Optional.empty();
        }
        List<Argument> parsed = new ArrayList<>();
        for (List<String> argument : arguments) {
            Optional<Argument> a = argument(stripCasts(unwrap(argument)), macro, scope);
            if (a.isEmpty()) {
                return Optional.empty();
            }
            parsed.add(a.get());
        }
        boolean passesEveryParameter = macro.parameters().stream()
                .allMatch(p -> parsed.contains(new Argument.Parameter(p)));
        return passesEveryParameter ? Optional.of(new MacroCall(macro, function, parsed)) : Optional.empty();
    }

    private static Optional<Argument> argument(List<String> tokens, FunctionMacro macro, CScope scope) {
        if (tokens.size() == 1 && macro.parameters().contains(tokens.getFirst())) {
            return Optional.of(new Argument.Parameter(tokens.getFirst()));
        }
        if (tokens.size() == 1 && tokens.getFirst().matches("[0-9].*")) {
            try {
                return Optional.of(new Argument.Number(MacroTokens.integerValue(tokens.getFirst())));
            } catch (NumberFormatException e) {
                return Optional.empty(); // Beyond 64 bits, or not an integer (08).
            }
        }
        if (tokens.size() >= 4 && tokens.getFirst().equals("sizeof") && tokens.get(1).equals("(") && tokens.getLast().equals(")")) {
            try {
                return Optional.of(new Argument.Number(scope.sizeOf(String.join(" ", tokens.subList(2, tokens.size() - 1)))));
            } catch (RuntimeException e) {
                return Optional.empty(); // Not a type name this scope knows.
            }
        }
        if (tokens.size() == 1) {
            return scope.constant(tokens.getFirst()).map(Argument.Constant::new);
        }
        return Optional.empty();
    }

    /** The body's tokens when each is a name, an integer or one of {@code ( ) , *}: what a call with such arguments has. */
    private static Optional<List<String>> tokens(FunctionMacro macro) {
        List<String> tokens = new ArrayList<>();
        for (MacroBodyToken t : macro.tokens()) {
            boolean allowed = switch (t.kind()) {
                case IDENTIFIER -> true;
                case NUMBER -> !MacroTokens.isFloating(t.text()) && t.text().matches("(?:0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*");
                case PUNCTUATOR -> List.of("(", ")", ",", "*").contains(t.text());
                case CHARACTER, STRING, OTHER -> false;
            };
            if (!allowed) {
                return Optional.empty();
            }
            tokens.add(t.text());
        }
        return Optional.of(tokens);
    }

    /** {@code tokens} without the parentheses around all of them. */
    private static List<String> unwrap(List<String> tokens) {
        List<String> t = tokens;
        while (t.size() >= 2 && t.getFirst().equals("(") && closing(t, 0) == t.size() - 1) {
            t = t.subList(1, t.size() - 1);
        }
        return t;
    }

    /** {@code tokens} without leading casts to integer types ({@code (int)}, {@code (unsigned long)}). */
    private static List<String> stripCasts(List<String> tokens) {
        List<String> t = tokens;
        while (t.size() >= 4 && t.getFirst().equals("(")) {
            int close = closing(t, 0);
            List<String> type = t.subList(1, close);
            boolean integerType = !type.isEmpty() && type.stream().allMatch(w -> w.matches("int|long|short|char|unsigned|signed"));
            if (!integerType || close == t.size() - 1) {
                break;
            }
            t = unwrap(t.subList(close + 1, t.size()));
        }
        return t;
    }

    private static int closing(List<String> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).equals("(")) {
                depth++;
            } else if (tokens.get(i).equals(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<List<String>> split(List<String> tokens) {
        List<List<String>> arguments = new ArrayList<>();
        if (tokens.isEmpty()) {
            return arguments;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            switch (tokens.get(i)) {
                case "(" -> depth++;
                case ")" -> depth--;
                case "," -> {
                    if (depth == 0) {
                        arguments.add(tokens.subList(start, i));
                        start = i + 1;
                    }
                }
                default -> {
                    // Part of the current argument.
                }
            }
        }
        arguments.add(tokens.subList(start, tokens.size()));
        return arguments;
    }
}
