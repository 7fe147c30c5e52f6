package dev.isthmus.ffi;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads and writes a value layout's carrier (a boxed {@code int}, {@code double},
 * {@code MemorySegment}, ...) at an offset, for code that knows the layout only at run
 * time: CData's scalars, the ctypes path's fields and values. Accesses do not require
 * the value's natural alignment: members of packed structs, and members of structs that sit
 * in a packed struct or array, are at any address (as C compilers read them, and LuaJIT).
 */
public final class CarrierAccess {
    private CarrierAccess() {
    }

    /**
     * Reads the layout's carrier at {@code offset}, boxed ({@code Integer} for an int layout, {@code
     * MemorySegment} for an address).
     */
    public static Object get(MemorySegment segment, long offset, ValueLayout layout) {
        return switch (layout) {
            case ValueLayout.OfBoolean b -> segment.get(b, offset);
            case ValueLayout.OfByte b -> segment.get(b, offset);
            case ValueLayout.OfShort s -> segment.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset);
            case ValueLayout.OfInt i -> segment.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
            case ValueLayout.OfLong l -> segment.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
            case ValueLayout.OfFloat f -> segment.get(ValueLayout.JAVA_FLOAT_UNALIGNED, offset);
            case ValueLayout.OfDouble d -> segment.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset);
            case ValueLayout.OfChar c -> segment.get(ValueLayout.JAVA_CHAR_UNALIGNED, offset);
            case AddressLayout a -> segment.get(unaligned(a), offset);
        };
    }

    /** The address layout without its alignment, keeping a target layout the reader relies on. */
    private static AddressLayout unaligned(AddressLayout a) {
        return a.targetLayout().isPresent() ? a.withByteAlignment(1) : ValueLayout.ADDRESS_UNALIGNED;
    }

    /** Stores a carrier of the layout's type; {@link ClassCastException} for any other. */
    public static void set(MemorySegment segment, long offset, ValueLayout layout, Object carrier) {
        switch (layout) {
            case ValueLayout.OfBoolean b -> segment.set(b, offset, (Boolean) carrier);
            case ValueLayout.OfByte b -> segment.set(b, offset, (Byte) carrier);
            case ValueLayout.OfShort s -> segment.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, (Short) carrier);
            case ValueLayout.OfInt i -> segment.set(ValueLayout.JAVA_INT_UNALIGNED, offset, (Integer) carrier);
            case ValueLayout.OfLong l -> segment.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, (Long) carrier);
            case ValueLayout.OfFloat f -> segment.set(ValueLayout.JAVA_FLOAT_UNALIGNED, offset, (Float) carrier);
            case ValueLayout.OfDouble d -> segment.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, offset, (Double) carrier);
            case ValueLayout.OfChar c -> segment.set(ValueLayout.JAVA_CHAR_UNALIGNED, offset, (Character) carrier);
            case AddressLayout a -> segment.set(unaligned(a), offset, (MemorySegment) carrier);
        }
    }
}
