package dev.isthmus.lua.jit;

import dev.isthmus.lua.runtime.LuaTable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the recorded iteration into a loop: the recording stays as the pre-roll (the first
 * iteration, run once), and a copy of it becomes the loop body, with a PHI per register the
 * iteration writes (its value carried from one iteration to the next). Copying is where
 * loop-invariant code motion happens: a pure instruction or guard whose operands are all
 * invariant is the pre-roll's own (already computed, already checked) and is not copied, so
 * type guards on values the loop never changes run once, before the loop; so are upvalue reads
 * when no upvalue changes, and table reads and table guards when no table changes. A register read
 * at entry that the iteration also writes becomes its PHI, whose type must be what the
 * recording assumed (otherwise the loop is type-unstable and the trace is abandoned).
 */
final class LoopPeeling {
    /** Marks a value whose class is not known statically. */
    static final Object UNKNOWN = new Object();

    private LoopPeeling() {
    }

    /**
     * Appends the loop body to {@code ir}; {@code carried} lists the registers written and their
     * values at the end of the iteration, {@code headPc} is the loop instruction.
     */
    static void peel(TraceIr ir, Snapshot carried, int headPc) {
        int preRoll = ir.code.size();
        ir.loopStart = preRoll;
        ir.enterLoop();
        int[] registers = carried.registers();
        boolean upvaluesStable = upvaluesStable(ir);
        boolean tablesStable = tablesStable(ir);
        boolean runsInnerLoops = ir.code.stream().anyMatch(x -> x.op == IrOp.LOOPCALL);
        boolean[] variant = variant(ir, registers, upvaluesStable, tablesStable, runsInnerLoops);
        Map<Integer, Integer> phiOf = new HashMap<>();
        int[] phis = new int[registers.length];
        // A register carrying a view of an array element carries the element's index: the view is made again from it.
        boolean[] carriesIndex = new boolean[registers.length];
        // A register holding an int as a number (a C int result, a bit operation's) carries the
        // int: the loop's reads of it convert, and an int passed on around the loop stays one.
        boolean[] carriesInt = new boolean[registers.length];
        for (int i = 0; i < registers.length; i++) {
            int init = carried.refs()[i];
            Ir end = ir.at(init);
            carriesIndex[i] = end.op == IrOp.CVIEW && !variant[end.a];
            carriesInt[i] = end.op == IrOp.TONUM && ir.typeOf(end.a) == IrType.INT;
            int value = carriesIndex[i] ? end.b : carriesInt[i] ? end.a : init;
            phis[i] = ir.emit(new Ir(IrOp.PHI, ir.typeOf(value), value, Ir.NONE, Ir.NONE, null, registers[i], null, end.pc));
        }
        for (int i = 0; i < registers.length; i++) {
            Ir end = ir.at(carried.refs()[i]);
            phiOf.put(registers[i], carriesIndex[i]
                    ? ir.emit(new Ir(IrOp.CVIEW, IrType.REF, end.a, phis[i], Ir.NONE, null, end.aux, end.aux2, end.pc))
                    : phis[i]);
        }
        int[] sub = new int[preRoll];
        // What an exit writes besides what its snapshot lists: the carried registers' PHIs, until
        // an inner loop runs, which finds them written back and leaves the frame as the truth;
        // after a Lua call, none of the registers it wrote.
        Map<Integer, Integer> carriedNow = phiOf;
        for (int i = 0; i < preRoll; i++) {
            Ir x = ir.at(i);
            if (x.op.isRegisterLoad()) {
                sub[i] = loadInLoop(ir, x, phiOf, sub, i, runsInnerLoops);
                continue;
            }
            int a = map(sub, x.a);
            int b = map(sub, x.b);
            int c = map(sub, x.c);
            int[] args = x.args == null ? null : Arrays.stream(x.args).map(r -> sub[r]).toArray();
            boolean invariant = a == x.a && b == x.b && c == x.c && (args == null || Arrays.equals(args, x.args));
            if (x.op == IrOp.CALLN) {
                // A number the pre-roll passed may be an int carried around the loop here.
                args = NativeCallOperands.narrowed(ir, (dev.isthmus.lua.runtime.NumericCallable) x.aux, args, x.pc);
            }
            String stale = staleWhenHot(ir, x);
            if (stale != null && x.snapshot != Ir.NONE) {
                ir.entryGuardExits.put(x.snapshot, stale);
            }
            if (computedOnce(x.op, upvaluesStable, tablesStable) && invariant) {
                sub[i] = i;
                continue;
            }
            int before = ir.code.size();
            int ref = ir.emit(new Ir(x.op, x.type, a, b, c, args, x.aux, x.aux2, x.pc));
            if (ref >= before && x.snapshot != Ir.NONE) {
                ir.at(ref).snapshot = ir.snapshot(inLoop(ir.snapshots.get(x.snapshot), sub, carriedNow));
            }
            if (x.op == IrOp.LOOPCALL) {
                carriedNow = Map.of();
            } else if (x.op == IrOp.CALLL) {
                // A Lua call leaves its results in the frame from its function's register on (and
                // the registers above are its temporaries): an exit after it must not write them back.
                int fn = (Integer) x.aux;
                Map<Integer, Integer> below = new HashMap<>(carriedNow);
                below.keySet().removeIf(r -> r >= fn);
                carriedNow = below;
            }
            sub[i] = ref;
        }
        // Ctrl-C: after each iteration the trace may leave at the loop instruction, with the
        // values the next iteration would start from written back.
        int[] next = new int[registers.length];
        for (int i = 0; i < registers.length; i++) {
            next[i] = sub[carried.refs()[i]];
        }
        int interrupt = ir.emit(new Ir(IrOp.GINTR, IrType.VOID, Ir.NONE, Ir.NONE, Ir.NONE, null, null, null, headPc));
        ir.at(interrupt).snapshot = ir.snapshot(new Snapshot(headPc, registers, next));
        for (int i = 0; i < registers.length; i++) {
            Ir phi = ir.at(phis[i]);
            int end = sub[carried.refs()[i]];
            int back = carriesIndex[i] ? ir.at(end).b : carriesInt[i] ? ir.at(end).a : end;
            if (carriesIndex[i] && (ir.at(end).op != IrOp.CVIEW || ir.at(end).a != ir.at(carried.refs()[i]).a)) {
                throw new TraceRecorder.Abort("a view carried around the loop changes array");
            }
            if (carriesInt[i] && (ir.at(end).op != IrOp.TONUM || ir.typeOf(back) != IrType.INT)) {
                throw new TraceRecorder.Abort("an int carried around the loop is a number at its end");
            }
            ir.code.set(phis[i], new Ir(IrOp.PHI, phi.type, phi.a, back, Ir.NONE, null, phi.aux, null, phi.pc));
        }
    }

