package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CErrorKind;
import dev.isthmus.cparser.ConstantValue;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.abi.IntegerArithmetic;
import dev.isthmus.cparser.parse.CDeclarationsParser.BinaryExpressionContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.CastExpressionContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.ConditionalExpressionContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.ExpressionContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.PostfixExpressionContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.PrimaryExpressionContext;
import dev.isthmus.cparser.parse.CDeclarationsParser.UnaryExpressionContext;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;


import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates C constant expressions (C11 6.6) with C's semantics under an ABI: integer
 * promotions and the usual arithmetic conversions (C11 6.3.1), wraparound of unsigned
 * types, truncating casts, {@code sizeof}, {@code _Alignof}, {@code __builtin_offsetof},
 * enumerators and named constants. Floating arithmetic is done in {@code double}, and each
 * result of type {@code float} rounded to a {@code float} (C's {@code FLT_EVAL_METHOD} 0, as
 * on x86-64 and AArch64); a {@code long double} is held as a {@code double}.
 *
 * <p>Integers are held as a 64-bit pattern and a {@link Primitive} type; a value is always
 * normalised to its type's width (sign- or zero-extended), so Java's long arithmetic on
 * the patterns followed by normalisation is C's arithmetic. {@code __int128} values are
 * limited to 64 bits. Anything that is not constant is a diagnostic, never an exception.
 */
final class ConstantEvaluator {

    /** A constant: an integer (bits + type), a floating value, or a string literal. */
    record Value(Primitive type, long bits, double floating, byte[] string) {
        static Value ofInteger(long bits, Primitive type) {
            return new Value(type, bits, 0, null);
        }

        /** A floating value of {@code type}; a {@code float} is rounded to one, as C rounds each result of that type. */
        static Value ofFloating(double value, Primitive type) {
            return new Value(type, 0, type == Primitive.FLOAT ? (float) value : value, null);
        }

        static Value ofString(byte[] bytes) {
            return new Value(Primitive.CHAR, 0, 0, bytes);
        }

        boolean isString() {
            return string != null;
        }

        boolean isFloating() {
            return string == null && type.isFloating();
        }

        boolean isTrue() {
            return isFloating() ? floating != 0 : bits != 0;
        }
    }

    /** How the evaluator reaches what the declaration builder knows. */
    interface Context {
        CType resolveTypeName(CDeclarationsParser.TypeNameContext typeName);

        /** A name visible only while it is being defined (an enumerator in its enum's body). */
        Optional<Value> localConstant(String name);

        DeclarationException error(CErrorKind kind, Token at, Object... arguments);
    }

    private final Abi abi;
    private final SymbolTable symbols;
    private final Context context;
    private final IntegerArithmetic integers;

    ConstantEvaluator(Abi abi, SymbolTable symbols, Context context) {
        this.abi = abi;
        this.integers = new IntegerArithmetic(abi);
        this.symbols = symbols;
        this.context = context;
    }

    /** An integer constant expression's value, or a {@link CErrorKind#NOT_CONSTANT} diagnostic. */
    Value integer(ParserRuleContext expression) {
        Value v = evaluate(expression);
        if (v.isString() || v.isFloating()) {
            throw context.error(CErrorKind.NOT_CONSTANT, expression.getStart());
        }
        return v;
    }

    Value evaluate(ParserRuleContext node) {
        return switch (node) {
            case CDeclarationsParser.ConstantExpressionContext c -> evaluate(c.conditionalExpression());
            case CDeclarationsParser.AssignmentExpressionContext a -> evaluate(a.conditionalExpression());
            case ExpressionContext e -> evaluate(e.assignmentExpression(e.assignmentExpression().size() - 1));
            case ConditionalExpressionContext c -> conditional(c);
            case BinaryExpressionContext b -> b.castExpression() != null ? evaluate(b.castExpression()) : binary(b);
            case CastExpressionContext c -> c.typeName() != null
                    ? cast(evaluate(c.castExpression()), context.resolveTypeName(c.typeName()), c.getStart())
                    : evaluate(c.unaryExpression());
            case UnaryExpressionContext u -> unary(u);
            case PostfixExpressionContext p -> postfix(p);
            case PrimaryExpressionContext p -> primary(p);
            default -> throw context.error(CErrorKind.NOT_CONSTANT, node.getStart());
        };
    }

