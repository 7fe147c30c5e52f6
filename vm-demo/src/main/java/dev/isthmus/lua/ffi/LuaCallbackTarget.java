package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.lua.runtime.LuaFunction;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * The target a callback's stub calls for a Lua function: each C argument converted from
 * its carrier to a Lua value by a filter, the Lua function called, its first result
 * converted to the carrier C expects. With ffi-core's {@link dev.isthmus.ffi.Callback}
 * calling it straight from the stub, a callback passes through no argument conversion
 * table and no per-call lookup of the function type.
 *
 * <p>Arguments: integers up to 32 bits, floating types and {@code bool} become numbers
 * and booleans, 64-bit integers {@code int64_t}/{@code uint64_t} cdata, pointers pointer
 * cdata of the parameter's type, as LuaJIT converts them. The result converts as an
 * assignment to the return type does. Types with other carriers (structs and complex
 * numbers by value, enums, pointer results) have no target here; such callbacks run
 * through ffi-core's handler path.
 */
final class LuaCallbackTarget {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle CALL_FIRST = find("callFirst", Object.class, FfiLibrary.class, LuaFunction.class, Object[].class);
    private static final MethodHandle CALL_FIRST_1 = find("callFirst", Object.class, FfiLibrary.class, LuaFunction.class, Object.class);
    private static final MethodHandle CALL_FIRST_2 = find("callFirst", Object.class, FfiLibrary.class, LuaFunction.class, Object.class, Object.class);
    private static final MethodHandle SIGNED = find("signed", Object.class, int.class);
    private static final MethodHandle UNSIGNED_INT = find("unsignedInt", Object.class, int.class);
    private static final MethodHandle UNSIGNED_SHORT = find("unsignedShort", Object.class, short.class);
    private static final MethodHandle UNSIGNED_BYTE = find("unsignedByte", Object.class, byte.class);
    private static final MethodHandle FLOATING = find("floating", Object.class, double.class);
    private static final MethodHandle BOOLEAN = find("bool", Object.class, boolean.class);
    private static final MethodHandle INT64 = find("int64", Object.class, FfiLibrary.class, boolean.class, long.class);
    private static final MethodHandle POINTER = find("pointer", Object.class, FfiLibrary.class, CType.class, MemorySegment.class);
    private static final MethodHandle TO_C;

