package dev.isthmus.ffi;

import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generic path's invokers: one hidden class per handle, each calling its own handle. */
class SpreadInvokerTest {
    private static MethodHandle spread(String method) throws ReflectiveOperationException {
        MethodHandle exact = MethodHandles.lookup().findStatic(SpreadInvokerTest.class, method,
                MethodType.methodType(int.class, int.class, int.class));
        return exact.asSpreader(Object[].class, 2).asType(SpreadInvoker.TYPE);
    }

    static int sum(int a, int b) {
        return a + b;
    }

    static int difference(int a, int b) {
        return a - b;
    }

    @Test
    void of_twoHandles_definesAHiddenClassForEach() throws Throwable {
        SpreadInvoker add = SpreadInvoker.of(spread("sum"));
        SpreadInvoker subtract = SpreadInvoker.of(spread("difference"));
        assertTrue(add.getClass().isHidden(), add.getClass().getName());
        assertNotSame(add.getClass(), subtract.getClass());
        assertEquals(7, add.invoke(new Object[] {3, 4}));
        assertEquals(-1, subtract.invoke(new Object[] {3, 4}));
    }

    @Test
    void of_aHandleOfAnotherType_isRejected() {
        MethodHandle identity = MethodHandles.identity(Object.class);
        assertThrows(IllegalArgumentException.class, () -> SpreadInvoker.of(identity));
    }

    @Test
    void genericCall_carrierTypedAndOtherArguments_convertAlike() throws Exception {
        Ffi ffi = TestLibraries.declaredFfi();
        NativeFunction add = TestLibraries.load(ffi).function("it_add");
        assertEquals(42, add.invoke(40, 2));
        // A long for an int is cut as a C cast cuts it; an Integer passes through unconverted.
        assertEquals(6, add.invoke(1, (1L << 32) + 5));
        assertEquals(3, add.invoke(1.9, 2));
    }
}
