package dev.isthmus.lua.jit;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.jit.Addressing;
import dev.isthmus.jit.CConversions;
import dev.isthmus.jit.CScalar;
import dev.isthmus.jit.ClassData;
import dev.isthmus.jit.MemoryAccess;
import dev.isthmus.jit.HiddenClasses;
import dev.isthmus.jit.NativeCall;
import dev.isthmus.lua.bytecode.Op;
import dev.isthmus.lua.ffi.CdataTraces;
import dev.isthmus.lua.interp.CallStack;
import dev.isthmus.lua.interp.LoopTrace;
import dev.isthmus.lua.interp.LuaClosure;
import dev.isthmus.lua.interp.LuaSemantics;
import dev.isthmus.lua.interp.PendingInterrupts;
import dev.isthmus.lua.lib.DoubleOperation;
import dev.isthmus.lua.lib.IntOperation;
import dev.isthmus.lua.interp.TraceAccess;
import dev.isthmus.lua.interp.InlinedFrames;
import dev.isthmus.lua.interp.TraceCallFailure;
import dev.isthmus.lua.interp.ValueStack;
import dev.isthmus.lua.runtime.CMath;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.objectweb.asm.Opcodes.*;

/**
 * Generates one JVM method of a trace tree's class ({@link TreeClass}): {@link LoopTrace#run},
 * which runs the pre-roll, then the loop body in a JVM loop, every IR value in a JVM local of
 * its own (doubles unboxed), so the JIT compiles it as it would a hand-written Java loop.
 * Constants (strings, functions, method handles of native calls) are the hidden class's class
 * data, loaded with {@code ldc} of a dynamic constant: to C2 they are constants, and a native
 * call's handle is inlined (jit-intrinsics' {@link NativeCall}, {@link ClassData} and
 * {@link HiddenClasses}). Each guard jumps to an exit stub that writes its snapshot into the
 * frame's slots and returns the pc to resume at; each call is covered by a handler that writes
 * the snapshot taken before it and throws {@link TraceCallFailure} with the call's pc. One
 * instance emits one method: the local of each value, the exits and handlers placed so far are
 * that method's.
 */
final class TraceCodegen {
    private static final String OBJECT = "java/lang/Object";
    private static final String ACCESS = Type.getInternalName(TraceAccess.class);
    private static final String CALLS = Type.getInternalName(dev.isthmus.lua.interp.DirectCalls.class);
    private static final String CLOSURE_TYPE = Type.getDescriptor(LuaClosure.class);
    private static final String FRAMES_TYPE = Type.getDescriptor(CallStack.class);
    private static final String STACK_TYPE = Type.getDescriptor(ValueStack.class);
    private static final String TABLE = Type.getInternalName(LuaTable.class);
    private static final String BYTES = Type.getInternalName(dev.isthmus.lua.lib.StringLibrary.ByteValues.class);
    private static final String ENTRY = Type.getInternalName(LuaTable.Entry.class);
    private static final String TRACES = Type.getInternalName(CdataTraces.class);
    private static final String NARROWED = Type.getInternalName(NarrowedLoops.class);
    private static final String SEGMENT = "java/lang/foreign/MemorySegment";
    private static final String SEGMENT_OF = "(Ljava/lang/Object;)Ljava/lang/foreign/MemorySegment;";
    static final String RUN_DESCRIPTOR = Type.getMethodDescriptor(Type.INT_TYPE, Type.getType(ValueStack.class), Type.INT_TYPE,
            Type.getType(LuaClosure.class), Type.getType(CallStack.class));
    private static final int STACK = 1;
    private static final int BASE = 2;
    private static final int CLOSURE = 3;
    private static final int FRAMES = 4;

    private final TraceTree tree;
    private final TraceIr ir;
    private final TraceExits exits;
    /** Where a side trace's {@link IrOp#LINK} goes: the root's first instruction after its register loads. */
    private final Label linkTarget = new Label();
    /** In {@code run}, where a side method that came back to the loop returns to: the root's register loads. */
    private final Label relink = new Label();
    private final TreeMethods methods;
    private final TreeMethods.Method method;
    private int methodSize;
    private int[] offsets;
    private int stopAfter;
    private boolean stopped;
    private final java.util.BitSet unplanned = new java.util.BitSet();
    private final ClassData constants;
    private final int[] local;
    private final int scratch;
    private final int scratchSlots;
    private final int scratchNums;
    /** Two slots: a cdata access's offset. */
    private final int scratchLong;
    /** The value stack's top around a direct call ({@link IrOp#CALLL}). */
    private final int scratchTop;
    /** Two slots: the number of an element read without boxing ({@link #unboxedElements}), until its UNBOX. */
    private final int scratchElement;
    /** In {@code run}: the links back to the root this call has made ({@link #leavePeriodically}). */
    private final int linksRun;
    /**
     * The element reads ({@link TraceIr#unboxedElementReads}) emitted as the table's raw content,
     * the number beside it: those whose test and unboxing fall in the same method.
     */
    private final java.util.BitSet unboxedElements;
    /** What native calls read from locals: the callback count, the thread's errno state, the pc shown. */
    private final NativeCallLocals nativeCalls;
    /** The internal name of the class generated, whose {@code run} a direct call calls and whose side methods an exit calls. */
    private final String self;
    /** A direct call's try block and handler, entered in the exception table before its call's own. */
    private Label[] directCall;
    private final List<Label> exitLabels = new ArrayList<>();
    private final List<Integer> exitSnapshots = new ArrayList<>();
    private final List<Label> handlerLabels = new ArrayList<>();
    private final List<Integer> handlerRefs = new ArrayList<>();
    /** Code placed after the loop and the exits (handlers that lead to an exit). */
    private final List<Runnable> outOfLine = new ArrayList<>();
    private final MethodVisitor mv;
    private final ExitWriter exitWriter;
    private final Int64Emission int64;
    /** The conversions made where they are ({@link TraceIr#conversionsTaken}); the others are made where exits write them. */
    private final java.util.BitSet conversionsTaken;
    /**
     * When this method is the tree's direct entry ({@code body}, {@link DirectEntry}): its shape.
     * The method then takes the parameters as JVM arguments, writes the frame only where it
     * leaves its code, and ends every such way out at {@link #finished}.
     */
    private final DirectEntry direct;
    /** The tree's direct entry, whichever method this is: a recursive call calls it. */
    private final DirectEntry treeEntry;
    /** In {@code body}: where the ways out other than its own return go, the pc or {@code RETURNED} and count on the operand stack. */
    private final Label finished = new Label();
    /** The end of the range of instructions being emitted one after the other (the root's, a side trace's, a method's part). */
    private int rangeEnd;
    /** An instruction whose code a call before it emitted already (a number result read where the call made it). */
    private int emittedWithCall = -1;

    private final TreeClass owner;

    /** The emitter of {@code method}, one of {@code methods} of the tree's class, which {@code cw} writes as {@code internal}. */
    TraceCodegen(TreeClass owner, ClassWriter cw, String internal, TreeMethods methods, TreeMethods.Method method) {
        this.owner = owner;
        this.tree = owner.tree;
        this.ir = tree.ir;
        this.exits = tree.exits;
        this.constants = owner.constants;
        this.methods = methods;
        this.method = method;
        this.local = new int[ir.code.size()];
        this.conversionsTaken = ir.conversionsTaken();
        this.treeEntry = owner.direct;
        this.direct = method.isRun() ? owner.direct : null;
        int next = method.placeLocals(ir, local, direct != null ? direct.firstFreeLocal() : FRAMES + 1);
        scratch = next;
        scratchSlots = next + 1;
        scratchNums = next + 2;
        scratchLong = next + 3;
        scratchTop = next + 5;
        scratchElement = next + 6;
        linksRun = next + 8;
        unboxedElements = methods.unboxedElementReads(ir);
        self = internal;
        mv = direct != null ? cw.visitMethod(ACC_PUBLIC, "body", direct.descriptor(), null, null)
                : cw.visitMethod(method.isRun() ? ACC_PUBLIC : ACC_PRIVATE, method.name(), method.descriptor(), null, null);
        nativeCalls = new NativeCallLocals(ir, mv, constants, next + 9);
        exitWriter = new ExitWriter(ir, cw, internal, mv, constants, exits, owner.exitMethods, this::load, STACK, BASE, FRAMES, scratchSlots,
                scratchNums);
        int64 = new Int64Emission(ir, mv, constants, this::load, this::store, this::exit);
        if (direct != null) {
            exitWriter.returnPcWith(() -> mv.visitJumpInsn(GOTO, finished));
        }
    }

    /** The JVM local slots a value of {@code type} takes. */
    static int slotsOf(IrType type) {
        return switch (type) {
            case NUM, LONG -> 2;
            case INT, REF -> 1;
            case VOID -> 0;
        };
    }

    /** In a side method, where in its bytecode each instruction of its part of the side trace starts (and the part ends). */
    int offsetOf(int instruction) {
        return offsets[instruction - method.from()];
    }

    /**
     * Emits the method's code; returns its size in bytes of bytecode. Past {@code stopAfter}
     * bytes, when the method will be refused, it stops as soon as its trace's own code is placed
     * or another exit is: a large method's exits cost more each ({@link ExitWriter} looks for
     * one to share with among those placed), and md5's side trace in one method took 200 ms.
     */
    int emit(int stopAfter) {
        this.stopAfter = stopAfter;
        mv.visitCode();
        body();
        return methodSize;
    }

    /** The values a side method loaded that it does not take: its class must be made again. */
    java.util.BitSet unplanned() {
        return unplanned;
    }

    /** Whether the emission stopped early ({@link #emit}): the size is then the size so far. */
    boolean stoppedEarly() {
        return stopped;
    }

    /** Whether the code is past the size where the emission stops; sets the size so far if it is. */
    private boolean pastStop() {
        if (stopAfter == Integer.MAX_VALUE) {
            return false;
        }
        Label here = new Label();
        mv.visitLabel(here);
        stopped = here.getOffset() > stopAfter;
        if (stopped) {
            methodSize = here.getOffset();
        }
        return stopped;
    }

