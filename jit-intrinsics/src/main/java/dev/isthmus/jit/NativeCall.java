package dev.isthmus.jit;

import dev.isthmus.ffi.NativeFunction;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.foreign.MemoryLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Objects;

/**
 * One native call to emit into generated code: an exact downcall handle and the symbol it
 * calls (any text: it names the call site for {@code javap}). The handle reaches the generated class as
 * a {@link ClassData} constant, so to the JIT compiler it is a constant and the downcall
 * stub is inlined into the caller, as with a {@code static final} handle.
 *
 * <p>Two ways to emit it:
 * <ul>
 * <li>{@link #emit}: the operands are already on the stack (the usual order of a code
 *     generator). An {@code invokedynamic} whose bootstrap ({@link Bootstraps#classDataCall})
 *     links a constant call site to the handle; the JVM needs no receiver beneath the operands.</li>
 * <li>{@link #emitLoadHandle} before the operands, {@link #emitInvokeExact} after them:
 *     {@code ldc} of the handle and {@code invokeExact}.</li>
 * </ul>
 * Either way the operands are the handle's parameters exactly ({@link #type()}: unboxed
 * primitives, {@code MemorySegment} for pointers; a struct-returning function takes a
 * {@code SegmentAllocator} first), and the result is left on the stack (nothing for void).
 */
public record NativeCall(String symbol, MethodHandle handle) {
    private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, "dev/isthmus/jit/Bootstraps", "classDataCall",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;I)Ljava/lang/invoke/CallSite;",
            false);

    public NativeCall {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(handle, "handle");
    }

    /** A call of {@code function} through the handle {@code mode} chooses (for variadic functions: {@link #ofVariadic}). */
    public static NativeCall of(NativeFunction function, CallMode mode) {
        MethodHandle handle = switch (mode) {
            case AS_DECLARED -> function.callingHandle();
            case CAPTURING -> function.capturingHandle();
            case PLAIN -> function.handle();
            case CRITICAL -> function.criticalHandle();
            case CRITICAL_HEAP -> function.criticalHandle(true);
        };
        return new NativeCall(function.name(), handle);
    }

    /**
     * A call of a variadic function with one shape of variadic arguments (their layouts,
     * after C's default argument promotions: {@code double} for {@code float}, {@code int}
     * for narrower integers), capturing errno as {@link CallMode#CAPTURING} does.
     */
    public static NativeCall ofVariadic(NativeFunction function, List<MemoryLayout> variadicLayouts) {
        return new NativeCall(function.name(), function.variadicCapturingHandle(variadicLayouts));
    }

    /** A call of any exact handle the caller made. */
    public static NativeCall of(String symbol, MethodHandle exact) {
        return new NativeCall(symbol, exact);
    }

    /** What the call takes from the stack and leaves on it. */
    public MethodType type() {
        return handle.type();
    }

    /** Emits the call, its operands already pushed: {@code invokedynamic <symbol> <type>} on a constant call site. */
    public void emit(MethodVisitor mv, ClassData data) {
        int index = data.add(handle);
        mv.visitInvokeDynamicInsn(callSiteName(), type().toMethodDescriptorString(), BOOTSTRAP, index);
    }

    /**
     * The symbol as a JVM method name, which may not be empty nor hold {@code . ; [ / < >}
     * (JVMS 4.2.2): a function known only by its address may be called "function pointer"
     * or "0x7f00...".
     */
    String callSiteName() {
        String name = symbol.replaceAll("[.;\\[/<>]", "_");
        return name.isEmpty() ? "call" : name;
    }

    /** Pushes the handle ({@code ldc} of its class-data constant): the first half of {@link #emitInvokeExact}. */
    public void emitLoadHandle(MethodVisitor mv, ClassData data) {
        data.emitLoad(mv, handle, MethodHandle.class);
    }

    /** {@code invokeExact} of the handle {@link #emitLoadHandle} pushed beneath the operands. */
    public void emitInvokeExact(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact",
                type().toMethodDescriptorString(), false);
    }
}
