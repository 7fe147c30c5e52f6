package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.ConstantValue;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.abi.Abi;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code #define NAME body} lines whose body is a constant expression or a string literal
 * become named constants ({@code #define BUFSIZ 8192}, {@code #define EOF (-1)},
 * {@code #define PATH "/tmp"}). Every other macro (function-like, or a body that is not
 * constant: keywords, statements, names of functions) is ignored without a diagnostic,
 * since headers are full of them.
 */
final class MacroConstants {
    /** Bodies that cannot be constants are dismissed without running the parser. */
    private static final Pattern MAYBE_CONSTANT = Pattern.compile("[-+~!(0-9.'\"A-Za-z_LuU][^;{}#\\[\\]]*");

    private final Abi abi;
    private final SymbolTable symbols;

    MacroConstants(Abi abi, SymbolTable symbols) {
        this.abi = abi;
        this.symbols = symbols;
    }

    void declareAll(List<DirectiveTracker.Define> defines, TypeBuilder types) {
        for (DirectiveTracker.Define define : defines) {
            if (!MAYBE_CONSTANT.matcher(define.body()).matches() || define.body().equals(define.name())) {
                continue;
            }
            if (symbols.ordinary(define.name()).isPresent()) {
                continue;
            }
            evaluate(define.body(), types).ifPresent(value ->
                    symbols.declare(new Declaration.Constant(define.name(), value, define.position()), define.name()));
        }
    }

    private java.util.Optional<ConstantValue> evaluate(String body, TypeBuilder types) {
        DirectiveTracker none = new DirectiveTracker("<define>", 0, false);
        CDeclarationsLexer lexer = new CDeclarationsLexer(CharStreams.fromString(body));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(new TypedefNameClassifier(lexer, symbols, none, abi.name().equals("win64")));
        CDeclarationsParser parser = new CDeclarationsParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            var tree = parser.macroBody();
            return java.util.Optional.of(ConstantEvaluator.toConstantValue(types.evaluator().evaluate(tree.expression())));
        } catch (ParseCancellationException | DeclarationException | StackOverflowError notConstant) {
            return java.util.Optional.empty();
        }
    }

}