    /**
     * Ends the method emitted: its frames computed, the costly part of a large method, and so
     * left until the method's size is known to be accepted.
     */
    void finish() {
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * The method's trace, then each exit: a write-back and a return, the side trace grown there,
     * placed at the first exit that leads to it (its own exits join the list, so side traces of
     * side traces follow), or the call of the side trace's own method.
     */
    private void body() {
        if (method.isRun()) {
            root();
        } else {
            passInFields(method, false);
            nativeCalls.read();
            offsets = new int[method.to() - method.from() + 1];
            nativeCalls.forgetCallPc();
            rangeEnd = method.to();
            for (int i = method.from(); i <= method.to(); i++) {
                Label at = new Label();
                mv.visitLabel(at);
                offsets[i - method.from()] = at.getOffset();
                if (i < method.to()) {
                    instruction(i, ir.at(i));
                }
            }
            if (method.next() >= 0) {
                // A part of a side trace cut into several: the next part goes on.
                callSide(methods.all().get(method.next()));
            }
            if (pastStop()) {
                return;
            }
        }
        exitsAndHandlers();
    }

    /** The root trace: its register loads, the link target, the pre-roll, the loop. */
    private void root() {
        if (direct == null) {
            push(0);
            mv.visitVarInsn(ISTORE, linksRun);
            // Where a side method's link and an outer loop entered again from an inner tree
            // come back to (not the method's first instruction, which may not be a jump target).
            mv.visitLabel(relink);
        }
        nativeCalls.read();
        if (direct != null && !direct.lazyFrame()) {
            writeFrame();
        }
        Label loop = new Label();
        int rootEnd = tree.rootEnd();
        rangeEnd = rootEnd;
        for (int i = 0; i < rootEnd; i++) {
            if (i == ir.entryLoads) {
                mv.visitLabel(linkTarget);
                nativeCalls.forgetCallPc();
            }
            if (i == ir.loopStart) {
                assignPhis(true);
                mv.visitLabel(loop);
                nativeCalls.enterLoop(ir.loopStart, rootEnd, this::shownPcOf);
            }
            instruction(i, ir.at(i));
        }
        if (ir.entryLoads >= rootEnd) {
            mv.visitLabel(linkTarget);
        }
        keepMemoryAlive(0, rootEnd);
        if (!tree.function) {
            // (A function trace's root ends at its LEAVE, which returns.)
            assignPhis(false);
            mv.visitJumpInsn(GOTO, loop);
        }
    }

    private void exitsAndHandlers() {
        Map<TraceTree.Side, Label> sideCode = new HashMap<>();
        // Guards of one instruction share its snapshot, and so the code that leaves there.
        Map<Integer, Label> exitCode = new HashMap<>();
        for (int e = 0; e < exitLabels.size(); e++) {
            if (pastStop()) {
                return;
            }
            mv.visitLabel(exitLabels.get(e));
            int snapshot = exitSnapshots.get(e);
            int resumeAt = ir.snapshots.get(snapshot).pc();
            TraceTree.Side side = tree.sideOf(snapshot);
            Label shared = exitCode.putIfAbsent(snapshot, exitLabels.get(e));
            if (shared != null) {
                mv.visitJumpInsn(GOTO, shared);
            } else if (side == null && returnsItself(resumeAt, snapshot)) {
                // An exit to the function's return (a guard before it failed, as a recursion's
                // base case leaves): the trace returns there as at its own end, with no write-back
                // and no interpreter to run the RETURN, and the exit never grows a side trace.
                makeReturn(resumeAt, snapshot);
            } else if (side == null) {
                materialise();
                exitWriter.exitAndReturn(snapshot);
            } else if (sideCode.containsKey(side)) {
                mv.visitJumpInsn(GOTO, sideCode.get(side));
            } else {
                Label start = new Label();
                sideCode.put(side, start);
                mv.visitLabel(start);
                nativeCalls.forgetCallPc();
                if (methods.ownMethodOf(side) instanceof TreeMethods.Method own) {
                    callSide(own);
                } else {
                    rangeEnd = side.end();
                    for (int i = side.start(); i < side.end(); i++) {
                        instruction(i, ir.at(i));
                    }
                }
            }
        }
        outOfLine.forEach(Runnable::run);
        for (int h = 0; h < handlerLabels.size(); h++) {
            Ir call = ir.at(handlerRefs.get(h));
            mv.visitLabel(handlerLabels.get(h));
            mv.visitVarInsn(ASTORE, scratch);
            if (framesShownDuring(call) instanceof InlinedFrames inside) {
                popInlined(inside);
            }
            materialise();
            exitWriter.exit(call.snapshot);
            mv.visitInsn(POP);
            String failure = Type.getInternalName(TraceCallFailure.class);
            mv.visitTypeInsn(NEW, failure);
            mv.visitInsn(DUP);
            push(call.pc);
            mv.visitVarInsn(ALOAD, scratch);
            mv.visitMethodInsn(INVOKESPECIAL, failure, "<init>", "(ILjava/lang/Throwable;)V", false);
            mv.visitInsn(ATHROW);
        }
        if (direct != null) {
            // The ways out of body but its own return: the interpreter finishes the activation if it must.
            mv.visitLabel(finished);
            mv.visitVarInsn(ALOAD, CLOSURE);
            mv.visitVarInsn(ALOAD, FRAMES);
            mv.visitVarInsn(ALOAD, STACK);
            mv.visitVarInsn(ILOAD, BASE);
            String after = "(ILdev/isthmus/lua/interp/LuaClosure;Ldev/isthmus/lua/interp/CallStack;Ldev/isthmus/lua/interp/ValueStack;I)";
            if (direct.returnsNumber()) {
                mv.visitMethodInsn(INVOKESTATIC, CALLS, "finishedNumber", after + "D", false);
                mv.visitInsn(DRETURN);
            } else {
                mv.visitMethodInsn(INVOKESTATIC, CALLS, "finishedValue", after + "Ljava/lang/Object;", false);
                mv.visitInsn(ARETURN);
            }
        }
        Label end = new Label();
        mv.visitLabel(end);
        methodSize = end.getOffset();
    }

    /** In {@code body} with a frame written only where it leaves: the frame written as the call would have left it. */
    private void materialise() {
        if (direct != null && direct.lazyFrame()) {
            writeFrame();
        }
    }

    /** The direct entry's frame as a call leaves it: the parameters in place, the rest nil. */
    private void writeFrame() {
        int n = direct.parameterCount();
        if (direct.clearedTo() - n <= FRAME_CLEARED_INLINE) {
            clearSlots(n, direct.clearedTo());
        } else {
            mv.visitVarInsn(ALOAD, STACK);
            mv.visitVarInsn(ILOAD, BASE);
            push(n);
            push(direct.clearedTo());
            mv.visitMethodInsn(INVOKESTATIC, CALLS, "clearFrame", "(Ldev/isthmus/lua/interp/ValueStack;III)V", false);
        }
        for (int p = 0; p < n; p++) {
            mv.visitVarInsn(ALOAD, STACK);
            slotIndex(p);
            boolean number = direct.numberParameters()[p];
            mv.visitVarInsn(number ? DLOAD : ALOAD, direct.localOf(p));
            mv.visitMethodInsn(INVOKESTATIC, ACCESS, number ? "setNumberSlot" : "setSlot",
                    "(Ldev/isthmus/lua/interp/ValueStack;I" + (number ? "D" : "Ljava/lang/Object;") + ")V", false);
        }
    }

    /** Returns the pc or {@code RETURNED} and count on the operand stack: from {@code run}, or in {@code body} through {@link #finished}. */
    private void returnLeft() {
        if (direct != null) {
            mv.visitJumpInsn(GOTO, finished);
        } else {
            mv.visitInsn(IRETURN);
        }
    }

    /**
     * In {@code body}, register {@code r}'s value at entry onto the operand stack as an object:
     * a parameter, or nil.
     */
    private void entryValue(int r) {
        if (r >= direct.parameterCount()) {
            mv.visitInsn(ACONST_NULL);
        } else if (direct.numberParameters()[r]) {
            mv.visitVarInsn(DLOAD, direct.localOf(r));
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
        } else {
            mv.visitVarInsn(ALOAD, direct.localOf(r));
        }
    }

    /**
     * A side trace's own method called at its exit, with {@code run}'s arguments and the values
     * it takes; what it returns is returned, but in {@code run} a {@link TreeMethods#RELINK}:
     * the side trace came back to the loop and wrote the frame back, so the root's register
     * loads read their values from it and the loop goes on.
     */
    private void callSide(TreeMethods.Method callee) {
        // (A side method reads the frame's registers the trace did not change.)
        materialise();
        passInFields(callee, true);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, STACK);
        mv.visitVarInsn(ILOAD, BASE);
        mv.visitVarInsn(ALOAD, CLOSURE);
        mv.visitVarInsn(ALOAD, FRAMES);
        for (int ref : callee.parameters()) {
            load(ref);
        }
        mv.visitMethodInsn(INVOKESPECIAL, self, callee.name(), callee.descriptor(), false);
        if (method.isRun() && direct == null) {
            Label leave = new Label();
            mv.visitInsn(DUP);
            push(TreeMethods.RELINK);
            mv.visitJumpInsn(IF_ICMPNE, leave);
            mv.visitInsn(POP);
            mv.visitJumpInsn(GOTO, relink);
            mv.visitLabel(leave);
        }
        returnLeft();
    }

    /**
     * The values side method {@code callee} takes in fields of the instance ({@link
     * TreeMethods.Method#passedInFields}): written by its caller just before the call
     * ({@code write}), read into its locals first thing by the method. Nothing runs in between,
     * so the fields may be shared by all the calls of the class, and a call of the same method
     * further in (a recursive function trace) finds them as its caller wrote them.
     */
    private void passInFields(TreeMethods.Method callee, boolean write) {
        int[] index = new int[IrType.values().length];
        for (int ref : callee.passedInFields()) {
            IrType type = ir.typeOf(ref);
            String field = owner.passingField(type, index[type.ordinal()]++);
            mv.visitVarInsn(ALOAD, 0);
            if (write) {
                load(ref);
                mv.visitFieldInsn(PUTFIELD, self, field, type.descriptor);
            } else {
                mv.visitFieldInsn(GETFIELD, self, field, type.descriptor);
                store(ref);
            }
        }
    }

    /**
     * The cdata objects whose memory the trace reads and writes at raw addresses stay
     * reachable until the loop's back edge, so the garbage collector cannot free that memory
     * while the loop still uses it (an address alone does not keep it alive).
     */
    private void keepMemoryAlive(int from, int to) {
        for (int i = from; i < to; i++) {
            Ir x = ir.at(i);
            if (x.op == IrOp.CADDR || x.op == IrOp.PELEM) {
                load(x.a);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/ref/Reference", "reachabilityFence", "(Ljava/lang/Object;)V", false);
            }
        }
    }

    /** Each PHI takes its value on entering the loop ({@code a}) or on the back edge ({@code b}), all at once. */
    private void assignPhis(boolean entering) {
        List<Integer> phis = new ArrayList<>();
        for (int i = ir.loopStart; i < ir.code.size() && ir.at(i).op == IrOp.PHI; i++) {
            phis.add(i);
        }
        for (int phi : phis) {
            load(entering ? ir.at(phi).a : ir.at(phi).b);
        }
        for (int j = phis.size() - 1; j >= 0; j--) {
            store(phis.get(j));
        }
    }

    private void load(int ref) {
        Ir x = ir.at(ref);
        if (x.op.isConstant()) {
            // Made again at each use, not read from the local it was stored in: C2 compiling a
            // loop on stack replacement takes every local live at the loop's head from the
            // interpreter's frame, as a value it knows nothing of, so a constant the pre-roll
            // stored was a variable in the loop there (its machine code added a register
            // holding the step 4 where it now adds 4), folded into nothing and holding a register.
            pushConstant(x);
            return;
        }
        if (x.op == IrOp.CVIEW) {
            // A view is made only where its value is needed, as the interpreter makes it.
            load(x.a);
            load(x.b);
            mv.visitMethodInsn(INVOKESTATIC, TRACES, "element", "(Ljava/lang/Object;D)Ljava/lang/Object;", false);
            return;
        }
        if (x.op == IrOp.PCAST && !conversionsTaken.get(ref)) {
            // A cast only read through is made where an exit writes it back.
            pointerCast(x);
            return;
        }
        if (x.op == IrOp.TONUM && !conversionsTaken.get(ref)) {
            // An int only an exit writes as a number (a C int result kept as an int) becomes one there.
            load(x.a);
            mv.visitInsn(I2D);
            return;
        }
        if (local[ref] < 0) {
            if (method.isRun()) {
                throw new IllegalStateException("value " + ref + " is not one of method " + method.name() + "'s");
            }
            // A value the plan did not see this side method use (TreeMethods.uses): a stand-in
            // of its type, and the class made again with the value a parameter (TreeClass).
            unplanned.set(ref);
            switch (ir.typeOf(ref)) {
                case NUM -> mv.visitInsn(DCONST_0);
                case INT -> mv.visitInsn(ICONST_0);
                case LONG -> mv.visitInsn(LCONST_0);
                case REF -> mv.visitInsn(ACONST_NULL);
                case VOID -> throw new IllegalStateException("no value: " + ref);
            }
            return;
        }
        switch (ir.typeOf(ref)) {
            case NUM -> mv.visitVarInsn(DLOAD, local[ref]);
            case INT -> mv.visitVarInsn(ILOAD, local[ref]);
            case LONG -> mv.visitVarInsn(LLOAD, local[ref]);
            case REF -> mv.visitVarInsn(ALOAD, local[ref]);
            case VOID -> throw new IllegalStateException("no value: " + ref);
        }
    }

    private void store(int ref) {
        switch (ir.typeOf(ref)) {
            case NUM -> mv.visitVarInsn(DSTORE, local[ref]);
            case INT -> mv.visitVarInsn(ISTORE, local[ref]);
            case LONG -> mv.visitVarInsn(LSTORE, local[ref]);
            case REF -> mv.visitVarInsn(ASTORE, local[ref]);
            case VOID -> {
            }
        }
    }

