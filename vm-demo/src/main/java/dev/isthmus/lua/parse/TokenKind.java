package dev.isthmus.lua.parse;

/** The kinds of Lua tokens; reserved words and symbols carry their spelling for messages. */
public enum TokenKind {
    AND("and"), BREAK("break"), DO("do"), ELSE("else"), ELSEIF("elseif"), END("end"), FALSE("false"),
    FOR("for"), FUNCTION("function"), IF("if"), IN("in"), LOCAL("local"), NIL("nil"), NOT("not"),
    OR("or"), REPEAT("repeat"), RETURN("return"), THEN("then"), TRUE("true"), UNTIL("until"), WHILE("while"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), CARET("^"), HASH("#"),
    EQ("=="), NE("~="), LE("<="), GE(">="), LT("<"), GT(">"), ASSIGN("="),
    LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"), LBRACKET("["), RBRACKET("]"), DOUBLE_COLON("::"),
    SEMICOLON(";"), COLON(":"), COMMA(","), DOT("."), CONCAT(".."), DOTS("..."),
    NUMBER("<number>"), INT64("<number>"), IMAGINARY("<number>"), STRING("<string>"), NAME("<name>"), EOF("<eof>");

    private final String spelling;

    TokenKind(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    /**
     * The keyword {@code word} spells, or {@link #NAME}. {@code goto} is a name here: as in
     * LuaJIT (Lua 5.1 mode), it is a statement only where a name follows it at the start of
     * a statement, and an ordinary name everywhere else ({@code t.goto}, {@code local goto}).
     */
    static TokenKind reserved(String word) {
        return switch (word) {
            case "and" -> AND; case "break" -> BREAK; case "do" -> DO; case "else" -> ELSE;
            case "elseif" -> ELSEIF; case "end" -> END; case "false" -> FALSE; case "for" -> FOR;
            case "function" -> FUNCTION; case "if" -> IF; case "in" -> IN;
            case "local" -> LOCAL; case "nil" -> NIL; case "not" -> NOT; case "or" -> OR;
            case "repeat" -> REPEAT; case "return" -> RETURN; case "then" -> THEN; case "true" -> TRUE;
            case "until" -> UNTIL; case "while" -> WHILE;
            default -> NAME;
        };
    }
}
