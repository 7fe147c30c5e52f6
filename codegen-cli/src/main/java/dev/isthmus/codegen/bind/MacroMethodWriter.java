package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.ConstantValue;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.abi.IntegerArithmetic;
import dev.isthmus.cparser.type.Primitive;

import com.github.javaparser.ParseProblemException;
import com.github.javaparser.StaticJavaParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header class's methods for function-like macros: those whose body is a constant
 * expression of their parameters ({@link MacroExpression}), written with the constants, and
 * those that wrap one call of a bound function ({@link CallMacroWriter}), written after the
 * functions. Every other macro goes to the report with the reason it is not bound.
 */
final class MacroMethodWriter {
    private final BindTargets targets;
    private final BindingSet set;
    private final List<FunctionMacro> functionMacros;
    /** The macros a body's calls are expanded with, by name. */
    private final Map<String, FunctionMacro> expandable = new HashMap<>();
    /** One per ABI: the records a macro's parameter may stand for. */
    private final List<MacroScope> scopes;
    /** One per ABI: a macro is bound only when it means the same on each (its sizes may differ). */
    private final List<CallMacroWriter> callMacros = new ArrayList<>();
    /** Function-like macros that are not constant expressions: perhaps wrappers of a bound function. */
    private final List<FunctionMacro> otherMacros = new ArrayList<>();
    /** Constant-expression macros that translate on every ABI, differently: reported as such. */
    private final Set<String> differingMacros = new HashSet<>();
    /** Why a macro that is otherwise a constant expression is not bound (a record parameter or member), by name. */
    private final Map<String, String> reasons = new HashMap<>();
    /** Why a macro's body is no constant expression of its parameters on the first ABI, by name, for the report. */
    private final Map<String, String> notExpressions = new HashMap<>();

    /**
     * Writes {@code functionMacros}, whose bodies may call any of {@code allFunctionMacros}
     * (those the filters leave out included).
     */
    MacroMethodWriter(BindTargets targets, BindingSet set, List<FunctionMacro> functionMacros, List<FunctionMacro> allFunctionMacros) {
        this.targets = targets;
        this.set = set;
        this.functionMacros = List.copyOf(functionMacros);
        allFunctionMacros.forEach(m -> expandable.put(m.name(), m));
        this.scopes = MacroScope.perAbi(targets, set);
        for (CScope scope : targets.scopes()) {
            callMacros.add(new CallMacroWriter(scope, set));
        }
    }

    /**
     * Function-like macros whose body is a constant expression of their parameters, as static
     * methods, computing with the constant fields written ({@code constantTypes}, their Java
     * types, and {@code constantValues}, their C values on each ABI, by C name).
     */
    void expressions(StringBuilder body, Map<String, String> constantTypes, Map<String, List<ConstantValue>> constantValues) {
        for (FunctionMacro macro : functionMacros) {
            // C's types may differ between ABIs (a 4-byte long on Win64, a constant that is an
            // int on one and a long long on another): one Java method must compute as each does,
            // so the macro is typed on each ABI with that ABI's constants and bound when all agree.
            List<Optional<MacroExpression.Translation>> perAbi = new ArrayList<>();
            List<Optional<MacroExpression.Translation>> inAbiOrder = new ArrayList<>();
            for (int a = 0; a < targets.abis().size(); a++) {
                Optional<MacroExpression.Translation> t;
                try {
                    t = macro.translate(macroConstants(a, constantTypes, constantValues), expandable,
                            new IntegerArithmetic(targets.abis().get(a)), scopes.get(a), JavaMacroSyntax.INSTANCE,
                            why -> notExpressions.putIfAbsent(macro.name(), why));
                } catch (NotBindable e) {
                    reasons.putIfAbsent(macro.name(), e.getMessage());
                    t = Optional.empty();
                }
                inAbiOrder.add(t);
                if (!perAbi.contains(t)) {
                    perAbi.add(t);
                }
            }
            Optional<MacroExpression.Translation> translation = (perAbi.size() == 1 ? perAbi.getFirst() : chosenPerAbi(inAbiOrder))
                    .filter(t -> isJavaExpression(t.java()));
            if (translation.isEmpty()) {
                if (perAbi.size() > 1 && perAbi.stream().allMatch(Optional::isPresent)) {
                    differingMacros.add(macro.name());
                }
                otherMacros.add(macro);
                continue;
            }
            method(body, macro, translation.get(), perAbi.size() > 1);
        }
    }