    private Value conditional(ConditionalExpressionContext c) {
        Value condition = evaluate(c.binaryExpression());
        if (c.expression() == null) {
            return condition;
        }
        Value chosen = condition.isTrue() ? evaluate(c.expression()) : evaluate(c.conditionalExpression());
        if (chosen.isString() || chosen.isFloating()) {
            return chosen;
        }
        try {
            Value other = condition.isTrue() ? evaluate(c.conditionalExpression()) : evaluate(c.expression());
            if (!other.isString() && !other.isFloating()) {
                Primitive common = commonType(promote(chosen.type()), promote(other.type()));
                return convert(chosen, common);
            }
        } catch (DeclarationException notConstant) {
            // GCC accepts a non-constant operand in the branch that is not taken.
        }
        return chosen;
    }

    private Value binary(BinaryExpressionContext b) {
        String op = b.op.getText();
        Value left = evaluate(b.binaryExpression(0));
        if (op.equals("&&") && !left.isTrue() || op.equals("||") && left.isTrue()) {
            return Value.ofInteger(op.equals("||") ? 1 : 0, Primitive.INT);
        }
        Value right = evaluate(b.binaryExpression(1));
        if (left.isString() || right.isString()) {
            throw context.error(CErrorKind.NOT_CONSTANT, b.op);
        }
        switch (op) {
            case "&&", "||" -> {
                return Value.ofInteger(right.isTrue() ? 1 : 0, Primitive.INT);
            }
            case "<<", ">>" -> {
                return shift(op, left, right, b.op);
            }
            default -> {
            }
        }
        if (left.isFloating() || right.isFloating()) {
            return floatingBinary(op, toDouble(left), toDouble(right), floatingCommon(left, right), b.op);
        }
        Primitive type = commonType(promote(left.type()), promote(right.type()));
        long x = convert(left, type).bits();
        long y = convert(right, type).bits();
        boolean isUnsigned = type.isUnsigned();
        return switch (op) {
            case "*" -> normalize(x * y, type);
            case "/", "%" -> {
                if (y == 0) {
                    throw context.error(CErrorKind.DIVISION_BY_ZERO, b.op);
                }
                long r = op.equals("/")
                        ? (isUnsigned ? Long.divideUnsigned(x, y) : x / y)
                        : (isUnsigned ? Long.remainderUnsigned(x, y) : x % y);
                yield normalize(r, type);
            }
            case "+" -> normalize(x + y, type);
            case "-" -> normalize(x - y, type);
            case "<" -> bool(isUnsigned ? Long.compareUnsigned(x, y) < 0 : x < y);
            case ">" -> bool(isUnsigned ? Long.compareUnsigned(x, y) > 0 : x > y);
            case "<=" -> bool(isUnsigned ? Long.compareUnsigned(x, y) <= 0 : x <= y);
            case ">=" -> bool(isUnsigned ? Long.compareUnsigned(x, y) >= 0 : x >= y);
            case "==" -> bool(x == y);
            case "!=" -> bool(x != y);
            case "&" -> normalize(x & y, type);
            case "^" -> normalize(x ^ y, type);
            case "|" -> normalize(x | y, type);
            default -> throw context.error(CErrorKind.NOT_CONSTANT, b.op);
        };
    }

    private Value shift(String op, Value left, Value right, Token at) {
        if (left.isFloating() || right.isFloating()) {
            throw context.error(CErrorKind.NOT_CONSTANT, at);
        }
        Primitive type = promote(left.type());
        long x = convert(left, type).bits();
        long count = right.bits();
        long width = abi.sizeOf(type) * 8;
        if (count < 0 || count >= Math.min(width, 64)) {
            throw context.error(CErrorKind.SHIFT_COUNT, at, String.valueOf(count));
        }
        if (op.equals("<<")) {
            return normalize(x << count, type);
        }
        return normalize(type.isUnsigned() ? x >>> count : x >> count, type);
    }

    private Value floatingBinary(String op, double x, double y, Primitive type, Token at) {
        return switch (op) {
            case "*" -> Value.ofFloating(x * y, type);
            case "/" -> Value.ofFloating(x / y, type);
            case "+" -> Value.ofFloating(x + y, type);
            case "-" -> Value.ofFloating(x - y, type);
            case "<" -> bool(x < y);
            case ">" -> bool(x > y);
            case "<=" -> bool(x <= y);
            case ">=" -> bool(x >= y);
            case "==" -> bool(x == y);
            case "!=" -> bool(x != y);
            default -> throw context.error(CErrorKind.NOT_CONSTANT, at);
        };
    }

    private static Primitive floatingCommon(Value a, Value b) {
        Primitive ta = a.isFloating() ? a.type() : Primitive.FLOAT;
        Primitive tb = b.isFloating() ? b.type() : Primitive.FLOAT;
        return ta.ordinal() >= tb.ordinal() ? ta : tb;
    }

