package dev.isthmus.lua.jit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IR of one trace as it is built: instructions in order, their snapshots, and the index
 * where the loop body starts (after loop peeling; the instructions before it are the
 * pre-roll, the first iteration, which runs once). Emission folds constants and shares pure
 * instructions with equal operands (CSE), so each pass stays a simple rewrite.
 */
final class TraceIr {
    final List<Ir> code = new ArrayList<>();
    final List<Snapshot> snapshots = new ArrayList<>();
    /** The first instruction of the loop body, or -1 while there is only the recorded iteration. */
    int loopStart = -1;
    /**
     * The exits of the pre-roll's guards on what the loop is entered with, each with why the root
     * is stale when it is hot ({@link LoopPeeling#staleWhenHot}): taken before the loop ran once,
     * the loop now runs with another function, ctype, metatable or kind of number, and a side
     * trace there would pass the root's failing guard and a link back on every iteration.
     */
    final Map<Integer, String> entryGuardExits = new HashMap<>();
    /** How many instructions at the start are the root trace's register loads ({@link EntryLoads}): a side trace's link skips them. */
    int entryLoads;
    /** The closure the root trace guards its own to be at entry ({@link IrOp#GCLOSURE}), or null. */
    Object knownClosure;
    /** Pure instructions by what they compute, within the current region (the pre-roll, then the body). */
    private Map<Object, Integer> pure = new HashMap<>();
    /** State guards ({@link IrOp.Kind#GUARD_STATE}) already checked, until something may change that state. */
    private final Map<Object, Integer> checkedState = new HashMap<>();
    /**
     * Store-to-load forwarding: the number last stored to a cdata place (object, element,
     * scalar, offsets), until another store or anything that may write memory (a call).
     */
    private final Map<Object, Integer> stored = new HashMap<>();

    /**
     * Table reads ({@link #isTableRead}) by what they read, until an instruction that may write
     * a table ({@link #keepsTables}): a second read of the same field or element is the first.
     */
    private final Map<Object, Integer> tableValues = new HashMap<>();
    /**
     * Upvalue values by {@link #upvalueKey}: read or stored last, until another upvalue store
     * (two closures may share one variable) or anything that may run Lua code.
     */
    private final Map<Object, Integer> upvalueValues = new HashMap<>();

    private static Object memoryKey(Ir access) {
        return java.util.Arrays.asList(access.a, access.aux, access.aux2);
    }

    Ir at(int ref) {
        return code.get(ref);
    }

    IrType typeOf(int ref) {
        return code.get(ref).type;
    }

    int emit(Ir ir) {
        if (ir.op.isPure()) {
            Integer folded = fold(ir);
            if (folded != null) {
                return folded;
            }
            Object key = ir.valueKey();
            Integer same = pure.get(key);
            if (same != null) {
                return same;
            }
            code.add(ir);
            pure.put(key, code.size() - 1);
            return code.size() - 1;
        }
        if (ir.op.kind == IrOp.Kind.GUARD_STATE) {
            Integer same = checkedState.get(ir.valueKey());
            if (same != null) {
                return same;
            }
            code.add(ir);
            checkedState.put(ir.valueKey(), code.size() - 1);
            return code.size() - 1;
        }
        if (ir.op == IrOp.CLOAD && stored.get(memoryKey(ir)) instanceof Integer value) {
            return value;
        }
        Object tableKey = isTableRead(ir.op) ? ir.valueKey() : null;
        if (tableKey != null && tableValues.get(tableKey) instanceof Integer value) {
            return value;
        }
        // The value last stored or read; a read typed NUM takes it only when it is a number too.
        if (ir.op == IrOp.UGET && upvalueValues.get(upvalueKey(ir)) instanceof Integer value
                && (ir.type != IrType.NUM || typeOf(value) == IrType.NUM)) {
            return value;
        }
        if (!keepsTables(ir.op)) {
            tableValues.clear();
        }
        if (ir.op == IrOp.USET) {
            // Another closure may share the variable: only this one is known now.
            upvalueValues.clear();
        }
        if (ir.op == IrOp.CSTORE) {
            // Any store may overlap any other place: only this one is known now. A double is
            // stored exactly, so reading it back gives the stored number; narrower scalars convert.
            stored.clear();
            if (ir.aux == dev.isthmus.jit.CScalar.DOUBLE) {
                stored.put(memoryKey(ir), ir.b);
            }
        }
        if (ir.op.mayRunLua()) {
            checkedState.clear();
            stored.clear();
            upvalueValues.clear();
        } else if (ir.op == IrOp.CALLN) {
            // C may write any memory, though it runs no Lua code unless the GCALLBACK after it leaves.
            stored.clear();
            upvalueValues.clear();
        }
        code.add(ir);
        int ref = code.size() - 1;
        if (tableKey != null) {
            tableValues.put(tableKey, ref);
        } else if (ir.op == IrOp.UGET) {
            upvalueValues.put(upvalueKey(ir), ref);
        } else if (ir.op == IrOp.USET) {
            upvalueValues.put(upvalueKey(ir), ir.a);
        }
        return ref;
    }

