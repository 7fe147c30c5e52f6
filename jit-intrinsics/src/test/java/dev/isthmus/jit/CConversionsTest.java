package dev.isthmus.jit;

import dev.isthmus.ffi.CData;
import dev.isthmus.ffi.NativeFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.objectweb.asm.Type;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Emitted C conversions against ffi-core's conversion table (CData stores a Java value into
 * the target type as the table converts it), and emitted calls with carrier conversions
 * against NativeFunction.invoke. Where the table reads a uint64_t as a signed Java long, the
 * oracle is exact arithmetic instead.
 */
class CConversionsTest {

    static Class<?> javaType(CScalar scalar) {
        return switch (scalar.valueType().getSort()) {
            case Type.INT -> int.class;
            case Type.LONG -> long.class;
            case Type.FLOAT -> float.class;
            default -> double.class;
        };
    }

    /** A random value of {@code scalar}, as a generated method holds it (boxed). */
    static Object randomValue(CScalar scalar, Random random) {
        CData cell = TestNatives.FFI.newCData(MemoryAccessTest.cName(scalar));
        cell.set(MemoryAccessTest.randomInput(scalar, random));
        return MemoryAccessTest.asValue(cell.get());
    }

    static MethodHandle conversion(CScalar from, CScalar to) {
        return Generated.operation(MethodType.methodType(javaType(to), javaType(from)),
                (mv, data) -> CConversions.emitConvert(mv, from, to));
    }

    @ParameterizedTest
    @EnumSource(value = CScalar.class, names = "POINTER", mode = EnumSource.Mode.EXCLUDE)
    void emitConvert_toEveryScalar_agreesWithTheConversionTable(CScalar from) throws Throwable {
        Random random = new Random(100 + from.ordinal());
        for (CScalar to : CScalar.values()) {
            if (to == CScalar.POINTER) {
                continue;
            }
            MethodHandle convert = conversion(from, to);
            CData target = TestNatives.FFI.newCData(MemoryAccessTest.cName(to));
            for (int i = 0; i < 200; i++) {
                Object value = randomValue(from, random);
                if (!isTableExact(from, to, value)) {
                    continue;
                }
                target.set(value);
                assertEquals(MemoryAccessTest.asValue(target.get()), convert.invoke(value), "(" + to + ") " + from + " " + value);
            }
        }
    }

    /** Where the table is C: not for uint64_t values read as negative longs made floating, nor floats of 2^63 or more made uint64_t. */
    private static boolean isTableExact(CScalar from, CScalar to, Object value) {
        if (from == CScalar.UINT64 && to.isFloating()) {
            return (long) value >= 0;
        }
        return !(from.isFloating() && to == CScalar.UINT64 && ((Number) value).doubleValue() >= 0x1p63);
    }

    @Test
    void emitConvert_uint64AndFloating_areExactAsInC() throws Throwable {
        MethodHandle toDouble = conversion(CScalar.UINT64, CScalar.DOUBLE);
        MethodHandle toFloat = conversion(CScalar.UINT64, CScalar.FLOAT);
        MethodHandle fromDouble = conversion(CScalar.DOUBLE, CScalar.UINT64);
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            long u = i < 3 ? new long[] {-1L, Long.MIN_VALUE, Long.MIN_VALUE + 1}[i] : random.nextLong() | Long.MIN_VALUE;
            BigDecimal exact = new BigDecimal(new BigInteger(Long.toUnsignedString(u)));
            assertEquals(exact.doubleValue(), (double) toDouble.invokeExact(u), Long.toUnsignedString(u));
            assertEquals(exact.floatValue(), (float) toFloat.invokeExact(u), Long.toUnsignedString(u));
            double d = (double) toDouble.invokeExact(u);
            if (d < 0x1p64) {
                BigInteger truncated = new BigDecimal(d).setScale(0, RoundingMode.DOWN).toBigInteger();
                assertEquals(truncated.mod(twoTo64).longValue(), (long) fromDouble.invokeExact(d), Double.toString(d));
            }
        }
        assertEquals(-1L, (long) fromDouble.invokeExact(1e30));
        assertEquals(0L, (long) fromDouble.invokeExact(Double.NaN));
    }

    @Test
    void emitConvert_pointerToAndFromIntegers_keepsTheBits() throws Throwable {
        assertEquals(0x1234_5678_9ABCL, (long) conversion(CScalar.INT64, CScalar.POINTER).invokeExact(0x1234_5678_9ABCL));
        assertEquals(0x5678_9ABC, (int) conversion(CScalar.POINTER, CScalar.INT32).invokeExact(0x1234_5678_9ABCL));
        assertEquals(1, (int) conversion(CScalar.POINTER, CScalar.BOOL).invokeExact(0x1000L));
        assertThrows(IllegalArgumentException.class, () -> conversion(CScalar.DOUBLE, CScalar.POINTER));
    }

    @ParameterizedTest
    @EnumSource(CScalar.class)
    void calls_throughCarriers_agreeWithInvoke(CScalar scalar) throws Throwable {
        NativeFunction identity = TestNatives.LIB.function(TestNatives.identityOf(scalar));
        NativeCall call = NativeCall.of(identity, CallMode.CAPTURING);
        Class<?> carrier = call.type().parameterType(0);
        Random random = new Random(200 + scalar.ordinal());
        if (scalar == CScalar.POINTER) {
            MethodHandle roundTrip = Generated.operation(MethodType.methodType(long.class, long.class), (mv, data) -> {
                CConversions.emitToCarrier(mv, scalar, carrier);
                call.emit(mv, data);
                CConversions.emitFromCarrier(mv, scalar, carrier);
            });
            for (int i = 0; i < 100; i++) {
                long address = random.nextLong();
                assertEquals(((MemorySegment) identity.invoke(MemorySegment.ofAddress(address))).address(),
                        (long) roundTrip.invokeExact(address));
            }
            return;
        }
        // double -> the scalar (a C cast) -> its carrier -> the call -> the value, as invoke(Double) converts and calls.
        MethodHandle castAndCall = Generated.operation(MethodType.methodType(javaType(scalar), double.class), (mv, data) -> {
            CConversions.emitConvert(mv, CScalar.DOUBLE, scalar);
            CConversions.emitToCarrier(mv, scalar, carrier);
            call.emit(mv, data);
            CConversions.emitFromCarrier(mv, scalar, carrier);
        });
        for (int i = 0; i < 300; i++) {
            double d = i % 3 == 0 ? random.nextInt(1000) - 500.25 : random.nextGaussian() * Math.pow(2, random.nextInt(70));
            if (scalar == CScalar.UINT64 && d >= 0x1p63) {
                continue;
            }
            assertEquals(MemoryAccessTest.asValue(identity.invoke(d)), castAndCall.invoke(d), scalar + " of " + d);
        }
    }
}
