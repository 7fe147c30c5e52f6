package dev.isthmus.lua.bytecode;

import dev.isthmus.lua.parse.Expr;
import dev.isthmus.lua.runtime.LuaString;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles expressions for one function: into a given register, into any register (a
 * local's own, or a temporary), as register-or-constant operands, as lists adjusted to a
 * count, and as conditions: compare-and-skip instructions followed by jumps, so
 * {@code and}/{@code or} in conditions never materialise booleans.
 */
final class ExpressionCompiler {
    /** The pseudo-count of results meaning "all of them" (a call or vararg as the last expression). */
    static final int MULTI = -1;
    private static final int FIELDS_PER_FLUSH = 50;

    private final Compiler compiler;
    private final FunctionState fs;

    ExpressionCompiler(Compiler compiler, FunctionState fs) {
        this.compiler = compiler;
        this.fs = fs;
    }

    /** Evaluates {@code exprs} into consecutive registers from {@code base} (the free register), adjusted to {@code want} values, or all with MULTI. Returns whether the count is open (set by the last multi-valued expression). */
    boolean expressionsTo(List<Expr> exprs, int base, int want, int line) {
        int n = exprs.size();
        for (int i = 0; i < n; i++) {
            Expr e = exprs.get(i);
            boolean isLast = i == n - 1;
            if (isLast && isMultiValued(e) && (want == MULTI || want > i)) {
                int results = want == MULTI ? MULTI : want - i;
                multiTo(e, base + i, results);
                if (want == MULTI) {
                    return true;
                }
                fs.freeRegister = base + want;
                return false;
            }
            if (want != MULTI && i >= want) {
                // Extra values are evaluated for their effects and dropped.
                int r = fs.allocateRegisters(1, line);
                expressionTo(e, r);
                fs.freeRegister = r;
                continue;
            }
            int r = fs.allocateRegisters(1, line);
            if (r != base + i) {
                throw new IllegalStateException("expression list out of step: register " + r + " for value " + i);
            }
            expressionTo(e, r);
            fs.freeRegister = r + 1;
        }
        if (want != MULTI && want > n) {
            int first = fs.allocateRegisters(want - n, line);
            fs.emit(Opcode.LOADNIL, first, want - n, 0, line);
        }
        if (want != MULTI) {
            fs.freeRegister = base + want;
        }
        return false;
    }

    static boolean isMultiValued(Expr e) {
        return e instanceof Expr.Call || e instanceof Expr.MethodCall || e instanceof Expr.Vararg;
    }

    /** A call or {@code ...} producing {@code results} values (or MULTI) from {@code base}, which is the free register. */
    void multiTo(Expr e, int base, int results) {
        fs.freeRegister = base;
        if (e instanceof Expr.Vararg v) {
            fs.allocateRegisters(Math.max(1, results), v.line());
            fs.emit(Opcode.VARARG, base, results == MULTI ? 0 : results + 1, 0, v.line());
        } else {
            callTo(e, base, results);
        }
    }

    /** Emits a call whose function goes in {@code base} (the free register); leaves results from {@code base}. */
    void callTo(Expr e, int base, int results) {
        fs.freeRegister = base;
        int argumentsStart;
        List<Expr> arguments;
        int line;
        String calleeName;
        if (e instanceof Expr.MethodCall m) {
            int object = expressionToAnyRegister(m.object());
            fs.freeRegister = base;
            fs.allocateRegisters(2, m.line());
            int pc = fs.emit(Opcode.SELF, base, object, rk(fs.constant(LuaString.of(m.method()))), m.line());
            NameResolution.nameOperand(fs, pc, object, m.object());
            arguments = m.arguments();
            argumentsStart = base + 2;
            line = m.line();
            calleeName = "method '" + m.method() + "'";
        } else {
            Expr.Call c = (Expr.Call) e;
            fs.allocateRegisters(1, c.line());
            expressionTo(c.function(), base);
            arguments = c.arguments();
            argumentsStart = base + 1;
            line = c.line();
            calleeName = NameResolution.describe(fs, c.function());
        }
        boolean open = expressionsTo(arguments, argumentsStart, MULTI, line);
        int argumentCount = argumentsStart - base - 1 + arguments.size();
        int pc = fs.emit(Opcode.CALL, base, open ? 0 : argumentCount + 1, results == MULTI ? 0 : results + 1, line);
        if (calleeName != null) {
            fs.operandNames.put(pc << 8 | base, calleeName);
        }
        fs.freeRegister = base + (results == MULTI ? 0 : results);
        if (results != MULTI && results > 0) {
            fs.allocateRegisters(0, line);
            if (fs.maxRegisters < base + results) {
                fs.maxRegisters = base + results;
            }
        }
    }

    /** Evaluates {@code e} into exactly register {@code target}. */
    void expressionTo(Expr e, int target) {
        int saved = fs.freeRegister;
        if (fs.freeRegister <= target) {
            fs.freeRegister = target + 1;
            if (fs.maxRegisters < fs.freeRegister) {
                fs.maxRegisters = fs.freeRegister;
            }
        }
        expressionInto(e, target);
        fs.freeRegister = saved;
    }

    void expressionInto(Expr e, int target) {
        switch (e) {
            case Expr.Nil n -> fs.emit(Opcode.LOADNIL, target, 1, 0, n.line());
            case Expr.True t -> fs.emit(Opcode.LOADBOOL, target, 1, 0, t.line());
            case Expr.False f -> fs.emit(Opcode.LOADBOOL, target, 0, 0, f.line());
            case Expr.Number n -> fs.emit(Opcode.LOADK, target, fs.constant(n.value()), 0, n.line());
            case Expr.Str s -> fs.emit(Opcode.LOADK, target, fs.constant(s.value()), 0, s.line());
            case Expr.Int64 i -> fs.emit(Opcode.LOADK, target, fs.uniqueConstant(compiler.literals().int64(i.value(), i.isUnsigned())), 0, i.line());
            case Expr.Imaginary i -> fs.emit(Opcode.LOADK, target, fs.uniqueConstant(compiler.literals().imaginary(i.value())), 0, i.line());
            case Expr.Vararg v -> fs.emit(Opcode.VARARG, target, 2, 0, v.line());
            case Expr.Function f -> closure(f.body(), target);
            case Expr.Name n -> nameInto(n, target);
            case Expr.Index ix -> {
                int object = expressionToAnyRegister(ix.object());
                int key = expressionToRk(ix.key());
                int pc = fs.emit(Opcode.GETTABLE, target, object, key, ix.line());
                NameResolution.nameOperand(fs, pc, object, ix.object());
            }
            case Expr.Call c -> {
                callInto(c, target);
            }
            case Expr.MethodCall m -> callInto(m, target);
            case Expr.Paren p -> expressionInto(p.inner(), target);
            case Expr.Table t -> table(t, target);
            case Expr.Binary b -> binary(b, target);
            case Expr.Unary u -> unary(u, target);
        }
    }

    /** A call adjusted to one value, landing in {@code target}. */
    void callInto(Expr call, int target) {
        // When the target is the topmost register and a temporary the call can run there, with no
        // MOVE after it. Not when it is an active local: the call's own operands may read it
        // (i = f(s, i)), and the function value would overwrite it first.
        int base = target == fs.freeRegister - 1 && target >= fs.activeCount() ? target : fs.freeRegister;
        callTo(call, base, 1);
        if (base != target) {
            fs.emit(Opcode.MOVE, target, base, 0, call.line());
        }
        fs.freeRegister = base;
    }

    void nameInto(Expr.Name n, int target) {
        int local = NameResolution.local(fs, n.name());
        if (local >= 0) {
            if (local != target) {
                fs.emit(Opcode.MOVE, target, local, 0, n.line());
            }
            return;
        }
        int up = NameResolution.upvalue(fs, n.name());
        if (up >= 0) {
            fs.emit(Opcode.GETUPVAL, target, up, 0, n.line());
        } else {
            fs.emit(Opcode.GETGLOBAL, target, fs.constant(LuaString.of(n.name())), 0, n.line());
        }
    }

    void closure(Expr.FunctionBody body, int target) {
        Prototype p = compiler.function(body, fs);
        fs.prototypes.add(p);
        fs.emit(Opcode.CLOSURE, target, fs.prototypes.size() - 1, 0, body.line());
    }

    /** The register holding {@code e}'s value: a local's own register, or a new temporary. */
    int expressionToAnyRegister(Expr e) {
        if (e instanceof Expr.Name n) {
            int local = NameResolution.local(fs, n.name());
            if (local >= 0) {
                return local;
            }
        }
        if (e instanceof Expr.Paren p && p.inner() instanceof Expr.Name) {
            return expressionToAnyRegister(p.inner());
        }
        int r = fs.allocateRegisters(1, e.line());
        expressionInto(e, r);
        fs.freeRegister = r + 1;
        return r;
    }

    /** A register or constant operand (RK) for {@code e}. */
    int expressionToRk(Expr e) {
        return switch (e) {
            case Expr.Number n -> rk(fs.constant(n.value()));
            case Expr.Str s -> rk(fs.constant(s.value()));
            case Expr.True t -> rk(fs.constant(Boolean.TRUE));
            case Expr.False f -> rk(fs.constant(Boolean.FALSE));
            default -> expressionToAnyRegister(e);
        };
    }

    static int rk(int constantIndex) {
        return -1 - constantIndex;
    }

    void table(Expr.Table t, int target) {
        int positional = (int) t.fields().stream().filter(Expr.TableField::isPositional).count();
        int keyed = t.fields().size() - positional;
        fs.emit(Opcode.NEWTABLE, target, positional, keyed, t.line());
        int pending = 0;
        int flushed = 0;
        int saved = fs.freeRegister;
        fs.freeRegister = Math.max(fs.freeRegister, target + 1);
        int itemsBase = fs.freeRegister;
        List<Expr.TableField> fields = t.fields();
        for (int i = 0; i < fields.size(); i++) {
            Expr.TableField f = fields.get(i);
            if (f.isPositional()) {
                boolean isLast = i == fields.size() - 1;
                if (isLast && isMultiValued(f.value())) {
                    multiTo(f.value(), itemsBase + pending, MULTI);
                    fs.emit(Opcode.SETLIST, target, 0, flushed, t.line());
                    pending = 0;
                    fs.freeRegister = itemsBase;
                    continue;
                }
                int r = fs.allocateRegisters(1, t.line());
                expressionTo(f.value(), r);
                fs.freeRegister = r + 1;
                pending++;
                if (pending == FIELDS_PER_FLUSH) {
                    fs.emit(Opcode.SETLIST, target, pending, flushed, t.line());
                    flushed += pending;
                    pending = 0;
                    fs.freeRegister = itemsBase;
                }
            } else {
                int mark = fs.freeRegister;
                int key = expressionToRk(f.key());
                int value = expressionToRk(f.value());
                fs.emit(Opcode.SETTABLE, target, key, value, t.line());
                fs.freeRegister = mark;
            }
        }
        if (pending > 0) {
            fs.emit(Opcode.SETLIST, target, pending, flushed, t.line());
        }
        fs.freeRegister = saved;
    }

    void binary(Expr.Binary b, int target) {
        switch (b.op()) {
            case AND, OR -> {
                expressionTo(b.left(), target);
                fs.emit(Opcode.TEST, target, 0, b.op() == Expr.BinaryOp.AND ? 0 : 1, b.line());
                int skip = fs.emitJump(b.line());
                expressionTo(b.right(), target);
                fs.patchJump(skip, fs.pcCount);
            }
            case EQ, NE, LT, LE, GT, GE -> {
                List<Integer> falseJumps = jumpIfFalse(b);
                fs.emit(Opcode.LOADBOOL, target, 1, 1, b.line());
                fs.patchJumps(falseJumps, fs.pcCount);
                fs.emit(Opcode.LOADBOOL, target, 0, 0, b.line());
            }
            case CONCAT -> concat(b, target);
            default -> {
                int mark = fs.freeRegister;
                int left = expressionToRk(b.left());
                int right = expressionToRk(b.right());
                Opcode op = switch (b.op()) {
                    case ADD -> Opcode.ADD;
                    case SUB -> Opcode.SUB;
                    case MUL -> Opcode.MUL;
                    case DIV -> Opcode.DIV;
                    case MOD -> Opcode.MOD;
                    default -> Opcode.POW;
                };
                int pc = fs.emit(op, target, left, right, b.line());
                NameResolution.nameOperand(fs, pc, left, b.left());
                NameResolution.nameOperand(fs, pc, right, b.right());
                fs.freeRegister = mark;
            }
        }
    }

    /** {@code a .. b .. c} (right associative) as one CONCAT over consecutive registers. */
    void concat(Expr.Binary b, int target) {
        List<Expr> parts = new ArrayList<>();
        Expr e = b;
        while (e instanceof Expr.Binary c && c.op() == Expr.BinaryOp.CONCAT) {
            parts.add(c.left());
            e = c.right();
        }
        parts.add(e);
        int mark = fs.freeRegister;
        int first = fs.allocateRegisters(parts.size(), b.line());
        fs.freeRegister = first;
        for (int i = 0; i < parts.size(); i++) {
            int r = fs.allocateRegisters(1, b.line());
            expressionTo(parts.get(i), r);
            fs.freeRegister = r + 1;
        }
        int pc = fs.emit(Opcode.CONCAT, target, first, first + parts.size() - 1, b.line());
        for (int i = 0; i < parts.size(); i++) {
            String name = NameResolution.describe(fs, parts.get(i));
            if (name != null) {
                fs.operandNames.put(pc << 8 | (first + i), name);
            }
        }
        fs.freeRegister = mark;
    }

    void unary(Expr.Unary u, int target) {
        if (u.op() == Expr.UnaryOp.NEG && u.operand() instanceof Expr.Number n) {
            fs.emit(Opcode.LOADK, target, fs.constant(-n.value()), 0, u.line());
            return;
        }
        int mark = fs.freeRegister;
        int operand = expressionToAnyRegister(u.operand());
        Opcode op = switch (u.op()) {
            case NEG -> Opcode.UNM;
            case NOT -> Opcode.NOT;
            case LEN -> Opcode.LEN;
        };
        int pc = fs.emit(op, target, operand, 0, u.line());
        NameResolution.nameOperand(fs, pc, operand, u.operand());
        fs.freeRegister = mark;
    }

    // ---- conditions

    /** Jumps taken when {@code e} is false (or nil); falls through when true. */
    List<Integer> jumpIfFalse(Expr e) {
        return conditionJumps(e, false);
    }

    /** Jumps taken when the truth of {@code e} equals {@code jumpWhen}; falls through otherwise. */
    List<Integer> conditionJumps(Expr e, boolean jumpWhen) {
        List<Integer> jumps = new ArrayList<>();
        int mark = fs.freeRegister;
        switch (e) {
            case Expr.True t -> {
                if (jumpWhen) {
                    jumps.add(fs.emitJump(t.line()));
                }
            }
            case Expr.False f -> {
                if (!jumpWhen) {
                    jumps.add(fs.emitJump(f.line()));
                }
            }
            case Expr.Nil n -> {
                if (!jumpWhen) {
                    jumps.add(fs.emitJump(n.line()));
                }
            }
            case Expr.Unary u when u.op() == Expr.UnaryOp.NOT -> jumps.addAll(conditionJumps(u.operand(), !jumpWhen));
            case Expr.Binary b when b.op() == Expr.BinaryOp.AND || b.op() == Expr.BinaryOp.OR -> {
                boolean isAnd = b.op() == Expr.BinaryOp.AND;
                if (isAnd != jumpWhen) {
                    // and, jump when false: either false jumps. or, jump when true: either true jumps.
                    jumps.addAll(conditionJumps(b.left(), jumpWhen));
                    jumps.addAll(conditionJumps(b.right(), jumpWhen));
                } else {
                    // and, jump when true: left false skips; or, jump when false: left true skips.
                    List<Integer> skip = conditionJumps(b.left(), !jumpWhen);
                    jumps.addAll(conditionJumps(b.right(), jumpWhen));
                    fs.patchJumps(skip, fs.pcCount);
                }
            }
            case Expr.Binary b when isComparison(b.op()) -> jumps.add(comparison(b, jumpWhen));
            default -> {
                int r = expressionToAnyRegister(e);
                fs.emit(Opcode.TEST, r, 0, jumpWhen ? 1 : 0, e.line());
                jumps.add(fs.emitJump(e.line()));
            }
        }
        fs.freeRegister = mark;
        return jumps;
    }

    static boolean isComparison(Expr.BinaryOp op) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    /** A compare-and-skip followed by a jump taken when the comparison's truth equals {@code jumpWhen}. */
    int comparison(Expr.Binary b, boolean jumpWhen) {
        Expr left = b.left();
        Expr right = b.right();
        Opcode op;
        boolean sense = true;
        switch (b.op()) {
            case EQ -> op = Opcode.EQ;
            case NE -> {
                op = Opcode.EQ;
                sense = false;
            }
            case LT -> op = Opcode.LT;
            case LE -> op = Opcode.LE;
            case GT -> {
                op = Opcode.LT;
                Expr t = left;
                left = right;
                right = t;
            }
            default -> {
                op = Opcode.LE;
                Expr t = left;
                left = right;
                right = t;
            }
        }
        // Operands are evaluated in source order even when swapped for > and >=.
        int l;
        int r;
        if (left == b.left()) {
            l = expressionToRk(left);
            r = expressionToRk(right);
        } else {
            r = expressionToRk(right);
            l = expressionToRk(left);
        }
        // The jump runs when (comparison == sense) == jumpWhen; the compare skips it when its result ~= A.
        boolean a = sense == jumpWhen;
        fs.emit(op, a ? 1 : 0, l, r, b.line());
        return fs.emitJump(b.line());
    }
}
