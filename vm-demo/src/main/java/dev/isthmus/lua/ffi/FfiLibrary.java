package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.CParseException;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.ffi.CData;
import dev.isthmus.ffi.Callback;
import dev.isthmus.ffi.Ffi;
import dev.isthmus.ffi.FieldAccess;
import dev.isthmus.lua.bytecode.CdataLiterals;
import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.lib.BitLibrary;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;

import java.lang.foreign.Arena;
import java.lang.invoke.MethodHandle;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LuaJIT's {@code ffi} library on ffi-core: the state shared by the module's functions
 * ({@link FfiFunctions}) and the cdata metatable ({@link CdataOperations}): the C
 * declarations, loaded libraries, metatypes and cached member accessors.
 */
public final class FfiLibrary {
    private final LuaRuntime runtime;
    private final Ffi ffi = Ffi.create(dev.isthmus.cparser.DeclarationRules.LUAJIT);
    private final CdataConversion conversion = new CdataConversion(this);
    private final Initializer initializer = new Initializer(this);
    private final LuaTable cdataMetatable = new LuaTable();
    private final LuaTable namespaceMetatable = new LuaTable();
    private final Map<CType, LuaTable> metatypes = new HashMap<>();
    private final Map<CType, Map<String, FieldAccess>> fieldAccessors = new HashMap<>();
    /** Type strings parsed once, as LuaJIT caches them: scripts cast with the same string in hot loops. */
    private final Map<LuaString, CType> parsedTypes = new HashMap<>();
    private final CType int64Type;
    private final CType uint64Type;
    private final Namespace defaultNamespace;
    private final CtypeBudget ctypes = new CtypeBudget(this::checkByteSize);

    /** The ABI's size of each primitive by ordinal: the interpreter reads one on every {@code p[i]} of a scalar. */
    private final long[] primitiveByteSizes;

    private FfiLibrary(LuaRuntime runtime) {
        this.runtime = runtime;
        Primitive[] primitives = Primitive.values();
        this.primitiveByteSizes = new long[primitives.length];
        for (Primitive p : primitives) {
            primitiveByteSizes[p.ordinal()] = ffi.layouts().abi().sizeOf(p);
        }
        this.int64Type = ffi.scope().parseType("int64_t");
        this.uint64Type = ffi.scope().parseType("uint64_t");
        this.defaultNamespace = new Namespace(this, ffi.C());
    }

    /** Opens the library and makes cdata literals possible; {@link #table()} is the {@code ffi} module. */
    public static FfiLibrary install(LuaRuntime runtime, BitLibrary bit) {
        FfiLibrary lib = new FfiLibrary(runtime);
        lib.operations = new CdataOperations(lib);
        lib.operations.fill(lib.cdataMetatable, lib.namespaceMetatable);
        runtime.setCdataLiterals(new CdataLiterals() {
            @Override
            public Object int64(long value, boolean isUnsigned) {
                return new Cdata.Int64(lib, value, isUnsigned);
            }

            @Override
            public Object imaginary(double value) {
                return new Cdata.ComplexValue(lib, Primitive.COMPLEX_DOUBLE, 0, value);
            }

            @Override
            public Literal literalOf(Object constant) {
                return switch (constant) {
                    case Cdata.Int64 i -> new Literal(false, i.value(), i.isUnsigned());
                    case Cdata.ComplexValue c when c.re() == 0 -> new Literal(true, Double.doubleToRawLongBits(c.im()), false);
                    default -> null;
                };
            }
        });
        runtime.setCdataNumbers(value -> value instanceof Cdata c ? lib.toNumber(c) : null);
        runtime.setCdataLongs(value -> value instanceof Cdata.Int64 i ? (Long) i.value()
                : value instanceof Cdata.EnumValue e ? (Long) e.value() : null);
        bit.setInt64Operations(new BitInt64(lib));
        lib.functions = new FfiFunctions(lib);
        return lib;
    }

    /** The {@code ffi} module table. */
    public LuaTable table() {
        return functions.table();
    }

    private CdataOperations operations;
    private FfiFunctions functions;

