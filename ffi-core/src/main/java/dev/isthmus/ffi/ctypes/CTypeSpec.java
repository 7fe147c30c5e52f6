package dev.isthmus.ffi.ctypes;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.SegmentAllocator;

/**
 * A ctypes type: what {@code argtypes}, {@code restype} and {@code _fields_} hold. Each one
 * converts Java values to native carriers and back on every use, dispatched dynamically per
 * call as Python's ctypes does ({@code from_param}, {@code getfunc}/{@code setfunc}).
 */
public sealed interface CTypeSpec permits SimpleType, PointerType, StructType, CFuncType {

    /** The type's name as ctypes prints it ({@code c_int}, {@code LP_c_int}, {@code Point}). */
    String name();

    /** The FFM layout values of this type have in memory and in calls. */
    MemoryLayout layout();

    /** ctypes' {@code from_param}: a Java value as this type's native carrier. */
    Object fromParam(Object value, SegmentAllocator temporaries);

    /** A native carrier as the Java value ctypes would hand back. */
    Object toJava(Object carrier);
}
