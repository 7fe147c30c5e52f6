package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.EnumType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.ffi.CData;
import dev.isthmus.ffi.FieldAccess;
import dev.isthmus.ffi.NativeSymbolException;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;
import dev.isthmus.lua.runtime.NumberCoercion;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The behaviour of cdata in Lua expressions, installed as the cdata metatable: member
 * and element access through structs, arrays and pointers, calls of ctypes and function
 * pointers, 64-bit integer and pointer arithmetic and comparison, and {@code tostring}
 * formats, each deferring to a metatable given by {@code ffi.metatype} where LuaJIT does.
 */
final class CdataOperations {
    private final FfiLibrary lib;
    /** Strings stored into C-owned memory through pointers: kept forever, since C may keep the pointer. */
    private final List<Object> permanentAnchors = new ArrayList<>();

    CdataOperations(FfiLibrary lib) {
        this.lib = lib;
    }

    void fill(LuaTable cdata, LuaTable namespace) {
        put(cdata, "__index", args -> new Object[] {index(args[0], args[1])});
        put(cdata, "__newindex", args -> {
            newIndex(args[0], args[1], args.length > 2 ? args[2] : null);
            return LuaFunction.NONE;
        });
        put(cdata, "__call", this::call);
        for (String op : new String[] {"add", "sub", "mul", "div", "mod", "pow"}) {
            put(cdata, "__" + op, args -> new Object[] {arith(op, args[0], args[1])});
        }
        put(cdata, "__unm", args -> new Object[] {unaryMinus(args[0])});
        put(cdata, "__eq", args -> new Object[] {equal(args[0], args[1])});
        put(cdata, "__lt", args -> new Object[] {compare("lt", args[0], args[1])});
        put(cdata, "__le", args -> new Object[] {compare("le", args[0], args[1])});
        put(cdata, "__len", args -> metamethodOr("__len", args, () -> {
            throw new LuaError("attempt to get length of '" + CdataConversion.nameOf(args[0]) + "'");
        }));
        put(cdata, "__concat", args -> metamethodOr("__concat", args, () -> {
            throw new LuaError("attempt to concatenate '" + CdataConversion.nameOf(args[0]) + "' and '"
                    + CdataConversion.nameOf(args[1]) + "'");
        }));
        put(cdata, "__tostring", args -> new Object[] {LuaString.of(text(args[0]))});
        put(namespace, "__index", args -> new Object[] {namespaceIndex((Namespace) args[0], args[1])});
        put(namespace, "__newindex", args -> {
            namespaceStore((Namespace) args[0], args[1], args[2]);
            return LuaFunction.NONE;
        });
        put(namespace, "__tostring", args -> new Object[] {LuaString.of("userdata: " + ((Namespace) args[0]).nativeLibrary().name())});
    }

    private static void put(LuaTable t, String name, JavaFunction.Body body) {
        t.put(LuaString.of(name), new JavaFunction(name, body));
    }

    private static String key(Object k) {
        if (k instanceof LuaString s) {
            return s.toString();
        }
        throw new LuaError("bad argument #2 (string expected, got " + LuaType.of(k).luaName() + ")");
    }

    // ---- namespaces

    private final java.util.Map<Namespace, java.util.Map<String, Object>> namespaceCache = new java.util.HashMap<>();

    Object namespaceIndex(Namespace ns, Object key) {
        return namespaceIndex(ns, key(key));
    }

    void namespaceStore(Namespace ns, Object key, Object value) {
        namespaceStore(ns, key(key), value);
    }