    /** The variable an {@link IrOp#UGET} reads or a {@link IrOp#USET} writes: upvalue {@code aux} of closure {@code aux2} (null: the trace's). */
    private static Object upvalueKey(Ir access) {
        return java.util.Arrays.asList(access.aux, access.aux2);
    }

    private static boolean isTableRead(IrOp op) {
        return op == IrOp.TLOADN || op == IrOp.HGETK || op == IrOp.TGETN || op == IrOp.TGETV;
    }

    /**
     * Whether an instruction's result or check depends only on its operands and on what tables
     * hold: a table read, or the guard that a table lacks a key or has a given metatable (or none).
     * In a loop that changes no table ({@link #keepsTables} throughout), such an instruction on
     * loop-invariant operands gives every iteration what it gave the first ({@link LoopPeeling}).
     */
    static boolean readsOnlyTables(IrOp op) {
        return isTableRead(op) || op == IrOp.GABSENT || op == IrOp.GMETA || op == IrOp.GNOMETA;
    }

    /**
     * The {@link IrOp#TGETN} reads whose value is only tested for nil by the next instruction
     * and unboxed by the one after ({@code ipairs}' element when it is a number): no exit
     * writes it and nothing else reads it, so the trace may read the slot without boxing it
     * ({@link TraceCodegen}: the table's raw content, its number read beside it).
     */
    java.util.BitSet unboxedElementReads() {
        java.util.BitSet reads = new java.util.BitSet();
        for (int i = 0; i + 2 < code.size(); i++) {
            Ir test = code.get(i + 1);
            Ir unbox = code.get(i + 2);
            if (code.get(i).op == IrOp.TGETN && test.op == IrOp.GNOTNIL && test.a == i && unbox.op == IrOp.UNBOX && unbox.a == i) {
                reads.set(i);
            }
        }
        for (int i = 0; i < code.size() && !reads.isEmpty(); i++) {
            Ir x = code.get(i);
            if (x.op != IrOp.GNOTNIL && x.op != IrOp.UNBOX) {
                for (int r : x.operands()) {
                    if (r >= 0) {
                        reads.clear(r);
                    }
                }
            }
        }
        for (Snapshot s : snapshots) {
            for (int r : s.refs()) {
                if (r >= 0) {
                    reads.clear(r);
                }
            }
        }
        return reads;
    }

    /**
     * Whether an instruction leaves every table as it was: pure ones, checks, and reads of
     * tables, upvalues and cdata. Anything else may store into a table or run code that does.
     */
    static boolean keepsTables(IrOp op) {
        return op.isPure() || isTableRead(op) || switch (op) {
            case UGET, UOPEN, GABSENT, GNOMETA, GMETA, GENV, GSMETA, GFIXED, GINTR, GCALLBACK, CLOAD, PHI -> true;
            default -> false;
        };
    }

    /**
     * The loop body starts: what the pre-roll checked of mutable state still holds in every
     * iteration only when nothing in the loop can change it.
     */
    void enterLoop() {
        stored.clear();
        tableValues.clear();
        upvalueValues.clear();
        for (Ir x : code) {
            if (x.op.mayRunLua()) {
                checkedState.clear();
                return;
            }
        }
    }

