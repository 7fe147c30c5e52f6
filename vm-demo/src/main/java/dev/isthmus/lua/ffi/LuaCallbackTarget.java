package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.ffi.Callback;
import dev.isthmus.lua.interp.CallbackEntry;
import dev.isthmus.lua.interp.CallbackParameter;
import dev.isthmus.lua.interp.CallbackResult;
import dev.isthmus.lua.runtime.LuaFunction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * assignment to the return type does. With one or two parameters, the target is a method
 * spun for the callback ({@link CallbackEntry}) that takes pointers as their addresses,
 * numbers unboxed both ways: a {@code double -> double} callback allocates nothing, nor does a
 * comparator's call whose trace kept its pointer arguments. Types with other carriers (structs and complex
 * numbers by value, enums, pointer results) have no target here; such callbacks run
 * through ffi-core's handler path.
 */
final class LuaCallbackTarget {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodHandle CALL_FIRST = find("callFirst", Object.class, FfiLibrary.class, LuaFunction.class, Object[].class);
    private static final MethodHandle SIGNED = find("signed", double.class, int.class);
    private static final MethodHandle UNSIGNED_INT = find("unsignedInt", double.class, int.class);
    private static final MethodHandle UNSIGNED_SHORT = find("unsignedShort", double.class, short.class);
    private static final MethodHandle UNSIGNED_BYTE = find("unsignedByte", double.class, byte.class);
    private static final MethodHandle FLOATING = find("floating", double.class, double.class);
    private static final MethodHandle BOOLEAN = find("bool", Object.class, boolean.class);
    private static final MethodHandle IS_UNBOXED_NUMBER = find("isUnboxedNumber", boolean.class, Object.class);
    private static final MethodHandle NUMBER_RESULT;
    private static final MethodHandle INT64 = find("int64", Object.class, FfiLibrary.class, boolean.class, long.class);
    private static final MethodHandle POINTER = find("pointer", Object.class, FfiLibrary.class, CType.class, long.class);
    private static final MethodHandle TO_C;

    static {
        try {
            TO_C = LOOKUP.findStatic(FfiLibrary.class, "callbackResult", MethodType.methodType(Object.class,
                    CdataConversion.class, LuaFunction.class, CType.class, Object.class));
            NUMBER_RESULT = LOOKUP.findVirtual(LuaFunction.class, "numberResult", MethodType.methodType(double.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private LuaCallbackTarget() {
    }

    /**
     * What a callback's stub calls first ({@code handle}, of the carrier type with pointers as
     * {@code long} addresses) and, for a callback of one or two parameters, the entry that
     * relinks it as the function's trace comes and goes ({@link CallbackEntry}).
     */
    record Target(MethodHandle handle, Optional<CallbackEntry> entry) {
        /** Lets the entry relink {@code callback}, made with {@link #handle}. */
        void attach(Callback callback) {
            entry.ifPresent(e -> e.attach(callback::replace));
        }
    }

    /** The target calling {@code f} as a callback of {@code pointerType}, or null when its types need the handler path. */
    static Target of(FfiLibrary library, CType pointerType, LuaFunction f) {
        CType.Function type = (CType.Function) CdataConversion.plain(((CType.Pointer) CdataConversion.plain(pointerType)).target());
        MethodType carriers = library.ffi().callbackCarrierType(pointerType, true);
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
        if (parameters.size() == 1 || parameters.size() == 2) {
            // Most callbacks (comparators, visitors, math functions): a method spun for the callback
            // takes the arguments unboxed, without an array, and enters the function's trace.
            List<CallbackParameter> kinds = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                kinds.add(numbers[i] != null ? new CallbackParameter.Number(isUnsigned(library, parameters.get(i)))
                        : isPointer(parameters.get(i), carriers.parameterType(i)) ? new CallbackParameter.Pointer(new KeptPointer(library, parameters.get(i)))
                        : new CallbackParameter.Converted(objects[i]));
            }
            CallbackEntry entry = CallbackEntry.of(f, library.runtime(), carriers, kinds, numberResult(library, f, type.returnType(), carriers.returnType()),
                    result);
            return new Target(entry.target(), Optional.of(entry));
        }
        MethodHandle[] filters = new MethodHandle[parameters.size()];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = numbers[i] != null ? numbers[i].asType(numbers[i].type().changeReturnType(Object.class)) : objects[i];
        }
        MethodHandle call = MethodHandles.insertArguments(CALL_FIRST, 0, library, f).asCollector(Object[].class, filters.length);
        call = MethodHandles.filterArguments(call, 0, filters);
        call = MethodHandles.filterReturnValue(call, result);
        return new Target(call.asType(carriers), Optional.empty());
    }

    private static boolean isUnsigned(FfiLibrary library, CType parameter) {
        return CdataConversion.plain(parameter) instanceof Primitive prim
                && (prim.isUnsigned() || prim == Primitive.CHAR && !library.ffi().layouts().abi().isCharSigned());
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
        if (!isUnsigned(library, prim)) {
            return carrier == int.class || carrier == short.class || carrier == byte.class
                    ? SIGNED.asType(MethodType.methodType(double.class, carrier)) : null;
        }
        return carrier == int.class ? UNSIGNED_INT : carrier == short.class ? UNSIGNED_SHORT : carrier == byte.class ? UNSIGNED_BYTE : null;
    }

    /** Whether a parameter is a pointer C passes as an address (a {@code long}): it becomes a pointer cdata. */
    private static boolean isPointer(CType parameter, Class<?> carrier) {
        return CdataConversion.plain(parameter) instanceof CType.Pointer && carrier == long.class;
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

    /**
     * The conversion of a number result to the carrier C gets: in the callback's bytecode for
     * floating types and for integers LuaJIT converts as an {@code int32_t} (what
     * {@link LuaCallHandle#fromNumber} does with them), else the one small conversion its C type
     * needs, or the boxed number through the full one. Unused for a {@code void} result.
     */
    private static CallbackResult numberResult(FfiLibrary library, LuaFunction f, CType returnType, Class<?> carrier) {
        CType plain = CdataConversion.plain(returnType);
        if (carrier == void.class || plain == Primitive.DOUBLE || plain == Primitive.FLOAT) {
            return new CallbackResult.Floating();
        }
        Primitive prim = (Primitive) plain;
        if (prim.isInteger() && prim != Primitive.BOOL
                && (carrier == short.class || carrier == char.class || carrier == byte.class || carrier == int.class && !prim.isUnsigned())) {
            return new CallbackResult.Int32();
        }
        MethodHandle fromNumber = LuaCallHandle.fromNumber(prim, carrier);
        return new CallbackResult.Converted(fromNumber != null ? fromNumber
                : resultFilter(library, f, returnType, carrier).asType(MethodType.methodType(carrier, double.class)));
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

    private static Object pointer(FfiLibrary library, CType type, long address) {
        return new Cdata.Pointer(library, type, address);
    }

    private static MethodHandle find(String name, Class<?> returned, Class<?>... parameters) {
        try {
            return LOOKUP.findStatic(LuaCallbackTarget.class, name, MethodType.methodType(returned, parameters));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
