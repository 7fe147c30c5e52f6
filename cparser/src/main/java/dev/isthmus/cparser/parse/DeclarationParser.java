package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CDiagnostic;
import dev.isthmus.cparser.CErrorKind;
import dev.isthmus.cparser.CParseException;
import dev.isthmus.cparser.Declaration;
import dev.isthmus.cparser.abi.Abi;
import dev.isthmus.cparser.type.CType;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Drives the ANTLR parser over a block of C declarations, one external declaration at a
 * time, so that each one's typedefs are known before the next is read and a syntax error
 * costs only the declaration it is in.
 *
 * <p>Each declaration is parsed twice at most: first in SLL prediction mode with a bailing
 * error strategy (fast, and right for nearly all real input), and on failure again in full
 * LL mode; only an LL failure is a syntax error. After an error the driver skips to the end
 * of the bad declaration (the next {@code ;} outside braces) and carries on.
 */
public final class DeclarationParser {
    private final Abi abi;
    private final SymbolTable symbols;
    private long pack;

    public DeclarationParser(Abi abi, SymbolTable symbols) {
        this.abi = abi;
        this.symbols = symbols;
    }

    /** One lexer-parser pipeline over one text. */
    private final class Pipeline {
        final DirectiveTracker directives;
        final TypedefNameClassifier classifier;
        final CommonTokenStream tokens;
        final CDeclarationsParser parser;
        final TypeBuilder types;

        Pipeline(String text, String fileName) {
            this(lexer(CharStreams.fromString(spliceLines(text), fileName)), fileName);
        }

        Pipeline(TokenSource source, String fileName) {
            directives = new DirectiveTracker(fileName, pack, symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT);
            classifier = new TypedefNameClassifier(source, symbols, directives, abi.name().equals("win64"));
            tokens = new CommonTokenStream(classifier);
            parser = new CDeclarationsParser(tokens);
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            types = new TypeBuilder(abi, symbols, directives, pack);
        }

        /** Parses one rule, SLL first, then LL; a syntax error becomes a DeclarationException. */
        <T extends ParserRuleContext> T parse(Function<CDeclarationsParser, T> rule) {
            // Before the first token is fetched the stream's index is -1, which seek() rejects.
            int start = Math.max(0, tokens.index());
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            try {
                return rule.apply(parser);
            } catch (ParseCancellationException sllFailed) {
                tokens.seek(start);
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                try {
                    return rule.apply(parser);
                } catch (ParseCancellationException e) {
                    throw new DeclarationException(SyntaxErrors.describe(
                            (RecognitionException) e.getCause(), tokens, parser, directives));
                }
            }
        }
    }

    /**
     * Parses and declares every declaration in {@code text}; returns those added, in order.
     * Throws {@link CParseException} with every diagnostic once the whole text is read.
     */
    public List<Declaration> declare(String text, String fileName) {
        return declare(new Pipeline(text, fileName));
    }

    /**
     * As {@link #declare(String, String)}, for a preprocessor's tokens as it writes them:
     * each declaration is parsed as soon as its tokens are there.
     */
    public List<Declaration> declarePreprocessed(TokenFeed tokens, String fileName) {
        return declare(new Pipeline(tokens, fileName));
    }

    private static CDeclarationsLexer lexer(CharStream input) {
        CDeclarationsLexer lexer = new CDeclarationsLexer(input);
        lexer.removeErrorListeners();
        return lexer;
    }

