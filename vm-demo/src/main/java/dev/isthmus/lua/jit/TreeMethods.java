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
 * its exit is in ({@link TraceTree.Side#cuts}: that method would have been too large for the
 * JVM's compiler, {@link TreeClass}) is a method of its own, called at that exit, and the side
 * traces grown from its exits are placed in it in turn (or in methods of their own). A side
 * trace too large for one method of its own is cut into several, each ending with the call of
 * the next (md5's, which inlines all of its transform: 65 KB of bytecode).
 *
 * <p>A side method takes, besides {@code run}'s arguments, the values it uses that are computed
 * in the methods calling it (the side trace's parent values: those its snapshots carry, the
 * root's entry loads and loop values, the values of its part before a cut), as parameters (a
 * constant is pushed where it is used, in every method), and a C view it uses it makes from the
 * values it is made of. It returns what {@code run} does, the pc an exit resumes at, or {@link #RELINK}
 * when its trace came back to the loop: the frame is then written back, and {@code run} loads
 * the root's registers from it again and runs the loop on (a side trace placed inline gives
 * them its values instead).
 */
final class TreeMethods {
    /** What a side method returns when its trace came back to the root's loop instruction; never a pc. */
    static final int RELINK = -1;
    private static final String SIDE_DESCRIPTOR_START = "(" + Type.getDescriptor(ValueStack.class) + "I" + Type.getDescriptor(LuaClosure.class)
            + Type.getDescriptor(CallStack.class);

    /**
     * One method: the side trace it is (part of; null for {@code run}, whose code is the root),
     * the range of that trace's code it runs, the method it ends by calling (its trace's next
     * part, an index in {@link #all}, or -1), the side traces placed inline in it, the values it
     * takes as parameters after {@code run}'s arguments and those its caller passes in fields,
     * both in ascending order.
     */
    record Method(String name, String descriptor, TraceTree.Side side, int from, int to, int next, List<TraceTree.Side> inline,
            int[] parameters, int[] passedInFields) {
        boolean isRun() {
            return side == null;
        }

        /**
         * Gives the values of the method JVM locals from slot {@code first} on: its parameters
         * in order, the values its code computes but constants (pushed where they are used); the
         * others get -1. Returns the first slot after them.
         */
        int placeLocals(TraceIr ir, int[] local, int first) {
            Arrays.fill(local, -1);
            int next = first;
            for (int ref : parameters) {
                local[ref] = next;
                next += TraceCodegen.slotsOf(ir.typeOf(ref));
            }
            for (int ref : passedInFields) {
                local[ref] = next;
                next += TraceCodegen.slotsOf(ir.typeOf(ref));
            }
            List<int[]> ranges = new ArrayList<>();
            ranges.add(new int[] {from, to});
            for (TraceTree.Side s : inline) {
                ranges.add(new int[] {s.start(), s.end()});
            }
            for (int[] range : ranges) {
                for (int i = range[0]; i < range[1]; i++) {
                    if (!ir.at(i).op.isConstant()) {
                        local[i] = next;
                        next += TraceCodegen.slotsOf(ir.typeOf(i));
                    }
                }
            }
            return next;
        }
    }

    /** A stretch of a trace's code that runs in one method: the root, a side trace placed inline, or a part of one of its own. */
    private record Part(TraceTree.Side side, int from, int to, boolean startsMethod) {
    }

    private final List<Method> methods;
    private final Map<TraceTree.Side, Method> own;

    /** Found when first asked ({@link #unboxedElementReads}). */
    private BitSet unboxedElementReads;

    private TreeMethods(List<Method> methods, Map<TraceTree.Side, Method> own) {
        this.methods = methods;
        this.own = own;
    }

    /** {@code run} first, then the side methods, each after the method that calls it. */
    List<Method> all() {
        return methods;
    }

    /**
     * {@link TraceIr#unboxedElementReads} whose test and unboxing are emitted in the same method
     * as the read: the same for every method of the class, found once.
     */
    BitSet unboxedElementReads(TraceIr ir) {
        if (unboxedElementReads == null) {
            unboxedElementReads = ir.unboxedElementReads();
            for (int r = unboxedElementReads.nextSetBit(0); r >= 0; r = unboxedElementReads.nextSetBit(r + 1)) {
                if (!withinOneMethod(r, r + 2)) {
                    unboxedElementReads.clear(r);
                }
            }
        }
        return unboxedElementReads;
    }

    /** Whether instructions {@code first} to {@code last} are all emitted in one method (none in another part or side method). */
    private boolean withinOneMethod(int first, int last) {
        for (Method m : methods) {
            if (m.from() <= first && last < m.to()) {
                return true;
            }
            for (TraceTree.Side side : m.inline()) {
                if (side.start() <= first && last < side.end()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The (first) method {@code side} is, or null when it is placed inline in the method of its exit. */
    Method ownMethodOf(TraceTree.Side side) {
        return own.get(side);
    }

    /**
     * The methods of {@code tree} as its side traces say; a side method also takes the values
     * {@code unplanned} lists under its name (values its code loaded that {@link #uses} missed).
     */
    static TreeMethods of(TraceTree tree, Map<String, BitSet> unplanned) throws TreeClass.TooLarge {
        TraceIr ir = tree.ir;
        List<Part> parts = partsOf(tree);
        int[] partOfSnapshot = partsOfSnapshots(ir, parts);
        // Each part is in a method (0: run), which the first part of it starts.
        int[] methodOfPart = new int[parts.size()];
        List<Integer> firstParts = new ArrayList<>(List.of(0));
        List<Integer> callers = new ArrayList<>(List.of(-1));
        for (int p = 1; p < parts.size(); p++) {
            Part part = parts.get(p);
            boolean continues = part.from() != part.side().start();
            // The method the part is reached from: its exit's, or the one running the side trace's part before it.
            int from = continues ? methodOfPart[p - 1] : methodOfPart[partOfSnapshot[part.side().exit()]];
            if (part.startsMethod()) {
                methodOfPart[p] = firstParts.size();
                firstParts.add(p);
                callers.add(from);
            } else {
                methodOfPart[p] = from;
            }
        }
        int count = firstParts.size();
        BitSet[] defined = new BitSet[count];
        BitSet[] needed = new BitSet[count];
        List<List<TraceTree.Side>> inline = new ArrayList<>();
        int[] next = new int[count];
        Arrays.fill(next, -1);
        for (int m = 0; m < count; m++) {
            defined[m] = new BitSet();
            needed[m] = new BitSet();
            inline.add(new ArrayList<>());
        }
        String[] names = new String[count];
        for (int m = 0; m < count; m++) {
            Part first = parts.get(firstParts.get(m));
            names[m] = m == 0 ? "run" : "side" + first.side().number() + (first.from() == first.side().start() ? "" : "_" + first.from());
            needed[m].or(unplanned.getOrDefault(names[m], new BitSet()));
        }
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            int m = methodOfPart[p];
            if (p > 0 && !part.startsMethod()) {
                inline.get(m).add(part.side());
            } else if (p > 0 && part.from() != part.side().start()) {
                next[callers.get(m)] = m;
            }
            defined[m].set(part.from(), part.to());
            uses(ir, part, needed[m]);
        }
        int[][] parameters = new int[count][];
        // Callees come after their callers: what a callee takes, its caller has or takes in turn.
        for (int m = count - 1; m >= 0; m--) {
            List<Integer> work = new ArrayList<>(needed[m].stream().boxed().toList());
            for (int callee = m + 1; callee < count; callee++) {
                if (callers.get(callee) == m) {
                    Arrays.stream(parameters[callee]).forEach(work::add);
                }
            }
            BitSet params = new BitSet();
            valuesFromCallers(ir, work, defined[m], params);
            parameters[m] = params.stream().toArray();
        }
        if (parameters[0].length > 0) {
            throw new IllegalStateException("the root's method would use values it does not compute: " + Arrays.toString(parameters[0]));
        }
        List<Method> methods = new ArrayList<>();
        Map<TraceTree.Side, Method> own = new HashMap<>();
        for (int m = 0; m < count; m++) {
            Part first = parts.get(firstParts.get(m));
            TraceTree.Side side = first.side();
            int passed = passedAsParameters(ir, parameters[m]);
            int[] inFields = Arrays.copyOfRange(parameters[m], passed, parameters[m].length);
            int[] asParameters = Arrays.copyOf(parameters[m], passed);
            Method method = new Method(names[m], m == 0 ? TraceCodegen.RUN_DESCRIPTOR : descriptor(ir, asParameters), side, first.from(), first.to(),
                    next[m], List.copyOf(inline.get(m)), asParameters, inFields);
            methods.add(method);
            if (m > 0 && first.from() == side.start()) {
                own.put(side, method);
            }
        }
        return new TreeMethods(methods, own);
    }

    /** The root, then each side trace: whole when placed inline, else each of its parts. */
    private static List<Part> partsOf(TraceTree tree) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(null, 0, tree.rootEnd(), true));
        for (TraceTree.Side side : tree.sides) {
            int[] cuts = side.cuts();
            if (cuts.length == 0) {
                parts.add(new Part(side, side.start(), side.end(), false));
            }
            for (int c = 0; c < cuts.length; c++) {
                parts.add(new Part(side, cuts[c], c + 1 < cuts.length ? cuts[c + 1] : side.end(), true));
            }
        }
        return parts;
    }

    /** Per snapshot, the part whose instructions leave through it. */
    private static int[] partsOfSnapshots(TraceIr ir, List<Part> parts) {
        int[] part = new int[ir.snapshots.size()];
        for (int p = 0; p < parts.size(); p++) {
            for (int i = parts.get(p).from(); i < parts.get(p).to(); i++) {
                int snapshot = ir.at(i).snapshot;
                if (snapshot != Ir.NONE) {
                    part[snapshot] = p;
                }
            }
        }
        return part;
    }

    /**
     * Adds to {@code needed} the values {@code part}'s code loads: operands, the values its
     * snapshots write, and at a link the cdata its whole side trace keeps alive to there. (The
     * code may load others, an integer key's int for its number: TreeClass then plans again.)
     */
    private static void uses(TraceIr ir, Part part, BitSet needed) {
        for (int i = part.from(); i < part.to(); i++) {
            Ir x = ir.at(i);
            for (int operand : x.operands()) {
                needed.set(operand);
            }
            if (x.op == IrOp.TLOADN || x.op == IrOp.TSETN) {
                // The int an integer key was made from, which the code loads instead of the key.
                TraceCodegen.IntegerKey key = TraceCodegen.integerKey(ir, x.b);
                if (key != null && key.ref() != Ir.NONE) {
                    needed.set(key.ref());
                }
            }
            if (x.snapshot != Ir.NONE) {
                for (int ref : ir.snapshots.get(x.snapshot).refs()) {
                    needed.set(ref);
                }
            }
            if (x.op == IrOp.LINK) {
                for (int j = part.side().start(); j < part.side().end(); j++) {
                    if (ir.at(j).op == IrOp.CADDR || ir.at(j).op == IrOp.PELEM) {
                        needed.set(ir.at(j).a);
                    }
                }
            }
        }
    }

    /**
     * Sorts the values in {@code work} that a method does not compute ({@code defined}) into
     * those its callers pass ({@code params}); a constant is neither (it is pushed where it is
     * used), a C view is made again from its parts, a pointer cast no instruction takes from its pointer.
     */
    private static void valuesFromCallers(TraceIr ir, List<Integer> work, BitSet defined, BitSet params) {
        BitSet seen = new BitSet();
        BitSet conversionsTaken = ir.conversionsTaken();
        while (!work.isEmpty()) {
            int ref = work.remove(work.size() - 1);
            if (defined.get(ref) || seen.get(ref)) {
                continue;
            }
            seen.set(ref);
            Ir x = ir.at(ref);
            switch (x.op) {
                case KNUM, KINT, KREF, KI64 -> {
                    // Made where they are used (TraceCodegen.load): neither passed nor made again.
                }
                case CVIEW -> {
                    work.add(x.a);
                    work.add(x.b);
                }
                // A cast or int made a number only where it is written back is made again from its operand.
                case PCAST, TONUM -> {
                    if (conversionsTaken.get(ref)) {
                        params.set(ref);
                    } else {
                        work.add(x.a);
                    }
                }
                default -> params.set(ref);
            }
        }
    }

    /**
     * How many of a side method's values (from the first) it takes as parameters; the others its
     * caller passes in fields of the tree's instance, written just before the call and read
     * first thing in the method ({@link TraceCodegen}). C2 refuses to compile a method whose
     * arguments and those of a call it makes take more stack slots together than its register
     * masks can name, about 120 on x86-64 ("unsupported calling sequence"), and the method then
     * runs as C1 compiled it, for good: md5's side trace, cut into methods of 43 to 62 values
     * each, ran five of its seven methods so. Past the argument registers, each value takes two
     * stack slots; a method and the next it calls stay under twice {@link #MAX_STACK_SLOTS}.
     */
    private static int passedAsParameters(TraceIr ir, int[] values) {
        // The receiver and run's four arguments: the stack (a reference), base (an int), the closure, the frames.
        int integerArguments = 5;
        int floatArguments = 0;
        for (int i = 0; i < values.length; i++) {
            if (ir.typeOf(values[i]) == IrType.NUM) {
                floatArguments++;
            } else {
                integerArguments++;
            }
            int stackSlots = 2 * (Math.max(0, integerArguments - INTEGER_ARGUMENT_REGISTERS) + Math.max(0, floatArguments - FLOAT_ARGUMENT_REGISTERS));
            if (stackSlots > MAX_STACK_SLOTS) {
                return i;
            }
        }
        return values.length;
    }

    /** The Java calling convention's argument registers on x86-64 (and more on AArch64, where the bound is then only cautious). */
    private static final int INTEGER_ARGUMENT_REGISTERS = 6;
    private static final int FLOAT_ARGUMENT_REGISTERS = 8;
    private static final int MAX_STACK_SLOTS = 48;

    /** {@code run}'s parameters, then the values {@code parameters}, returning an int. */
    private static String descriptor(TraceIr ir, int[] parameters) {
        StringBuilder d = new StringBuilder(SIDE_DESCRIPTOR_START);
        for (int ref : parameters) {
            IrType type = ir.typeOf(ref);
            if (type == IrType.VOID) {
                throw new IllegalStateException("no value: " + ref);
            }
            d.append(type.descriptor);
        }
        return d.append(")I").toString();
    }
}