    private void push(int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(ICONST_0 + value);
        } else if (value == (byte) value) {
            mv.visitIntInsn(BIPUSH, value);
        } else if (value == (short) value) {
            mv.visitIntInsn(SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    /**
     * Number or int {@code ref} onto the stack as a Lua number object: a constant's box made once
     * (nbody's {@code advance(bodies, nbody, 0.01)} boxed its {@code 0.01} on every call), any
     * other value boxed here.
     */
    private void loadBoxed(int ref) {
        Ir x = ir.at(ref);
        if (x.op == IrOp.KNUM) {
            constant(x.aux, Object.class);
            return;
        }
        if (x.op == IrOp.KINT) {
            constant((double) (Integer) x.aux, Object.class);
            return;
        }
        loadAsNumber(ref);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
    }

    /** Number or int {@code ref} onto the stack as a double. */
    private void loadAsNumber(int ref) {
        load(ref);
        if (ir.typeOf(ref) == IrType.INT) {
            mv.visitInsn(I2D);
        }
    }

    /** The value of constant {@code x} ({@link IrOp#isConstant}) onto the stack. */
    private void pushConstant(Ir x) {
        switch (x.op) {
            case KNUM -> mv.visitLdcInsn((Double) x.aux);
            case KINT -> push((Integer) x.aux);
            case KI64 -> mv.visitLdcInsn((Long) x.aux);
            case KREF -> constant(x.aux, Object.class);
            default -> throw new IllegalStateException("not a constant: " + x.op);
        }
    }

    /** The pointer a {@link IrOp#PCAST} makes, on the operand stack. */
    private void pointerCast(Ir x) {
        load(x.a);
        constant(x.aux, CType.class);
        mv.visitMethodInsn(INVOKESTATIC, TRACES, "pointerCast", "(Ljava/lang/Object;" + Type.getDescriptor(CType.class) + ")Ljava/lang/Object;", false);
    }

    private void constant(Object value, Class<?> type) {
        if (value == null) {
            mv.visitInsn(ACONST_NULL);
        } else if (value instanceof Boolean b) {
            mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", b ? "TRUE" : "FALSE", "Ljava/lang/Boolean;");
        } else {
            constants.emitLoad(mv, value, type);
        }
    }

    /**
     * The current target of {@code site} onto the stack, read from the site, a class constant:
     * C2 folds it to the target with a dependency on the site. (Through the site's dynamic
     * invoker C2 left the invoker's checks in: a tenth of ray's recursive calls.)
     */
    private void siteTarget(java.lang.invoke.MutableCallSite site) {
        constant(site, java.lang.invoke.MutableCallSite.class);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MutableCallSite", "getTarget", "()Ljava/lang/invoke/MethodHandle;", false);
    }

    private Label exit(Ir guard) {
        Label l = new Label();
        exitLabels.add(l);
        exitSnapshots.add(guard.snapshot);
        return l;
    }

    /** The slot of register {@code r} in the stack arrays: base + r. */
    private void slotIndex(int register) {
        mv.visitVarInsn(ILOAD, BASE);
        push(register);
        mv.visitInsn(IADD);
    }

    /** Jumps to {@code exit} unless the object on the stack has exactly class {@code k} (null: is nil); consumes it. */
    private void checkClass(Object k, Label exit) {
        if (k == null) {
            mv.visitJumpInsn(IFNONNULL, exit);
            return;
        }
        mv.visitInsn(DUP);
        Label present = new Label();
        mv.visitJumpInsn(IFNONNULL, present);
        mv.visitInsn(POP);
        mv.visitJumpInsn(GOTO, exit);
        mv.visitLabel(present);
        mv.visitMethodInsn(INVOKEVIRTUAL, OBJECT, "getClass", "()Ljava/lang/Class;", false);
        constant(k, Class.class);
        mv.visitJumpInsn(IF_ACMPNE, exit);
    }

    /**
     * After a class guard passed: the value on the stack cast to the guarded class, when the
     * trace's class can name it. The local it is kept in is then of that type for the JVM's
     * compiler, which otherwise checks the class again at each use (in a loop, at every
     * iteration: it does not move a checkcast out of a loop).
     */
    private void castToGuarded(Object k) {
        if (k instanceof Class<?> c && isNameable(c)) {
            mv.visitTypeInsn(CHECKCAST, Type.getInternalName(c));
        }
    }

    /** Whether the trace's class can name {@code c}: public all the way out, neither hidden nor a lambda's. */
    private static boolean isNameable(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!java.lang.reflect.Modifier.isPublic(k.getModifiers()) || k.isHidden() || k.isSynthetic()) {
                return false;
            }
        }
        return c.getModule() == TraceCodegen.class.getModule() || c.getModule().isExported(c.getPackageName());
    }

    private void instruction(int i, Ir x) {
        if (i != emittedWithCall) {
            emit(i, x);
        }
        nativeCalls.after(x);
    }

    private void emit(int i, Ir x) {
        switch (x.op) {
            case KNUM, KINT, KREF -> {
                // Pushed where it is used (load), never kept in a local.
            }
            case SLOADN, SLOADV, SLOADR -> {
                if (direct != null) {
                    entryLoad(i, x);
                } else if (x.op == IrOp.SLOADN) {
                    loadNumber(i, x);
                } else {
                    slotLoad(i, x);
                }
            }
            case RLOADN, RLOADR -> {
                if (direct != null && direct.lazyFrame() && (Integer) x.aux < direct.clearedTo()) {
                    // (A side trace's read of a register its parent did not change: in body, its value at entry.)
                    entryLoad(i, x);
                } else if (x.op == IrOp.RLOADN) {
                    loadNumber(i, x);
                } else {
                    slotLoad(i, x);
                }
            }
            default -> emitOther(i, x);
        }
    }

    /**
     * In {@code body}, a register's load: its value at entry, a parameter or nil, with the
     * guard the load makes of its type.
     */
    private void entryLoad(int i, Ir x) {
        int r = (Integer) x.aux;
        boolean number = x.op == IrOp.SLOADN || x.op == IrOp.RLOADN;
        if (number && r < direct.parameterCount() && direct.numberParameters()[r]) {
            mv.visitVarInsn(DLOAD, direct.localOf(r));
            store(i);
            return;
        }
        entryValue(r);
        if (x.op == IrOp.SLOADV) {
            store(i);
        } else if (number) {
            mv.visitInsn(DUP);
            mv.visitTypeInsn(INSTANCEOF, "java/lang/Double");
            Label isNumber = new Label();
            mv.visitJumpInsn(IFNE, isNumber);
            mv.visitInsn(POP);
            mv.visitJumpInsn(GOTO, exit(x));
            mv.visitLabel(isNumber);
            mv.visitTypeInsn(CHECKCAST, "java/lang/Double");
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Double", "doubleValue", "()D", false);
            store(i);
        } else {
            storeGuarded(i, x);
        }
    }

    /** The object on the operand stack into {@code i}'s local, behind the guard of its class ({@code aux2}), cast to that class. */
    private void storeGuarded(int i, Ir x) {
        mv.visitInsn(DUP);
        store(i);
        checkClass(x.aux2, exit(x));
        load(i);
        castToGuarded(x.aux2);
        store(i);
    }

