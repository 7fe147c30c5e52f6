package dev.isthmus.lua.interp;

import dev.isthmus.lua.bytecode.Prototype;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

import static dev.isthmus.lua.interp.CallbackMethod.*;
import static org.objectweb.asm.Opcodes.*;

/**
 * The spun method of a callback whose function tree has a direct entry returning a number
 * ({@link CallbackMethod}): everything that would send the call elsewhere checked before
 * anything changes, then the pointer arguments' kept objects taken, the callback counted, the
 * frame set up as {@link Interpreter#enter} would (only noted in {@link CallStack#deferredBase}
 * when the tree makes no call), the entry called, and, when it came back by the trace's own
 * return, the frame dropped, the kept objects given back and the result converted in bytecode.
 *
 * <p>Kept under {@code FreqInlineSize} (325 bytes of bytecode) for a comparator, so that the JIT
 * compiler may inline it into the JDK's upcall (it does when the upcall's profile says the call
 * is frequent; at 442 bytes it never did, and the call cost 1.1 ns a comparison): whatever would
 * make it larger is in two other methods of the class, {@link CallbackMethod#COLD} (the C
 * arguments made into Lua values again and {@link CallbackEntry#outOfLine} called) for a check
 * that fails, and {@link CallbackMethod#LEFT} for an entry that left its compiled code.
 */
final class CallbackDirectCall {
    private final CallbackMethod m;
    private final CompiledLoop trace;
    private final MethodHandle body;
    private final LuaClosure closure;
    private final Prototype p;
    /** Whether the frame is only noted, the tree making no call. */
    private final boolean defers;
    /** Whether the tree keeps its arguments in the call, so that its return gives the kept objects back. */
    private final boolean keeps;
    /** Whether anything between the count and the entry's call may throw (a push, a test mode's stack move). */
    private final boolean calls;
    private final Label cold = new Label();
    private final Label bodyStart = new Label();
    private final Label cleanUp = new Label();
    private final Label left = new Label();
    /** Where the entry came back with its results in the stack. */
    private final Label resultsInStack = new Label();

    private CallbackDirectCall(CallbackMethod m, CompiledLoop trace, MethodHandle body) {
        this.m = m;
        this.trace = trace;
        this.body = body;
        this.closure = (LuaClosure) m.entry.function;
        this.p = closure.prototype;
        this.defers = trace.makesNoCall();
        this.keeps = trace.argumentsStayInCall();
        this.calls = ValueStack.MOVE_ALWAYS || !defers;
    }

    /** The direct call of {@code trace} for {@code m}'s callback, or null when its tree has no direct entry the callback can take. */
    static CallbackDirectCall of(CallbackMethod m, CompiledLoop trace) {
        MethodHandle body = bodyOf(m, trace, ((LuaClosure) m.entry.function).prototype);
        return body == null ? null : new CallbackDirectCall(m, trace, body);
    }

    /**
     * The tree's direct entry adapted to the arguments as this method has them, or null when it
     * has none returning a number, or takes other parameters than the callback passes (another
     * count, a number where C passes an object or the other way round).
     */
    private static MethodHandle bodyOf(CallbackMethod m, CompiledLoop trace, Prototype p) {
        MethodHandle direct = trace.directEntry();
        MethodType type = direct == null ? null : direct.type();
        if (type == null || type.returnType() != double.class || type.parameterCount() != 4 + m.count || p.parameterCount() != m.count) {
            return null;
        }
        MethodType adapted = MethodType.methodType(double.class, ValueStack.class, int.class, LuaClosure.class, CallStack.class);
        for (int i = 0; i < m.count; i++) {
            boolean isNumber = type.parameterType(4 + i) == double.class;
            if (isNumber != m.entry.parameters.get(i) instanceof CallbackParameter.Number) {
                return null;
            }
            adapted = adapted.appendParameterTypes(isNumber ? double.class : Object.class);
        }
        return direct.asType(adapted);
    }

    /** The method's code, in class {@code internal}. */
    void emit(MethodVisitor mv, String internal) {
        checks(mv);
        takeArguments(mv);
        setUpFrame(mv);
        callEntry(mv);
        tails(mv, internal);
    }

