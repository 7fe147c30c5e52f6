package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.CErrorKind;

import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * What a declaration was missing where the parser stopped, read from the tokens before the
 * offending one as a recursive-descent C parser would know it: an expression after '[', '='
 * or an operator; an identifier after a tag keyword, a declarator's ',' or '*'; declaration
 * specifiers to open a parameter or a member; or the bracket that closes what is open.
 * ANTLR's expected-token set alone often describes an earlier decision state ("expected
 * '(' or '['" for {@code int f(;}), so the context decides first and the set only confirms.
 * Null when none of these fits; the caller then says what was unexpected.
 */
record MissingConstruct(CErrorKind kind, String closer) {

    private static final MissingConstruct EXPRESSION = new MissingConstruct(CErrorKind.EXPECTED_EXPRESSION, "");
    private static final MissingConstruct IDENTIFIER = new MissingConstruct(CErrorKind.EXPECTED_IDENTIFIER, "");
    private static final MissingConstruct SPECIFIERS = new MissingConstruct(CErrorKind.EXPECTED_DECLARATION_SPECIFIERS, "");

    /** The sentence, {@code closer} filling {@link CErrorKind#EXPECTED_TOKEN}'s. */
    String sentence() {
        return kind.format(closer);
    }

    /** What was missing at {@code offending}, or null. */
    static MissingConstruct of(Token offending, CommonTokenStream tokens, IntervalSet expected) {
        Token previous = previousOnChannel(offending.getTokenIndex(), tokens);
        int p = previous == null ? Token.INVALID_TYPE : previous.getType();
        Token opener = innermostOpen(offending.getTokenIndex(), tokens);
        int open = opener == null ? Token.INVALID_TYPE : opener.getType();
        boolean inEnum = open == CDeclarationsLexer.LBRACE && isTagBody(opener, tokens, CDeclarationsLexer.ENUM);
        boolean inRecord = open == CDeclarationsLexer.LBRACE
                && (isTagBody(opener, tokens, CDeclarationsLexer.STRUCT) || isTagBody(opener, tokens, CDeclarationsLexer.UNION));
        if (p == CDeclarationsLexer.LBRACKET || p == CDeclarationsLexer.ASSIGN
                || isOperator(p) && (open == CDeclarationsLexer.LBRACKET || inEnum)) {
            return EXPRESSION;
        }
        if (p == CDeclarationsLexer.STRUCT || p == CDeclarationsLexer.UNION || p == CDeclarationsLexer.ENUM) {
            return IDENTIFIER;
        }
        boolean inParameters = open == CDeclarationsLexer.LPAREN && isParameterList(opener, tokens);
        if (p == CDeclarationsLexer.COMMA) {
            return inParameters ? SPECIFIERS : IDENTIFIER;
        }
        if (expected.contains(CDeclarationsLexer.IDENTIFIER) && expected.size() <= 4) {
            return IDENTIFIER;
        }
        if (p == CDeclarationsLexer.LPAREN && inParameters
                || inRecord && (p == CDeclarationsLexer.SEMI || p == CDeclarationsLexer.LBRACE)) {
            return SPECIFIERS;
        }
        boolean atDeclarationLevel = open == Token.INVALID_TYPE || inRecord;
        if (atDeclarationLevel && offending.getType() != CDeclarationsLexer.SEMI) {
            // What stands after a declaration's type where its declarator should, or where a
            // declaration should start: LuaJIT's parser wants a name, or a type.
            // (A struct's '}' at the end of the text is its declaration's end: LuaJIT takes a sole one without ';'.)
            if (isTypeSpecifier(p) || p == CDeclarationsLexer.RBRACE && open == Token.INVALID_TYPE && offending.getType() != Token.EOF) {
                return IDENTIFIER;
            }
            if (p == Token.INVALID_TYPE || p == CDeclarationsLexer.TYPEDEF
                    || p == CDeclarationsLexer.SEMI && open == Token.INVALID_TYPE) {
                return SPECIFIERS;
            }
        }
        String closer = switch (open) {
            case CDeclarationsLexer.LPAREN -> ")";
            case CDeclarationsLexer.LBRACKET -> "]";
            case CDeclarationsLexer.LBRACE -> "}";
            default -> null;
        };
        int closerType = switch (open) {
            case CDeclarationsLexer.LPAREN -> CDeclarationsLexer.RPAREN;
            case CDeclarationsLexer.LBRACKET -> CDeclarationsLexer.RBRACKET;
            default -> CDeclarationsLexer.RBRACE;
        };
        if (closer != null && expected.contains(closerType)) {
            return new MissingConstruct(CErrorKind.EXPECTED_TOKEN, closer);
        }
        return null;
    }