    private Object namespaceIndex(Namespace ns, String name) {
        java.util.Map<String, Object> cache = namespaceCache.computeIfAbsent(ns, n -> new java.util.HashMap<>());
        Object cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        var scope = lib.ffi().scope();
        if (scope.function(name).isPresent()) {
            NativeCall call = new NativeCall(lib, findFunction(ns, name));
            cache.put(name, call);
            return call;
        }
        var variable = scope.variable(name);
        if (variable.isPresent()) {
            CData data = variableData(ns, name, variable.get().type());
            CType p = CdataConversion.plain(data.type());
            return p instanceof RecordType || p instanceof CType.Array ? new Cdata.Memory(lib, data) : lib.conversion().toLua(data.get(), data.type());
        }
        var constant = scope.constant(name);
        if (constant.isPresent()) {
            return switch (constant.get().value()) {
                case dev.isthmus.cparser.ConstantValue.IntegerValue i -> (double) i.bits();
                case dev.isthmus.cparser.ConstantValue.FloatingValue f -> f.value();
                case dev.isthmus.cparser.ConstantValue.StringValue s -> LuaString.wrap(s.bytes());
            };
        }
        throw new LuaError("missing declaration for symbol '" + name + "'");
    }

    /** A declared function from the namespace's library; for {@code ffi.C}, also from libraries loaded as global. */
    private dev.isthmus.ffi.NativeFunction findFunction(Namespace ns, String name) {
        List<dev.isthmus.ffi.NativeLibrary> candidates = new ArrayList<>();
        candidates.add(ns.nativeLibrary());
        if (ns == lib.defaultNamespace()) {
            candidates.addAll(lib.globalLibraries());
        }
        for (dev.isthmus.ffi.NativeLibrary library : candidates) {
            try {
                return library.function(name);
            } catch (NativeSymbolException e) {
                // Not in this library: try the next one.
            } catch (IllegalArgumentException e) {
                throw new LuaError(e.getMessage());
            }
        }
        // Declared but in no library: the dynamic linker's wording, as LuaJIT passes dlerror() on.
        throw new LuaError(ns.nativeLibrary().name() + ": undefined symbol: " + name);
    }

    private CData variableData(Namespace ns, String name, CType type) {
        try {
            return lib.ffi().view(type, ns.nativeLibrary().variable(name));
        } catch (NativeSymbolException e) {
            throw new LuaError("missing declaration for symbol '" + name + "'");
        } catch (IllegalArgumentException e) {
            throw new LuaError(e.getMessage());
        }
    }

    private void namespaceStore(Namespace ns, String name, Object value) {
        var variable = lib.ffi().scope().variable(name);
        if (variable.isEmpty()) {
            throw new LuaError("missing declaration for symbol '" + name + "'");
        }
        lib.initializer().store(variableData(ns, name, variable.get().type()), value, permanentAnchors);
    }

    // ---- indexing

    Object index(Object target, Object key) {
        return switch (target) {
            case Cdata.Memory m -> memoryIndex(m, key);
            case Cdata.Pointer p -> pointerIndex(p, key);
            case Cdata.ComplexValue c when key instanceof LuaString s && (s.toString().equals("re") || s.toString().equals("im")) ->
                    s.toString().equals("re") ? c.re() : c.im();
            case Cdata.TypeObject t -> metatypeIndex(t.type(), t, key);
            default -> metatypeIndex(((Cdata) target).type(), target, key);
        };
    }

    private Object memoryIndex(Cdata.Memory m, Object key) {
        CType type = CdataConversion.plain(m.type());
        return switch (type) {
            case RecordType r when key instanceof LuaString s -> {
                FieldAccess access = member(r, s);
                if (access == null) {
                    yield metatypeIndex(r, m, key);
                }
                yield readMember(m.data(), access, m.anchors());
            }
            case CType.Array a when isIndex(key) && ScalarAccess.storageOf(a.element()) != null -> {
                Primitive scalar = ScalarAccess.storageOf(a.element());
                long size = ScalarAccess.sizeOf(lib, scalar);
                long index = indexOf(key);
                if (index < 0 || (index + 1) * size > m.data().byteSize()) {
                    throw new LuaError("index out of bounds");
                }
                yield ScalarAccess.read(lib, m.data().segment(), index * size, scalar);
            }
            case CType.Array a when isIndex(key) -> readElement(m.data().at(indexOf(key)), m.anchors());
            case CType.Pointer p -> pointerIndex(new Cdata.Pointer(lib, m.type(), ((MemorySegment) m.data().get()).address()), key);
            default -> metatypeIndex(type, m, key);
        };
    }