    /** Whatever sends the call to {@link CallbackMethod#COLD}: a recording, another trace, a full call stack, something pending, a stack to grow, a kept object in use. */
    private void checks(MethodVisitor mv) {
        m.checkLink(mv, trace, cold);
        // The call stack full: the interpreter's entry raises the overflow.
        m.constants.emitLoad(mv, closure.interpreter(), Interpreter.class);
        mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "callStack", "()L" + CALL_STACK + ";", false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, m.frames);
        mv.visitFieldInsn(GETFIELD, CALL_STACK, "depth", "I");
        mv.visitVarInsn(ALOAD, m.frames);
        mv.visitFieldInsn(GETFIELD, CALL_STACK, "depthLimit", "I");
        mv.visitJumpInsn(IF_ICMPGE, cold);
        if (defers) {
            // CallStack.mayDefer: nothing pending that the frame's push would take.
            mv.visitVarInsn(ALOAD, m.frames);
            mv.visitFieldInsn(GETFIELD, CALL_STACK, "pendingMetamethodEvent", Type.getDescriptor(dev.isthmus.lua.runtime.LuaString.class));
            mv.visitJumpInsn(IFNONNULL, cold);
            mv.visitVarInsn(ALOAD, m.frames);
            mv.visitFieldInsn(GETFIELD, CALL_STACK, "pendingDirectEntry", "Z");
            mv.visitJumpInsn(IFNE, cold);
            mv.visitVarInsn(ALOAD, m.frames);
            mv.visitFieldInsn(GETFIELD, CALL_STACK, "pendingCallEntry", "Z");
            mv.visitJumpInsn(IFNE, cold);
        }
        // The frame's base above the innermost; below the highest slot reached the slots exist (the stack only grows).
        mv.visitVarInsn(ALOAD, m.frames);
        mv.visitFieldInsn(GETFIELD, CALL_STACK, "values", "L" + VALUE_STACK + ";");
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, m.stack);
        mv.visitFieldInsn(GETFIELD, VALUE_STACK, "top", "I");
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ISTORE, m.base);
        if (!ValueStack.MOVE_ALWAYS) {
            mv.visitVarInsn(ILOAD, m.base);
            CallbackMethod.pushInt(mv, p.frameExtent(m.count));
            mv.visitInsn(IADD);
            mv.visitVarInsn(ALOAD, m.stack);
            mv.visitFieldInsn(GETFIELD, VALUE_STACK, "highWater", "I");
            mv.visitJumpInsn(IF_ICMPGT, cold);
        }
        // A pointer's kept object free (no call further out has it), when the tree gives it back.
        for (int i = 0; i < m.count && keeps; i++) {
            if (m.entry.parameters.get(i) instanceof CallbackParameter.Pointer(KeptArgument kept)) {
                m.constants.emitLoad(mv, kept, KeptArgument.class);
                mv.visitFieldInsn(GETFIELD, KEPT, "free", "L" + REUSABLE + ";");
                mv.visitInsn(DUP);
                mv.visitVarInsn(ASTORE, i == 0 ? m.first : m.second);
                mv.visitJumpInsn(IFNULL, cold);
            }
        }
    }

    /** The arguments: the kept objects taken and pointed at C's addresses, numbers widened. */
    private void takeArguments(MethodVisitor mv) {
        // From here the call is this method's: the arguments, the count, the frame.
        for (int i = 0; i < m.count; i++) {
            if (m.entry.parameters.get(i) instanceof CallbackParameter.Pointer(KeptArgument kept) && keeps) {
                m.constants.emitLoad(mv, kept, KeptArgument.class);
                mv.visitInsn(ACONST_NULL);
                mv.visitFieldInsn(PUTFIELD, KEPT, "free", "L" + REUSABLE + ";");
                mv.visitVarInsn(ALOAD, i == 0 ? m.first : m.second);
                mv.visitVarInsn(LLOAD, m.parameterSlot(i));
                mv.visitMethodInsn(INVOKEINTERFACE, REUSABLE, "reuseFor", "(J)V", true);
            } else if (m.entry.parameters.get(i) instanceof CallbackParameter.Pointer(KeptArgument kept)) {
                m.made(mv, kept, i);
            } else {
                m.argument(mv, i);
            }
        }
        m.enterCallback(mv);
    }

    /** The callback counted and the frame set up. */
    private void setUpFrame(MethodVisitor mv) {
        Label mayThrow = new Label();
        if (calls) {
            mv.visitTryCatchBlock(mayThrow, bodyStart, cleanUp, null);
        }
        mv.visitLabel(mayThrow);
        if (ValueStack.MOVE_ALWAYS) {
            // Test mode: every ensure moves the stack.
            mv.visitVarInsn(ALOAD, m.stack);
            mv.visitVarInsn(ILOAD, m.base);
            CallbackMethod.pushInt(mv, p.frameExtent(m.count));
            mv.visitInsn(IADD);
            mv.visitMethodInsn(INVOKEVIRTUAL, VALUE_STACK, "ensure", "(I)V", false);
        }
        mv.visitVarInsn(ALOAD, m.frames);
        if (defers) {
            mv.visitVarInsn(ILOAD, m.base);
            mv.visitFieldInsn(PUTFIELD, CALL_STACK, "deferredBase", "I");
        } else {
            // Pushed as called from Java (C, here): levels and tracebacks count the C function.
            m.constants.emitLoad(mv, closure, LuaClosure.class);
            mv.visitVarInsn(ILOAD, m.base);
            mv.visitMethodInsn(INVOKEVIRTUAL, CALL_STACK, "pushCallback", "(" + CLOSURE + "I)V", false);
        }
        mv.visitVarInsn(ALOAD, m.stack);
        mv.visitVarInsn(ILOAD, m.base);
        CallbackMethod.pushInt(mv, p.frameSize());
        mv.visitInsn(IADD);
        mv.visitFieldInsn(PUTFIELD, VALUE_STACK, "top", "I");
        mv.visitVarInsn(ALOAD, m.frames);
        mv.visitInsn(ICONST_M1);
        mv.visitFieldInsn(PUTFIELD, CALL_STACK, "directResults", "I");
    }

    /** The entry called and, when it came back by the trace's own return, the frame dropped and the result returned. */
    private void callEntry(MethodVisitor mv) {
        Label bodyEnd = new Label();
        mv.visitTryCatchBlock(bodyStart, bodyEnd, left, "java/lang/Throwable");
        mv.visitLabel(bodyStart);
        m.constants.emitLoad(mv, body, MethodHandle.class);
        mv.visitVarInsn(ALOAD, m.stack);
        mv.visitVarInsn(ILOAD, m.base);
        m.constants.emitLoad(mv, closure, LuaClosure.class);
        mv.visitVarInsn(ALOAD, m.frames);
        for (int i = 0; i < m.count; i++) {
            boolean isNumber = body.type().parameterType(4 + i) == double.class;
            mv.visitVarInsn(isNumber ? DLOAD : ALOAD, isNumber ? (i == 0 ? m.firstNumber : m.secondNumber) : (i == 0 ? m.first : m.second));
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, METHOD_HANDLE, "invokeExact", body.type().toMethodDescriptorString(), false);
        mv.visitVarInsn(DSTORE, m.result);
        mv.visitLabel(bodyEnd);
        // Came back by the trace's own return (CallStack.directResults still -1): the frame dropped.
        mv.visitVarInsn(ALOAD, m.frames);
        mv.visitFieldInsn(GETFIELD, CALL_STACK, "directResults", "I");
        mv.visitJumpInsn(IFGE, resultsInStack);
        Label popped = new Label();
        if (defers) {
            Label pop = new Label();
            mv.visitVarInsn(ALOAD, m.frames);
            mv.visitFieldInsn(GETFIELD, CALL_STACK, "deferredBase", "I");
            mv.visitVarInsn(ILOAD, m.base);
            mv.visitJumpInsn(IF_ICMPNE, pop);
            mv.visitVarInsn(ALOAD, m.frames);
            mv.visitInsn(ICONST_M1);
            mv.visitFieldInsn(PUTFIELD, CALL_STACK, "deferredBase", "I");
            mv.visitJumpInsn(GOTO, popped);
            mv.visitLabel(pop);
        }
        mv.visitVarInsn(ALOAD, m.frames);
        mv.visitMethodInsn(INVOKEVIRTUAL, CALL_STACK, "pop", "()V", false);
        mv.visitLabel(popped);
        mv.visitVarInsn(ALOAD, m.stack);
        mv.visitVarInsn(ILOAD, m.base);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISUB);
        mv.visitFieldInsn(PUTFIELD, VALUE_STACK, "top", "I");
        CallbackMethod.addToCallbackDepth(mv, m.coroutine, -1);
        if (keeps) {
            m.giveBack(mv, false);
        }
        returnNumber(mv);
    }

    /** The ways out that are not the entry's own return: to {@link CallbackMethod#LEFT}, the count undone on an exception, to {@link CallbackMethod#COLD}. */
    private void tails(MethodVisitor mv, String internal) {
        // Left its compiled code (the results in the stack), or failed.
        mv.visitLabel(resultsInStack);
        mv.visitInsn(ACONST_NULL);
        mv.visitLabel(left);
        mv.visitVarInsn(ALOAD, m.frames);
        mv.visitVarInsn(ALOAD, m.stack);
        mv.visitVarInsn(ILOAD, m.base);
        mv.visitVarInsn(ALOAD, m.coroutine);
        mv.visitMethodInsn(INVOKESTATIC, internal, LEFT, LEFT_TYPE.changeReturnType(m.carriers.returnType()).toMethodDescriptorString(), false);
        mv.visitInsn(Type.getType(m.carriers.returnType()).getOpcode(IRETURN));

        if (calls) {
            mv.visitLabel(cleanUp);
            CallbackMethod.addToCallbackDepth(mv, m.coroutine, -1);
            mv.visitInsn(ATHROW);
        }

        mv.visitLabel(cold);
        int slot = 0;
        for (Class<?> c : m.carriers.parameterList()) {
            mv.visitVarInsn(Type.getType(c).getOpcode(ILOAD), slot);
            slot += c == long.class || c == double.class ? 2 : 1;
        }
        mv.visitMethodInsn(INVOKESTATIC, internal, COLD, m.carriers.toMethodDescriptorString(), false);
        mv.visitInsn(Type.getType(m.carriers.returnType()).getOpcode(IRETURN));
    }

    /**
     * The method {@link CallbackMethod#LEFT}: {@link Interpreter#callbackBodyLeft} for an entry that left its
     * compiled code with what it threw (or null, its results in the stack), the callback's count
     * on the coroutine undone whatever happens, the first result converted to C's carrier.
     */
    void emitLeft(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_STATIC | ACC_PRIVATE, LEFT, LEFT_TYPE.changeReturnType(m.carriers.returnType()).toMethodDescriptorString(),
                null, null);
        mv.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label cleanUp = new Label();
        mv.visitTryCatchBlock(start, end, cleanUp, null);
        mv.visitLabel(start);
        m.constants.emitLoad(mv, closure.interpreter(), Interpreter.class);
        mv.visitVarInsn(ALOAD, 0);
        m.constants.emitLoad(mv, closure, LuaClosure.class);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitVarInsn(ALOAD, 2);
        mv.visitVarInsn(ILOAD, 3);
        mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "callbackBodyLeft", "(Ljava/lang/Throwable;" + CLOSURE
                + "L" + CALL_STACK + ";L" + VALUE_STACK + ";I)Ljava/lang/Object;", false);
        mv.visitLabel(end);
        CallbackMethod.addToCallbackDepth(mv, 4, -1);
        // The call's kept objects stay with what the interpreter made of the call.
        for (CallbackParameter parameter : m.entry.parameters) {
            if (parameter instanceof CallbackParameter.Pointer(KeptArgument kept)) {
                m.constants.emitLoad(mv, kept, KeptArgument.class);
                mv.visitMethodInsn(INVOKEVIRTUAL, KEPT, "replenish", "()V", false);
            }
        }
        m.returnObject(mv, 5);
        mv.visitLabel(cleanUp);
        CallbackMethod.addToCallbackDepth(mv, 4, -1);
        mv.visitInsn(ATHROW);
        CallbackMethod.end(mv);
    }

    /** The number in local {@code result} converted to C's carrier and returned. */
    private void returnNumber(MethodVisitor mv) {
        Class<?> carrier = m.carriers.returnType();
        if (carrier == void.class) {
            mv.visitInsn(RETURN);
            return;
        }
        switch (m.entry.numberResult) {
            case CallbackResult.Floating() -> {
                mv.visitVarInsn(DLOAD, m.result);
                if (carrier == float.class) {
                    mv.visitInsn(D2F);
                }
            }
            case CallbackResult.Int32() -> {
                // FfiFunctions.doubleToInt32: (int) d below 2^31, else (NaN too) INT32_MIN; from
                // -2^31 - 1 down the JVM's d2i gives INT32_MIN as well.
                Label outOfRange = new Label();
                Label converted = new Label();
                mv.visitVarInsn(DLOAD, m.result);
                mv.visitLdcInsn(2147483648.0);
                mv.visitInsn(DCMPG);
                mv.visitJumpInsn(IFGE, outOfRange);
                mv.visitVarInsn(DLOAD, m.result);
                mv.visitInsn(D2I);
                mv.visitJumpInsn(GOTO, converted);
                mv.visitLabel(outOfRange);
                mv.visitLdcInsn(Integer.MIN_VALUE);
                mv.visitLabel(converted);
                // The carrier keeps the low bits, as C's conversion to a narrower type does.
                if (carrier == short.class) {
                    mv.visitInsn(I2S);
                } else if (carrier == char.class) {
                    mv.visitInsn(I2C);
                } else if (carrier == byte.class) {
                    mv.visitInsn(I2B);
                } else if (carrier != int.class) {
                    throw new IllegalArgumentException("an int32 result cannot go to C as " + carrier);
                }
            }
            case CallbackResult.Converted(MethodHandle fromNumber) -> {
                m.constants.emitLoad(mv, fromNumber, MethodHandle.class);
                mv.visitVarInsn(DLOAD, m.result);
                mv.visitMethodInsn(INVOKEVIRTUAL, METHOD_HANDLE, "invokeExact", fromNumber.type().toMethodDescriptorString(), false);
            }
        }
        mv.visitInsn(Type.getType(carrier).getOpcode(IRETURN));
    }

}
