package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.ffi.NativeFunction;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * A C function as one method handle from Lua values to the Lua result, for the common
 * call: every argument a number, a 64-bit integer cdata, nil or a plain pointer cdata,
 * converted by LuaJIT's rules. Built from ffi-core's {@link NativeFunction#callingHandle()}
 * with a converting filter on each parameter and on the result, so a call allocates no
 * argument arrays and boxes only the Lua result.
 *
 * <p>An argument the filters do not take (a string, a table, a pointer of another type)
 * throws {@link SlowPath} before C is called; {@link NativeCall} then converts the same
 * arguments by the full rules. Variadic functions and parameters of other types (structs,
 * small integers, booleans) have no handle and always take the full path. Results of any
 * type come back here: a struct or union result in GC-owned memory, as the generic path
 * returns it.
 */
final class LuaCallHandle {
    /** Thrown by a filter that does not take its argument; carries nothing, costs no stack trace. */
    static final class SlowPath extends RuntimeException {
        static final SlowPath INSTANCE = new SlowPath();

        private SlowPath() {
            super("argument needs the full conversion", null, false, false);
        }
    }

    /** Memory for struct results, owned by the garbage collector as the result cdata is. */
    private static final SegmentAllocator GC_OWNED = (byteSize, byteAlignment) -> Arena.ofAuto().allocate(byteSize, byteAlignment);

    /** Arities called without spreading an array; longer calls spread theirs. */
    private static final int DIRECT_ARITY = 4;
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle TO_INTEGER = find("toInteger", long.class, long.class, boolean.class, Object.class);
    private static final MethodHandle TO_DOUBLE = find("toDouble", double.class, Object.class);
    private static final MethodHandle TO_FLOAT = find("toFloat", float.class, Object.class);
    private static final MethodHandle TO_POINTER = find("toPointer", MemorySegment.class, Object.class, CType.class);
    private static final MethodHandle INT_RESULT = find("intResult", Object.class, int.class);
    private static final MethodHandle UNSIGNED_INT_RESULT = find("unsignedIntResult", Object.class, int.class);
    private static final MethodHandle DOUBLE_RESULT = find("doubleResult", Object.class, double.class);
    private static final MethodHandle FLOAT_RESULT = find("floatResult", Object.class, float.class);
    private static final MethodHandle ANY_RESULT = find("anyResult", Object.class, NativeFunction.class,
            CdataConversion.class, CType.class, Object.class);

    private final MethodHandle handle;
    private final int arity;

    private LuaCallHandle(MethodHandle handle, int arity) {
        this.handle = handle;
        this.arity = arity;
    }

    /** The handle of {@code function}, or null when some parameter has no fast conversion. */
    static LuaCallHandle of(NativeFunction function, FfiLibrary library) {
        if (function.type().isVariadic()) {
            return null;
        }
        List<CType> parameters = function.type().parameterTypes();
        MethodHandle h = function.callingHandle();
        if (h.type().parameterCount() > parameters.size()) {
            // A struct or union result: the handle takes the allocator of its memory first.
            h = MethodHandles.insertArguments(h, 0, GC_OWNED);
        }
        Class<?>[] carriers = h.type().parameterArray();
        for (int i = 0; i < parameters.size(); i++) {
            MethodHandle filter = parameterFilter(parameters.get(i), carriers[i]);
            if (filter == null) {
                return null;
            }
            h = MethodHandles.filterArguments(h, i, filter);
        }
        h = MethodHandles.filterReturnValue(h, resultFilter(function, library, h.type().returnType()));
        MethodType generic = MethodType.genericMethodType(parameters.size());
        h = h.asType(generic);
        if (parameters.size() > DIRECT_ARITY) {
            h = h.asSpreader(Object[].class, parameters.size());
        }
        return new LuaCallHandle(h, parameters.size());
    }

    private static final MethodHandle DOUBLE_TO_INT32 = conversion("doubleToInt32", int.class);
    private static final MethodHandle DOUBLE_TO_INT64 = conversion("doubleToInt64", long.class);
    private static final MethodHandle DOUBLE_TO_UINT64 = conversion("doubleToUint64", long.class);
    private static final MethodHandle UNSIGNED_INT_TO_DOUBLE = find("unsignedIntToDouble", double.class, int.class);

    /**
     * The call of {@code function} on Lua numbers as a handle of type {@code (double...)double}
     * ({@code void} for a void function): each double converted to its parameter by the rules
     * of {@link #numberFilter}, the result to a Lua number as {@link #resultFilter} does. Null
     * when a parameter or the result is not a C number of those kinds (a pointer, a struct, a
     * 64-bit result, which is a cdata) or the function is variadic.
     */
    static MethodHandle numericHandle(NativeFunction function) {
        return function.type().isVariadic() ? null : numeric(function, function.callingHandle(), 0);
    }

    /**
     * {@code calling} (a handle of {@code function} with the type of its {@link NativeFunction#callingHandle()},
     * after {@code leading} parameters of its own) on Lua numbers, as {@link #numericHandle(NativeFunction)}
     * describes; the leading parameters stay first.
     */
    private static MethodHandle numeric(NativeFunction function, MethodHandle calling, int leading) {
        List<CType> parameters = function.type().parameterTypes();
        MethodHandle h = calling;
        if (h.type().parameterCount() != leading + parameters.size()) {
            return null;
        }
        for (int i = 0; i < parameters.size(); i++) {
            Class<?> carrier = h.type().parameterType(leading + i);
            if (!(CdataConversion.plain(parameters.get(i)) instanceof Primitive prim) || !carrier.isPrimitive() || carrier == boolean.class) {
                return null;
            }
            MethodHandle filter = fromNumber(prim, carrier);
            if (filter == null) {
                return null;
            }
            h = MethodHandles.filterArguments(h, leading + i, filter);
        }
        return numericResult(function, h);
    }

    /** {@code h}, a call of {@code function} returning its carrier, returning a Lua number instead; null for a result that is not one. */
    private static MethodHandle numericResult(NativeFunction function, MethodHandle h) {
        Class<?> result = h.type().returnType();
        CType r = CdataConversion.plain(function.type().returnType());
        if (result == void.class) {
            return h;
        }
        if (r == Primitive.UNSIGNED_INT || r == Primitive.UNSIGNED_LONG && result == int.class) {
            return MethodHandles.filterReturnValue(h, UNSIGNED_INT_TO_DOUBLE);
        }
        if (r == Primitive.INT || r == Primitive.LONG && result == int.class || r == Primitive.DOUBLE || r == Primitive.FLOAT) {
            return MethodHandles.explicitCastArguments(h, h.type().changeReturnType(double.class));
        }
        return null;
    }

    /**
     * {@link #numericHandle} with ints where a trace has them: each parameter {@code intArguments}
     * marks takes an int (a Lua number known to be that integer) when its conversion of that
     * number is the int's own conversion to the parameter (an integer parameter of at most 32
     * bits, whose low bits it keeps, or a {@code double}), and the result is an int when C
     * returns a signed 32-bit integer. The handle's type says which became ints: so a loop's
     * index passed to C, or a C result passed back, needs no range check and no conversion
     * through a double. Null when {@link #numericHandle} is.
     */
    static MethodHandle numericHandle(NativeFunction function, boolean[] intArguments) {
        return function.type().isVariadic() ? null : numeric(function, function.callingHandle(), 0, intArguments);
    }

    /**
     * {@link #numericHandle(NativeFunction, boolean[])} of a function that captures errno, taking
     * first the two addresses of the calling thread's {@link dev.isthmus.ffi.ThreadErrno}
     * ({@link NativeFunction#callingHandleAt()}). Null when the other is.
     */
    static MethodHandle numericHandleAt(NativeFunction function, boolean[] intArguments) {
        return function.type().isVariadic() ? null : numeric(function, function.callingHandleAt(), 2, intArguments);
    }

    private static MethodHandle numeric(NativeFunction function, MethodHandle calling, int leading, boolean[] intArguments) {
        MethodHandle h = numeric(function, calling, leading);
        if (h == null) {
            return null;
        }
        List<CType> parameters = function.type().parameterTypes();
        MethodType type = h.type();
        for (int i = 0; i < parameters.size(); i++) {
            Class<?> carrier = calling.type().parameterType(leading + i);
            Primitive prim = (Primitive) CdataConversion.plain(parameters.get(i));
            boolean isNarrowInteger = prim.isInteger() && (carrier == int.class || carrier == short.class || carrier == byte.class || carrier == char.class);
            if (i < intArguments.length && intArguments[i] && (isNarrowInteger || prim == Primitive.DOUBLE)) {
                type = type.changeParameterType(leading + i, int.class);
            }
        }
        CType r = CdataConversion.plain(function.type().returnType());
        if (calling.type().returnType() == int.class && (r == Primitive.INT || r == Primitive.LONG)) {
            type = type.changeReturnType(int.class);
        }
        if (type.equals(h.type())) {
            return h;
        }
        // The int parameters and result straight to the carriers: Java's casts are C's conversions for these.
        MethodHandle direct = calling;
        for (int i = 0; i < parameters.size(); i++) {
            if (type.parameterType(leading + i) != int.class) {
                direct = MethodHandles.filterArguments(direct, leading + i, fromNumber((Primitive) CdataConversion.plain(parameters.get(i)),
                        calling.type().parameterType(leading + i)));
            }
        }
        MethodHandle converted = type.returnType() == int.class ? direct : numericResult(function, direct);
        return MethodHandles.explicitCastArguments(converted, type);
    }

    /**
     * The conversion of a Lua number, unboxed, to a C number of type {@code prim} in
     * {@code carrier} ({@code (double)carrier}), as {@link #numberFilter} converts a boxed one;
     * null for other types (bool, complex, pointers).
     */
    static MethodHandle fromNumber(Primitive prim, Class<?> carrier) {
        MethodHandle filter;
        if (!carrier.isPrimitive() || carrier == boolean.class || carrier == void.class) {
            return null;
        } else if (prim == Primitive.DOUBLE || prim == Primitive.FLOAT) {
            filter = MethodHandles.identity(double.class);
        } else if (prim.isInteger() && prim != Primitive.BOOL) {
            long byteSize = carrier == long.class ? 8 : carrier == int.class ? 4 : carrier == short.class || carrier == char.class ? 2 : 1;
            // FfiFunctions.doubleToInteger's choice made once here: each conversion is a small
            // method the JIT compiler inlines, the choice a larger one it might not.
            filter = byteSize == 8 ? (prim.isUnsigned() ? DOUBLE_TO_UINT64 : DOUBLE_TO_INT64)
                    : byteSize == 4 && prim.isUnsigned() ? DOUBLE_TO_INT64 : DOUBLE_TO_INT32;
        } else {
            return null;
        }
        // The cast keeps the low bytes of an integer (C's conversion to a narrower type) and rounds a double to float.
        return MethodHandles.explicitCastArguments(filter, MethodType.methodType(carrier, double.class));
    }

    private static double unsignedIntToDouble(int value) {
        return Integer.toUnsignedLong(value);
    }

    /** The number of arguments a call takes. */
    int arity() {
        return arity;
    }

    /**
     * Calls with the {@link #arity()} Lua arguments from {@code args[from]}; returns the Lua
     * result, null for void.
     */
    Object call(Object[] args, int from) throws Throwable {
        return switch (arity) {
            case 0 -> (Object) handle.invokeExact();
            case 1 -> (Object) handle.invokeExact(args[from]);
            case 2 -> (Object) handle.invokeExact(args[from], args[from + 1]);
            case 3 -> (Object) handle.invokeExact(args[from], args[from + 1], args[from + 2]);
            case 4 -> (Object) handle.invokeExact(args[from], args[from + 1], args[from + 2], args[from + 3]);
            default -> (Object) handle.invokeExact(java.util.Arrays.copyOfRange(args, from, from + arity));
        };
    }

    private static MethodHandle parameterFilter(CType parameter, Class<?> carrier) {
        CType p = CdataConversion.plain(parameter);
        if (p instanceof CType.Pointer && carrier == MemorySegment.class) {
            return MethodHandles.insertArguments(TO_POINTER, 1, parameter);
        }
        if (!(p instanceof Primitive prim) || prim.isInteger() && carrier != int.class && carrier != long.class) {
            return null;
        }
        return numberFilter(prim, carrier == long.class ? 8 : 4, carrier);
    }

    /**
     * The conversion of a Lua number (or 64-bit cdata, for integers) to a C scalar of type
     * {@code prim} and {@code byteSize} bytes in {@code carrier}, by LuaJIT's rules; other
     * values throw {@link SlowPath}. Null for types it does not cover (bool, complex). Call
     * arguments use it, and callback results with the full conversion behind it.
     */
    static MethodHandle numberFilter(Primitive prim, long byteSize, Class<?> carrier) {
        if (prim == Primitive.DOUBLE && carrier == double.class) {
            return TO_DOUBLE;
        }
        if (prim == Primitive.FLOAT && carrier == float.class) {
            return TO_FLOAT;
        }
        if (!prim.isInteger() || prim == Primitive.BOOL || !carrier.isPrimitive() || carrier == boolean.class) {
            return null;
        }
        // The C conversion keeps the carrier's low bytes: long to a narrower carrier narrows as a cast does.
        MethodHandle convert = MethodHandles.insertArguments(TO_INTEGER, 0, byteSize, prim.isUnsigned());
        return MethodHandles.explicitCastArguments(convert, MethodType.methodType(carrier, Object.class));
    }

    private static MethodHandle resultFilter(NativeFunction function, FfiLibrary library, Class<?> carrier) {
        CType returnType = function.type().returnType();
        CType p = CdataConversion.plain(returnType);
        if (carrier == void.class) {
            return MethodHandles.constant(Object.class, null);
        }
        if (p == Primitive.INT || p == Primitive.LONG && carrier == int.class) {
            return INT_RESULT;
        }
        if (p == Primitive.UNSIGNED_INT || p == Primitive.UNSIGNED_LONG && carrier == int.class) {
            return UNSIGNED_INT_RESULT;
        }
        if (p == Primitive.DOUBLE) {
            return DOUBLE_RESULT;
        }
        if (p == Primitive.FLOAT) {
            return FLOAT_RESULT;
        }
        MethodHandle any = MethodHandles.insertArguments(ANY_RESULT, 0, function, library.conversion(), returnType);
        return any.asType(MethodType.methodType(Object.class, carrier));
    }

    // The filters: LuaJIT's conversions of numbers and cdata to C arguments, numbers to
    // integers by FfiFunctions.doubleToInteger as everywhere else.

    private static long toInteger(long byteSize, boolean isUnsigned, Object v) {
        if (v instanceof Double d) {
            return FfiFunctions.doubleToInteger(d, byteSize, isUnsigned);
        }
        if (v instanceof Cdata.Int64 n) {
            return n.value();
        }
        throw SlowPath.INSTANCE;
    }

    private static double toDouble(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        throw SlowPath.INSTANCE;
    }

    private static float toFloat(Object v) {
        if (v instanceof Double d) {
            return (float) (double) d;
        }
        throw SlowPath.INSTANCE;
    }

    private static MemorySegment toPointer(Object v, CType parameter) {
        if (v == null) {
            return MemorySegment.NULL;
        }
        if (v instanceof Cdata.Pointer p && p.anchor() == null && isVoidOrSame(p.type(), parameter)) {
            return MemorySegment.ofAddress(p.address());
        }
        throw SlowPath.INSTANCE;
    }

    private static Object intResult(int value) {
        return (double) value;
    }

    private static Object unsignedIntResult(int value) {
        return (double) Integer.toUnsignedLong(value);
    }

    private static Object doubleResult(double value) {
        return value;
    }

    private static Object floatResult(float value) {
        return (double) value;
    }

    private static Object anyResult(NativeFunction function, CdataConversion conversion, CType returnType, Object carrier) {
        return conversion.toLua(function.resultOf(carrier), returnType);
    }

    /**
     * Whether a pointer of type {@code from} passes for {@code to} unconverted: the same target, or
     * void on either side of an unqualified target; anything else goes to
     * {@link CdataConversion#isCompatiblePointee}'s full rule on the slow path.
     */
    private static boolean isVoidOrSame(CType from, CType to) {
        CType a = ((CType.Pointer) CdataConversion.plain(from)).target();
        CType b = ((CType.Pointer) CdataConversion.plain(to)).target();
        return a.equals(b) || CType.unqualified(a) == a && (CdataConversion.plain(a) == dev.isthmus.cparser.type.Primitive.VOID
                || CdataConversion.plain(b) == dev.isthmus.cparser.type.Primitive.VOID);
    }

    /** FfiFunctions' conversion {@code name} of a double to an integer {@code returned}. */
    private static MethodHandle conversion(String name, Class<?> returned) {
        try {
            return LOOKUP.findStatic(FfiFunctions.class, name, MethodType.methodType(returned, double.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MethodHandle find(String name, Class<?> returned, Class<?>... parameters) {
        try {
            return LOOKUP.findStatic(LuaCallHandle.class, name, MethodType.methodType(returned, parameters));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
