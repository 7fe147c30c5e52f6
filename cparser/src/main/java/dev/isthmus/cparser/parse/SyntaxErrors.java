package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CDiagnostic;
import dev.isthmus.cparser.CErrorKind;

import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's recognition errors into sentences a C programmer recognises from
 * compilers: "unknown type name 'foo_t'" for an identifier where a type must stand,
 * "expected ';' after declaration", and otherwise what was expected, or the bare
 * "unexpected 'x'".
 */
final class SyntaxErrors {
    private SyntaxErrors() {
    }

    static CDiagnostic describe(RecognitionException e, CommonTokenStream tokens, Parser parser, DirectiveTracker directives) {
        Token offending = e.getOffendingToken();
        if (offending == null) {
            offending = tokens.LT(1);
        }
        String text = offending.getType() == Token.EOF ? "" : offending.getText();
        var where = directives.position(offending);
        IntervalSet expected = expectedTokens(e, parser);
        boolean isStray = offending.getType() == CDeclarationsLexer.UNEXPECTED_CHARACTER
                || offending.getType() == CDeclarationsLexer.OTHER_OPERATOR;
        if (isStray) {
            return new CDiagnostic(CErrorKind.SYNTAX, where, text, CErrorKind.SYNTAX.format("stray '" + text + "' in declarations"));
        }
        if (offending.getType() == CDeclarationsLexer.IDENTIFIER && looksLikeUnknownType(offending, tokens)) {
            return new CDiagnostic(CErrorKind.UNKNOWN_TYPE_NAME, where, text, CErrorKind.UNKNOWN_TYPE_NAME.format(text));
        }
        MissingConstruct missing = MissingConstruct.of(offending, tokens, expected);
        if (missing != null) {
            return new CDiagnostic(missing.kind(), where, text, missing.sentence());
        }
        if (expected.contains(CDeclarationsLexer.SEMI)) {
            return new CDiagnostic(CErrorKind.EXPECTED_SEMICOLON, where, text, CErrorKind.EXPECTED_SEMICOLON.format());
        }
        String sentence;
        if (offending.getType() == Token.EOF) {
            sentence = "unexpected end of input" + expectation(expected, parser);
        } else {
            sentence = "unexpected '" + text + "'" + expectation(expected, parser);
        }
        return new CDiagnostic(CErrorKind.SYNTAX, where, text, CErrorKind.SYNTAX.format(sentence));
    }

    private static IntervalSet expectedTokens(RecognitionException e, Parser parser) {
        try {
            IntervalSet set = e.getExpectedTokens();
            return set == null ? new IntervalSet() : set;
        } catch (RuntimeException unavailable) {
            // Expected sets are computed from the ATN state; a state outside a rule has none.
            return new IntervalSet();
        }
    }

    /** "expected ')' or ','": only when the set is small enough to help. */
    private static String expectation(IntervalSet expected, Parser parser) {
        if (expected.isNil() || expected.size() > 4) {
            return "";
        }
        StringBuilder text = new StringBuilder(", expected ");
        var list = expected.toList();
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                text.append(i == list.size() - 1 ? " or " : ", ");
            }
            text.append(parser.getVocabulary().getDisplayName(list.get(i)));
        }
        return text.toString();
    }

    /**
     * An identifier followed by another identifier or a '*', or standing where a declaration
     * or parameter starts, is almost always a type name the parser has not seen.
     */
    private static boolean looksLikeUnknownType(Token identifier, CommonTokenStream tokens) {
        Token next = nextOnChannel(identifier, tokens);
        if (next == null) {
            return false;
        }
        int type = next.getType();
        return type == CDeclarationsLexer.IDENTIFIER || type == CDeclarationsParser.TYPEDEF_NAME
                || type == CDeclarationsLexer.STAR && startsDeclaration(identifier, tokens);
    }

    private static boolean startsDeclaration(Token identifier, CommonTokenStream tokens) {
        for (int i = identifier.getTokenIndex() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = t.getType();
            return type == CDeclarationsLexer.SEMI || type == CDeclarationsLexer.LBRACE || type == CDeclarationsLexer.RBRACE
                    || type == CDeclarationsLexer.LPAREN || type == CDeclarationsLexer.COMMA
                    || type == CDeclarationsLexer.CONST || type == CDeclarationsLexer.EXTERN
                    || type == CDeclarationsLexer.STATIC || type == CDeclarationsLexer.TYPEDEF;
        }
        return true;
    }

    /** The next token on the parser's channel, lexing it if needed (the driver seeks afterwards anyway). */
    private static Token nextOnChannel(Token token, CommonTokenStream tokens) {
        if (token.getTokenIndex() < 0) {
            return null;
        }
        tokens.seek(token.getTokenIndex());
        Token next = tokens.LT(2);
        return next == null || next.getType() == Token.EOF ? null : next;
    }

}
