package dev.isthmus.lua.interp;

import dev.isthmus.jit.ClassData;
import dev.isthmus.jit.HiddenClasses;
import dev.isthmus.lua.bytecode.Prototype;
import dev.isthmus.lua.runtime.CallbackCount;
import dev.isthmus.lua.runtime.Coroutine;
import dev.isthmus.lua.runtime.LuaFunction;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import static org.objectweb.asm.Opcodes.*;

/**
 * Spins the class of one callback's entry ({@link CallbackEntry}): a hidden class whose static
 * method {@code call}, of the callback's carrier type, is what the JDK's upcall calls. The
 * method holds the whole way into Lua and back, its objects and handles constants of the
 * class, in one of three shapes:
 * <ul>
 * <li>linked to a function tree with a direct entry returning a number:
 * {@link CallbackDirectCall}, the comparator's case;
 * <li>linked to a tree without one: the arguments made the object and number the Lua call
 * takes (a pointer's kept object taken and pointed at C's address, a number widened), the link
 * checked (no recording in progress, the trace spun in still the function's:
 * {@link Prototype#loopTraces()} at its function entry), the callback counted
 * ({@link CallbackCount}, the coroutine's {@code callbackDepth}), and
 * {@link Interpreter#callbackIntoTrace};
 * <li>unlinked (no trace yet, or linked too often): the arguments made and
 * {@link CallbackEntry#outOfLine}, which also takes every call whose link check fails (it sets
 * a recording aside, and relinks).
 * </ul>
 *
 * <p>Why the steps are bytecode here rather than calls of small methods: the JIT compiler
 * inlines a call of a method over 6 bytes ({@code MaxTrivialSize}) only when the caller's
 * profile shows the call site reached often enough ({@code MinInlineFrequencyRatio}), and when
 * the upcall was compiled early (C2 busy, this method run at tier 2 without profiling), that
 * profile was a few calls old: every such call here was left out of line, in two or three
 * {@code callback.lua} processes of eight (32-39 ns a call against 24). What is left as a
 * call is a getter or setter (inlined on any profile) or off the common path, and every
 * handle called (the direct entry, a conversion) is a constant.
 */
final class CallbackMethod {
    private static final MethodHandles.Lookup HOST = MethodHandles.lookup();
    static final String OBJECT = "java/lang/Object";
    private static final String NAME = "call";
    /** The method of a check that fails: the C arguments made into Lua values again, and {@link CallbackEntry#outOfLine}. */
    static final String COLD = "cold";
    /** The method of a direct entry that left its compiled code. */
    static final String LEFT = "left";
    static final MethodType LEFT_TYPE = MethodType.methodType(void.class, Throwable.class, CallStack.class, ValueStack.class, int.class,
            Coroutine.class);
    static final String INTERPRETER = Type.getInternalName(Interpreter.class);
    static final String CALL_STACK = Type.getInternalName(CallStack.class);
    static final String VALUE_STACK = Type.getInternalName(ValueStack.class);
    private static final String RUNTIME = Type.getInternalName(LuaRuntime.class);
    static final String COROUTINE = Type.getInternalName(Coroutine.class);
    private static final String LUA_FUNCTION = Type.getInternalName(LuaFunction.class);
    static final String METHOD_HANDLE = Type.getInternalName(MethodHandle.class);
    static final String KEPT = Type.getInternalName(KeptArgument.class);
    static final String REUSABLE = Type.getInternalName(KeptArgument.Reusable.class);
    static final String CLOSURE = Type.getDescriptor(LuaClosure.class);
    private static final String OBSERVER = Type.getDescriptor(InstructionObserver.class);
    private static final String ARGUMENTS = "Ljava/lang/Object;DLjava/lang/Object;D";

    final CallbackEntry entry;
    final ClassData constants = new ClassData();
    final MethodType carriers;
    final int count;
    /** The locals after the parameters: each argument's object and number, then the rest. */
    final int first;
    final int firstNumber;
    final int second;
    final int secondNumber;
    final int coroutine;
    final int frames;
    final int stack;
    final int base;
    final int result;
    final int value;

    private CallbackMethod(CallbackEntry entry) {
        this.entry = entry;
        this.carriers = entry.carriers;
        this.count = entry.parameters.size();
        // The parameters' slots (a long or double takes two), then each argument's object and
        // number, the coroutine, the call stack, the value stack, the frame's base, the result.
        // (ASM's size counts a receiver, which a static method has not.)
        int next = (Type.getArgumentsAndReturnSizes(carriers.toMethodDescriptorString()) >> 2) - 1;
        first = next++;
        firstNumber = next;
        next += 2;
        second = next++;
        secondNumber = next;
        next += 2;
        coroutine = next++;
        frames = next++;
        stack = next++;
        base = next++;
        result = next;
        value = next + 2;
    }

