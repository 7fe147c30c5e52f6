package dev.isthmus.lua.jit;

import dev.isthmus.lua.runtime.LuaString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocation sinking (LuaJIT's {@code lj_opt_sink.c}) of tables made in the trace: a
 * {@link IrOp#TNEW} whose value only has fields stored and read with constant keys, and is
 * otherwise only held by registers of snapshots, is never allocated. Each read of a field is
 * the value last stored there (store-to-load forwarding), each store becomes an
 * {@link IrOp#SSET} that emits no code, and the table an {@link IrOp#SNEW}; an exit whose
 * snapshot holds it makes the table there ({@link ExitWriter}: the same sizes, the stores made
 * before that exit replayed in order, so the table has the array and hash parts the interpreter
 * would have given it), and a side trace from such an exit makes it at its start.
 *
 * <p>A table escapes, and is made as before, when it is stored anywhere, passed to a call, read
 * with a key that is not a constant or before any store of that key, carried around the loop
 * (a PHI), handed to an inner loop's trace or a recursive call on the frame, returned by a
 * function trace, or held by two
 * registers of one snapshot (an exit would make two tables). Runs after loop peeling, before
 * dead code elimination, which then drops the forwarded reads.
 */
final class AllocationSinking {
    private AllocationSinking() {
    }

    static void run(TraceIr ir) {
        int size = ir.code.size();
        boolean[] candidate = new boolean[size];
        for (int i = 0; i < size; i++) {
            candidate[i] = ir.at(i).op == IrOp.TNEW;
        }
        int[] forwarded = new int[size];
        // A table found to escape may have forwarded some of its reads already: the reads of
        // the tables left are found again, until none is rejected.
        boolean changed = true;
        while (changed) {
            changed = false;
            Arrays.fill(forwarded, Ir.NONE);
            for (int i = 0; i < size; i++) {
                if (candidate[i] && !sinkable(ir, i, forwarded)) {
                    candidate[i] = false;
                    changed = true;
                }
            }
        }
        boolean any = false;
        for (boolean c : candidate) {
            any |= c;
        }
        if (any) {
            rewrite(ir, candidate, forwarded);
        }
    }

    /**
     * Whether the table made at {@code table} can be sunk: every use one it allows. Records in
     * {@code forwarded} the value each of its field reads is.
     */
    private static boolean sinkable(TraceIr ir, int table, int[] forwarded) {
        Map<Object, Integer> fields = new HashMap<>();
        for (int i = table + 1; i < ir.code.size(); i++) {
            Ir x = ir.at(i);
            boolean onTable = x.a == table;
            if (onTable && isStore(x.op)) {
                Object key = keyOf(ir, x);
                int value = x.op == IrOp.HSETK ? x.b : x.c;
                if (key == null || value == table || x.b == table && x.op != IrOp.HSETK) {
                    return false;
                }
                fields.put(key, value);
                continue;
            }
            if (onTable && isLoad(x.op)) {
                Object key = keyOf(ir, x);
                Integer value = key == null ? null : fields.get(key);
                if (value == null || x.b == table || ir.typeOf(value) != x.type) {
                    return false;
                }
                forwarded[i] = value;
                continue;
            }
            if (onTable && x.op == IrOp.GNOMETA) {
                // A table the trace made has no metatable: setting one would be a call, an escape.
                continue;
            }
            for (int r : x.operands()) {
                if (r == table) {
                    return false;
                }
            }
        }
        for (int i = 0; i < ir.code.size(); i++) {
            Ir x = ir.at(i);
            if (x.snapshot != Ir.NONE && (x.op == IrOp.LOOPCALL || x.op == IrOp.CALLL || x.op == IrOp.LEAVE)
                    && holds(ir.snapshots.get(x.snapshot), table) > 0) {
                // The frame is handed to other code, which may change the table it finds there
                // (or, at a function trace's end, returns it).
                return false;
            }
        }
        for (Snapshot s : ir.snapshots) {
            if (holds(s, table) > 1) {
                return false;
            }
        }
        return true;
    }

    private static int holds(Snapshot s, int ref) {
        int count = 0;
        for (int r : s.refs()) {
            count += r == ref ? 1 : 0;
        }
        return count;
    }

    private static boolean isStore(IrOp op) {
        return op == IrOp.TSETV || op == IrOp.TSETN || op == IrOp.HSETK;
    }

    private static boolean isLoad(IrOp op) {
        return op == IrOp.HGETK || op == IrOp.TGETV || op == IrOp.TGETN || op == IrOp.TLOADN;
    }

    /** The constant key of a table access: a string, or a number (0 for -0); null when it is not a constant one can store at. */
    private static Object keyOf(TraceIr ir, Ir access) {
        if (access.op == IrOp.HGETK || access.op == IrOp.HSETK) {
            return access.aux;
        }
        Ir key = ir.at(access.b);
        if (key.op == IrOp.KREF && key.aux instanceof LuaString s) {
            return s;
        }
        if (key.op == IrOp.KNUM && !((Double) key.aux).isNaN()) {
            double d = (Double) key.aux;
            return d == 0 ? 0.0 : d;
        }
        return null;
    }

    private static void rewrite(TraceIr ir, boolean[] sunk, int[] forwarded) {
        int size = ir.code.size();
        int[] rename = new int[size];
        for (int i = 0; i < size; i++) {
            int r = i;
            while (forwarded[r] != Ir.NONE) {
                r = forwarded[r];
            }
            rename[i] = r;
        }
        List<Ir> code = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Ir x = ir.at(i);
            Ir y;
            if (sunk[i]) {
                y = new Ir(IrOp.SNEW, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, null, x.aux, null, x.pc);
            } else if (x.a != Ir.NONE && sunk[x.a] && isStore(x.op)) {
                int value = rename[x.op == IrOp.HSETK ? x.b : x.c];
                y = new Ir(IrOp.SSET, IrType.VOID, x.a, value, Ir.NONE, null, keyOf(ir, x), null, x.pc);
            } else if (x.a != Ir.NONE && sunk[x.a] && (isLoad(x.op) || x.op == IrOp.GNOMETA)) {
                // Nothing uses it any more: dead code elimination removes it.
                y = new Ir(IrOp.KREF, IrType.REF, Ir.NONE, Ir.NONE, Ir.NONE, null, null, null, x.pc);
            } else {
                int[] args = x.args == null ? null : Arrays.stream(x.args).map(r -> rename[r]).toArray();
                y = new Ir(x.op, x.type, at(rename, x.a), at(rename, x.b), at(rename, x.c), args, x.aux, x.aux2, x.pc);
                y.snapshot = x.snapshot;
            }
            code.add(y);
        }
        ir.code.clear();
        ir.code.addAll(code);
        ir.snapshots.replaceAll(s -> s.renamed(r -> rename[r]));
    }

    private static int at(int[] rename, int ref) {
        return ref == Ir.NONE ? Ir.NONE : rename[ref];
    }

    /** Where snapshot {@code snapshot} is taken: the first instruction leaving through it (its stores before it are the table's fields there). */
    static int positionOf(TraceIr ir, int snapshot) {
        for (int i = 0; i < ir.code.size(); i++) {
            if (ir.at(i).snapshot == snapshot) {
                return i;
            }
        }
        return ir.code.size();
    }

    /** The {@link IrOp#SSET}s on the sunk table {@code table} before instruction {@code position}, in order. */
    static List<Ir> storesBefore(TraceIr ir, int table, int position) {
        List<Ir> stores = new ArrayList<>();
        for (int i = table + 1; i < Math.min(position, ir.code.size()); i++) {
            Ir x = ir.at(i);
            if (x.op == IrOp.SSET && x.a == table) {
                stores.add(x);
            }
        }
        return stores;
    }
}
