package dev.isthmus.jit;

import dev.isthmus.ffi.NativeFunction;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The inline-caching call site against NativeFunction.invoke on the same functions and random boxed arguments. */
class NativeCallSiteTest {
    private static final MethodType ONE_ARGUMENT = MethodType.methodType(Object.class, NativeFunction.class, Object.class);

    /** Boxed arguments of every class the table takes for a number, with values across and beyond each C range. */
    private static Object randomArgument(Random random) {
        return randomArgument(random, random.nextInt(ARGUMENT_CLASSES));
    }

    private static final int ARGUMENT_CLASSES = 6;

    private static Object randomArgument(Random random, int argumentClass) {
        long bits = random.nextInt(3) == 0 ? random.nextInt(600) - 300 : random.nextLong();
        return switch (argumentClass) {
            case 0 -> (int) bits;
            case 1 -> bits;
            case 2 -> (short) bits;
            case 3 -> (byte) bits;
            case 4 -> random.nextBoolean() ? random.nextGaussian() * 1e3 : (double) bits * 1.5;
            default -> (float) (random.nextGaussian() * 1e3);
        };
    }

    @Test
    void call_everyScalarIdentity_agreesWithInvokeForEveryArgumentClass() throws Throwable {
        Random random = new Random(21);
        for (CScalar scalar : CScalar.values()) {
            if (scalar == CScalar.POINTER) {
                continue;
            }
            NativeFunction identity = TestNatives.LIB.function(TestNatives.identityOf(scalar));
            for (int argumentClass = 0; argumentClass < ARGUMENT_CLASSES; argumentClass++) {
                // One site per argument class: monomorphic, so every call takes that shape's exact form.
                NativeCallSite site = NativeCallSite.of(ONE_ARGUMENT);
                MethodHandle call = site.dynamicInvoker();
                for (int i = 0; i < 100; i++) {
                    Object argument = randomArgument(random, argumentClass);
                    assertEquals(identity.invoke(argument), (Object) call.invokeExact(identity, argument), scalar + " of " + argument);
                }
                assertEquals(1, site.shapeCount());
            }
        }
    }

    @Test
    void call_manyShapes_goesMegamorphicAndStaysRight() throws Throwable {
        NativeCallSite site = NativeCallSite.of(ONE_ARGUMENT);
        MethodHandle call = site.dynamicInvoker();
        List<NativeFunction> functions = List.of(TestNatives.LIB.function("it_id_int32"), TestNatives.LIB.function("it_id_uint8"),
                TestNatives.LIB.function("it_id_double"));
        Random random = new Random(22);
        for (int i = 0; i < 500; i++) {
            NativeFunction f = functions.get(random.nextInt(functions.size()));
            Object argument = randomArgument(random);
            assertEquals(f.invoke(argument), (Object) call.invokeExact(f, argument));
        }
        assertEquals(NativeCallSite.POLYMORPHIC_LIMIT + 1, site.shapeCount());
    }

    @Test
    void call_pointersStringsAndNull_takeTheGenericPathWhereTheyMust() throws Throwable {
        NativeFunction strlen = TestNatives.FFI.C().function("strlen");
        MethodHandle call = NativeCallSite.of(ONE_ARGUMENT).dynamicInvoker();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocateFrom("four");
            assertEquals(4L, (Object) call.invokeExact(strlen, (Object) text));
            assertEquals(6L, (Object) call.invokeExact(strlen, (Object) "string"));
            assertEquals(4L, (Object) call.invokeExact(strlen, (Object) text));
        }
        NativeFunction pointer = TestNatives.LIB.function("it_id_ptr");
        assertEquals(0L, ((MemorySegment) (Object) call.invokeExact(pointer, (Object) null)).address());
    }

    @Test
    void call_wrongArgumentCount_failsAsInvokeDoes() {
        MethodHandle call = NativeCallSite.of(MethodType.methodType(Object.class, NativeFunction.class, Object.class, Object.class))
                .dynamicInvoker();
        NativeFunction abs = TestNatives.FFI.C().function("abs");
        assertThrows(IllegalArgumentException.class, () -> {
            Object ignored = (Object) call.invokeExact(abs, (Object) 1, (Object) 2);
        });
    }

    @Test
    void emitInvoke_fromGeneratedCode_linksThroughTheBootstrap() throws Throwable {
        MethodType type = MethodType.methodType(Object.class, NativeFunction.class, Object.class, Object.class);
        MethodHandle add = Generated.method(type, (mv, data) -> {
            for (int slot = 0; slot < 3; slot++) {
                mv.visitVarInsn(Opcodes.ALOAD, slot);
            }
            NativeCallSite.emitInvoke(mv, "it_add", 2);
            mv.visitInsn(Opcodes.ARETURN);
        });
        NativeFunction itAdd = TestNatives.LIB.function("it_add");
        assertEquals(5, add.invoke(itAdd, 2, 3));
        assertEquals(itAdd.invoke(2.9, -7L), add.invoke(itAdd, 2.9, -7L));
    }

    @Test
    void of_typeThatIsNotBoxed_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> NativeCallSite.of(MethodType.methodType(Object.class, NativeFunction.class, int.class)));
        assertThrows(IllegalArgumentException.class, () -> NativeCallSite.of(MethodType.methodType(int.class, NativeFunction.class)));
    }
}