    /** The module's functions; ctypes call its {@code construct} when used as constructors. */
    FfiFunctions functions() {
        return functions;
    }

    CdataOperations operations() {
        return operations;
    }

    LuaRuntime runtime() {
        return runtime;
    }

    public Ffi ffi() {
        return ffi;
    }

    CdataConversion conversion() {
        return conversion;
    }

    Initializer initializer() {
        return initializer;
    }

    LuaTable cdataMetatable() {
        return cdataMetatable;
    }

    LuaTable namespaceMetatable() {
        return namespaceMetatable;
    }

    Namespace defaultNamespace() {
        return defaultNamespace;
    }

    private final java.util.List<dev.isthmus.ffi.NativeLibrary> globalLibraries = new java.util.ArrayList<>();

    /** Libraries loaded with the global flag, searched after the C library for {@code ffi.C}'s symbols. */
    void addGlobalLibrary(dev.isthmus.ffi.NativeLibrary library) {
        if (!globalLibraries.contains(library)) {
            globalLibraries.add(library);
        }
    }

    java.util.List<dev.isthmus.ffi.NativeLibrary> globalLibraries() {
        return globalLibraries;
    }

    /** The C types this state has made, counted against LuaJIT's limit. */
    CtypeBudget ctypes() {
        return ctypes;
    }

    CType int64Type() {
        return int64Type;
    }

    CType uint64Type() {
        return uint64Type;
    }

    Map<CType, LuaTable> metatypes() {
        return metatypes;
    }

    /** The metatable {@code ffi.metatype} gave a struct or union (or the struct a pointer points to), or null. */
    LuaTable metatypeOf(CType type) {
        if (metatypes.isEmpty()) {
            return null;
        }
        CType p = CdataConversion.plain(type);
        if (p instanceof CType.Pointer ptr) {
            p = CdataConversion.plain(ptr.target());
        }
        return metatypes.get(p);
    }

    private final Map<CType, Map<LuaString, FieldAccess>> members = new HashMap<>();

    /** The member named by a Lua string, resolved once per type and name; null when the type has none. */
    FieldAccess member(CType recordType, LuaString name) {
        Map<LuaString, FieldAccess> byName = members.computeIfAbsent(recordType, t -> new HashMap<>());
        FieldAccess access = byName.get(name);
        if (access == null && !byName.containsKey(name)) {
            try {
                access = fieldAccess(recordType, name.toString());
            } catch (IllegalArgumentException e) {
                access = null;
            }
            byName.put(name, access);
        }
        return access;
    }

    /** A member accessor of a struct or union type, resolved once. */
    FieldAccess fieldAccess(CType type, String name) {
        CType plain = CdataConversion.plain(type);
        return fieldAccessors.computeIfAbsent(plain, t -> new HashMap<>())
                .computeIfAbsent(name, n -> ffi.fieldAccess(plain, n));
    }

