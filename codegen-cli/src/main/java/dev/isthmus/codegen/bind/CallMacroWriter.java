package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.ConstantValue;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.type.CType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Function-like macros that wrap a call of a bound function, as static methods with the
 * called function's parameter types: zlib's
 * {@code #define deflateInit(strm, level) deflateInit_((strm), (level), ZLIB_VERSION, (int)sizeof(z_stream))}
 * is {@code int deflateInit(MemorySegment strm, int level)}, which calls
 * {@code deflateInit_(strm, level, ZLIB_VERSION as a C string, 112)}.
 *
 * <p>The body must be one call whose arguments are each, inside parentheses and
 * integer casts, a parameter of the macro (which takes the type of the function's
 * parameter it is passed as), an integer, a {@code sizeof} of a type name, or a constant
 * the scope knows (an integer is its field of the header class, or its value when it has
 * none; a string is passed as a C string allocated once for the program's life). Each macro parameter must be passed whole at
 * least once, so its type is known. The sizes are those of the target ABI, like the
 * layouts. Anything else is not translated.
 */
final class CallMacroWriter {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<number>(?:0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*)|(?<name>[A-Za-z_][A-Za-z_0-9]*)|(?<punctuator>[(),*]))");

    private final CScope scope;
    private final BindingSet set;
    /** The string constants passed as C strings, by Java field name, with their literal. */
    private final Map<String, String> strings = new LinkedHashMap<>();

    CallMacroWriter(CScope scope, BindingSet set) {
        this.scope = scope;
        this.set = set;
    }

    /** The static method for {@code macro}, when it is a call of one of {@code bound} (by C name). */
    Optional<String> method(FunctionMacro macro, Map<String, Declaration.Function> bound) {
        Optional<List<String>> tokens = tokens(macro.body());
        if (tokens.isEmpty() || macro.parameters().contains("...")) {
            return Optional.empty();
        }
        List<String> call = unwrap(tokens.get());
        if (call.size() < 3 || !bound.containsKey(call.getFirst()) || !call.get(1).equals("(") || !call.getLast().equals(")")
                || closing(call, 1) != call.size() - 1) {
            return Optional.empty();
        }
        Declaration.Function function = bound.get(call.getFirst());
        List<List<String>> arguments = split(call.subList(2, call.size() - 1));
        List<CType> parameterTypes = function.type().parameterTypes();
        if (arguments.size() != parameterTypes.size()) {
            return Optional.empty();
        }
        Map<String, String> macroParameterTypes = new HashMap<>();
        List<String> javaArguments = new ArrayList<>();
        try {
            for (int i = 0; i < arguments.size(); i++) {
                JavaCarrier carrier = JavaCarrier.of(parameterTypes.get(i), scope.abi(), set.names);
                Optional<String> argument = argument(stripCasts(unwrap(arguments.get(i))), carrier, macro, macroParameterTypes);
                if (argument.isEmpty()) {
                    return Optional.empty();
                }
                javaArguments.add(argument.get());
            }
            JavaCarrier result = JavaCarrier.of(function.type().returnType(), scope.abi(), set.names);
            if (result.isRecord() || !macroParameterTypes.keySet().containsAll(macro.parameters())) {
                return Optional.empty();
            }
            List<String> javaParameters = macro.parameters().stream()
                    .map(p -> macroParameterTypes.get(p) + " " + JavaNames.identifier(p)).toList();
            String invocation = JavaNames.identifier(function.name()) + "(" + String.join(", ", javaArguments) + ")";
            return Optional.of("\n/**\n * {@code #define " + Javadoc.escape(macro.name() + "(" + String.join(", ", macro.parameters())
                    + ") " + macro.body()) + "}\n *\n * <p>Defined at " + macro.position() + ".\n */\n"
                    + "public static " + result.javaType() + " " + JavaNames.identifier(macro.name()) + "("
                    + String.join(", ", javaParameters) + ") {\n" + (result.isVoid() ? "" : "return ") + invocation + ";\n}\n");
        } catch (NotBindable e) {
            return Optional.empty();
        }
    }

    /** The holder of the C strings the methods pass, or nothing when they pass none. */
    String stringHolder() {
        if (strings.isEmpty()) {
            return "";
        }
        StringBuilder holder = new StringBuilder("\n/** The string constants the macros above pass, as C strings that live as long as the program. */\n"
                + "private static final class MacroStrings {\n");
        strings.forEach((name, literal) -> holder.append("static final MemorySegment ").append(name)
                .append(" = Arena.global().allocateFrom(").append(literal).append(");\n"));
        return holder.append("}\n").toString();
    }

    private Optional<String> argument(List<String> tokens, JavaCarrier carrier, FunctionMacro macro, Map<String, String> types) {
        String javaType = carrier.javaType();
        if (tokens.size() == 1 && macro.parameters().contains(tokens.getFirst())) {
            String previous = types.putIfAbsent(tokens.getFirst(), javaType);
            return previous == null || previous.equals(javaType) ? Optional.of(JavaNames.identifier(tokens.getFirst())) : Optional.empty();
        }
        if (tokens.size() == 1 && tokens.getFirst().matches("[0-9].*")) {
            return integer(Long.decode(tokens.getFirst().replaceAll("[uUlL]+$", "")), javaType);
        }
        if (tokens.size() >= 4 && tokens.getFirst().equals("sizeof") && tokens.get(1).equals("(") && tokens.getLast().equals(")")) {
            try {
                return integer(scope.sizeOf(String.join(" ", tokens.subList(2, tokens.size() - 1))), javaType);
            } catch (RuntimeException e) {
                return Optional.empty(); // Not a type name this scope knows.
            }
        }
        if (tokens.size() == 1) {
            Optional<Declaration.Constant> constant = scope.constant(tokens.getFirst());
            if (constant.isPresent()) {
                return switch (constant.get().value()) {
                    case ConstantValue.IntegerValue i -> boundConstant(constant.get(), i, javaType).or(() -> integer(i.bits(), javaType));
                    case ConstantValue.StringValue s when javaType.equals("MemorySegment") -> string(tokens.getFirst(), s.bytes());
                    default -> Optional.empty();
                };
            }
        }
        return Optional.empty();
    }

    /** The constant's field of the header class, when it has one that converts to {@code javaType} without a cast. */
    private Optional<String> boundConstant(Declaration.Constant constant, ConstantValue.IntegerValue value, String javaType) {
        String fieldType = scope.abi().sizeOf(value.type()) <= 4 ? "int" : "long";
        boolean converts = javaType.equals(fieldType) || javaType.equals("long");
        return converts && set.constants.contains(constant) ? Optional.of(JavaNames.identifier(constant.name())) : Optional.empty();
    }

    private Optional<String> string(String name, byte[] bytes) {
        StringBuilder literal = new StringBuilder("\"");
        for (byte b : bytes) {
            if (b < 0x20 || b == 0x7f || b == '"' || b == '\\') {
                return Optional.empty();
            }
            literal.append((char) b);
        }
        strings.putIfAbsent(JavaNames.identifier(name), literal.append('"').toString());
        return Optional.of("MacroStrings." + JavaNames.identifier(name));
    }

    private static Optional<String> integer(long value, String javaType) {
        return switch (javaType) {
            case "int" -> value == (int) value ? Optional.of(Long.toString(value)) : Optional.empty();
            case "long" -> Optional.of(value + "L");
            case "short", "byte", "char" -> Optional.of("(" + javaType + ") " + value);
            case "MemorySegment" -> value == 0 ? Optional.of("MemorySegment.NULL") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<List<String>> tokens(String body) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(body);
        int at = 0;
        while (at < body.length()) {
            if (!m.find(at) || m.start() != at) {
                return body.substring(at).isBlank() ? Optional.of(tokens) : Optional.empty();
            }
            at = m.end();
            tokens.add(m.group().strip());
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
