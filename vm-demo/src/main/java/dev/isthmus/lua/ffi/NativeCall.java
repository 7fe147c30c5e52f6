package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.ffi.NativeFunction;
import dev.isthmus.lua.runtime.SingleResultCallable;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaObject;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

import java.util.List;

/**
 * A C function bound to its declaration, as {@code ffi.C.name} gives it: calling it
 * converts the Lua arguments by LuaJIT's rules, calls C with errno captured, and converts
 * the result back. Numbers and plain pointers go through {@link LuaCallHandle}; anything
 * else (strings, tables, callbacks, variadic calls) through ffi-core's generic path.
 */
final class NativeCall implements LuaObject, SingleResultCallable, dev.isthmus.lua.runtime.NumericCallable {
    private static final Object NEEDS_FULL_CONVERSION = new Object();
    private final FfiLibrary library;
    private final NativeFunction function;
    private final List<CType> parameters;
    private final CType returnType;

    /** The call from Lua values straight to the Lua result, when the parameters allow it (else null). */
    private final LuaCallHandle direct;
    private final boolean isVoid;
    /** {@link #numericHandle()}, made on first use: only traces ask for it. */
    private java.lang.invoke.MethodHandle numeric;
    private boolean numericMade;

    NativeCall(FfiLibrary library, NativeFunction function) {
        this.library = library;
        this.function = function;
        this.parameters = function.type().parameterTypes();
        this.returnType = function.type().returnType();
        this.direct = LuaCallHandle.of(function, library);
        this.isVoid = CdataConversion.plain(returnType) == dev.isthmus.cparser.type.Primitive.VOID;
    }

    @Override
    public LuaType luaType() {
        return LuaType.CDATA;
    }

    @Override
    public LuaTable metatable() {
        return library.cdataMetatable();
    }

    @Override
    public java.lang.invoke.MethodHandle numericHandle() {
        if (!numericMade) {
            numeric = LuaCallHandle.numericHandle(function);
            numericMade = true;
        }
        return numeric;
    }

    @Override
    public java.lang.invoke.MethodHandle numericHandle(boolean[] intArguments) {
        return numericHandle() == null ? null : LuaCallHandle.numericHandle(function, intArguments);
    }

    @Override
    public dev.isthmus.ffi.Ffi errnoKeeper() {
        return function.options().capturesErrno() ? library.ffi() : null;
    }

    @Override
    public java.lang.invoke.MethodHandle numericHandleAt(boolean[] intArguments) {
        return numericHandle() == null ? null : LuaCallHandle.numericHandleAt(function, intArguments);
    }

    @Override
    public String symbol() {
        return function.name();
    }

    @Override
    public boolean mayCallBack() {
        return !function.options().isCritical();
    }

    long address() {
        return function.address().address();
    }

    CType.Function type() {
        return function.type();
    }

    @Override
    public Object callForOneResult(Object[] registers, int from, int count) {
        if (direct != null && count == direct.arity()) {
            Object result = callDirect(registers, from);
            if (result != NEEDS_FULL_CONVERSION) {
                return result;
            }
        }
        Object[] results = call(java.util.Arrays.copyOfRange(registers, from, from + count));
        return results.length == 0 ? null : results[0];
    }

    /** The direct path's result, or {@link #NEEDS_FULL_CONVERSION} when an argument needs the full conversion (nothing was called). */
    private Object callDirect(Object[] args, int from) {
        try {
            return direct.call(args, from);
        } catch (LuaCallHandle.SlowPath e) {
            return NEEDS_FULL_CONVERSION;
        } catch (LuaError | Error e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(e);
        } catch (Throwable t) {
            throw new LuaError(function.name() + ": the call failed: " + t);
        }
    }

    @Override
    public Object[] call(Object[] args) {
        int fixed = parameters.size();
        boolean isVariadic = function.type().isVariadic();
        if (args.length < fixed || !isVariadic && args.length > fixed) {
            throw new LuaError("wrong number of arguments for function call");
        }
        if (direct != null && args.length == direct.arity()) {
            Object result = callDirect(args, 0);
            if (result != NEEDS_FULL_CONVERSION) {
                return result == null && isVoid ? LuaFunction.NONE : new Object[] {result};
            }
        }
        CdataConversion conversion = library.conversion();
        Object[] java = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            try {
                java[i] = i < fixed ? conversion.toJava(args[i], parameters.get(i), null) : variadic(args[i]);
            } catch (FfiLibrary.TooManyCallbacks e) {
                throw e;
            } catch (LuaError e) {
                // Named as the call site names the function, as LuaJIT does ('?' under pcall).
                throw new dev.isthmus.lua.runtime.LuaArgumentError(i + 1, function.name(), e.getMessage());
            }
        }
        Object result;
        try {
            result = function.invoke(java);
        } catch (IllegalArgumentException e) {
            throw new LuaError(e.getMessage());
        } catch (LuaError e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(e);
        }
        return isVoid ? LuaFunction.NONE : new Object[] {conversion.toLua(result, returnType)};
    }

    /**
     * A Java failure of the call as a Lua error. A freed callback called on the way is
     * LuaJIT's "bad callback", raised from inside the callback and so without a position.
     */
    private LuaError failure(RuntimeException e) {
        if (e instanceof dev.isthmus.ffi.FreedCallbackException) {
            return new LuaError((Object) dev.isthmus.lua.runtime.LuaString.of("bad callback"));
        }
        return new LuaError(function.name() + ": " + e.getMessage());
    }

    /** A variadic argument by LuaJIT's rules: numbers as double, strings as char *, cdata as their C type. */
    private Object variadic(Object v) {
        return switch (v) {
            case Double d -> d;
            case Boolean b -> b ? 1 : 0;
            case null -> null;
            case dev.isthmus.lua.runtime.LuaString s -> s.bytes();
            case Cdata.Int64 i -> i.value();
            case Cdata.EnumValue e -> (int) e.value();
            case Cdata.Pointer p -> java.lang.foreign.MemorySegment.ofAddress(p.address());
            case Cdata.ComplexValue c -> c.re();
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Array -> m.data().segment();
            case Cdata.Memory m -> m.data().get();
            // LuaJIT passes any other value as a void * (ccall_ctid_vararg), which a table or function is not.
            default -> throw new LuaError("cannot convert '" + CdataConversion.nameOf(v) + "' to 'void *'");
        };
    }

    String typeName() {
        return FfiLibrary.render(function.type());
    }
}
