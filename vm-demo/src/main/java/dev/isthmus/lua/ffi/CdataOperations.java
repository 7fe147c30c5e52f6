package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.ffi.CData;
import dev.isthmus.ffi.FieldAccess;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

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

    private final CdataArithmetic arithmetic;
    private final NamespaceOperations namespaces;

    CdataOperations(FfiLibrary lib) {
        this.lib = lib;
        this.arithmetic = new CdataArithmetic(lib);
        this.namespaces = new NamespaceOperations(lib);
    }

    NamespaceOperations namespaces() {
        return namespaces;
    }

    void fill(LuaTable cdata, LuaTable namespace) {
        put(cdata, "__index", args -> new Object[] {index(args[0], args[1])});
        put(cdata, "__newindex", args -> {
            newIndex(args[0], args[1], args.length > 2 ? args[2] : null);
            return LuaFunction.NONE;
        });
        put(cdata, "__call", this::call);
        for (String op : new String[] {"add", "sub", "mul", "div", "mod", "pow"}) {
            put(cdata, "__" + op, args -> new Object[] {arithmetic.arith(op, args[0], args[1])});
        }
        put(cdata, "__unm", args -> new Object[] {arithmetic.unaryMinus(args[0])});
        put(cdata, "__eq", args -> new Object[] {arithmetic.equal(args[0], args[1])});
        put(cdata, "__lt", args -> new Object[] {arithmetic.compare("lt", args[0], args[1])});
        put(cdata, "__le", args -> new Object[] {arithmetic.compare("le", args[0], args[1])});
        put(cdata, "__len", args -> arithmetic.metamethodOr("__len", args, () -> {
            throw new LuaError("attempt to get length of '" + CdataConversion.nameOf(args[0]) + "'");
        }));
        put(cdata, "__concat", args -> arithmetic.metamethodOr("__concat", args, () -> {
            throw new LuaError("attempt to concatenate '" + CdataConversion.nameOf(args[0]) + "' and '"
                    + CdataConversion.nameOf(args[1]) + "'");
        }));
        put(cdata, "__tostring", args -> new Object[] {LuaString.of(arithmetic.text(args[0]))});
        put(namespace, "__index", args -> new Object[] {namespaces.namespaceIndex((Namespace) args[0], args[1])});
        put(namespace, "__newindex", args -> {
            namespaces.namespaceStore((Namespace) args[0], args[1], args[2]);
            return LuaFunction.NONE;
        });
        // As LuaJIT prints a C library namespace: a userdata's address, not the library's name.
        put(namespace, "__tostring", args -> new Object[] {LuaString.of(String.format("userdata: 0x%08x", System.identityHashCode(args[0])))});
    }

    private static void put(LuaTable t, String name, JavaFunction.Body body) {
        t.put(LuaString.of(name), new JavaFunction(name, body));
    }

    // ---- indexing

    Object index(Object target, Object key) {
        return switch (target) {
            case Cdata.Memory m -> memoryIndex(m, key);
            case Cdata.Pointer p -> pointerIndex(p, key);
            case Cdata.ComplexValue c when key instanceof LuaString s && (s.toString().equals("re") || s.toString().equals("im")) ->
                    s.toString().equals("re") ? c.re() : c.im();
            // LuaJIT indexes a complex number as a pair: odd indexes are the imaginary part.
            case Cdata.ComplexValue c when isIndex(key) -> (indexOf(key) & 1) == 0 ? c.re() : c.im();
            case Cdata.TypeObject t -> typeIndex(t, key);
            case NativeCall n -> throw noMember(n.type(), key);
            default -> metatypeIndex(((Cdata) target).type(), target, key);
        };
    }

    /** A ctype of a struct or union is indexed by its constants first ({@code tp.K}), then through its metatype, as in LuaJIT. */
    private Object typeIndex(Cdata.TypeObject t, Object key) {
        if (CdataConversion.plain(t.type()) instanceof RecordType r && key instanceof LuaString s) {
            Double constant = constantOf(r, s);
            if (constant != null) {
                return constant;
            }
        }
        return metatypeIndex(t.type(), t, key);
    }

    private Object memoryIndex(Cdata.Memory m, Object key) {
        CType type = CdataConversion.plain(m.type());
        return switch (type) {
            case RecordType r when key instanceof LuaString s -> {
                FieldAccess access = member(r, s);
                if (access == null) {
                    Double constant = constantOf(r, s);
                    yield constant != null ? constant : metatypeIndex(r, m, key);
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
            // Callbacks have two methods (FFI semantics, "Callback resource handling"); both
            // refuse a freed callback, as LuaJIT does ("bad callback"), instead of touching
            // a stub that another callback may have taken over.
            switch (s.toString()) {
                case "free" -> {
                    return new JavaFunction("free", args -> {
                        lib.freeCallback(callback);
                        return LuaFunction.NONE;
                    });
                }
                case "set" -> {
                    return new JavaFunction("set", args -> {
                        FfiLibrary.requireLive(callback);
                        if (!(args.length > 1 && args[1] instanceof LuaFunction f)) {
                            throw new LuaError("bad argument #1 to 'set' (function expected)");
                        }
                        lib.setCallback(callback, p.type(), f);
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
                long size = ScalarAccess.sizeOf(lib, scalar);
                return ScalarAccess.read(lib, ScalarAccess.ALL, accessible(p, p.address() + indexOf(key) * size, size), scalar);
            }
            return readElement(element(p, indexOf(key)), permanentAnchors);
        }
        if (target instanceof RecordType r && key instanceof LuaString s) {
            FieldAccess access = member(r, s);
            if (access != null) {
                return readMember(element(p, 0), access, permanentAnchors);
            }
            Double constant = constantOf(r, s);
            if (constant != null) {
                return constant;
            }
        }
        return metatypeIndex(p.type(), p, key);
    }

    /**
     * An unknown key: the metatype's {@code __index}, or LuaJIT's error. A table's answer,
     * through its own {@code __index} chain, must not be nil: LuaJIT reports the missing
     * member then too (a method name misspelt is an error, not a nil to call).
     */
    private Object metatypeIndex(CType type, Object self, Object key) {
        LuaTable mt = lib.metatypeOf(type);
        Object handler = mt == null ? null : mt.get(LuaString.of("__index"));
        // A handler that is no function is indexed as Lua indexes it, metamethods and all (a
        // table, a cdata, ...: lib_ffi.c, ffi_index_meta); nil found is a missing member.
        if (handler != null && !(handler instanceof LuaFunction)) {
            Object v = lib.runtime().semantics().index(handler, key);
            if (v == null) {
                throw noMember(type, key);
            }
            return v;
        }
        if (handler != null) {
            Object[] r = lib.runtime().semantics().call(handler, new Object[] {self, key});
            return r.length == 0 ? null : r[0];
        }
        throw noMember(type, key);
    }

    private LuaError noMember(CType type, Object key) {
        if (key instanceof LuaString s) {
            // Through a pointer to a record, LuaJIT names the record it looked in.
            CType named = CdataConversion.plain(type) instanceof CType.Pointer p && CdataConversion.plain(p.target()) instanceof RecordType
                    ? p.target() : type;
            return new LuaError("'" + FfiLibrary.render(named) + "' has no member named '" + s + "'");
        }
        return new LuaError("'" + FfiLibrary.render(type) + "' cannot be indexed with '" + CdataConversion.nameOf(key) + "'");
    }

    /**
     * A record's constant ({@code static const int k = 1;} or an enumerator declared inside
     * it) as the number LuaJIT reads for it; null when the record has none of that name.
     */
    private static Double constantOf(RecordType r, LuaString name) {
        if (!r.isComplete()) {
            return null;
        }
        return r.body().constant(name.toString()).map(c -> c.type() instanceof Primitive p && p.isUnsigned()
                ? (double) (c.value() & 0xffffffffL) : (double) c.value()).orElse(null);
    }

    /** Assigning to a record's constant is LuaJIT's write to a constant location. */
    private static void refuseConstantStore(CType type, Object key) {
        if (type instanceof RecordType r && key instanceof LuaString s && constantOf(r, s) != null) {
            throw new LuaError("attempt to write to constant location");
        }
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
            return new Cdata.Memory(lib, memberView(data, access), anchors);
        }
        return lib.conversion().toLua(access.get(data), access.memberType());
    }

    /** An aggregate member as an object; a trailing flexible array ({@code T x[]}, {@code T x[?]}) reaches the end of the object. */
    CData memberView(CData data, FieldAccess access) {
        CType memberType = CdataConversion.plain(access.memberType());
        long size = memberType instanceof CType.Array a && a.kind() != CType.ArrayKind.FIXED
                ? data.byteSize() - access.byteOffset()
                : lib.ffi().layouts().layoutOf(access.memberType()).byteSize();
        return lib.ffi().view(access.memberType(), data.segment().asSlice(access.byteOffset(), size));
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

    /** An element index: a number, or an integer or enum cdata (LuaJIT converts it to an intptr_t); not a bool. */
    private static boolean isIndex(Object key) {
        return key instanceof Double || key instanceof Cdata.Int64 || key instanceof Cdata.EnumValue
                || key instanceof Cdata.Memory m && (CdataConversion.plain(m.type()) instanceof Primitive p && p.isInteger() && p != Primitive.BOOL
                        || CdataConversion.plain(m.type()) instanceof dev.isthmus.cparser.type.EnumType);
    }

    private static long indexOf(Object key) {
        return key instanceof Double d ? indexOf((double) d) : CdataArithmetic.asInt64(key);
    }

    /**
     * A number used as an element index, as LuaJIT converts it. An integral key is its own
     * floor: tested first, a constant key (a trace's {@code p[0]}) folds to a constant in the
     * JIT compiler, which does not fold {@code Math.floor} of one.
     */
    static long indexOf(double key) {
        long truncated = (long) key;
        return truncated == key ? truncated : (long) Math.floor(key);
    }

    /** The object {@code i} elements after where the pointer points. */
    private CData element(Cdata.Pointer p, long i) {
        CType target = ((CType.Pointer) CdataConversion.plain(p.type())).target();
        long size = lib.elementSize(target);
        return lib.ffi().view(target, MemorySegment.ofAddress(accessible(p, p.address() + i * size, size)).reinterpret(size));
    }

    /**
     * The address {@code p[i]} reaches, refused when no memory can be there (NULL, the pages
     * after it, the kernel's half): C would fault, and a fault kills the JVM; or when it
     * leaves the object a pointer into it keeps alive (C's undefined behaviour). Other wild
     * addresses stay as unchecked as in C.
     */
    private static long accessible(Cdata.Pointer p, long address, long byteSize) {
        return switch (accessAt(p, address, byteSize)) {
            case ALLOWED -> address;
            case NULL_POINTER -> throw new LuaError("attempt to index a NULL pointer of type '" + p.typeName() + "'");
            case NEVER_MAPPED -> throw FfiLibrary.inaccessible(address);
            case OUTSIDE_OBJECT -> throw new LuaError("index out of bounds");
        };
    }

    /** What {@link #accessAt} finds of an access through a pointer. */
    enum PointerAccess {
        ALLOWED, NULL_POINTER, NEVER_MAPPED, OUTSIDE_OBJECT
    }

    /**
     * Whether {@code byteSize} bytes at {@code address}, reached through {@code p}, may be
     * accessed, and if not, why (in the order the interpreter reports it). The interpreter
     * raises its error for a refusal, compiled code leaves the trace. Inside the object the
     * pointer is known to point into is allowed at once: that memory is mapped.
     */
    static PointerAccess accessAt(Cdata.Pointer p, long address, long byteSize) {
        if (p.address() == 0) {
            return PointerAccess.NULL_POINTER;
        }
        MemorySegment object = FfiLibrary.objectAt(p);
        if (object != null && address >= object.address() && address + byteSize <= object.address() + object.byteSize()) {
            return PointerAccess.ALLOWED;
        }
        if (dev.isthmus.ffi.AddressSpace.isNeverMapped(address, byteSize)) {
            return PointerAccess.NEVER_MAPPED;
        }
        return object != null ? PointerAccess.OUTSIDE_OBJECT : PointerAccess.ALLOWED;
    }

    void newIndex(Object target, Object key, Object value) {
        switch (target) {
            case Cdata.Memory m -> {
                CType type = CdataConversion.plain(m.type());
                if (type instanceof RecordType) {
                    requireWritable(m.type());
                }
                switch (type) {
                    case RecordType r when key instanceof LuaString s && member(r, s) != null -> {
                        requireAssignable(member(r, s).memberType());
                        storeMember(m.data(), member(r, s), value, m.anchors());
                    }
                    case CType.Array a when isIndex(key) && requireWritable(a) && storeScalar(m, a, indexOf(key), value) -> { }
                    case CType.Array a when isIndex(key) -> storeElement(m.data().at(indexOf(key)), value, m.anchors());
                    case CType.Pointer p -> newIndex(new Cdata.Pointer(lib, m.type(), ((MemorySegment) m.data().get()).address()), key, value);
                    default -> metatypeNewIndex(type, m, key, value);
                }
            }
            case Cdata.Pointer p -> {
                CType declaredTarget = ((CType.Pointer) CdataConversion.plain(p.type())).target();
                requireWritable(declaredTarget);
                CType targetType = CdataConversion.plain(declaredTarget);
                Primitive scalar = isIndex(key) ? ScalarAccess.storageOf(targetType) : null;
                long size = scalar == null ? 0 : ScalarAccess.sizeOf(lib, scalar);
                if (scalar != null && ScalarAccess.write(lib, ScalarAccess.ALL,
                        accessible(p, p.address() + indexOf(key) * size, size), scalar, value)) {
                    return;
                }
                if (isIndex(key)) {
                    storeElement(element(p, indexOf(key)), value, permanentAnchors);
                } else if (targetType instanceof RecordType r && key instanceof LuaString s && member(r, s) != null) {
                    requireAssignable(member(r, s).memberType());
                    storeMember(element(p, 0), member(r, s), value, permanentAnchors);
                } else {
                    metatypeNewIndex(p.type(), p, key, value);
                }
            }
            case NativeCall n -> throw noMember(n.type(), key);
            default -> metatypeNewIndex(((Cdata) target).type(), target, key, value);
        }
    }

    /**
     * LuaJIT refuses every store into a const location: a const-qualified cdata (any key,
     * even one its metatype's {@code __newindex} would take), a const member, an element of
     * an array of const elements, the target of a pointer to const. Returns true to read as
     * a guard.
     */
    private static boolean requireWritable(CType location) {
        if (!isWritable(location)) {
            throw new LuaError("attempt to write to constant location");
        }
        return true;
    }

    /** Whether a store into a location of this type is allowed: not const, nor an array of const elements. */
    static boolean isWritable(CType location) {
        CType t = location;
        while (t instanceof CType.Array a) {
            t = a.element();
        }
        return !(t instanceof CType.Qualified q && q.isConst());
    }

    /** {@link #requireWritable} for a member assigned as a whole, which a record with a const member cannot be. */
    private static void requireAssignable(CType member) {
        requireWritable(member);
        CType t = member;
        while (t instanceof CType.Array a) {
            t = a.element();
        }
        if (CType.unqualified(t) instanceof RecordType r && hasConstMember(r)) {
            throw new LuaError("attempt to write to constant location");
        }
    }

    /**
     * Whether a struct or union holds a const member, at any depth: LuaJIT gives such a record
     * its members' const as a pseudo-qualifier (lj_cparse.c, cp_struct_layout), so it cannot
     * be assigned as a whole.
     */
    private static boolean hasConstMember(RecordType r) {
        if (!r.isComplete()) {
            return false;
        }
        for (RecordType.Member m : r.body().members()) {
            CType t = m.type();
            while (t instanceof CType.Array a) {
                t = a.element();
            }
            if (t instanceof CType.Qualified q && q.isConst() || CType.unqualified(t) instanceof RecordType inner && hasConstMember(inner)) {
                return true;
            }
        }
        return false;
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
        CType plain = CdataConversion.plain(type);
        refuseConstantStore(plain instanceof CType.Pointer p ? CdataConversion.plain(p.target()) : plain, key);
        LuaTable mt = lib.metatypeOf(type);
        Object handler = mt == null ? null : mt.get(LuaString.of("__newindex"));
        if (handler != null && !(handler instanceof LuaFunction)) {
            lib.runtime().semantics().setIndex(handler, key, value);
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
            lib.initializer().store(memberView(data, access), value, anchors);
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

    /** Calls through function pointers, by address and function type: one address cast to two types is two functions. */
    private final java.util.Map<PointerCall, NativeCall> pointerCalls = new java.util.HashMap<>();

    private record PointerCall(long address, CType.Function type) {
    }

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
                return new Object[] {lib.functions().construct(t.type(), rest)};
            }
            case NativeCall n -> {
                return n.call(rest);
            }
            case Cdata.Pointer p when CdataConversion.plain(((CType.Pointer) CdataConversion.plain(p.type())).target()) instanceof CType.Function f -> {
                // LuaJIT checks the arguments' count before it looks at the address.
                int fixed = f.parameterTypes().size();
                if (rest.length < fixed || !f.isVariadic() && rest.length > fixed) {
                    throw new LuaError("wrong number of arguments for function call");
                }
                if (p.address() == 0) {
                    throw new LuaError("attempt to call a NULL function pointer");
                }
                if (dev.isthmus.ffi.AddressSpace.isNeverMapped(p.address())) {
                    throw FfiLibrary.inaccessible(p.address());
                }
                NativeCall call = pointerCalls.computeIfAbsent(new PointerCall(p.address(), f), k -> new NativeCall(lib,
                        lib.ffi().functionAt("function pointer", f, MemorySegment.ofAddress(k.address()))));
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
                // LuaJIT names what a pointer points to ('void' for a void *).
                CType named = c instanceof Cdata.Pointer && CdataConversion.plain(c.type()) instanceof CType.Pointer ptr ? ptr.target() : c.type();
                throw new LuaError("'" + FfiLibrary.render(named) + "' is not callable");
            }
        }
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

}