    private Object pointerIndex(Cdata.Pointer p, Object key) {
        if (p.anchor() instanceof dev.isthmus.ffi.Callback callback && key instanceof LuaString s) {
            // Callbacks have two methods (FFI semantics, "Callback resource handling").
            switch (s.toString()) {
                case "free" -> {
                    return new JavaFunction("free", args -> {
                        callback.free();
                        return LuaFunction.NONE;
                    });
                }
                case "set" -> {
                    return new JavaFunction("set", args -> {
                        if (!(args.length > 1 && args[1] instanceof LuaFunction f)) {
                            throw new LuaError("bad argument #1 to 'set' (function expected)");
                        }
                        callback.set(lib.callbackHandler(p.type(), f));
                        return LuaFunction.NONE;
                    });
                }
                default -> { }
            }
        }
        CType target = CdataConversion.plain(((CType.Pointer) CdataConversion.plain(p.type())).target());
        if (isIndex(key)) {
            Primitive scalar = ScalarAccess.storageOf(target);
            if (scalar != null) {
                if (p.address() == 0) {
                    throw new LuaError("attempt to index a NULL pointer of type '" + p.typeName() + "'");
                }
                return ScalarAccess.read(lib, ScalarAccess.ALL, p.address() + indexOf(key) * ScalarAccess.sizeOf(lib, scalar), scalar);
            }
            return readElement(element(p, indexOf(key)), permanentAnchors);
        }
        if (target instanceof RecordType r && key instanceof LuaString s) {
            FieldAccess access = member(r, s);
            if (access != null) {
                return readMember(element(p, 0), access, permanentAnchors);
            }
        }
        return metatypeIndex(p.type(), p, key);
    }

    /** An unknown key: the metatype's {@code __index}, or LuaJIT's error. */
    private Object metatypeIndex(CType type, Object self, Object key) {
        LuaTable mt = lib.metatypeOf(type);
        Object handler = mt == null ? null : mt.get(LuaString.of("__index"));
        if (handler instanceof LuaTable t) {
            return lib.runtime().semantics().index(t, key);
        }
        if (handler != null) {
            Object[] r = lib.runtime().semantics().call(handler, new Object[] {self, key});
            return r.length == 0 ? null : r[0];
        }
        throw noMember(type, key);
    }

    private LuaError noMember(CType type, Object key) {
        if (key instanceof LuaString s) {
            return new LuaError("'" + FfiLibrary.render(type) + "' has no member named '" + s + "'");
        }
        return new LuaError("'" + FfiLibrary.render(type) + "' cannot be indexed with '" + CdataConversion.nameOf(key) + "'");
    }

    /** The member {@code name} of a struct or union, resolved once per type; null when there is none. */
    private FieldAccess member(RecordType r, LuaString name) {
        if (!r.isComplete()) {
            return null;
        }
        return lib.member(r, name);
    }

    private Object readMember(CData data, FieldAccess access, List<Object> anchors) {
        Primitive scalar = access.valueLayout() == null ? null : ScalarAccess.storageOf(access.memberType());
        if (scalar != null) {
            return ScalarAccess.read(lib, data.segment(), access.byteOffset(), scalar);
        }
        CType memberType = CdataConversion.plain(access.memberType());
        if (memberType instanceof RecordType || memberType instanceof CType.Array) {
            return new Cdata.Memory(lib, lib.ffi().view(access.memberType(), memberMemory(data, access)), anchors);
        }
        return lib.conversion().toLua(access.get(data), access.memberType());
    }

    /** An aggregate member's memory; a trailing flexible array ({@code T x[]}, {@code T x[?]}) reaches the end of the object. */
    private MemorySegment memberMemory(CData data, FieldAccess access) {
        CType memberType = CdataConversion.plain(access.memberType());
        long size = memberType instanceof CType.Array a && a.kind() != CType.ArrayKind.FIXED
                ? data.byteSize() - access.byteOffset()
                : lib.ffi().layouts().layoutOf(access.memberType()).byteSize();
        return data.segment().asSlice(access.byteOffset(), size);
    }

