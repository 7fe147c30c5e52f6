package dev.isthmus.lua.parse;

import java.util.List;

/** Lua statements. */
public sealed interface Stat {
    int line();

    record Local(int line, List<String> names, List<Expr> values) implements Stat {
        public Local {
            names = List.copyOf(names);
            values = List.copyOf(values);
        }
    }

    record Assign(int line, List<Expr> targets, List<Expr> values) implements Stat {
        public Assign {
            targets = List.copyOf(targets);
            values = List.copyOf(values);
        }
    }

    record CallStat(int line, Expr call) implements Stat { }

    record Do(int line, List<Stat> body) implements Stat {
        public Do {
            body = List.copyOf(body);
        }
    }

    record While(int line, Expr condition, List<Stat> body) implements Stat {
        public While {
            body = List.copyOf(body);
        }
    }

    record Repeat(int line, List<Stat> body, Expr condition) implements Stat {
        public Repeat {
            body = List.copyOf(body);
        }
    }

    /** {@code if}/{@code elseif} arms in order, then the {@code else} body (empty when absent). */
    record If(int line, List<Expr> conditions, List<List<Stat>> bodies, List<Stat> elseBody) implements Stat {
        public If {
            conditions = List.copyOf(conditions);
            bodies = bodies.stream().map(List::copyOf).toList();
            elseBody = List.copyOf(elseBody);
        }
    }

    record NumericFor(int line, String variable, Expr start, Expr limit, Expr step, List<Stat> body) implements Stat {
        public NumericFor {
            body = List.copyOf(body);
        }
    }

    record GenericFor(int line, List<String> names, List<Expr> iterators, List<Stat> body) implements Stat {
        public GenericFor {
            names = List.copyOf(names);
            iterators = List.copyOf(iterators);
            body = List.copyOf(body);
        }
    }

    record LocalFunction(int line, String name, Expr.FunctionBody function) implements Stat { }

    record Return(int line, List<Expr> values) implements Stat {
        public Return {
            values = List.copyOf(values);
        }
    }

    record Break(int line) implements Stat { }

    record Goto(int line, String label) implements Stat { }

    record Label(int line, String name) implements Stat { }
}