    /** Whether the '(' opens a parameter list: it follows a declarator's name or its ')'. */
    private static boolean isParameterList(Token lparen, CommonTokenStream tokens) {
        Token before = previousOnChannel(lparen.getTokenIndex(), tokens);
        return before != null && (before.getType() == CDeclarationsLexer.IDENTIFIER || before.getType() == CDeclarationsLexer.RPAREN
                || before.getType() == CDeclarationsParser.TYPEDEF_NAME);
    }

    /** Whether the '{' opens the body of a tag of {@code keyword}: {@code struct {} or {@code struct tag {}. */
    private static boolean isTagBody(Token lbrace, CommonTokenStream tokens, int keyword) {
        Token before = previousOnChannel(lbrace.getTokenIndex(), tokens);
        if (before != null && before.getType() != keyword) {
            before = previousOnChannel(before.getTokenIndex(), tokens);
        }
        return before != null && before.getType() == keyword;
    }

    private static boolean isTypeSpecifier(int type) {
        return switch (type) {
            case CDeclarationsLexer.BOOL, CDeclarationsLexer.CHAR, CDeclarationsLexer.CONST, CDeclarationsLexer.DOUBLE,
                 CDeclarationsLexer.FLOAT, CDeclarationsLexer.INT, CDeclarationsLexer.LONG, CDeclarationsLexer.SHORT,
                 CDeclarationsLexer.SIGNED, CDeclarationsLexer.UNSIGNED, CDeclarationsLexer.VOID, CDeclarationsLexer.VOLATILE,
                 CDeclarationsParser.TYPEDEF_NAME -> true;
            default -> false;
        };
    }

    private static boolean isOperator(int type) {
        return type >= CDeclarationsLexer.QUESTION && type <= CDeclarationsLexer.OROR && type != CDeclarationsLexer.DOT
                && type != CDeclarationsLexer.ARROW || type == CDeclarationsLexer.COLON;
    }

    /** The innermost '(', '[' or '{' not closed before {@code index}, or null. */
    private static Token innermostOpen(int index, CommonTokenStream tokens) {
        int depth = 0;
        for (int i = Math.min(index, tokens.size()) - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            switch (t.getType()) {
                case CDeclarationsLexer.RPAREN, CDeclarationsLexer.RBRACKET, CDeclarationsLexer.RBRACE -> depth++;
                case CDeclarationsLexer.LPAREN, CDeclarationsLexer.LBRACKET, CDeclarationsLexer.LBRACE -> {
                    if (depth == 0) {
                        return t;
                    }
                    depth--;
                }
                case CDeclarationsLexer.SEMI -> {
                    if (depth == 0 && !insideBraces(i, tokens)) {
                        return null;
                    }
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** Whether a ';' at {@code index} ends a member inside braces (the search goes on) rather than a declaration. */
    private static boolean insideBraces(int index, CommonTokenStream tokens) {
        int depth = 0;
        for (int i = index - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (t.getType() == CDeclarationsLexer.RBRACE) {
                depth++;
            } else if (t.getType() == CDeclarationsLexer.LBRACE) {
                if (depth == 0) {
                    return true;
                }
                depth--;
            }
        }
        return false;
    }

    private static Token previousOnChannel(int index, CommonTokenStream tokens) {
        for (int i = Math.min(index, tokens.size()) - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                return t;
            }
        }
        return null;
    }
}
