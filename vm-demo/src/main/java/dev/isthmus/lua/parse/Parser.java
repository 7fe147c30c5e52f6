package dev.isthmus.lua.parse;

import dev.isthmus.lua.parse.Expr.BinaryOp;
import dev.isthmus.lua.parse.Expr.UnaryOp;
import dev.isthmus.lua.runtime.LuaString;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for Lua 5.1 with LuaJIT's {@code goto} and labels, producing the
 * AST of one chunk. Follows the reference grammar (Lua 5.1 manual 8) and its operator
 * priorities; error messages use the reference implementation's wording.
 */
public final class Parser {
    private final Lexer lexer;
    private Token current;
    private Token lookahead;
    /** Whether each enclosing function is vararg, innermost last: {@code ...} is legal only there. */
    private final List<Boolean> varargScopes = new ArrayList<>();
    /**
     * Blocks and subexpressions open around the current token, counted as LuaJIT's
     * {@code synlevel_begin} counts them; at {@link #MAX_LEVELS} the chunk is refused, so no
     * script can nest deep enough to exhaust the parser's (or the compiler's) Java stack.
     */
    private int level;
    private static final int MAX_LEVELS = 200;
    private final LexicalScopes scopes;

    private Parser(Lexer lexer) {
        this.lexer = lexer;
        this.current = lexer.next();
        this.scopes = new LexicalScopes(lexer.chunkName());
    }

    /** Parses a whole chunk: the body of the main function, which is vararg. */
    public static Expr.FunctionBody parseChunk(byte[] source, String chunkName) {
        Parser p = new Parser(new Lexer(source, chunkName));
        p.varargScopes.add(true);
        p.scopes.enterFunction(0);
        List<Stat> body = p.block();
        p.expect(TokenKind.EOF, "'<eof>' expected");
        return new Expr.FunctionBody(0, p.current.line(), List.of(), true, body, "main chunk");
    }

    private void advance() {
        if (lookahead != null) {
            current = lookahead;
            lookahead = null;
        } else {
            current = lexer.next();
        }
    }

    private Token peekNext() {
        if (lookahead == null) {
            lookahead = lexer.next();
        }
        return lookahead;
    }

    private boolean check(TokenKind kind) {
        return current.kind() == kind;
    }

    private boolean accept(TokenKind kind) {
        if (current.kind() == kind) {
            advance();
            return true;
        }
        return false;
    }

    private void expect(TokenKind kind, String message) {
        if (!accept(kind)) {
            throw errorNear(message);
        }
    }

    private void expect(TokenKind kind) {
        expect(kind, "'" + kind.spelling() + "' expected");
    }

    /** Expects the closing token of a construct opened on {@code openLine}, naming the opener when on another line. */
    private void expectClosing(TokenKind closing, TokenKind opener, int openLine) {
        if (!accept(closing)) {
            if (openLine == current.line()) {
                throw errorNear("'" + closing.spelling() + "' expected");
            }
            throw errorNear("'" + closing.spelling() + "' expected (to close '" + opener.spelling() + "' at line " + openLine + ")");
        }
    }

    private LuaSyntaxError errorNear(String message) {
        return new LuaSyntaxError(lexer.chunkName(), current.line(), message, nearText(current));
    }

    private static String nearText(Token t) {
        return switch (t.kind()) {
            case EOF -> "<eof>";
            case NAME, STRING, NUMBER, INT64, IMAGINARY -> t.text();
            default -> t.kind().spelling();
        };
    }

    private String name() {
        if (!check(TokenKind.NAME)) {
            throw errorNear("'<name>' expected");
        }
        String n = ((LuaString) current.value()).toLatin1();
        advance();
        return n;
    }

    private static boolean blockFollows(TokenKind kind) {
        return switch (kind) {
            case ELSE, ELSEIF, END, UNTIL, EOF -> true;
            default -> false;
        };
    }

    /** Opens a syntax level; see {@link #level}. */
    private void enterLevel() {
        if (++level >= MAX_LEVELS) {
            throw new LuaSyntaxError(lexer.chunkName(), current.line(), "chunk has too many syntax levels", null);
        }
    }

    private List<Stat> block() {
        int scopeStart = scopes.blockStart();
        List<Stat> stats = blockKeepingLocals();
        scopes.endBlock(scopeStart);
        return stats;
    }

