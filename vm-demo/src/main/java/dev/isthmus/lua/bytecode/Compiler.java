package dev.isthmus.lua.bytecode;

import dev.isthmus.lua.parse.Expr;
import dev.isthmus.lua.parse.LuaSyntaxError;
import dev.isthmus.lua.parse.Stat;
import dev.isthmus.lua.runtime.LuaString;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a chunk's AST to register bytecode, one {@link FunctionState} per function: the
 * statements here, expressions in {@link ExpressionCompiler}, names in {@link NameResolution},
 * {@code goto} in {@link GotoResolution}. Locals live in fixed registers; temporaries are
 * allocated above them and released at the end of each statement.
 */
public final class Compiler {
    static final int MULTI = ExpressionCompiler.MULTI;

    private final String chunkName;
    private final CdataLiterals literals;
    private FunctionState fs;
    private ExpressionCompiler ex;

    private Compiler(String chunkName, CdataLiterals literals) {
        this.chunkName = chunkName;
        this.literals = literals;
    }

    public static Prototype compile(Expr.FunctionBody chunk, String chunkName, CdataLiterals literals) {
        Compiler c = new Compiler(chunkName, literals);
        return c.function(chunk, null);
    }

    CdataLiterals literals() {
        return literals;
    }

    /** Compiles a function body (the chunk, or a nested function) to its prototype. */
    Prototype function(Expr.FunctionBody body, FunctionState parent) {
        FunctionState saved = fs;
        ExpressionCompiler savedExpressions = ex;
        fs = new FunctionState(parent, chunkName);
        ex = new ExpressionCompiler(this, fs);
        fs.enterBlock(false);
        for (String p : body.parameters()) {
            int r = fs.allocateRegisters(1, body.line());
            fs.activateLocal(p, r);
        }
        statements(body.body());
        int lastLine = body.endLine();
        fs.emit(Opcode.RETURN, 0, 1, 0, lastLine);
        GotoResolution.atFunctionEnd(fs);
        Prototype p = fs.finish(body.name() == null ? "anonymous" : body.name(), body.line(), lastLine,
                body.parameters().size(), body.isVararg());
        fs = saved;
        ex = savedExpressions;
        return p;
    }

    // ---- statements

    private void statements(List<Stat> stats) {
        statements(stats, true);
    }

    /**
     * {@code scopeEndsWithBlock}: the block's locals go out of scope at its last statement,
     * so trailing labels stand outside it; not so in a {@code repeat} body, whose locals the
     * {@code until} condition still sees.
     */
    private void statements(List<Stat> stats, boolean scopeEndsWithBlock) {
        for (int i = 0; i < stats.size(); i++) {
            Stat s = stats.get(i);
            if (s instanceof Stat.Label l) {
                GotoResolution.label(fs, l, scopeEndsWithBlock
                        && stats.subList(i + 1, stats.size()).stream().allMatch(Stat.Label.class::isInstance));
                continue;
            }
            statement(s);
            fs.freeRegister = fs.activeCount() == 0 ? 0 : fs.registerOfActive(fs.activeCount() - 1) + 1;
        }
    }

    private void statement(Stat s) {
        switch (s) {
            case Stat.Local l -> local(l);
            case Stat.Assign a -> assign(a);
            case Stat.CallStat c -> callStatement(c.call());
            case Stat.Do d -> {
                fs.enterBlock(false);
                statements(d.body());
                leaveBlockClosing(d.line());
            }
            case Stat.While w -> whileLoop(w);
            case Stat.Repeat r -> repeatLoop(r);
            case Stat.If i -> ifStatement(i);
            case Stat.NumericFor f -> numericFor(f);
            case Stat.GenericFor f -> genericFor(f);
            case Stat.LocalFunction f -> {
                int r = fs.allocateRegisters(1, f.line());
                fs.activateLocal(f.name(), r);
                ex.closure(f.function(), r);
            }
            case Stat.Return r -> returnStatement(r);
            case Stat.Break b -> breakStatement(b.line());
            case Stat.Goto g -> GotoResolution.gotoStatement(fs, g);
            case Stat.Label l -> throw new IllegalStateException("labels are compiled by statements()");
        }
    }

