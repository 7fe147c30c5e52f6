package dev.isthmus.ffi.ctypes;

import java.lang.foreign.MemorySegment;

/** ctypes' {@code byref(obj)}: the address of a ctypes instance, passed where a pointer is expected. */
public record ByRef(Object target, MemorySegment segment) {
}