    /**
     * A side trace starts being emitted after the code already there: nothing it computes may
     * be shared with instructions it does not run after, and no state check or store is known.
     */
    void beginSide() {
        pure = new HashMap<>();
        checkedState.clear();
        stored.clear();
        tableValues.clear();
        upvalueValues.clear();
    }

    /** Drops what an aborted side trace emitted: the code and snapshots past those counts. */
    void truncate(int codeSize, int snapshotCount) {
        code.subList(codeSize, code.size()).clear();
        snapshots.subList(snapshotCount, snapshots.size()).clear();
    }

    /** Adds a snapshot and returns its index. */
    int snapshot(Snapshot s) {
        snapshots.add(s);
        return snapshots.size() - 1;
    }

    /** Arithmetic on two number constants is a constant (Lua's results, the same expressions as the interpreter's). */
    private Integer fold(Ir ir) {
        if ((ir.op == IrOp.GSAME || ir.op == IrOp.GCLASS || ir.op == IrOp.GNOTNIL) && code.get(ir.a).op == IrOp.KREF
                && holdsFor(ir, code.get(ir.a).aux)) {
            // A constant (a fixed upvalue's value) checked against what the recording saw: it passes for good.
            return ir.a;
        }
        if (ir.op == IrOp.FNUM) {
            return foldCall(ir);
        }
        if (ir.op == IrOp.TOINT && code.get(ir.a).op == IrOp.KNUM && NarrowedLoops.isSmallInt((Double) code.get(ir.a).aux)) {
            double d = (Double) code.get(ir.a).aux;
            return emit(new Ir(IrOp.KINT, IrType.INT, Ir.NONE, Ir.NONE, Ir.NONE, null, (int) d, null, ir.pc));
        }
        if (ir.op == IrOp.TOBIT && code.get(ir.a).op == IrOp.KNUM) {
            return emit(new Ir(IrOp.KINT, IrType.INT, Ir.NONE, Ir.NONE, Ir.NONE, null,
                    dev.isthmus.lua.lib.BitLibrary.toBit((Double) code.get(ir.a).aux), null, ir.pc));
        }
        if ((ir.op == IrOp.TOBIT || ir.op == IrOp.INTOF) && code.get(ir.a).op == IrOp.TONUM && typeOf(code.get(ir.a).a) == IrType.INT) {
            // An int made a number is an integer within INTOF's bound, and tobit of it is the int:
            // a bit operation's result carried around a loop as an int (euler14's j) and read by
            // the next iteration's bit operations, which the peeled copy reads as a number.
            return code.get(ir.a).a;
        }
        if (ir.op == IrOp.TOINT && code.get(ir.a).op == IrOp.TONUM && isLoopInt(code.get(ir.a).a)) {
            // Every int in a trace is a narrowed loop's index, within NarrowedLoops' range once
            // the loop's guard let it be used: as a number it passes TOINT's guard unchanged.
            return code.get(ir.a).a;
        }
        if (ir.op == IrOp.I64UNBOX && code.get(ir.a).op == IrOp.I64BOX && ir.aux2.equals(code.get(ir.a).aux2)) {
            // A 64-bit integer made a cdata and unboxed as the same kind (a loop-carried one): the long itself.
            return code.get(ir.a).a;
        }
        if (ir.op == IrOp.I64FROMNUM && code.get(ir.a).op == IrOp.KNUM) {
            Int64Kind kind = (Int64Kind) ir.aux2;
            long bits = dev.isthmus.lua.ffi.CdataTraces.toInteger((Double) code.get(ir.a).aux, 8, kind.isUnsigned());
            return emit(new Ir(IrOp.KI64, IrType.LONG, Ir.NONE, Ir.NONE, Ir.NONE, null, bits, kind, ir.pc));
        }
        if (ir.type != IrType.NUM || ir.a == Ir.NONE || code.get(ir.a).op != IrOp.KNUM) {
            return null;
        }
        double x = (Double) code.get(ir.a).aux;
        if (ir.op == IrOp.NEG) {
            return constant(-x, ir.pc);
        }
        if (ir.b == Ir.NONE || code.get(ir.b).op != IrOp.KNUM) {
            return null;
        }
        double y = (Double) code.get(ir.b).aux;
        return switch (ir.op) {
            case ADD -> constant(x + y, ir.pc);
            case SUB -> constant(x - y, ir.pc);
            case MUL -> constant(x * y, ir.pc);
            case DIV -> constant(x / y, ir.pc);
            case MOD -> constant(dev.isthmus.lua.interp.LuaSemantics.mod(x, y), ir.pc);
            case POW -> constant(dev.isthmus.lua.runtime.CMath.pow(x, y), ir.pc);
            default -> null;
        };
    }