    /**
     * One translation of a macro whose C types differ between ABIs (a constant that is an
     * {@code int} on one and a {@code long long} on another, a {@code float} or a
     * {@code double}, a 4-byte {@code long}): each ABI's body, chosen by {@code TargetAbi},
     * when all take the same Java parameters and all return an integer or all a floating
     * value (a {@code double} if any does: a {@code float} widens to it exactly).
     */
    private Optional<MacroExpression.Translation> chosenPerAbi(List<Optional<MacroExpression.Translation>> inAbiOrder) {
        if (inAbiOrder.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        List<MacroExpression.Translation> all = inAbiOrder.stream().map(Optional::get).toList();
        MacroExpression.Translation first = all.getFirst();
        boolean sameParameters = all.stream().allMatch(t -> t.parameters() == first.parameters()
                && t.recordParameters().equals(first.recordParameters()));
        boolean allIntegers = all.stream().noneMatch(t -> t.result().isFloating());
        if (!sameParameters || !allIntegers && !all.stream().allMatch(t -> t.result().isFloating())) {
            return Optional.empty();
        }
        MacroExpression.Kind result = all.stream().map(MacroExpression.Translation::result).reduce(MacroExpression.Kind::common).orElseThrow();
        List<String> bodies = all.stream().map(t -> t.result() == result ? t.java() : "(" + result.javaType() + ") (" + t.java() + ")")
                .toList();
        return Optional.of(new MacroExpression.Translation("(" + targets.choose(bodies) + ")", result, first.parameters(),
                first.recordParameters()));
    }

    private void method(StringBuilder body, FunctionMacro macro, MacroExpression.Translation t, boolean choosesPerAbi) {
        List<String> parameters = macro.parameters().stream().map(p -> t.javaType(p) + " " + p).toList();
        String arithmetic = t.result().isFloating() || t.parameters().isFloating() ? "in Java's float and double arithmetic, as C's"
                : "in C's integer types (an argument is a {@code long long})";
        body.append("\n/**\n * {@code #define ").append(Javadoc.escape(macro.name() + "(" + String.join(", ", macro.parameters())
                + ") " + macro.body())).append("}, ").append(arithmetic).append(".\n")
                .append(choosesPerAbi ? " * Its C types differ between ABIs, so it computes as the running one's compiler does.\n" : "");
        for (String p : macro.parameters()) {
            String className = t.recordParameters().get(p);
            if (className != null) {
                body.append(" * {@code ").append(p).append("} is the memory of a {@code ")
                        .append(Javadoc.escape(scopes.getFirst().cNameOf(className))).append("} ({@link ").append(className)
                        .append("}), the only bound record with the members the macro reads.\n");
            }
        }
        body.append(" *\n * <p>Defined at ").append(macro.position()).append(".\n */\n")
                .append("public static ").append(t.result().javaType()).append(' ').append(JavaNames.identifier(macro.name())).append('(')
                .append(String.join(", ", parameters)).append(") {\nreturn ").append(t.java()).append(";\n}\n");
    }

    /**
     * The constant fields as a macro on ABI {@code a} computes with them: the field, in the C
     * type the constant has there. A {@code long double} constant (a rounded {@code double}
     * field) would change the macro's arithmetic, so it is left out and such a macro is not
     * translated; a portable {@code double} field of a constant that is a {@code float} on
     * this ABI is read as a {@code float}.
     */
    private static Map<String, MacroExpression.Typed> macroConstants(int a, Map<String, String> constantTypes,
                                                                     Map<String, List<ConstantValue>> constantValues) {
        Map<String, MacroExpression.Typed> constants = new HashMap<>();
        constantValues.forEach((name, perAbi) -> {
            String field = JavaNames.identifier(name);
            String javaType = constantTypes.get(name);
            switch (perAbi.get(a)) {
                case ConstantValue.IntegerValue integer when javaType.equals("int") || javaType.equals("long") ->
                        // An int field is widened to the long the arithmetic holds values in (a cast of a long would be redundant).
                        constants.put(name, new MacroExpression.Typed(javaType.equals("int") ? "(long) " + field : field,
                                MacroExpression.Kind.LONG, integer.type()));
                case ConstantValue.FloatingValue floating when floating.type() == Primitive.FLOAT
                        && (javaType.equals("float") || javaType.equals("double")) ->
                        constants.put(name, new MacroExpression.Typed(javaType.equals("float") ? field : "((float) " + field + ")",
                                MacroExpression.Kind.FLOAT, Primitive.FLOAT));
                case ConstantValue.FloatingValue floating when floating.type() == Primitive.DOUBLE && javaType.equals("double") ->
                        constants.put(name, new MacroExpression.Typed(field, MacroExpression.Kind.DOUBLE, Primitive.DOUBLE));
                default -> {
                }
            }
        });
        return constants;
    }

    /**
     * Function-like macros that call a bound function ({@code boundFunctions}, by C name),
     * after the functions; the others are reported. {@code longDoubleConstants} names the
     * constants bound as rounded {@code double}s.
     */
    void calls(StringBuilder body, Map<String, Declaration.Function> boundFunctions, Set<String> longDoubleConstants) {
        for (FunctionMacro macro : otherMacros) {
            List<Optional<CallMacroWriter.Method>> perAbi = callMacros.stream().map(writer -> boundFunctions.containsKey(macro.name())
                    ? Optional.<CallMacroWriter.Method>empty() : writer.method(macro, boundFunctions)).toList();
            Optional<String> method = perAbi.getFirst().isEmpty() ? Optional.empty() : CallMacroWriter.Method.chosenPerAbi(perAbi, targets);
            String where = "macro " + macro.name() + " (" + macro.position() + "): ";
            if (boundFunctions.containsKey(macro.name())) {
                set.skipped.add(where + "it has the name of the function " + macro.name() + ", which is bound: the method of"
                        + " that name calls the library's function");
            } else if (method.isEmpty() && reasons.containsKey(macro.name())) {
                set.skipped.add(where + reasons.get(macro.name()));
            } else if (method.isEmpty() && macro.computesInLongDouble(longDoubleConstants)) {
                set.skipped.add(where + "it computes in long double, which Java has no type for (its result rounded to double"
                        + " would not be C's)");
            } else if (method.isEmpty() && differingMacros.contains(macro.name())) {
                set.skipped.add(where + "it computes in C types that differ between ABIs (a constant's or a long's), so one"
                        + " Java method cannot compute as each does");
            } else if (method.isEmpty()) {
                set.skipped.add(where + "its body is neither a constant expression of its parameters"
                        + Optional.ofNullable(notExpressions.get(macro.name())).map(why -> " (" + why + ")").orElse("")
                        + " nor a call of a bound function with them, constants and sizes");
            }
            method.ifPresent(body::append);
        }
        body.append(callMacros.getFirst().stringHolder());
    }

    private static boolean isJavaExpression(String text) {
        try {
            StaticJavaParser.parseExpression(text);
            return true;
        } catch (ParseProblemException e) {
            return false;
        }
    }
}