    private List<Declaration> declare(Pipeline p) {
        DeclarationBuilder builder = new DeclarationBuilder(p.types);
        int before = symbols.declarationCount();
        List<CDiagnostic> diagnostics = new ArrayList<>();
        MacroConstants macros = new MacroConstants(abi, symbols);
        int definesDeclared = 0;
        while (p.tokens.LA(1) != Token.EOF) {
            int start = p.tokens.index();
            try {
                var declaration = p.parse(CDeclarationsParser::externalDeclaration);
                definesDeclared = declareDefinesBefore(p, macros, definesDeclared, declaration.getStart().getLine());
                builder.build(declaration);
            } catch (DeclarationException e) {
                diagnostics.add(e.diagnostic());
                skipDeclaration(p.tokens, start);
            } catch (StackOverflowError e) {
                Token at = p.tokens.get(start);
                diagnostics.add(p.types.error(CErrorKind.TOO_COMPLEX, at, "the JVM stack allows").diagnostic());
                skipDeclaration(p.tokens, start);
            }
            p.classifier.replay(p.tokens.getTokens().subList(p.tokens.index(), p.tokens.size()));
        }
        // Defines that named what was declared after them are evaluated now, with the whole text known.
        macros.declareAll(p.directives.defines(), p.types);
        diagnostics.addAll(p.directives.diagnostics());
        pack = p.directives.currentPack();
        if (!diagnostics.isEmpty()) {
            throw new CParseException(diagnostics);
        }
        return symbols.declarationsFrom(before);
    }

    /**
     * Declares the {@code #define} constants on lines before {@code line}, so a declaration
     * may use them ({@code char name[NAME_MAX];} without a preprocessor). Returns how many of
     * the text's defines have been offered so far; one that does not evaluate yet is tried
     * again after the whole text.
     */
    private static int declareDefinesBefore(Pipeline p, MacroConstants macros, int offered, int line) {
        List<DirectiveTracker.Define> defines = p.directives.defines();
        int end = offered;
        while (end < defines.size() && defines.get(end).line() < line) {
            end++;
        }
        if (end > offered) {
            macros.declareAll(defines.subList(offered, end), p.types);
        }
        return end;
    }

    /** Parses a type name, with each {@code $} standing for the next of {@code parameters}. */
    public CType parseType(String text, List<CType> parameters) {
        Pipeline p = new Pipeline(text, "<type>");
        try {
            CDeclarationsParser.TypeNameOnlyContext tree = p.parse(CDeclarationsParser::typeNameOnly);
            p.types.setTypeParameters(parameters);
            if (symbols.rules() == dev.isthmus.cparser.DeclarationRules.LUAJIT) {
                p.types.requireDeclaredTags();
            }
            CType type = p.types.typeName(tree.typeName());
            if (p.types.hasUnusedTypeParameters()) {
                throw p.types.error(CErrorKind.INVALID_TYPE, tree.getStop(), "more type parameters than '$' placeholders");
            }
            return type;
        } catch (DeclarationException e) {
            throw new CParseException(List.of(e.diagnostic()));
        } catch (StackOverflowError e) {
            throw new CParseException(List.of(p.types.error(CErrorKind.TOO_COMPLEX, p.tokens.get(0), "the JVM stack allows").diagnostic()));
        }
    }

    /**
     * C's second translation phase (C11 5.1.1.2p1): a backslash before a line break joins the
     * two lines, inside tokens too ({@code ch\<newline>ar} is {@code char}). As the C
     * preprocessor does, the removed line breaks are given back after the joined line, so
     * every later line keeps its number.
     */
    static String spliceLines(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int pending = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
                i += text.charAt(i + 1) == '\r' && i + 2 < text.length() && text.charAt(i + 2) == '\n' ? 2 : 1;
                pending++;
                continue;
            }
            out.append(c);
            if (c == '\n') {
                out.append("\n".repeat(pending));
                pending = 0;
            }
        }
        return out.toString();
    }

    /**
     * Moves past the declaration that started at {@code start}: to just after its first
     * {@code ;} outside braces (a declaration cannot end anywhere else), or to the end.
     */
    private static void skipDeclaration(CommonTokenStream tokens, int start) {
        tokens.seek(start);
        int depth = 0;
        int index = start;
        while (true) {
            Token t = tokens.get(index);
            if (t.getType() == Token.EOF) {
                tokens.seek(index);
                return;
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                switch (t.getType()) {
                    case CDeclarationsLexer.LBRACE -> depth++;
                    case CDeclarationsLexer.RBRACE -> depth = Math.max(0, depth - 1);
                    case CDeclarationsLexer.SEMI -> {
                        if (depth == 0) {
                            tokens.seek(index + 1);
                            return;
                        }
                    }
                    default -> {
                    }
                }
            }
            index++;
            tokens.seek(index);
        }
    }
}