    private Object readElement(CData element, List<Object> anchors) {
        CType type = CdataConversion.plain(element.type());
        if (type instanceof RecordType || type instanceof CType.Array) {
            return new Cdata.Memory(lib, element, anchors);
        }
        try {
            return lib.conversion().toLua(element.get(), element.type());
        } catch (IndexOutOfBoundsException e) {
            throw new LuaError("index out of bounds");
        }
    }

    private static boolean isIndex(Object key) {
        return key instanceof Double || key instanceof Cdata.Int64;
    }

    private static long indexOf(Object key) {
        return key instanceof Double d ? (long) Math.floor(d) : ((Cdata.Int64) key).value();
    }

    /** The object {@code i} elements after where the pointer points. */
    private CData element(Cdata.Pointer p, long i) {
        if (p.address() == 0) {
            throw new LuaError("attempt to index a NULL pointer of type '" + p.typeName() + "'");
        }
        CType target = ((CType.Pointer) CdataConversion.plain(p.type())).target();
        long size = elementSize(target);
        return lib.ffi().view(target, MemorySegment.ofAddress(p.address() + i * size).reinterpret(size));
    }

    private long elementSize(CType target) {
        CType plain = CdataConversion.plain(target);
        if (plain == Primitive.VOID || plain instanceof CType.Function) {
            throw new LuaError("size of C type is unknown or too large");
        }
        return lib.ffi().layouts().layoutOf(plain).byteSize();
    }

    void newIndex(Object target, Object key, Object value) {
        switch (target) {
            case Cdata.Memory m -> {
                CType type = CdataConversion.plain(m.type());
                switch (type) {
                    case RecordType r when key instanceof LuaString s && member(r, s) != null ->
                            storeMember(m.data(), member(r, s), value, m.anchors());
                    case CType.Array a when isIndex(key) && storeScalar(m, a, indexOf(key), value) -> { }
                    case CType.Array a when isIndex(key) -> storeElement(m.data().at(indexOf(key)), value, m.anchors());
                    case CType.Pointer p -> newIndex(new Cdata.Pointer(lib, m.type(), ((MemorySegment) m.data().get()).address()), key, value);
                    default -> metatypeNewIndex(type, m, key, value);
                }
            }
            case Cdata.Pointer p -> {
                CType targetType = CdataConversion.plain(((CType.Pointer) CdataConversion.plain(p.type())).target());
                Primitive scalar = isIndex(key) ? ScalarAccess.storageOf(targetType) : null;
                if (scalar != null && p.address() != 0 && ScalarAccess.write(lib, ScalarAccess.ALL,
                        p.address() + indexOf(key) * ScalarAccess.sizeOf(lib, scalar), scalar, value)) {
                    return;
                }
                if (isIndex(key)) {
                    storeElement(element(p, indexOf(key)), value, permanentAnchors);
                } else if (targetType instanceof RecordType r && key instanceof LuaString s && member(r, s) != null) {
                    storeMember(element(p, 0), member(r, s), value, permanentAnchors);
                } else {
                    metatypeNewIndex(p.type(), p, key, value);
                }
            }
            default -> metatypeNewIndex(((Cdata) target).type(), target, key, value);
        }
    }

    /** {@code a[i] = v} for an array of scalars and a number-like value; false leaves it to the general path. */
    private boolean storeScalar(Cdata.Memory m, CType.Array a, long index, Object value) {
        Primitive scalar = ScalarAccess.storageOf(a.element());
        if (scalar == null) {
            return false;
        }
        long size = ScalarAccess.sizeOf(lib, scalar);
        if (index < 0 || (index + 1) * size > m.data().byteSize()) {
            throw new LuaError("index out of bounds");
        }
        return ScalarAccess.write(lib, m.data().segment(), index * size, scalar, value);
    }