    /** A block whose locals stay active after it, for the caller to end: repeat's, seen by until's condition. */
    private List<Stat> blockKeepingLocals() {
        enterLevel();
        List<Stat> stats = blockStatements();
        level--;
        return stats;
    }

    private List<Stat> blockStatements() {
        List<Stat> stats = new ArrayList<>();
        while (!blockFollows(current.kind())) {
            if (check(TokenKind.RETURN)) {
                stats.add(returnStat());
                break;
            }
            if (check(TokenKind.BREAK)) {
                // Lua 5.1 requires break to be last in a block; LuaJIT (like 5.2) allows statements after it.
                stats.add(new Stat.Break(current.line()));
                advance();
                accept(TokenKind.SEMICOLON);
                continue;
            }
            Stat s = statement();
            if (s != null) {
                stats.add(s);
            }
        }
        return stats;
    }

    private Stat returnStat() {
        int line = current.line();
        advance();
        List<Expr> values = blockFollows(current.kind()) || check(TokenKind.SEMICOLON) ? List.of() : expressionList();
        accept(TokenKind.SEMICOLON);
        if (!blockFollows(current.kind())) {
            throw errorNear("'<eof>' expected");
        }
        return new Stat.Return(line, values);
    }

    /** One statement, or null for an empty statement ({@code ;}). */
    private Stat statement() {
        int line = current.line();
        switch (current.kind()) {
            case SEMICOLON -> {
                advance();
                return null;
            }
            case IF -> {
                return ifStat(line);
            }
            case WHILE -> {
                advance();
                Expr cond = expression();
                expect(TokenKind.DO, "'do' expected");
                List<Stat> body = block();
                expectClosing(TokenKind.END, TokenKind.WHILE, line);
                return new Stat.While(line, cond, body);
            }
            case DO -> {
                advance();
                List<Stat> body = block();
                expectClosing(TokenKind.END, TokenKind.DO, line);
                return new Stat.Do(line, body);
            }
            case FOR -> {
                return forStat(line);
            }
            case REPEAT -> {
                advance();
                int scopeStart = scopes.blockStart();
                List<Stat> body = blockKeepingLocals();
                expectClosing(TokenKind.UNTIL, TokenKind.REPEAT, line);
                Expr condition = expression();
                scopes.endBlock(scopeStart);
                return new Stat.Repeat(line, body, condition);
            }
            case FUNCTION -> {
                return functionStat(line);
            }
            case LOCAL -> {
                advance();
                if (accept(TokenKind.FUNCTION)) {
                    String n = name();
                    scopes.checkLocal(0, current.line());
                    scopes.activate(List.of(n));
                    // LuaJIT's parse_local defines the function on the line of its '('.
                    return new Stat.LocalFunction(line, n, functionBody(line, current.line(), false, n));
                }
                List<String> names = new ArrayList<>();
                do {
                    names.add(name());
                    scopes.checkLocal(names.size() - 1, current.line());
                } while (accept(TokenKind.COMMA));
                List<Expr> values = accept(TokenKind.ASSIGN) ? expressionList() : List.of();
                scopes.activate(names);
                return new Stat.Local(line, names, values);
            }
            case DOUBLE_COLON -> {
                advance();
                String n = name();
                expect(TokenKind.DOUBLE_COLON);
                return new Stat.Label(line, n);
            }
            case NAME -> {
                if (current.text().equals("goto") && peekNext().kind() == TokenKind.NAME) {
                    advance();
                    return new Stat.Goto(line, name());
                }
                return expressionStat(line);
            }
            default -> {
                return expressionStat(line);
            }
        }
    }

    private Stat ifStat(int line) {
        List<Expr> conditions = new ArrayList<>();
        List<List<Stat>> bodies = new ArrayList<>();
        do {
            advance();
            conditions.add(expression());
            expect(TokenKind.THEN, "'then' expected");
            bodies.add(block());
        } while (check(TokenKind.ELSEIF));
        List<Stat> elseBody = List.of();
        if (accept(TokenKind.ELSE)) {
            elseBody = block();
        }
        expectClosing(TokenKind.END, TokenKind.IF, line);
        return new Stat.If(line, conditions, bodies, elseBody);
    }

