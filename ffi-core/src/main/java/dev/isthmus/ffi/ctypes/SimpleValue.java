package dev.isthmus.ffi.ctypes;

import dev.isthmus.ffi.CarrierAccess;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

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

    /** {@code obj.value}: the memory read back, so a write by C through {@code byref} shows. */
    public Object value() {
        return type.toJava(read());
    }

    private Object read() {
        return CarrierAccess.get(memory, 0, (ValueLayout) type.layout());
    }

    /** {@code obj.value = v}: converts as the type's {@code from_param} does and stores into this value's memory. */
    public void setValue(Object value) {
        Object carrier = type.fromParam(value, (size, alignment) -> {
            throw new IllegalArgumentException("a string cannot be stored in " + type.name() + ": the copy would dangle");
        });
        CarrierAccess.set(memory, 0, (ValueLayout) type.layout(), carrier);
    }

    /** This value's ctypes type. */
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
