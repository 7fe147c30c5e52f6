package dev.isthmus.lua.jit;

import dev.isthmus.lua.interp.CallStack;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.ValueStack;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a tree's code is laid out in the JVM methods of its class. The root trace and the side
 * traces placed inline after it are {@code run}. A side trace that did not fit in the method
 * its exit is in ({@link TraceTree.Side#ownMethod}: that method would have been too large for
 * the JVM's compiler, {@link TreeClass}) is a method of its own, called at that exit, and the
 * side traces grown from its exits are placed in it in turn (or in methods of their own).
 *
 * <p>A side method takes, besides {@code run}'s arguments, the values it uses that are computed
 * in the methods calling it (the side trace's parent values: those its snapshots carry, the
 * root's entry loads and loop values), as parameters; the constants among them it makes
 * again itself, and a C view it uses it makes from the values it is made of. It returns what
 * {@code run} does, the pc an exit resumes at, or {@link #RELINK} when its trace came back to
 * the loop: the frame is then written back, and {@code run} loads the root's registers from it
 * again and runs the loop on (a side trace placed inline gives them its values instead).
 */
final class TreeMethods {
    /** What a side method returns when its trace came back to the root's loop instruction; never a pc. */
    static final int RELINK = -1;
    /** The parameter slots a JVM method may have (its receiver included). */
    private static final int MAX_PARAMETER_SLOTS = 255;
    private static final String SIDE_DESCRIPTOR_START = "(" + Type.getDescriptor(ValueStack.class) + "I" + Type.getDescriptor(LuaClosure.class)
            + Type.getDescriptor(CallStack.class);

    /**
     * One method: its trace ({@code head}; null for {@code run}, whose trace is the root), the
     * side traces placed inline in it, the values it takes as parameters after {@code run}'s
     * arguments and the constants it loads itself, both in ascending order.
     */
    record Method(String name, String descriptor, TraceTree.Side head, List<TraceTree.Side> inline, int[] parameters, int[] constants) {
        boolean isRun() {
            return head == null;
        }

        /**
         * Gives the values of the method JVM locals from slot {@code first} on: its parameters
         * in order, its constants, the values its traces compute; the others get -1. Returns
         * the first slot after them.
         */
        int placeLocals(TraceTree tree, int[] local, int first) {
            Arrays.fill(local, -1);
            int next = first;
            for (int ref : parameters) {
                local[ref] = next;
                next += TraceCodegen.slotsOf(tree.ir.typeOf(ref));
            }
            for (int ref : constants) {
                local[ref] = next;
                next += TraceCodegen.slotsOf(tree.ir.typeOf(ref));
            }
            List<int[]> ranges = new ArrayList<>();
            ranges.add(head == null ? new int[] {0, tree.rootEnd()} : new int[] {head.start(), head.end()});
            for (TraceTree.Side side : inline) {
                ranges.add(new int[] {side.start(), side.end()});
            }
            for (int[] range : ranges) {
                for (int i = range[0]; i < range[1]; i++) {
                    local[i] = next;
                    next += TraceCodegen.slotsOf(tree.ir.typeOf(i));
                }
            }
            return next;
        }
    }

    private final List<Method> methods;
    private final Map<TraceTree.Side, Method> own;

    private TreeMethods(List<Method> methods, Map<TraceTree.Side, Method> own) {
        this.methods = methods;
        this.own = own;
    }

    /** {@code run} first, then the side methods, each after the method that calls it. */
    List<Method> all() {
        return methods;
    }

    /** The method {@code side} is, or null when it is placed inline in the method of its exit. */
    Method ownMethodOf(TraceTree.Side side) {
        return own.get(side);
    }

    /** The methods of {@code tree} as its side traces say. */
    static TreeMethods of(TraceTree tree) throws TreeClass.TooLarge {
        TraceIr ir = tree.ir;
        List<TraceTree.Side> sides = tree.sides;
        // Each trace (0: the root, k: side k - 1) is in a method (0: run); a method's head is its first trace.
        int[] methodOfTrace = new int[sides.size() + 1];
        List<Integer> heads = new ArrayList<>(List.of(0));
        List<Integer> callers = new ArrayList<>(List.of(-1));
        int[] traceOfSnapshot = tracesOfSnapshots(tree);
        for (int k = 0; k < sides.size(); k++) {
            TraceTree.Side side = sides.get(k);
            int parent = methodOfTrace[traceOfSnapshot[side.exit()]];
            if (side.ownMethod()) {
                methodOfTrace[k + 1] = heads.size();
                heads.add(k + 1);
                callers.add(parent);
            } else {
                methodOfTrace[k + 1] = parent;
            }
        }
        int count = heads.size();
        BitSet[] defined = new BitSet[count];
        BitSet[] needed = new BitSet[count];
        List<List<TraceTree.Side>> inline = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            defined[m] = new BitSet();
            needed[m] = new BitSet();
            inline.add(new ArrayList<>());
        }
        for (int t = 0; t <= sides.size(); t++) {
            int m = methodOfTrace[t];
            int start = t == 0 ? 0 : sides.get(t - 1).start();
            int end = t == 0 ? tree.rootEnd() : sides.get(t - 1).end();
            if (t > 0 && heads.get(m) != t) {
                inline.get(m).add(sides.get(t - 1));
            }
            defined[m].set(start, end);
            for (int i = start; i < end; i++) {
                Ir x = ir.at(i);
                for (int operand : x.operands()) {
                    needed[m].set(operand);
                }
                if (x.snapshot != Ir.NONE) {
                    for (int ref : ir.snapshots.get(x.snapshot).refs()) {
                        needed[m].set(ref);
                    }
                }
            }
        }
        int[][] parameters = new int[count][];
        int[][] constants = new int[count][];
        // Callees come after their callers: what a callee takes, its caller has or takes in turn.
        for (int m = count - 1; m >= 0; m--) {
            BitSet params = new BitSet();
            BitSet consts = new BitSet();
            BitSet seen = new BitSet();
            List<Integer> work = new ArrayList<>(needed[m].stream().boxed().toList());
            for (int callee = m + 1; callee < count; callee++) {
                if (callers.get(callee) == m) {
                    Arrays.stream(parameters[callee]).forEach(work::add);
                }
            }
            while (!work.isEmpty()) {
                int ref = work.remove(work.size() - 1);
                if (defined[m].get(ref) || seen.get(ref)) {
                    continue;
                }
                seen.set(ref);
                Ir x = ir.at(ref);
                switch (x.op) {
                    case KNUM, KINT, KREF -> consts.set(ref);
                    case CVIEW -> {
                        work.add(x.a);
                        work.add(x.b);
                    }
                    default -> params.set(ref);
                }
            }
            parameters[m] = params.stream().toArray();
            constants[m] = consts.stream().toArray();
        }
        if (parameters[0].length > 0 || constants[0].length > 0) {
            throw new IllegalStateException("the root's method would use values it does not compute: " + Arrays.toString(parameters[0]));
        }
        List<Method> methods = new ArrayList<>();
        Map<TraceTree.Side, Method> own = new HashMap<>();
        for (int m = 0; m < count; m++) {
            TraceTree.Side head = m == 0 ? null : sides.get(heads.get(m) - 1);
            Method method = new Method(m == 0 ? "run" : "side" + head.number(), m == 0 ? TraceCodegen.RUN_DESCRIPTOR : descriptor(ir, parameters[m]),
                    head, List.copyOf(inline.get(m)), parameters[m], constants[m]);
            methods.add(method);
            if (head != null) {
                own.put(head, method);
            }
        }
        return new TreeMethods(methods, own);
    }

    /** Per snapshot, the trace whose instructions leave through it (0: the root, k: side k - 1). */
    private static int[] tracesOfSnapshots(TraceTree tree) {
        int[] trace = new int[tree.ir.snapshots.size()];
        for (int t = 0; t <= tree.sides.size(); t++) {
            int start = t == 0 ? 0 : tree.sides.get(t - 1).start();
            int end = t == 0 ? tree.rootEnd() : tree.sides.get(t - 1).end();
            for (int i = start; i < end; i++) {
                int snapshot = tree.ir.at(i).snapshot;
                if (snapshot != Ir.NONE) {
                    trace[snapshot] = t;
                }
            }
        }
        return trace;
    }

    /** {@code run}'s parameters, then the values {@code parameters}, returning an int. */
    private static String descriptor(TraceIr ir, int[] parameters) throws TreeClass.TooLarge {
        StringBuilder d = new StringBuilder(SIDE_DESCRIPTOR_START);
        int slots = 5;
        for (int ref : parameters) {
            IrType type = ir.typeOf(ref);
            d.append(switch (type) {
                case NUM -> "D";
                case INT -> "I";
                case LONG -> "J";
                case REF -> "Ljava/lang/Object;";
                case VOID -> throw new IllegalStateException("no value: " + ref);
            });
            slots += TraceCodegen.slotsOf(type);
        }
        if (slots > MAX_PARAMETER_SLOTS) {
            throw new TreeClass.TooLarge("its values take " + slots + " parameter slots, over " + MAX_PARAMETER_SLOTS);
        }
        return d.append(")I").toString();
    }
}