    /** The three hidden control variables LuaJIT declares before a for loop's own, counted as locals. */
    private static final List<String> FOR_CONTROL = List.of("(for 1)", "(for 2)", "(for 3)");

    private Stat forStat(int line) {
        advance();
        String first = name();
        int scopeStart = scopes.blockStart();
        if (check(TokenKind.ASSIGN)) {
            for (int pending = 0; pending <= FOR_CONTROL.size(); pending++) {
                scopes.checkLocal(pending, current.line());
            }
            advance();
            Expr start = expression();
            expect(TokenKind.COMMA, "',' expected");
            Expr limit = expression();
            Expr step = accept(TokenKind.COMMA) ? expression() : new Expr.Number(line, 1);
            expect(TokenKind.DO, "'do' expected");
            scopes.activate(FOR_CONTROL);
            scopes.activate(List.of(first));
            List<Stat> body = block();
            scopes.endBlock(scopeStart);
            expectClosing(TokenKind.END, TokenKind.FOR, line);
            return new Stat.NumericFor(line, first, start, limit, step, body);
        }
        if (!check(TokenKind.COMMA) && !check(TokenKind.IN)) {
            throw errorNear("'=' or 'in' expected");
        }
        for (int pending = 0; pending <= FOR_CONTROL.size(); pending++) {
            scopes.checkLocal(pending, current.line());
        }
        List<String> names = new ArrayList<>();
        names.add(first);
        while (accept(TokenKind.COMMA)) {
            names.add(name());
            scopes.checkLocal(FOR_CONTROL.size() + names.size() - 1, current.line());
        }
        expect(TokenKind.IN, "'in' expected");
        List<Expr> iterators = expressionList();
        expect(TokenKind.DO, "'do' expected");
        scopes.activate(FOR_CONTROL);
        scopes.activate(names);
        List<Stat> body = block();
        scopes.endBlock(scopeStart);
        expectClosing(TokenKind.END, TokenKind.FOR, line);
        return new Stat.GenericFor(line, names, iterators, body);
    }

    private Stat functionStat(int line) {
        advance();
        int nameLine = current.line();
        String first = name();
        scopes.resolve(first, current.line());
        Expr target = new Expr.Name(nameLine, first);
        StringBuilder fullName = new StringBuilder(first);
        boolean isMethod = false;
        while (check(TokenKind.DOT) || check(TokenKind.COLON)) {
            isMethod = check(TokenKind.COLON);
            advance();
            int keyLine = current.line();
            String key = name();
            fullName.append(isMethod ? ':' : '.').append(key);
            target = new Expr.Index(keyLine, target, new Expr.Str(keyLine, LuaString.of(key)));
            if (isMethod) {
                break;
            }
        }
        Expr.FunctionBody body = functionBody(line, line, isMethod, fullName.toString());
        return new Stat.Assign(line, List.of(target), List.of(new Expr.Function(line, body)));
    }

    /**
     * A function's parameters and body; {@code lineDefined} is where LuaJIT's limit messages
     * say it is defined ("function at line N"): the keyword's line for a function statement,
     * the '(' line for the others.
     */
    private Expr.FunctionBody functionBody(int line, int lineDefined, boolean isMethod, String name) {
        scopes.enterFunction(lineDefined);
        List<String> params = new ArrayList<>();
        if (isMethod) {
            params.add("self");
            scopes.checkLocal(0, current.line());
        }
        expect(TokenKind.LPAREN, "'(' expected");
        boolean isVararg = false;
        if (!check(TokenKind.RPAREN)) {
            do {
                if (accept(TokenKind.DOTS)) {
                    isVararg = true;
                    break;
                }
                if (!check(TokenKind.NAME)) {
                    throw errorNear("'<name>' expected");
                }
                params.add(name());
                scopes.checkLocal(params.size() - 1, current.line());
            } while (accept(TokenKind.COMMA));
        }
        expect(TokenKind.RPAREN, "')' expected");
        scopes.activate(params);
        varargScopes.add(isVararg);
        List<Stat> body = block();
        varargScopes.removeLast();
        scopes.leaveFunction();
        int endLine = current.line();
        expectClosing(TokenKind.END, TokenKind.FUNCTION, line);
        return new Expr.FunctionBody(line, endLine, params, isVararg, body, name);
    }

