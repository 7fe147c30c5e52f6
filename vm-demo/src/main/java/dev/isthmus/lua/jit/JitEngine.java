package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.interp.CompiledLoop;
import dev.isthmus.lua.interp.InlinedFrames;
import dev.isthmus.lua.interp.LoopCompiler;
import dev.isthmus.lua.interp.LoopTrace;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.LuaRuntime;

import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;

/**
 * The trace compiler of one Lua state, with LuaJIT's controls: on or off, the hot-loop
 * threshold, verbose and dump output. A loop that gets hot is recorded for one iteration
 * ({@link TraceRecorder}), turned into a loop ({@link LoopPeeling}) and compiled
 * ({@link TreeClass}); the trace is installed at the loop instruction, where the
 * interpreter enters it from then on. A loop whose recording aborts is tried again after
 * another {@code hotloop} iterations, and after {@link #MAX_ABORTS} aborts never again.
 */
public final class JitEngine implements LoopCompiler {
    /** LuaJIT's default {@code hotloop}. */
    public static final int DEFAULT_HOT_LOOP = 56;
    /** LuaJIT's defaults of {@code hotexit} (exits taken before a side trace is recorded), {@code tryside} and {@code maxside}. */
    public static final int DEFAULT_HOT_EXIT = 10;
    private static final int DEFAULT_TRY_SIDE = 4;
    private static final int DEFAULT_MAX_SIDE = 100;
    private static final int MAX_ABORTS = 4;
    /** A loop counter that will not reach any threshold again: the loop is blacklisted. */
    private static final int NEVER = Integer.MIN_VALUE / 2;

    private final LuaRuntime runtime;
    private final PrintStream log;
    private boolean enabled = true;
    /** Whether no variable has been rewritten by the debug library: see {@link #variablesRewritten}. */
    private boolean foldsFixedUpvalues = true;
    private final MutableCallSite fixedVariables = new MutableCallSite(MethodHandles.constant(boolean.class, true));
    private int hotLoop = DEFAULT_HOT_LOOP;
    private int hotExit = DEFAULT_HOT_EXIT;
    private int trySide = DEFAULT_TRY_SIDE;
    private int maxSide = DEFAULT_MAX_SIDE;
    private boolean verbose;
    private boolean dump;
    private int traces;
    private final LoopCounters aborts = new LoopCounters();
    /** Recordings of a loop that ended leaving the loop, retried at once up to {@link #MAX_LEFT} times. */
    private final LoopCounters left = new LoopCounters();
    private static final int MAX_LEFT = 32;
    /** Per loop instruction: how often its trace was found stale and recorded again. */
    private final LoopCounters retraces = new LoopCounters();
    private static final int MAX_RETRACES = 8;
    /** The installed traces, bounded by {@code maxtrace}, for {@code jit.flush()}. */
    private final TraceCache cache = new TraceCache();
    /** How much more often than {@code hotexit} an exit must be taken to grow a side trace, as compiling costs. */
    private final CompileBudget budget = new CompileBudget(System.nanoTime());

    private JitEngine(LuaRuntime runtime, PrintStream log) {
        this.runtime = runtime;
        this.log = log;
    }

    /** Attaches a trace compiler, on by default, to {@code runtime}; {@code -jv} and {@code -jdump} output go to {@code log}. */
    public static JitEngine attach(LuaRuntime runtime, PrintStream log) {
        JitEngine engine = new JitEngine(runtime, log);
        runtime.setLoopCompiler(engine);
        return engine;
    }