    static {
        try {
            TO_C = LOOKUP.findStatic(FfiLibrary.class, "callbackResult", MethodType.methodType(Object.class,
                    CdataConversion.class, LuaFunction.class, CType.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LuaCallbackTarget() {
    }

    /** The target calling {@code f} as a callback of {@code pointerType}, or null when its types need the handler path. */
    static MethodHandle of(FfiLibrary library, CType pointerType, LuaFunction f) {
        CType.Function type = (CType.Function) CdataConversion.plain(((CType.Pointer) CdataConversion.plain(pointerType)).target());
        MethodType carriers = library.ffi().callbackCarrierType(pointerType);
        List<CType> parameters = type.parameterTypes();
        MethodHandle[] filters = new MethodHandle[parameters.size()];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = argumentFilter(library, parameters.get(i), carriers.parameterType(i));
            if (filters[i] == null) {
                return null;
            }
        }
        MethodHandle result = resultFilter(library, f, type.returnType(), carriers.returnType());
        if (result == null) {
            return null;
        }
        // One or two arguments (most callbacks: comparators, visitors, math functions) go to Lua without an array.
        MethodHandle call = switch (filters.length) {
            case 1 -> MethodHandles.insertArguments(CALL_FIRST_1, 0, library, f);
            case 2 -> MethodHandles.insertArguments(CALL_FIRST_2, 0, library, f);
            default -> MethodHandles.insertArguments(CALL_FIRST, 0, library, f).asCollector(Object[].class, filters.length);
        };
        call = MethodHandles.filterArguments(call, 0, filters);
        call = MethodHandles.filterReturnValue(call, result);
        return call.asType(carriers);
    }

    private static MethodHandle argumentFilter(FfiLibrary library, CType parameter, Class<?> carrier) {
        CType p = CdataConversion.plain(parameter);
        if (p instanceof CType.Pointer) {
            return carrier == MemorySegment.class ? MethodHandles.insertArguments(POINTER, 0, library, parameter) : null;
        }
        if (!(p instanceof Primitive prim)) {
            return null;
        }
        if (carrier == double.class || carrier == float.class) {
            return FLOATING.asType(MethodType.methodType(Object.class, carrier));
        }
        if (carrier == boolean.class) {
            return BOOLEAN;
        }
        boolean isUnsigned = prim.isUnsigned() || prim == Primitive.CHAR && !library.ffi().layouts().abi().isCharSigned();
        if (carrier == long.class) {
            return MethodHandles.insertArguments(INT64, 0, library, prim.isUnsigned());
        }
        if (!isUnsigned) {
            return carrier == int.class || carrier == short.class || carrier == byte.class
                    ? SIGNED.asType(MethodType.methodType(Object.class, carrier)) : null;
        }
        if (carrier == int.class) {
            return UNSIGNED_INT;
        }
        if (carrier == short.class) {
            return UNSIGNED_SHORT;
        }
        return carrier == byte.class ? UNSIGNED_BYTE : null;
    }

    /** The filter from the Lua result to the carrier C gets: assignment's conversion to the return type. */
    private static MethodHandle resultFilter(FfiLibrary library, LuaFunction f, CType returnType, Class<?> carrier) {
        if (carrier == void.class) {
            return MethodHandles.empty(MethodType.methodType(void.class, Object.class));
        }
        CType p = CdataConversion.plain(returnType);
        if (!(p instanceof Primitive) || !carrier.isPrimitive()) {
            return null;
        }
        // callbackResult gives a Number (or a Boolean for bool); the JDK's unboxing conversions narrow it.
        MethodHandle convert = MethodHandles.insertArguments(TO_C, 0, library.conversion(), f, returnType);
        MethodHandle full = carrier == boolean.class
                ? convert.asType(MethodType.methodType(Boolean.class, Object.class)).asType(MethodType.methodType(boolean.class, Object.class))
                : MethodHandles.filterReturnValue(convert.asType(MethodType.methodType(Number.class, Object.class)), unboxer(carrier));
        // A number result takes the call arguments' fast conversion; anything else the full one.
        MethodHandle fast = LuaCallHandle.numberFilter((Primitive) p, library.ffi().layouts().abi().sizeOf((Primitive) p), carrier);
        return fast == null ? full
                : MethodHandles.catchException(fast, LuaCallHandle.SlowPath.class, MethodHandles.dropArguments(full, 0, LuaCallHandle.SlowPath.class));
    }

    private static MethodHandle unboxer(Class<?> carrier) {
        try {
            String name = carrier.getName() + "Value";
            return LOOKUP.findVirtual(Number.class, name, MethodType.methodType(carrier));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no Number." + carrier.getName() + "Value()", e);
        }
    }

    /** Calls a Lua function from C for its first result, marked as a callback on the running coroutine. */
    static Object callFirst(FfiLibrary library, LuaFunction f, Object[] args) {
        return asCallback(library, f, args.length, null, null, args);
    }

    static Object callFirst(FfiLibrary library, LuaFunction f, Object argument) {
        return asCallback(library, f, 1, argument, null, null);
    }

    static Object callFirst(FfiLibrary library, LuaFunction f, Object first, Object second) {
        return asCallback(library, f, 2, first, second, null);
    }

    /** The call of {@code f} on {@code args}, or on one or two arguments given without an array, as a callback. */
    private static Object asCallback(FfiLibrary library, LuaFunction f, int count, Object first, Object second, Object[] args) {
        var coroutine = library.runtime().currentCoroutine();
        coroutine.enterCallback();
        try {
            return args != null ? f.callForFirstResult(args) : count == 1 ? f.firstResultOf(first) : f.firstResultOf(first, second);
        } finally {
            coroutine.exitCallback();
        }
    }

    private static Object signed(int value) {
        return (double) value;
    }

    private static Object unsignedInt(int value) {
        return (double) Integer.toUnsignedLong(value);
    }

    private static Object unsignedShort(short value) {
        return (double) Short.toUnsignedInt(value);
    }

    private static Object unsignedByte(byte value) {
        return (double) Byte.toUnsignedInt(value);
    }

    private static Object floating(double value) {
        return value;
    }

    private static Object bool(boolean value) {
        return value;
    }

    private static Object int64(FfiLibrary library, boolean isUnsigned, long value) {
        return new Cdata.Int64(library, value, isUnsigned);
    }

    private static Object pointer(FfiLibrary library, CType type, MemorySegment value) {
        return new Cdata.Pointer(library, type, value.address());
    }

    private static MethodHandle find(String name, Class<?> returned, Class<?>... parameters) {
        try {
            return LOOKUP.findStatic(LuaCallbackTarget.class, name, MethodType.methodType(returned, parameters));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