    private Stat expressionStat(int line) {
        Expr first = suffixedExpression();
        // A call is a whole statement (as in LuaJIT): in "f() = 1" the '=' then starts the
        // next statement, an "unexpected symbol".
        if (!(first instanceof Expr.Call || first instanceof Expr.MethodCall)
                && (check(TokenKind.ASSIGN) || check(TokenKind.COMMA))) {
            List<Expr> targets = new ArrayList<>();
            targets.add(checkAssignable(first));
            while (accept(TokenKind.COMMA)) {
                Expr target = suffixedExpression();
                scopes.checkAssignmentTargets(level, targets.size(), current.line(), MAX_LEVELS);
                targets.add(checkAssignable(target));
            }
            expect(TokenKind.ASSIGN, "'=' expected");
            return new Stat.Assign(line, targets, expressionList());
        }
        if (!(first instanceof Expr.Call || first instanceof Expr.MethodCall)) {
            throw errorNear("'=' expected");
        }
        return new Stat.CallStat(line, first);
    }

    private Expr checkAssignable(Expr e) {
        if (e instanceof Expr.Name || e instanceof Expr.Index) {
            return e;
        }
        throw errorNear("syntax error");
    }

    private List<Expr> expressionList() {
        List<Expr> list = new ArrayList<>();
        list.add(expression());
        while (accept(TokenKind.COMMA)) {
            list.add(expression());
        }
        return list;
    }

    private Expr expression() {
        return subexpression(0);
    }

    private static final int UNARY_PRIORITY = 8;

    /** Lua 5.1's priority table (lparser.c): left and right binding power per operator. */
    private static int leftPriority(BinaryOp op) {
        return switch (op) {
            case OR -> 1;
            case AND -> 2;
            case EQ, NE, LT, LE, GT, GE -> 3;
            case CONCAT -> 5;
            case ADD, SUB -> 6;
            case MUL, DIV, MOD -> 7;
            case POW -> 10;
        };
    }

    private static int rightPriority(BinaryOp op) {
        return switch (op) {
            case CONCAT -> 4;
            case POW -> 9;
            default -> leftPriority(op);
        };
    }

    private static BinaryOp binaryOp(TokenKind kind) {
        return switch (kind) {
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUB;
            case STAR -> BinaryOp.MUL;
            case SLASH -> BinaryOp.DIV;
            case PERCENT -> BinaryOp.MOD;
            case CARET -> BinaryOp.POW;
            case CONCAT -> BinaryOp.CONCAT;
            case EQ -> BinaryOp.EQ;
            case NE -> BinaryOp.NE;
            case LT -> BinaryOp.LT;
            case LE -> BinaryOp.LE;
            case GT -> BinaryOp.GT;
            case GE -> BinaryOp.GE;
            case AND -> BinaryOp.AND;
            case OR -> BinaryOp.OR;
            default -> null;
        };
    }

    private Expr subexpression(int limit) {
        enterLevel();
        Expr e = operatorExpression(limit);
        level--;
        return e;
    }

    private Expr operatorExpression(int limit) {
        Expr left;
        int line = current.line();
        UnaryOp unary = switch (current.kind()) {
            case NOT -> UnaryOp.NOT;
            case MINUS -> UnaryOp.NEG;
            case HASH -> UnaryOp.LEN;
            default -> null;
        };
        if (unary != null) {
            advance();
            Expr operand = subexpression(UNARY_PRIORITY);
            // LuaJIT folds the negation of an imaginary literal, flipping only the imaginary
            // part's sign (-0i is 0-0i); complex values have no arithmetic at run time.
            left = unary == UnaryOp.NEG && operand instanceof Expr.Imaginary i
                    ? new Expr.Imaginary(i.line(), -i.value()) : new Expr.Unary(line, unary, operand);
        } else {
            left = simpleExpression();
        }
        BinaryOp op = binaryOp(current.kind());
        while (op != null && leftPriority(op) > limit) {
            int opLine = current.line();
            advance();
            Expr right = subexpression(rightPriority(op));
            left = new Expr.Binary(opLine, op, left, right);
            op = binaryOp(current.kind());
        }
        return left;
    }

