package dev.isthmus.lua.jit;

import dev.isthmus.jit.ClassData;
import dev.isthmus.jit.HiddenClasses;
import dev.isthmus.lua.interp.LoopTrace;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import static org.objectweb.asm.Opcodes.*;

/**
 * The hidden class a trace tree is compiled to: a {@link LoopTrace} whose {@code run} is the
 * tree's code, with the side traces that did not fit in it as methods of their own
 * ({@link TreeMethods}, each emitted by a {@link TraceCodegen}), the static methods its exits
 * write the frame with ({@link ExitWriter}), and the constants they load (the class's class
 * data).
 */
final class TreeClass {
    private static final String OBJECT = "java/lang/Object";

    /**
     * The largest tree method, in bytes of bytecode, that may take another side trace. HotSpot
     * never compiles a method over 8000 bytes ({@code HugeMethodLimit}), and C2 inlines a callee
     * only while the method and what it has inlined stay under 8000 bytes too
     * ({@code DesiredMethodLimit}): nbody's tree at 7500 bytes kept its calls to the table's
     * slot accessors and boxing as calls and ran at half the speed of its root alone. A third of
     * the budget is left to inlining. (The launcher lifts the second bound, {@code -XX:-ClipInlining};
     * an embedder's JVM may not.)
     */
    static final int TREE_LIMIT = 5300;

    /**
     * The largest method HotSpot compiles ({@code HugeMethodLimit}): a side trace larger than
     * that alone in a method of its own would run in the JVM's bytecode interpreter, slower
     * than Lua's interpreter runs its Lua code.
     */
    static final int HUGE_METHOD = 8000;
    /** The bytes of bytecode a piece of a side trace too large for one method is cut to: well under {@link #HUGE_METHOD}. */
    private static final int PIECE = 5000;
    /** How often a side trace is cut finer before it is given up. */
    private static final int MAX_CUT_TRIES = 4;
    /** How often a class is made again for values its side methods loaded unplanned. */
    private static final int MAX_PLAN_TRIES = 3;

    /** A method of the tree would be too large for the JVM or its compiler: the last side trace must go where it is. */
    static final class TooLarge extends Exception {
        /** Where to cut the newest side trace so that its methods are smaller, or null. */
        final int[] cuts;

        TooLarge(String why) {
            super(why, null, false, false);
            cuts = null;
        }

        TooLarge(int size, int limit) {
            this(size, false, limit, null);
        }

        /** {@code size} bytes of bytecode, or at least that many when the emission stopped {@code early}. */
        TooLarge(int size, boolean early, int limit, int[] cuts) {
            super((early ? "at least " : "") + size + " bytes of bytecode, over " + limit, null, false, false);
            this.cuts = cuts;
        }
    }

    final TraceTree tree;
    final ClassData constants = new ClassData();
    /** The exit writers' methods by what they write, shared by the class's methods. */
    final Map<String, String> exitMethods = new HashMap<>();
    /** Per value type, how many fields side methods take values in ({@link #passingField}). */
    private final int[] passingFields = new int[IrType.values().length];

    /** The name of the {@code index}th field a side method takes a value of {@code type} in, declared with the class. */
    String passingField(IrType type, int index) {
        passingFields[type.ordinal()] = Math.max(passingFields[type.ordinal()], index + 1);
        return passingFieldName(type, index);
    }

    private static String passingFieldName(IrType type, int index) {
        return "passed" + type.name() + index;
    }

    private void declarePassingFields(ClassWriter cw) {
        for (IrType type : IrType.values()) {
            for (int i = 0; i < passingFields[type.ordinal()]; i++) {
                cw.visitField(ACC_PRIVATE, passingFieldName(type, i), type.descriptor, null, null).visitEnd();
            }
        }
    }

    /** The tree's direct entry, whose method {@code body} holds what {@code run} holds otherwise; or null. */
    final DirectEntry direct;

    private TreeClass(TraceTree tree) {
        this.tree = tree;
        this.direct = DirectEntry.of(tree);
    }

    /**
     * Generates, defines and instantiates the tree's class.
     *
     * @throws TooLarge when a method holding side traces is larger than the JVM compiles well, or a
     *         side trace's own method larger than it compiles at all
     */
    /**
     * Generates the class with the tree's newest side trace in a method of its own, or, when
     * that is too large, in several, cut where the code of the last try says.
     */
    static LoopTrace generateWithNewestApart(TraceTree tree, String name) throws TooLarge {
        int[] cuts = {tree.sides.getLast().start()};
        for (int attempt = 1; ; attempt++) {
            tree.cutLast(cuts);
            try {
                return generate(tree, name);
            } catch (TooLarge e) {
                if (e.cuts == null || attempt == MAX_CUT_TRIES) {
                    throw e;
                }
                cuts = e.cuts;
            }
        }
    }

