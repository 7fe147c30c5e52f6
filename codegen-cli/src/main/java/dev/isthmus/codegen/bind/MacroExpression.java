package dev.isthmus.codegen.bind;

import dev.isthmus.cparser.abi.IntegerArithmetic;
import dev.isthmus.cparser.type.Primitive;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A function-like macro's body translated into a Java expression with C's meaning (or a Lua
 * one: this class decides the C types and conversions, a {@link MacroSyntax} spells them,
 * and what follows describes the Java spelling), when it
 * is a constant expression of the macro's parameters (C11 6.6): integer, character and
 * floating constants, the parameters, the header's constants, calls of the header's other
 * such macros (expanded as C does, {@link MacroTokens}), parentheses, casts to arithmetic
 * types, unary {@code - + ~ !}, the binary operators of C from {@code *} to {@code ||} at
 * C's precedence, and {@code ?:}.
 *
 * <p>Each subexpression has a {@link Kind}, its Java type, and a C type. An integer is a Java
 * {@code long} holding its C type's value sign- or zero-extended (an {@code unsigned int}
 * 0xFFFFFFFF is {@code 4294967295L}, an {@code unsigned long long} keeps its 64 bits); an
 * integer argument is a C {@code long long}. The C types follow cparser's rules for the
 * target ABI ({@link IntegerArithmetic}: the types of constants, integer promotion, the usual
 * arithmetic conversions), and the Java computes as C does in them: a result narrower than
 * 64 bits is wrapped to its type's width, unsigned 64-bit division, remainder and
 * comparison are {@code Long.divideUnsigned}, {@code Long.remainderUnsigned} and
 * {@code Long.compareUnsigned}, an unsigned right shift is {@code >>>}, and an
 * integer cast truncates and sign- or zero-extends ({@code (unsigned) x} is
 * {@code x & 0xFFFFFFFFL}, {@code (short) x} is {@code (long) (short) x}, a floating value
 * truncated toward zero first). A {@code float} or {@code double} operand makes the
 * operation floating as C's usual arithmetic conversions do, which Java's numeric promotion
 * matches, except that an unsigned 64-bit integer is converted by its unsigned value; a
 * {@code float} result stays a Java {@code float}, rounded as C rounds it. Java has no
 * integer truth, so what C gives as 0 or 1 (comparisons, {@code !}, {@code &&},
 * {@code ||}) becomes {@code (... ? 1L : 0L)} and what C tests becomes {@code (...) != 0}.
 * A parameter whose members the body reads ({@code (image).width}, {@code p->x}) is the
 * memory of the one bound record with all those members ({@link MacroScope}), each member
 * read through its class's getter as the C value it holds. An integer-only operator
 * ({@code % << >> & | ^ ~}) on a floating operand, and anything else (strings, other names,
 * other uses of a record parameter, assignments, commas, {@code long double} constants) is
 * not translated.
 */
final class MacroExpression {
    /** The Java type of a subexpression. */
    enum Kind {
        LONG("long"), FLOAT("float"), DOUBLE("double");

        private final String javaType;

        Kind(String javaType) {
            this.javaType = javaType;
        }

        String javaType() {
            return javaType;
        }

        boolean isFloating() {
            return this != LONG;
        }

        /** C's usual arithmetic conversions, restricted to these three. */
        static Kind common(Kind a, Kind b) {
            return a.ordinal() >= b.ordinal() ? a : b;
        }
    }

    /** A Java expression, its kind, and its C type (an integer's value is normalised to that type's width). */
    record Typed(String java, Kind kind, Primitive type) {
        boolean isFloating() {
            return kind.isFloating();
        }
    }

    /**
     * A macro as a Java method: its body's expression and result kind, the kind of its
     * parameters ({@code double} when the body computes in floating point and allows it), and
     * the record class of each parameter whose members it reads (a {@code MemorySegment}).
     */
    record Translation(String java, Kind result, Kind parameters, Map<String, String> recordParameters) {
        Translation {
            recordParameters = Map.copyOf(recordParameters);
        }

        /** The Java type of {@code parameter}. */
        String javaType(String parameter) {
            return recordParameters.containsKey(parameter) ? "MemorySegment" : parameters.javaType();
        }
    }

