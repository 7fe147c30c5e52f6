package dev.isthmus.jit;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each guard on values that pass and values that must take the exit. */
class GuardsTest {

    /** A method that pushes its arguments, runs the guard, and returns true when it fell through, false at the exit. */
    interface GuardEmitter {
        void emit(MethodVisitor mv, ClassData data, Label exit);
    }

    private static MethodHandle guard(MethodType parameters, GuardEmitter guard) {
        return Generated.operation(parameters.changeReturnType(boolean.class), (mv, data) -> {
            Label exit = new Label();
            guard.emit(mv, data, exit);
            mv.visitInsn(Opcodes.ICONST_1);
            mv.visitInsn(Opcodes.IRETURN);
            mv.visitLabel(exit);
            mv.visitInsn(Opcodes.ICONST_0);
        });
    }

    @Test
    void emitNotNull_exitsOnlyForZero() throws Throwable {
        MethodHandle notNull = guard(MethodType.methodType(void.class, long.class), (mv, data, exit) -> Guards.emitNotNull(mv, exit));
        assertFalse((boolean) notNull.invokeExact(0L));
        assertTrue((boolean) notNull.invokeExact(1L));
        assertTrue((boolean) notNull.invokeExact(-1L));
    }

    @Test
    void emitMappable_exitsForNeverMappedAddressesAndRanges() throws Throwable {
        MethodHandle mappable = guard(MethodType.methodType(void.class, long.class), (mv, data, exit) -> Guards.emitMappable(mv, 8, exit));
        long heap = TestNatives.FFI.newCData("int64_t").segment().address();
        assertTrue((boolean) mappable.invokeExact(heap));
        assertFalse((boolean) mappable.invokeExact(0L));
        assertFalse((boolean) mappable.invokeExact(4096L));
        assertFalse((boolean) mappable.invokeExact(-8L));
        assertFalse((boolean) mappable.invokeExact(Long.MAX_VALUE - 3));
    }

    @Test
    void emitIndexInBounds_acceptsExactlyZeroToCountMinusOne() throws Throwable {
        MethodHandle inBounds = guard(MethodType.methodType(void.class, long.class, long.class),
                (mv, data, exit) -> Guards.emitIndexInBounds(mv, exit));
        assertTrue((boolean) inBounds.invokeExact(0L, 10L));
        assertTrue((boolean) inBounds.invokeExact(9L, 10L));
        assertFalse((boolean) inBounds.invokeExact(10L, 10L));
        assertFalse((boolean) inBounds.invokeExact(-1L, 10L));
        assertFalse((boolean) inBounds.invokeExact(0L, 0L));
    }

    @Test
    void emitRangeInBounds_limitAndLimitPlusOne() throws Throwable {
        MethodHandle inBounds = guard(MethodType.methodType(void.class, long.class, long.class),
                (mv, data, exit) -> Guards.emitRangeInBounds(mv, 4, exit));
        assertTrue((boolean) inBounds.invokeExact(12L, 16L));
        assertFalse((boolean) inBounds.invokeExact(13L, 16L));
        assertFalse((boolean) inBounds.invokeExact(-1L, 16L));
        assertFalse((boolean) inBounds.invokeExact(0L, 3L));
        assertFalse((boolean) inBounds.invokeExact(Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void emitSameObject_comparesByIdentity() throws Throwable {
        Object ctype = TestNatives.FFI.typeof("int32_t");
        MethodHandle same = guard(MethodType.methodType(void.class, Object.class),
                (mv, data, exit) -> Guards.emitSameObject(mv, data, ctype, exit));
        assertTrue((boolean) same.invokeExact(ctype));
        assertFalse((boolean) same.invokeExact((Object) TestNatives.FFI.typeof("uint32_t")));
        assertFalse((boolean) same.invokeExact((Object) null));
    }
}