    /** Leaves a block, closing its captured locals' upvalues when it had any. */
    private void leaveBlockClosing(int line) {
        FunctionState.Block b = fs.block;
        int base = fs.blockBaseRegister(b);
        int end = fs.freeRegister;
        GotoResolution.onBlockExit(fs, b);
        fs.leaveBlock();
        if (b.hasCapturedLocal) {
            fs.emit(Opcode.CLOSE, base, 0, 0, line);
        }
        if (end > base) {
            // Dead locals must not keep their values reachable: collectgarbage() and ffi.gc
            // finalizers see what LuaJIT sees, where slots above the stack top are not roots.
            fs.emit(Opcode.LOADNIL, base, end - base, 0, line);
        }
    }

    private void local(Stat.Local l) {
        int base = fs.freeRegister;
        ex.expressionsTo(l.values(), base, l.names().size(), l.line());
        for (int i = 0; i < l.names().size(); i++) {
            fs.activateLocal(l.names().get(i), base + i);
        }
        fs.freeRegister = base + l.names().size();
    }

    private void assign(Stat.Assign a) {
        if (a.targets().size() == 1 && a.values().size() == 1) {
            Expr target = a.targets().getFirst();
            if (target instanceof Expr.Name n && NameResolution.local(fs, n.name()) >= 0
                    && writesTargetLast(a.values().getFirst())) {
                ex.expressionTo(a.values().getFirst(), NameResolution.assignedLocal(fs, n.name()));
                return;
            }
        }
        List<int[]> places = new ArrayList<>();
        for (Expr t : a.targets()) {
            places.add(assignmentPlace(t));
        }
        int base = fs.freeRegister;
        ex.expressionsTo(a.values(), base, a.targets().size(), a.line());
        for (int i = a.targets().size() - 1; i >= 0; i--) {
            store(a.targets().get(i), places.get(i), base + i, a.line());
        }
    }

    /**
     * Whether the code for {@code e} writes its target register only with its last instruction,
     * after every operand is read, so {@code x = e} may compile straight into local {@code x}.
     * A table constructor fills the new table in its register field by field, and {@code and}/
     * {@code or} put the left operand there before evaluating the right: either would clobber
     * {@code x} while {@code e} still reads it ({@code t = {t}}, {@code x = x.k and x}).
     */
    private static boolean writesTargetLast(Expr e) {
        return switch (e) {
            case Expr.Table t -> false;
            case Expr.Binary b -> b.op() != Expr.BinaryOp.AND && b.op() != Expr.BinaryOp.OR;
            case Expr.Paren p -> writesTargetLast(p.inner());
            default -> true;
        };
    }

    /** Evaluates the parts of an assignment target that must be computed before the values: a table and its key. */
    private int[] assignmentPlace(Expr target) {
        if (target instanceof Expr.Index ix) {
            int table = ex.expressionToAnyRegister(ix.object());
            int key = ex.expressionToRk(ix.key());
            return new int[] {table, key};
        }
        return null;
    }

    private void store(Expr target, int[] place, int valueRegister, int line) {
        switch (target) {
            case Expr.Name n -> storeName(n.name(), valueRegister, n.line());
            case Expr.Index ix -> {
                int pc = fs.emit(Opcode.SETTABLE, place[0], place[1], valueRegister, ix.line());
                NameResolution.nameOperand(fs, pc, place[0], ix.object());
            }
            default -> throw new LuaSyntaxError(chunkName, line, "syntax error", null);
        }
    }

    private void storeName(String name, int valueRegister, int line) {
        int local = NameResolution.assignedLocal(fs, name);
        if (local >= 0) {
            if (local != valueRegister) {
                fs.emit(Opcode.MOVE, local, valueRegister, 0, line);
            }
            return;
        }
        int up = NameResolution.upvalue(fs, name);
        if (up >= 0) {
            fs.markUpvalueAssigned(up);
            fs.emit(Opcode.SETUPVAL, valueRegister, up, 0, line);
        } else {
            fs.emit(Opcode.SETGLOBAL, valueRegister, fs.constant(LuaString.of(name)), 0, line);
        }
    }