    /**
     * Why the root is stale when pre-roll guard {@code x} is its hot exit, or null: the guard
     * specialises on what the loop is entered with, and recorded again the loop gets a root for
     * what it runs with now (after {@code JitEngine}'s bound on retraces, the side trace grows).
     * The function called or a cdata's ctype (the FFI call loops of bench/lua/ffi_call.lua: 3.6
     * ns a call became 9 through a side trace); an object loaded at entry and its metatable (a
     * function making its class and object at each call: 28.5 ns an iteration, LuaJIT 0.83); a
     * number loaded at entry carried as an int ({@code s = add(s, i)} narrowed while {@code s}
     * was small, grown past 2^31: 35 ns an iteration, LuaJIT 0.84).
     */
    private static String staleWhenHot(TraceIr ir, Ir x) {
        boolean ofEntryLoad = x.a != Ir.NONE && ir.at(x.a).op.isRegisterLoad();
        return switch (x.op) {
            case GSAME, GCTYPE -> "calls another function or ctype before its loop";
            case GMETA -> ofEntryLoad ? "an object it reads before its loop has another metatable" : null;
            case TOINT -> ofEntryLoad ? "a number it carries as an int is no longer one" : null;
            default -> null;
        };
    }

    /**
     * Whether an instruction on loop-invariant operands gives every iteration what it gave the
     * pre-roll: a pure one, an upvalue read when no upvalue changes, a table read or table guard
     * when no table changes (a method call's lookups through {@code __index} on an object the
     * loop does not change: run once, before the loop, as LuaJIT's loop optimisation does).
     */
    private static boolean computedOnce(IrOp op, boolean upvaluesStable, boolean tablesStable) {
        return op.isPure() || op == IrOp.UGET && upvaluesStable || tablesStable && TraceIr.readsOnlyTables(op);
    }