    /** The integer types a cast may name. */
    private static final Map<String, Primitive> CASTS = Map.ofEntries(
            Map.entry("char", Primitive.CHAR), Map.entry("signed char", Primitive.SIGNED_CHAR),
            Map.entry("unsigned char", Primitive.UNSIGNED_CHAR), Map.entry("short", Primitive.SHORT),
            Map.entry("short int", Primitive.SHORT), Map.entry("signed short", Primitive.SHORT),
            Map.entry("unsigned short", Primitive.UNSIGNED_SHORT), Map.entry("unsigned short int", Primitive.UNSIGNED_SHORT),
            Map.entry("int", Primitive.INT), Map.entry("signed", Primitive.INT), Map.entry("signed int", Primitive.INT),
            Map.entry("unsigned", Primitive.UNSIGNED_INT), Map.entry("unsigned int", Primitive.UNSIGNED_INT),
            Map.entry("long", Primitive.LONG), Map.entry("long int", Primitive.LONG), Map.entry("signed long", Primitive.LONG),
            Map.entry("unsigned long", Primitive.UNSIGNED_LONG), Map.entry("unsigned long int", Primitive.UNSIGNED_LONG),
            Map.entry("long long", Primitive.LONG_LONG), Map.entry("long long int", Primitive.LONG_LONG),
            Map.entry("signed long long", Primitive.LONG_LONG), Map.entry("unsigned long long", Primitive.UNSIGNED_LONG_LONG),
            Map.entry("unsigned long long int", Primitive.UNSIGNED_LONG_LONG));

    /** The floating types a cast may name. */
    private static final Map<String, Kind> FLOATING_CASTS = Map.of("float", Kind.FLOAT, "double", Kind.DOUBLE);

