package dev.isthmus.ffi;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads and writes a value layout's carrier (a boxed {@code int}, {@code double},
 * {@code MemorySegment}, ...) at an offset, for code that knows the layout only at run
 * time: CData's scalars, the ctypes path's fields and values.
 */
public final class CarrierAccess {
    private CarrierAccess() {
    }

    public static Object get(MemorySegment segment, long offset, ValueLayout layout) {
        return switch (layout) {
            case ValueLayout.OfBoolean b -> segment.get(b, offset);
            case ValueLayout.OfByte b -> segment.get(b, offset);
            case ValueLayout.OfShort s -> segment.get(s, offset);
            case ValueLayout.OfInt i -> segment.get(i, offset);
            case ValueLayout.OfLong l -> segment.get(l, offset);
            case ValueLayout.OfFloat f -> segment.get(f, offset);
            case ValueLayout.OfDouble d -> segment.get(d, offset);
            case ValueLayout.OfChar c -> segment.get(c, offset);
            case AddressLayout a -> segment.get(a, offset);
        };
    }

    /** Stores a carrier of the layout's type; {@link ClassCastException} for any other. */
    public static void set(MemorySegment segment, long offset, ValueLayout layout, Object carrier) {
        switch (layout) {
            case ValueLayout.OfBoolean b -> segment.set(b, offset, (Boolean) carrier);
            case ValueLayout.OfByte b -> segment.set(b, offset, (Byte) carrier);
            case ValueLayout.OfShort s -> segment.set(s, offset, (Short) carrier);
            case ValueLayout.OfInt i -> segment.set(i, offset, (Integer) carrier);
            case ValueLayout.OfLong l -> segment.set(l, offset, (Long) carrier);
            case ValueLayout.OfFloat f -> segment.set(f, offset, (Float) carrier);
            case ValueLayout.OfDouble d -> segment.set(d, offset, (Double) carrier);
            case ValueLayout.OfChar c -> segment.set(c, offset, (Character) carrier);
            case AddressLayout a -> segment.set(a, offset, (MemorySegment) carrier);
        }
    }
}