    /** A register's object read from its slot, with its class guard ({@link IrOp#SLOADR}, {@link IrOp#RLOADR}), or unguarded ({@link IrOp#SLOADV}). */
    private void slotLoad(int i, Ir x) {
        if (x.op == IrOp.SLOADV) {
            mv.visitVarInsn(ALOAD, STACK);
            mv.visitVarInsn(ILOAD, BASE);
            push((Integer) x.aux);
            mv.visitInsn(IADD);
            mv.visitMethodInsn(INVOKESTATIC, ACCESS, "value", "(Ldev/isthmus/lua/interp/ValueStack;I)Ljava/lang/Object;", false);
            store(i);
            return;
        }
        mv.visitVarInsn(ALOAD, STACK);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "slots", "(Ldev/isthmus/lua/interp/ValueStack;)[Ljava/lang/Object;", false);
        slotIndex((Integer) x.aux);
        mv.visitInsn(AALOAD);
        storeGuarded(i, x);
    }

    private void emitOther(int i, Ir x) {
        switch (x.op) {
            case ADD, SUB, MUL, DIV -> {
                load(x.a);
                load(x.b);
                mv.visitInsn(switch (x.op) {
                    case ADD -> DADD;
                    case SUB -> DSUB;
                    case MUL -> DMUL;
                    default -> DDIV;
                });
                store(i);
            }
            case MOD, POW -> {
                load(x.a);
                if (x.op == IrOp.MOD && ir.smallIntegral(x.b) instanceof Integer divisor && divisor > 0) {
                    push(divisor);
                    mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(LuaSemantics.class), "modByInt", "(DI)D", false);
                    store(i);
                    break;
                }
                load(x.b);
                if (x.op == IrOp.MOD) {
                    mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(LuaSemantics.class), "mod", "(DD)D", false);
                } else {
                    mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(CMath.class), "pow", "(DD)D", false);
                }
                store(i);
            }
            case NEG -> {
                load(x.a);
                mv.visitInsn(DNEG);
                store(i);
            }
            case BOX -> {
                loadBoxed(x.a);
                store(i);
            }
            case UNBOX -> {
                if (unboxedElements.get(x.a)) {
                    // The element was read raw: a number is the tag, its value beside it.
                    load(x.a);
                    mv.visitFieldInsn(GETSTATIC, TABLE, "NUMBER", "Ljava/lang/Object;");
                    mv.visitJumpInsn(IF_ACMPNE, exit(x));
                    mv.visitVarInsn(DLOAD, scratchElement);
                    store(i);
                    break;
                }
                load(x.a);
                mv.visitTypeInsn(INSTANCEOF, "java/lang/Double");
                mv.visitJumpInsn(IFEQ, exit(x));
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, "java/lang/Double");
                mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Double", "doubleValue", "()D", false);
                store(i);
            }
            case GCLASS -> {
                load(x.a);
                checkClass(x.aux2, exit(x));
                load(x.a);
                castToGuarded(x.aux2);
                store(i);
            }
            case GNOTNIL -> {
                load(x.a);
                mv.visitJumpInsn(IFNULL, exit(x));
            }
            case GSAME -> {
                load(x.a);
                constant(x.aux, Object.class);
                mv.visitJumpInsn(IF_ACMPNE, exit(x));
            }
            case GCLOSURE -> {
                mv.visitVarInsn(ALOAD, CLOSURE);
                constant(x.aux, Object.class);
                mv.visitJumpInsn(IF_ACMPNE, exit(x));
            }
            case GCMP -> compare(x);
            case GTRUTH -> {
                load(x.a);
                mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(LuaType.class), "isFalsy", "(Ljava/lang/Object;)Z", false);
                mv.visitJumpInsn((Boolean) x.aux ? IFNE : IFEQ, exit(x));
            }
            case NOT -> {
                load(x.a);
                mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(LuaType.class), "isFalsy", "(Ljava/lang/Object;)Z", false);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false);
                store(i);
            }
            case GNOMETA -> {
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, TABLE);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "metatable", "()L" + TABLE + ";", false);
                mv.visitJumpInsn(IFNONNULL, exit(x));
            }
            case GMETA -> {
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, TABLE);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "metatable", "()L" + TABLE + ";", false);
                constant(x.aux, LuaTable.class);
                mv.visitJumpInsn(IF_ACMPNE, exit(x));
            }
            case GSMETA -> {
                mv.visitVarInsn(ALOAD, CLOSURE);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "stringMetatable", "(Ldev/isthmus/lua/interp/LuaClosure;)L" + TABLE + ";", false);
                constant(x.aux, LuaTable.class);
                mv.visitJumpInsn(IF_ACMPNE, exit(x));
            }
            case GABSENT -> {
                // The key's hash computed here, once: the guard probes from it (LuaTable.lacks).
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, TABLE);
                constant(x.aux, LuaString.class);
                mv.visitLdcInsn(LuaTable.spreadHashOf(x.aux));
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "lacks", "(L" + Type.getInternalName(LuaString.class) + ";I)Z", false);
                mv.visitJumpInsn(IFEQ, exit(x));
            }
            case TLOADN -> {
                Label general = new Label();
                Label done = new Label();
                // An element of the array part read at once: at an integer index (a narrowed loop
                // variable) with no conversion and one bounds check, at any other number key
                // converted and checked integral first; the general lookup otherwise.
                IntegerKey index = integerKey(ir, x.b);
                String keyType = index != null ? "I" : "D";
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, TABLE);
                loadKey(index, x.b);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "hasArrayNumber", "(" + keyType + ")Z", false);
                mv.visitJumpInsn(IFEQ, general);
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, TABLE);
                loadKey(index, x.b);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "arrayNumber", "(" + keyType + ")D", false);
                store(i);
                mv.visitJumpInsn(GOTO, done);
                mv.visitLabel(general);
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, TABLE);
                load(x.b);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "rawGet", "(D)Ljava/lang/Object;", false);
                numberInTable(i, x, () -> numberAt(x, null));
                mv.visitLabel(done);
            }
            case TGETN, TGETV -> {
                if (unboxedElements.get(i)) {
                    unboxedElement(i, x);
                    break;
                }
                IntegerKey index = x.op == IrOp.TGETN ? integerKey(ir, x.b) : null;
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, TABLE);
                loadKey(index, x.b);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "get", index != null ? "(I)Ljava/lang/Object;"
                        : x.op == IrOp.TGETN ? "(D)Ljava/lang/Object;" : "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                store(i);
            }
            case LEN -> {
                load(x.a);
                String owner = x.aux == LuaTable.class ? TABLE : Type.getInternalName(LuaString.class);
                mv.visitTypeInsn(CHECKCAST, owner);
                mv.visitMethodInsn(INVOKEVIRTUAL, owner, "length", "()I", false);
                mv.visitInsn(I2D);
                store(i);
            }
            case TNEW -> {
                int[] sizes = (int[]) x.aux;
                mv.visitTypeInsn(NEW, TABLE);
                mv.visitInsn(DUP);
                push(sizes[0]);
                push(sizes[1]);
                mv.visitMethodInsn(INVOKESPECIAL, TABLE, "<init>", "(II)V", false);
                store(i);
            }
            case UGET -> {
                upvalue(x);
                if (x.type == IrType.NUM) {
                    mv.visitInsn(DUP);
                    mv.visitMethodInsn(INVOKESTATIC, ACCESS, "isNumberIn", "(Ljava/lang/Object;)Z", false);
                    Label isNumber = new Label();
                    mv.visitJumpInsn(IFNE, isNumber);
                    mv.visitInsn(POP);
                    mv.visitJumpInsn(GOTO, exit(x));
                    mv.visitLabel(isNumber);
                    mv.visitMethodInsn(INVOKESTATIC, ACCESS, "numberIn", "(Ljava/lang/Object;)D", false);
                } else {
                    mv.visitMethodInsn(INVOKESTATIC, ACCESS, "upvalueIn", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
                }
                store(i);
            }
            case UOPEN -> {
                IrOp.OpenUpvalue upvalue = (IrOp.OpenUpvalue) x.aux;
                closureOf(x);
                push(upvalue.index());
                mv.visitVarInsn(ALOAD, STACK);
                mv.visitVarInsn(ILOAD, BASE);
                push(upvalue.register());
                mv.visitInsn(IADD);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "upvalueOpenAt", "(Ldev/isthmus/lua/interp/LuaClosure;ILdev/isthmus/lua/interp/ValueStack;I)Z", false);
                mv.visitJumpInsn(IFEQ, exit(x));
            }
            case USET -> {
                upvalue(x);
                load(x.a);
                boolean number = ir.typeOf(x.a) == IrType.NUM;
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, number ? "setNumberIn" : "setUpvalueIn", number ? "(Ljava/lang/Object;D)V" : "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
            }
            case GCTYPE -> {
                load(x.a);
                mv.visitMethodInsn(INVOKESTATIC, TRACES, "typeOf", "(Ljava/lang/Object;)" + Type.getDescriptor(CType.class), false);
                constant(x.aux, CType.class);
                mv.visitJumpInsn(IF_ACMPNE, exit(x));
            }
            case CADDR, CSIZE -> {
                load(x.a);
                mv.visitMethodInsn(INVOKESTATIC, TRACES, "segment", SEGMENT_OF, false);
                mv.visitMethodInsn(INVOKEINTERFACE, SEGMENT, x.op == IrOp.CADDR ? "address" : "byteSize", "()J", true);
                store(i);
            }
            case CELEM -> elementAddress(i, x);
            case PELEM -> {
                load(x.a);
                load(x.b);
                if (ir.typeOf(x.b) == IrType.INT) {
                    mv.visitInsn(I2L);
                }
                mv.visitLdcInsn((Long) x.aux2);
                mv.visitMethodInsn(INVOKESTATIC, TRACES, "pointerElementAddress",
                        ir.typeOf(x.b) == IrType.INT ? "(Ljava/lang/Object;JJ)J" : "(Ljava/lang/Object;DJ)J", false);
                store(i);
                load(i);
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFEQ, exit(x));
            }
            case HGETK -> {
                if (x.type == IrType.NUM) {
                    tableSlot(x);
                    mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "rawAtSlot", "(IL" + Type.getInternalName(LuaString.class) + ";)Ljava/lang/Object;", false);
                    // Another key at the slot (NOT_AT_SLOT) fails as a value that is no number does.
                    numberInTable(i, x, () -> {
                        load(x.a);
                        mv.visitTypeInsn(CHECKCAST, TABLE);
                        push((Integer) x.aux2);
                        mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "numberAtSlot", "(I)D", false);
                    });
                    break;
                }
                tableSlot(x);
                mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "getAtSlot", "(IL" + Type.getInternalName(LuaString.class) + ";)Ljava/lang/Object;", false);
                store(i);
                load(i);
                mv.visitFieldInsn(GETSTATIC, TABLE, "NOT_AT_SLOT", "Ljava/lang/Object;");
                mv.visitJumpInsn(IF_ACMPEQ, exit(x));
            }
            case HSETK -> {
                tableSlot(x);
                load(x.b);
                if (ir.typeOf(x.b) == IrType.NUM) {
                    mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "setNumberAtSlot", "(IL" + Type.getInternalName(LuaString.class) + ";D)Z", false);
                } else {
                    mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "setAtSlot", "(IL" + Type.getInternalName(LuaString.class) + ";Ljava/lang/Object;)Z", false);
                }
                mv.visitJumpInsn(IFEQ, exit(x));
            }
            case GINTR -> interruptCheck(exit(x));
            case GFIXED -> {
                siteTarget((java.lang.invoke.MutableCallSite) x.aux);
                mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", "()Z", false);
                mv.visitJumpInsn(IFEQ, exit(x));
            }
            case GCALLBACK -> nativeCalls.checkNoCallback(exit(x));
            case LINK -> link(i, x);
            case LEAVE -> {
                if (returnsItself((Integer) x.aux, x.snapshot)) {
                    makeReturn((Integer) x.aux, x.snapshot);
                    return;
                }
                materialise();
                exitWriter.flush(x.snapshot);
                if (tree.function) {
                    exitsLinked();
                }
                if ((Boolean) x.aux2) {
                    push(LoopTrace.ENTER);
                    mv.visitInsn(IOR);
                }
                returnLeft();
            }
            case CLOAD -> {
                CScalar scalar = (CScalar) x.aux;
                load(x.a);
                MemoryAccess.emitOffset(mv, (Long) x.aux2);
                MemoryAccess.emitLoad(mv, scalar, Addressing.ADDRESS);
                CConversions.emitConvert(mv, scalar, CScalar.DOUBLE);
                store(i);
            }
            case CSTORE -> {
                CScalar scalar = (CScalar) x.aux;
                load(x.a);
                MemoryAccess.emitOffset(mv, (Long) x.aux2);
                load(x.b);
                numberToScalar(scalar);
                MemoryAccess.emitStore(mv, scalar, Addressing.ADDRESS);
            }
            case TOINT -> {
                load(x.a);
                mv.visitMethodInsn(INVOKESTATIC, NARROWED, "isSmallInt", "(D)Z", false);
                mv.visitJumpInsn(IFEQ, exit(x));
                load(x.a);
                mv.visitInsn(D2I);
                boundedToRange();
                store(i);
            }
            case LIMIT -> {
                load(x.a);
                load(x.b);
                mv.visitInsn(x.aux == Compare.LE ? ICONST_1 : ICONST_0);
                mv.visitMethodInsn(INVOKESTATIC, NARROWED, "limit", "(DIZ)I", false);
                store(i);
                load(i);
                push(NarrowedLoops.NO_LIMIT);
                mv.visitJumpInsn(IF_ICMPEQ, exit(x));
                load(i);
                boundedToRange();
                store(i);
            }
            case IADD -> {
                load(x.a);
                load(x.b);
                mv.visitInsn(IADD);
                store(i);
            }
            case IADDR -> {
                load(x.a);
                load(x.b);
                mv.visitInsn(IADD);
                mv.visitInsn(DUP);
                store(i);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "abs", "(I)I", false);
                push(NarrowedLoops.RANGE);
                mv.visitJumpInsn(IF_ICMPGE, exit(x));
            }
            case RESULT -> {
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, "[Ljava/lang/Object;");
                push((Integer) x.aux);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "resultAt", "([Ljava/lang/Object;I)Ljava/lang/Object;", false);
                store(i);
            }
            case TONUM -> {
                if (conversionsTaken.get(i)) {
                    load(x.a);
                    mv.visitInsn(I2D);
                    store(i);
                }
            }
            case ENTRYKEY, ENTRYVALUE -> {
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, ENTRY);
                mv.visitMethodInsn(INVOKEVIRTUAL, ENTRY, x.op == IrOp.ENTRYKEY ? "key" : "value", "()Ljava/lang/Object;", false);
                store(i);
            }
            case LOOPCALL -> loopCall(x);
            case FNUM -> {
                if (x.aux instanceof DoubleOperation operation) {
                    load(x.args[0]);
                    doubleOperation(operation);
                } else if (x.aux instanceof DoubleOperation.Binary extreme) {
                    extreme(extreme, x.args[0], x.args[1]);
                } else {
                    for (int arg : x.args) {
                        load(arg);
                    }
                    NativeCall.of((String) x.aux2, (MethodHandle) x.aux).emit(mv, constants);
                }
                store(i);
            }
            case FINT -> {
                // The bit library's operators: each is one JVM instruction or a static method.
                for (int arg : x.args) {
                    load(arg);
                }
                if (x.aux instanceof IntOperation operation) {
                    intOperation(operation);
                } else {
                    unaryIntOperation((IntOperation.Unary) x.aux);
                }
                store(i);
            }
            case GBYTES -> {
                stringBytes(x, "inRange", 'Z');
                mv.visitJumpInsn(IFEQ, exit(x));
            }
            case SBYTE -> {
                stringBytes(x, "byteAt", 'I');
                store(i);
            }
            case INTOF -> {
                integerCheck(x.a, exit(x));
                load(x.a);
                mv.visitInsn(D2L);
                mv.visitInsn(L2I);
                store(i);
            }
            case TOBIT -> {
                load(x.a);
                mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(dev.isthmus.lua.lib.BitLibrary.class), "toBit", "(D)I", false);
                store(i);
            }
            case KI64, I64UNBOX, I64BOX, I64FROMNUM, I64ARITH, I64CMP -> int64.emit(i, x);
            case PHI, CVIEW, SNEW, SSET -> {
            }
            case PCAST -> {
                if (conversionsTaken.get(i)) {
                    pointerCast(x);
                    store(i);
                }
            }
            case TSETN -> storeElement(i, x);
            default -> call(i, x);
        }
    }

    /**
     * {@code TSETN}: a number stored at an integer key inside the array part raises no error
     * and calls nothing, so it needs neither the pc a traceback would show nor a handler; any
     * other store is a call ({@link #call}). A key not known to be an integer (computed, not a
     * narrowed loop variable) is checked integral by the table's own test first.
     */
    private void storeElement(int i, Ir x) {
        if (ir.typeOf(x.c) != IrType.NUM) {
            call(i, x);
            return;
        }
        IntegerKey index = integerKey(ir, x.b);
        Label done = new Label();
        load(x.a);
        mv.visitTypeInsn(CHECKCAST, TABLE);
        loadKey(index, x.b);
        load(x.c);
        mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "storeArrayNumber", "(" + (index != null ? "I" : "D") + "D)Z", false);
        mv.visitJumpInsn(IFNE, done);
        call(i, x);
        mv.visitLabel(done);
    }

    /**
     * {@link IrOp#CELEM}: the element's address, leaving the trace when the element is not all
     * inside the array (the interpreter then raises its error). An int index is checked inline,
     * where C2 sees an int-counted loop's index and its range.
     */
    private void elementAddress(int i, Ir x) {
        long size = (Long) x.aux2;
        Label exit = exit(x);
        if (ir.typeOf(x.c) == IrType.INT) {
            // Objects.checkIndex against the element count: C2's range check, which it hoists out
            // of an int-counted loop; its exception leaves the trace.
            Label start = new Label();
            Label end = new Label();
            Label failed = new Label();
            mv.visitTryCatchBlock(start, end, failed, "java/lang/IndexOutOfBoundsException");
            outOfLine.add(() -> {
                mv.visitLabel(failed);
                mv.visitInsn(POP);
                mv.visitJumpInsn(GOTO, exit);
            });
            mv.visitLabel(start);
            load(x.c);
            load(x.b);
            mv.visitLdcInsn(size);
            mv.visitMethodInsn(INVOKESTATIC, TRACES, "elementCount", "(JJ)I", false);
            mv.visitMethodInsn(INVOKESTATIC, "java/util/Objects", "checkIndex", "(II)I", false);
            mv.visitInsn(POP);
            mv.visitLabel(end);
            load(x.a);
            load(x.c);
            mv.visitInsn(I2L);
            mv.visitLdcInsn(size);
            mv.visitInsn(LMUL);
            mv.visitInsn(LADD);
            store(i);
            return;
        }
        load(x.a);
        load(x.b);
        load(x.c);
        mv.visitLdcInsn(size);
        mv.visitMethodInsn(INVOKESTATIC, TRACES, "elementAddress", "(JJDJ)J", false);
        store(i);
        load(i);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLT, exit);
    }

    /** Stores value {@code ref} in register {@code register} of the frame (relative to the base). */
    private void writeRegister(int register, int ref) {
        mv.visitVarInsn(ALOAD, STACK);
        slotIndex(register);
        IrType type = ir.typeOf(ref);
        if (type == IrType.LONG) {
            // A 64-bit integer: the frame holds the cdata.
            Int64Emission.box(mv, constants, Int64Recording.kindOf(ir, ref), () -> load(ref));
            type = IrType.REF;
        } else {
            load(ref);
        }
        if (type == IrType.INT) {
            mv.visitInsn(I2D);
        }
        if (type == IrType.REF) {
            mv.visitMethodInsn(INVOKESTATIC, ACCESS, "setSlot", "(Ldev/isthmus/lua/interp/ValueStack;ILjava/lang/Object;)V", false);
        } else {
            mv.visitMethodInsn(INVOKESTATIC, ACCESS, "setNumberSlot", "(Ldev/isthmus/lua/interp/ValueStack;ID)V", false);
        }
    }

    /**
     * Whether {@code pc}, where the trace leaves with {@code snapshot}, is a return of the function
     * trace's own function with a fixed number of results, which the trace then makes itself.
     */
    private boolean returnsItself(int pc, int snapshot) {
        int at = pc * 4;
        int[] code = tree.proto.code();
        return tree.function && ir.snapshots.get(snapshot).inside() == null && code[at] == Op.RETURN && code[at + 2] != 0;
    }

    /**
     * The function's return made by the trace ({@link LoopTrace#RETURNED}): its results written
     * from slot {@code base - 1} on (each from its value when the trace holds one, else from its
     * register; lower slots first, so that no result overwrites a register still to be read),
     * nothing else of the frame written back.
     */
    private void makeReturn(int pc, int snapshot) {
        int at = pc * 4;
        int[] code = tree.proto.code();
        int first = code[at + 1];
        int count = code[at + 2] - 1;
        Snapshot s = ir.snapshots.get(snapshot);
        if (direct != null && count == 0 && direct.returnsNothing()) {
            // A procedure's direct entry's own return: nil, nothing written.
            exitsLinked();
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ARETURN);
            return;
        }
        if (direct != null && count == 1 && !direct.returnsNothing() && returnsAsEntry(s.refOf(first), first)) {
            // The direct entry's own return: its result as a JVM value, nothing written.
            exitsLinked();
            mv.visitInsn(direct.returnsNumber() ? DRETURN : ARETURN);
            return;
        }
        materialise();
        for (int k = 0; k < count; k++) {
            int ref = s.refOf(first + k);
            if (ref != Ir.NONE) {
                writeRegister(k - 1, ref);
            } else {
                mv.visitVarInsn(ALOAD, STACK);
                slotIndex(first + k);
                slotIndex(k - 1);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "copySlot", "(Ldev/isthmus/lua/interp/ValueStack;II)V", false);
            }
        }
        exitsLinked();
        int cleared = tree.proto.frameSize() - (count - 1);
        if (cleared > FRAME_CLEARED_INLINE) {
            mv.visitVarInsn(ALOAD, STACK);
            mv.visitVarInsn(ILOAD, BASE);
            push(count);
            slotIndex(tree.proto.frameSize());
            mv.visitMethodInsn(INVOKESTATIC, ACCESS, "returned", "(Ldev/isthmus/lua/interp/ValueStack;III)I", false);
        } else {
            // RETURN's clearing of the frame above the results, one store per slot.
            clearSlots(count - 1, tree.proto.frameSize());
            push(LoopTrace.RETURNED | count);
        }
        returnLeft();
    }

    /**
     * In {@code body}, the value {@code ref} (or, when {@link Ir#NONE}, register {@code register}
     * as at entry) onto the operand stack as the direct entry returns it; false, with nothing
     * pushed, when it is not of that type here.
     */
    private boolean returnsAsEntry(int ref, int register) {
        IrType type = ref == Ir.NONE ? null : ir.typeOf(ref);
        if (type == IrType.LONG || ref == Ir.NONE && (!direct.lazyFrame() || register >= direct.clearedTo())) {
            // (A register the frame holds: what an inner loop or a call left there.)
            return false;
        }
        if (direct.returnsNumber()) {
            if (ref == Ir.NONE) {
                if (register >= direct.parameterCount() || !direct.numberParameters()[register]) {
                    return false;
                }
                mv.visitVarInsn(DLOAD, direct.localOf(register));
                return true;
            }
            if (type == IrType.REF) {
                return false;
            }
            loadAsNumber(ref);
            return true;
        }
        if (ref == Ir.NONE) {
            entryValue(register);
            return true;
        }
        if (type == IrType.REF) {
            load(ref);
        } else {
            loadBoxed(ref);
        }
        return true;
    }

    /**
     * The most slots a return or a direct call clears with a store each rather than a call of
     * {@code Arrays.fill}: a loop of unknown length in every compiled call, where a recursion
     * like fib spent a third of its time (measured by leaving the clearing out).
     */
    private static final int FRAME_CLEARED_INLINE = 8;

    /**
     * The int on the operand stack clamped to within {@link NarrowedLoops#RANGE}: a no-op on a
     * narrowed index or limit, which its guard has already put there, but a range C2 then knows.
     * Without it C2 must check, before a counted loop, that the index's first value is below
     * the limit (it cannot rule out that adding the step overflows), and a loop entered for a
     * single iteration fails that check: the trap deoptimized scimark LU's, nbody's and an
     * elimination's inner loops, and the loops compiled again were not counted ones (their
     * range checks kept in the loop, not unrolled).
     */
    private void boundedToRange() {
        push(-NarrowedLoops.RANGE);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "max", "(II)I", false);
        push(NarrowedLoops.RANGE);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "min", "(II)I", false);
    }

    /** Registers {@code [from, to)} of the frame at {@code base} set to nil. */
    private void clearSlots(int from, int to) {
        if (from >= to) {
            return;
        }
        mv.visitVarInsn(ALOAD, STACK);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "slots", "(Ldev/isthmus/lua/interp/ValueStack;)[Ljava/lang/Object;", false);
        for (int r = from; r < to; r++) {
            if (r < to - 1) {
                mv.visitInsn(DUP);
            }
            slotIndex(r);
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(AASTORE);
        }
    }

    /** {@code TraceExits.linked}: a function trace's call done, so the entry exits before it were not the trace's shape changing. */
    private void exitsLinked() {
        constants.emitLoad(mv, exits, TraceExits.class);
        mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(TraceExits.class), "linked", "()V", false);
    }

    /** The table, slot and key of {@link IrOp#HGETK} or {@link IrOp#HSETK} onto the stack. */
    private void tableSlot(Ir x) {
        load(x.a);
        mv.visitTypeInsn(CHECKCAST, TABLE);
        push((Integer) x.aux2);
        constant(x.aux, LuaString.class);
    }

    /**
     * A register's number into {@code i}'s local, in either of its forms (the tag
     * {@link LuaTable#NUMBER} with the number in {@code nums}, or a {@link Double}: a constant
     * LOADK put there, a Java function's result), or leaving by {@code x}'s exit. Written out
     * rather than as calls of small helpers: C2 counts every inlined callee's bytecode against
     * one budget per compiled tree (8000 bytes with the tree's own), and a tree past it keeps
     * its table accesses as calls.
     */
    private void loadNumber(int i, Ir x) {
        int register = (Integer) x.aux;
        Label boxed = new Label();
        Label done = new Label();
        mv.visitVarInsn(ALOAD, STACK);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "slots", "(Ldev/isthmus/lua/interp/ValueStack;)[Ljava/lang/Object;", false);
        slotIndex(register);
        mv.visitInsn(AALOAD);
        mv.visitVarInsn(ASTORE, scratch);
        mv.visitVarInsn(ALOAD, scratch);
        mv.visitFieldInsn(GETSTATIC, TABLE, "NUMBER", "Ljava/lang/Object;");
        mv.visitJumpInsn(IF_ACMPNE, boxed);
        mv.visitVarInsn(ALOAD, STACK);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "nums", "(Ldev/isthmus/lua/interp/ValueStack;)[D", false);
        slotIndex(register);
        mv.visitInsn(DALOAD);
        store(i);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(boxed);
        mv.visitVarInsn(ALOAD, scratch);
        mv.visitTypeInsn(INSTANCEOF, "java/lang/Double");
        mv.visitJumpInsn(IFEQ, exit(x));
        mv.visitVarInsn(ALOAD, scratch);
        mv.visitTypeInsn(CHECKCAST, "java/lang/Double");
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Double", "doubleValue", "()D", false);
        store(i);
        mv.visitLabel(done);
    }

    /**
     * A number key that is a JVM int plus a constant: {@code TONUM} of an int, or that plus or
     * minus a small integral constant when the int is a narrowed loop's index (no overflow:
     * within 2^30), or a positive integral constant ({@code ref} {@link Ir#NONE}, the constant in
     * {@code offset}). A table element at such a key is read and written in the array part
     * straight from the int.
     */
    record IntegerKey(int ref, int offset) {
    }

    static IntegerKey integerKey(TraceIr ir, int key) {
        Ir k = ir.at(key);
        if (k.op == IrOp.TONUM && ir.typeOf(k.a) == IrType.INT) {
            return new IntegerKey(k.a, 0);
        }
        if (k.op == IrOp.KNUM && ir.smallIntegral(key) instanceof Integer c && c >= 1) {
            // A constant index (v[1], v[2]): the int itself.
            return new IntegerKey(Ir.NONE, c);
        }
        if (k.op != IrOp.ADD && k.op != IrOp.SUB) {
            return null;
        }
        int index = k.op == IrOp.ADD && ir.smallIntegral(k.a) != null ? k.b : k.a;
        Ir x = ir.at(index);
        Integer c = ir.smallIntegral(index == k.a ? k.b : k.a);
        if (c == null || x.op != IrOp.TONUM || ir.typeOf(x.a) != IrType.INT || !ir.isLoopInt(x.a)) {
            return null;
        }
        return new IntegerKey(x.a, k.op == IrOp.ADD ? c : -c);
    }

    /** {@code StringLibrary.ByteValues.method(string a, number b, int aux)}, returning {@code result}. */
    private void stringBytes(Ir x, String method, char result) {
        load(x.a);
        mv.visitTypeInsn(CHECKCAST, Type.getInternalName(LuaString.class));
        // An index that is an int made a number (a loop's index) is read as the int: no check that it is integral, no conversion.
        Ir index = ir.at(x.b);
        boolean integer = index.op == IrOp.TONUM && ir.typeOf(index.a) == IrType.INT;
        load(integer ? index.a : x.b);
        push((Integer) x.aux);
        mv.visitMethodInsn(INVOKESTATIC, BYTES, method, "(L" + Type.getInternalName(LuaString.class) + ";" + (integer ? 'I' : 'D') + "I)" + result, false);
    }

    /** {@code key}'s int onto the operand stack. */
    /**
     * An element read whose value is only tested for nil and unboxed
     * ({@link TraceIr#unboxedElementReads}): the slot's raw content ({@link LuaTable#rawGet},
     * the tag {@link LuaTable#NUMBER} for a number) and, for a number, the number into
     * {@link #scratchElement}, so nothing is boxed (a boxed read allocated at every element of
     * an {@code ipairs} loop over numbers).
     */
    private void unboxedElement(int i, Ir x) {
        Label number = new Label();
        Label done = new Label();
        IntegerKey index = integerKey(ir, x.b);
        load(x.a);
        mv.visitTypeInsn(CHECKCAST, TABLE);
        loadKey(index, x.b);
        mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "rawGet", "(" + (index != null ? "I" : "D") + ")Ljava/lang/Object;", false);
        mv.visitInsn(DUP);
        store(i);
        mv.visitFieldInsn(GETSTATIC, TABLE, "NUMBER", "Ljava/lang/Object;");
        mv.visitJumpInsn(IF_ACMPEQ, number);
        mv.visitInsn(DCONST_0);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(number);
        numberAt(x, index);
        mv.visitLabel(done);
        mv.visitVarInsn(DSTORE, scratchElement);
    }

    /**
     * Pushes {@link LuaTable#numberAt} of table {@code x.a} at key {@code x.b} (the int
     * {@code index} when known integral): the number a slot tagged {@link LuaTable#NUMBER} holds.
     */
    private void numberAt(Ir x, IntegerKey index) {
        load(x.a);
        mv.visitTypeInsn(CHECKCAST, TABLE);
        loadKey(index, x.b);
        mv.visitMethodInsn(INVOKEVIRTUAL, TABLE, "numberAt", "(" + (index != null ? "I" : "D") + ")D", false);
    }

    /** The int {@code index} when the key is known integral, else the number key {@code key} itself. */
    private void loadKey(IntegerKey index, int key) {
        if (index != null) {
            loadIntegerKey(index);
        } else {
            load(key);
        }
    }

    private void loadIntegerKey(IntegerKey key) {
        if (key.ref() == Ir.NONE) {
            push(key.offset());
            return;
        }
        load(key.ref());
        if (key.offset() != 0) {
            push(key.offset());
            mv.visitInsn(IADD);
        }
    }

    /**
     * The number of the table slot content on the operand stack, into {@code i}'s local: the
     * unboxed number {@code unboxed} pushes when the content is the tag {@link LuaTable#NUMBER},
     * the only form a table holds a number in, or leaving by {@code x}'s exit.
     */
    private void numberInTable(int i, Ir x, Runnable unboxed) {
        mv.visitFieldInsn(GETSTATIC, TABLE, "NUMBER", "Ljava/lang/Object;");
        mv.visitJumpInsn(IF_ACMPNE, exit(x));
        unboxed.run();
        store(i);
    }

    /** A guard that the numbers compare as recorded; NaN makes every ordered relation false, as in Lua. */
    private void compare(Ir x) {
        Compare relation = (Compare) x.aux;
        if (ir.typeOf(x.a) == IrType.INT || comparesInts(x.a, x.b)) {
            loadInt(x.a);
            loadInt(x.b);
            mv.visitJumpInsn(switch (relation) {
                case LT -> IF_ICMPGE;
                case GE -> IF_ICMPLT;
                case LE -> IF_ICMPGT;
                case GT -> IF_ICMPLE;
                case EQ -> IF_ICMPNE;
                case NE -> IF_ICMPEQ;
            }, exit(x));
            return;
        }
        load(x.a);
        load(x.b);
        boolean equality = relation == Compare.EQ || relation == Compare.NE;
        mv.visitInsn(equality ? DCMPL : DCMPG);
        mv.visitJumpInsn(exitUnless(relation), exit(x));
    }

    /**
     * Whether numbers {@code a} and {@code b} compare as ints: each an int made a number
     * ({@code TONUM}: a loop's index, a bit operation's result) or an integral constant, one at
     * least the former. Compared as numbers, the int would be converted first (euler14's
     * {@code j == 1}, with {@code j} a bit operation's result).
     */
    private boolean comparesInts(int a, int b) {
        return isIntAsNumber(a) && (isIntAsNumber(b) || ir.smallIntegral(b) != null)
                || ir.smallIntegral(a) != null && isIntAsNumber(b);
    }

    /** Whether {@code ref} is an int made a number whose int this method has (a side method may have only the number). */
    private boolean isIntAsNumber(int ref) {
        Ir x = ir.at(ref);
        return x.op == IrOp.TONUM && ir.typeOf(x.a) == IrType.INT && (ir.at(x.a).op.isConstant() || local[x.a] >= 0);
    }

    /** Pushes {@code ref} as an int: an int, the int a {@code TONUM} made a number of, or an integral constant. */
    private void loadInt(int ref) {
        if (ir.typeOf(ref) == IrType.INT) {
            load(ref);
        } else if (isIntAsNumber(ref)) {
            load(ir.at(ref).a);
        } else {
            push(ir.smallIntegral(ref));
        }
    }

    /** The jump on a three-way comparison's int result ({@code DCMPG}, {@code LCMP}) taken when {@code relation} does not hold. */
    static int exitUnless(Compare relation) {
        return switch (relation) {
            case LT -> IFGE;
            case GE -> IFLT;
            case LE -> IFGT;
            case GT -> IFLE;
            case EQ -> IFNE;
            case NE -> IFEQ;
        };
    }

    /**
     * The upvalue an {@link IrOp#UGET} or {@link IrOp#USET} reads or writes onto the stack: the
     * upvalue itself, a constant, when the recorder named it (TraceRecorder.upvalueOwner), else
     * read from the closure {@link #closureOf} gives.
     */
    private void upvalue(Ir x) {
        if (x.aux2 != null && !(x.aux2 instanceof LuaClosure)) {
            constant(x.aux2, Object.class);
            return;
        }
        closureOf(x);
        push((Integer) x.aux);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "upvalueOf", "(Ldev/isthmus/lua/interp/LuaClosure;I)Ljava/lang/Object;", false);
    }

    /** The closure whose upvalues or globals {@code x} reads: an inlined function's (a constant), else the trace's argument. */
    private void closureOf(Ir x) {
        if (x.aux2 instanceof LuaClosure inlined) {
            constant(inlined, LuaClosure.class);
        } else {
            mv.visitVarInsn(ALOAD, CLOSURE);
        }
    }

    /** double -> the scalar's value type, by LuaJIT's conversions of a number stored into C memory. */
    private void numberToScalar(CScalar scalar) {
        if (scalar == CScalar.DOUBLE) {
            return;
        }
        if (scalar == CScalar.FLOAT) {
            mv.visitInsn(D2F);
            return;
        }
        push(scalar.byteSize());
        mv.visitInsn(scalar.isSigned() ? ICONST_0 : ICONST_1);
        mv.visitMethodInsn(INVOKESTATIC, TRACES, "toInteger", "(DIZ)J", false);
        if (scalar.valueType().equals(Type.INT_TYPE)) {
            mv.visitInsn(L2I);
        }
    }

    /**
     * An inner loop's trace run on the frame: the frame written back, the inner trace run, and
     * this trace left at the pc the inner one stopped at unless it is the one recorded. An error
     * inside the inner trace leaves both with the inner trace's own write-back and pc. Inside
     * calls recorded inline, the inner trace runs on the innermost one's frame, with their
     * frames on the call stack; leaving, this trace tells the interpreter to finish those calls
     * (and the ones the inner trace left inside, above them).
     */
    private void loopCall(Ir x) {
        InlinedFrames inside = ir.snapshots.get(x.snapshot).inside();
        exitWriter.flush(x.snapshot);
        mv.visitInsn(POP);
        Label start = new Label();
        Label end = new Label();
        Label failed = new Label();
        if (inside != null) {
            pushInlined(inside, x.pc);
            mv.visitTryCatchBlock(start, end, failed, Type.getInternalName(TraceCallFailure.class));
        }
        mv.visitLabel(start);
        // The inner tree as it is now, grown since this trace was compiled (CompiledLoop.runSite).
        siteTarget(((dev.isthmus.lua.interp.CompiledLoop) x.aux).runSite());
        mv.visitVarInsn(ALOAD, STACK);
        mv.visitVarInsn(ILOAD, BASE);
        if (inside != null) {
            push(inside.offsets()[inside.depth() - 1]);
            mv.visitInsn(IADD);
            constant(inside.closures()[inside.depth() - 1], dev.isthmus.lua.interp.LuaClosure.class);
        } else {
            mv.visitVarInsn(ALOAD, CLOSURE);
        }
        mv.visitVarInsn(ALOAD, FRAMES);
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", RUN_DESCRIPTOR, false);
        mv.visitLabel(end);
        // Where the inner loop ended, as it mostly does, first; the other hand-overs after.
        innerTreeReturned((Integer) x.aux2);
        Label same = new Label();
        mv.visitJumpInsn(IFNE, same);
        // The inner tree came back to its own loop to be called again ({@link #leavePeriodically}).
        innerTreeReturned(x.pc | LoopTrace.ENTER);
        Label other = new Label();
        mv.visitJumpInsn(IFEQ, other);
        mv.visitInsn(POP);
        mv.visitJumpInsn(GOTO, start);
        mv.visitLabel(other);
        if (inside == null && !tree.function && direct == null) {
            enterAgainAfterInnerTree();
        }
        if (inside != null) {
            popInlined(inside);
            leaveLoopInside(inside);
        }
        returnLeft();
        mv.visitLabel(same);
        if (inside != null) {
            popInlined(inside);
        }
        mv.visitInsn(POP);
        if (inside != null) {
            // An error in a call the inner trace made: the frames popped, the calls to finish named, the failure passed on.
            outOfLine.add(() -> {
                mv.visitLabel(failed);
                popInlined(inside);
                leaveLoopInside(inside);
                mv.visitInsn(ATHROW);
            });
        }
    }

    /**
     * After an inner loop's tree this tree runs ({@link #loopCall}), with what it returned on the
     * operand stack: when that is this tree's own loop instruction marked {@link LoopTrace#ENTER}
     * (a side trace of the inner tree went on past the inner loop to this loop, which has this
     * trace, and wrote the frame back there), the root's registers are loaded from the frame again
     * and the loop goes on ({@link #relink}), as the interpreter would enter this tree there. It
     * had left through the interpreter each time: mandelbrot-bit's inner loop ending without a
     * break, once for a quarter of its 18 million pixel pairs.
     */
    private void enterAgainAfterInnerTree() {
        Label other = new Label();
        innerTreeReturned(tree.startPc | LoopTrace.ENTER);
        mv.visitJumpInsn(IFEQ, other);
        if (method.isRun()) {
            leavePeriodically();
            mv.visitInsn(POP);
            mv.visitJumpInsn(GOTO, relink);
        } else {
            mv.visitInsn(POP);
            push(TreeMethods.RELINK);
            mv.visitInsn(IRETURN);
        }
        mv.visitLabel(other);
    }

    /**
     * Whether an inner loop's tree, whose result is on the operand stack (and stays there),
     * returned {@code expected} with no calls left inside and none completed
     * ({@code TraceAccess.innerLoopEnded}): its boolean pushed above the result.
     */
    private void innerTreeReturned(int expected) {
        mv.visitInsn(DUP);
        mv.visitVarInsn(ALOAD, FRAMES);
        mv.visitInsn(SWAP);
        push(expected);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "innerLoopEnded", "(Ldev/isthmus/lua/interp/CallStack;II)Z", false);
    }

    /** {@code TraceAccess.leaveLoopInside} for the calls {@code inside}, the operand stack left as it was. */
    private void leaveLoopInside(InlinedFrames inside) {
        mv.visitVarInsn(ALOAD, FRAMES);
        mv.visitVarInsn(ALOAD, STACK);
        mv.visitVarInsn(ILOAD, BASE);
        constant(inside, InlinedFrames.class);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "leaveLoopInside",
                "(Ldev/isthmus/lua/interp/CallStack;Ldev/isthmus/lua/interp/ValueStack;IL" + Type.getInternalName(InlinedFrames.class) + ";)V", false);
    }

    /** One operation on the two ints on the stack, as its JVM instruction (shift counts are taken modulo 32 by both). */
    private void intOperation(IntOperation operation) {
        switch (operation) {
            case AND -> mv.visitInsn(IAND);
            case OR -> mv.visitInsn(IOR);
            case XOR -> mv.visitInsn(IXOR);
            case SHL -> mv.visitInsn(ISHL);
            case SHR -> mv.visitInsn(IUSHR);
            case SAR -> mv.visitInsn(ISHR);
            case ADD -> mv.visitInsn(IADD);
            case SUB -> mv.visitInsn(ISUB);
            case ROL -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "rotateLeft", "(II)I", false);
            case ROR -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "rotateRight", "(II)I", false);
        }
    }

    /** The math function on the double on the stack, as the JDK's intrinsic. */
    private void doubleOperation(DoubleOperation operation) {
        String name = switch (operation) {
            case SQRT -> "sqrt";
            case ABS -> "abs";
            case FLOOR -> "floor";
            case CEIL -> "ceil";
        };
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", name, "(D)D", false);
    }

    /**
     * {@code math.min} ({@code x < y ? x : y}) or {@code math.max} ({@code x > y ? x : y}) of
     * numbers {@code x} and {@code y}: DCMPG makes a NaN compare greater, DCMPL less, so that a
     * NaN on either side gives {@code y}, as the library's comparison does.
     */
    private void extreme(DoubleOperation.Binary operation, int x, int y) {
        Label second = new Label();
        Label end = new Label();
        load(x);
        load(y);
        boolean min = operation == DoubleOperation.Binary.MIN;
        mv.visitInsn(min ? DCMPG : DCMPL);
        mv.visitJumpInsn(min ? IFGE : IFLE, second);
        load(x);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(second);
        load(y);
        mv.visitLabel(end);
    }

    private void unaryIntOperation(IntOperation.Unary operation) {
        switch (operation) {
            case TOBIT -> {
            }
            case NOT -> {
                mv.visitInsn(ICONST_M1);
                mv.visitInsn(IXOR);
            }
            case BSWAP -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "reverseBytes", "(I)I", false);
        }
    }

    /**
     * Jumps to {@code exit} unless number {@code ref} is an integer of magnitude below 2^48
     * ({@link IrOp#INTOF}): it survives the trip through a long unchanged (NaN and infinities do
     * not), and the long plus 2^48 is below 2^49, unsigned.
     */
    private void integerCheck(int ref, Label exit) {
        load(ref);
        load(ref);
        mv.visitInsn(D2L);
        mv.visitInsn(L2D);
        mv.visitInsn(DCMPL);
        mv.visitJumpInsn(IFNE, exit);
        load(ref);
        mv.visitInsn(D2L);
        mv.visitLdcInsn(1L << 48);
        mv.visitInsn(LADD);
        mv.visitLdcInsn(49);
        mv.visitInsn(LUSHR);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFNE, exit);
    }

    /** Jumps to {@code exit} when an interrupt is pending: a mutable call site's constant, free until one is ({@code PendingInterrupts}). */
    private void interruptCheck(Label exit) {
        mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(PendingInterrupts.class), "pending", "()Z", false);
        mv.visitJumpInsn(IFNE, exit);
    }

    /**
     * The end of a side trace that came back to the root's loop: the frame written back (the
     * root's exits write only what the root changed, and expect the frame to hold the rest),
     * the side trace's cdata kept alive to here, the root's entry registers given their values
     * all at once, and the root run from after its loads. An interrupt leaves first, at the loop
     * instruction: without that check a loop of pre-roll, exit and side trace would never see one.
     */
    private void link(int i, Ir x) {
        interruptCheck(exit(x));
        exitWriter.flush(x.snapshot);
        constants.emitLoad(mv, exits, TraceExits.class);
        mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(TraceExits.class), "linked", "()V", false);
        TraceTree.Side side = tree.sides.stream().filter(s -> s.start() <= i && i < s.end()).findFirst().orElseThrow();
        keepMemoryAlive(side.start(), side.end());
        if (method.isRun()) {
            leaveBeforeLongLoop(x);
            leavePeriodically();
        }
        mv.visitInsn(POP);
        if (!method.isRun()) {
            push(TreeMethods.RELINK);
            mv.visitInsn(IRETURN);
            return;
        }
        for (int arg : x.args) {
            load(arg);
        }
        for (int j = x.args.length - 1; j >= 0; j--) {
            store(j);
        }
        mv.visitJumpInsn(GOTO, linkTarget);
    }

    /**
     * A link back to a numeric loop whose next run is this many iterations or more goes
     * through the interpreter rather than jumping back to the root in this method (below).
     */
    private static final int LONG_LOOP = 1000;

    /**
     * At a link back to a root that is a numeric {@code for} loop counting in ints: when the loop
     * the link starts has {@link #LONG_LOOP} iterations or more to run, {@code run} returns the
     * loop's pc (on the operand stack, the frame written) marked {@link LoopTrace#ENTER}, and the
     * interpreter enters the root again there. A sum of an inner loop's index, 3600 iterations a
     * run inside a loop of 40,000, took 4.0 ns an iteration with the jump back (in C2's
     * on-stack-replacement compile, before {@link #leavePeriodically}), 1.5 ns through the
     * interpreter, where C2 leaves the jump, never taken, out of its code and the method's only
     * loop is the inner one. A loop that runs a few iterations at a time (nbody's) keeps the
     * jump: the trip through the interpreter would cost more than its iterations.
     */
    private void leaveBeforeLongLoop(Ir x) {
        int limitAt = -1;
        for (int j = 0; j < tree.rootEnd() && limitAt < 0; j++) {
            if (ir.at(j).op == IrOp.LIMIT) {
                limitAt = j;
            }
        }
        // The recorder's loop head: LIMIT(limit, step), then TOINT(index) (TraceRecorder.recordForLoopHead).
        if (limitAt < 0 || limitAt + 1 >= tree.rootEnd() || ir.at(limitAt + 1).op != IrOp.TOINT) {
            return;
        }
        Ir limit = ir.at(limitAt);
        int limitLoad = limit.a;
        int indexLoad = ir.at(limitAt + 1).a;
        Ir step = ir.at(limit.b);
        int stepLoad = step.op == IrOp.TOINT ? step.a : Ir.NONE;
        if (step.op != IrOp.KINT && (stepLoad == Ir.NONE || !isLinkedLoad(x, stepLoad)) || !isLinkedLoad(x, limitLoad) || !isLinkedLoad(x, indexLoad)
                || continuesTheSameRun(x, limitLoad)) {
            return;
        }
        // (limit - index) / step: the iterations to run, NaN or negative when there are none.
        Label inline = new Label();
        loadAsNumber(x.args[limitLoad]);
        loadAsNumber(x.args[indexLoad]);
        mv.visitInsn(DSUB);
        if (step.op == IrOp.KINT) {
            mv.visitLdcInsn((double) (Integer) step.aux);
        } else {
            loadAsNumber(x.args[stepLoad]);
        }
        mv.visitInsn(DDIV);
        mv.visitLdcInsn((double) LONG_LOOP);
        mv.visitInsn(DCMPL);
        mv.visitJumpInsn(IFLT, inline);
        push(LoopTrace.ENTER);
        mv.visitInsn(IOR);
        mv.visitInsn(IRETURN);
        mv.visitLabel(inline);
    }

    /** One link in this many in a call of {@code run} returns through the interpreter ({@link #leavePeriodically}). */
    private static final int LEAVE_EVERY = 256;

    /**
     * Every {@link #LEAVE_EVERY}th link back to the root in one call of {@code run} returns the
     * loop's pc marked {@link LoopTrace#ENTER}, for the interpreter (or an outer trace, {@link
     * #loopCall}) to call {@code run} again. A loop nest (the root loop and a side trace going
     * round an outer loop back into it) that runs long in one call is otherwise only ever run by
     * C2's on-stack-replacement compile, whose entry in the middle of the nest leaves C2 no
     * counted loop; the calls let C2 compile {@code run} from its top, and the next call enters
     * that code. An array sum with inner loops of 100 elements: 3.5 ns an element in one call,
     * 1.1 with the leave (LuaJIT 0.96); inner loops of 10: 3.7 to 2.3 (LuaJIT 2.25). The count
     * is a local, free in a register, and the trip through the interpreter (about 25 ns) is
     * a tenth of a nanosecond a link.
     */
    private void leavePeriodically() {
        if (direct != null) {
            return;
        }
        Label stay = new Label();
        mv.visitIincInsn(linksRun, 1);
        mv.visitVarInsn(ILOAD, linksRun);
        push(LEAVE_EVERY - 1);
        mv.visitInsn(IAND);
        mv.visitJumpInsn(IFNE, stay);
        push(LoopTrace.ENTER);
        mv.visitInsn(IOR);
        mv.visitInsn(IRETURN);
        mv.visitLabel(stay);
    }

    /**
     * Whether link {@code x} goes on with the run of the loop the root was in, rather than
     * starting a new one: it passes the loop's limit as the root had it (its own load, or the
     * limit's register read again from the frame), so its side trace never wrote that register,
     * as the instructions before a {@code FORPREP} do. A side trace of a branch inside the loop
     * body links back so on every iteration it takes (a call of one of several closures in turn,
     * 27.7 ns an iteration through the interpreter before).
     */
    private boolean continuesTheSameRun(Ir x, int limitLoad) {
        int passed = x.args[limitLoad];
        if (passed == limitLoad) {
            return true;
        }
        Ir p = ir.at(passed);
        return (p.op == IrOp.RLOADN || p.op == IrOp.SLOADN) && java.util.Objects.equals(p.aux, ir.at(limitLoad).aux);
    }

    /** Whether root value {@code ref} is a register load whose value link {@code x} passes. */
    private boolean isLinkedLoad(Ir x, int ref) {
        return ref >= 0 && ref < x.args.length && ir.at(ref).op.isRegisterLoad();
    }

    /** A new Object[] of the values {@code refs}, onto the stack. */
    private void objectArray(int[] refs) {
        push(refs.length);
        mv.visitTypeInsn(ANEWARRAY, OBJECT);
        for (int j = 0; j < refs.length; j++) {
            mv.visitInsn(DUP);
            push(j);
            load(refs[j]);
            mv.visitInsn(AASTORE);
        }
    }

    /** An instruction that calls out: its pc recorded for tracebacks, a failure leaving through its snapshot. */
    private void call(int i, Ir x) {
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        if (x.op == IrOp.CALLL) {
            // First in the table: a failure inside the direct call is the callee's to handle first.
            directCall = new Label[] {new Label(), new Label(), new Label()};
            mv.visitTryCatchBlock(directCall[0], directCall[1], directCall[2], "java/lang/Throwable");
        }
        mv.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
        handlerLabels.add(handler);
        handlerRefs.add(i);
        InlinedFrames inside = framesShownDuring(x);
        if (inside != null) {
            pushInlined(inside, x.pc);
        } else if (x.op == IrOp.CALLN && !callsBack(i)) {
            // No Lua code runs during it to see the pc; a failure passes its pc on (TraceCallFailure).
        } else if (x.op != IrOp.CALLN || nativeCalls.mustShowPc(shownPcOf(i))) {
            mv.visitVarInsn(ALOAD, FRAMES);
            push(shownPcOf(i));
            mv.visitMethodInsn(INVOKESTATIC, ACCESS, "setCallPc", "(Ldev/isthmus/lua/interp/CallStack;I)V", false);
        }
        if (x.op != IrOp.CALLN) {
            nativeCalls.forgetCallPc();
        }
        mv.visitLabel(start);
        String closure = "Ldev/isthmus/lua/interp/LuaClosure;";
        switch (x.op) {
            case TSETN -> {
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, TABLE);
                load(x.b);
                load(x.c);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, ir.typeOf(x.c) == IrType.NUM ? "rawSetNumbers" : "rawSetNumberKey",
                        "(L" + TABLE + ";D" + (ir.typeOf(x.c) == IrType.NUM ? "D" : "Ljava/lang/Object;") + ")V", false);
            }
            case TSETV -> {
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, TABLE);
                load(x.b);
                load(x.c);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, ir.typeOf(x.c) == IrType.NUM ? "rawSetNumberValue" : "rawSet",
                        "(L" + TABLE + ";Ljava/lang/Object;" + (ir.typeOf(x.c) == IrType.NUM ? "D" : "Ljava/lang/Object;") + ")V", false);
            }
            case GENV -> {
                closureOf(x);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "environment", "(" + closure + ")L" + TABLE + ";", false);
                constant(x.aux, LuaTable.class);
                mv.visitJumpInsn(IF_ACMPNE, exit(x));
            }
            case GGET -> {
                closureOf(x);
                constant(x.aux, Object.class);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "global", "(" + closure + "Ljava/lang/Object;)Ljava/lang/Object;", false);
            }
            case GSET -> {
                closureOf(x);
                constant(x.aux, Object.class);
                load(x.a);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "setGlobal", "(" + closure + "Ljava/lang/Object;Ljava/lang/Object;)V", false);
            }
            case INDEX -> {
                mv.visitVarInsn(ALOAD, CLOSURE);
                load(x.a);
                load(x.b);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "index", "(" + closure + "Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", false);
            }
            case SETINDEX -> {
                mv.visitVarInsn(ALOAD, CLOSURE);
                load(x.a);
                load(x.b);
                load(x.c);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "setIndex", "(" + closure + "Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)V", false);
            }
            case ARITHV -> {
                mv.visitVarInsn(ALOAD, CLOSURE);
                push((Integer) x.aux);
                load(x.a);
                load(x.b);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "arith", "(" + closure + "ILjava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", false);
            }
            case CMPV -> {
                mv.visitVarInsn(ALOAD, CLOSURE);
                load(x.a);
                load(x.b);
                String name = switch ((Compare) x.aux) {
                    case EQ -> "equal";
                    case LT -> "lessThan";
                    default -> "lessEqual";
                };
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, name, "(" + closure + "Ljava/lang/Object;Ljava/lang/Object;)Z", false);
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false);
            }
            case LENV -> {
                mv.visitVarInsn(ALOAD, CLOSURE);
                load(x.a);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "length", "(" + closure + "Ljava/lang/Object;)Ljava/lang/Object;", false);
            }
            case CALLN -> {
                boolean takesErrnoState = nativeCalls.takesErrnoState(x);
                if (takesErrnoState) {
                    nativeCalls.pushErrnoState();
                }
                for (int arg : x.args) {
                    load(arg);
                }
                NativeCall.of((String) x.aux2, NativeCallOperands.handle(ir, x, takesErrnoState)).emit(mv, constants);
            }
            case NEXT -> {
                load(x.a);
                mv.visitTypeInsn(CHECKCAST, TABLE);
                load(x.b);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "next", "(L" + TABLE + ";Ljava/lang/Object;)L" + ENTRY + ";", false);
            }
            case CONCAT -> {
                mv.visitVarInsn(ALOAD, CLOSURE);
                mv.visitVarInsn(ILOAD, BASE);
                push((Integer) x.aux);
                objectArray(x.args);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "concat", "(" + closure + "II[Ljava/lang/Object;)Ljava/lang/Object;", false);
            }
            case CALLV -> {
                mv.visitVarInsn(ALOAD, CLOSURE);
                load(x.a);
                objectArray(x.args);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "callForFirst", "(" + closure + "Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false);
            }
            case CALLL -> directCall(i, x);
            case CALLM -> {
                mv.visitVarInsn(ALOAD, CLOSURE);
                load(x.a);
                objectArray(x.args);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "callForResults", "(" + closure + "Ljava/lang/Object;[Ljava/lang/Object;)[Ljava/lang/Object;", false);
            }
            default -> throw new IllegalStateException("no code for " + x.op);
        }
        mv.visitLabel(end);
        if (inside != null) {
            popInlined(inside);
        }
        store(i);
    }

    /**
     * A call of a Lua function ({@link IrOp#CALLL}), its function and arguments written to the
     * frame first. When the callee has a function trace (this tree, for a function calling
     * itself, or another function's), a direct call of that trace's {@code run} in a frame pushed
     * for it, which C2 compiles as a plain JVM call; a failure in there goes to
     * {@code TraceAccess.failedDirectly} before this call's own handler. Otherwise the
     * interpreter makes the call ({@code TraceAccess.callLua}).
     */
    private void directCall(int i, Ir x) {
        LuaClosure known = knownCallee(i, x);
        if (known != null && directEntryOf(x, known.prototype()) instanceof java.lang.invoke.MethodType entry) {
            entryCall(i, x, entry, known.prototype());
            return;
        }
        int fn = (Integer) x.aux;
        int argc = x.args.length;
        int wanted = (Integer) x.aux2;
        writeCall(x);
        String trace = Type.getInternalName(LoopTrace.class);
        Label interpreted = new Label();
        Label done = new Label();
        // The callee's function trace, kept on the operand stack for the call below.
        loadClosure(x.a);
        mv.visitVarInsn(ALOAD, FRAMES);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "directCallee", "(" + CLOSURE_TYPE + FRAMES_TYPE + ")L" + trace + ";", false);
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNULL, interpreted);
        dev.isthmus.lua.bytecode.Prototype callee = known == null ? null : known.prototype();
        // The callee's locals cleared as a call clears them (Interpreter.clearLocals): with a
        // store each when the callee is a constant with a small frame.
        int clearFrom = callee == null ? 0 : fn + 1 + callee.firstClearedRegister(argc);
        int clearTo = callee == null ? 0 : fn + 1 + callee.frameExtent(argc);
        boolean clearsHere = callee != null && clearTo - clearFrom <= FRAME_CLEARED_INLINE;
        loadClosure(x.a);
        mv.visitVarInsn(ALOAD, FRAMES);
        mv.visitVarInsn(ALOAD, STACK);
        slotIndex(fn + 1);
        push(argc);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, clearsHere ? "enterFrame" : "enterDirectly", "(" + CLOSURE_TYPE + FRAMES_TYPE + STACK_TYPE + "II)I", false);
        mv.visitVarInsn(ISTORE, scratchTop);
        if (clearsHere) {
            clearSlots(clearFrom, clearTo);
        }
        mv.visitLabel(directCall[0]);
        mv.visitVarInsn(ALOAD, STACK);
        slotIndex(fn + 1);
        loadClosure(x.a);
        mv.visitVarInsn(ALOAD, FRAMES);
        // An interface call: C2 inlines the one tree class the site's profile shows, this
        // tree's own for a recursion, another function's tree (relinked when it is replaced) otherwise.
        mv.visitMethodInsn(INVOKEINTERFACE, trace, "run", RUN_DESCRIPTOR, true);
        mv.visitLabel(directCall[1]);
        leavingArguments(x);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "leaveDirectly", "(I" + CLOSURE_TYPE + FRAMES_TYPE + STACK_TYPE + "III)V", false);
        mv.visitJumpInsn(GOTO, done);
        calleeFailed(x, done);
        mv.visitLabel(interpreted);
        mv.visitInsn(POP);
        interpretedCall(x);
        mv.visitLabel(done);
    }

    /**
     * The closure call {@code x} ({@link IrOp#CALLL}, instruction {@code i}) calls when the
     * trace knows it: a constant, or the value the identity guard the recorder puts before the
     * call checks (a method looked up in a metatable); else null.
     */
    private LuaClosure knownCallee(int i, Ir x) {
        if (ir.at(x.a).op == IrOp.KREF) {
            return ir.at(x.a).aux instanceof LuaClosure known ? known : null;
        }
        for (int j = i - 1; j > x.a; j--) {
            Ir g = ir.at(j);
            if (g.op == IrOp.GSAME && g.a == x.a && g.aux instanceof LuaClosure known) {
                return known;
            }
        }
        return null;
    }

    /**
     * The shape of the direct entry call {@code x} of a known closure of {@code callee} can
     * call, or null: the function has a tree with one (this tree, for a recursion), or a procedure
     * called with objects only ({@link DirectEntry#ofProcedure}), the call passes as many
     * arguments as it has parameters, of types the entry takes, and wants at most one result.
     */
    private java.lang.invoke.MethodType directEntryOf(Ir x, dev.isthmus.lua.bytecode.Prototype callee) {
        if ((Integer) x.aux2 > 1 || (Integer) x.aux2 < 0) {
            return null;
        }
        // A function tree calling itself calls the entry it is making; a loop's tree calling the
        // function it is in (a recursion through the loop: ray's group:intersect) calls that
        // function's tree, as any other caller does.
        boolean itself = callee == tree.proto && tree.function;
        java.lang.invoke.MethodType type = itself ? (treeEntry == null ? null : treeEntry.type()) : DirectSites.installedType(callee);
        if (type == null && !itself && java.util.Arrays.stream(x.args).allMatch(r -> ir.typeOf(r) == IrType.REF)) {
            // No tree yet: a procedure called with objects only is called through the site its entry will most likely have.
            type = DirectEntry.ofProcedure(callee);
        }
        if (type == null || x.args.length != callee.parameterCount()) {
            return null;
        }
        for (int j = 0; j < x.args.length; j++) {
            IrType t = ir.typeOf(x.args[j]);
            if (t == IrType.LONG || type.parameterType(4 + j) == double.class && t == IrType.REF) {
                return null;
            }
        }
        return type;
    }

    /**
     * A call of a function tree's direct entry ({@link DirectEntry}): the callee's frame pushed
     * (none of its slots written), the entry called through its function's call site of that
     * shape ({@link DirectSites}) with the arguments as JVM values, its result taken as one, or,
     * when it left its results in the stack or failed, as the interpreter's call leaves them. A
     * number result read by the next instruction ({@link IrOp#RLOADN}) goes to that
     * instruction's local at once. When the call may not be direct now (a recording, a full
     * call stack), the interpreter makes it.
     */
    private void entryCall(int i, Ir x, java.lang.invoke.MethodType type, dev.isthmus.lua.bytecode.Prototype callee) {
        int fn = (Integer) x.aux;
        int argc = x.args.length;
        int wanted = (Integer) x.aux2;
        boolean number = type.returnType() == double.class;
        int after = afterConstants(i + 1, rangeEnd);
        Ir next = after < rangeEnd ? ir.at(after) : null;
        boolean resultRead = number && wanted == 1 && framesShownDuring(x) == null && next != null && next.op == IrOp.RLOADN
                && (Integer) next.aux == fn;
        Label interpreted = new Label();
        Label inSlots = new Label();
        Label done = new Label();
        loadClosure(x.a);
        mv.visitVarInsn(ALOAD, FRAMES);
        mv.visitVarInsn(ALOAD, STACK);
        slotIndex(fn + 1);
        push(callee.frameExtent(argc));
        push(callee.frameSize());
        mv.visitMethodInsn(INVOKESTATIC, CALLS, "enter", "(" + CLOSURE_TYPE + FRAMES_TYPE + STACK_TYPE + "III)I", false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, scratchTop);
        mv.visitJumpInsn(IFLT, interpreted);
        mv.visitLabel(directCall[0]);
        siteTarget(DirectSites.site(callee, type));
        mv.visitVarInsn(ALOAD, STACK);
        slotIndex(fn + 1);
        loadClosure(x.a);
        mv.visitVarInsn(ALOAD, FRAMES);
        for (int j = 0; j < argc; j++) {
            IrType t = ir.typeOf(x.args[j]);
            if (t == IrType.REF) {
                load(x.args[j]);
            } else if (type.parameterType(4 + j) == double.class) {
                loadAsNumber(x.args[j]);
            } else {
                loadBoxed(x.args[j]);
            }
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact", type.toMethodDescriptorString(), false);
        mv.visitLabel(directCall[1]);
        Runnable leave = () -> {
            mv.visitVarInsn(ALOAD, FRAMES);
            mv.visitVarInsn(ALOAD, STACK);
            mv.visitVarInsn(ILOAD, scratchTop);
            mv.visitMethodInsn(INVOKESTATIC, CALLS, "leave", "(" + FRAMES_TYPE + STACK_TYPE + "I)V", false);
        };
        if (number) {
            Label slow = new Label();
            mv.visitVarInsn(DSTORE, scratchLong);
            mv.visitVarInsn(DLOAD, scratchLong);
            mv.visitVarInsn(ALOAD, FRAMES);
            mv.visitMethodInsn(INVOKESTATIC, CALLS, "resultsInSlots", "(D" + FRAMES_TYPE + ")I", false);
            mv.visitInsn(DUP);
            mv.visitJumpInsn(IFGE, slow);
            mv.visitInsn(POP);
            leave.run();
            if (resultRead) {
                mv.visitVarInsn(DLOAD, scratchLong);
                store(after);
            } else if (wanted == 1) {
                mv.visitVarInsn(ALOAD, STACK);
                slotIndex(fn);
                mv.visitVarInsn(DLOAD, scratchLong);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "setNumberSlot", "(" + STACK_TYPE + "ID)V", false);
            }
            mv.visitJumpInsn(GOTO, done);
            mv.visitLabel(slow);
            push(LoopTrace.RETURNED);
            mv.visitInsn(IOR);
            leavingArguments(x);
            mv.visitMethodInsn(INVOKESTATIC, ACCESS, "leaveDirectly", "(I" + CLOSURE_TYPE + FRAMES_TYPE + STACK_TYPE + "III)V", false);
            mv.visitJumpInsn(GOTO, inSlots);
        } else {
            mv.visitVarInsn(ASTORE, scratch);
            leave.run();
            if (wanted == 1) {
                mv.visitVarInsn(ALOAD, STACK);
                slotIndex(fn);
                mv.visitVarInsn(ALOAD, scratch);
                mv.visitMethodInsn(INVOKESTATIC, ACCESS, "setSlot", "(" + STACK_TYPE + "ILjava/lang/Object;)V", false);
            }
            mv.visitJumpInsn(GOTO, done);
        }
        calleeFailed(x, inSlots);
        mv.visitLabel(interpreted);
        writeCall(x);
        interpretedCall(x);
        mv.visitLabel(inSlots);
        if (resultRead) {
            // The results where the interpreter's call leaves them: the next instruction's load, made here.
            emit(after, next);
            emittedWithCall = after;
        }
        mv.visitLabel(done);
    }

    /** The handler of a direct call's failure ({@code TraceAccess.failedDirectly}), going on at {@code then}. */
    private void calleeFailed(Ir x, Label then) {
        mv.visitLabel(directCall[2]);
        leavingArguments(x);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "failedDirectly", "(Ljava/lang/Throwable;" + CLOSURE_TYPE + FRAMES_TYPE + STACK_TYPE + "III)V", false);
        mv.visitJumpInsn(GOTO, then);
    }

    /** The function and arguments of call {@code x} written to the frame, where CALL finds them. */
    private void writeCall(Ir x) {
        int fn = (Integer) x.aux;
        writeRegister(fn, x.a);
        for (int j = 0; j < x.args.length; j++) {
            writeRegister(fn + 1 + j, x.args[j]);
        }
    }

    /** The call {@code x}, its function and arguments in the frame, made by the interpreter ({@code TraceAccess.callLua}). */
    private void interpretedCall(Ir x) {
        loadClosure(x.a);
        mv.visitVarInsn(ALOAD, FRAMES);
        mv.visitVarInsn(ALOAD, STACK);
        slotIndex((Integer) x.aux);
        push(x.args.length);
        push((Integer) x.aux2);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "callLua", "(" + CLOSURE_TYPE + FRAMES_TYPE + STACK_TYPE + "III)V", false);
    }

    /** What {@code TraceAccess.leaveDirectly} and {@code failedDirectly} take after the pc or the failure: the callee, the frame to leave, the results wanted. */
    private void leavingArguments(Ir x) {
        loadClosure(x.a);
        mv.visitVarInsn(ALOAD, FRAMES);
        mv.visitVarInsn(ALOAD, STACK);
        push((Integer) x.aux);
        mv.visitVarInsn(ILOAD, BASE);
        mv.visitInsn(IADD);
        push((Integer) x.aux2);
        mv.visitVarInsn(ILOAD, scratchTop);
    }

    private void loadClosure(int ref) {
        load(ref);
        mv.visitTypeInsn(CHECKCAST, "dev/isthmus/lua/interp/LuaClosure");
    }

    /**
     * The pc the loop's frame shows its callers during call {@code i}: its own pc, or for a call
     * inside inlined calls the outermost of them; for a native call that cannot call back, none
     * ({@link NativeCallLocals#showsNoPc()}).
     */
    private int shownPcOf(int i) {
        Ir x = ir.at(i);
        if (x.op == IrOp.CALLN && !callsBack(i)) {
            return NativeCallLocals.showsNoPc();
        }
        Snapshot s = ir.snapshots.get(x.snapshot);
        return s.inside() != null ? s.inside().callPcs()[0] : x.pc;
    }

    /**
     * Whether the native call {@code i} may call back into Lua: a {@link IrOp#GCALLBACK} checks
     * after it (constants aside) that none did. The recorder leaves it out after a critical call, which cannot.
     */
    private boolean callsBack(int i) {
        int next = afterConstants(i + 1, ir.code.size());
        return next < ir.code.size() && ir.at(next).op == IrOp.GCALLBACK;
    }

    /**
     * The first instruction from {@code from} (up to {@code end}) that is not a constant: a side
     * trace's constants are made where they are first used, so the nil a call's cleared
     * arguments take may come between the call and what follows it (its guard, its result's load).
     */
    private int afterConstants(int from, int end) {
        int i = from;
        while (i < end && ir.at(i).op.isConstant()) {
            i++;
        }
        return i;
    }

    /**
     * The frames of the inlined calls a call out is made inside, which the call stack shows
     * while it runs (Lua code it runs sees them as its callers, errors are positioned in the
     * innermost), or null: in the loop's own function, and for a native call, which runs no Lua
     * code unless through a callback (the price of pushing them would be paid by every wrapper
     * of a C function; a callback sees the loop's frame as its caller).
     */
    private InlinedFrames framesShownDuring(Ir x) {
        InlinedFrames inside = ir.snapshots.get(x.snapshot).inside();
        return x.op == IrOp.CALLN ? null : inside;
    }

    /** {@code TraceAccess.enterInlined}: the frames of {@code inside} on the call stack, the innermost at {@code pc}. */
    private void pushInlined(InlinedFrames inside, int pc) {
        mv.visitVarInsn(ALOAD, FRAMES);
        mv.visitVarInsn(ILOAD, BASE);
        constant(inside, InlinedFrames.class);
        push(pc);
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "enterInlined", "(Ldev/isthmus/lua/interp/CallStack;IL" + Type.getInternalName(InlinedFrames.class) + ";I)V", false);
    }

    private void popInlined(InlinedFrames inside) {
        mv.visitVarInsn(ALOAD, FRAMES);
        push(inside.depth());
        mv.visitMethodInsn(INVOKESTATIC, ACCESS, "leaveInlined", "(Ldev/isthmus/lua/interp/CallStack;I)V", false);
    }
}