    private void callStatement(Expr call) {
        int base = fs.freeRegister;
        ex.callTo(call, base, 0);
    }

    private void whileLoop(Stat.While w) {
        int start = fs.pcCount;
        fs.emit(Opcode.LOOP, 0, 0, 0, w.line());
        List<Integer> exits = ex.jumpIfFalse(w.condition());
        fs.enterBlock(true);
        statements(w.body());
        FunctionState.Block b = fs.block;
        int base = fs.blockBaseRegister(b);
        GotoResolution.onBlockExit(fs, b);
        fs.leaveBlock();
        if (b.hasCapturedLocal) {
            fs.emit(Opcode.CLOSE, base, 0, 0, w.line());
        }
        int back = fs.emitJump(w.line());
        fs.patchJump(back, start);
        fs.patchJumps(exits, fs.pcCount);
        finishBreaks(b, base, w.line());
    }

    /** Lands a loop's breaks here, closing the loop body's upvalues first. */
    private void finishBreaks(FunctionState.Block loop, int base, int line) {
        if (!loop.breakJumps.isEmpty()) {
            fs.patchJumps(loop.breakJumps, fs.pcCount);
            fs.emit(Opcode.CLOSE, base, 0, 0, line);
        }
    }

    private void repeatLoop(Stat.Repeat r) {
        int start = fs.pcCount;
        fs.emit(Opcode.LOOP, 0, 0, 0, r.line());
        fs.enterBlock(true);
        statements(r.body(), false);
        FunctionState.Block b = fs.block;
        int base = fs.blockBaseRegister(b);
        // The condition sees the body's locals (Lua 5.1 2.4.4), so it is compiled inside the block.
        if (b.hasCapturedLocal) {
            int cond = ex.expressionToAnyRegister(r.condition());
            fs.emit(Opcode.CLOSE, base, 0, 0, r.line());
            fs.emit(Opcode.TEST, cond, 0, 0, r.line());
            int back = fs.emitJump(r.line());
            fs.patchJump(back, start);
        } else {
            List<Integer> falseJumps = ex.jumpIfFalse(r.condition());
            fs.patchJumps(falseJumps, start);
        }
        GotoResolution.onBlockExit(fs, b);
        fs.leaveBlock();
        finishBreaks(b, base, r.line());
    }

    private void ifStatement(Stat.If i) {
        List<Integer> toEnd = new ArrayList<>();
        for (int k = 0; k < i.conditions().size(); k++) {
            List<Integer> next = ex.jumpIfFalse(i.conditions().get(k));
            fs.enterBlock(false);
            statements(i.bodies().get(k));
            leaveBlockClosing(i.line());
            boolean isLast = k == i.conditions().size() - 1 && i.elseBody().isEmpty();
            if (!isLast) {
                toEnd.add(fs.emitJump(i.line()));
            }
            fs.patchJumps(next, fs.pcCount);
        }
        if (!i.elseBody().isEmpty()) {
            fs.enterBlock(false);
            statements(i.elseBody());
            leaveBlockClosing(i.line());
        }
        fs.patchJumps(toEnd, fs.pcCount);
    }

    private void numericFor(Stat.NumericFor f) {
        int base = fs.allocateRegisters(3, f.line());
        ex.expressionTo(f.start(), base);
        ex.expressionTo(f.limit(), base + 1);
        ex.expressionTo(f.step(), base + 2);
        // The three control values are hidden locals, so the body's temporaries stay above them.
        fs.activateLocal("(for index)", base);
        fs.activateLocal("(for limit)", base + 1);
        fs.activateLocal("(for step)", base + 2);
        int prep = fs.emit(Opcode.FORPREP, base, 0, 0, f.line());
        fs.enterBlock(true);
        int bodyStart = fs.pcCount;
        int v = fs.allocateRegisters(1, f.line());
        fs.activateLocal(f.variable(), v);
        FunctionState.Block b = loopBody(f.body(), v, f.line());
        fs.patchJump(prep, fs.pcCount);
        int loop = fs.emit(Opcode.FORLOOP, base, 0, 0, f.line());
        fs.patchJump(loop, bodyStart);
        finishBreaks(b, v, f.line());
        retireHiddenLocals(3);
    }