    private Expr simpleExpression() {
        Token t = current;
        int line = t.line();
        switch (t.kind()) {
            case NUMBER -> {
                advance();
                return new Expr.Number(line, (Double) t.value());
            }
            case INT64 -> {
                advance();
                return new Expr.Int64(line, (Long) t.value(), t.isUnsigned());
            }
            case IMAGINARY -> {
                advance();
                return new Expr.Imaginary(line, (Double) t.value());
            }
            case STRING -> {
                advance();
                return new Expr.Str(line, (LuaString) t.value());
            }
            case NIL -> {
                advance();
                return new Expr.Nil(line);
            }
            case TRUE -> {
                advance();
                return new Expr.True(line);
            }
            case FALSE -> {
                advance();
                return new Expr.False(line);
            }
            case DOTS -> {
                if (!varargScopes.getLast()) {
                    throw errorNear("cannot use '...' outside a vararg function");
                }
                advance();
                return new Expr.Vararg(line);
            }
            case LBRACE -> {
                return tableConstructor();
            }
            case FUNCTION -> {
                advance();
                return new Expr.Function(line, functionBody(line, current.line(), false, null));
            }
            default -> {
                return suffixedExpression();
            }
        }
    }

    private Expr primaryExpression() {
        int line = current.line();
        if (check(TokenKind.NAME)) {
            String n = name();
            scopes.resolve(n, current.line());
            return new Expr.Name(line, n);
        }
        if (accept(TokenKind.LPAREN)) {
            Expr inner = expression();
            expectClosing(TokenKind.RPAREN, TokenKind.LPAREN, line);
            return new Expr.Paren(line, inner);
        }
        throw errorNear("unexpected symbol");
    }

    private Expr suffixedExpression() {
        Expr e = primaryExpression();
        while (true) {
            int line = current.line();
            switch (current.kind()) {
                case DOT -> {
                    advance();
                    int keyLine = current.line();
                    e = new Expr.Index(line, e, new Expr.Str(keyLine, LuaString.of(name())));
                }
                case LBRACKET -> {
                    advance();
                    Expr key = expression();
                    expect(TokenKind.RBRACKET, "']' expected");
                    e = new Expr.Index(line, e, key);
                }
                case COLON -> {
                    advance();
                    String method = name();
                    e = new Expr.MethodCall(current.line(), e, method, callArguments());
                }
                case LPAREN, STRING, LBRACE -> e = new Expr.Call(line, e, callArguments());
                default -> {
                    return e;
                }
            }
        }
    }

    private List<Expr> callArguments() {
        int line = current.line();
        switch (current.kind()) {
            case STRING -> {
                Token t = current;
                advance();
                return List.of(new Expr.Str(line, (LuaString) t.value()));
            }
            case LBRACE -> {
                return List.of(tableConstructor());
            }
            case LPAREN -> {
                advance();
                if (accept(TokenKind.RPAREN)) {
                    return List.of();
                }
                List<Expr> args = expressionList();
                expectClosing(TokenKind.RPAREN, TokenKind.LPAREN, line);
                return args;
            }
            default -> throw errorNear("function arguments expected");
        }
    }

    private Expr tableConstructor() {
        int line = current.line();
        expect(TokenKind.LBRACE, "'{' expected");
        List<Expr.TableField> fields = new ArrayList<>();
        while (!check(TokenKind.RBRACE)) {
            if (check(TokenKind.NAME) && peekNext().kind() == TokenKind.ASSIGN) {
                int keyLine = current.line();
                Expr key = new Expr.Str(keyLine, LuaString.of(name()));
                advance();
                fields.add(new Expr.TableField(key, expression()));
            } else if (accept(TokenKind.LBRACKET)) {
                Expr key = expression();
                expect(TokenKind.RBRACKET, "']' expected");
                expect(TokenKind.ASSIGN, "'=' expected");
                fields.add(new Expr.TableField(key, expression()));
            } else {
                fields.add(new Expr.TableField(null, expression()));
            }
            if (!accept(TokenKind.COMMA) && !accept(TokenKind.SEMICOLON)) {
                break;
            }
        }
        expectClosing(TokenKind.RBRACE, TokenKind.LBRACE, line);
        return new Expr.Table(line, fields);
    }
}
