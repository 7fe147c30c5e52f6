package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.TypeRenderer;
import dev.isthmus.ffi.NativeFunction;
import dev.isthmus.lua.runtime.LuaCallable;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaObject;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

import java.util.List;

/**
 * A C function bound to its declaration, as {@code ffi.C.name} gives it: calling it
 * converts the Lua arguments by LuaJIT's rules, calls through ffi-core's generic path
 * (which captures errno), and converts the result back.
 */
final class NativeCall implements LuaObject, LuaCallable {
    private final FfiLibrary library;
    private final NativeFunction function;
    private final List<CType> parameters;
    private final CType returnType;

    NativeCall(FfiLibrary library, NativeFunction function) {
        this.library = library;
        this.function = function;
        this.parameters = function.type().parameterTypes();
        this.returnType = function.type().returnType();
    }

    @Override
    public LuaType luaType() {
        return LuaType.CDATA;
    }

    @Override
    public LuaTable metatable() {
        return library.cdataMetatable();
    }

    long address() {
        return function.address().address();
    }

    CType.Function type() {
        return function.type();
    }

    @Override
    public Object[] call(Object[] args) {
        int fixed = parameters.size();
        boolean isVariadic = function.type().isVariadic();
        if (args.length < fixed || !isVariadic && args.length > fixed) {
            throw new LuaError("wrong number of arguments for function call");
        }
        Object[] java = new Object[args.length];
        CdataConversion conversion = library.conversion();
        for (int i = 0; i < args.length; i++) {
            try {
                java[i] = i < fixed ? conversion.toJava(args[i], parameters.get(i), null) : variadic(args[i]);
            } catch (LuaError e) {
                throw new LuaError("bad argument #" + (i + 1) + " to '" + function.name() + "' (" + e.getMessage() + ")");
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
            throw new LuaError(function.name() + ": " + e.getMessage());
        }
        if (CdataConversion.plain(returnType) == dev.isthmus.cparser.type.Primitive.VOID) {
            return LuaFunction.NONE;
        }
        return new Object[] {conversion.toLua(result, returnType)};
    }

    /** A variadic argument by LuaJIT's rules: numbers as double, strings as char *, cdata as their C type. */
    private Object variadic(Object v) {
        return switch (v) {
            case Double d -> d;
            case Boolean b -> b ? 1 : 0;
            case null -> null;
            case dev.isthmus.lua.runtime.LuaString s -> s.bytes();
            case Cdata.Int64 i -> i.value();
            case Cdata.Pointer p -> java.lang.foreign.MemorySegment.ofAddress(p.address());
            case Cdata.ComplexValue c -> c.re();
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Array -> m.data().segment();
            case Cdata.Memory m -> m.data().get();
            default -> throw new LuaError("cannot convert '" + CdataConversion.nameOf(v) + "' to 'vararg'");
        };
    }

    String typeName() {
        return FfiLibrary.render(CType.pointerTo(function.type()));
    }
}
