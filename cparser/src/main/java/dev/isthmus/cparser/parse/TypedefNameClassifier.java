package dev.isthmus.cparser.parse;

import dev.isthmus.cparser.DeclarationRules;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.WritableToken;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The "lexer hack": sits between the lexer and the parser and retypes an IDENTIFIER to
 * TYPEDEF_NAME when it names a typedef in scope and stands where a type specifier can.
 *
 * <p>Where a type can stand is tracked with a little state: {@code typeSeen} is set once the
 * current declaration specifiers hold a type specifier, after which a typedef name is a
 * declarator that reuses the name ({@code typedef int T; struct s { T T; };}). The tag after
 * {@code struct}/{@code union}/{@code enum} and a member name after {@code .}/{@code ->} are
 * never types. Parentheses and brackets save and restore the state, so a parameter list
 * starts afresh ({@code void f(T x)}) and the declarator around it continues afterwards.
 *
 * <p>The parser reads one token past the end of each declaration before that declaration's
 * typedefs are in the {@link SymbolTable}; the driver therefore calls {@link #replay} after
 * each declaration to reclassify the tokens already buffered.
 */
final class TypedefNameClassifier implements TokenSource {
    private final TokenSource lexer;
    private final SymbolTable symbols;
    private final DirectiveTracker directives;

    private record Frame(int opener, boolean typeSeen, boolean specifierHead, boolean setsType) {
    }

    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private boolean typeSeen;
    /** After struct/union/enum, until its tag or body: the next identifier is a tag. */
    private boolean specifierHead;
    private int previousType = Token.INVALID_TYPE;
    /** Whether the target is Win64, whose compiler (clang for x86_64-pc-windows-msvc, as MSVC) has Microsoft's keywords. */
    private final boolean microsoftKeywords;

    TypedefNameClassifier(TokenSource lexer, SymbolTable symbols, DirectiveTracker directives, boolean microsoftKeywords) {
        this.lexer = lexer;
        this.symbols = symbols;
        this.directives = directives;
        this.microsoftKeywords = microsoftKeywords;
    }

    @Override
    public Token nextToken() {
        Token token = lexer.nextToken();
        if (token.getChannel() == Token.DEFAULT_CHANNEL) {
            classify((WritableToken) token);
        } else if (token.getType() == CDeclarationsLexer.DIRECTIVE) {
            directives.accept(token);
        }
        return token;
    }

    /** Forgets the state and reclassifies {@code buffered}, the tokens after a declaration's end. */
    void replay(List<Token> buffered) {
        frames.clear();
        typeSeen = false;
        specifierHead = false;
        previousType = Token.INVALID_TYPE;
        for (Token token : buffered) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL && token.getType() != Token.EOF) {
                classify((WritableToken) token);
            }
        }
    }

    private void classify(WritableToken token) {
        int type = token.getType();
        if (type == CDeclarationsLexer.IDENTIFIER && symbols.rules() == DeclarationRules.LUAJIT) {
            type = luajitKeyword(token.getText(), type);
            token.setType(type);
        } else if (type == CDeclarationsLexer.IDENTIFIER && microsoftKeywords) {
            type = microsoftKeyword(token.getText(), type);
            token.setType(type);
        }
        switch (type) {
            case CDeclarationsLexer.IDENTIFIER, CDeclarationsParser.TYPEDEF_NAME -> classifyName(token);
            case CDeclarationsLexer.STRUCT, CDeclarationsLexer.UNION, CDeclarationsLexer.ENUM -> {
                typeSeen = true;
                specifierHead = true;
            }
            case CDeclarationsLexer.VOID, CDeclarationsLexer.CHAR, CDeclarationsLexer.SHORT, CDeclarationsLexer.INT,
                 CDeclarationsLexer.LONG, CDeclarationsLexer.FLOAT, CDeclarationsLexer.DOUBLE,
                 CDeclarationsLexer.SIGNED, CDeclarationsLexer.UNSIGNED, CDeclarationsLexer.BOOL,
                 CDeclarationsLexer.COMPLEX, CDeclarationsLexer.INT128, CDeclarationsLexer.FLOAT_N,
                 CDeclarationsLexer.STAR, CDeclarationsLexer.DOLLAR -> typeSeen = true;
            case CDeclarationsLexer.LPAREN, CDeclarationsLexer.LBRACKET -> open(type);
            case CDeclarationsLexer.LBRACE -> {
                frames.push(new Frame(type, false, specifierHead, specifierHead));
                typeSeen = false;
                specifierHead = false;
            }
            case CDeclarationsLexer.RPAREN, CDeclarationsLexer.RBRACKET, CDeclarationsLexer.RBRACE -> close();
            case CDeclarationsLexer.SEMI -> {
                typeSeen = false;
                specifierHead = false;
            }
            case CDeclarationsLexer.COMMA -> {
                if (!frames.isEmpty() && frames.peek().opener() == CDeclarationsLexer.LPAREN) {
                    typeSeen = false;
                }
            }
            default -> {
                if (!isAttributeKeyword(type)) {
                    specifierHead = false;
                }
            }
        }
        previousType = type;
    }

    /**
     * The keywords LuaJIT's C parser has beyond C's (lj_ctype.h's keyword table): {@code complex}
     * as {@code _Complex}, and MSVC's calling conventions, {@code __declspec} and pointer sizes.
     */
    private static int luajitKeyword(String text, int identifier) {
        return switch (text) {
            case "complex" -> CDeclarationsLexer.COMPLEX;
            case "__cdecl", "__fastcall", "__stdcall", "__thiscall" -> CDeclarationsParser.CALLING_CONVENTION;
            case "__declspec" -> CDeclarationsParser.DECLSPEC;
            case "__ptr32", "__ptr64" -> CDeclarationsParser.POINTER_SIZE;
            default -> identifier;
        };
    }

    /**
     * Microsoft's keywords that Windows headers use (MinGW-w64's, read with Win64's predefined
     * macros, write {@code __MINGW_EXTENSION typedef unsigned __int64 size_t;} and
     * {@code __declspec(dllimport)}): its calling conventions, {@code __declspec} and pointer
     * sizes as under LuaJIT's rules, {@code __forceinline} as {@code inline}, and the sized integer types {@code __int8} to
     * {@code __int64}, typed as GCC's {@code __int128} is, whose spelling
     * {@link SpecifierResolver} reads.
     */
    private static int microsoftKeyword(String text, int identifier) {
        return switch (text) {
            case "__int8", "__int16", "__int32", "__int64" -> CDeclarationsLexer.INT128;
            case "__forceinline" -> CDeclarationsLexer.INLINE;
            case "complex" -> identifier;
            default -> luajitKeyword(text, identifier);
        };
    }

    private static boolean isAttributeKeyword(int type) {
        return type == CDeclarationsLexer.ATTRIBUTE || type == CDeclarationsParser.CALLING_CONVENTION
                || type == CDeclarationsParser.DECLSPEC || type == CDeclarationsParser.POINTER_SIZE;
    }

    private void classifyName(WritableToken token) {
        if (specifierHead) {
            token.setType(CDeclarationsLexer.IDENTIFIER);
            typeSeen = true;
            specifierHead = false;
            return;
        }
        boolean isMemberName = previousType == CDeclarationsLexer.DOT || previousType == CDeclarationsLexer.ARROW;
        if (!typeSeen && !isMemberName && symbols.isTypedefName(token.getText())) {
            token.setType(CDeclarationsParser.TYPEDEF_NAME);
            typeSeen = true;
        } else {
            token.setType(CDeclarationsLexer.IDENTIFIER);
        }
    }

    private void open(int opener) {
        boolean setsType = previousType == CDeclarationsLexer.TYPEOF || previousType == CDeclarationsLexer.ATOMIC;
        // An attribute's parentheses keep a struct head open: struct __attribute__((packed)) tag.
        boolean keepsHead = specifierHead && (isAttributeKeyword(previousType) || isInsideAttribute());
        frames.push(new Frame(opener, typeSeen, keepsHead, setsType));
        typeSeen = false;
        specifierHead = false;
    }

    private boolean isInsideAttribute() {
        return !frames.isEmpty() && frames.peek().specifierHead();
    }

    private void close() {
        if (frames.isEmpty()) {
            typeSeen = false;
            specifierHead = false;
            return;
        }
        Frame frame = frames.pop();
        if (frame.opener() == CDeclarationsLexer.LBRACE) {
            // The end of a struct or enum body completes a type specifier; any other brace
            // (a function body, an initializer) ends what came before.
            typeSeen = frame.setsType();
            specifierHead = false;
            return;
        }
        typeSeen = frame.typeSeen() || frame.setsType();
        specifierHead = frame.specifierHead();
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
