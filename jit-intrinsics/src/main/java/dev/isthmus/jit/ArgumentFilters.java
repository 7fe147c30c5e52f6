package dev.isthmus.jit;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.Set;

/**
 * Exact forms of ffi-core's conversion table (Java to C) for one argument class and one
 * carrier, as method handles {@code (Object)carrier} that a {@link NativeCallSite} puts
 * behind its shape guard. Each converts exactly as {@code ValueConversion} does:
 * <ul>
 * <li>to an integer carrier: through {@code long} ({@code (long) d} for a floating value,
 *     then the low bits), so {@code int8_t} of 300.7 is 44 as in the generic path; a floating
 *     value to a 64-bit unsigned type by {@link CConversions#doubleToUint64}, exact up to 2^64;</li>
 * <li>to {@code float} or {@code double}: {@code Number.floatValue()}/{@code doubleValue()},
 *     one rounding;</li>
 * <li>to a JVM boolean ({@code _Bool}): {@code value != 0}, NaN included;</li>
 * <li>a {@link MemorySegment} to a pointer parameter, as it is.</li>
 * </ul>
 * Anything else (booleans and characters as numbers, strings, cdata, lists, structs by
 * value) has no exact form here and stays on the generic path.
 */
final class ArgumentFilters {
    private static final Set<Class<?>> NUMBERS = Set.of(Integer.class, Long.class, Short.class, Byte.class,
            Double.class, Float.class);
    private static final MethodHandle IS_NON_ZERO;
    private static final MethodHandle DOUBLE_TO_UINT64;

    static {
        try {
            IS_NON_ZERO = MethodHandles.lookup().findStatic(ArgumentFilters.class, "isNonZero",
                    MethodType.methodType(boolean.class, double.class));
            DOUBLE_TO_UINT64 = MethodHandles.lookup().findStatic(CConversions.class, "doubleToUint64",
                    MethodType.methodType(long.class, double.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ArgumentFilters() {
    }

    /**
     * {@code (Object)carrier} converting an argument of exactly {@code argumentClass}, if the table has an exact form for it;
     * {@code isUnsigned64} when the parameter is a 64-bit unsigned integer.
     */
    static Optional<MethodHandle> of(Class<?> argumentClass, Class<?> carrier, boolean isPointer, boolean isUnsigned64) {
        MethodHandle filter;
        if (carrier == MemorySegment.class) {
            if (!isPointer || !MemorySegment.class.isAssignableFrom(argumentClass)) {
                return Optional.empty();
            }
            filter = MethodHandles.identity(MemorySegment.class);
        } else if (!NUMBERS.contains(argumentClass)) {
            return Optional.empty();
        } else if (carrier == float.class || carrier == double.class) {
            filter = unboxTo(argumentClass, carrier);
        } else if (carrier == boolean.class) {
            filter = MethodHandles.filterReturnValue(unboxTo(argumentClass, double.class), IS_NON_ZERO);
        } else if (carrier == long.class && isUnsigned64 && (argumentClass == Double.class || argumentClass == Float.class)) {
            filter = MethodHandles.filterReturnValue(unboxTo(argumentClass, double.class), DOUBLE_TO_UINT64);
        } else if (carrier == byte.class || carrier == short.class || carrier == int.class || carrier == long.class) {
            // explicitCastArguments narrows long to the carrier as (byte) l etc. do: the low bits.
            filter = MethodHandles.filterReturnValue(unboxTo(argumentClass, long.class),
                    MethodHandles.explicitCastArguments(MethodHandles.identity(long.class), MethodType.methodType(carrier, long.class)));
        } else {
            return Optional.empty();
        }
        return Optional.of(filter.asType(MethodType.methodType(carrier, Object.class)));
    }

    /** (argumentClass)to: unboxing, then Java's cast (JLS 5.5): {@code (long) d} saturates as the table's does. */
    private static MethodHandle unboxTo(Class<?> argumentClass, Class<?> to) {
        return MethodHandles.explicitCastArguments(MethodHandles.identity(to), MethodType.methodType(to, argumentClass));
    }

    private static boolean isNonZero(double value) {
        return value != 0;
    }
}