    private void metatypeNewIndex(CType type, Object self, Object key, Object value) {
        LuaTable mt = lib.metatypeOf(type);
        Object handler = mt == null ? null : mt.get(LuaString.of("__newindex"));
        if (handler instanceof LuaTable t) {
            lib.runtime().semantics().setIndex(t, key, value);
            return;
        }
        if (handler != null) {
            lib.runtime().semantics().call(handler, new Object[] {self, key, value});
            return;
        }
        throw noMember(type, key);
    }

    private void storeMember(CData data, FieldAccess access, Object value, List<Object> anchors) {
        Primitive scalar = access.valueLayout() == null ? null : ScalarAccess.storageOf(access.memberType());
        if (scalar != null && ScalarAccess.write(lib, data.segment(), access.byteOffset(), scalar, value)) {
            return;
        }
        CType memberType = CdataConversion.plain(access.memberType());
        if (memberType instanceof RecordType || memberType instanceof CType.Array) {
            lib.initializer().store(lib.ffi().view(access.memberType(), memberMemory(data, access)), value, anchors);
            return;
        }
        try {
            access.set(data, lib.conversion().toJava(value, access.memberType(), anchors));
        } catch (IllegalArgumentException e) {
            throw CdataConversion.cannotConvert(value, access.memberType());
        }
    }

    private void storeElement(CData element, Object value, List<Object> anchors) {
        try {
            lib.initializer().store(element, value, anchors);
        } catch (IndexOutOfBoundsException e) {
            throw new LuaError("index out of bounds");
        }
    }

    // ---- calls

    private final java.util.Map<Long, NativeCall> pointerCalls = new java.util.HashMap<>();