    private Value unary(UnaryExpressionContext u) {
        if (u.postfixExpression() != null) {
            return evaluate(u.postfixExpression());
        }
        if (u.SIZEOF() != null || u.ALIGNOF() != null) {
            CType type = u.typeName() != null ? context.resolveTypeName(u.typeName()) : typeOf(u.unaryExpression());
            try {
                long n = u.SIZEOF() != null ? abi.sizeOf(type) : abi.alignOf(type);
                return Value.ofInteger(n, abi.sizeType());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw context.error(CErrorKind.INVALID_TYPE, u.getStart(), e.getMessage());
            }
        }
        Value v = evaluate(u.castExpression());
        String op = u.op.getText();
        if (v.isString() || op.equals("&") || op.equals("*")) {
            throw context.error(CErrorKind.NOT_CONSTANT, u.op);
        }
        if (op.equals("!")) {
            return bool(!v.isTrue());
        }
        if (v.isFloating()) {
            return switch (op) {
                case "+" -> v;
                case "-" -> Value.ofFloating(-v.floating(), v.type());
                default -> throw context.error(CErrorKind.NOT_CONSTANT, u.op);
            };
        }
        Primitive type = promote(v.type());
        long x = convert(v, type).bits();
        return switch (op) {
            case "+" -> normalize(x, type);
            case "-" -> normalize(-x, type);
            default -> normalize(~x, type);
        };
    }

    /** The type of an expression operand of {@code sizeof}: names, literals and constants. */
    CType typeOf(ParserRuleContext expression) {
        PrimaryExpressionContext primary = soleprimary(expression);
        if (primary != null && primary.IDENTIFIER() != null) {
            String name = primary.IDENTIFIER().getText();
            Optional<Declaration> declared = symbols.ordinary(name);
            if (declared.isPresent()) {
                switch (declared.get()) {
                    case Declaration.Variable v -> {
                        return v.type();
                    }
                    case Declaration.Function f -> {
                        return f.type();
                    }
                    default -> {
                    }
                }
            }
        }
        if (primary != null && primary.stringLiteral() != null) {
            byte[] bytes = stringBytes(primary.stringLiteral());
            return CType.arrayOf(Primitive.CHAR, bytes.length + 1L);
        }
        Value v = evaluate(expression);
        return v.isString() ? CType.pointerTo(Primitive.CHAR) : v.type();
    }

    private static PrimaryExpressionContext soleprimary(ParserRuleContext node) {
        ParserRuleContext current = node;
        while (current != null) {
            if (current instanceof PrimaryExpressionContext p) {
                return p.expression() != null ? soleprimary(p.expression()) : p;
            }
            if (current instanceof PostfixExpressionContext p && !p.postfixSuffix().isEmpty()) {
                return null;
            }
            if (current.getChildCount() != 1 || !(current.getChild(0) instanceof ParserRuleContext child)) {
                return null;
            }
            current = child;
        }
        return null;
    }

    private Value postfix(PostfixExpressionContext p) {
        if (p.postfixSuffix().isEmpty()) {
            return evaluate(p.primaryExpression());
        }
        PrimaryExpressionContext callee = p.primaryExpression();
        var call = p.postfixSuffix(0);
        if (p.postfixSuffix().size() == 1 && callee.IDENTIFIER() != null && call.LPAREN() != null) {
            String name = callee.IDENTIFIER().getText();
            switch (name) {
                case "__builtin_huge_val", "__builtin_inf" -> {
                    return Value.ofFloating(Double.POSITIVE_INFINITY, Primitive.DOUBLE);
                }
                case "__builtin_huge_valf", "__builtin_inff" -> {
                    return Value.ofFloating(Double.POSITIVE_INFINITY, Primitive.FLOAT);
                }
                case "__builtin_huge_vall", "__builtin_infl" -> {
                    return Value.ofFloating(Double.POSITIVE_INFINITY, Primitive.LONG_DOUBLE);
                }
                case "__builtin_nan" -> {
                    return Value.ofFloating(Double.NaN, Primitive.DOUBLE);
                }
                case "__builtin_nanf" -> {
                    return Value.ofFloating(Double.NaN, Primitive.FLOAT);
                }
                case "__builtin_nanl" -> {
                    return Value.ofFloating(Double.NaN, Primitive.LONG_DOUBLE);
                }
                case "__builtin_expect" -> {
                    if (!call.assignmentExpression().isEmpty()) {
                        return evaluate(call.assignmentExpression(0));
                    }
                }
                default -> {
                }
            }
        }
        Optional<Value> constant = memberConstant(p);
        if (constant.isPresent()) {
            return constant.get();
        }
        throw context.error(CErrorKind.NOT_CONSTANT, p.getStart());
    }