    private void genericFor(Stat.GenericFor f) {
        int base = fs.freeRegister;
        ex.expressionsTo(f.iterators(), base, 3, f.line());
        fs.activateLocal("(for generator)", base);
        fs.activateLocal("(for state)", base + 1);
        fs.activateLocal("(for control)", base + 2);
        fs.freeRegister = base + 3;
        int prep = fs.emitJump(f.line());
        fs.enterBlock(true);
        int bodyStart = fs.pcCount;
        int vars = fs.allocateRegisters(f.names().size(), f.line());
        for (int i = 0; i < f.names().size(); i++) {
            fs.activateLocal(f.names().get(i), vars + i);
        }
        FunctionState.Block b = loopBody(f.body(), vars, f.line());
        fs.patchJump(prep, fs.pcCount);
        // TFORLOOP writes results from base+3; the frame must hold them even for an empty body.
        fs.allocateRegisters(3 + f.names().size(), f.line());
        fs.freeRegister = base + 3;
        int loop = fs.emit(Opcode.TFORLOOP, base, 0, f.names().size(), f.line());
        fs.patchJump(loop, bodyStart);
        finishBreaks(b, vars, f.line());
        retireHiddenLocals(3);
    }

    /**
     * A for loop's body in its block (entered by the caller, with the loop variables from
     * {@code firstVariable}); each iteration closes the body's captured locals, so a closure
     * made in the loop keeps that iteration's variables.
     */
    private FunctionState.Block loopBody(List<Stat> body, int firstVariable, int line) {
        statements(body);
        FunctionState.Block b = fs.block;
        GotoResolution.onBlockExit(fs, b);
        fs.leaveBlock();
        if (b.hasCapturedLocal) {
            fs.emit(Opcode.CLOSE, firstVariable, 0, 0, line);
        }
        return b;
    }

    /** Retires the hidden control locals of a for loop, which sit in no block of their own. */
    private void retireHiddenLocals(int count) {
        fs.enterBlock(false);
        FunctionState.Block hidden = fs.block;
        fs.block = hidden.enclosing;
        FunctionState.Block fake = new FunctionState.Block(fs.block, fs.activeCount() - count, false);
        fs.block = fake;
        fs.leaveBlock();
    }

    private void returnStatement(Stat.Return r) {
        List<Expr> values = r.values();
        if (values.size() == 1 && (values.getFirst() instanceof Expr.Call || values.getFirst() instanceof Expr.MethodCall)) {
            int base = fs.freeRegister;
            ex.callTo(values.getFirst(), base, MULTI);
            // Rewrite the CALL just emitted into a tail call: the frame is reused (proper tail calls).
            fs.rewriteOpcode(fs.pcCount - 1, Opcode.TAILCALL);
            return;
        }
        if (values.size() == 1 && !Expr.Vararg.class.isInstance(values.getFirst())) {
            int reg = ex.expressionToAnyRegister(values.getFirst());
            fs.emit(Opcode.RETURN, reg, 2, 0, r.line());
            return;
        }
        int base = fs.freeRegister;
        boolean multi = ex.expressionsTo(values, base, MULTI, r.line());
        fs.emit(Opcode.RETURN, base, multi ? 0 : values.size() + 1, 0, r.line());
    }

    private void breakStatement(int line) {
        FunctionState.Block b = fs.block;
        while (b != null && !b.isLoop) {
            b = b.enclosing;
        }
        if (b == null) {
            throw new LuaSyntaxError(chunkName, line, "no loop to break", null);
        }
        b.breakJumps.add(fs.emitJump(line));
    }

}
