package dev.isthmus.lua.jit;

import dev.isthmus.ffi.Ffi;
import dev.isthmus.ffi.ThreadErrno;
import dev.isthmus.jit.ClassData;
import dev.isthmus.lua.runtime.CallbackCount;
import dev.isthmus.lua.runtime.NumericCallable;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import static org.objectweb.asm.Opcodes.*;

/**
 * What a trace's native calls ({@link IrOp#CALLN}) read from JVM locals instead of before each
 * call, so that a loop of calls costs what the same loop in Java does:
 * <ul>
 * <li>the callback count their {@link IrOp#GCALLBACK} guards compare with;</li>
 * <li>the addresses of the thread's errno state ({@link ThreadErrno}), which an errno-capturing
 *     call restores errno from and has the linker capture into
 *     ({@link NumericCallable#numericHandleAt}), instead of looking the thread up each time;</li>
 * <li>which pc the loop's frame already shows for its callers ({@code TraceAccess.setCallPc}).</li>
 * </ul>
 * The first two are read at the start of each method of the tree and again after each instruction
 * that may run Lua code ({@link IrOp#mayRunLua()}): only Lua code enters callbacks, and only Lua
 * code can switch coroutines, whose next resumption may come from another thread. A native call
 * itself runs Lua only through a callback, after which its {@code GCALLBACK} leaves the trace. So
 * at every native call the locals hold what reading them there would give. The pc is known along
 * straight code only: forgotten where other code joins ({@link #forgetCallPc}) and at each other
 * call, and known at a loop's head when both the way in and the loop's end show the same.
 */
final class NativeCallLocals {
    private static final String CALLBACKS = Type.getInternalName(CallbackCount.class);
    private static final String THREAD_ERRNO = Type.getInternalName(ThreadErrno.class);
    private static final int UNKNOWN = -1;
    /** The state of a stretch of code that shows no pc and forgets none. */
    private static final int UNCHANGED = -2;

    private final TraceIr ir;
    private final MethodVisitor mv;
    private final ClassData constants;
    /** An int: the callback count. */
    private final int callbacksLocal;
    /** Two longs: {@link ThreadErrno#stateAddress()}, then {@link ThreadErrno#errnoAddress()}. */
    private final int errnoLocal;
    private final boolean countsCallbacks;
    /** The FFI whose errno state the locals hold: the first errno keeper among the trace's native calls; null if none. */
    private final Ffi errnoKeeper;
    private int shownPc = UNKNOWN;

    /** Locals from {@code firstLocal} on: three slots, then four. */
    NativeCallLocals(TraceIr ir, MethodVisitor mv, ClassData constants, int firstLocal) {
        this.ir = ir;
        this.mv = mv;
        this.constants = constants;
        this.callbacksLocal = firstLocal;
        this.errnoLocal = firstLocal + 1;
        boolean counts = false;
        Ffi keeper = null;
        for (Ir x : ir.code) {
            counts |= x.op == IrOp.GCALLBACK;
            if (keeper == null && x.op == IrOp.CALLN) {
                keeper = ((NumericCallable) x.aux).errnoKeeper();
            }
        }
        this.countsCallbacks = counts;
        this.errnoKeeper = keeper;
    }

    /** The slots taken from the first local on. */
    static int slots() {
        return 5;
    }

    /** Reads what the locals hold: at a method's start, and after an instruction that may have run Lua. */
    void read() {
        if (countsCallbacks) {
            mv.visitFieldInsn(GETSTATIC, CALLBACKS, "entered", "I");
            mv.visitVarInsn(ISTORE, callbacksLocal);
        }
        if (errnoKeeper != null) {
            constants.emitLoad(mv, errnoKeeper, Ffi.class);
            mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(Ffi.class), "threadErrno", "()L" + THREAD_ERRNO + ";", false);
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKEVIRTUAL, THREAD_ERRNO, "stateAddress", "()J", false);
            mv.visitVarInsn(LSTORE, errnoLocal);
            mv.visitMethodInsn(INVOKEVIRTUAL, THREAD_ERRNO, "errnoAddress", "()J", false);
            mv.visitVarInsn(LSTORE, errnoLocal + 2);
        }
    }

    /** After instruction {@code x}: the locals read again if it may have run Lua. */
    void after(Ir x) {
        if (x.op.mayRunLua()) {
            read();
        }
    }

    /** Whether the native call {@code x} takes the errno state from the locals ({@link NumericCallable#numericHandleAt}). */
    boolean takesErrnoState(Ir x) {
        return errnoKeeper != null && ((NumericCallable) x.aux).errnoKeeper() == errnoKeeper;
    }

    /** The errno state's two addresses onto the stack, before the call's operands. */
    void pushErrnoState() {
        mv.visitVarInsn(LLOAD, errnoLocal);
        mv.visitVarInsn(LLOAD, errnoLocal + 2);
    }

    /** {@link IrOp#GCALLBACK}: to {@code exit} if a callback was entered since the count was read. */
    void checkNoCallback(Label exit) {
        mv.visitFieldInsn(GETSTATIC, CALLBACKS, "entered", "I");
        mv.visitVarInsn(ILOAD, callbacksLocal);
        mv.visitJumpInsn(IF_ICMPNE, exit);
    }

    /** Whether the frame must be told that it is at {@code pc} (it is not known to show it); from then on it is known to. */
    boolean mustShowPc(int pc) {
        boolean must = shownPc != pc;
        shownPc = pc;
        return must;
    }

    /** Where other code joins, or after a call that may change what the frame shows: nothing known. */
    void forgetCallPc() {
        shownPc = UNKNOWN;
    }

    /**
     * At the head of the loop {@code [loopStart, end)}, reached from the code before it and
     * from the loop's end: the pc shown is known if both show the same one.
     */
    void enterLoop(int loopStart, int end, java.util.function.IntUnaryOperator shownPcOfCall) {
        int atEnd = UNCHANGED;
        for (int i = loopStart; i < end; i++) {
            atEnd = shownAfter(atEnd, i, shownPcOfCall);
        }
        if (atEnd != UNCHANGED && atEnd != shownPc) {
            shownPc = UNKNOWN;
        }
    }

    /** What the frame is known to show after instruction {@code i}, given what it showed before. */
    private int shownAfter(int before, int i, java.util.function.IntUnaryOperator shownPcOfCall) {
        Ir x = ir.at(i);
        if (x.op == IrOp.CALLN) {
            int pc = shownPcOfCall.applyAsInt(i);
            return pc == UNCHANGED ? before : pc;
        }
        return x.op.isCall() ? UNKNOWN : before;
    }

    /** What {@code shownPcOfCall} answers for a native call that shows no pc (one that cannot call back). */
    static int showsNoPc() {
        return UNCHANGED;
    }
}