    /** The trace compiler attached to {@code runtime}. */
    public static JitEngine of(LuaRuntime runtime) {
        if (runtime.loopCompiler() instanceof JitEngine engine) {
            return engine;
        }
        throw new IllegalStateException("this Lua state has no trace compiler");
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** {@code jit.on()} / {@code jit.off()}, {@code -jon} / {@code -joff}: whether hot loops are compiled. */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    /**
     * {@code jit.off(f)} / {@code jit.on(f)}: whether the loops of one function (and, when
     * {@code nested}, of the functions defined in it) may be compiled; off also drops their traces.
     */
    public void setEnabled(Prototype p, boolean on, boolean nested) {
        // (Past the last instruction: the function's entry, and its function trace.)
        for (int pc = 0; pc < p.loopCounts().length; pc++) {
            p.loopTraces()[pc] = null;
            p.loopCounts()[pc] = on ? 0 : NEVER;
        }
        DirectSites.install(p, null, null);
        if (nested) {
            for (Prototype child : p.prototypes()) {
                setEnabled(child, on, true);
            }
        }
    }

    public void setVerbose(boolean on) {
        verbose = on;
    }

    public void setDump(boolean on) {
        dump = on;
    }

    /**
     * One of LuaJIT's {@code -O} / {@code jit.opt.start} settings: a level ({@code 0}-{@code 3}),
     * a flag ({@code +fold}, {@code -cse}, ...) or {@code name=value}. {@code hotloop},
     * {@code hotexit}, {@code tryside}, {@code maxside} and {@code maxtrace} ({@link TraceCache})
     * change what this compiler does; the others are accepted as LuaJIT accepts them. Returns
     * false for what LuaJIT would refuse.
     */
    public boolean setOption(String option) {
        if (option.matches("[0-3]") || option.matches("[+-]?(fold|cse|dce|narrow|loop|fwd|dse|abc|sink|fuse|fma)")) {
            return true;
        }
        int eq = option.indexOf('=');
        if (eq < 0) {
            return false;
        }
        String name = option.substring(0, eq);
        int value;
        try {
            value = Integer.parseInt(option.substring(eq + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        return switch (name) {
            case "hotloop" -> {
                hotLoop = Math.max(1, value);
                yield true;
            }
            case "maxtrace" -> {
                cache.setMaxTrace(value);
                yield true;
            }
            case "hotexit" -> {
                hotExit = Math.max(1, value);
                yield true;
            }
            case "tryside" -> {
                trySide = Math.max(0, value);
                yield true;
            }
            case "maxside" -> {
                maxSide = Math.max(0, value);
                yield true;
            }
            case "maxrecord", "maxirconst", "maxsnap", "instunroll", "loopunroll",
                 "callunroll", "recunroll", "sizemcode", "maxmcode" -> true;
            default -> false;
        };
    }

    /**
     * The debug library changed a local or an upvalue from outside its function (or joined two
     * upvalues): a variable the compiler saw assigned nowhere may hold another value now, so
     * every trace that took one as a constant is dropped, and no trace takes one again.
     */
    @Override
    public void variablesRewritten() {
        if (foldsFixedUpvalues) {
            foldsFixedUpvalues = false;
            fixedVariables.setTarget(MethodHandles.constant(boolean.class, false));
            MutableCallSite.syncAll(new MutableCallSite[] {fixedVariables});
            flush();
        }
    }

    /** The functions handed to C as callbacks. */
    private final java.util.Set<Prototype> calledFromC = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    @Override
    public void calledFromC(Prototype p) {
        calledFromC.add(p);
    }

    /**
     * The name of the class of {@code tree}'s code, numbered {@code suffix}. A function tree of a
     * function handed to C as a callback is a {@link #CALLED_FROM_C} class: the launcher's
     * compile commands (vm-demo/jvm/compile-commands.txt) make C2 inline its direct entry
     * wherever it is called, which C2's size rule for hot calls (325 bytes of bytecode) would
     * refuse, the exits being most of the entry's bytecode though C2 compiles them as traps.
     */
    private String className(TraceTree tree, String suffix) {
        return (tree.function && calledFromC.contains(tree.proto) ? CALLED_FROM_C : "Trace") + suffix;
    }

    /** The name the classes of callbacks' function trees start with (after the package). */
    static final String CALLED_FROM_C = "CallbackTrace";

    /** Whether recordings take the value of a never-assigned upvalue as a constant (until {@link #variablesRewritten}). */
    boolean foldsFixedUpvalues() {
        return foldsFixedUpvalues;
    }

    /**
     * The site whose target, {@code ()boolean}, is true while no variable was rewritten. A trace calls that target before each
     * upvalue it took as a constant ({@link IrOp#GFIXED}), so that one running when the debug
     * library writes a variable (from a call inside its own loop) leaves instead of going on
     * with the old value; C2 folds the call site's current target to a constant.
     */
    MutableCallSite fixedVariablesSite() {
        return fixedVariables;
    }

    /** {@code jit.flush()}: every installed trace removed; loops count from zero again. */
    public void flush() {
        cache.flush();
        aborts.clear();
        left.clear();
        retraces.clear();
        if (verbose) {
            log.println("[TRACE flush]");
        }
    }

    /** How many traces are installed now: at most {@code maxtrace}. */
    int liveTraces() {
        return cache.liveCount();
    }

    @Override
    public int hotLoop() {
        return enabled ? hotLoop : Integer.MAX_VALUE;
    }

    @Override
    public void loopHot(LuaClosure closure, int pc, int base, int depth) {
        Prototype p = closure.prototype();
        if (p.loopTraces()[pc] != null || !recordingMayStart() || flushedWhenFull()) {
            return;
        }
        try {
            TraceRecorder recorder = new TraceRecorder(this, closure, pc, runtime.callStack().values(), base);
            runtime.setObserver(recorder);
        } catch (TraceRecorder.Abort e) {
            abandon(p, pc, e.getMessage(), p, pc, false);
        }
    }

    @Override
    public void functionHot(LuaClosure closure, int base, int depth) {
        Prototype p = closure.prototype();
        if (p.loopTraces()[p.functionEntry()] != null || !recordingMayStart() || flushedWhenFull()) {
            return;
        }
        runtime.setObserver(TraceRecorder.function(this, closure, runtime.callStack().values(), base));
    }

    /**
     * Whether nothing is being recorded: no recording in progress, and none set aside while C
     * calls back into Lua ({@link LuaRuntime#setObserverAside}), which would lose the new one
     * when it takes the observer back.
     */
    private boolean recordingMayStart() {
        return runtime.observer() == null && !runtime.isObserverAside();
    }

    /**
     * When {@code maxtrace} traces are installed, flushes them all and says so: LuaJIT's choice,
     * after which this loop or function, like the others, counts up again (TraceCache).
     */
    private boolean flushedWhenFull() {
        if (!cache.isFull()) {
            return false;
        }
        int removed = cache.flush();
        if (verbose) {
            log.println("[TRACE flush: " + removed + " traces installed, maxtrace=" + cache.maxTrace() + "]");
        }
        return true;
    }

    void recordingAborted(TraceRecorder recorder, String reason) {
        runtime.setObserver(null);
        Prototype p = recorder.proto;
        if (recorder.leftLoop && ++loopsLeft(p)[recorder.slot()] <= MAX_LEFT) {
            // The iteration recorded was the one that breaks out (in mandelbrot's inner loop, most
            // are); the next may be typical: record it, without counting this as an abort.
            p.loopCounts()[recorder.startPc] = hotLoop - 1;
            logAbort(p, recorder.startPc, reason, recorder.currentProto(), recorder.currentPc, ", recording the next iteration");
            return;
        }
        abandon(p, recorder.slot(), reason, recorder.currentProto(), recorder.currentPc, false);
    }

    /** The functions a trace calls rather than records inline (see {@code TraceRecorder.callInsteadOfInlining}). */
    private final java.util.Set<Prototype> notInlined = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    /** Whether a trace calls {@code p}'s functions rather than recording them inline. */
    boolean callsNotInlined(Prototype p) {
        return notInlined.contains(p);
    }

    /** From now on, traces call {@code p}'s functions rather than record them inline. */
    void callNotInlined(Prototype p) {
        notInlined.add(p);
    }

    /**
     * Whether a recording of the loop at {@code slot} that leaves it is still tried again on the
     * next iteration (most loops then record an iteration that stays in the loop); once those
     * retries are spent, a recording may go round the loop around it instead.
     */
    boolean retriesLeftLoop(Prototype p, int slot) {
        return loopsLeft(p)[slot] < MAX_LEFT;
    }

    private int[] loopsLeft(Prototype p) {
        return left.of(p);
    }

    void recordingFinished(TraceRecorder recorder) {
        long recorded = System.nanoTime();
        runtime.setObserver(null);
        Prototype p = recorder.proto;
        int number = traces + 1;
        boolean function = recorder.isFunction();
        try {
            if (!function) {
                LoopPeeling.peel(recorder.ir, recorder.endState(), recorder.startPc);
                RedundantPhis.run(recorder.ir);
            }
            AllocationSinking.run(recorder.ir);
            DeadCodeElimination.run(recorder.ir);
            if (!function) {
                EntryLoads.hoist(recorder.ir, recorder.startPc);
            }
            if (dump) {
                log.print("---- TRACE " + number + " IR " + where(p, recorder.startPc) + "\n" + recorder.ir.dump());
            }
            TraceTree tree = new TraceTree(number, p, recorder.startPc, function, recorder.ir, recorder.kept, recorder.writes, recorder.mayRunLua);
            tree.exits = new TraceExits(number, e -> resumesAt(p, tree.ir.snapshots.get(e)), () -> stale(p, tree.slot, number, null),
                    e -> exitHot(tree, e), e -> tree.mayStillSprout(e, trySide, maxSide), hotExit, verbose ? log : null);
            tree.cover();
            install(tree, TreeClass.generate(tree, className(tree, String.valueOf(number))));
        } catch (TraceRecorder.Abort | IllegalStateException | IndexOutOfBoundsException | TreeClass.TooLarge e) {
            abandon(p, recorder.slot(), e.getMessage(), p, recorder.startPc, false);
            return;
        }
        traces = number;
        cache.installed(p, recorder.slot(), number);
        long compiled = compiledSince(recorded);
        if (verbose) {
            log.println("[TRACE " + String.format("%3d", number) + " " + where(p, recorder.startPc) + (function ? " function" : " loop") + ", recorded in "
                    + millis(recorded - recorder.startedAt) + ", compiled in " + millis(compiled - recorded) + "]");
            if (number == 1) {
                log.println("[TRACE first trace compiled " + jvmUptimeMillisAt(compiled) + " ms after the JVM started]");
            }
        }
    }

    /**
     * The registers the tree keeps that Lua code it runs could find stale in the frame through
     * an open upvalue: those the tree writes, and those a closure may assign through one
     * ({@link UpvalueAssignments}). A register the tree only reads, and no closure assigns,
     * holds in the frame the value the tree holds: the tree may run while an upvalue is open
     * on it (ray.lua's loops over pixels keep `best`, which ray_trace reads as an upvalue).
     */
    private static java.util.BitSet exposedRegisters(TraceTree tree) {
        java.util.BitSet exposed = tree.assignedThroughUpvalues();
        exposed.or(tree.writes);
        exposed.and(tree.kept);
        return exposed;
    }

    private void install(TraceTree tree, LoopTrace code) {
        CompiledLoop before = tree.installed;
        tree.installed = new CompiledLoop(code, tree.kept, exposedRegisters(tree), tree.mayRunLua, tree.number,
                tree.function && CallArguments.stayInCall(tree.ir, tree.proto.parameterCount()), tree.function && !tree.ir.makesCalls(),
                tree.directBody);
        if (before != null && tree.proto.loopTraces()[tree.slot] == before) {
            before.replacedBy(tree.installed);
        }
        tree.proto.loopTraces()[tree.slot] = tree.installed;
        if (tree.function) {
            DirectSites.install(tree.proto, tree.directType, tree.directBody);
        }
    }

    /**
     * An exit of an installed tree was taken {@code hotexit} times more: unless it has its side
     * trace, tried {@code tryside} times, or the tree has {@code maxside}, the side trace is
     * recorded from where the interpreter resumes, if that is the next instruction it runs (an
     * exit of a trace run by another trace's LOOPCALL resumes in compiled code: no side trace).
     */
    /** Where an exit resumes, as {@code chunk:line}: in the innermost call recorded inline, if it is inside one. */
    private static String resumesAt(Prototype loopFunction, Snapshot s) {
        InlinedFrames inside = s.inside();
        return where(inside == null ? loopFunction : inside.closures()[inside.depth() - 1].prototype(), s.pc());
    }

    private void exitHot(TraceTree tree, int exit) {
        if (hotExit > 1 && tree.exits.count(exit) < (long) hotExit * budget.factor()) {
            // Compiling has been taking much of the run: only the more often taken exits grow side traces.
            return;
        }
        if (!enabled || !recordingMayStart() || tree.proto.loopTraces()[tree.slot] != tree.installed
                || !tree.maySprout(exit, trySide, maxSide) || cache.isFull()) {
            return;
        }
        String why = tree.ir.entryGuardExits.get(exit);
        if (why != null && stale(tree.proto, tree.slot, tree.number, why)) {
            // The loop runs with something else than its pre-roll was recorded for (LoopPeeling.staleWhenHot).
            return;
        }
        Snapshot resume = tree.ir.snapshots.get(exit);
        // Where the interpreter completes a call, the recording starts at the instruction after it, which takes its results.
        int resumeAt = resume.resumed() >= 0 ? resume.pc() + 1 : resume.pc();
        InlinedFrames inside = resume.inside();
        if (inside == null && tree.proto.code()[resumeAt * 4] == Op.RETURN) {
            // The function returns there: a side trace would have nothing to run before it stops.
            tree.close(exit);
            return;
        }
        tree.growing = exit;
        runtime.setObserver((cl, pc, registers, base, varargs) -> {
            runtime.setObserver(null);
            tree.growing = -1;
            // Inside calls recorded inline the interpreter resumes in the innermost, its caller's frames below it.
            int depth = inside == null ? 0 : inside.depth();
            LuaClosure loopClosure = depth == 0 ? cl : runtime.callStack().at(depth + 1);
            LuaClosure resumed = depth == 0 ? cl : inside.closures()[depth - 1];
            if (cl != resumed || loopClosure == null || loopClosure.prototype() != tree.proto || pc != resumeAt
                    || tree.proto.loopTraces()[tree.slot] != tree.installed) {
                tree.failed(exit);
                return;
            }
            int loopBase = depth == 0 ? base : base - inside.offsets()[depth - 1];
            TraceRecorder recorder = new TraceRecorder(this, tree, exit, loopClosure, registers, loopBase);
            tree.growing = exit;
            runtime.setObserver(recorder);
            recorder.beforeInstruction(cl, pc, registers, base, varargs);
        });
    }

    /**
     * A side trace recorded: the tree compiled again with it, placed in the method of its exit,
     * or, when that makes the method too large for the JVM's compiler, in a method of its own
     * ({@link TreeMethods}); when that too is too large, the exit stays an exit.
     */
    void sideFinished(TraceRecorder recorder) {
        long recorded = System.nanoTime();
        runtime.setObserver(null);
        TraceTree tree = recorder.tree;
        tree.growing = -1;
        if (tree.proto.loopTraces()[tree.slot] != tree.installed) {
            tree.ir.truncate(recorder.sideStart, recorder.snapshotsBefore);
            return;
        }
        int number = traces + 1;
        TraceTree.Side side = tree.add(number, recorder.parentExit, recorder.sideStart);
        java.util.BitSet keptBefore = (java.util.BitSet) tree.kept.clone();
        java.util.BitSet writesBefore = (java.util.BitSet) tree.writes.clone();
        boolean mayRunLuaBefore = tree.mayRunLua;
        tree.kept.or(recorder.kept);
        tree.writes.or(recorder.writes);
        tree.mayRunLua |= recorder.mayRunLua;
        String full = null;
        try {
            String name = className(tree, tree.number + "_" + number);
            LoopTrace code;
            try {
                code = TreeClass.generate(tree, name);
            } catch (TreeClass.TooLarge e) {
                full = e.getMessage();
                code = TreeClass.generateWithNewestApart(tree, name);
                side = tree.sides.getLast();
            }
            install(tree, code);
        } catch (TreeClass.TooLarge | IllegalStateException | IndexOutOfBoundsException e) {
            tree.removeLast(recorder.snapshotsBefore);
            tree.kept.clear();
            tree.kept.or(keptBefore);
            tree.writes.clear();
            tree.writes.or(writesBefore);
            tree.mayRunLua = mayRunLuaBefore;
            if (e instanceof TreeClass.TooLarge) {
                tree.close(recorder.parentExit);
                if (verbose) {
                    log.println("[TRACE " + String.format("%3d", tree.number) + " tree full (" + full + "), and too large for methods of its own ("
                            + e.getMessage() + "): exit " + recorder.parentExit + " stays an exit]");
                }
            } else {
                tree.failed(recorder.parentExit);
                logSideAbort(tree, recorder, e.getMessage());
            }
            return;
        }
        traces = number;
        // A side trace counts towards maxtrace as LuaJIT's do; it lives and is flushed with its tree.
        cache.installed(tree.proto, tree.slot, tree.number);
        long compiled = compiledSince(recorded);
        if (dump) {
            log.print("---- TRACE " + number + " IR side of " + tree.number + "/" + side.exit() + " " + where(tree.proto, tree.startPc) + "\n"
                    + IrText.print(tree.ir, new IrSymbols(), side.start(), side.end()));
        }
        if (verbose) {
            log.println("[TRACE " + String.format("%3d", number) + " " + where(tree.proto, tree.ir.snapshots.get(side.exit()).pc())
                    + " side of " + tree.number + "/" + side.exit() + (full == null ? "" : " in " + (side.cuts().length == 1 ? "a method" : side.cuts().length + " methods") + " of its own (tree full, " + full + ")")
                    + ", recorded in " + millis(recorded - recorder.startedAt) + ", compiled in " + millis(compiled - recorded) + "]");
        }
    }

    /**
     * A trace's compile, begun at {@code recorded}, ended now: counted against the budget, a
     * change of its factor shown by {@code -jv}; returns now.
     */
    private long compiledSince(long recorded) {
        long now = System.nanoTime();
        int change = budget.compiled(now - recorded, now);
        if (change != 0 && verbose) {
            log.println("[TRACE --- side traces now grow after " + (long) hotExit * budget.factor() + " exits: compiling took "
                    + (change > 0 ? "over a quarter" : "under a twentieth") + " of the last " + CompileBudget.WINDOW_NANOS / 1_000_000 + " ms or more]");
        }
        return now;
    }

    /** A side trace's recording failed: its code dropped, the attempt counted against its exit. */
    void sideAborted(TraceRecorder recorder, String reason) {
        runtime.setObserver(null);
        TraceTree tree = recorder.tree;
        tree.growing = -1;
        tree.ir.truncate(recorder.sideStart, recorder.snapshotsBefore);
        if (recorder.waitsForLoopAt >= 0 && recorder.currentProto().loopCounts()[recorder.waitsForLoopAt] > NEVER / 2) {
            tree.waited(recorder.parentExit);
        } else {
            tree.failed(recorder.parentExit);
        }
        logSideAbort(tree, recorder, reason);
    }

    private void logSideAbort(TraceTree tree, TraceRecorder recorder, String reason) {
        if (verbose) {
            log.println("[TRACE --- " + where(tree.proto, tree.ir.snapshots.get(recorder.parentExit).pc()) + " side of " + tree.number + "/"
                    + recorder.parentExit + " -- " + reason + " at " + where(recorder.currentProto(), recorder.currentPc) + "]");
        }
    }

    /**
     * A trace that keeps leaving before its loop ({@link TraceExits}): removed, so its loop
     * counts up again and records what it does now, at most {@link #MAX_RETRACES} times a loop
     * (a loop alternating between two shapes keeps its last trace).
     */
    private boolean stale(Prototype p, int loopPc, int number, String why) {
        int[] counts = retraces.of(p);
        if (!(p.loopTraces()[loopPc] instanceof CompiledLoop current) || current.number() != number || ++counts[loopPc] > MAX_RETRACES) {
            return false;
        }
        p.loopTraces()[loopPc] = null;
        p.loopCounts()[loopPc] = 0;
        if (loopPc == p.functionEntry()) {
            DirectSites.install(p, null, null);
        }
        if (verbose) {
            String left = why != null ? " stale: " + why + ", "
                    : (loopPc == p.functionEntry() ? " stale: left at its entry " : " stale: left before its loop ")
                    + TraceExits.STALE_AFTER + " times in a row, ";
            log.println("[TRACE " + String.format("%3d", number) + " " + where(p, loopPc) + left + "recording again]");
        }
        return true;
    }

    /** A failed attempt: counted, and after {@link #MAX_ABORTS} (or at once when it never can work) the loop is left to the interpreter. */
    private void abandon(Prototype p, int loopPc, String reason, Prototype at, int atPc, boolean forever) {
        int[] counts = aborts.of(p);
        if (forever || ++counts[loopPc] >= MAX_ABORTS) {
            p.loopCounts()[loopPc] = NEVER;
        }
        logAbort(p, loopPc, reason, at, atPc, "");
    }

    /** {@code -jv}'s line for an aborted recording: the loop, the reason, where it happened. */
    private void logAbort(Prototype p, int loopPc, String reason, Prototype at, int atPc, String outcome) {
        if (verbose) {
            log.println("[TRACE --- " + where(p, loopPc) + " -- " + reason + " at " + where(at, atPc) + outcome + "]");
        }
    }

    /**
     * The warm-up: how long the JVM had run at {@code nanoTime}, by its own clock (started before it
     * loaded a class). Reading it loads the management classes (17 ms here), and the line before it
     * formats numbers (Locale data, 29 ms the first time), so the time since is taken off.
     */
    private static long jvmUptimeMillisAt(long nanoTime) {
        long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        return uptime - (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private static String where(Prototype p, int pc) {
        // Past the last instruction: the function's entry, where its function trace is installed.
        return p.chunkName() + ":" + (pc < p.instructionCount() ? p.lines()[pc] : p.lineDefined());
    }
}
