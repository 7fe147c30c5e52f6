package dev.isthmus.lua.jit;

import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.interp.CallStack;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.ValueStack;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The shape of a function tree's direct entry ({@code body}): the function's parameters as JVM
 * arguments after {@code run}'s, each a double when the root trace loads it as a number and an
 * object otherwise, and its one result as a double or an object, as the root trace's return
 * has it. The shape depends on the root trace alone, so side traces added later keep it; a
 * return of another shape in a side trace leaves its results in the value stack
 * ({@code DirectCalls}). {@code lazyFrame}: the frame's slots are written only where the
 * trace leaves its compiled code; otherwise (the tree runs an inner loop's trace on the frame,
 * or checks an upvalue open on it) at entry. Written where it leaves, the registers from
 * {@code clearedTo} on are left as they are: from there on a call of a Lua function
 * ({@link IrOp#CALLL}) may have left its results, which the trace reads from the frame
 * ({@link IrOp#RLOADN}, {@link IrOp#RLOADR}), and the registers below are those a function's
 * first instructions may count on being nil (locals declared without a value, which the
 * compiler leaves to the call's clearing).
 */
record DirectEntry(MethodType type, boolean[] numberParameters, boolean returnsNumber, boolean returnsNothing, boolean lazyFrame,
                   int clearedTo) {
    /** The most parameters a direct entry takes (JVM methods have at most 255 argument slots). */
    private static final int MAX_PARAMETERS = 100;

    /** The direct entry of {@code tree}, or null: not a function tree, a vararg function, a root that does not end by returning one value or none. */
    static DirectEntry of(TraceTree tree) {
        Prototype p = tree.proto;
        TraceIr ir = tree.ir;
        int end = tree.rootEnd();
        if (!tree.function || p.isVararg() || p.parameterCount() > MAX_PARAMETERS || end == 0 || ir.at(end - 1).op != IrOp.LEAVE) {
            return null;
        }
        Ir leave = ir.at(end - 1);
        int at = (Integer) leave.aux * 4;
        Snapshot s = ir.snapshots.get(leave.snapshot);
        int[] code = p.code();
        if (s.inside() != null || code[at] != Op.RETURN || code[at + 2] != 1 && code[at + 2] != 2) {
            return null;
        }
        boolean returnsNothing = code[at + 2] == 1;
        int n = p.parameterCount();
        boolean[] numbers = new boolean[n];
        boolean lazy = true;
        int clearedTo = p.frameExtent(n);
        for (int i = 0; i < ir.code.size(); i++) {
            Ir x = ir.at(i);
            if (i < end && x.op == IrOp.SLOADN && (Integer) x.aux < n) {
                numbers[(Integer) x.aux] = true;
            }
            if (x.op == IrOp.LINK) {
                return null;
            }
            lazy &= x.op != IrOp.LOOPCALL && x.op != IrOp.UOPEN;
            if (x.op == IrOp.CALLL) {
                clearedTo = Math.max(n, Math.min(clearedTo, (Integer) x.aux));
            }
        }
        int first = code[at + 1];
        int ref = returnsNothing ? Ir.NONE : s.refOf(first);
        boolean returnsNumber;
        if (returnsNothing) {
            returnsNumber = false;
        } else if (ref == Ir.NONE) {
            returnsNumber = first < n && numbers[first];
        } else {
            IrType t = ir.typeOf(ref);
            if (t == IrType.LONG || t == IrType.VOID) {
                return null;
            }
            returnsNumber = t != IrType.REF;
        }
        return new DirectEntry(typeOf(numbers, returnsNumber), numbers, returnsNumber, returnsNothing, lazy, lazy ? clearedTo : p.frameExtent(n));
    }

    /**
     * The shape a procedure's direct entry takes when the root trace loads none of its
     * parameters as a number: all of them objects, nil returned; null when {@code p} is not
     * a procedure (a function whose every return gives nothing, with no tail call or varargs).
     * A trace calling a procedure that has no tree yet calls through that site, which the
     * tree's entry links to when it comes with that shape (methods of objects, whose
     * parameters are tables), instead of making the call the interpreter's way for good.
     */
    static MethodType ofProcedure(Prototype p) {
        if (p.isVararg() || p.parameterCount() > MAX_PARAMETERS) {
            return null;
        }
        return fixedResultCount(p) == 0 ? typeOf(new boolean[p.parameterCount()], false) : null;
    }

    /**
     * How many results every return of {@code p} that some path reaches gives, or -1: returns
     * of different counts, of open results, or a tail call. (The return the compiler adds
     * after a last {@code return} is not reached: {@link RegisterLiveness#reachable}.)
     */
    static int fixedResultCount(Prototype p) {
        int[] code = p.code();
        int count = -1;
        BitSet reachable = RegisterLiveness.reachable(p);
        for (int i = 0; i < code.length; i += 4) {
            if (!reachable.get(i / 4)) {
                continue;
            }
            if (code[i] == Op.TAILCALL || code[i] == Op.RETURN && (code[i + 2] == 0 || count >= 0 && code[i + 2] - 1 != count)) {
                return -1;
            }
            if (code[i] == Op.RETURN) {
                count = code[i + 2] - 1;
            }
        }
        return count;
    }

    /** The entry's type: {@code run}'s parameters, then a double per number parameter and an object per other, the result a double or an object. */
    private static MethodType typeOf(boolean[] numberParameters, boolean returnsNumber) {
        List<Class<?>> parameters = new ArrayList<>(List.of(ValueStack.class, int.class, LuaClosure.class, CallStack.class));
        for (boolean number : numberParameters) {
            parameters.add(number ? double.class : Object.class);
        }
        return MethodType.methodType(returnsNumber ? double.class : Object.class, parameters);
    }

    String descriptor() {
        return type.toMethodDescriptorString();
    }

    int parameterCount() {
        return numberParameters.length;
    }

    /** The JVM local of parameter {@code p} in {@code body}, whose first four are {@code run}'s. */
    int localOf(int p) {
        int local = 5;
        for (int j = 0; j < p; j++) {
            local += numberParameters[j] ? 2 : 1;
        }
        return local;
    }

    /** The first JVM local after the parameters. */
    int firstFreeLocal() {
        return localOf(numberParameters.length);
    }
}