    /** Whether identity, class or non-nil guard {@code guard} passes on constant {@code value}. */
    private static boolean holdsFor(Ir guard, Object value) {
        return switch (guard.op) {
            case GSAME -> value == guard.aux;
            case GCLASS -> guard.aux2 == null ? value == null : value != null && value.getClass() == guard.aux2;
            default -> value != null;
        };
    }

    /** The value of number constant {@code ref} when it is an integer of magnitude below 2^20, else null. */
    Integer smallIntegral(int ref) {
        Ir x = code.get(ref);
        if (x.op != IrOp.KNUM) {
            return null;
        }
        double d = (Double) x.aux;
        return d == Math.rint(d) && Math.abs(d) < 1 << 20 ? (int) d : null;
    }

    /**
     * Whether int {@code ref} is within the range of a narrowed loop's index: an int that is no
     * bit operation's result (those take any 32-bit value), or a small constant.
     */
    boolean isLoopInt(int ref) {
        Ir x = code.get(ref);
        return switch (x.op) {
            case KINT -> Math.abs((long) (Integer) x.aux) < NarrowedLoops.RANGE;
            case FINT, TOBIT, INTOF, CALLN -> false;
            // A PHI carries one value around the loop: the pre-roll's, or the body's copy of it.
            case PHI -> isLoopInt(x.a);
            default -> true;
        };
    }

    /** A numeric form on constants is its value, computed now by the same handle the trace would call. */
    private Integer foldCall(Ir ir) {
        Object[] values = new Object[ir.args.length];
        for (int i = 0; i < values.length; i++) {
            Ir arg = code.get(ir.args[i]);
            if (arg.op != IrOp.KNUM) {
                return null;
            }
            values[i] = arg.aux;
        }
        if (ir.aux instanceof java.util.function.DoubleUnaryOperator op) {
            return constant(op.applyAsDouble((Double) values[0]), ir.pc);
        }
        if (ir.aux instanceof java.util.function.DoubleBinaryOperator op) {
            return constant(op.applyAsDouble((Double) values[0], (Double) values[1]), ir.pc);
        }
        try {
            return constant((Double) ((java.lang.invoke.MethodHandle) ir.aux).invokeWithArguments(values), ir.pc);
        } catch (Throwable e) {
            throw new IllegalStateException("a numeric form failed on constants: " + e, e);
        }
    }

    private int constant(double v, int pc) {
        return emit(new Ir(IrOp.KNUM, IrType.NUM, Ir.NONE, Ir.NONE, Ir.NONE, null, v, null, pc));
    }

    /** Whether some instruction may call out of the trace or raise an error ({@link IrOp#isCall}). */
    boolean makesCalls() {
        for (Ir x : code) {
            if (x.op.isCall()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The conversions ({@link IrOp#PCAST} casts, {@link IrOp#TONUM} ints made numbers) an
     * instruction takes as a value (snapshots aside): the code makes those where the conversion
     * is, the others only where an exit writes them back (a C int result carried around a loop
     * as an int is made a number only when the loop is left).
     */
    java.util.BitSet conversionsTaken() {
        java.util.BitSet taken = new java.util.BitSet();
        for (Ir x : code) {
            for (int r : x.operands()) {
                if (code.get(r).op == IrOp.PCAST || code.get(r).op == IrOp.TONUM) {
                    taken.set(r);
                }
            }
        }
        return taken;
    }

    /** The IR as text ({@link IrText}), as {@code -jdump} prints it: objects without a literal get names of their kind. */
    String dump() {
        return IrText.print(this, new IrSymbols());
    }
}
