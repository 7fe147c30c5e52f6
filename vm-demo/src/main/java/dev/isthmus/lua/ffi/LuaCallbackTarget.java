package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.lua.interp.CallbackEntry;
import dev.isthmus.lua.interp.LuaRuntime;
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
 * assignment to the return type does. With one or two parameters, numbers travel unboxed
 * both ways ({@link LuaFunction#callbackResultOf}): a {@code double -> double} callback
 * allocates nothing. Types with other carriers (structs and complex
 * numbers by value, enums, pointer results) have no target here; such callbacks run
 * through ffi-core's handler path.
 */
final class LuaCallbackTarget {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle CALL_FIRST = find("callFirst", Object.class, FfiLibrary.class, LuaFunction.class, Object[].class);
    private static final MethodHandle CALL_FIRST_UNBOXED = find("callFirst", Object.class, LuaRuntime.class, CallbackArguments.class,
            MethodHandle.class, int.class, Object.class, double.class, Object.class, double.class);
    private static final MethodHandle POOLED_POINTER;
    private static final MethodHandle SIGNED = find("signed", double.class, int.class);
    private static final MethodHandle UNSIGNED_INT = find("unsignedInt", double.class, int.class);
    private static final MethodHandle UNSIGNED_SHORT = find("unsignedShort", double.class, short.class);
    private static final MethodHandle UNSIGNED_BYTE = find("unsignedByte", double.class, byte.class);
    private static final MethodHandle FLOATING = find("floating", double.class, double.class);
    private static final MethodHandle BOOLEAN = find("bool", Object.class, boolean.class);
    private static final MethodHandle IS_UNBOXED_NUMBER = find("isUnboxedNumber", boolean.class, Object.class);
    private static final MethodHandle NUMBER_RESULT;
    private static final MethodHandle INT64 = find("int64", Object.class, FfiLibrary.class, boolean.class, long.class);
    private static final MethodHandle POINTER = find("pointer", Object.class, FfiLibrary.class, CType.class, MemorySegment.class);
    private static final MethodHandle TO_C;

    static {
        try {
            TO_C = LOOKUP.findStatic(FfiLibrary.class, "callbackResult", MethodType.methodType(Object.class,
                    CdataConversion.class, LuaFunction.class, CType.class, Object.class));
            NUMBER_RESULT = LOOKUP.findVirtual(LuaFunction.class, "numberResult", MethodType.methodType(double.class));
            POOLED_POINTER = LOOKUP.findVirtual(CallbackArguments.Kept.class, "take", MethodType.methodType(Object.class, MemorySegment.class));
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
        // Per parameter, a filter from its carrier to a Lua number as a double, or else to an object.
        MethodHandle[] numbers = new MethodHandle[parameters.size()];
        MethodHandle[] objects = new MethodHandle[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            numbers[i] = numberArgument(library, parameters.get(i), carriers.parameterType(i));
            objects[i] = numbers[i] != null ? null : objectArgument(library, parameters.get(i), carriers.parameterType(i));
            if (numbers[i] == null && objects[i] == null) {
                return null;
            }
        }
        MethodHandle result = resultFilter(library, f, type.returnType(), carriers.returnType());
        if (result == null) {
            return null;
        }
        MethodHandle call;
        if (parameters.size() == 1 || parameters.size() == 2) {
            // Most callbacks (comparators, visitors, math functions) go to Lua without an array, numbers unboxed.
            // The function entered through a handle that runs its function trace straight away once it has one.
            // Pointer arguments are objects a call gives back when its trace kept them (CallbackArguments).
            CType[] pooled = new CType[2];
            for (int i = 0; i < parameters.size(); i++) {
                pooled[i] = isPointer(parameters.get(i), carriers.parameterType(i)) ? parameters.get(i) : null;
            }
            CallbackArguments pool = new CallbackArguments(library, pooled[0], pooled[1]);
            for (int i = 0; i < parameters.size(); i++) {
                if (pooled[i] != null) {
                    objects[i] = POOLED_POINTER.bindTo(i == 0 ? pool.first : pool.second);
                }
            }
            call = MethodHandles.insertArguments(CALL_FIRST_UNBOXED, 0, library.runtime(), pool, CallbackEntry.of(f), parameters.size());
            if (parameters.size() == 1) {
                call = MethodHandles.insertArguments(call, 2, null, 0.0);
            }
            // (Object, double) per parameter: a number fills the double and tags the object; anything else fills the object.
            for (int i = parameters.size() - 1; i >= 0; i--) {
                if (numbers[i] != null) {
                    call = MethodHandles.filterArguments(MethodHandles.insertArguments(call, 2 * i, LuaFunction.UNBOXED_NUMBER), 2 * i, numbers[i]);
                } else {
                    call = MethodHandles.filterArguments(MethodHandles.insertArguments(call, 2 * i + 1, 0.0), 2 * i, objects[i]);
                }
            }
        } else {
            MethodHandle[] filters = new MethodHandle[parameters.size()];
            for (int i = 0; i < filters.length; i++) {
                filters[i] = numbers[i] != null ? numbers[i].asType(numbers[i].type().changeReturnType(Object.class)) : objects[i];
            }
            call = MethodHandles.insertArguments(CALL_FIRST, 0, library, f).asCollector(Object[].class, filters.length);
            call = MethodHandles.filterArguments(call, 0, filters);
        }
        call = MethodHandles.filterReturnValue(call, result);
        return call.asType(carriers);
    }

    /** The filter from a number parameter's carrier to the Lua number it becomes, or null for other parameters. */
    private static MethodHandle numberArgument(FfiLibrary library, CType parameter, Class<?> carrier) {
        if (!(CdataConversion.plain(parameter) instanceof Primitive prim)) {
            return null;
        }
        if (carrier == double.class || carrier == float.class) {
            return FLOATING.asType(MethodType.methodType(double.class, carrier));
        }
        if (carrier == boolean.class || carrier == long.class) {
            return null;
        }
        boolean isUnsigned = prim.isUnsigned() || prim == Primitive.CHAR && !library.ffi().layouts().abi().isCharSigned();
        if (!isUnsigned) {
            return carrier == int.class || carrier == short.class || carrier == byte.class
                    ? SIGNED.asType(MethodType.methodType(double.class, carrier)) : null;
        }
        return carrier == int.class ? UNSIGNED_INT : carrier == short.class ? UNSIGNED_SHORT : carrier == byte.class ? UNSIGNED_BYTE : null;
    }

    /** Whether a parameter is a pointer C passes as an address: it becomes a pointer cdata. */
    private static boolean isPointer(CType parameter, Class<?> carrier) {
        return CdataConversion.plain(parameter) instanceof CType.Pointer && carrier == MemorySegment.class;
    }

    /** The filter from a parameter's carrier to the Lua object it becomes (a boolean, a cdata), or null when it has none. */
    private static MethodHandle objectArgument(FfiLibrary library, CType parameter, Class<?> carrier) {
        if (isPointer(parameter, carrier)) {
            return MethodHandles.insertArguments(POINTER, 0, library, parameter);
        }
        if (!(CdataConversion.plain(parameter) instanceof Primitive prim)) {
            return null;
        }
        if (carrier == boolean.class) {
            return BOOLEAN;
        }
        return carrier == long.class ? MethodHandles.insertArguments(INT64, 0, library, prim.isUnsigned()) : null;
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
        MethodHandle boxed = fast == null ? full
                : MethodHandles.catchException(fast, LuaCallHandle.SlowPath.class, MethodHandles.dropArguments(full, 0, LuaCallHandle.SlowPath.class));
        // A number the closure returned unboxed (LuaFunction.callbackResultOf) is converted from its double, never boxed.
        MethodHandle fromNumber = LuaCallHandle.fromNumber((Primitive) p, carrier);
        MethodHandle number = fromNumber != null ? MethodHandles.filterReturnValue(NUMBER_RESULT.bindTo(f), fromNumber)
                : MethodHandles.filterReturnValue(NUMBER_RESULT.bindTo(f).asType(MethodType.methodType(Object.class)), full);
        return MethodHandles.guardWithTest(IS_UNBOXED_NUMBER, MethodHandles.dropArguments(number, 0, Object.class), boxed);
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
        var runtime = library.runtime();
        var coroutine = runtime.currentCoroutine();
        var recording = runtime.setObserverAside();
        coroutine.enterCallback();
        try {
            return f.callForFirstResult(args);
        } finally {
            coroutine.exitCallback();
            runtime.takeObserverBack(recording);
        }
    }

    /**
     * {@link #callFirst(FfiLibrary, LuaFunction, Object[])} on one or two arguments, numbers
     * unboxed both ways, through {@code entry}, a {@link CallbackEntry} handle (a constant where
     * the JVM compiles the callback, so that it inlines what the handle calls).
     *
     * <p>One method, not a test calling the call: C2 inlines a call of a method larger than 35
     * bytes by the caller's profile, and this one's may be thin (C1 compiles it without profiling
     * while C2 is busy), which left the call out of line in some processes, the entry called
     * through a handle it could not see.
     */
    static Object callFirst(LuaRuntime runtime, CallbackArguments arguments, MethodHandle entry, int count,
                            Object first, double firstNumber, Object second, double secondNumber) {
        if (runtime.observer() != null) {
            return callFirstRecording(runtime, arguments, entry, count, first, firstNumber, second, secondNumber);
        }
        var coroutine = runtime.currentCoroutine();
        coroutine.enterCallback();
        try {
            Object result = (Object) entry.invokeExact(count, first, firstNumber, second, secondNumber);
            if (result == LuaFunction.UNBOXED_NUMBER_ARGUMENTS_FREE) {
                arguments.release(first, second);
                return LuaFunction.UNBOXED_NUMBER;
            }
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("a callback entry threw a checked exception", e);
        } finally {
            coroutine.exitCallback();
        }
    }

    /**
     * {@link #callFirst} while a recording is in progress: it records the C call, not what the
     * callback runs (LuaJIT aborts it instead), so it is set aside meanwhile; watching, it left
     * qsort's comparator running in the interpreter. Out of line: the callback's compiled code
     * does not change when a recording first calls C that calls back.
     */
    private static Object callFirstRecording(LuaRuntime runtime, CallbackArguments arguments, MethodHandle entry, int count,
                                             Object first, double firstNumber, Object second, double secondNumber) {
        var recording = runtime.setObserverAside();
        try {
            return callFirst(runtime, arguments, entry, count, first, firstNumber, second, secondNumber);
        } finally {
            runtime.takeObserverBack(recording);
        }
    }

    private static boolean isUnboxedNumber(Object result) {
        return result == LuaFunction.UNBOXED_NUMBER;
    }

    private static double signed(int value) {
        return value;
    }

    private static double unsignedInt(int value) {
        return Integer.toUnsignedLong(value);
    }

    private static double unsignedShort(short value) {
        return Short.toUnsignedInt(value);
    }

    private static double unsignedByte(byte value) {
        return Byte.toUnsignedInt(value);
    }

    private static double floating(double value) {
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
