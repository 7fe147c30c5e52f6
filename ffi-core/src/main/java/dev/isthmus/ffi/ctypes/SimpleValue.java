package dev.isthmus.ffi.ctypes;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An instance of a simple type ({@code c_int(5)}), with its own memory so that
 * {@code byref} can hand C its address and C can write through it; {@link #value()}
 * reads the memory back, as ctypes' {@code .value} does.
 */
public final class SimpleValue {
    private final SimpleType type;
    private final MemorySegment memory;

    SimpleValue(SimpleType type, Object initial) {
        this.type = type;
        this.memory = Arena.ofAuto().allocate(type.layout());
        if (initial != null) {
            setValue(initial);
        }
    }

    public Object value() {
        return type.toJava(read());
    }

    private Object read() {
        return switch (type.layout()) {
            case java.lang.foreign.ValueLayout.OfBoolean b -> memory.get(b, 0);
            case java.lang.foreign.ValueLayout.OfByte b -> memory.get(b, 0);
            case java.lang.foreign.ValueLayout.OfShort s -> memory.get(s, 0);
            case java.lang.foreign.ValueLayout.OfInt i -> memory.get(i, 0);
            case java.lang.foreign.ValueLayout.OfLong l -> memory.get(l, 0);
            case java.lang.foreign.ValueLayout.OfFloat f -> memory.get(f, 0);
            case java.lang.foreign.ValueLayout.OfDouble d -> memory.get(d, 0);
            case java.lang.foreign.AddressLayout a -> memory.get(a, 0);
            default -> throw new IllegalStateException("no carrier for " + type.name());
        };
    }

    public void setValue(Object value) {
        Object carrier = type.fromParam(value, (size, alignment) -> {
            throw new IllegalArgumentException("a string cannot be stored in " + type.name() + ": the copy would dangle");
        });
        switch (type.layout()) {
            case java.lang.foreign.ValueLayout.OfBoolean b -> memory.set(b, 0, (Boolean) carrier);
            case java.lang.foreign.ValueLayout.OfByte b -> memory.set(b, 0, (Byte) carrier);
            case java.lang.foreign.ValueLayout.OfShort s -> memory.set(s, 0, (Short) carrier);
            case java.lang.foreign.ValueLayout.OfInt i -> memory.set(i, 0, (Integer) carrier);
            case java.lang.foreign.ValueLayout.OfLong l -> memory.set(l, 0, (Long) carrier);
            case java.lang.foreign.ValueLayout.OfFloat f -> memory.set(f, 0, (Float) carrier);
            case java.lang.foreign.ValueLayout.OfDouble d -> memory.set(d, 0, (Double) carrier);
            case java.lang.foreign.AddressLayout a -> memory.set(a, 0, (MemorySegment) carrier);
            default -> throw new IllegalStateException("no carrier for " + type.name());
        }
    }

    public SimpleType type() {
        return type;
    }

    MemorySegment segment() {
        return memory;
    }

    @Override
    public String toString() {
        return type.name() + "(" + value() + ")";
    }
}