    /**
     * {@code side}'s cuts and more in {@code method}'s part of it, so that each of its pieces
     * takes about {@link #PIECE} bytes: the exits and handlers placed after the part are shared
     * out in proportion to the code of the part, where their guards and calls are.
     */
    private static int[] finerCuts(TraceTree.Side side, TreeMethods.Method method, TraceCodegen code, int size) {
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        Arrays.stream(side.cuts()).forEach(cuts::add);
        double scale = size / (double) Math.max(1, code.offsetOf(method.to()) - code.offsetOf(method.from()));
        if (code.stoppedEarly()) {
            // Not all of the exits placed: as many bytes again as the code of the part, md5's and others' share.
            scale = Math.max(scale, 2.5);
        }
        int last = method.from();
        for (int i = method.from() + 1; i < method.to(); i++) {
            if ((code.offsetOf(i + 1) - code.offsetOf(last)) * scale > PIECE) {
                cuts.add(i);
                last = i;
            }
        }
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }

    static LoopTrace generate(TraceTree tree, String name) throws TooLarge {
        MethodHandles.Lookup host = MethodHandles.lookup();
        // The values side methods load that their plan did not see them use, by method: taken as parameters on the next try.
        Map<String, BitSet> unplanned = new HashMap<>();
        TreeClass c;
        byte[] bytes;
        for (int attempt = 1; ; attempt++) {
            c = new TreeClass(tree);
            Map<String, BitSet> more = new HashMap<>();
            bytes = c.classBytes(HiddenClasses.nameIn(host, name), unplanned, more);
            if (more.isEmpty()) {
                break;
            }
            if (attempt == MAX_PLAN_TRIES) {
                throw new IllegalStateException("side methods still load values they do not take: " + more);
            }
            more.forEach((method, refs) -> unplanned.computeIfAbsent(method, m -> new BitSet()).or(refs));
        }
        try {
            MethodHandles.Lookup lookup = HiddenClasses.define(host, bytes, c.constants);
            LoopTrace code = (LoopTrace) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
            tree.directType = c.direct == null ? null : c.direct.type();
            tree.directBody = c.direct == null ? null : lookup.findVirtual(lookup.lookupClass(), "body", c.direct.type()).bindTo(code);
            return code;
        } catch (Throwable e) {
            throw new IllegalStateException("the trace's class was refused: " + e, e);
        }
    }

    /**
     * The class's bytes, its methods as {@link TreeMethods} plans them with the values
     * {@code unplanned} added; the values a side method loaded that it did not take go to
     * {@code more}, and then the bytes are null.
     */
    private byte[] classBytes(String internal, Map<String, BitSet> unplanned, Map<String, BitSet> more) throws TooLarge {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // Values are typed Object in locals and cast where used: no class needs loading to merge them.
                return OBJECT;
            }
        };
        cw.visit(V21, ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, internal, null, OBJECT, new String[] {Type.getInternalName(LoopTrace.class)});
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        TreeMethods methods = TreeMethods.of(tree, unplanned);
        TraceTree.Side newest = tree.sides.isEmpty() ? null : tree.sides.getLast();
        int runBytes = 0;
        for (TreeMethods.Method method : methods.all()) {
            TraceCodegen code = new TraceCodegen(this, cw, internal, methods, method);
            boolean takesNewest = newest != null && method.inline().contains(newest);
            boolean mayBeHuge = newest == null || method.isRun() && tree.runBytes > HUGE_METHOD;
            int size = code.emit(takesNewest ? TREE_LIMIT : mayBeHuge ? Integer.MAX_VALUE : HUGE_METHOD);
            // The method the newest side trace is placed in must leave room for inlining; the
            // others grew by no more than its call, and only need to be compiled at all.
            if (size > TREE_LIMIT && takesNewest) {
                throw new TooLarge(size, code.stoppedEarly(), TREE_LIMIT, null);
            }
            if (method.isRun()) {
                runBytes = size;
            }
            // (A run over the limit before, a root too large alone, is never compiled anyway: the calls of side methods cost it nothing.)
            if (size > HUGE_METHOD && !mayBeHuge) {
                throw new TooLarge(size, code.stoppedEarly(), HUGE_METHOD, method.side() == newest ? finerCuts(newest, method, code, size) : null);
            }
            code.finish();
            if (!code.unplanned().isEmpty()) {
                more.put(method.name(), code.unplanned());
            }
        }
        if (!more.isEmpty()) {
            return null;
        }
        if (direct != null) {
            DirectEntryRun.emit(cw, internal, direct, tree.proto.frameSize());
        }
        declarePassingFields(cw);
        cw.visitEnd();
        byte[] bytes;
        try {
            bytes = cw.toByteArray();
        } catch (org.objectweb.asm.MethodTooLargeException e) {
            // Past the class file's 64 KB: a root too large alone.
            throw new TooLarge(e.getCodeSize(), 65535);
        }
        tree.runBytes = runBytes;
        return bytes;
    }
}
