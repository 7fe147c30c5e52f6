package dev.isthmus.ffi.ctypes;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/**
 * ctypes' {@code POINTER(T)}: accepts {@code byref} of a T, a T instance (its address),
 * a segment or {@code None}; returns a segment ({@code LP_T} in Python) or {@code null}.
 */
public final class PointerType implements CTypeSpec {
    private final CTypeSpec target;

    PointerType(CTypeSpec target) {
        this.target = target;
    }

    /** The type pointed to: {@code T} of {@code POINTER(T)}. */
    public CTypeSpec target() {
        return target;
    }

    @Override
    public String name() {
        return "LP_" + target.name();
    }

    @Override
    public MemoryLayout layout() {
        return ValueLayout.ADDRESS;
    }

    @Override
    public Object fromParam(Object value, SegmentAllocator temporaries) {
        return switch (value) {
            case null -> MemorySegment.NULL;
            case ByRef r -> r.segment();
            case MemorySegment m -> m;
            case SimpleValue v when v.type() == target -> v.segment();
            case Structure s when target instanceof StructType t && s.structType() == t -> s.segment();
            case CharBuffer b -> b.segment();
            default -> throw new IllegalArgumentException("expected " + name() + " instance instead of "
                    + value.getClass().getSimpleName());
        };
    }

    @Override
    public Object toJava(Object carrier) {
        MemorySegment s = (MemorySegment) carrier;
        return s.address() == 0 ? null : s;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PointerType p && p.target.equals(target);
    }

    @Override
    public int hashCode() {
        return target.hashCode() * 31 + 7;
    }
}