    /** The static method of a new class calling {@code entry}'s function by {@code trace}, or by the interpreter's entry when null. */
    static MethodHandle spin(CallbackEntry entry, CompiledLoop trace) {
        CallbackMethod method = new CallbackMethod(entry);
        String internal = HiddenClasses.nameIn(HOST, "Callback");
        byte[] bytes = method.classBytes(internal, trace);
        MethodHandles.Lookup lookup = HiddenClasses.define(HOST, bytes, method.constants);
        try {
            return lookup.findStatic(lookup.lookupClass(), NAME, entry.carriers);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a callback's spun class has no method " + NAME + entry.carriers, e);
        }
    }

    private byte[] classBytes(String internal, CompiledLoop trace) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                // Only locals typed Object or an interface meet, or unassigned ones.
                return OBJECT;
            }
        };
        cw.visit(V21, ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, internal, null, OBJECT, null);
        String descriptor = carriers.toMethodDescriptorString();
        CallbackDirectCall direct = trace == null ? null : CallbackDirectCall.of(this, trace);
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, NAME, descriptor, null, null);
        mv.visitCode();
        if (trace == null) {
            arguments(mv, true);
            outOfLine(mv);
        } else if (direct == null) {
            arguments(mv, false);
            linked(mv, trace);
        } else {
            direct.emit(mv, internal);
        }
        end(mv);
        if (direct != null) {
            mv = cw.visitMethod(ACC_STATIC | ACC_PRIVATE, COLD, descriptor, null, null);
            mv.visitCode();
            arguments(mv, true);
            outOfLine(mv);
            end(mv);
            direct.emitLeft(cw);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    static void end(MethodVisitor mv) {
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Pointer argument {@code i} as a new object. */
    void made(MethodVisitor mv, KeptArgument kept, int i) {
        constants.emitLoad(mv, kept, KeptArgument.class);
        mv.visitVarInsn(LLOAD, parameterSlot(i));
        mv.visitMethodInsn(INVOKEVIRTUAL, KEPT, "made", "(J)L" + REUSABLE + ";", false);
        mv.visitVarInsn(ASTORE, i == 0 ? first : second);
    }

    /** The local slot of C argument {@code i}. */
    int parameterSlot(int i) {
        Class<?> before = i == 0 ? null : carriers.parameterType(0);
        return before == null ? 0 : before == long.class || before == double.class ? 2 : 1;
    }

    /**
     * Each C argument as the object and the number the Lua call takes. A pointer's object is
     * made anew when {@code fresh} (the calls through {@link CallbackEntry#outOfLine}, which
     * gives it to the kept object when the call let it out nowhere), else its kept object is
     * taken when no call further out has it.
     */
    private void arguments(MethodVisitor mv, boolean fresh) {
        for (int i = 0; i < count; i++) {
            if (entry.parameters.get(i) instanceof CallbackParameter.Pointer(KeptArgument kept)) {
                if (fresh) {
                    made(mv, kept, i);
                } else {
                    take(mv, kept, parameterSlot(i));
                    mv.visitVarInsn(ASTORE, i == 0 ? first : second);
                }
                mv.visitInsn(DCONST_0);
                mv.visitVarInsn(DSTORE, i == 0 ? firstNumber : secondNumber);
            } else {
                argument(mv, i);
            }
        }
        if (count == 1) {
            mv.visitInsn(ACONST_NULL);
            mv.visitVarInsn(ASTORE, second);
            mv.visitInsn(DCONST_0);
            mv.visitVarInsn(DSTORE, secondNumber);
        }
    }

    /** Argument {@code i}, a number or one a filter converts, as its object and number. */
    void argument(MethodVisitor mv, int i) {
        int object = i == 0 ? first : second;
        int number = i == 0 ? firstNumber : secondNumber;
        Class<?> carrier = carriers.parameterType(i);
        switch (entry.parameters.get(i)) {
            case CallbackParameter.Number(boolean isUnsigned) -> {
                mv.visitFieldInsn(GETSTATIC, LUA_FUNCTION, "UNBOXED_NUMBER", "Ljava/lang/Object;");
                mv.visitVarInsn(ASTORE, object);
                mv.visitVarInsn(Type.getType(carrier).getOpcode(ILOAD), parameterSlot(i));
                widen(mv, carrier, isUnsigned);
                mv.visitVarInsn(DSTORE, number);
            }
            case CallbackParameter.Converted(MethodHandle filter) -> {
                constants.emitLoad(mv, filter, MethodHandle.class);
                mv.visitVarInsn(Type.getType(carrier).getOpcode(ILOAD), parameterSlot(i));
                mv.visitMethodInsn(INVOKEVIRTUAL, METHOD_HANDLE, "invokeExact", filter.type().toMethodDescriptorString(), false);
                mv.visitVarInsn(ASTORE, object);
                mv.visitInsn(DCONST_0);
                mv.visitVarInsn(DSTORE, number);
            }
            case CallbackParameter.Pointer pointer -> throw new IllegalStateException("a pointer argument is taken or made");
        }
    }

    /** Pushes the kept object of {@code kept} pointed at the address in local {@code slot}, or a new one when a call further out has it. */
    private void take(MethodVisitor mv, KeptArgument kept, int slot) {
        Label made = new Label();
        Label done = new Label();
        constants.emitLoad(mv, kept, KeptArgument.class);
        mv.visitFieldInsn(GETFIELD, KEPT, "free", "L" + REUSABLE + ";");
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNULL, made);
        constants.emitLoad(mv, kept, KeptArgument.class);
        mv.visitInsn(ACONST_NULL);
        mv.visitFieldInsn(PUTFIELD, KEPT, "free", "L" + REUSABLE + ";");
        mv.visitInsn(DUP);
        mv.visitVarInsn(LLOAD, slot);
        mv.visitMethodInsn(INVOKEINTERFACE, REUSABLE, "reuseFor", "(J)V", true);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(made);
        mv.visitInsn(POP);
        constants.emitLoad(mv, kept, KeptArgument.class);
        mv.visitVarInsn(LLOAD, slot);
        mv.visitMethodInsn(INVOKEVIRTUAL, KEPT, "made", "(J)L" + REUSABLE + ";", false);
        mv.visitLabel(done);
    }

    /** A number's carrier widened to a double: as a signed value, or by its bits when unsigned. */
    private static void widen(MethodVisitor mv, Class<?> carrier, boolean isUnsigned) {
        if (carrier == double.class) {
            return;
        }
        if (carrier == float.class) {
            mv.visitInsn(F2D);
            return;
        }
        if (carrier != int.class && carrier != short.class && carrier != byte.class) {
            throw new IllegalArgumentException("a number argument cannot arrive as " + carrier);
        }
        if (isUnsigned && carrier == int.class) {
            mv.visitInsn(I2L);
            mv.visitLdcInsn(0xFFFF_FFFFL);
            mv.visitInsn(LAND);
            mv.visitInsn(L2D);
            return;
        }
        if (isUnsigned) {
            mv.visitLdcInsn(carrier == short.class ? 0xFFFF : 0xFF);
            mv.visitInsn(IAND);
        }
        mv.visitInsn(I2D);
    }

    /** The call through {@link CallbackEntry#outOfLine}, its result converted. */
    private void outOfLine(MethodVisitor mv) {
        constants.emitLoad(mv, entry, CallbackEntry.class);
        loadArguments(mv);
        mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(CallbackEntry.class), "outOfLine", "(" + ARGUMENTS + ")Ljava/lang/Object;", false);
        returnObject(mv);
    }

    private void loadArguments(MethodVisitor mv) {
        mv.visitVarInsn(ALOAD, first);
        mv.visitVarInsn(DLOAD, firstNumber);
        mv.visitVarInsn(ALOAD, second);
        mv.visitVarInsn(DLOAD, secondNumber);
    }

    /** The call of {@code trace} by {@link Interpreter#callbackIntoTrace} while it is the function's, the arguments taken. */
    private void linked(MethodVisitor mv, CompiledLoop trace) {
        Label outOfLine = new Label();
        checkLink(mv, trace, outOfLine);
        enterCallback(mv);
        intoTrace(mv, (LuaClosure) entry.function, trace);
        mv.visitLabel(outOfLine);
        outOfLine(mv);
    }

    /**
     * Jumps to {@code outOfLine} while a recording is in progress (to be set aside there: it
     * records the C call, not what the callback runs) or when {@code trace} is no longer the
     * function's.
     */
    void checkLink(MethodVisitor mv, CompiledLoop trace, Label outOfLine) {
        LuaClosure closure = (LuaClosure) entry.function;
        constants.emitLoad(mv, closure.interpreter(), Interpreter.class);
        mv.visitFieldInsn(GETFIELD, INTERPRETER, "observer", OBSERVER);
        mv.visitJumpInsn(IFNONNULL, outOfLine);
        constants.emitLoad(mv, closure.prototype, Prototype.class);
        mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(Prototype.class), "loopTraces", "()[Ljava/lang/Object;", false);
        pushInt(mv, closure.prototype.functionEntry());
        mv.visitInsn(AALOAD);
        constants.emitLoad(mv, trace, CompiledLoop.class);
        mv.visitJumpInsn(IF_ACMPNE, outOfLine);
    }

    /** Coroutine.enterCallback in bytecode: the callback counted, the coroutine in its local. */
    void enterCallback(MethodVisitor mv) {
        constants.emitLoad(mv, entry.runtime, LuaRuntime.class);
        mv.visitMethodInsn(INVOKEVIRTUAL, RUNTIME, "currentCoroutine", "()" + Type.getDescriptor(Coroutine.class), false);
        mv.visitVarInsn(ASTORE, coroutine);
        mv.visitFieldInsn(GETSTATIC, Type.getInternalName(CallbackCount.class), "entered", "I");
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IADD);
        mv.visitFieldInsn(PUTSTATIC, Type.getInternalName(CallbackCount.class), "entered", "I");
        addToCallbackDepth(mv, coroutine, 1);
    }

    static void addToCallbackDepth(MethodVisitor mv, int local, int delta) {
        mv.visitVarInsn(ALOAD, local);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, COROUTINE, "callbackDepth", "I");
        mv.visitInsn(delta > 0 ? ICONST_1 : ICONST_M1);
        mv.visitInsn(IADD);
        mv.visitFieldInsn(PUTFIELD, COROUTINE, "callbackDepth", "I");
    }

    /** The shortest push of a small int constant. */
    static void pushInt(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    /** The call by {@link Interpreter#callbackIntoTrace}, for a tree without a direct entry the callback can take. */
    private void intoTrace(MethodVisitor mv, LuaClosure closure, CompiledLoop trace) {
        Label start = new Label();
        Label end = new Label();
        Label cleanUp = new Label();
        Label kept = new Label();
        mv.visitTryCatchBlock(start, end, cleanUp, null);
        mv.visitLabel(start);
        constants.emitLoad(mv, closure.interpreter(), Interpreter.class);
        constants.emitLoad(mv, closure, LuaClosure.class);
        constants.emitLoad(mv, trace.code(), LoopTrace.class);
        mv.visitInsn(trace.argumentsStayInCall() ? ICONST_1 : ICONST_0);
        mv.visitLdcInsn(count);
        loadArguments(mv);
        mv.visitMethodInsn(INVOKEVIRTUAL, INTERPRETER, "callbackIntoTrace", "(" + CLOSURE
                + Type.getDescriptor(LoopTrace.class) + "ZI" + ARGUMENTS + ")Ljava/lang/Object;", false);
        mv.visitVarInsn(ASTORE, value);
        mv.visitLabel(end);
        exitCallback(mv);
        mv.visitVarInsn(ALOAD, value);
        mv.visitFieldInsn(GETSTATIC, LUA_FUNCTION, "UNBOXED_NUMBER_ARGUMENTS_FREE", "Ljava/lang/Object;");
        mv.visitJumpInsn(IF_ACMPNE, kept);
        giveBack(mv, true);
        mv.visitFieldInsn(GETSTATIC, LUA_FUNCTION, "UNBOXED_NUMBER", "Ljava/lang/Object;");
        mv.visitVarInsn(ASTORE, value);
        mv.visitLabel(kept);
        mv.visitVarInsn(ALOAD, value);
        returnObject(mv);
        mv.visitLabel(cleanUp);
        exitCallback(mv);
        mv.visitInsn(ATHROW);
    }

    /** Coroutine.exitCallback in bytecode. */
    private void exitCallback(MethodVisitor mv) {
        addToCallbackDepth(mv, coroutine, -1);
    }

    /**
     * The pointer arguments' kept objects given back (the objects this call took), from locals
     * typed {@code Object} ({@code cast}) or already as kept objects.
     */
    void giveBack(MethodVisitor mv, boolean cast) {
        for (int i = 0; i < count; i++) {
            if (entry.parameters.get(i) instanceof CallbackParameter.Pointer(KeptArgument kept)) {
                constants.emitLoad(mv, kept, KeptArgument.class);
                mv.visitVarInsn(ALOAD, i == 0 ? first : second);
                if (cast) {
                    mv.visitTypeInsn(CHECKCAST, REUSABLE);
                }
                mv.visitFieldInsn(PUTFIELD, KEPT, "free", "L" + REUSABLE + ";");
            }
        }
    }

    /** The Lua result on the stack converted to C's carrier and returned. */
    void returnObject(MethodVisitor mv) {
        returnObject(mv, value);
    }

    /** The Lua result on the stack converted to C's carrier and returned, through local {@code local}. */
    void returnObject(MethodVisitor mv, int local) {
        if (carriers.returnType() == void.class) {
            mv.visitInsn(POP);
            mv.visitInsn(RETURN);
            return;
        }
        mv.visitVarInsn(ASTORE, local);
        constants.emitLoad(mv, entry.objectResult, MethodHandle.class);
        mv.visitVarInsn(ALOAD, local);
        mv.visitMethodInsn(INVOKEVIRTUAL, METHOD_HANDLE, "invokeExact", entry.objectResult.type().toMethodDescriptorString(), false);
        mv.visitInsn(Type.getType(carriers.returnType()).getOpcode(IRETURN));
    }
}
