package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.interp.CompiledLoop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A root trace and the side traces grown from its exits, compiled together into one method
 * ({@link TreeClass}), so that the JVM's compiler sees the whole tree and a side trace is a
 * branch, not a call. All of them share one IR: the root's code first (peeled, its register
 * loads at the start: {@link EntryLoads}), then each side trace's code in the order they were
 * recorded. A side trace starts from the state its exit's snapshot describes, refers to the
 * values there by their references, and ends by linking back to the root ({@link IrOp#LINK})
 * or by handing over to another loop's trace ({@link IrOp#LEAVE}). Exits are the tree's
 * snapshots; each may grow one side trace.
 */
final class TraceTree {
    /**
     * A side trace: its trace number, the exit it grew from, its code's range, and the
     * instructions where the JVM methods of its own start ({@link TreeMethods}): none when it is
     * placed in the method of its exit, else its start, then where it is cut further.
     */
    record Side(int number, int exit, int start, int end, int[] cuts) {
    }

    final int number;
    final Prototype proto;
    final int startPc;
    /** Whether the root is a function trace (from the function's entry to its return) rather than a loop's. */
    final boolean function;
    /** Where in {@code Prototype.loopTraces} the tree is installed: its loop instruction, or the function's entry. */
    final int slot;
    final TraceIr ir;
    /** The registers the tree keeps in JVM locals. */
    final BitSet kept;
    /** Those of them it writes ({@code TraceRecorder.writes}). */
    final BitSet writes;
    /** The function's registers its closures may assign through upvalues, once found. */
    private BitSet assignedThroughUpvalues;
    /** Whether any trace of the tree may run Lua code. */
    boolean mayRunLua;
    final List<Side> sides = new ArrayList<>();
    /** The exits counted; set once, when the tree is made. */
    TraceExits exits;
    /** What is installed at the loop instruction for this tree (null before that). */
    CompiledLoop installed;
    /** The shape of the installed class's direct entry and that entry bound to its instance ({@link DirectEntry}), or null. */
    java.lang.invoke.MethodType directType;
    java.lang.invoke.MethodHandle directBody;
    private Side[] sideOf = new Side[0];
    private int[] attempts = new int[0];
    private int[] waits = new int[0];
    private static final int MAX_WAITS = 16;
    private boolean[] closed = new boolean[0];
    /** The size of the tree's method {@code run} as last compiled, in bytes of bytecode. */
    int runBytes;
    /** A side trace being recorded (its exit), or -1. */
    int growing = -1;

    /** The function's registers its closures may assign through upvalues ({@link UpvalueAssignments}): found at the first install, kept. */
    BitSet assignedThroughUpvalues() {
        if (assignedThroughUpvalues == null) {
            assignedThroughUpvalues = UpvalueAssignments.assignedThroughUpvalues(proto);
        }
        return (BitSet) assignedThroughUpvalues.clone();
    }

    TraceTree(int number, Prototype proto, int startPc, boolean function, TraceIr ir, BitSet kept, BitSet writes, boolean mayRunLua) {
        this.number = number;
        this.proto = proto;
        this.startPc = startPc;
        this.function = function;
        this.slot = function ? proto.functionEntry() : startPc;
        this.ir = ir;
        this.kept = (BitSet) kept.clone();
        this.writes = (BitSet) writes.clone();
        this.mayRunLua = mayRunLua;
        cover();
    }

    /**
     * Extends the per-exit state to every snapshot there is now. An exit that resumes at the
     * loop instruction (a register of another type at entry, the loop's own end, an interrupt)
     * or leaves through a failing call never grows a side trace: from there the interpreter runs
     * what the root trace is, or raises an error.
     */
    void cover() {
        int count = ir.snapshots.size();
        int before = closed.length;
        sideOf = Arrays.copyOf(sideOf, count);
        attempts = Arrays.copyOf(attempts, count);
        waits = Arrays.copyOf(waits, count);
        closed = Arrays.copyOf(closed, count);
        for (int e = before; e < count; e++) {
            closed[e] = ir.snapshots.get(e).pc() == startPc;
        }
        for (Ir x : ir.code) {
            if (x.op.isCall() && x.snapshot >= before) {
                closed[x.snapshot] = true;
            }
        }
        if (exits != null) {
            coverExits();
        }
    }

    /** {@link TraceExits#cover} with this tree's exits now, the loop-ended ones found once. */
    private void coverExits() {
        boolean[] ended = loopEndedExits();
        exits.cover(entryExits(ended), ended);
    }

    /**
     * Which exits leave before the loop: those of the guards in the root's part before it, but
     * the ones that find a numeric loop ended ({@link #loopEndedExits}); in a function trace,
     * those that resume at the function's first instruction, with nothing run.
     */
    boolean[] entryExits() {
        return entryExits(loopEndedExits());
    }

    private boolean[] entryExits(boolean[] ended) {
        boolean[] atEntry = new boolean[ir.snapshots.size()];
        if (function) {
            for (int e = 0; e < atEntry.length; e++) {
                Snapshot s = ir.snapshots.get(e);
                atEntry[e] = s.pc() == 0 && s.inside() == null;
            }
            return atEntry;
        }
        for (int i = 0; i < ir.loopStart; i++) {
            int snapshot = ir.at(i).snapshot;
            if (snapshot != Ir.NONE && !ended[snapshot]) {
                atEntry[snapshot] = true;
            }
        }
        return atEntry;
    }

    /**
     * The exits of the root's part before a numeric loop that find the loop ended (they resume
     * after its FORLOOP): another tree may have run the loop's iterations and entered this trace
     * only at the loop's end, as mandelbrot's pixel loop's tree, whose side traces go round the
     * row loop, enters the row loop's trace once a row. Such an exit says neither that the trace
     * no longer fits its loop nor that the loop ran: counted as an exit before the loop, it made
     * mandelbrot's row loop's trace stale every 16 rows, recorded again seven times in a run.
     */
    boolean[] loopEndedExits() {
        boolean[] ended = new boolean[ir.snapshots.size()];
        if (function || proto.code()[startPc * 4] != Op.FORLOOP) {
            return ended;
        }
        for (int i = 0; i < ir.loopStart; i++) {
            int snapshot = ir.at(i).snapshot;
            if (snapshot != Ir.NONE && ir.snapshots.get(snapshot).pc() == startPc + 1) {
                ended[snapshot] = true;
            }
        }
        return ended;
    }

    /** The code's end of the root trace: side traces follow. */
    int rootEnd() {
        return sides.isEmpty() ? ir.code.size() : sides.get(0).start();
    }

    /** The side trace exit {@code exit} leads to, or null. */
    Side sideOf(int exit) {
        return exit < sideOf.length ? sideOf[exit] : null;
    }

    /** Whether exit {@code exit} may start a side trace now. */
    boolean maySprout(int exit, int trySide, int maxSide) {
        return growing < 0 && mayStillSprout(exit, trySide, maxSide);
    }

    /** Whether exit {@code exit} may yet grow a side trace (now, or once the one being recorded is done). */
    boolean mayStillSprout(int exit, int trySide, int maxSide) {
        return exit < closed.length && !closed[exit] && sideOf[exit] == null && attempts[exit] < trySide && sides.size() < maxSide;
    }

    /** A side trace from {@code exit} could not be recorded (or did not start where it should). */
    void failed(int exit) {
        attempts[exit]++;
    }

    /**
     * A side trace from {@code exit} met an inner loop with no trace yet: not counted as a
     * failure the first {@link #MAX_WAITS} times, since the loop is likely to get one soon (it
     * runs in the interpreter every time the exit is taken) and the side trace can then run it.
     */
    void waited(int exit) {
        if (++waits[exit] > MAX_WAITS) {
            failed(exit);
        }
    }

    /** Exit {@code exit} never grows a side trace (the tree is as large as it may be with one). */
    void close(int exit) {
        closed[exit] = true;
    }

    /** Records that the code from {@code start} to the end is the side trace {@code number} of {@code exit}. */
    Side add(int number, int exit, int start) {
        Side side = new Side(number, exit, start, ir.code.size(), new int[0]);
        sides.add(side);
        cover();
        sideOf[exit] = side;
        return side;
    }

    /** The last side trace made methods of its own, starting at {@code cuts} (its start first). */
    Side cutLast(int[] cuts) {
        Side last = sides.get(sides.size() - 1);
        Side own = new Side(last.number(), last.exit(), last.start(), last.end(), cuts.clone());
        sides.set(sides.size() - 1, own);
        sideOf[own.exit()] = own;
        return own;
    }

    /** Undoes {@link #add}: the last side trace's code is dropped (its tree would be too large). */
    void removeLast(int snapshotsBefore) {
        Side side = sides.remove(sides.size() - 1);
        sideOf[side.exit()] = null;
        ir.truncate(side.start(), snapshotsBefore);
        sideOf = Arrays.copyOf(sideOf, snapshotsBefore);
        attempts = Arrays.copyOf(attempts, snapshotsBefore);
        waits = Arrays.copyOf(waits, snapshotsBefore);
        closed = Arrays.copyOf(closed, snapshotsBefore);
        coverExits();
    }
}