    private Object[] call(Object[] args) {
        Object target = args[0];
        Object[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        switch (target) {
            case Cdata.TypeObject t -> {
                LuaTable mt = lib.metatypeOf(t.type());
                Object constructor = mt == null ? null : mt.get(LuaString.of("__new"));
                if (constructor != null) {
                    return lib.runtime().semantics().call(constructor, args);
                }
                return new Object[] {new FfiFunctions(lib).construct(t.type(), rest)};
            }
            case NativeCall n -> {
                return n.call(rest);
            }
            case Cdata.Pointer p when CdataConversion.plain(((CType.Pointer) CdataConversion.plain(p.type())).target()) instanceof CType.Function f -> {
                if (p.address() == 0) {
                    throw new LuaError("attempt to call a NULL function pointer");
                }
                NativeCall call = pointerCalls.computeIfAbsent(p.address(), a -> new NativeCall(lib,
                        lib.ffi().functionAt("function pointer", f, MemorySegment.ofAddress(a))));
                return call.call(rest);
            }
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Pointer -> {
                return call(prepend(new Cdata.Pointer(lib, m.type(), ((MemorySegment) m.data().get()).address()), rest));
            }
            default -> {
                Cdata c = (Cdata) target;
                LuaTable mt = lib.metatypeOf(c.type());
                Object handler = mt == null ? null : mt.get(LuaString.of("__call"));
                if (handler != null) {
                    return lib.runtime().semantics().call(handler, args);
                }
                throw new LuaError("'" + c.typeName() + "' is not callable");
            }
        }
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    // ---- arithmetic and comparison

    /** The metatype's handler for an event on either operand, called; or the fallback. */
    private Object[] metamethodOr(String event, Object[] args, java.util.function.Supplier<Object[]> fallback) {
        for (Object operand : args) {
            if (operand instanceof Cdata c) {
                LuaTable mt = lib.metatypeOf(c.type());
                Object handler = mt == null ? null : mt.get(LuaString.of(event));
                if (handler != null) {
                    return lib.runtime().semantics().call(handler, args);
                }
            }
        }
        return fallback.get();
    }

    private Object arith(String op, Object a, Object b) {
        Object[] viaMetatype = metamethodOr("__" + op, new Object[] {a, b}, () -> null);
        if (viaMetatype != null) {
            return viaMetatype.length == 0 ? null : viaMetatype[0];
        }
        Cdata.Pointer pa = asPointer(a);
        Cdata.Pointer pb = asPointer(b);
        if (pa != null || pb != null) {
            return pointerArith(op, a, b, pa, pb);
        }
        Long x = asInt64(a);
        Long y = asInt64(b);
        if (x == null || y == null) {
            throw arithError(a, b);
        }
        boolean isUnsigned = isUnsigned(a) || isUnsigned(b);
        long r = isUnsigned ? Int64Arithmetic.unsigned(op, x, y) : Int64Arithmetic.signed(op, x, y);
        return new Cdata.Int64(lib, r, isUnsigned);
    }

    private Object pointerArith(String op, Object a, Object b, Cdata.Pointer pa, Cdata.Pointer pb) {
        if (op.equals("sub") && pa != null && pb != null) {
            long size = elementSize(((CType.Pointer) CdataConversion.plain(pa.type())).target());
            return (double) ((pa.address() - pb.address()) / size);
        }
        Cdata.Pointer p = pa != null ? pa : pb;
        Long n = asInt64(pa != null ? b : a);
        if (n == null || !(op.equals("add") || op.equals("sub") && pa != null)) {
            throw arithError(a, b);
        }
        long size = elementSize(((CType.Pointer) CdataConversion.plain(p.type())).target());
        long delta = op.equals("sub") ? -n : n;
        return new Cdata.Pointer(lib, p.type(), p.address() + delta * size, p.anchor());
    }

    /** A pointer, or an array decayed to a pointer to its first element; null otherwise. */
    private Cdata.Pointer asPointer(Object v) {
        return switch (v) {
            case Cdata.Pointer p -> p;
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Array arr ->
                    new Cdata.Pointer(lib, CType.pointerTo(arr.element()), m.data().segment().address(), m);
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Pointer ->
                    new Cdata.Pointer(lib, m.type(), ((MemorySegment) m.data().get()).address());
            default -> null;
        };
    }

    private LuaError arithError(Object a, Object b) {
        return new LuaError("attempt to perform arithmetic on '" + CdataConversion.nameOf(a) + "' and '" + CdataConversion.nameOf(b) + "'");
    }

    /** An operand as a 64-bit integer: numbers (truncated), 64-bit cdata, integer scalar cdata, booleans not. */
    private Long asInt64(Object v) {
        return switch (v) {
            case Double d -> FfiFunctions.doubleToInt64(d);
            case Cdata.Int64 i -> i.value();
            case Cdata.EnumValue e -> e.value();
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof Primitive p && p.isInteger()
                    || CdataConversion.plain(m.type()) instanceof EnumType -> {
                Object x = m.data().get();
                yield x instanceof Number n ? n.longValue() : x instanceof Boolean bool ? (bool ? 1L : 0L) : null;
            }
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof Primitive p && p.isFloating() ->
                    FfiFunctions.doubleToInt64(((Number) m.data().get()).doubleValue());
            case LuaString s -> {
                Double d = NumberCoercion.parse(s);
                yield d == null ? null : FfiFunctions.doubleToInt64(d);
            }
            default -> null;
        };
    }

    private static boolean isUnsigned(Object v) {
        return v instanceof Cdata.Int64 i && i.isUnsigned();
    }

    private Object unaryMinus(Object a) {
        Object[] viaMetatype = metamethodOr("__unm", new Object[] {a, a}, () -> null);
        if (viaMetatype != null) {
            return viaMetatype.length == 0 ? null : viaMetatype[0];
        }
        Long x = asInt64(a);
        if (x == null) {
            throw arithError(a, a);
        }
        return new Cdata.Int64(lib, -x, isUnsigned(a));
    }

    private boolean equal(Object a, Object b) {
        Object[] viaMetatype = metamethodOr("__eq", new Object[] {a, b}, () -> null);
        if (viaMetatype != null) {
            return viaMetatype.length > 0 && !LuaType.isFalsy(viaMetatype[0]);
        }
        Cdata.Pointer pa = a == null ? null : asPointer(a);
        Cdata.Pointer pb = b == null ? null : asPointer(b);
        if (pa != null || pb != null || a == null || b == null) {
            long x = a == null ? 0 : pa != null ? pa.address() : addressOf(a);
            long y = b == null ? 0 : pb != null ? pb.address() : addressOf(b);
            return x == y && (a == null || b == null || pa != null && pb != null);
        }
        if (a instanceof Cdata.Memory ma && b instanceof Cdata.Memory mb && FfiLibrary.isRecord(ma.type())) {
            return ma.data().segment().address() == mb.data().segment().address();
        }
        if (a instanceof Cdata.ComplexValue ca && b instanceof Cdata.ComplexValue cb) {
            return ca.re() == cb.re() && ca.im() == cb.im();
        }
        if (a instanceof Cdata.TypeObject ta && b instanceof Cdata.TypeObject tb) {
            return CdataConversion.plain(ta.type()).equals(CdataConversion.plain(tb.type()));
        }
        Long x = asInt64(a);
        Long y = asInt64(b);
        if (x != null && y != null && !(a instanceof LuaString) && !(b instanceof LuaString)) {
            return x.longValue() == y.longValue();
        }
        return a == b;
    }

    private static long addressOf(Object v) {
        return v instanceof Cdata.Memory m ? m.data().segment().address() : -1;
    }

    private boolean compare(String op, Object a, Object b) {
        Object[] viaMetatype = metamethodOr("__" + op, new Object[] {a, b}, () -> null);
        if (viaMetatype != null) {
            return viaMetatype.length > 0 && !LuaType.isFalsy(viaMetatype[0]);
        }
        Cdata.Pointer pa = asPointer(a);
        Cdata.Pointer pb = asPointer(b);
        if (pa != null && pb != null) {
            int c = Long.compareUnsigned(pa.address(), pb.address());
            return op.equals("lt") ? c < 0 : c <= 0;
        }
        Long x = asInt64(a);
        Long y = asInt64(b);
        if (x == null || y == null || a instanceof LuaString || b instanceof LuaString) {
            throw new LuaError("attempt to compare '" + CdataConversion.nameOf(a) + "' with '" + CdataConversion.nameOf(b) + "'");
        }
        int c = isUnsigned(a) || isUnsigned(b) ? Long.compareUnsigned(x, y) : Long.compare(x, y);
        return op.equals("lt") ? c < 0 : c <= 0;
    }

    // ---- tostring

    private String text(Object v) {
        Object[] viaMetatype = v instanceof Cdata c && lib.metatypeOf(c.type()) != null
                ? metamethodOr("__tostring", new Object[] {v}, () -> null) : null;
        if (viaMetatype != null && viaMetatype.length > 0) {
            Object r = viaMetatype[0];
            if (r instanceof LuaString s) {
                return s.toLatin1();
            }
            if (r instanceof Double d) {
                return NumberCoercion.toLuaString(d).toString();
            }
        }
        return switch (v) {
            case Cdata.Int64 i -> (i.isUnsigned() ? Long.toUnsignedString(i.value()) + "ULL" : i.value() + "LL");
            case Cdata.Pointer p -> p.address() == 0 ? "cdata<" + p.typeName() + ">: NULL"
                    : "cdata<" + p.typeName() + ">: 0x" + String.format("%012x", p.address());
            case Cdata.ComplexValue c -> complexText(c.re(), c.im());
            case Cdata.TypeObject t -> "ctype<" + t.typeName() + ">";
            case Cdata.EnumValue e -> "cdata<" + e.typeName() + ">: " + e.value();
            case Cdata.Memory m -> "cdata<" + m.typeName() + ">: 0x" + String.format("%012x", m.data().segment().address());
            case NativeCall n -> "cdata<" + n.typeName() + ">: 0x" + String.format("%012x", n.address());
            default -> String.valueOf(v);
        };
    }

    private static String complexText(double re, double im) {
        String r = NumberCoercion.toLuaString(re).toString();
        String i = NumberCoercion.toLuaString(im).toString();
        return r + (im >= 0 || Double.isNaN(im) ? "+" : "") + i + "i";
    }
}
