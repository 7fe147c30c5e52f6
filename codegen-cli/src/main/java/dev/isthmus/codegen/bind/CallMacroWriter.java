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

/**
 * Function-like macros that wrap a call of a bound function ({@link MacroCall}), as static
 * methods with the called function's parameter types: zlib's {@code deflateInit(strm, level)}
 * is {@code int deflateInit(MemorySegment strm, int level)}, which calls
 * {@code deflateInit_(strm, level, MacroStrings.ZLIB_VERSION, 112)}. A macro parameter
 * takes the type of the function's parameter it is passed as (the same one wherever it is
 * passed); an integer constant is its field of the header class, or its value when it has
 * none; a string constant is passed as a C string allocated once for the program's life;
 * the sizes are those of the target ABI, like the layouts.
 */
final class CallMacroWriter {
    private final CScope scope;
    private final BindingSet set;
    /** The string constants passed as C strings, by Java field name, with their literal. */
    private final Map<String, String> strings = new LinkedHashMap<>();

    CallMacroWriter(CScope scope, BindingSet set) {
        this.scope = scope;
        this.set = set;
    }

    /**
     * A macro's static method as one ABI writes it: the text up to the call's first argument,
     * the arguments in Java, and the text after them.
     */
    record Method(String head, List<String> arguments, String tail) {
        Method {
            arguments = List.copyOf(arguments);
        }

        String text() {
            return head + String.join(", ", arguments) + tail;
        }

        /**
         * The method of every ABI ({@code perAbi}, in the targets' order): one text with each
         * argument that differs (a {@code sizeof}: zlib's {@code deflateInit} passes
         * {@code sizeof(z_stream)}, 112 bytes but 88 on Win64) chosen by {@code TargetAbi};
         * empty when an ABI has none or the signatures differ.
         */
        static Optional<String> chosenPerAbi(List<Optional<Method>> perAbi, BindTargets targets) {
            if (perAbi.stream().anyMatch(Optional::isEmpty)) {
                return Optional.empty();
            }
            Method first = perAbi.getFirst().get();
            List<Method> all = perAbi.stream().map(Optional::get).toList();
            if (all.stream().anyMatch(m -> !m.head().equals(first.head()) || !m.tail().equals(first.tail())
                    || m.arguments().size() != first.arguments().size())) {
                return Optional.empty();
            }
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < first.arguments().size(); i++) {
                int position = i;
                arguments.add(targets.choose(all.stream().map(m -> m.arguments().get(position)).toList()));
            }
            return Optional.of(new Method(first.head(), arguments, first.tail()).text());
        }
    }

    /** The static method for {@code macro}, when it is a call of one of {@code bound} (by C name). */
    Optional<Method> method(FunctionMacro macro, Map<String, Declaration.Function> bound) {
        Optional<MacroCall> call = MacroCall.of(macro, bound, scope);
        if (call.isEmpty()) {
            return Optional.empty();
        }
        Declaration.Function function = call.get().function();
        List<CType> parameterTypes = function.type().parameterTypes();
        Map<String, String> macroParameterTypes = new HashMap<>();
        List<String> javaArguments = new ArrayList<>();
        try {
            for (int i = 0; i < parameterTypes.size(); i++) {
                JavaCarrier carrier = JavaCarrier.of(parameterTypes.get(i), scope.abi(), set.names);
                Optional<String> argument = argument(call.get().arguments().get(i), carrier.javaType(), macroParameterTypes);
                if (argument.isEmpty()) {
                    return Optional.empty();
                }
                javaArguments.add(argument.get());
            }
            JavaCarrier result = JavaCarrier.of(function.type().returnType(), scope.abi(), set.names);
            if (result.isRecord()) {
                return Optional.empty();
            }
            List<String> javaParameters = macro.parameters().stream()
                    .map(p -> macroParameterTypes.get(p) + " " + JavaNames.identifier(p)).toList();
            return Optional.of(new Method("\n/**\n * {@code #define " + Javadoc.escape(macro.name() + "(" + String.join(", ", macro.parameters())
                    + ") " + macro.body()) + "}\n *\n * <p>Defined at " + macro.position() + ".\n */\n"
                    + "public static " + result.javaType() + " " + JavaNames.identifier(macro.name()) + "("
                    + String.join(", ", javaParameters) + ") {\n" + (result.isVoid() ? "" : "return ")
                    + JavaNames.identifier(function.name()) + "(", javaArguments, ");\n}\n"));
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

    private Optional<String> argument(MacroCall.Argument argument, String javaType, Map<String, String> types) {
        return switch (argument) {
            case MacroCall.Argument.Parameter(String name) -> {
                String previous = types.putIfAbsent(name, javaType);
                yield previous == null || previous.equals(javaType) ? Optional.of(JavaNames.identifier(name)) : Optional.empty();
            }
            case MacroCall.Argument.Number(long value) -> integer(value, javaType);
            case MacroCall.Argument.Constant(Declaration.Constant constant) -> switch (constant.value()) {
                case ConstantValue.IntegerValue i -> boundConstant(constant, i, javaType).or(() -> integer(i.bits(), javaType));
                case ConstantValue.StringValue s when javaType.equals("MemorySegment") -> string(constant.name(), s.bytes());
                default -> Optional.empty();
            };
        };
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

}
