package dev.isthmus.lua.parse;

import dev.isthmus.lua.runtime.LuaString;

import java.util.List;

/** Lua expressions. Every node knows the line it starts on, for error messages and debug info. */
public sealed interface Expr {
    int line();

    record Nil(int line) implements Expr { }

    record True(int line) implements Expr { }

    record False(int line) implements Expr { }

    record Number(int line, double value) implements Expr { }

    /** A 64-bit integer literal ({@code 1LL}, {@code 1ULL}): a cdata value in LuaJIT. */
    record Int64(int line, long value, boolean isUnsigned) implements Expr { }

    /** An imaginary literal ({@code 2i}): a complex cdata value in LuaJIT. */
    record Imaginary(int line, double value) implements Expr { }

    record Str(int line, LuaString value) implements Expr { }

    record Vararg(int line) implements Expr { }

    record Function(int line, FunctionBody body) implements Expr { }

    record Name(int line, String name) implements Expr { }

    record Index(int line, Expr object, Expr key) implements Expr { }

    record Call(int line, Expr function, List<Expr> arguments) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    record MethodCall(int line, Expr object, String method, List<Expr> arguments) implements Expr {
        public MethodCall {
            arguments = List.copyOf(arguments);
        }
    }

    record Binary(int line, BinaryOp op, Expr left, Expr right) implements Expr { }

    record Unary(int line, UnaryOp op, Expr operand) implements Expr { }

    /** A parenthesised expression: truncates calls and varargs to one value. */
    record Paren(int line, Expr inner) implements Expr { }

    record Table(int line, List<TableField> fields) implements Expr {
        public Table {
            fields = List.copyOf(fields);
        }
    }

    /** One field of a table constructor: positional ({@code key} absent) or keyed. */
    record TableField(Expr key, Expr value) {
        public boolean isPositional() {
            return key == null;
        }
    }

    enum BinaryOp {
        ADD, SUB, MUL, DIV, MOD, POW, CONCAT, EQ, NE, LT, LE, GT, GE, AND, OR
    }

    enum UnaryOp {
        NEG, NOT, LEN
    }

    /** A function's parameters and body; {@code endLine} is where its {@code end} is. */
    record FunctionBody(int line, int endLine, List<String> parameters, boolean isVararg, List<Stat> body, String name) {
        public FunctionBody {
            parameters = List.copyOf(parameters);
            body = List.copyOf(body);
        }
    }
}
