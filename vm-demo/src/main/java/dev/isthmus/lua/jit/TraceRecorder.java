package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.interp.CompiledLoop;
import dev.isthmus.lua.interp.InlinedFrames;
import dev.isthmus.lua.interp.InstructionObserver;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.LuaSemantics;
import dev.isthmus.lua.interp.TraceAccess;
import dev.isthmus.lua.interp.ValueStack;
import dev.isthmus.lua.ffi.Cdata;
import dev.isthmus.lua.lib.DoubleOperation;
import dev.isthmus.lua.runtime.FixedIndex;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.NumericCallable;

import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Records one iteration of a hot loop into trace IR, watching the interpreter run it (an
 * {@link InstructionObserver}). Each instruction becomes IR specialised to the values it sees,
 * with guards on what it assumed: a register is a number or a value of one class, a compare
 * goes the same way, a called function is the same object. An instruction whose result's
 * type only running it tells (a table read, a call) is completed when the next instruction
 * is observed: its result is then in the register, and a guard fixes its type.
 *
 * <p>The recorder keeps, per register, the IR value it holds now ({@link #registerRef}) and
 * whether the trace wrote it; a snapshot lists the written registers. What it cannot record
 * aborts the trace with a reason.
 */
final class TraceRecorder implements InstructionObserver {
    /** An instruction recorded before it ran, waiting for the next one to complete it. */
    private enum Pending {
        NONE, RESULT, RESULTS, BRANCH, RELOAD
    }

    /** Thrown to stop recording; the message is the reason {@code -jv} prints. */
    static final class Abort extends RuntimeException {
        Abort(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final int MAX_INSTRUCTIONS = 2000;

    /** The loop instruction, in {@link #frameProto}, of a loop with no trace yet that the recording aborted at (which it would run by its trace once it has one), or -1. */
    int waitsForLoopAt = -1;

    private final JitEngine engine;
    final LuaClosure closure;
    final Prototype proto;
    final int startPc;
    private final ValueStack stack;
    private final int base;
    /** The instructions the recording may run through in the loop's frame (the whole function once it went around, below). */
    private int first;
    private int last;
    /**
     * Whether a root recording left its loop for the body of a loop around it, to come back
     * round to its own loop instruction, as LuaJIT's traces do ({@link #mayGoAround}).
     */
    private boolean wentAround;
    /**
     * The loop instructions of loops around the root a side trace has recorded once: met again,
     * the side trace has gone round that loop without coming back to the root (which an inner
     * loop's trace ran instead) and ends there, rather than unroll the loop to its end.
     */
    private final java.util.BitSet outerLoopsRecorded = new java.util.BitSet();
    final TraceIr ir;
    /** The recording of cdata member and element accesses. */
    private final CdataRecording cdata = new CdataRecording(this);
    /** The recording of 64-bit integer cdata as longs. */
    private final Int64Recording int64 = new Int64Recording(this);
    private final BitNarrowing bitNarrowing;
    /**
     * Whether sums given to bit operations are computed on ints ({@link BitNarrowing}): not in a
     * side trace grown from a failing {@link IrOp#INTOF}, whose term was no small integer.
     */
    private boolean narrowsBits = true;
    /** For a side trace: the tree it grows on, the exit it starts from, where its code and snapshots start. */
    final TraceTree tree;
    final int parentExit;
    final int sideStart;
    final int snapshotsBefore;
    /** Per trace register (a slot counted from the loop frame's base, so inlined frames' registers too). */
    private int[] registerRef;
    private boolean[] written;
    /** The function whose instructions are being recorded: the loop's, or one inlined into it. */
    private LuaClosure frameClosure;
    private Prototype frameProto;
    /** Where the recorded function's register 0 is, in trace registers. */
    private int frameOffset;

    /**
     * A call recorded inline: what to return to. {@code wanted} is -1 for open results (the
     * caller passes them all on); {@code exitBefore} is the snapshot before the call, and
     * {@code effectsBefore} the count of {@link #effects} then.
     */
    private record Inlined(LuaClosure closure, int offset, int resultRegister, int wanted, int callPc, int exitBefore, int effectsBefore) {
    }

    /**
     * Results left open by a call ({@code C} = 0) for the next instruction, a call or return
     * with {@code B} = 0, to take up to {@code top} (a register of the frame at {@code frameOffset}).
     * The interpreter keeps that top in its own state, so the taker's guards leave at {@code exit}:
     * before the call that produced them, which the interpreter runs again (it had no effect: a
     * pure library function, or a Lua function recorded inline that wrote nothing but its own
     * registers), or, after a Lua function recorded inline that had effects, at the call,
     * completed with the results ({@link #resumedWith}).
     */
    private record OpenResults(int top, int exit, int takerPc, int frameOffset) {
    }

    private OpenResults open;

    private final java.util.ArrayDeque<Inlined> inlined = new java.util.ArrayDeque<>();
    /** The calls recorded inline now, as exits inside them tell the interpreter ({@link #insideNow}); null when not computed since they changed. */
    private InlinedFrames inside;
    /** How many instructions with an effect (a store, a call out) were recorded: an inlined call with none may run again. */
    private int effects;
    private static final int MAX_INLINE_DEPTH = 4;
    /** An inner loop being skipped (run by the interpreter while recording, by its trace later): its pcs, its trace. */
    private int innerFirst;
    private int innerLast = -1;
    private CompiledLoop innerTrace;
    private int innerSnapshot;
    private int skipped;
    /** How many instructions of an inner loop the recording waits through before it gives up. */
    private static final int MAX_SKIPPED = 200_000;
    /** Whether an inner loop ran: registers are read from the frame as they are now, not as at entry. */
    private boolean afterInnerLoop;
    /**
     * A side trace's: the root's entry load of each register of the loop's frame that still holds
     * the value loaded there ({@link EntryLoads#heldInFrame}), which a read of the register takes
     * instead of reading the frame again; null once the trace ran an inner loop on the frame.
     */
    private int[] heldInFrame;
    /** The registers the trace reads or writes: kept in JVM locals while it runs. */
    final BitSet kept = new BitSet();
    /** The registers of the loop's frame the trace writes (or an inner loop it runs may leave stale while Lua code runs). */
    final BitSet writes = new BitSet();
    /** Whether the trace calls what may run Lua code (Java and C functions, metamethods). */
    boolean mayRunLua;

    private Pending pending = Pending.NONE;
    private int pendingPc;
    private int pendingRegister;
    private int pendingRef;
    /** The registers and values of a call's several results ({@link Pending#RESULTS}). */
    private int[] pendingRegisters;
    private int[] pendingRefs;
    /** While a recorded call runs, instructions of other frames are the callee's: not the trace's. */
    private boolean insideCall;
    private int recorded;
    private boolean finished;
    /** Whether the recording ended because the recorded iteration left the loop (a {@code break}, a {@code goto}). */
    boolean leftLoop;
    /** The pc of the instruction being recorded: where an abort happened. */
    int currentPc;

    /** Whether this records a function trace ({@link #function(JitEngine, LuaClosure, ValueStack, int)}). */
    private boolean function;

    /** When recording started ({@link System#nanoTime}), for {@code -jv}. */
    final long startedAt = System.nanoTime();

    /**
     * A function trace of {@code closure}'s call at {@code base}, from its first instruction to
     * its return; a recursive call in it is a call out ({@link #recursive}).
     */
    static TraceRecorder function(JitEngine engine, LuaClosure closure, ValueStack stack, int base) {
        TraceRecorder r = new TraceRecorder(engine, new TraceIr(), null, -1, closure, 0, stack, base,
                new int[] {0, closure.prototype().instructionCount() - 1});
        r.function = true;
        r.guardClosureIfOnlyOne();
        return r;
    }

    TraceRecorder(JitEngine engine, LuaClosure closure, int startPc, ValueStack stack, int base) {
        this(engine, new TraceIr(), null, -1, closure, startPc, stack, base, loopBody(closure.prototype().code(), startPc));
        guardClosureIfOnlyOne();
        int op = proto.code()[startPc * 4];
        if (op == Op.FORLOOP) {
            recordForLoopHead();
        } else if (op == Op.TFORLOOP) {
            recordIteratorHead();
        }
    }

    /**
     * A root trace of the only closure its function has had takes it as known: guarded at entry
     * (another closure of the function leaves there, before anything ran, and one that keeps
     * doing so makes the trace stale, recorded again without the guard), its never-assigned
     * upvalues are constants ({@link #isFixedUpvalueOfKnownClosure}).
     */
    private void guardClosureIfOnlyOne() {
        if (engine.foldsFixedUpvalues() && proto.closures().isOne()) {
            guard(new Ir(IrOp.GCLOSURE, IrType.VOID, Ir.NONE, Ir.NONE, Ir.NONE, null, closure, null, startPc), startPc);
            ir.knownClosure = closure;
        }
    }

    /** The first and last instruction of the loop whose loop instruction (or {@code while} head) is at {@code pc}. */
    private static int[] loopBody(int[] code, int pc) {
        int op = code[pc * 4];
        return op == Op.FORLOOP || op == Op.TFORLOOP ? new int[] {pc + 1 + code[pc * 4 + 2], pc} : new int[] {pc, lastBackwardJump(code, pc)};
    }

    /** What a root and a side recording start from: the loop's function and frame, no register read yet, the IR's end so far. */
    private TraceRecorder(JitEngine engine, TraceIr ir, TraceTree tree, int parentExit, LuaClosure closure, int startPc, ValueStack stack,
            int base, int[] firstAndLast) {
        this.engine = engine;
        this.first = firstAndLast[0];
        this.last = firstAndLast[1];
        this.ir = ir;
        this.bitNarrowing = new BitNarrowing(this, ir);
        this.tree = tree;
        this.parentExit = parentExit;
        this.sideStart = ir.code.size();
        this.snapshotsBefore = ir.snapshots.size();
        this.closure = closure;
        this.proto = closure.prototype();
        this.startPc = startPc;
        this.currentPc = startPc;
        this.stack = stack;
        this.base = base;
        this.registerRef = new int[proto.frameSize()];
        this.written = new boolean[proto.frameSize()];
        Arrays.fill(registerRef, Ir.NONE);
        this.frameClosure = closure;
        this.frameProto = proto;
    }

    /**
     * A side trace of {@code tree} from its exit {@code exit}, in the frame at {@code base} that
     * the exit wrote back: the registers the exit's snapshot lists hold its values (the parent's
     * references, an int index as a number), the others are read from the frame when first used.
     * It may go anywhere in the loop's function; it ends when it comes back to the root's loop
     * instruction ({@link #link}) or to another loop with a trace ({@link #leave}).
     */
    TraceRecorder(JitEngine engine, TraceTree tree, int exit, LuaClosure closure, ValueStack stack, int base) {
        // It may go anywhere in the loop's function.
        this(engine, tree.ir, tree, exit, closure, tree.startPc, stack, base, new int[] {0, closure.prototype().instructionCount() - 1});
        ir.beginSide();
        narrowsBits = !isIntegerGuardExit(exit);
        // Registers not in the snapshot are read from the frame as they are when the side trace
        // runs, or taken from the root's loads where the frame holds what those loaded.
        this.afterInnerLoop = true;
        this.heldInFrame = tree.function ? null : EntryLoads.heldInFrame(ir, proto.frameSize());
        Snapshot from = ir.snapshots.get(exit);
        this.currentPc = from.pc();
        for (int j = 0; j < from.registers().length; j++) {
            int ref = from.refs()[j];
            if (ir.typeOf(ref) == IrType.INT) {
                ref = ir.emit(new Ir(IrOp.TONUM, IrType.NUM, ref, Ir.NONE, Ir.NONE, null, null, null, from.pc()));
            }
            if (ir.at(ref).op != IrOp.SNEW) {
                set(from.registers()[j], ref);
            }
        }
        for (int j = 0; j < from.registers().length; j++) {
            if (ir.at(from.refs()[j]).op == IrOp.SNEW) {
                // A table the parent never made: made here, with the fields it had at the exit.
                set(from.registers()[j], madeSunkTable(from.refs()[j], AllocationSinking.positionOf(ir, exit), from.pc()));
            }
        }
        if (from.inside() != null) {
            resumeInside(from.inside());
        }
        if (from.resumed() >= 0) {
            // The interpreter completes the call at the exit's pc: the recording starts at the instruction taking its results.
            int a = frameProto.code()[from.pc() * 4 + 1];
            currentPc = from.pc() + 1;
            open = new OpenResults(a + from.resumed(), resumedWith(from.pc(), a, from.resumed()), currentPc, frameOffset);
        }
    }

    /** The sunk table {@code table} of the parent made as a table, with the stores made to it before instruction {@code position}. */
    private int madeSunkTable(int table, int position, int pc) {
        int made = ir.emit(new Ir(IrOp.TNEW, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, null, ir.at(table).aux, null, pc));
        for (Ir store : AllocationSinking.storesBefore(ir, table, position)) {
            int key = store.aux instanceof Double d ? constant(d, pc) : constantOf(store.aux, pc);
            IrOp put = store.aux instanceof Double ? IrOp.TSETN : IrOp.TSETV;
            guard(new Ir(put, IrType.VOID, made, key, store.b, null, null, null, pc), pc);
        }
        return made;
    }

    /**
     * A side trace starting inside calls its parent recorded inline: it records on inside the
     * innermost, and each return to its caller as a return from a call recorded inline. The
     * calls were made by the parent, so its own exits cannot go back to before them: open
     * results of one abort at its return.
     */
    private void resumeInside(InlinedFrames frames) {
        LuaClosure caller = closure;
        int callerOffset = 0;
        for (int j = 0; j < frames.depth(); j++) {
            int callPc = frames.callPcs()[j];
            int[] code = caller.prototype().code();
            int a = code[callPc * 4 + 1];
            int c = code[callPc * 4 + 3];
            inlined.push(new Inlined(caller, callerOffset, callerOffset + a, c - 1, callPc, Ir.NONE, effects));
            caller = frames.closures()[j];
            callerOffset = frames.offsets()[j];
        }
        frameClosure = caller;
        frameProto = caller.prototype();
        frameOffset = callerOffset;
        inside = frames;
    }

    /** The last instruction of a while or repeat loop headed by LOOP at {@code head}: the last jump back to it. */
    private static int lastBackwardJump(int[] code, int head) {
        int end = head;
        for (int pc = head + 1; pc < code.length / 4; pc++) {
            if (code[pc * 4] == Op.JMP && pc + 1 + code[pc * 4 + 2] == head) {
                end = pc;
            }
        }
        return end;
    }

    /**
     * FORLOOP's own work, which the trace does first on each iteration: add the step, leave
     * when past the limit, else copy the index to the loop variable. The sign of the step is
     * guarded (invariant, so checked once). A loop whose values are small integers counts in
     * ints ({@link NarrowedLoops}); its variable is the int index as a number.
     */
    private void recordForLoopHead() {
        int a = proto.code()[startPc * 4 + 1];
        int index = load(a, startPc);
        int limit = load(a + 1, startPc);
        int step = load(a + 2, startPc);
        double[] nums = TraceAccess.nums(stack);
        double stepValue = nums[base + a + 2];
        if (stepValue == 0) {
            throw new Abort("NYI: for loop with a zero step");
        }
        Compare continues = stepValue > 0 ? Compare.LE : Compare.GE;
        if (NarrowedLoops.narrows(nums[base + a], nums[base + a + 1], stepValue)) {
            int intStep;
            if (stepIsConstant(a)) {
                // The step as the constant it is (C2 counts a loop whose stride is a constant).
                int constantStep = constant(stepValue, startPc);
                guard(new Ir(IrOp.GCMP, IrType.VOID, step, constantStep, Ir.NONE, null, Compare.EQ, null, startPc), startPc);
                intStep = guard(new Ir(IrOp.TOINT, IrType.INT, constantStep, Ir.NONE, Ir.NONE, null, null, null, startPc), startPc);
            } else {
                // A step the program computes (nsieve's for j = i + i, m, i) differs from one entry to the next.
                intStep = guard(new Ir(IrOp.TOINT, IrType.INT, step, Ir.NONE, Ir.NONE, null, null, null, startPc), startPc);
            }
            int intLimit = guard(new Ir(IrOp.LIMIT, IrType.INT, limit, intStep, Ir.NONE, null, continues, null, startPc), startPc);
            int intIndex = guard(new Ir(IrOp.TOINT, IrType.INT, index, Ir.NONE, Ir.NONE, null, null, null, startPc), startPc);
            int next = ir.emit(new Ir(IrOp.IADD, IrType.INT, intIndex, intStep, Ir.NONE, null, null, null, startPc));
            guard(new Ir(IrOp.GCMP, IrType.VOID, next, intLimit, Ir.NONE, null, continues, null, startPc), startPc + 1);
            set(a, next);
            set(a + 3, ir.emit(new Ir(IrOp.TONUM, IrType.NUM, next, Ir.NONE, Ir.NONE, null, null, null, startPc)));
            return;
        }
        int zero = constant(0.0, startPc);
        guard(new Ir(IrOp.GCMP, IrType.VOID, step, zero, Ir.NONE, null, stepValue > 0 ? Compare.GT : Compare.LE, null, startPc), startPc);
        int next = ir.emit(new Ir(IrOp.ADD, IrType.NUM, index, step, Ir.NONE, null, null, null, startPc));
        guard(new Ir(IrOp.GCMP, IrType.VOID, next, limit, Ir.NONE, null, continues, null, startPc), startPc + 1);
        set(a, next);
        set(a + 3, next);
    }

    /** Whether the {@code for} loop at {@code startPc} (registers from {@code a}) has a constant step: a LOADK into its step register right before its FORPREP. */
    private boolean stepIsConstant(int a) {
        int[] code = proto.code();
        int forPrep = startPc + code[startPc * 4 + 2];
        int before = forPrep - 1;
        return before >= 0 && code[forPrep * 4] == Op.FORPREP && code[before * 4] == Op.LOADK && code[before * 4 + 1] == a + 2;
    }

    /**
     * TFORLOOP's step, which the trace does first on each iteration, for the iterators of
     * {@code ipairs} and {@code pairs} (pure functions of the table and the control value): the
     * next element or entry, leaving the loop when there is none. The recording started right
     * after the interpreter's step, so the loop variables hold this iteration's values; their
     * types are assumed for the next ones. Every guard here but the loop's end resumes at the
     * TFORLOOP itself, with nothing written: the interpreter does that step again, as it would
     * have. The end resumes after the loop ({@link #loopEnded}).
     */
    private void recordIteratorHead() {
        int a = proto.code()[startPc * 4 + 1];
        int variables = proto.code()[startPc * 4 + 3];
        Object f = value(a);
        JavaFunction.Iterator kind = f instanceof JavaFunction library ? library.iterator() : null;
        if (kind == null || !(value(a + 1) instanceof LuaTable table)) {
            String iterator = f instanceof LuaClosure ? "a Lua function" : f instanceof JavaFunction library ? library.name() : "a " + LuaType.of(f).luaName();
            throw new Abort("NYI: iterator " + iterator + (kind == null ? "" : " over a " + LuaType.of(value(a + 1)).luaName()));
        }
        guard(new Ir(IrOp.GSAME, IrType.VOID, load(a, startPc), Ir.NONE, Ir.NONE, null, f, null, startPc), startPc);
        int t = load(a + 1, startPc);
        // pairs' control is a key of any type (and a type guard on it would fail at each change): read as a value.
        int control = kind == JavaFunction.Iterator.NEXT ? loadValue(a + 2) : load(a + 2, startPc);
        int key;
        int element;
        if (kind == JavaFunction.Iterator.IPAIRS_STEP) {
            if (table.metatable() != null || ir.typeOf(control) != IrType.NUM) {
                throw new Abort("NYI: ipairs over a table with a metatable");
            }
            guard(new Ir(IrOp.GNOMETA, IrType.VOID, t, Ir.NONE, Ir.NONE, null, null, null, startPc), startPc);
            // The index counted as an int, as a for loop's is: no conversion at each element's read.
            int one = guard(new Ir(IrOp.TOINT, IrType.INT, constant(1.0, startPc), Ir.NONE, Ir.NONE, null, null, null, startPc), startPc);
            int index = guard(new Ir(IrOp.TOINT, IrType.INT, control, Ir.NONE, Ir.NONE, null, null, null, startPc), startPc);
            int next = guard(new Ir(IrOp.IADDR, IrType.INT, index, one, Ir.NONE, null, null, null, startPc), startPc);
            key = ir.emit(new Ir(IrOp.TONUM, IrType.NUM, next, Ir.NONE, Ir.NONE, null, null, null, startPc));
            element = ir.emit(new Ir(IrOp.TGETN, IrType.REF, t, key, Ir.NONE, null, null, null, startPc));
            loopEnded(new Ir(IrOp.GNOTNIL, IrType.VOID, element, Ir.NONE, Ir.NONE, null, null, null, startPc), a, variables);
        } else {
            int entry = guard(new Ir(IrOp.NEXT, IrType.REF, t, control, Ir.NONE, null, null, null, startPc), startPc);
            loopEnded(new Ir(IrOp.GNOTNIL, IrType.VOID, entry, Ir.NONE, Ir.NONE, null, null, null, startPc), a, variables);
            key = ir.emit(new Ir(IrOp.ENTRYKEY, IrType.REF, entry, Ir.NONE, Ir.NONE, null, null, null, startPc));
            // Keys keep one type only in a table with only an array part or only a hash part;
            // otherwise a guard on their type would leave the trace at every change: kept as values.
            Object k = value(a + 3);
            if (k instanceof Double ? table.hashPartUsed() == 0 : table.arrayPartSize() == 0) {
                key = typed(key, k);
            }
            element = ir.emit(new Ir(IrOp.ENTRYVALUE, IrType.REF, entry, Ir.NONE, Ir.NONE, null, null, null, startPc));
        }
        if (variables >= 2) {
            element = typed(element, value(a + 4));
        }
        set(a + 2, key);
        set(a + 3, key);
        for (int j = 1; j < variables; j++) {
            set(a + 3 + j, j == 1 ? element : nil(startPc));
        }
    }

    /**
     * The guard that there is no next element or entry, which resumes where the interpreter's
     * TFORLOOP goes when there is none: after the loop, with the loop's variables nil. Resumed at
     * the TFORLOOP, the interpreter would call the iterator once more only to find the end; and
     * a trace running this loop by its trace ({@code LOOPCALL}) goes on in compiled code only
     * when the loop's trace stops after the loop (group:intersect in LuaJIT's ray.lua, whose
     * function trace left to the interpreter at the end of every child loop).
     */
    private void loopEnded(Ir guard, int a, int variables) {
        int first = frameOffset + a + 3;
        ensureRegisters(first + variables);
        int[] refs = Arrays.copyOfRange(registerRef, first, first + variables);
        boolean[] wasWritten = Arrays.copyOfRange(written, first, first + variables);
        for (int j = 0; j < variables; j++) {
            set(a + 3 + j, nil(startPc));
        }
        guard(guard, startPc + 1);
        System.arraycopy(refs, 0, registerRef, first, variables);
        System.arraycopy(wasWritten, 0, written, first, variables);
    }

    /** {@code ref} guarded to have the type {@code like} has (a number unboxed), leaving at the loop head when not. */
    private int typed(int ref, Object like) {
        Ir check = like instanceof Double
                ? new Ir(IrOp.UNBOX, IrType.NUM, ref, Ir.NONE, Ir.NONE, null, null, null, startPc)
                : new Ir(IrOp.GCLASS, IrType.REF, ref, Ir.NONE, Ir.NONE, null, null, classOf(like), startPc);
        return guard(check, startPc);
    }

    @Override
    public void beforeInstruction(LuaClosure cl, int pc, ValueStack registers, int frameBase, Object[] varargs) {
        if (finished) {
            return;
        }
        boolean ours = isLoopFrame(cl, registers, frameBase);
        if (innerLast >= 0) {
            // An inner loop the trace will run by its own trace: the interpreter runs it now, unrecorded.
            if (insideInnerLoop(cl, pc, registers, frameBase)) {
                if (++skipped > MAX_SKIPPED) {
                    abort("NYI: inner loop too long to record across");
                }
                return;
            }
            if (!ours) {
                abort("left the loop's frame");
                return;
            }
            innerLoopLeft(pc);
        }
        if (!ours) {
            if (insideCall) {
                return;
            }
            abort(frameBase > base && registers == stack ? "NYI: call to a Lua function" : "left the loop's frame");
            return;
        }
        insideCall = false;
        currentPc = pc;
        try {
            complete(pc);
            if (inlined.isEmpty() && pc == startPc && (tree == null || recorded > 0) && !(function && recorded == 0)) {
                if (function || tree != null && tree.function) {
                    throw new Abort("NYI: a jump back to the function's first instruction");
                }
                if (tree == null) {
                    finish();
                } else {
                    link();
                }
                return;
            }
            if (inlined.isEmpty() && (pc < first || pc > last)) {
                if (!mayGoAround(pc)) {
                    leftLoop = true;
                    throw new Abort("loop left");
                }
                wentAround = true;
                first = 0;
                last = proto.instructionCount() - 1;
            }
            if (++recorded > MAX_INSTRUCTIONS || ir.code.size() - sideStart > MAX_INSTRUCTIONS) {
                throw new Abort("trace too long");
            }
            record(pc);
        } catch (Abort e) {
            abort(e.getMessage());
        }
    }

    /**
     * A root recording that left its loop at {@code pc}, once the retries on the next iteration
     * are spent ({@link JitEngine#retriesLeftLoop}: a recording that goes round when an
     * iteration breaks out makes a trace whose loop is the break, mandelbrot-bit 2x slower),
     * goes on when {@code pc} is in the body of
     * a numeric {@code for}, {@code while} or {@code repeat} loop around it: through the rest of
     * that body and its loop instruction, round to its own loop again, so that a loop that runs
     * an iteration or two each time it is entered (which the interpreter may then never count
     * hot by its backward jumps) gets one trace of the path around, and its longer runs side
     * traces, instead of being aborted as left, with its outer loop waiting for it forever.
     * Not for a {@code for ... in} loop, whose iterator is set up outside it.
     */
    private boolean mayGoAround(int pc) {
        int[] code = proto.code();
        if (tree != null || function || wentAround || code[startPc * 4] == Op.TFORLOOP || engine.retriesLeftLoop(proto, slot())) {
            return false;
        }
        for (int q = last + 1; q < proto.instructionCount(); q++) {
            int op = code[q * 4];
            int target = q + 1 + code[q * 4 + 2];
            boolean backward = op == Op.FORLOOP || op == Op.JMP && target <= q;
            if (backward && target <= first && target <= pc && pc <= q) {
                return true;
            }
        }
        return false;
    }

    /** Whether the loop whose head (LOOP) is at {@code pc} has the recorded loop inside its body. */
    private boolean enclosesStart(int pc) {
        return pc < startPc && startPc <= lastBackwardJump(frameProto.code(), pc) && inlined.isEmpty();
    }

    /** Whether the numeric {@code for} whose FORLOOP (jumping back by {@code b}) is at {@code pc} has the recorded loop inside its body. */
    private boolean forLoopEnclosesStart(int pc, int b) {
        return pc + 1 + b <= startPc && startPc < pc && inlined.isEmpty();
    }

    /** Whether {@code pc} of the activation at {@code frameBase} runs as part of the inner loop being skipped. */
    private boolean insideInnerLoop(LuaClosure cl, int pc, ValueStack registers, int frameBase) {
        return isLoopFrame(cl, registers, frameBase) ? pc >= innerFirst && pc <= innerLast
                : registers == stack && frameBase > base + frameOffset;
    }

    /** Whether an instruction of {@code cl} at {@code frameBase} runs in the frame being recorded (the loop's, or an inlined call's). */
    private boolean isLoopFrame(LuaClosure cl, ValueStack registers, int frameBase) {
        return cl == frameClosure && registers == stack && frameBase == base + frameOffset;
    }

    /**
     * The inner loop a side trace skips runs by its trace (and so do loops in functions it
     * calls), not instruction by instruction: how long it runs is then no concern of the
     * recording. A root trace's recording steps through it: the inner tree may have grown side
     * traces around the loop being recorded, which would run that loop to its end.
     */
    @Override
    public boolean letsCompiledLoopRun(LuaClosure cl, int pc, ValueStack registers, int frameBase) {
        return !finished && tree != null && innerLast >= 0 && insideInnerLoop(cl, pc, registers, frameBase);
    }

    /**
     * FORPREP of a loop inside the recorded one, whose own trace the outer trace will run:
     * FORPREP's work recorded (its control values must be numbers), then the instructions of
     * the inner loop skipped until the interpreter leaves it ({@link #innerLoopLeft}).
     */
    private void recordInnerLoop(int a, int b, int pc) {
        int forLoop = pc + 1 + b;
        if ((tree != null || wentAround) && forLoop == startPc && inlined.isEmpty()) {
            // A side trace, or a root gone around, coming round to the root's own loop: it links
            // or closes the loop there next.
            prepareForLoop(a, pc);
            return;
        }
        callInsteadOfInlining();
        if (!(frameProto.loopTraces()[forLoop] instanceof CompiledLoop inner)) {
            waitsForLoopAt = forLoop;
            throw new Abort("NYI: inner loop not compiled yet");
        }
        prepareForLoop(a, pc);
        innerTrace = inner;
        innerSnapshot = ir.snapshot(snapshot(forLoop));
        innerFirst = pc + 1;
        innerLast = forLoop;
        skipped = 0;
    }

    /**
     * FORPREP's work when it goes straight to its FORLOOP (the loop is entered there): the
     * index set to start - step, guarded to give the start back exactly (fractions may not) and
     * the start guarded not to be -0 (1 / -0 is -inf; the interpreter's first iteration keeps
     * -0). Otherwise the guards leave at FORPREP, which the interpreter runs.
     */
    private void prepareForLoop(int a, int pc) {
        int start = load(a, pc);
        int limit = load(a + 1, pc);
        int step = load(a + 2, pc);
        if (ir.typeOf(start) != IrType.NUM || ir.typeOf(limit) != IrType.NUM || ir.typeOf(step) != IrType.NUM) {
            throw new Abort("NYI: inner loop whose start, limit or step is not a number");
        }
        double startValue = (Double) value(a);
        double stepValue = (Double) value(a + 2);
        if (startValue - stepValue + stepValue != startValue || 1 / startValue == Double.NEGATIVE_INFINITY) {
            throw new Abort("NYI: for loop whose first index is not start - step + step");
        }
        // The inner trace starts at its FORLOOP, which adds the step: it is entered with the
        // index before the start, guarded to give the start back exactly (fractions may not) and
        // the start guarded not to be -0 (1 / -0 is -inf; the interpreter's first iteration keeps -0).
        int before = ir.emit(new Ir(IrOp.SUB, IrType.NUM, start, step, Ir.NONE, null, null, null, pc));
        int again = ir.emit(new Ir(IrOp.ADD, IrType.NUM, before, step, Ir.NONE, null, null, null, pc));
        guard(new Ir(IrOp.GCMP, IrType.VOID, again, start, Ir.NONE, null, Compare.EQ, null, pc), pc);
        int inverse = ir.emit(new Ir(IrOp.DIV, IrType.NUM, constant(1.0, pc), start, Ir.NONE, null, null, null, pc));
        guard(new Ir(IrOp.GCMP, IrType.VOID, inverse, constant(Double.NEGATIVE_INFINITY, pc), Ir.NONE, null, Compare.NE, null, pc), pc);
        set(a, before);
        set(a + 1, limit);
        set(a + 2, step);
    }

    /**
     * An inner loop met inside a call recorded inline: the function called from the loop's own
     * frame (the outermost call recorded inline) is called, not recorded inline, from then on
     * ({@link JitEngine#callsNotInlined}), and this recording is given up. Its loops then run
     * by their traces inside its function trace, which the loop's trace calls directly, instead
     * of the loop's trace growing to hold the function and its loops' exits (ray.lua's loops
     * over pixels, around a function whose callees loop over a scene).
     */
    private void callInsteadOfInlining() {
        if (inlined.isEmpty()) {
            return;
        }
        java.util.Iterator<Inlined> outerFirst = inlined.descendingIterator();
        Inlined outermost = outerFirst.next();
        LuaClosure callee = outerFirst.hasNext() ? outerFirst.next().closure() : frameClosure;
        if (outermost.wanted() < 0 || engine.callsNotInlined(callee.prototype())) {
            // (Open results, which only a call recorded inline takes; or called already where it can be.)
            return;
        }
        engine.callNotInlined(callee.prototype());
        throw new Abort("an inner loop in a function recorded inline: the function is called from now on");
    }

    /**
     * LOOP, the head of a {@code while} or {@code repeat} loop inside the recorded one, whose
     * own trace the outer trace will run from this instruction: the loop's instructions are
     * skipped until the interpreter leaves it, as for a numeric {@code for} ({@link #recordInnerLoop}).
     */
    private void recordInnerWhileLoop(int pc) {
        callInsteadOfInlining();
        if (!(frameProto.loopTraces()[pc] instanceof CompiledLoop inner)) {
            waitsForLoopAt = pc;
            throw new Abort("NYI: inner loop not compiled yet");
        }
        innerTrace = inner;
        innerSnapshot = ir.snapshot(snapshot(pc));
        innerFirst = pc;
        innerLast = lastBackwardJump(frameProto.code(), pc);
        skipped = 0;
    }

    /**
     * The jump at {@code jump} into a {@code for ... in} loop inside the recorded one (or met by a
     * side trace), whose head is the TFORLOOP at {@code head}: run by the loop's own trace from
     * its head, the loop's instructions skipped while the interpreter runs it, as for a numeric
     * {@code for}.
     */
    private void recordInnerIteratorLoop(int jump, int head) {
        callInsteadOfInlining();
        if (!(frameProto.loopTraces()[head] instanceof CompiledLoop inner)) {
            waitsForLoopAt = head;
            throw new Abort("NYI: inner loop not compiled yet");
        }
        innerTrace = inner;
        innerSnapshot = ir.snapshot(snapshot(head));
        innerFirst = jump + 1;
        innerLast = head;
        skipped = 0;
    }

    /**
     * The interpreter left the inner loop at {@code pc}: the trace runs the inner loop's trace
     * and continues here when that trace stops here too. Every register may have changed: the
     * trace reads them from the frame again ({@code RLOAD}), and has written none since.
     */
    private void innerLoopLeft(int pc) {
        int call = ir.emit(new Ir(IrOp.LOOPCALL, IrType.VOID, Ir.NONE, Ir.NONE, Ir.NONE, null, innerTrace, pc, innerLast));
        ir.at(call).snapshot = innerSnapshot;
        effects++;
        // The inner trace's registers are counted from its frame, inside calls recorded inline or not.
        innerTrace.keptRegisters().stream().map(r -> r + frameOffset).filter(t -> t < proto.frameSize()).forEach(kept::set);
        innerTrace.exposedRegisters().stream().map(r -> r + frameOffset).filter(t -> t < proto.frameSize()).forEach(writes::set);
        mayRunLua |= innerTrace.mayRunLua();
        java.util.Arrays.fill(registerRef, Ir.NONE);
        java.util.Arrays.fill(written, false);
        afterInnerLoop = true;
        heldInFrame = null;
        innerLast = -1;
        innerTrace = null;
    }

    /**
     * LOOP (a {@code while} or {@code repeat} head) met by a side trace: the root's own head
     * where the side trace started (its body is recorded next), the head of a loop around the
     * root (nothing to do: the next iteration of that loop starts), or an inner loop, run by its
     * trace as in a root trace. A loop around the root that has its own trace is entered there.
     */
    private void sideLoopHead(int pc) {
        boolean encloses = enclosesStart(pc);
        if (pc == startPc && inlined.isEmpty()) {
            return;
        }
        if (encloses) {
            if (frameProto.loopTraces()[pc] != null || outerLoopsRecorded.get(pc)) {
                leave(pc, true);
            }
            outerLoopsRecorded.set(pc);
            return;
        }
        recordInnerWhileLoop(pc);
    }

    /**
     * A root gone around its loop meets the loop instruction of a loop around it: recorded as an
     * instruction, unless that loop has a trace of its own, which would run the recorded one.
     * Then the recording is tried again on the loop's next iteration, as when it leaves its loop
     * with none around it: the next may well come back to the loop instruction without leaving.
     */
    private void goRoundOuterLoop(int pc) {
        if (frameProto.loopTraces()[pc] != null) {
            leftLoop = true;
            throw new Abort("loop left round a loop with a trace of its own");
        }
    }

    /**
     * FORLOOP met by a side trace: the root's own (where the side trace started), or that of a
     * loop around the root, recorded as an instruction: the step added, the limit compared, the
     * loop variable set. A loop around the root that has its own trace is entered there.
     */
    private void sideForLoop(int a, int b, int pc) {
        boolean encloses = forLoopEnclosesStart(pc, b);
        if (!(pc == startPc && inlined.isEmpty()) && !encloses) {
            throw new Abort("NYI: inner loop");
        }
        if (pc != startPc && (frameProto.loopTraces()[pc] != null || outerLoopsRecorded.get(pc))) {
            leave(pc, true);
            return;
        }
        if (pc != startPc) {
            outerLoopsRecorded.set(pc);
        }
        int index = load(a, pc);
        int limit = load(a + 1, pc);
        int step = load(a + 2, pc);
        if (ir.typeOf(index) != IrType.NUM || ir.typeOf(limit) != IrType.NUM || ir.typeOf(step) != IrType.NUM) {
            throw new Abort("NYI: for loop whose index, limit or step is not a number");
        }
        double stepValue = (Double) value(a + 2);
        if (stepValue == 0) {
            throw new Abort("NYI: for loop with a zero step");
        }
        double next = (Double) value(a) + stepValue;
        double limitValue = (Double) value(a + 1);
        boolean continues = stepValue > 0 ? next <= limitValue : next >= limitValue;
        Compare going = stepValue > 0 ? Compare.LE : Compare.GE;
        guard(new Ir(IrOp.GCMP, IrType.VOID, step, constant(0.0, pc), Ir.NONE, null, stepValue > 0 ? Compare.GT : Compare.LE, null, pc), pc);
        int nextRef = ir.emit(new Ir(IrOp.ADD, IrType.NUM, index, step, Ir.NONE, null, null, null, pc));
        // The index and variable are set either way: after the loop they are dead, so the exit
        // that continues it and the one that leaves it can both write them.
        set(a, nextRef);
        set(a + 3, nextRef);
        int body = pc + 1 + b;
        guard(new Ir(IrOp.GCMP, IrType.VOID, nextRef, limit, Ir.NONE, null, continues ? going : going.negate(), null, pc),
                continues ? pc + 1 : body);
    }

    /**
     * A side trace back at its root's loop instruction: the frame written back, and the root
     * run again with the registers it loads at entry given the side trace's values, each of
     * the type the root assumes (guarded here when not known). A value that cannot have that
     * type would leave at once every time: the side trace is abandoned instead.
     */
    private void link() {
        int[] values = new int[ir.entryLoads];
        for (int j = 0; j < values.length; j++) {
            Ir load = ir.at(j);
            values[j] = linkValue(load, (Integer) load.aux);
        }
        int l = ir.emit(new Ir(IrOp.LINK, IrType.VOID, Ir.NONE, Ir.NONE, Ir.NONE, values, null, null, startPc));
        ir.at(l).snapshot = ir.snapshot(snapshot(startPc));
        finished = true;
        engine.sideFinished(this);
    }

    /** What register {@code r} holds as the root's entry {@code load} reads it. */
    private int linkValue(Ir load, int r) {
        int v = load(r, startPc);
        IrType type = ir.typeOf(v);
        Object known = type == IrType.REF ? LoopPeeling.classOf(ir, v) : Double.class;
        if (load.op == IrOp.SLOADV) {
            return type == IrType.INT ? boxed(ir.emit(new Ir(IrOp.TONUM, IrType.NUM, v, Ir.NONE, Ir.NONE, null, null, null, startPc)), startPc)
                    : boxed(v, startPc);
        }
        if (load.op == IrOp.SLOADN) {
            if (type == IrType.NUM) {
                return v;
            }
            if (type == IrType.INT) {
                return ir.emit(new Ir(IrOp.TONUM, IrType.NUM, v, Ir.NONE, Ir.NONE, null, null, null, startPc));
            }
            if (known != LoopPeeling.UNKNOWN) {
                throw new Abort("type instability in register " + r + " at the link");
            }
            return guard(new Ir(IrOp.UNBOX, IrType.NUM, v, Ir.NONE, Ir.NONE, null, null, null, startPc), startPc);
        }
        if (type == IrType.LONG && load.aux2 == Cdata.Int64.class) {
            // The root unboxes it again after its load.
            return boxed(v, startPc);
        }
        if (type != IrType.REF || known != LoopPeeling.UNKNOWN && known != load.aux2) {
            throw new Abort("type instability in register " + r + " at the link");
        }
        return known == load.aux2 ? v : guard(new Ir(IrOp.GCLASS, IrType.REF, v, Ir.NONE, Ir.NONE, null, null, load.aux2, startPc), startPc);
    }

    /**
     * The end of a side trace, or of a function trace at its return or tail call, at {@code pc},
     * where the interpreter goes on: entering the trace of the loop instruction there at once
     * when {@code enter}.
     */
    private void leave(int pc, boolean enter) {
        int l = ir.emit(new Ir(IrOp.LEAVE, IrType.VOID, Ir.NONE, Ir.NONE, Ir.NONE, null, pc, enter, pc));
        ir.at(l).snapshot = ir.snapshot(snapshot(pc));
        if (tree == null) {
            // A function trace's own end, at its return or tail call.
            finish();
        } else {
            finished = true;
            engine.sideFinished(this);
        }
    }

    private void abort(String reason) {
        finished = true;
        if (tree != null) {
            engine.sideAborted(this, reason);
        } else {
            engine.recordingAborted(this, reason);
        }
    }

    private void finish() {
        finished = true;
        engine.recordingFinished(this);
    }

    /** Whether this records a function trace (from its entry to its return) rather than a loop. */
    boolean isFunction() {
        return function;
    }

    /** Where the trace is installed in {@code Prototype.loopTraces}: the loop instruction, or the function's entry. */
    int slot() {
        return function ? proto.functionEntry() : startPc;
    }

    // ---- registers and values

    /** The value in register {@code r} of the recorded function now, a number as a Double. */
    private Object value(int r) {
        int slot = base + frameOffset + r;
        Object v = TraceAccess.slots(stack)[slot];
        return v == TraceAccess.NUMBER ? (Object) TraceAccess.nums(stack)[slot] : v;
    }

    private void ensureRegisters(int count) {
        if (count > registerRef.length) {
            int old = registerRef.length;
            registerRef = java.util.Arrays.copyOf(registerRef, Math.max(count, old * 2));
            written = java.util.Arrays.copyOf(written, registerRef.length);
            java.util.Arrays.fill(registerRef, old, registerRef.length, Ir.NONE);
        }
    }

    /** The IR value register {@code r} holds, loaded with a type guard on first use; a failing guard re-runs {@code pc}. */
    private int load(int r, int pc) {
        int t = frameOffset + r;
        ensureRegisters(t + 1);
        int ref = registerRef[t];
        if (ref != Ir.NONE) {
            return ref;
        }
        if (t >= proto.frameSize() && !(afterInnerLoop && !inlined.isEmpty() && t < frameOffset + frameProto.frameSize())) {
            // (An inlined function's registers are all written when it is entered; after an inner
            // loop ran inside it, they are read from its frame again.)
            throw new Abort("NYI: a register above the loop's frame read before it is written");
        }
        if (t < proto.frameSize()) {
            kept.set(t);
        }
        Object v = value(r);
        int held = afterInnerLoop ? heldAtEntry(t, v) : Ir.NONE;
        if (held != Ir.NONE) {
            registerRef[t] = held;
            return held;
        }
        // Loads are of the loop frame's registers (an upvalue an inlined function shares with it), counted from its base.
        Ir load = v instanceof Double
                ? new Ir(afterInnerLoop ? IrOp.RLOADN : IrOp.SLOADN, IrType.NUM, Ir.NONE, Ir.NONE, Ir.NONE, null, t, null, pc)
                : new Ir(afterInnerLoop ? IrOp.RLOADR : IrOp.SLOADR, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, null, t, classOf(v), pc);
        ref = int64.unboxed(guard(load, pc), v, pc);
        registerRef[t] = ref;
        return ref;
    }

    /** The root's entry load of register {@code t}, whose value {@code v} the frame holds since (see {@link #heldInFrame}); else {@link Ir#NONE}. */
    private int heldAtEntry(int t, Object v) {
        if (heldInFrame == null || t >= heldInFrame.length || heldInFrame[t] == Ir.NONE) {
            return Ir.NONE;
        }
        Ir load = ir.at(heldInFrame[t]);
        boolean same = load.op == IrOp.SLOADN ? v instanceof Double : load.aux2 == classOf(v);
        return same ? heldInFrame[t] : Ir.NONE;
    }

    /** Register {@code r} of the loop's frame at entry as a Lua value, with no guard on its type. */
    private int loadValue(int r) {
        ensureRegisters(r + 1);
        kept.set(r);
        registerRef[r] = ir.emit(new Ir(IrOp.SLOADV, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, null, r, null, startPc));
        return registerRef[r];
    }

    private static Class<?> classOf(Object v) {
        return v == null ? null : v.getClass();
    }

    private void set(int r, int ref) {
        int t = frameOffset + r;
        ensureRegisters(t + 1);
        registerRef[t] = ref;
        written[t] = true;
        if (t < proto.frameSize()) {
            kept.set(t);
            writes.set(t);
        }
    }

    /**
     * Operand {@code x} ({@code ref} its IR value) as a number when it is one now and {@code ref}
     * is a Lua value of no known type: a table read or a call's result a parent trace left
     * unchecked, which a side trace inherits from its exit (euler14's {@code x + len}, with {@code x}
     * read where the root found nil). Guarded to be a number, the arithmetic or comparison on it
     * is a number's rather than the generic {@link IrOp#ARITHV}'s or {@link IrOp#CMPV}'s, which
     * box their operands and call out; a register keeps the number for its later reads.
     */
    private int numeric(int ref, int x, int pc) {
        if (ir.typeOf(ref) != IrType.REF || LoopPeeling.classOf(ir, ref) != LoopPeeling.UNKNOWN
                || !(operandValue(x) instanceof Double)) {
            return ref;
        }
        int number = guard(new Ir(IrOp.UNBOX, IrType.NUM, ref, Ir.NONE, Ir.NONE, null, null, null, pc), pc);
        if (x >= 0) {
            registerRef[frameOffset + x] = number;
        }
        return number;
    }

    /** An RK operand: a register, or constant {@code -1-x}. */
    int operand(int x, int pc) {
        return x >= 0 ? load(x, pc) : constantOf(frameProto.constants()[-1 - x], pc);
    }

    Object operandValue(int x) {
        return x >= 0 ? value(x) : frameProto.constants()[-1 - x];
    }

    private int constantOf(Object k, int pc) {
        if (k instanceof Cdata.Int64 i) {
            return int64.constant(i, pc);
        }
        return k instanceof Double d ? constant(d, pc) : ir.emit(new Ir(IrOp.KREF, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, null, k, null, pc));
    }

    private int constant(double d, int pc) {
        return ir.emit(new Ir(IrOp.KNUM, IrType.NUM, Ir.NONE, Ir.NONE, Ir.NONE, null, d, null, pc));
    }

    private int nil(int pc) {
        return constantOf(null, pc);
    }

    /** A value as a Lua value reference: a number boxed, a 64-bit integer made a cdata. */
    private int boxed(int ref, int pc) {
        return ir.typeOf(ref) == IrType.NUM ? ir.emit(new Ir(IrOp.BOX, IrType.REF, ref, Ir.NONE, Ir.NONE, null, null, null, pc)) : int64.boxed(ref, pc);
    }

    /** An upvalue read typed NUM: guarded to be a number, so it leaves the trace when it is not. */
    static boolean isNumberUpvalueRead(Ir x) {
        return x.op == IrOp.UGET && x.type == IrType.NUM;
    }

    /** Emits a guard or call with a snapshot of the registers written so far, resuming at {@code exitPc}. */
    int guard(Ir instruction, int exitPc) {
        if (hasSideEffect(instruction.op)) {
            effects++;
        }
        int before = ir.code.size();
        int ref = ir.emit(instruction);
        // A guard folded into a constant (TOINT of a constant) needs no exit.
        if (ref >= before && (ir.at(ref).op.isGuard() || ir.at(ref).op.isCall() || isNumberUpvalueRead(ir.at(ref)))) {
            ir.at(ref).snapshot = takingOpenResults() ? open.exit() : ir.snapshot(snapshot(exitPc));
        }
        return ref;
    }

    /** The function being recorded now (the loop's, or an inlined one): where an abort happened. */
    Prototype currentProto() {
        return frameProto;
    }

    /** The function whose upvalues and globals an instruction reads: null for the loop's own (the trace's closure argument). */
    private LuaClosure inlinedClosure() {
        return inlined.isEmpty() ? null : frameClosure;
    }

    /**
     * What an {@link IrOp#UGET} or {@link IrOp#USET} of upvalue {@code index} of the running
     * function names as its variable: the upvalue itself when the closure is known (recorded
     * inline, or the trace's own under its {@code GCLOSURE} guard), after a {@code GFIXED} guard,
     * which {@code debug.upvaluejoin} fails before it gives a closure another upvalue; else an
     * inlined closure, or null for the trace's own closure, read at run time.
     */
    private Object upvalueOwner(int index, int pc) {
        if (!isClosureKnown() || !engine.foldsFixedUpvalues()) {
            return inlinedClosure();
        }
        guard(new Ir(IrOp.GFIXED, IrType.VOID, Ir.NONE, Ir.NONE, Ir.NONE, null, engine.fixedVariablesSite(), null, pc), pc);
        return frameClosure.upvalueIdentity(index);
    }

    private boolean isIntegerGuardExit(int exit) {
        for (Ir x : ir.code) {
            if (x.op == IrOp.INTOF && x.snapshot == exit) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether upvalue {@code index} of the function being recorded is a constant of the trace: the
     * function is an inlined one (its closure is guarded, so its upvalues are these objects) and
     * the variable is never assigned after its declaration (so its value is this one), as long
     * as the debug library has not rewritten variables ({@link JitEngine#variablesRewritten}).
     * The loop's own closure is known when the root guards it ({@link #guardClosureIfOnlyOne}).
     */
    private boolean isFixedUpvalueOfKnownClosure(int index) {
        return isClosureKnown() && engine.foldsFixedUpvalues() && frameProto.upvalues().get(index).isFixed();
    }

    /** Whether the running function's closure is a constant of the trace: recorded inline, or the trace's own under its {@code GCLOSURE} guard. */
    private boolean isClosureKnown() {
        return inlinedClosure() != null || ir.knownClosure == frameClosure;
    }

    private static boolean hasSideEffect(IrOp op) {
        return op == IrOp.USET || op == IrOp.CSTORE || op == IrOp.HSETK || op.isCall();
    }

    /** The registers the iteration wrote and the values they hold at its end: what the loop carries. */
    Snapshot endState() {
        return snapshot(startPc);
    }

    private Snapshot snapshot(int exitPc) {
        InlinedFrames frames = insideNow();
        int frame = Math.min(written.length, frames == null ? proto.frameSize() : frames.extent());
        // In the loop's own function, a register dead where the interpreter resumes is not written.
        RegisterLiveness live = frames == null ? liveness() : null;
        int count = 0;
        for (int r = 0; r < frame; r++) {
            count += written[r] && (live == null || live.isLive(exitPc, r)) ? 1 : 0;
        }
        int[] registers = new int[count];
        int[] refs = new int[count];
        int j = 0;
        for (int r = 0; r < frame; r++) {
            if (written[r] && (live == null || live.isLive(exitPc, r))) {
                registers[j] = r;
                refs[j++] = registerRef[r];
            }
        }
        return new Snapshot(exitPc, registers, refs, frames);
    }

    private RegisterLiveness liveness;

    /** The liveness of the loop function's registers, computed at the first snapshot. */
    private RegisterLiveness liveness() {
        if (liveness == null) {
            liveness = RegisterLiveness.of(proto);
        }
        return liveness;
    }

    /** The calls recorded inline now, outermost first, as {@link InlinedFrames}; null in the loop's own function. */
    private InlinedFrames insideNow() {
        if (inlined.isEmpty() || inside != null) {
            return inside;
        }
        java.util.List<Inlined> outerFirst = new java.util.ArrayList<>(inlined);
        java.util.Collections.reverse(outerFirst);
        int depth = outerFirst.size();
        LuaClosure[] closures = new LuaClosure[depth];
        int[] offsets = new int[depth];
        int[] callPcs = new int[depth];
        for (int j = 0; j < depth; j++) {
            boolean innermost = j == depth - 1;
            closures[j] = innermost ? frameClosure : outerFirst.get(j + 1).closure();
            offsets[j] = innermost ? frameOffset : outerFirst.get(j + 1).offset();
            callPcs[j] = outerFirst.get(j).callPc();
        }
        int extent = Math.max(proto.frameSize(), frameOffset + frameProto.frameSize());
        inside = new InlinedFrames(closures, offsets, callPcs, extent);
        return inside;
    }

    // ---- completing the previous instruction

    private void complete(int pc) {
        switch (pending) {
            case NONE -> {
            }
            case RESULT -> specialize(pendingRegister, pendingRef, pc);
            case RESULTS -> {
                for (int i = 0; i < pendingRegisters.length; i++) {
                    specialize(pendingRegisters[i], pendingRefs[i], pc);
                }
            }
            case BRANCH -> branchTaken(pc);
            case RELOAD -> reloadResults(pc);
        }
        pending = Pending.NONE;
    }

    /**
     * Fixes the type of a result only running it told: a number is unboxed behind a guard, any
     * other value guarded to its class. A failing guard resumes at {@code nextPc} with the
     * result written as it came.
     */
    private void specialize(int r, int ref, int nextPc) {
        Object v = value(r);
        set(r, ref);
        if (ir.typeOf(ref) == IrType.NUM) {
            return;
        }
        Ir check = v instanceof Double
                ? new Ir(IrOp.UNBOX, IrType.NUM, ref, Ir.NONE, Ir.NONE, null, null, null, nextPc)
                : new Ir(IrOp.GCLASS, IrType.REF, ref, Ir.NONE, Ir.NONE, null, null, classOf(v), nextPc);
        set(r, int64.unboxed(guard(check, nextPc), v, nextPc));
    }

    private void expectResult(int pc, int r, int ref) {
        set(r, ref);
        pending = Pending.RESULT;
        pendingPc = pc;
        pendingRegister = r;
        pendingRef = ref;
    }

    /** A comparison of Lua values whose outcome only running it told ({@link IrOp#CMPV}): guarded now. */
    private void branchTaken(int nextPc) {
        int[] code = frameProto.code();
        int skip = pendingPc + 2 + code[(pendingPc + 1) * 4 + 2];
        if (skip == pendingPc + 2) {
            return;
        }
        boolean isTrue = (nextPc == skip) == (code[pendingPc * 4 + 1] != 0);
        guard(new Ir(IrOp.GTRUTH, IrType.VOID, pendingRef, Ir.NONE, Ir.NONE, null, isTrue, null, pendingPc), nextPc == skip ? pendingPc + 2 : skip);
    }

    // ---- recording one instruction

    private void record(int pc) {
        if (open != null && !(pc == open.takerPc() && frameOffset == open.frameOffset())) {
            open = null;
        }
        int[] code = frameProto.code();
        int op = code[pc * 4];
        int a = code[pc * 4 + 1];
        int b = code[pc * 4 + 2];
        int c = code[pc * 4 + 3];
        switch (op) {
            case Op.MOVE -> set(a, load(b, pc));
            case Op.LOADK -> set(a, constantOf(frameProto.constants()[b], pc));
            case Op.LOADBOOL -> set(a, constantOf(b != 0, pc));
            case Op.LOADNIL -> {
                for (int r = a; r < a + b; r++) {
                    set(r, nil(pc));
                }
            }
            case Op.GETUPVAL -> {
                int register = upvalueInLoopFrame(b, pc);
                if (register != NO_REGISTER) {
                    set(a, load(register - frameOffset, pc));
                } else if (isFixedUpvalueOfKnownClosure(b)) {
                    guard(new Ir(IrOp.GFIXED, IrType.VOID, Ir.NONE, Ir.NONE, Ir.NONE, null, engine.fixedVariablesSite(), null, pc), pc);
                    set(a, constantOf(frameClosure.upvalue(b), pc));
                } else if (frameClosure.upvalue(b) instanceof Double) {
                    // A number read unboxed, guarded to be one (as HGETK typed NUM): no box made, none unboxed.
                    set(a, guard(new Ir(IrOp.UGET, IrType.NUM, Ir.NONE, Ir.NONE, Ir.NONE, null, b, upvalueOwner(b, pc), pc), pc));
                } else {
                    expectResult(pc, a, guard(new Ir(IrOp.UGET, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, null, b, upvalueOwner(b, pc), pc), pc));
                }
            }
            case Op.SETUPVAL -> {
                int register = upvalueInLoopFrame(b, pc);
                if (register != NO_REGISTER) {
                    set(register - frameOffset, load(a, pc));
                } else {
                    // A number is stored unboxed (TraceAccess.setNumberIn).
                    int value = load(a, pc);
                    int stored = ir.typeOf(value) == IrType.NUM ? value : boxed(value, pc);
                    guard(new Ir(IrOp.USET, IrType.VOID, stored, Ir.NONE, Ir.NONE, null, b, upvalueOwner(b, pc), pc), pc);
                }
            }
            case Op.GETGLOBAL -> {
                LuaTable env = frameClosure.environment();
                int slot = constantKeySlot(env, -1 - b);
                Object own = ownValue(env, slot);
                if (own != null) {
                    // A global the environment holds: read at its slot as an object's own field
                    // (no metatable asked while it is not nil).
                    expectResult(pc, a, ownField(environment(env, pc), env, slot, own, pc));
                } else {
                    mayRunLua = true;
                    expectResult(pc, a, guard(new Ir(IrOp.GGET, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, null, frameProto.constants()[b], inlinedClosure(), pc), pc));
                }
            }
            case Op.SETGLOBAL -> {
                LuaTable env = frameClosure.environment();
                int slot = env.metatable() == null && !env.hasWeakValues() ? constantKeySlot(env, -1 - b) : -1;
                if (slot >= 0) {
                    // A global the environment has a slot for, in an environment with no metatable:
                    // stored raw at the slot, as a table's field is.
                    int table = environment(env, pc);
                    guard(new Ir(IrOp.GNOMETA, IrType.VOID, table, Ir.NONE, Ir.NONE, null, null, null, pc), pc);
                    guard(new Ir(IrOp.HSETK, IrType.VOID, table, int64.boxed(load(a, pc), pc), Ir.NONE, null, env.slotKey(slot), slot, pc), pc);
                } else {
                    mayRunLua = true;
                    guard(new Ir(IrOp.GSET, IrType.VOID, boxed(load(a, pc), pc), Ir.NONE, Ir.NONE, null, frameProto.constants()[b], inlinedClosure(), pc), pc);
                }
            }
            case Op.GETTABLE -> {
                int object = load(b, pc);
                int read = value(b) instanceof Cdata.Memory m ? cdata.read(object, m, c, pc)
                        : value(b) instanceof Cdata.Pointer p ? cdata.pointerRead(object, p, c, pc) : Ir.NONE;
                if (read != Ir.NONE) {
                    set(a, read);
                } else {
                    expectResult(pc, a, index(object, value(b), c, pc));
                }
            }
            case Op.SELF -> {
                int object = load(b, pc);
                int method = index(object, value(b), c, pc);
                set(a + 1, object);
                expectResult(pc, a, method);
            }
            case Op.SETTABLE -> recordStore(a, b, c, pc);
            case Op.NEWTABLE -> set(a, guard(new Ir(IrOp.TNEW, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, null, new int[] {b, c}, null, pc), pc));
            case Op.SETLIST -> recordSetList(a, b, c, pc);
            case Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MOD, Op.POW -> recordArith(op, a, b, c, pc);
            case Op.UNM -> {
                int x = numeric(load(b, pc), b, pc);
                int negated = int64.arith(Op.UNM, x, x, pc);
                if (ir.typeOf(x) == IrType.NUM) {
                    set(a, ir.emit(new Ir(IrOp.NEG, IrType.NUM, x, Ir.NONE, Ir.NONE, null, null, null, pc)));
                } else if (negated != Ir.NONE) {
                    set(a, negated);
                } else {
                    mayRunLua = true;
                    expectResult(pc, a, guard(new Ir(IrOp.ARITHV, IrType.REF, x, x, Ir.NONE, null, 6, null, pc), pc));
                }
            }
            case Op.NOT -> {
                int x = load(b, pc);
                set(a, ir.typeOf(x) == IrType.NUM || Int64Recording.isInt64(ir, x) ? constantOf(Boolean.FALSE, pc)
                        : ir.emit(new Ir(IrOp.NOT, IrType.REF, x, Ir.NONE, Ir.NONE, null, null, null, pc)));
            }
            case Op.LEN -> {
                int x = load(b, pc);
                Object v = value(b);
                if (v instanceof LuaTable || v instanceof LuaString) {
                    Class<?> kind = v instanceof LuaTable ? LuaTable.class : LuaString.class;
                    set(a, guard(new Ir(IrOp.LEN, IrType.NUM, x, Ir.NONE, Ir.NONE, null, kind, null, pc), pc));
                } else {
                    mayRunLua = true;
                    expectResult(pc, a, guard(new Ir(IrOp.LENV, IrType.REF, boxed(x, pc), Ir.NONE, Ir.NONE, null, null, null, pc), pc));
                }
            }
            case Op.JMP -> {
                // The jump into a for ... in loop: to its TFORLOOP, which loops back to just after
                // the jump (a goto to the end of a loop's body jumps there too, but from inside it).
                int target = pc + 1 + b;
                if (target > pc && code[target * 4] == Op.TFORLOOP && target + 1 + code[target * 4 + 2] == pc + 1
                        && !(inlined.isEmpty() && target == startPc)) {
                    recordInnerIteratorLoop(pc, target);
                }
            }
            case Op.EQ, Op.LT, Op.LE -> recordCompare(op, a, b, c, pc);
            case Op.TEST -> {
                int x = load(a, pc);
                boolean falsy = LuaType.isFalsy(value(a));
                int jump = pc + 2 + code[(pc + 1) * 4 + 2];
                int taken = falsy == (c != 0) ? pc + 2 : jump;
                if (ir.typeOf(x) != IrType.NUM && !Int64Recording.isInt64(ir, x) && jump != pc + 2) {
                    guard(new Ir(IrOp.GTRUTH, IrType.VOID, x, Ir.NONE, Ir.NONE, null, !falsy, null, pc), taken == jump ? pc + 2 : jump);
                }
            }
            case Op.TESTSET -> recordTestSet(a, b, c, pc);
            case Op.CALL -> recordCall(a, b, c, pc);
            case Op.CONCAT -> {
                int[] values = new int[c - b + 1];
                for (int r = b; r <= c; r++) {
                    values[r - b] = boxed(load(r, pc), pc);
                }
                mayRunLua = true;
                // Its operands' registers counted from the loop frame's base, where an error names them.
                expectResult(pc, a, guard(new Ir(IrOp.CONCAT, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, values, frameOffset + b, null, pc), pc));
            }
            case Op.FORPREP -> recordInnerLoop(a, b, pc);
            case Op.CLOSE -> {
                // Nothing to close: an open upvalue on a register of the loop's body comes from a
                // closure made in the body, and CLOSURE is not recorded; those of earlier
                // iterations were closed at the end of their block, before the loop head.
            }
            case Op.LOOP -> {
                if (tree != null) {
                    sideLoopHead(pc);
                } else if (wentAround && enclosesStart(pc)) {
                    goRoundOuterLoop(pc);
                } else {
                    recordInnerWhileLoop(pc);
                }
            }
            case Op.FORLOOP -> {
                if (tree == null) {
                    if (!wentAround || !forLoopEnclosesStart(pc, b)) {
                        throw new Abort("NYI: inner loop");
                    }
                    goRoundOuterLoop(pc);
                }
                sideForLoop(a, b, pc);
            }
            case Op.TFORLOOP -> throw new Abort("NYI: inner loop");
            case Op.RETURN -> {
                // (Not a return of open results: the interpreter would not know their top.)
                if (inlined.isEmpty() && function && tree == null) {
                    // A function trace ends at its function's return, which the interpreter runs.
                    if (b == 0) {
                        throw new Abort("NYI: return of open results");
                    }
                    leave(pc, false);
                    return;
                }
                if (inlined.isEmpty() && tree != null && recorded > 1 && b != 0) {
                    // A side trace ends where its function returns, as LuaJIT's stop there: the
                    // interpreter runs the return, and what led to it ran compiled.
                    leave(pc, false);
                    return;
                }
                if (inlined.isEmpty()) {
                    throw new Abort("NYI: return from the loop");
                }
                recordReturn(a, b, pc);
            }
            case Op.TAILCALL -> recordTailCall(a, b, pc);
            default -> throw new Abort("NYI: " + dev.isthmus.lua.bytecode.Opcode.of(op));
        }
    }

    /**
     * The hash slot of the table where the constant string key {@code key} is now, or -1 (a
     * key in a register, a number, a key absent): a read or write there is specialised to it.
     */
    private int constantKeySlot(LuaTable t, int key) {
        return key < 0 && frameProto.constants()[-1 - key] instanceof LuaString name ? t.slotOf(name) : -1;
    }

    /** What table {@code t} holds at hash slot {@code slot} (from {@link #constantKeySlot}), or null for none (-1). */
    private static Object ownValue(LuaTable t, int slot) {
        return slot >= 0 ? t.get(t.slotKey(slot)) : null;
    }

    /** {@code object[RK(key)]}: a raw read from a table without metatable, else the full semantics. */
    private int index(int object, Object objectValue, int key, int pc) {
        int k = operand(key, pc);
        if (objectValue instanceof LuaTable t && t.metatable() == null) {
            guard(new Ir(IrOp.GNOMETA, IrType.VOID, object, Ir.NONE, Ir.NONE, null, null, null, pc), pc);
            // A number is read unboxed behind a guard that it still is one: a table may hold it
            // without a box, and a store from the trace stores it so.
            boolean number = t.get(operandValue(key)) instanceof Double;
            int slot = constantKeySlot(t, key);
            if (slot >= 0) {
                return guard(new Ir(IrOp.HGETK, number ? IrType.NUM : IrType.REF, object, Ir.NONE, Ir.NONE, null, t.slotKey(slot), slot, pc), pc);
            }
            if (number && ir.typeOf(k) == IrType.NUM) {
                return guard(new Ir(IrOp.TLOADN, IrType.NUM, object, k, Ir.NONE, null, null, null, pc), pc);
            }
            IrOp get = ir.typeOf(k) == IrType.NUM ? IrOp.TGETN : IrOp.TGETV;
            return ir.emit(new Ir(get, IrType.REF, object, k, Ir.NONE, null, null, null, pc));
        }
        if (objectValue instanceof LuaTable t) {
            int slot = constantKeySlot(t, key);
            Object own = ownValue(t, slot);
            if (own != null) {
                return ownField(object, t, slot, own, pc);
            }
        }
        if (objectValue instanceof LuaTable t && key < 0 && frameProto.constants()[-1 - key] instanceof LuaString name
                && indexTable(t, name) instanceof LuaTable owner) {
            return inherited(object, t, owner, name, pc);
        }
        if (objectValue instanceof LuaString && key < 0 && frameProto.constants()[-1 - key] instanceof LuaString name
                && TraceAccess.stringMetatable(frameClosure) instanceof LuaTable mt && fromIndexTable(mt, name) instanceof LuaTable owner) {
            // A string's method (s:sub(i, j)): what the string metatable's __index table holds.
            guard(new Ir(IrOp.GSMETA, IrType.VOID, Ir.NONE, Ir.NONE, Ir.NONE, null, mt, null, pc), pc);
            return throughIndexTable(mt, owner, name, pc);
        }
        if (key < 0 && objectValue instanceof FixedIndex fixed && fixed.fixedValue(frameProto.constants()[-1 - key]) instanceof Object v) {
            guard(new Ir(IrOp.GSAME, IrType.VOID, object, Ir.NONE, Ir.NONE, null, objectValue, null, pc), pc);
            return constantOf(v, pc);
        }
        mayRunLua = true;
        return guard(new Ir(IrOp.INDEX, IrType.REF, boxed(object, pc), boxed(k, pc), Ir.NONE, null, null, null, pc), pc);
    }

    /** The running function's environment, {@code env} when recorded, as a constant behind a guard that it still is ({@link IrOp#GENV}). */
    private int environment(LuaTable env, int pc) {
        guard(new Ir(IrOp.GENV, IrType.VOID, Ir.NONE, Ir.NONE, Ir.NONE, null, env, inlinedClosure(), pc), pc);
        return constantOf(env, pc);
    }

    /**
     * {@code object.name} of a table with a metatable that holds the field itself (an object's
     * own field, {@code self.centre}): its metatable is not asked while the value is not nil, so
     * the read is the raw one at the field's slot, guarded not nil (a number: to be a number),
     * whatever the metatable is, instead of the full semantics' call.
     */
    private int ownField(int object, LuaTable t, int slot, Object own, int pc) {
        boolean number = own instanceof Double;
        int value = guard(new Ir(IrOp.HGETK, number ? IrType.NUM : IrType.REF, object, Ir.NONE, Ir.NONE, null, t.slotKey(slot), slot, pc), pc);
        if (!number) {
            guard(new Ir(IrOp.GNOTNIL, IrType.VOID, value, Ir.NONE, Ir.NONE, null, null, null, pc), pc);
        }
        return value;
    }

    /**
     * The table that {@code t[name]} is read from when {@code t} lacks {@code name}: its
     * metatable's {@code __index} when that is a table holding {@code name} (a class of
     * objects, as {@code setmetatable(o, Class)} with {@code Class.__index = Class} makes); null
     * otherwise, and the read stays a call of the full semantics.
     */
    private static LuaTable indexTable(LuaTable t, LuaString name) {
        LuaTable mt = t.metatable();
        return mt == null || t.get(name) != null ? null : fromIndexTable(mt, name);
    }

    /** Metatable {@code mt}'s {@code __index} when it is a table holding {@code name}, else null. */
    private static LuaTable fromIndexTable(LuaTable mt, LuaString name) {
        return mt.get(LuaSemantics.INDEX) instanceof LuaTable owner && owner.slotOf(name) >= 0 ? owner : null;
    }

    /**
     * {@code object.name} read through the metatable's {@code __index} table {@code owner}:
     * guards that the object still has that metatable and still lacks the key, that the
     * metatable's {@code __index} is still {@code owner}, then {@code owner}'s field read at its
     * slot, a method call on an object becoming plain loads.
     */
    private int inherited(int object, LuaTable t, LuaTable owner, LuaString name, int pc) {
        LuaTable mt = t.metatable();
        guard(new Ir(IrOp.GMETA, IrType.VOID, object, Ir.NONE, Ir.NONE, null, mt, null, pc), pc);
        guard(new Ir(IrOp.GABSENT, IrType.VOID, object, Ir.NONE, Ir.NONE, null, name, null, pc), pc);
        return throughIndexTable(mt, owner, name, pc);
    }

    /** Metatable {@code mt}'s {@code __index}, guarded to be {@code owner} still, and {@code owner[name]} read at its slot. */
    private int throughIndexTable(LuaTable mt, LuaTable owner, LuaString name, int pc) {
        int metatable = constantOf(mt, pc);
        int indexSlot = mt.slotOf(LuaSemantics.INDEX);
        int handler = guard(new Ir(IrOp.HGETK, IrType.REF, metatable, Ir.NONE, Ir.NONE, null, mt.slotKey(indexSlot), indexSlot, pc), pc);
        guard(new Ir(IrOp.GSAME, IrType.VOID, handler, Ir.NONE, Ir.NONE, null, owner, null, pc), pc);
        int slot = owner.slotOf(name);
        boolean number = owner.get(name) instanceof Double;
        return guard(new Ir(IrOp.HGETK, number ? IrType.NUM : IrType.REF, constantOf(owner, pc), Ir.NONE, Ir.NONE, null, owner.slotKey(slot), slot, pc), pc);
    }

    private void recordStore(int a, int b, int c, int pc) {
        int object = load(a, pc);
        if (value(a) instanceof Cdata.Memory m && cdata.write(object, m, b, c, pc)
                || value(a) instanceof Cdata.Pointer p && cdata.pointerWrite(object, p, b, c, pc)) {
            return;
        }
        // A 64-bit integer key or value is stored as the cdata it is.
        int k = int64.boxed(operand(b, pc), pc);
        int v = int64.boxed(operand(c, pc), pc);
        if (value(a) instanceof LuaTable t && t.metatable() == null) {
            // A number is stored unboxed (HSETK, TSETN and TSETV take one as it is).
            guard(new Ir(IrOp.GNOMETA, IrType.VOID, object, Ir.NONE, Ir.NONE, null, null, null, pc), pc);
            int slot = constantKeySlot(t, b);
            if (slot >= 0 && !t.hasWeakValues()) {
                guard(new Ir(IrOp.HSETK, IrType.VOID, object, v, Ir.NONE, null, t.slotKey(slot), slot, pc), pc);
                return;
            }
            IrOp put = ir.typeOf(k) == IrType.NUM ? IrOp.TSETN : IrOp.TSETV;
            guard(new Ir(put, IrType.VOID, object, k, v, null, null, null, pc), pc);
        } else {
            mayRunLua = true;
            guard(new Ir(IrOp.SETINDEX, IrType.VOID, boxed(object, pc), boxed(k, pc), boxed(v, pc), null, null, null, pc), pc);
        }
    }

    /**
     * A table constructor's positional values, {@code b} of them from register {@code a + 1},
     * stored at keys {@code c + 1} on as raw number-key stores; the registers are free after.
     */
    private void recordSetList(int a, int b, int c, int pc) {
        if (b == 0) {
            throw new Abort("NYI: a table constructor ending in open results");
        }
        int t = load(a, pc);
        for (int j = 1; j <= b; j++) {
            int v = int64.boxed(load(a + j, pc), pc);
            guard(new Ir(IrOp.TSETN, IrType.VOID, t, constant(c + j, pc), v, null, null, null, pc), pc);
        }
    }

    private void recordArith(int op, int a, int b, int c, int pc) {
        int x = numeric(operand(b, pc), b, pc);
        int y = numeric(operand(c, pc), c, pc);
        // (Not an accumulation, s = s + i, whose register the loop writes: it would be counted in ints, guarded, every iteration.)
        int narrowed = op == Op.ADD && a != b && a != c ? narrowedSum(x, y, b, c, pc) : Ir.NONE;
        if (narrowed != Ir.NONE) {
            set(a, narrowed);
            return;
        }
        if (ir.typeOf(x) == IrType.NUM && ir.typeOf(y) == IrType.NUM) {
            IrOp arith = switch (op) {
                case Op.ADD -> IrOp.ADD;
                case Op.SUB -> IrOp.SUB;
                case Op.MUL -> IrOp.MUL;
                case Op.DIV -> IrOp.DIV;
                case Op.MOD -> IrOp.MOD;
                default -> IrOp.POW;
            };
            set(a, ir.emit(new Ir(arith, IrType.NUM, x, y, Ir.NONE, null, null, null, pc)));
            return;
        }
        int int64Result = int64.arith(op, x, y, pc);
        if (int64Result != Ir.NONE) {
            set(a, int64Result);
        } else {
            mayRunLua = true;
            expectResult(pc, a, guard(new Ir(IrOp.ARITHV, IrType.REF, boxed(x, pc), boxed(y, pc), Ir.NONE, null, op - Op.ADD, null, pc), pc));
        }
    }

    /**
     * {@code x + y} counted in ints when one is a loop's int index (or such a sum) as a number and
     * the other a register holding a small integer now, as an index plus an offset is
     * ({@code v[i + dual]}): that register guarded to be a small integer ({@link IrOp#TOINT}, once
     * before the loop when the loop does not write it) and the sum guarded to stay within
     * {@link NarrowedLoops#RANGE}; the result is the int sum as a number, which a table access
     * takes as an int key. {@link Ir#NONE} when it does not apply. A constant offset needs none
     * of this: {@link TraceCodegen#integerKey} folds {@code i + 1} into the access itself.
     */
    private int narrowedSum(int x, int y, int b, int c, int pc) {
        int index;
        int offset;
        int offsetRegister;
        if (isIndexNumber(x) && c >= 0) {
            index = ir.at(x).a;
            offset = y;
            offsetRegister = c;
        } else if (isIndexNumber(y) && b >= 0) {
            index = ir.at(y).a;
            offset = x;
            offsetRegister = b;
        } else {
            return Ir.NONE;
        }
        Ir k = ir.at(offset);
        if (ir.typeOf(offset) != IrType.NUM || k.op != IrOp.SLOADN && k.op != IrOp.RLOADN
                || !(value(offsetRegister) instanceof Double d) || !NarrowedLoops.isSmallInt(d)) {
            return Ir.NONE;
        }
        int offsetInt = guard(new Ir(IrOp.TOINT, IrType.INT, offset, Ir.NONE, Ir.NONE, null, null, null, pc), pc);
        int sum = guard(new Ir(IrOp.IADDR, IrType.INT, index, offsetInt, Ir.NONE, null, null, null, pc), pc);
        return ir.emit(new Ir(IrOp.TONUM, IrType.NUM, sum, Ir.NONE, Ir.NONE, null, null, null, pc));
    }

    /** Whether {@code ref} is an int within the narrowed range as a number: a loop's index, or a sum {@link #narrowedSum} made ({@link TraceIr#isLoopInt}). */
    private boolean isIndexNumber(int ref) {
        Ir x = ir.at(ref);
        return x.op == IrOp.TONUM && ir.typeOf(x.a) == IrType.INT && ir.isLoopInt(x.a);
    }

    private void recordCompare(int op, int a, int b, int c, int pc) {
        int x = numeric(operand(b, pc), b, pc);
        int y = numeric(operand(c, pc), c, pc);
        int skip = pc + 2 + frameProto.code()[(pc + 1) * 4 + 2];
        Compare relation = op == Op.EQ ? Compare.EQ : op == Op.LT ? Compare.LT : Compare.LE;
        if (ir.typeOf(x) == IrType.NUM && ir.typeOf(y) == IrType.NUM) {
            boolean r = relation.holds((Double) operandValue(b), (Double) operandValue(c));
            if (skip != pc + 2) {
                int next = r == (a != 0) ? skip : pc + 2;
                guard(new Ir(IrOp.GCMP, IrType.VOID, x, y, Ir.NONE, null, r ? relation : relation.negate(), null, pc), next == skip ? pc + 2 : skip);
            }
            return;
        }
        Compare holding = int64.outcome(x, y, operandValue(b), operandValue(c), relation);
        if (holding != null) {
            if (skip != pc + 2) {
                int next = (holding == relation) == (a != 0) ? skip : pc + 2;
                int64.guardOutcome(x, y, holding, next == skip ? pc + 2 : skip, pc);
            }
            return;
        }
        mayRunLua = true;
        pendingRef = guard(new Ir(IrOp.CMPV, IrType.REF, boxed(x, pc), boxed(y, pc), Ir.NONE, null, relation, null, pc), pc);
        pendingPc = pc;
        pending = Pending.BRANCH;
    }

    private void recordTestSet(int a, int b, int c, int pc) {
        int x = load(b, pc);
        boolean falsy = LuaType.isFalsy(value(b));
        boolean copies = falsy != (c != 0);
        if (ir.typeOf(x) != IrType.NUM && !Int64Recording.isInt64(ir, x)) {
            int ref = ir.emit(new Ir(IrOp.GTRUTH, IrType.VOID, x, Ir.NONE, Ir.NONE, null, !falsy, null, pc));
            if (ref == ir.code.size() - 1) {
                // The other way out: copying resumes at the JMP, not copying skips it.
                int t = frameOffset + a;
                int held = registerRef[t];
                boolean wasWritten = written[t];
                if (!copies) {
                    set(a, x);
                }
                ir.at(ref).snapshot = ir.snapshot(snapshot(copies ? pc + 2 : pc + 1));
                registerRef[t] = held;
                written[t] = wasWritten;
            }
        }
        if (copies) {
            set(a, x);
        }
    }

    private void recordCall(int a, int b, int c, int pc) {
        int argc = b == 0 ? openCount(a + 1) : b - 1;
        Object f = value(a);
        if (f instanceof LuaClosure callee && !recursive(callee)
                && !(inlined.isEmpty() && c != 0 && engine.callsNotInlined(callee.prototype()))) {
            inline(callee, a, argc, c, pc);
            return;
        }
        if (f instanceof LuaClosure callee && inlined.isEmpty() && c != 0) {
            callLua(callee, a, argc, c, pc);
            return;
        }
        int fixedCount = c == 0 && f instanceof LuaClosure callee && inlined.isEmpty() ? DirectEntry.fixedResultCount(callee.prototype()) : -1;
        if (fixedCount >= 0) {
            callLuaForOpenResults((LuaClosure) f, a, argc, fixedCount, pc);
            return;
        }
        boolean several = c > 2;
        int fn = load(a, pc);
        int[] args = new int[argc];
        boolean numbers = true;
        for (int i = 0; i < argc; i++) {
            args[i] = load(a + 1 + i, pc);
            numbers &= ir.typeOf(args[i]) == IrType.NUM;
        }
        if (callsGenerically(f, args, a, argc, c)) {
            // Any Java function is called the same way: a new coroutine.wrap function in the
            // loop each time (a generator per pass) keeps the trace.
            guard(new Ir(IrOp.GCLASS, IrType.REF, fn, Ir.NONE, Ir.NONE, null, null, JavaFunction.class, pc), pc);
        } else {
            guard(new Ir(IrOp.GSAME, IrType.VOID, fn, Ir.NONE, Ir.NONE, null, f, null, pc), pc);
        }
        if (c >= 2 && f instanceof JavaFunction library && library.body() instanceof dev.isthmus.lua.lib.StringLibrary.ByteValues
                && stringBytes(args, a, argc, c, pc)) {
            return;
        }
        if (c != 0 && argc >= 1 && f instanceof JavaFunction factory && factory.iteratorFactory() != null
                && iteratorOf(factory.iteratorFactory(), args[0], a, argc, c, pc)) {
            return;
        }
        if (c == 2 && argc == 2 && pointerCast(f, args, a, pc)) {
            return;
        }
        if (!several && f instanceof JavaFunction library && library.numericForm() instanceof MethodHandle form && numbers
                && (form.type().parameterCount() == argc || argc > 2 && library.foldsNumericForm())) {
            // A numeric form is a pure function of its arguments with one result.
            int before = c == 0 ? ir.snapshot(snapshot(pc)) : Ir.NONE;
            int result;
            if (library.intOperator() != null) {
                result = bitwise(library, args, a + 1, pc);
            } else {
                // One JVM operation (sqrt, abs, floor, ceil, min, max) is emitted as that operation.
                Object operator = library.unaryNumeric() instanceof DoubleOperation unary ? unary
                        : library.binaryNumeric() instanceof DoubleOperation.Binary binary ? binary : form;
                result = ir.emit(new Ir(IrOp.FNUM, IrType.NUM, Ir.NONE, Ir.NONE, Ir.NONE, argc > 2 ? Arrays.copyOf(args, 2) : args, operator, library.name(), pc));
                for (int i = 2; i < argc; i++) {
                    result = ir.emit(new Ir(IrOp.FNUM, IrType.NUM, Ir.NONE, Ir.NONE, Ir.NONE, new int[] {result, args[i]}, operator, library.name(), pc));
                }
            }
            insideCall = true;
            clearArguments(a, argc, c, pc);
            if (c == 2 || c == 0) {
                set(a, result);
            }
            if (c == 0) {
                open = new OpenResults(a + 1, before, pc + 1, frameOffset);
            }
            return;
        }
        if (c == 0 && f instanceof JavaFunction library && library.valueFunction() && allPlain(args)) {
            openResultOfValueFunction(fn, args, a, argc, pc);
            return;
        }
        if (c == 0) {
            throw new Abort("NYI: open results of a call that may have effects");
        }
        MethodHandle numeric = f instanceof NumericCallable callable ? callable.numericHandle() : null;
        if (!several && numeric != null && numbers && numeric.type().parameterCount() == argc) {
            NumericCallable callable = (NumericCallable) f;
            int call = nativeCall(callable, args, pc);
            insideCall = true;
            clearArguments(a, argc, c, pc);
            if (c == 2) {
                // An int result as it is: an exit writes it as a number.
                set(a, ir.typeOf(call) == IrType.VOID ? nil(pc) : call);
            }
            if (callable.mayCallBack()) {
                // The call made, its result in place: a callback during it leaves here.
                mayRunLua = true;
                guard(new Ir(IrOp.GCALLBACK, IrType.VOID, Ir.NONE, Ir.NONE, Ir.NONE, null, null, null, pc), pc + 1);
            }
            if (c == 2 && ir.typeOf(call) == IrType.INT) {
                set(a, ir.emit(new Ir(IrOp.TONUM, IrType.NUM, call, Ir.NONE, Ir.NONE, null, null, null, pc)));
            }
            return;
        }
        mayRunLua = true;
        for (int i = 0; i < argc; i++) {
            args[i] = boxed(args[i], pc);
        }
        if (several) {
            recordCallForResults(fn, args, a, argc, c, pc);
            return;
        }
        int call = guard(new Ir(IrOp.CALLV, IrType.REF, fn, Ir.NONE, Ir.NONE, args, null, null, pc), pc);
        insideCall = true;
        clearArguments(a, argc, c, pc);
        if (c == 2) {
            expectResult(pc, a, call);
        }
    }

    /**
     * {@code pairs(t)} or {@code ipairs(t)} of a table: no call, the iterator and the control
     * value as constants and the table as it is, its type guarded (LuaJIT records them so).
     * False, with nothing recorded, for any other argument (an error or a cdata's iteration).
     */
    private boolean iteratorOf(JavaFunction.IteratorFactory factory, int argument, int a, int argc, int c, int pc) {
        if (!(value(a + 1) instanceof LuaTable)) {
            return false;
        }
        int table = guard(new Ir(IrOp.GCLASS, IrType.REF, argument, Ir.NONE, Ir.NONE, null, null, LuaTable.class, pc), pc);
        int[] results = {constantOf(factory.iterator(), pc), table, constantOf(factory.control(), pc)};
        insideCall = true;
        clearArguments(a, argc, c, pc);
        for (int k = 0; k < c - 1; k++) {
            set(a + k, k < results.length ? results[k] : nil(pc));
        }
        return true;
    }

    /**
     * Whether the call of {@code f} the recording sees is recorded as the generic call of a
     * Java function ({@link IrOp#CALLV}, {@link IrOp#CALLM}), whose code holds for any other:
     * a plain {@link JavaFunction} that none of the forms {@link #recordCall} tries before it
     * (a numeric form, string.byte, ffi.cast of a pointer, a value function's open result)
     * could take. Those hold for {@code f} alone, and the trace guards its identity.
     */
    private boolean callsGenerically(Object f, int[] args, int a, int argc, int c) {
        if (f == null || f.getClass() != JavaFunction.class || c == 0) {
            return false;
        }
        JavaFunction library = (JavaFunction) f;
        if (library.numericForm() != null || library.intOperator() != null || library.valueFunction() || library.iteratorFactory() != null
                || library.body() instanceof dev.isthmus.lua.lib.StringLibrary.ByteValues) {
            return false;
        }
        return !(c == 2 && argc == 2 && pointerCastType(f, args, a) != null);
    }

    /** The pointer type of {@code f(args)} when it is {@code ffi.cast} of a pointer to a constant pointer type ({@link #pointerCast}), else null. */
    private dev.isthmus.cparser.type.CType pointerCastType(Object f, int[] args, int a) {
        Ir name = ir.at(args[0]);
        return name.op == IrOp.KREF ? dev.isthmus.lua.ffi.CdataTraces.pointerCastType(f, name.aux, value(a + 2)) : null;
    }

    /** The native call ({@link IrOp#CALLN}) of {@code callable} on numbers {@code args}, ints passed as ints where C takes them. */
    private int nativeCall(NumericCallable callable, int[] args, int pc) {
        int[] operands = NativeCallOperands.narrowed(ir, callable, args, pc);
        IrType result = NativeCallOperands.resultType(callable, args.length);
        return guard(new Ir(IrOp.CALLN, result, Ir.NONE, Ir.NONE, Ir.NONE, operands, callable, callable.symbol(), pc), pc);
    }

    /**
     * {@code ffi.cast(name, p)} for one result, {@code name} a constant type string of a pointer
     * type and {@code p} a pointer: the pointer retyped ({@link IrOp#PCAST}), no call made. False
     * for any other call.
     */
    private boolean pointerCast(Object f, int[] args, int a, int pc) {
        dev.isthmus.cparser.type.CType type = pointerCastType(f, args, a);
        if (type == null) {
            return false;
        }
        int pointer = args[1];
        if (LoopPeeling.classOf(ir, pointer) != Cdata.Pointer.class) {
            pointer = guard(new Ir(IrOp.GCLASS, IrType.REF, pointer, Ir.NONE, Ir.NONE, null, null, Cdata.Pointer.class, pc), pc);
        }
        int cast = ir.emit(new Ir(IrOp.PCAST, IrType.REF, pointer, Ir.NONE, Ir.NONE, null, type, null, pc));
        insideCall = true;
        clearArguments(a, 2, 2, pc);
        set(a, cast);
        return true;
    }

    /**
     * {@code string.byte(s [, i [, j]])} wanting {@code c - 1} results, read by the trace
     * ({@link IrOp#GBYTES}, {@link IrOp#SBYTE}) when the number of bytes does not depend on
     * the values: no {@code j}, or {@code j} is {@code i} plus a constant (md5's
     * {@code byte(msg, i, i + 3)}), and the range is inside the string now. False when the call
     * is to be made as any other.
     */
    private boolean stringBytes(int[] args, int a, int argc, int c, int pc) {
        if (argc < 1 || argc > 3 || !(value(a + 1) instanceof LuaString s) || !isGuardedString(args[0])
                || argc >= 2 && ir.typeOf(args[1]) != IrType.NUM) {
            return false;
        }
        int first = argc >= 2 ? args[1] : constant(1, pc);
        int count = 1;
        if (argc == 3 && args[2] != first) {
            // j is i plus a small constant: as many bytes whatever i is.
            Ir j = ir.at(args[2]);
            Integer step = j.op == IrOp.ADD && j.a == first ? ir.smallIntegral(j.b) : null;
            if (step == null || step < 0 || step > 64) {
                return false;
            }
            count = step + 1;
        }
        double i = argc >= 2 ? (Double) value(a + 2) : 1;
        if (!dev.isthmus.lua.lib.StringLibrary.ByteValues.inRange(s, i, count)) {
            return false;
        }
        guard(new Ir(IrOp.GBYTES, IrType.VOID, args[0], first, Ir.NONE, null, count, null, pc), pc);
        int[] bytes = new int[c - 1];
        for (int k = 0; k < c - 1; k++) {
            // An int made a number, as a bit operation's result is: md5's bor(m0, lshift(m1, 8), ...) takes the int.
            bytes[k] = k < count ? ir.emit(new Ir(IrOp.TONUM, IrType.NUM, ir.emit(new Ir(IrOp.SBYTE, IrType.INT, args[0], first, Ir.NONE, null, k, null, pc)),
                    Ir.NONE, Ir.NONE, null, null, null, pc)) : nil(pc);
        }
        insideCall = true;
        clearArguments(a, argc, c, pc);
        for (int k = 0; k < c - 1; k++) {
            set(a + k, bytes[k]);
        }
        return true;
    }

    /** Whether {@code ref} is a load guarded to be a string (its class guard says what it is). */
    private boolean isGuardedString(int ref) {
        Ir load = ir.at(ref);
        return (load.op == IrOp.SLOADR || load.op == IrOp.RLOADR || load.op == IrOp.GCLASS) && load.aux2 == LuaString.class;
    }

    /**
     * A bit operation on numbers {@code args} as integers ({@link IrOp#FINT}): each converted by
     * {@code tobit} ({@link IrOp#TOBIT}) unless it is an integer already (a loop's index, another
     * bit operation's result), the result a number again; more than two arguments folded.
     */
    private int bitwise(JavaFunction library, int[] args, int firstArgument, int pc) {
        int[] bits = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            Ir x = ir.at(args[i]);
            if (x.op == IrOp.TONUM && ir.typeOf(x.a) == IrType.INT) {
                bits[i] = x.a;
                continue;
            }
            // A sum that was an integer here is narrowed; one that was not would leave at once.
            bits[i] = narrowsBits && value(firstArgument + i) instanceof Double d && d == Math.rint(d) && Math.abs(d) < BitNarrowing.TERM_BOUND
                    ? bitNarrowing.toBit(args[i], pc) : Ir.NONE;
            if (bits[i] == Ir.NONE) {
                bits[i] = ir.emit(new Ir(IrOp.TOBIT, IrType.INT, args[i], Ir.NONE, Ir.NONE, null, null, null, pc));
            }
        }
        Object operator = library.intOperator();
        int result = ir.emit(new Ir(IrOp.FINT, IrType.INT, Ir.NONE, Ir.NONE, Ir.NONE, bits.length > 2 ? Arrays.copyOf(bits, 2) : bits, operator,
                library.name(), pc));
        for (int i = 2; i < bits.length; i++) {
            result = ir.emit(new Ir(IrOp.FINT, IrType.INT, Ir.NONE, Ir.NONE, Ir.NONE, new int[] {result, bits[i]}, operator, library.name(), pc));
        }
        return ir.emit(new Ir(IrOp.TONUM, IrType.NUM, result, Ir.NONE, Ir.NONE, null, null, null, pc));
    }

    /**
     * A recursive call in the recorded function's own frame, made as the interpreter makes it
     * ({@link IrOp#CALLL}): function and arguments written to the frame, the callee run there
     * (by its function trace once it has one), its results read back from the frame when the
     * next instruction shows their types ({@link #reloadResults}).
     */
    private void callLua(LuaClosure callee, int a, int argc, int c, int pc) {
        int fn = load(a, pc);
        guard(new Ir(IrOp.GSAME, IrType.VOID, fn, Ir.NONE, Ir.NONE, null, callee, null, pc), pc);
        int[] args = new int[argc];
        for (int i = 0; i < argc; i++) {
            args[i] = load(a + 1 + i, pc);
            if (ir.typeOf(args[i]) == IrType.LONG) {
                throw new Abort("NYI: a 64-bit integer argument of a recursive call");
            }
        }
        mayRunLua = true;
        guard(new Ir(IrOp.CALLL, IrType.VOID, fn, Ir.NONE, Ir.NONE, args, frameOffset + a, c - 1, pc), pc);
        if (heldInFrame != null) {
            // The call writes the frame from its function's register on.
            java.util.Arrays.fill(heldInFrame, Math.min(frameOffset + a, heldInFrame.length), heldInFrame.length, Ir.NONE);
        }
        insideCall = true;
        clearArguments(a, argc, c, pc);
        pending = Pending.RELOAD;
        pendingPc = pc;
        pendingRegister = a;
        pendingRefs = new int[c - 1];
    }

    /**
     * A call made as {@link #callLua} makes it whose results the next instruction takes all of
     * ({@code f(g())} where {@code g} recurses): as many as every return of the callee gives. The
     * taker's guards leave at the call, completed with the results it left in the frame.
     */
    private void callLuaForOpenResults(LuaClosure callee, int a, int argc, int count, int pc) {
        callLua(callee, a, argc, count + 1, pc);
        for (int i = 0; i < count; i++) {
            // The frame holds the results until the taker reads them (reloadResults).
            int t = frameOffset + a + i;
            ensureRegisters(t + 1);
            registerRef[t] = Ir.NONE;
            written[t] = false;
        }
        open = new OpenResults(a + count, resumedWith(pc, a, count), pc + 1, frameOffset);
    }

    /**
     * The results of a {@link IrOp#CALLL}, read from the frame where the call left them, each
     * guarded to have the type it has now. Until read they are the frame's: an exit before
     * leaves them there.
     */
    private void reloadResults(int nextPc) {
        int count = pendingRefs.length;
        for (int i = 0; i < count; i++) {
            int t = frameOffset + pendingRegister + i;
            ensureRegisters(t + 1);
            registerRef[t] = Ir.NONE;
            written[t] = false;
        }
        for (int i = 0; i < count; i++) {
            int r = pendingRegister + i;
            Object v = value(r);
            Ir reload = v instanceof Double
                    ? new Ir(IrOp.RLOADN, IrType.NUM, Ir.NONE, Ir.NONE, Ir.NONE, null, frameOffset + r, null, nextPc)
                    : new Ir(IrOp.RLOADR, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, null, frameOffset + r, classOf(v), nextPc);
            set(r, int64.unboxed(guard(reload, nextPc), v, nextPc));
        }
    }

    /**
     * Whether a call of {@code callee} is a recursion: a call of the function recorded, or of one
     * being recorded inline. It is made as a call, not recorded inline (it would be unrolled as
     * deep as the recording went); the interpreter runs it, or the callee's function trace.
     */
    private boolean recursive(LuaClosure callee) {
        Prototype p = callee.prototype();
        if (p == frameProto || function && p == proto) {
            return true;
        }
        for (Inlined call : inlined) {
            if (call.closure().prototype() == p) {
                return true;
            }
        }
        return false;
    }

    /**
     * A call of a Lua function recorded inline: its instructions are recorded next, in a frame
     * above the caller's, behind a guard that the called function is this closure. An exit
     * inside runs the call again in the interpreter, from the state before it, so the inlined
     * code may have no effect before its last exit (side effects abort the recording).
     */
    private void inline(LuaClosure callee, int a, int argc, int c, int pc) {
        if (inlined.size() >= MAX_INLINE_DEPTH) {
            throw new Abort("NYI: calls inlined more than " + MAX_INLINE_DEPTH + " deep");
        }
        int[] args = calleeArguments(callee, a, argc, pc);
        int exitBefore = c == 0 ? takingOpenResults() ? open.exit() : ir.snapshot(snapshot(pc)) : Ir.NONE;
        inlined.push(new Inlined(frameClosure, frameOffset, frameOffset + a, c - 1, pc, exitBefore, effects));
        enter(callee, frameOffset + a + 1, args, pc);
    }

    /** The frame of {@code callee} at {@code offset}, as the interpreter enters it: parameters from the arguments, the rest nil. */
    private void enter(LuaClosure callee, int offset, int[] args, int pc) {
        Prototype p = callee.prototype();
        inside = null;
        frameClosure = callee;
        frameProto = p;
        frameOffset = offset;
        int nil = nil(pc);
        for (int r = 0; r < Math.max(p.frameSize(), args.length); r++) {
            set(r, r < Math.min(args.length, p.parameterCount()) ? args[r] : nil);
        }
    }

    /**
     * A tail call in a function recorded inline: the function called is recorded inline in its
     * caller's place, as the interpreter runs it in the caller's frame, so its return is the
     * caller's. (An exit in either runs the whole outermost call again.) In the loop's own
     * function a tail call leaves the loop.
     */
    private void recordTailCall(int a, int b, int pc) {
        if (inlined.isEmpty() && b != 0 && (function && tree == null || tree != null && recorded > 1)) {
            // Like a return, a tail call in the recorded function's own frame ends a function
            // trace or a side trace: the frame written back, the interpreter makes the call.
            leave(pc, false);
            return;
        }
        if (inlined.isEmpty()) {
            throw new Abort("NYI: tail call");
        }
        if (!(value(a) instanceof LuaClosure callee)) {
            // Another function's one result, returned: recorded as a call and a return.
            Inlined caller = inlined.peek();
            recordCall(a, b, 2, pc);
            recordReturn(a, 2, pc);
            if (pending == Pending.RESULT && pendingRegister == a) {
                // Its type is fixed at the caller's next instruction, where the result is in the caller's register.
                if (caller.wanted() == 0) {
                    pending = Pending.NONE;
                } else {
                    pendingRegister = caller.resultRegister() - frameOffset;
                }
            }
            return;
        }
        int argc = b == 0 ? openCount(a + 1) : b - 1;
        enter(callee, frameOffset, calleeArguments(callee, a, argc, pc), pc);
    }

    /** The arguments of a call of {@code callee} in register {@code a}, behind a guard that the function called is {@code callee}. */
    private int[] calleeArguments(LuaClosure callee, int a, int argc, int pc) {
        if (callee.prototype().isVararg()) {
            throw new Abort("NYI: call to a vararg function");
        }
        int fn = load(a, pc);
        guard(new Ir(IrOp.GSAME, IrType.VOID, fn, Ir.NONE, Ir.NONE, null, callee, null, pc), pc);
        int[] args = new int[argc];
        for (int i = 0; i < argc; i++) {
            args[i] = load(a + 1 + i, pc);
        }
        return args;
    }

    /** RETURN of an inlined function: its results land in the caller's registers, the rest of its frame is nil. */
    private void recordReturn(int a, int b, int pc) {
        int count = b == 0 ? openCount(a) : b - 1;
        int[] results = new int[count];
        for (int i = 0; i < count; i++) {
            results[i] = load(a + i, pc);
        }
        int calleeEnd = frameOffset + Math.max(frameProto.frameSize(), count);
        Inlined caller = inlined.pop();
        inside = null;
        frameClosure = caller.closure();
        frameProto = caller.closure().prototype();
        frameOffset = caller.offset();
        int nil = nil(pc);
        int wanted = caller.wanted() < 0 ? count : caller.wanted();
        for (int t = caller.resultRegister(); t < calleeEnd; t++) {
            int i = t - caller.resultRegister();
            set(t - frameOffset, i < wanted && i < count ? results[i] : nil);
        }
        if (caller.wanted() < 0) {
            int top = caller.resultRegister() - frameOffset + count;
            // Where the call must not run again, the taker's guards leave after it, the interpreter completing it.
            int exit = effects > caller.effectsBefore() || caller.exitBefore() == Ir.NONE
                    ? resumedWith(caller.callPc(), caller.resultRegister() - frameOffset, count) : caller.exitBefore();
            open = new OpenResults(top, exit, caller.callPc() + 1, frameOffset);
        }
        if (inlined.isEmpty()) {
            for (int t = proto.frameSize(); t < registerRef.length; t++) {
                registerRef[t] = Ir.NONE;
                written[t] = false;
            }
        }
    }

    /** A call of a function not written in Lua for {@code c - 1} results (string.byte(s, i, i + 3)): each read from the array of all of them, its type fixed at the next instruction. */
    private void recordCallForResults(int fn, int[] args, int a, int argc, int c, int pc) {
        int call = guard(new Ir(IrOp.CALLM, IrType.REF, fn, Ir.NONE, Ir.NONE, args, null, null, pc), pc);
        insideCall = true;
        clearArguments(a, argc, c, pc);
        pendingRegisters = new int[c - 1];
        pendingRefs = new int[c - 1];
        for (int i = 0; i < c - 1; i++) {
            pendingRegisters[i] = a + i;
            pendingRefs[i] = ir.emit(new Ir(IrOp.RESULT, IrType.REF, call, Ir.NONE, Ir.NONE, null, i, null, pc));
            set(a + i, pendingRefs[i]);
        }
        pending = Pending.RESULTS;
        pendingPc = pc;
    }

    /**
     * The call of a {@link JavaFunction#valueFunction} on plain values as the open arguments of
     * the next instruction ({@code io.write(string.char(n))}): one result, which the next
     * instruction takes as open arguments. An exit there goes back to before this call, which the
     * interpreter then makes again: it has no effect to repeat.
     */
    private void openResultOfValueFunction(int fn, int[] args, int a, int argc, int pc) {
        int before = ir.snapshot(snapshot(pc));
        mayRunLua = true;
        int[] boxed = new int[argc];
        for (int i = 0; i < argc; i++) {
            boxed[i] = boxed(args[i], pc);
        }
        int call = guard(new Ir(IrOp.CALLV, IrType.REF, fn, Ir.NONE, Ir.NONE, boxed, null, null, pc), pc);
        insideCall = true;
        clearArguments(a, argc, 0, pc);
        expectResult(pc, a, call);
        open = new OpenResults(a + 1, before, pc + 1, frameOffset);
    }

    /** Whether each of {@code refs} is a number, a string, a boolean or nil, as guarded or constant: a value no library function runs a metamethod of. */
    private boolean allPlain(int[] refs) {
        for (int ref : refs) {
            Ir x = ir.at(ref);
            if (x.type == IrType.NUM) {
                continue;
            }
            Object known = switch (x.op) {
                case SLOADR, RLOADR, GCLASS -> x.aux2;
                case KREF -> classOf(x.aux);
                default -> Object.class;
            };
            if (x.type != IrType.REF || known != null && known != LuaString.class && known != Boolean.class) {
                return false;
            }
        }
        return true;
    }

    private static final int NO_REGISTER = Integer.MIN_VALUE;

    /**
     * When upvalue {@code index} of an inlined function is open on a register of the loop's
     * frame (a local of the loop's function that the called function shares): that register,
     * which the trace keeps in a JVM local and the upvalue must therefore be read and written
     * as, behind a guard that it is still open there; otherwise {@link #NO_REGISTER}.
     */
    private int upvalueInLoopFrame(int index, int pc) {
        if (inlined.isEmpty()) {
            // A function's own upvalues are never open on its own frame.
            return NO_REGISTER;
        }
        int register = TraceAccess.openUpvalueRegister(frameClosure, index, stack, base, proto.frameSize());
        if (register < 0) {
            return NO_REGISTER;
        }
        guard(new Ir(IrOp.UOPEN, IrType.VOID, Ir.NONE, Ir.NONE, Ir.NONE, null, new IrOp.OpenUpvalue(index, register), frameClosure, pc), pc);
        return register;
    }

    /**
     * A snapshot of the registers as the call at {@code callPc} left them, its {@code count}
     * results from register {@code a} on, that has the interpreter complete that call with them
     * ({@link Snapshot#resumed}) and go on to the instruction that takes them.
     */
    private int resumedWith(int callPc, int a, int count) {
        if (a + count > frameProto.frameSize()) {
            throw new Abort("NYI: open results of a call that may have effects, past the frame");
        }
        Snapshot atTaker = snapshot(callPc + 1);
        return ir.snapshot(new Snapshot(callPc, atTaker.registers(), atTaker.refs(), atTaker.inside(), count));
    }

    /** Whether the instruction being recorded takes the open results the one before it left. */
    private boolean takingOpenResults() {
        return open != null && currentPc == open.takerPc() && frameOffset == open.frameOffset();
    }

    /** How many values an instruction with {@code B} = 0 takes from register {@code from}: up to the open results' top. */
    private int openCount(int from) {
        if (!takingOpenResults() || open.top() < from) {
            throw new Abort("NYI: open arguments or results from " + (open == null ? "an instruction not recorded" : "elsewhere"));
        }
        return open.top() - from;
    }

    /** After a call, the argument registers past the results hold nil, as the interpreter leaves them. */
    private void clearArguments(int a, int argc, int c, int pc) {
        for (int r = a + Math.max(c - 1, 0); r <= a + argc; r++) {
            set(r, nil(pc));
        }
    }
}