    /** C's binary operators by precedence, loosest first ({@code ?:} is handled above them). */
    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("|"), List.of("^"),
            List.of("&"), List.of("==", "!="), List.of("<", ">", "<=", ">="), List.of("<<", ">>"), List.of("+", "-"),
            List.of("*", "/", "%"));

    private static final List<String> INTEGER_ONLY = List.of("%", "<<", ">>", "&", "|", "^");

    private final List<MacroTokens.Token> tokens;
    private final List<String> parameters;
    private final Kind parameterKind;
    /** The header class's constants a body may name, by C name, as Java expressions. */
    private final Map<String, Typed> constants;
    private final IntegerArithmetic integers;
    /** The record parameters' classes, by parameter; empty when the body reads no members. */
    private final Map<String, String> recordParameters;
    private final MacroScope scope;
    private final MacroSyntax syntax;
    /** Why a member read cannot be bound, found while the rest of the body is still translated. */
    private String problem;
    private boolean floating;
    private int at;

    private MacroExpression(List<MacroTokens.Token> tokens, List<String> parameters, Kind parameterKind, Map<String, Typed> constants,
                            IntegerArithmetic integers, Map<String, String> recordParameters, MacroScope scope, MacroSyntax syntax) {
        this.syntax = syntax;
        this.tokens = tokens;
        this.parameters = parameters;
        this.parameterKind = parameterKind;
        this.constants = constants;
        this.integers = integers;
        this.recordParameters = recordParameters;
        this.scope = scope;
    }

    /**
     * The Java method body of {@code macro} with C's types on {@code integers}' ABI, or empty
     * when it is not such a constant expression. Parameters are {@code long} (C's
     * {@code long long}), or {@code double} when the body computes in floating point and
     * every use of a parameter allows a floating value; a parameter whose members the body
     * reads is the memory of the record {@code scope} finds for it.
     *
     * @throws NotBindable when the body is such an expression but for a record parameter
     *                     {@code scope} finds no single record for, or a member it cannot read
     */
    static Optional<Translation> translate(FunctionMacro macro, Map<String, Typed> constants, Map<String, FunctionMacro> macros,
                                           IntegerArithmetic integers, MacroScope scope, MacroSyntax syntax, Consumer<String> whyNot)
            throws NotBindable {
        List<MacroTokens.Token> tokens;
        try {
            tokens = MacroTokens.of(macro, macros, integers, syntax);
        } catch (IllegalArgumentException e) {
            whyNot.accept(reason(e));
            return Optional.empty();
        }
        if (tokens.isEmpty()) {
            whyNot.accept("its body is empty");
            return Optional.empty();
        }
        if (tokens.getFirst().is("{") || tokens.getFirst().is("do")) {
            whyNot.accept("its body is statements, not an expression");
            return Optional.empty();
        }
        Map<String, String> recordParameters = new LinkedHashMap<>();
        String unresolved = null;
        for (Map.Entry<String, Set<String>> read : membersRead(tokens, macro.parameters()).entrySet()) {
            try {
                recordParameters.put(read.getKey(), scope.recordOf(read.getKey(), read.getValue()));
            } catch (NotBindable e) {
                unresolved = unresolved == null ? e.getMessage() : unresolved;
                recordParameters.put(read.getKey(), "");
            }
        }
        Optional<Translation> translation = translate(macro, constants, integers, tokens, recordParameters, scope, syntax, whyNot);
        if (translation.isPresent() && unresolved != null) {
            // Otherwise a constant expression: the report says which record is missing.
            throw new NotBindable(unresolved);
        }
        return translation;
    }

    private static Optional<Translation> translate(FunctionMacro macro, Map<String, Typed> constants, IntegerArithmetic integers,
                                                   List<MacroTokens.Token> tokens, Map<String, String> recordParameters,
                                                   MacroScope scope, MacroSyntax syntax, Consumer<String> whyNot) throws NotBindable {
        try {
            MacroExpression integral = new MacroExpression(tokens, macro.parameters(), Kind.LONG, constants, integers, recordParameters,
                    scope, syntax);
            Typed asLong = integral.whole();
            if (integral.problem != null) {
                throw new NotBindable(integral.problem);
            }
            if (integral.floating) {
                try {
                    Typed asDouble = new MacroExpression(tokens, macro.parameters(), Kind.DOUBLE, constants, integers,
                            recordParameters, scope, syntax).whole();
                    return Optional.of(new Translation(asDouble.java(), asDouble.kind(), Kind.DOUBLE, recordParameters));
                } catch (IllegalArgumentException e) {
                    // A parameter used as an integer only (x % 2): the parameters stay long.
                }
            }
            return Optional.of(new Translation(asLong.java(), asLong.kind(), Kind.LONG, recordParameters));
        } catch (IllegalArgumentException e) {
            // Not such an expression (NumberFormatException included: a constant beyond 64 bits).
            whyNot.accept(reason(e));
            return Optional.empty();
        }
    }

    /** Why the body is no constant expression, for the report. */
    private static String reason(IllegalArgumentException e) {
        return e instanceof NumberFormatException ? "an integer constant needs more than 64 bits" : e.getMessage();
    }

    /**
     * The members the body reads of each parameter: {@code p.m}, {@code p->m}, {@code (p).m}
     * and {@code (p)->m}, as the expansion of {@code (image).format} passed on leaves them.
     */
    private static Map<String, Set<String>> membersRead(List<MacroTokens.Token> tokens, List<String> parameters) {
        Map<String, Set<String>> read = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            int access = memberAccess(tokens, i, parameters);
            if (access > 0 && access + 1 < tokens.size() && tokens.get(access + 1).literal() == null) {
                read.computeIfAbsent(tokens.get(i).is("(") ? tokens.get(i + 1).text() : tokens.get(i).text(),
                        p -> new LinkedHashSet<>()).add(tokens.get(access + 1).text());
            }
        }
        return read;
    }

    /** The index of the {@code .} or {@code ->} of a member access of a parameter starting at {@code i}, or -1. */
    private static int memberAccess(List<MacroTokens.Token> tokens, int i, List<String> parameters) {
        int name = tokens.get(i).is("(") ? i + 1 : i;
        int after = name == i ? i + 1 : i + 2;
        boolean parameter = name < tokens.size() && tokens.get(name).literal() == null && parameters.contains(tokens.get(name).text());
        if (!parameter || after >= tokens.size() || name != i && !tokens.get(i + 2).is(")")) {
            return -1;
        }
        int access = name == i ? after : after + 1;
        return access < tokens.size() && (tokens.get(access).is(".") || tokens.get(access).is("->")) ? access : -1;
    }

    private Typed whole() {
        Typed value = conditional();
        if (at < tokens.size()) {
            throw new IllegalArgumentException("'" + tokens.get(at).text() + "' cannot follow an operand");
        }
        return new Typed(syntax.result(value.java(), value.kind(), value.type(), isUnsigned64(value.type())), value.kind(), value.type());
    }

    private boolean isUnsigned64(Primitive type) {
        return type.isInteger() && integers.isUnsigned(type) && integers.width(type) == 64;
    }

    private Typed conditional() {
        Typed condition = binary(0);
        if (!accept("?")) {
            return condition;
        }
        Typed then = conditional();
        expect(":");
        Typed otherwise = conditional();
        if (!then.isFloating() && !otherwise.isFloating()) {
            Primitive type = integers.commonType(integers.promote(then.type()), integers.promote(otherwise.type()));
            return new Typed(syntax.choice(condition.java(), convert(then, type), convert(otherwise, type)), Kind.LONG, type);
        }
        Kind kind = Kind.common(then.kind(), otherwise.kind());
        return new Typed(syntax.choice(condition.java(), toFloating(then, kind), toFloating(otherwise, kind)), kind, floatingType(kind));
    }

    private Typed binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Typed left = binary(level + 1);
        while (at < tokens.size() && tokens.get(at).literal() == null && LEVELS.get(level).contains(tokens.get(at).text())) {
            String operator = tokens.get(at++).text();
            Typed right = binary(level + 1);
            if (INTEGER_ONLY.contains(operator) && (left.isFloating() || right.isFloating())) {
                throw new IllegalArgumentException("'" + operator + "' needs integer operands");
            }
            left = switch (operator) {
                case "&&", "||" -> truth(syntax.logical(operator, left.java(), right.java()));
                case "<<", ">>" -> shift(operator, left, right);
                default -> left.isFloating() || right.isFloating() ? floatingBinary(operator, left, right) : integerBinary(operator, left, right);
            };
        }
        return left;
    }

    /** An operation on two integers, in their common type as C's usual arithmetic conversions give it. */
    private Typed integerBinary(String operator, Typed left, Typed right) {
        Primitive type = integers.commonType(integers.promote(left.type()), integers.promote(right.type()));
        String x = convert(left, type);
        String y = convert(right, type);
        boolean unsigned64 = integers.isUnsigned(type) && integers.width(type) == 64;
        return switch (operator) {
            case "==", "!=" -> truth(syntax.compare(operator, x, y, false));
            case "<", ">", "<=", ">=" -> truth(syntax.compare(operator, x, y, unsigned64));
            case "/", "%" -> unsigned64 ? new Typed(syntax.unsignedDivision(operator, x, y), Kind.LONG, type)
                    : wrapped(syntax.integerArithmetic(operator, x, y), type);
            // Two values normalised to a type stay normalised under & | ^.
            case "&", "|", "^" -> new Typed(syntax.bitwise(operator, x, y), Kind.LONG, type);
            default -> wrapped(syntax.integerArithmetic(operator, x, y), type);
        };
    }

    private Typed floatingBinary(String operator, Typed left, Typed right) {
        Kind kind = Kind.common(left.kind(), right.kind());
        String x = toFloating(left, kind);
        String y = toFloating(right, kind);
        return switch (operator) {
            case "==", "!=", "<", ">", "<=", ">=" -> truth(syntax.compare(operator, x, y, false));
            default -> new Typed(syntax.floatingArithmetic(operator, x, y, kind), kind, floatingType(kind));
        };
    }

    /** A shift, in the promoted type of its left operand; a right shift of an unsigned one brings in zeros. */
    private Typed shift(String operator, Typed left, Typed right) {
        Primitive type = integers.promote(left.type());
        String x = convert(left, type);
        if (operator.equals("<<")) {
            return wrapped(syntax.shift(operator, x, right.java(), true), type);
        }
        return new Typed(syntax.shift(operator, x, right.java(), !integers.isUnsigned(type)), Kind.LONG, type);
    }

    /** C's 0 or 1 of type int for a condition. */
    private Typed truth(String condition) {
        return new Typed(syntax.truth(condition), Kind.LONG, Primitive.INT);
    }

    private Typed unary() {
        if (accept("-") || accept("+")) {
            String operator = tokens.get(at - 1).text();
            Typed operand = unary();
            if (operand.isFloating()) {
                return new Typed(operator.equals("+") ? syntax.plus(operand.java()) : syntax.negate(operand.java()), operand.kind(),
                        operand.type());
            }
            Primitive type = integers.promote(operand.type());
            String x = convert(operand, type);
            return operator.equals("+") ? new Typed(x, Kind.LONG, type) : wrapped(syntax.negate(x), type);
        }
        if (accept("~")) {
            Typed operand = unary();
            if (operand.isFloating()) {
                throw new IllegalArgumentException("'~' needs an integer operand");
            }
            Primitive type = integers.promote(operand.type());
            return wrapped(syntax.complement(convert(operand, type)), type);
        }
        if (accept("!")) {
            return truth(syntax.isZero(unary().java()));
        }
        if (at < tokens.size() && (tokens.get(at).is("*") || tokens.get(at).is("&"))) {
            String spelled = spell(at, operandEnd(at + 1));
            throw new IllegalArgumentException(tokens.get(at).is("*")
                    ? "it reads memory through a pointer, " + spelled + ", which no constant expression does"
                    : "it takes an address, " + spelled + ", which is no arithmetic value");
        }
        return primary();
    }

    /** The end (exclusive) of the operand starting at {@code i}: a parenthesised group, or a name with any call's arguments. */
    private int operandEnd(int i) {
        if (i >= tokens.size()) {
            return i;
        }
        int end = tokens.get(i).is("(") ? closing(i) : i + 1;
        while (end < tokens.size() && (tokens.get(end).is("(") || tokens.get(end).is("["))) {
            end = closing(end);
        }
        return end;
    }

    /** The index after the bracket closing the one at {@code open}, or the end. */
    private int closing(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is("(") || tokens.get(i).is("[")) {
                depth++;
            } else if ((tokens.get(i).is(")") || tokens.get(i).is("]")) && --depth == 0) {
                return i + 1;
            }
        }
        return tokens.size();
    }

    /** Tokens {@code from} to {@code to} as C text, a space only between two words. */
    private String spell(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            String t = tokens.get(i).text();
            if (!text.isEmpty() && Character.isJavaIdentifierPart(text.charAt(text.length() - 1))
                    && Character.isJavaIdentifierPart(t.charAt(0))) {
                text.append(' ');
            }
            text.append(t);
        }
        return text.toString();
    }

    /** An operand followed by a subscript reads memory: said so, with the expression, rather than as a syntax error. */
    private void refuseSubscript(int operandStart) {
        if (at < tokens.size() && tokens.get(at).is("[")) {
            throw new IllegalArgumentException("it reads memory through a pointer, " + spell(operandStart, closing(at))
                    + ", which no constant expression does");
        }
    }

    private Typed primary() {
        int access = memberAccess(tokens, at, parameters);
        if (access > 0) {
            return member(access);
        }
        int start = at;
        MacroTokens.Token token = next();
        if (token.literal() != null) {
            floating |= token.literal().isFloating();
            return token.literal();
        }
        String text = token.text();
        if (text.equals("(")) {
            int typeEnd = at;
            while (typeEnd < tokens.size() && isTypeWord(tokens.get(typeEnd))) {
                typeEnd++;
            }
            if (typeEnd > at && typeEnd < tokens.size() && tokens.get(typeEnd).is(")")) {
                String type = String.join(" ", tokens.subList(at, typeEnd).stream().map(MacroTokens.Token::text).toList());
                at = typeEnd + 1;
                return cast(type, unary());
            }
            Optional<Primitive> typedef = at + 1 < tokens.size() && tokens.get(at + 1).is(")") ? typedefCast(tokens.get(at))
                    : Optional.empty();
            if (typedef.isPresent()) {
                at += 2;
                return cast(typedef.get(), unary());
            }
            Typed inner = conditional();
            expect(")");
            refuseSubscript(start);
            return inner;
        }
        if (Character.isJavaIdentifierStart(text.charAt(0)) && at < tokens.size() && tokens.get(at).is("(")) {
            throw new IllegalArgumentException(parameters.contains(text) ? "its parameter " + text + " is called as a function"
                    : "it calls " + text + ", which is no macro");
        }
        if (recordParameters.containsKey(text)) {
            throw new IllegalArgumentException("record parameter " + text + " used as a value");
        }
        if (parameters.contains(text)) {
            refuseSubscript(start);
            return new Typed(syntax.parameter(text, parameterKind), parameterKind,
                    parameterKind.isFloating() ? Primitive.DOUBLE : Primitive.LONG_LONG);
        }
        Typed constant = constants.containsKey(text) ? constants.get(text) : scope.constant(text, syntax).orElse(null);
        if (constant != null) {
            floating |= constant.isFloating();
            return constant;
        }
        throw new IllegalArgumentException(Character.isJavaIdentifierStart(text.charAt(0))
                ? text + " is neither a parameter nor a constant of the headers" : "'" + text + "' cannot start an operand");
    }

    /** A member of a record parameter, whose {@code .} or {@code ->} is at {@code access}. */
    private Typed member(int access) {
        String parameter = tokens.get(at).is("(") ? tokens.get(at + 1).text() : tokens.get(at).text();
        at = access + 1;
        MacroTokens.Token member = next();
        if (member.literal() != null || !recordParameters.containsKey(parameter)) {
            throw new IllegalArgumentException("not a member access: " + member.text());
        }
        String className = recordParameters.get(parameter);
        if (!className.isEmpty()) {
            try {
                Typed read = scope.read(className, parameter, member.text(), syntax);
                floating |= read.isFloating();
                return read;
            } catch (NotBindable e) {
                problem = problem == null ? e.getMessage() : problem;
            }
        }
        // The record or member is not bound: the rest is translated to tell the report why.
        return new Typed(syntax.integer(0, Primitive.LONG_LONG, false), Kind.LONG, Primitive.LONG_LONG);
    }

    /** The arithmetic type of a typedef name a cast names, unless a parameter or constant has the name. */
    private Optional<Primitive> typedefCast(MacroTokens.Token name) {
        if (name.literal() != null || parameters.contains(name.text()) || constants.containsKey(name.text())) {
            return Optional.empty();
        }
        return scope.arithmeticTypedef(name.text());
    }

    private Typed cast(Primitive type, Typed operand) {
        return cast(switch (type) {
            case FLOAT -> "float";
            case DOUBLE -> "double";
            default -> CASTS.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not an arithmetic type: " + type.spelling()));
        }, operand);
    }

    private Typed cast(String type, Typed operand) {
        Kind floatingKind = FLOATING_CASTS.get(type);
        if (floatingKind != null) {
            floating = true;
            // An unsigned 64-bit operand's conversion is already of the type.
            String converted = operand.isFloating() ? syntax.floatingCast(operand.java(), floatingKind)
                    : isUnsigned64(operand.type()) ? syntax.integerToFloating(operand.java(), true, floatingKind)
                    : syntax.floatingCast(syntax.integerToFloating(operand.java(), false, floatingKind), floatingKind);
            return new Typed(converted, floatingKind, floatingType(floatingKind));
        }
        Primitive to = CASTS.get(type);
        if (to == null) {
            throw new IllegalArgumentException("not an arithmetic type: " + type);
        }
        if (operand.isFloating() && parameters.stream().anyMatch(p -> operand.java().equals(syntax.parameter(p, parameterKind)))) {
            // A parameter cast to an integer type is an integer: the parameters stay long.
            throw new IllegalArgumentException("parameter " + operand.java() + " used as an integer");
        }
        return new Typed(convert(operand, to), Kind.LONG, to);
    }

    /** {@code value} converted to the integer type {@code to} as C converts it: truncated and sign- or zero-extended. */
    private String convert(Typed value, Primitive to) {
        String x = value.java();
        if (value.isFloating()) {
            // C truncates toward zero; an unsigned 64-bit result may exceed the signed range.
            x = syntax.floatingToInteger(x, isUnsigned64(to));
        } else if (holds(to, value.type())) {
            return x;
        }
        return normalised(x, to);
    }

    /** Whether every value of the integer type {@code from} is one of {@code to}, with the same pattern. */
    private boolean holds(Primitive to, Primitive from) {
        int toWidth = integers.width(to);
        int fromWidth = integers.width(from);
        if (toWidth == 64) {
            return true;
        }
        return integers.isUnsigned(to) == integers.isUnsigned(from) ? fromWidth <= toWidth : !integers.isUnsigned(to) && fromWidth < toWidth;
    }

    /** A result computed in 64 bits, wrapped to the width of {@code type}. */
    private Typed wrapped(String x, Primitive type) {
        return new Typed(integers.width(type) == 64 ? x : normalised(x, type), Kind.LONG, type);
    }

    private String normalised(String x, Primitive type) {
        int width = integers.width(type);
        if (width == 64) {
            return x;
        }
        if (type == Primitive.BOOL) {
            return syntax.bool(x);
        }
        return syntax.narrowed(x, width, integers.isUnsigned(type));
    }

    /** An operand of a floating operation of {@code kind}: an unsigned 64-bit integer converted by its unsigned value. */
    private String toFloating(Typed value, Kind kind) {
        return value.isFloating() ? value.java() : syntax.integerToFloating(value.java(), isUnsigned64(value.type()), kind);
    }

    private static Primitive floatingType(Kind kind) {
        return kind == Kind.FLOAT ? Primitive.FLOAT : Primitive.DOUBLE;
    }

    private static boolean isTypeWord(MacroTokens.Token token) {
        return token.literal() == null && List.of("char", "short", "int", "long", "signed", "unsigned", "float", "double")
                .contains(token.text());
    }

    private boolean accept(String token) {
        if (at < tokens.size() && tokens.get(at).is(token)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("'" + token + "' is missing");
        }
    }

    private MacroTokens.Token next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("it ends where an operand should be");
        }
        return tokens.get(at++);
    }
}