    /**
     * A record's constant reached through a member access, as LuaJIT evaluates it: {@code v.K}
     * for a variable {@code v} of a struct type with constant {@code K}, {@code ((struct s)0).K},
     * {@code ((struct s *)0)->K}. Only the operand's type matters; nothing is read.
     */
    private Optional<Value> memberConstant(PostfixExpressionContext p) {
        Optional<CType> type = staticTypeOf(p.primaryExpression());
        var suffixes = p.postfixSuffix();
        for (int i = 0; i < suffixes.size() && type.isPresent(); i++) {
            var suffix = suffixes.get(i);
            if (suffix.identifier() == null) {
                return Optional.empty();
            }
            CType operand = CType.unqualified(type.get());
            if (suffix.ARROW() != null) {
                operand = operand instanceof CType.Pointer ptr ? CType.unqualified(ptr.target()) : null;
            }
            if (!(operand instanceof RecordType record) || !record.isComplete()) {
                return Optional.empty();
            }
            String name = suffix.identifier().getText();
            if (i == suffixes.size() - 1) {
                return record.body().constant(name).map(c -> Value.ofInteger(c.value(), (Primitive) c.type()));
            }
            type = record.body().members().stream().filter(m -> m.name().equals(Optional.of(name)))
                    .map(RecordType.Member::type).findFirst();
        }
        return Optional.empty();
    }

    /** The type of a variable, or of a parenthesized cast, without evaluating it. */
    private Optional<CType> staticTypeOf(PrimaryExpressionContext primary) {
        if (primary.IDENTIFIER() != null) {
            return symbols.ordinary(primary.IDENTIFIER().getText())
                    .filter(d -> d instanceof Declaration.Variable).map(d -> ((Declaration.Variable) d).type());
        }
        ParserRuleContext current = primary.expression();
        while (current != null && !(current instanceof CDeclarationsParser.CastExpressionContext)) {
            current = current.getChildCount() == 1 && current.getChild(0) instanceof ParserRuleContext child ? child : null;
        }
        if (current instanceof CDeclarationsParser.CastExpressionContext cast && cast.typeName() != null) {
            return Optional.of(context.resolveTypeName(cast.typeName()));
        }
        return Optional.empty();
    }

    private Value primary(PrimaryExpressionContext p) {
        Token start = p.getStart();
        try {
            if (p.INTEGER_CONSTANT() != null) {
                return Literals.integer(p.INTEGER_CONSTANT().getText(), abi);
            }
            if (p.FLOATING_CONSTANT() != null) {
                return Literals.floating(p.FLOATING_CONSTANT().getText());
            }
            if (p.CHARACTER_CONSTANT() != null) {
                return Literals.character(p.CHARACTER_CONSTANT().getText(), abi);
            }
        } catch (IllegalArgumentException e) {
            throw context.error(CErrorKind.INVALID_CONSTANT, start, e.getMessage());
        }
        if (p.stringLiteral() != null) {
            return Value.ofString(stringBytes(p.stringLiteral()));
        }
        if (p.expression() != null) {
            return evaluate(p.expression());
        }
        if (p.OFFSETOF() != null) {
            return offsetOf(p);
        }
        if (p.IDENTIFIER() != null) {
            return identifier(p.IDENTIFIER());
        }
        throw context.error(CErrorKind.NOT_CONSTANT, start);
    }

    private Value identifier(TerminalNode node) {
        String name = node.getText();
        Optional<Value> local = context.localConstant(name);
        if (local.isPresent()) {
            return local.get();
        }
        Optional<Declaration> declared = symbols.ordinary(name);
        if (declared.isEmpty()) {
            throw context.error(CErrorKind.UNDECLARED_IDENTIFIER, node.getSymbol(), name);
        }
        if (declared.get() instanceof Declaration.Constant constant) {
            return switch (constant.value()) {
                case ConstantValue.IntegerValue i -> Value.ofInteger(i.bits(), i.type());
                case ConstantValue.FloatingValue f -> Value.ofFloating(f.value(), f.type());
                case ConstantValue.StringValue s -> Value.ofString(s.bytes());
            };
        }
        throw context.error(CErrorKind.NOT_CONSTANT, node.getSymbol());
    }