    /**
     * Whether no table can change while the loop runs: every instruction leaves tables as they
     * were ({@link TraceIr#keepsTables}: no store, no call that could run Lua code or C code).
     */
    private static boolean tablesStable(TraceIr ir) {
        for (Ir x : ir.code) {
            if (!TraceIr.keepsTables(x.op) || x.op.mayRunLua()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether no upvalue can change while the loop runs: it stores none and calls nothing that
     * could run Lua code. An upvalue read is then loop-invariant, read once before the loop.
     */
    private static boolean upvaluesStable(TraceIr ir) {
        for (Ir x : ir.code) {
            if (x.op == IrOp.USET || x.op.mayRunLua()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Which recorded values can differ from one iteration to the next: loads of registers the
     * loop writes, what is not pure, and what uses any of those. The others are computed once.
     */
    private static boolean[] variant(TraceIr ir, int[] written, boolean upvaluesStable, boolean tablesStable, boolean runsInnerLoops) {
        java.util.Set<Integer> writtenSet = new java.util.HashSet<>();
        for (int r : written) {
            writtenSet.add(r);
        }
        boolean[] variant = new boolean[ir.code.size()];
        for (int i = 0; i < variant.length; i++) {
            Ir x = ir.at(i);
            boolean v = x.op.isRegisterLoad() ? runsInnerLoops || writtenSet.contains((Integer) x.aux)
                    : !computedOnce(x.op, upvaluesStable, tablesStable);
            for (int r : x.operands()) {
                v |= variant[r];
            }
            variant[i] = v;
        }
        return variant;
    }

    private static int map(int[] sub, int ref) {
        return ref == Ir.NONE ? Ir.NONE : sub[ref];
    }

    /**
     * A register load copied into the body: the PHI when the loop writes the register, else the
     * pre-roll's load, or, when inner loops run on the frame (and the trace writes the frame back
     * before each), the register read again from the frame where the load was.
     */
    private static int loadInLoop(TraceIr ir, Ir load, Map<Integer, Integer> phiOf, int[] sub, int i, boolean runsInnerLoops) {
        Integer phi = phiOf.get((Integer) load.aux);
        if (phi == null && runsInnerLoops) {
            if (load.op == IrOp.SLOADV) {
                throw new TraceRecorder.Abort("NYI: an iterator's control value around an inner loop");
            }
            IrOp reload = load.op == IrOp.SLOADN ? IrOp.RLOADN : IrOp.RLOADR;
            int before = ir.code.size();
            int ref = ir.emit(new Ir(reload, load.type, Ir.NONE, Ir.NONE, Ir.NONE, null, load.aux, load.aux2, load.pc));
            if (ref >= before) {
                ir.at(ref).snapshot = ir.snapshot(inLoop(ir.snapshots.get(load.snapshot), sub, phiOf));
            }
            return ref;
        }
        if (phi == null) {
            return i;
        }
        if (ir.typeOf(phi) == IrType.INT) {
            // A narrowed loop index: the register holds it as a number.
            phi = ir.emit(new Ir(IrOp.TONUM, IrType.NUM, phi, Ir.NONE, Ir.NONE, null, null, null, load.pc));
        }
        IrType carried = ir.typeOf(phi);
        if (load.op == IrOp.SLOADV) {
            return carried == IrType.NUM ? ir.emit(new Ir(IrOp.BOX, IrType.REF, phi, Ir.NONE, Ir.NONE, null, null, null, load.pc)) : phi;
        }
        if (load.op == IrOp.SLOADN) {
            if (carried != IrType.NUM) {
                throw new TraceRecorder.Abort("type instability in register " + load.aux);
            }
            return phi;
        }
        if (carried == IrType.LONG && load.aux2 == dev.isthmus.lua.ffi.Cdata.Int64.class) {
            // A 64-bit integer carried as a long: the body's unboxing of it folds away (TraceIr).
            return ir.emit(new Ir(IrOp.I64BOX, IrType.REF, phi, Ir.NONE, Ir.NONE, null, null, Int64Recording.kindOf(ir, phi), load.pc));
        }
        if (carried != IrType.REF) {
            throw new TraceRecorder.Abort("type instability in register " + load.aux);
        }
        Object entering = classOf(ir, ir.at(phi).a);
        if (entering == load.aux2) {
            return phi;
        }
        if (entering != UNKNOWN) {
            // The guard below would fail as the loop's first iteration starts.
            throw new TraceRecorder.Abort("type instability in register " + load.aux);
        }
        int before = ir.code.size();
        int ref = ir.emit(new Ir(IrOp.GCLASS, IrType.REF, phi, Ir.NONE, Ir.NONE, null, null, load.aux2, load.pc));
        if (ref >= before) {
            ir.at(ref).snapshot = ir.snapshot(inLoop(ir.snapshots.get(load.snapshot), sub, phiOf));
        }
        return ref;
    }

    /** The class a REF value is known to have (null for nil), or {@link #UNKNOWN}. */
    static Object classOf(TraceIr ir, int ref) {
        Ir x = ir.at(ref);
        return switch (x.op) {
            case SLOADR, RLOADR, GCLASS -> x.aux2;
            case KREF -> x.aux == null ? null : x.aux.getClass();
            case NOT, CMPV -> Boolean.class;
            case TNEW -> LuaTable.class;
            case BOX -> Double.class;
            case I64BOX -> dev.isthmus.lua.ffi.Cdata.Int64.class;
            case CVIEW -> dev.isthmus.lua.ffi.Cdata.Memory.class;
            case PCAST -> dev.isthmus.lua.ffi.Cdata.Pointer.class;
            default -> UNKNOWN;
        };
    }

    /**
     * A pre-roll snapshot as seen from the body: its values copied, and every register the
     * loop carries that it does not list holding its PHI (written by an earlier iteration).
     */
    private static Snapshot inLoop(Snapshot s, int[] sub, Map<Integer, Integer> phiOf) {
        Map<Integer, Integer> values = new java.util.TreeMap<>();
        for (Map.Entry<Integer, Integer> e : phiOf.entrySet()) {
            values.put(e.getKey(), e.getValue());
        }
        for (int j = 0; j < s.registers().length; j++) {
            values.put(s.registers()[j], sub[s.refs()[j]]);
        }
        int[] registers = values.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[] refs = values.values().stream().mapToInt(Integer::intValue).toArray();
        return s.with(registers, refs);
    }
}