    /**
     * A type string with LuaJIT's {@code $} parameters that are not types written in: a
     * number as an integer constant (an array size, say, truncated as LuaJIT does), a
     * string as an identifier (a member name). The {@code $} of types stay, their types added to
     * {@code types} for the parser.
     */
    private String substituteParameters(String text, Object[] parameters, List<CType> types) {
        StringBuilder out = new StringBuilder(text.length());
        int next = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != '$') {
                out.append(ch);
                continue;
            }
            if (next >= parameters.length) {
                throw new LuaError("wrong number of type parameters");
            }
            Object parameter = parameters[next++];
            switch (parameter) {
                // LuaJIT truncates; a negative count is an unsigned one far too large.
                case Double d when d <= -1 -> throw new LuaError("size of C type is unknown or too large");
                case Double d -> out.append(' ').append((long) (double) d).append(' ');
                case LuaString name -> out.append(' ').append(name).append(' ');
                default -> {
                    out.append('$');
                    types.add(typeOf(parameter, new Object[0]));
                }
            }
        }
        if (next < parameters.length) {
            // LuaJIT's parser wants every parameter used, one per $.
            throw new LuaError("wrong number of type parameters");
        }
        return out.toString();
    }

    /** The size of {@code p} on the ABI. */
    long byteSizeOf(Primitive p) {
        return primitiveByteSizes[p.ordinal()];
    }

    /** The type {@link #typeOf} parsed from {@code s} before and keeps, or null. */
    CType parsedType(LuaString s) {
        return parsedTypes.get(s);
    }

    /** The type a Lua value names: a C type string ({@code $} replaced by {@code parameters}), a ctype, or a cdata's type. */
    CType typeOf(Object value, Object[] parameters) {
        return switch (value) {
            case LuaString s when parameters.length == 0 && parsedTypes.get(s) instanceof CType known -> known;
            case LuaString s -> {
                List<CType> params = new ArrayList<>();
                String text = substituteParameters(s.toString(), parameters, params);
                try {
                    // All or nothing, as ffi.cdef: a type string's failed declarations stay undeclared.
                    CType parsed = ffi.scope().atomically(() -> {
                        CType type = ffi.scope().parseType(text, params.toArray(CType[]::new));
                        checkByteSize(type);
                        ctypes.count(type);
                        return type;
                    });
                    // A body in a type string makes a new type each time, as in LuaJIT: no caching it.
                    if (parameters.length == 0 && text.indexOf('{') < 0) {
                        parsedTypes.put(s, parsed);
                    }
                    yield parsed;
                } catch (CParseException e) {
                    throw CdefErrors.toLua(e);
                } catch (IllegalArgumentException e) {
                    throw new LuaError(e.getMessage());
                }
            }
            case Cdata c -> c.type();
            case NativeCall n -> n.type();
            default -> throw new LuaError("bad argument #1 (C type expected, got " + CdataConversion.nameOf(value) + ")");
        };
    }

    /**
     * LuaJIT's limit on a struct or union: it lays members out by bit offset in 32 bits
     * (lj_cparse.c), so a record of 2^29 bytes or more is refused.
     */
    private static final long MAX_RECORD_BYTE_SIZE = 1L << 29;

    /**
     * Refuses a struct or union of {@link #MAX_RECORD_BYTE_SIZE} bytes or more with LuaJIT's
     * "size of C type is unknown or too large" (the C parser lets it through: C has no such
     * limit), so that ffi.new never allocates one. Arrays have their own limit, checked as they
     * are parsed. A declaration ffi.cdef made stays declared (LuaJIT drops it): using it fails here.
     */
    void checkByteSize(CType type) {
        if (CdataConversion.plain(type) instanceof dev.isthmus.cparser.type.RecordType r && r.isComplete()
                && !FfiFunctions.isVariableRecord(r) && ffi.layouts().layoutOf(r).byteSize() >= MAX_RECORD_BYTE_SIZE) {
            throw new LuaError("size of C type is unknown or too large");
        }
    }

    /** Zero-filled GC-owned storage for {@code type}; {@code count} is the element count of a VLA or VLS, or -1. */
    Cdata.Memory allocate(CType type, long count) {
        checkByteSize(type);
        CData data;
        try {
            data = count >= 0 ? ffi.newCData(Arena.ofAuto(), type, count) : ffi.newCData(Arena.ofAuto(), type);
        } catch (IllegalArgumentException e) {
            throw new LuaError(e.getMessage());
        } catch (OutOfMemoryError e) {
            // The JDK's limit on native memory (or the machine's): Lua's catchable memory error.
            throw new LuaError("not enough memory");
        }
        return new Cdata.Memory(this, data);
    }

    /**
     * How many callbacks may be live at once: LuaJIT's number of callback slots on x64 (one
     * page of slot code), after which it raises "too many callbacks". Callbacks are never
     * collected (C may keep the pointer), so without a bound implicit callbacks made in a
     * loop would grow without end; {@code cb:free()} gives a slot back.
     */
    static final int CALLBACK_SLOTS = 896;
    private int liveCallbacks;

    /** LuaJIT's error when the callback slots are used up; not an argument's error even when a call argument made the callback. */
    static final class TooManyCallbacks extends LuaError {
        TooManyCallbacks() {
            super("too many callbacks");
        }
    }

    /** A callback: a C function pointer of {@code pointerType} calling the Lua function. */
    Cdata.Pointer callback(CType pointerType, LuaFunction f) {
        if (!isCallbackType(pointerType)) {
            throw new LuaError("cannot convert 'function' to '" + render(pointerType) + "'");
        }
        if (liveCallbacks >= CALLBACK_SLOTS) {
            throw new TooManyCallbacks();
        }
        Callback callback;
        try {
            LuaCallbackTarget.Target target = LuaCallbackTarget.of(this, pointerType, f);
            callback = target != null ? ffi.callback(pointerType, target.handle(), true) : ffi.callback(pointerType, callbackHandler(pointerType, f));
            if (target != null) {
                target.attach(callback);
            }
        } catch (IllegalArgumentException e) {
            throw new LuaError(e.getMessage());
        }
        liveCallbacks++;
        return new Cdata.Pointer(this, pointerType, callback.pointer().address(), callback);
    }

    /** LuaJIT's limit on a callback's parameters (lj_ccallback.c: fewer than LUA_MINSTACK - 3). */
    private static final int MAX_CALLBACK_PARAMETERS = 16;

    /**
     * Whether a Lua function converts to this function pointer type, by LuaJIT's rule
     * (lj_ccallback.c, callback_checkfunc): a fixed parameter list of at most 16 numbers of at
     * most 8 bytes, enums or pointers, and such a result or void; no complex numbers, no
     * structs or unions by value, no variadic functions.
     */
    private boolean isCallbackType(CType pointerType) {
        if (!(CdataConversion.plain(pointerType) instanceof CType.Pointer p
                && CdataConversion.plain(p.target()) instanceof CType.Function f)
                || f.isVariadic() || f.parameterTypes().size() > MAX_CALLBACK_PARAMETERS) {
            return false;
        }
        CType result = CdataConversion.plain(f.returnType());
        return (result == Primitive.VOID || isCallbackScalar(result))
                && f.parameterTypes().stream().allMatch(t -> isCallbackScalar(CdataConversion.plain(t)));
    }

    private boolean isCallbackScalar(CType plain) {
        return switch (plain) {
            case Primitive p -> p != Primitive.VOID && p != Primitive.COMPLEX_DOUBLE && p != Primitive.COMPLEX_FLOAT
                    && ffi.layouts().abi().sizeOf(p) <= 8;
            case dev.isthmus.cparser.type.EnumType e -> true;
            // Array and function parameters are pointers in a prototype.
            case CType.Pointer ptr -> true;
            case CType.Array a -> true;
            case CType.Function fn -> true;
            default -> false;
        };
    }

    /** {@code cb:free()}: LuaJIT's "bad callback" for one freed before. */
    void freeCallback(Callback callback) {
        requireLive(callback);
        callback.free();
        liveCallbacks--;
    }

    /**
     * How many bytes of a known object follow where {@code v} points: an array's or struct's
     * own size, or for a pointer the rest of the object it keeps alive (the array it was cast
     * from, a string copy; none at a callback or C function); -1 when unknown (a pointer C returned, a pointer stored in memory).
     */
    static long extentAt(Object v) {
        return switch (v) {
            // A callback's stub or a C function is code, no object of the program's: nothing to read or write there.
            case Cdata.Pointer p when p.anchor() instanceof dev.isthmus.ffi.Callback || p.anchor() instanceof NativeCall -> 0;
            case Cdata.Pointer p -> {
                MemorySegment object = objectAt(p);
                yield object == null ? -1 : object.address() + object.byteSize() - p.address();
            }
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Pointer -> -1;
            case Cdata.Memory m -> m.data().byteSize();
            default -> -1;
        };
    }

    /** The object a pointer points into and keeps alive (an array it was cast from, a string copy), or null when unknown. */
    static MemorySegment objectAt(Cdata.Pointer p) {
        // Tests, not a pattern switch: compiled code checks each pointer access through here (a
        // trace's PELEM), and a type switch is an invokedynamic that C2 left as a call there (two
        // calls a qsort comparison, 2% of its samples).
        Object anchor = p.anchor();
        MemorySegment object;
        if (anchor == null) {
            return null;
        } else if (anchor instanceof Cdata.Memory m) {
            object = m.data().segment();
        } else if (anchor instanceof MemorySegment segment) {
            object = segment;
        } else if (anchor instanceof dev.isthmus.lua.runtime.LuaString s) {
            // A string's one native copy, its bytes and the NUL after them (a cast of the string).
            object = s.nativeCopy();
        } else {
            object = null;
        }
        long offset = object == null ? -1 : p.address() - object.address();
        return offset >= 0 && offset <= object.byteSize() ? object : null;
    }

    /** The error for an access at an address no memory can be at ({@link dev.isthmus.ffi.AddressSpace}), in gdb's words. */
    static LuaError inaccessible(long address) {
        return new LuaError("cannot access memory at address 0x" + Long.toHexString(address));
    }

    static void requireLive(Callback callback) {
        if (callback.isFreed()) {
            throw new LuaError("bad callback");
        }
    }

    /** Makes an existing callback of {@code pointerType} call {@code f} from now on (LuaJIT's {@code cb:set}). */
    void setCallback(Callback callback, CType pointerType, LuaFunction f) {
        LuaCallbackTarget.Target target = LuaCallbackTarget.of(this, pointerType, f);
        if (target != null) {
            callback.set(target.handle());
            target.attach(callback);
        } else {
            callback.set(callbackHandler(pointerType, f));
        }
    }

    /** The Java handler running a Lua function as a callback of {@code pointerType}, for types {@link LuaCallbackTarget} does not take. */
    private java.util.function.Function<Object[], Object> callbackHandler(CType pointerType, LuaFunction f) {
        return args -> callFromC(f, args, pointerType);
    }

    /** Runs a Lua callback for C: arguments to Lua values, the first result back to C's return type. */
    private Object callFromC(LuaFunction f, Object[] args, CType pointerType) {
        CType.Function type = (CType.Function) CdataConversion.plain(((CType.Pointer) CdataConversion.plain(pointerType)).target());
        Object[] luaArgs = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            luaArgs[i] = conversion.toLua(args[i], type.parameterTypes().get(i));
        }
        Object r = LuaCallbackTarget.callFirst(this, f, luaArgs);
        CType ret = type.returnType();
        return CdataConversion.plain(ret) == Primitive.VOID ? null : callbackResult(conversion, f, ret, r);
    }

    /**
     * A callback's Lua result as the Java value of its C return type. A value that does not
     * convert is an error positioned, as LuaJIT positions it, at the end of the callback's
     * definition.
     */
    static Object callbackResult(CdataConversion conversion, LuaFunction f, CType returnType, Object result) {
        try {
            return conversion.toJava(result, returnType, null);
        } catch (LuaError e) {
            if (f instanceof dev.isthmus.lua.interp.LuaClosure closure && e.positionLevel() == 1) {
                var p = closure.prototype();
                throw e.withMessagePrefix(p.chunkName() + ":" + p.lastLineDefined() + ": ");
            }
            throw e;
        }
    }

    /** {@code tonumber} of a cdata: the number a scalar, 64-bit, enum or complex value holds (its real part), nil for pointers and aggregates as in LuaJIT. */
    Double toNumber(Cdata c) {
        return switch (c) {
            case Cdata.Int64 i -> i.isUnsigned() ? CdataConversion.unsignedToDouble(i.value()) : (double) i.value();
            case Cdata.ComplexValue v -> v.re();
            case Cdata.EnumValue e -> (double) e.value();
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof Primitive
                    || CdataConversion.plain(m.type()) instanceof dev.isthmus.cparser.type.EnumType -> {
                Object v = conversion.toLua(m.data().get(), m.type());
                yield v instanceof Double d ? d : v instanceof Cdata cd ? toNumber(cd) : v instanceof Boolean b ? (b ? 1.0 : 0.0) : null;
            }
            default -> null;
        };
    }

    /** The size of what a pointer to {@code target} steps over; void and functions have none. */
    long elementSize(CType target) {
        CType plain = CdataConversion.plain(target);
        if (!FfiFunctions.hasKnownSize(plain)) {
            throw new LuaError("size of C type is unknown or too large");
        }
        return ffi.layouts().layoutOf(plain).byteSize();
    }

    /** A C type as LuaJIT spells it in ctype and cdata text and in its messages ({@link LuajitTypeNames}). */
    static String render(CType type) {
        return LuajitTypeNames.of(type);
    }

    static boolean isRecord(CType type) {
        return CdataConversion.plain(type) instanceof RecordType;
    }

    // ---- what other libraries (LuaJIT's string buffers) need of cdata

    private static final CType BYTE_POINTER = CType.pointerTo(Primitive.UNSIGNED_CHAR);
    private final CType constVoidPointer = ffi.scope().parseType("const void *");

    /** A {@code uint8_t *} cdata pointing at {@code address}; {@code anchor} stays reachable while the pointer is. */
    public Object bytePointer(long address, Object anchor) {
        return new Cdata.Pointer(this, BYTE_POINTER, address, anchor);
    }

    /**
     * The address a cdata converts to as a {@code const void *} argument (pointers, arrays,
     * structs); LuaJIT's conversion message otherwise, to be put into a bad-argument error.
     */
    public long constPointerAddress(Object cdata) {
        return ((MemorySegment) conversion.toJava(cdata, constVoidPointer, new ArrayList<>())).address();
    }

    /**
     * The {@code byteSize} bytes at {@code address}, where {@code cdata} points, for reading:
     * refused as the ffi functions refuse them when no memory can be there or when they run
     * past the object the cdata is (or keeps alive).
     */
    public MemorySegment readableBytes(Object cdata, long address, long byteSize) {
        if (byteSize > 0 && dev.isthmus.ffi.AddressSpace.isNeverMapped(address, byteSize)) {
            throw inaccessible(dev.isthmus.ffi.AddressSpace.isNeverMapped(address) ? address : address + byteSize - 1);
        }
        long extent = extentAt(cdata);
        if (extent >= 0 && byteSize > extent) {
            throw new LuaError("index out of bounds");
        }
        return MemorySegment.ofAddress(address).reinterpret(byteSize);
    }

    /** A cdata's value when LuaJIT's serializer takes it: a 64-bit integer or a complex double; null for others. */
    public SerializableNumber serializableNumber(Object value) {
        if (!(value instanceof Cdata c)) {
            return null;
        }
        CType type = CdataConversion.plain(c.type());
        return switch (c) {
            case Cdata.Int64 i -> new SerializableNumber.Int64(i.value(), i.isUnsigned());
            case Cdata.ComplexValue v when type == Primitive.COMPLEX_DOUBLE -> new SerializableNumber.Complex(v.re(), v.im());
            case Cdata.Memory m when type instanceof Primitive p && p.isInteger() && p != Primitive.BOOL && ffi.layouts().layoutOf(p).byteSize() == 8 ->
                    new SerializableNumber.Int64(m.data().segment().get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, 0), p.isUnsigned());
            case Cdata.Memory m when type == Primitive.COMPLEX_DOUBLE -> new SerializableNumber.Complex(
                    m.data().segment().get(java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED, 0),
                    m.data().segment().get(java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED, 8));
            default -> null;
        };
    }

    /** The cdata a serialized number decodes to: {@code int64_t}, {@code uint64_t} or {@code complex}. */
    public Object cdataOf(SerializableNumber number) {
        return switch (number) {
            case SerializableNumber.Int64(long bits, boolean isUnsigned) -> new Cdata.Int64(this, bits, isUnsigned);
            case SerializableNumber.Complex(double re, double im) -> new Cdata.ComplexValue(this, Primitive.COMPLEX_DOUBLE, re, im);
        };
    }

    /** The cdata values LuaJIT's serializer encodes ({@code lj_serialize.c}): 64-bit integers and complex doubles. */
    public sealed interface SerializableNumber {
        record Int64(long bits, boolean isUnsigned) implements SerializableNumber {
        }

        record Complex(double re, double im) implements SerializableNumber {
        }
    }
}