    private Value offsetOf(PrimaryExpressionContext p) {
        CType type = context.resolveTypeName(p.typeName());
        StringBuilder path = new StringBuilder();
        var designator = p.memberDesignator();
        for (int i = 0; i < designator.getChildCount(); i++) {
            var child = designator.getChild(i);
            if (child instanceof ExpressionContext index) {
                path.append(integer(index).bits());
            } else {
                path.append(child.getText());
            }
        }
        try {
            return Value.ofInteger(abi.offsetOf(type, path.toString()), abi.sizeType());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw context.error(CErrorKind.INVALID_TYPE, p.getStart(), e.getMessage());
        }
    }

    static byte[] stringBytes(CDeclarationsParser.StringLiteralContext literal) {
        return Literals.string(literal.STRING_LITERAL().stream().map(TerminalNode::getText).toList());
    }

    // ---- Conversions (C11 6.3) --------------------------------------------------------------

    private Value cast(Value v, CType target, Token at) {
        CType plain = CType.unqualified(target);
        if (plain instanceof CType.Aligned a) {
            plain = CType.unqualified(a.base());
        }
        Primitive to = switch (plain) {
            case Primitive p -> p;
            case EnumType e when e.isComplete() -> e.body().underlyingType();
            case CType.Pointer ptr -> abi.sizeType();
            default -> throw context.error(CErrorKind.NOT_CONSTANT, at);
        };
        if (to == Primitive.VOID || v.isString()) {
            throw context.error(CErrorKind.NOT_CONSTANT, at);
        }
        if (to.isFloating()) {
            return Value.ofFloating(toDouble(v), to);
        }
        if (!to.isInteger()) {
            throw context.error(CErrorKind.NOT_CONSTANT, at);
        }
        if (v.isFloating()) {
            return to == Primitive.BOOL ? Value.ofInteger(v.floating() != 0 ? 1 : 0, Primitive.BOOL) : saturate(v.floating(), to);
        }
        return convert(v, to);
    }

    /**
     * A floating value converted to an integer type. C leaves out-of-range conversions
     * undefined; GCC's constant folding saturates to the type's range, and so do we.
     */
    private Value saturate(double d, Primitive to) {
        int width = (int) Math.min(64, abi.sizeOf(to) * 8);
        if (Double.isNaN(d)) {
            return Value.ofInteger(0, to);
        }
        if (to.isUnsigned()) {
            if (d <= 0) {
                return Value.ofInteger(0, to);
            }
            double limit = Math.scalb(1.0, width);
            if (d >= limit) {
                return normalize(-1L, to);
            }
            return normalize(d >= 0x1p63 ? (long) (d - 0x1p63) ^ Long.MIN_VALUE : (long) d, to);
        }
        double max = Math.scalb(1.0, width - 1);
        if (d >= max) {
            return normalize(width == 64 ? Long.MAX_VALUE : (1L << (width - 1)) - 1, to);
        }
        if (d < -max) {
            return normalize(width == 64 ? Long.MIN_VALUE : -(1L << (width - 1)), to);
        }
        return normalize((long) d, to);
    }

    private Value convert(Value v, Primitive to) {
        if (to == Primitive.BOOL) {
            return Value.ofInteger(v.bits() != 0 ? 1 : 0, Primitive.BOOL);
        }
        return normalize(v.bits(), to);
    }

    private static double toDouble(Value v) {
        if (v.isFloating()) {
            return v.floating();
        }
        if (v.type().isUnsigned() && v.bits() < 0) {
            return (double) (v.bits() >>> 1) * 2.0 + (v.bits() & 1);
        }
        return v.bits();
    }

    /** Sign- or zero-extends the low bits of {@code bits} to the width of {@code type}. */
    Value normalize(long bits, Primitive type) {
        return Value.ofInteger(integers.normalize(bits, type), type);
    }

    private Primitive promote(Primitive type) {
        return integers.promote(type);
    }

    private Primitive commonType(Primitive a, Primitive b) {
        return integers.commonType(a, b);
    }

    private static Value bool(boolean b) {
        return Value.ofInteger(b ? 1 : 0, Primitive.INT);
    }

    /** The public form of a constant, for {@link Declaration.Constant}. */
    static ConstantValue toConstantValue(Value v) {
        if (v.isString()) {
            return new ConstantValue.StringValue(v.string(), CType.pointerTo(CType.qualified(Primitive.CHAR, true, false, false)));
        }
        if (v.isFloating()) {
            return new ConstantValue.FloatingValue(v.floating(), v.type());
        }
        return new ConstantValue.IntegerValue(v.bits(), v.type());
    }

}
