package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.CParseException;
import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.ffi.Complex;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.ffi.FieldAccess;
import dev.isthmus.ffi.NativeLibrary;
import dev.isthmus.lua.runtime.Arguments;
import dev.isthmus.lua.runtime.JavaFunction;
import dev.isthmus.lua.runtime.LuaArgumentError;
import dev.isthmus.lua.runtime.LuaError;
import dev.isthmus.lua.runtime.LuaFunction;
import dev.isthmus.lua.runtime.LuaString;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/** The functions of the {@code ffi} module table, as LuaJIT documents them ({@code ffi.*} API). */
final class FfiFunctions {
    private final FfiLibrary lib;
    private final LuaTable table = new LuaTable();
    /** The type string of the last pointer cast {@link #castForOneResult} made, and its pointer type. */
    private LuaString lastPointerCastName;
    private CType lastPointerCastType;
    /** {@code ffi.cast} as the module made it (a script may replace the table's entry). */
    private final JavaFunction castFunction;

    FfiFunctions(FfiLibrary lib) {
        this.lib = lib;
        add("cdef", this::cdef);
        add("load", this::load);
        add("new", args -> new Object[] {construct(lib.typeOf(ctypeArgument(args, "new"), new Object[0]),
                Arrays.copyOfRange(args, 1, args.length))});
        add("cast", this::cast);
        castFunction = ((JavaFunction) table.get(LuaString.of("cast"))).withOneResultBody(this::castForOneResult);
        add("typeof", args -> {
            Object type = ctypeArgument(args, "typeof");
            return new Object[] {new Cdata.TypeObject(lib, lib.typeOf(type, Arrays.copyOfRange(args, 1, args.length)))};
        });
        add("metatype", this::metatype);
        add("gc", this::gc);
        add("sizeof", this::sizeof);
        add("alignof", this::alignof);
        add("offsetof", this::offsetof);
        add("istype", this::istype);
        add("errno", args -> {
            int previous = args.length > 0 ? lib.ffi().errno((int) intArgument(args, 0, "errno")) : lib.ffi().errno();
            return new Object[] {(double) previous};
        });
        add("string", this::string);
        add("copy", this::copy);
        add("fill", this::fill);
        add("abi", args -> {
            String what = new Arguments("abi", args).checkString(0).toString();
            boolean answer = switch (what) {
                case "64bit", "le", "fpu", "hardfp", "eabi" -> !what.equals("eabi");
                default -> false;
            };
            return new Object[] {answer};
        });
        table.put(LuaString.of("C"), lib.defaultNamespace());
        table.put(LuaString.of("os"), LuaString.of(System.getProperty("os.name").startsWith("Linux") ? "Linux" : "Other"));
        table.put(LuaString.of("arch"), LuaString.of(System.getProperty("os.arch").equals("aarch64") ? "arm64" : "x64"));
    }

    private void add(String name, JavaFunction.Body body) {
        table.put(LuaString.of(name), new JavaFunction(name, body));
    }

    LuaTable table() {
        return table;
    }

    private Object[] cdef(Object[] args) {
        LuaString text = new Arguments("cdef", args).checkString(0);
        try {
            declareAllOrNothing(text.toString());
        } catch (CParseException e) {
            var d = e.first();
            if (d.kind() != dev.isthmus.cparser.CErrorKind.EXPECTED_SEMICOLON || d.token() != null && !d.token().isEmpty()
                    || hasEndedDeclaration(text.toString())) {
                throw CdefErrors.toLua(e);
            }
            // LuaJIT takes a sole declaration without its ';' (ffi.cdef "int getpid(void)"), not a later one.
            try {
                declareAllOrNothing(text + ";");
            } catch (CParseException again) {
                throw CdefErrors.toLua(e);
            }
        }
        return LuaFunction.NONE;
    }

    /**
     * Declares C text and counts its types, or, when anything in it fails, nothing at all: LuaJIT
     * restores its type table after a failed {@code ffi.cdef}, so a struct refused as too large,
     * or declared before a later syntax error in the same text, stays undeclared.
     */
    private void declareAllOrNothing(String text) {
        lib.ffi().scope().atomically(() -> {
            lib.ffi().cdef(text).forEach(lib.ctypes()::count);
            return null;
        });
    }

    /** Whether C text has a ';' outside braces, comments, strings and directive lines: a first declaration ended. */
    private static boolean hasEndedDeclaration(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' && text.startsWith("//", i) || c == '#') {
                i = Math.max(i, text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i));
            } else if (c == '/' && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 1;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c) {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ';' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code ffi.load(name [, global])}: with {@code global} true, the library's symbols also become reachable through {@code ffi.C}. */
    private Object[] load(Object[] args) {
        Arguments a = new Arguments("load", args);
        LuaString name = a.checkString(0);
        try {
            NativeLibrary library = lib.ffi().load(name.toString());
            if (!LuaType.isFalsy(a.get(1))) {
                lib.addGlobalLibrary(library);
            }
            return new Object[] {new Namespace(lib, library)};
        } catch (dev.isthmus.ffi.LibraryNotFoundException e) {
            // LuaJIT reports the dynamic loader's message for the name it tried (libNAME.so for a short name).
            throw new LuaError(e.attempts().isEmpty() ? e.getMessage() : e.attempts().getFirst().reason());
        } catch (IllegalArgumentException e) {
            throw new LuaError(e.getMessage());
        }
    }

    /** {@code ffi.new} and calling a ctype: a VLA/VLS count first, then initializers; a metatype's {@code __new} overrides. */
    Object construct(CType type, Object[] args) {
        var reference = CdataConversion.reference(type);
        if (reference.isPresent()) {
            return bindReference(type, reference.get(), args.length > 0 ? args[0] : null, false);
        }
        CType plain = CdataConversion.plain(type);
        long count = -1;
        int first = 0;
        if (isVariable(plain)) {
            if (args.length == 0) {
                throw new LuaArgumentError(2, "new", "value expected");
            }
            if (!(args[0] instanceof Double || args[0] instanceof Cdata.Int64)) {
                // The count converts to an int as a C argument does (LuaJIT's ffi_checkint).
                args = args.clone();
                args[0] = (double) intArgument(new Object[] {null, args[0]}, 1, "new");
            }
            first = 1;
        }
        if (!hasKnownSize(plain)) {
            // LuaJIT words a variable-length array of such elements without naming an argument.
            throw first == 1 ? new LuaError("size of C type is unknown or too large")
                    : new LuaArgumentError(1, "new", "size of C type is unknown or too large");
        }
        if (first == 1) {
            count = variableCount(type, args[0]);
            if (count < 0) {
                throw new LuaArgumentError(1, "new", "size of C type is unknown or too large");
            }
        }
        boolean isComplex = plain == Primitive.COMPLEX_DOUBLE || plain == Primitive.COMPLEX_FLOAT;
        if (isComplex && args.length > 1) {
            // LuaJIT's two initializers of a complex number: its real and imaginary parts.
            if (args.length > 2) {
                throw tooManyInitializers(type);
            }
            return convertScalar(type, new Cdata.ComplexValue(lib, Primitive.COMPLEX_DOUBLE, complexPart(args[0], type), complexPart(args[1], type)));
        }
        if (CdataConversion.is64BitInteger(plain, lib) || isComplex || plain instanceof CType.Pointer) {
            // Boxed values: one initializer, converted by the rules of ffi.new, not of a cast.
            if (args.length > 1) {
                throw tooManyInitializers(type);
            }
            Object v = args.length == 0 ? (plain instanceof CType.Pointer ? null : 0.0) : args[0];
            ConversionRules.check(v, type, false);
            if (plain instanceof CType.Pointer && !(v instanceof LuaFunction)) {
                // Without a cast a pointer's target must be compatible (CdataConversion.isCompatiblePointee):
                // the conversion a store would make checks it; the cdata itself is made as a cast makes it.
                lib.conversion().toJava(v, type, null);
            }
            return convertScalar(type, v);
        }
        Cdata.Memory m = lib.allocate(type, count);
        if (first < args.length) {
            lib.initializer().initialize(m, Arrays.copyOfRange(args, first, args.length), type);
        }
        LuaTable mt = lib.metatypeOf(type);
        if (mt != null && mt.get(LuaString.of("__gc")) instanceof LuaFunction finalizer) {
            setFinalizer(m, finalizer);
        }
        return m;
    }

    /** LuaJIT's largest object: its sizes are 32 bits, the top bit marking a size as invalid. */
    private static final long MAX_OBJECT_BYTES = 0x7fffffffL;

    /**
     * The element count a number gives a VLA or VLS, truncated as LuaJIT truncates it, or -1
     * when LuaJIT refuses it: negative, NaN, or an object larger than {@link #MAX_OBJECT_BYTES}.
     */
    private long variableCount(CType type, Object v) {
        double d = switch (v) {
            case Double x -> x;
            case Cdata.Int64 i -> i.isUnsigned() && i.value() < 0 ? Double.POSITIVE_INFINITY : i.value();
            default -> Double.NaN;
        };
        if (!(d >= 0 && d <= MAX_OBJECT_BYTES)) {
            return -1;
        }
        long count = (long) d;
        return lib.ffi().variableByteSize(type, count) <= MAX_OBJECT_BYTES ? count : -1;
    }

    /** Whether objects of a type have a size: not void, a function, an incomplete struct, union or enum, or arrays of them. */
    /** Whether a type has a size: not void, a function, an incomplete record, enum or array. */
    static boolean hasKnownSize(CType plain) {
        return switch (plain) {
            case Primitive p -> p != Primitive.VOID;
            case CType.Function f -> false;
            case RecordType r -> r.isComplete();
            case dev.isthmus.cparser.type.EnumType e -> e.isComplete();
            case CType.Array a -> a.kind() != CType.ArrayKind.INCOMPLETE && hasKnownSize(CdataConversion.plain(a.element()));
            default -> true;
        };
    }

    private static boolean isVariable(CType plain) {
        if (plain instanceof CType.Array a && a.kind() == CType.ArrayKind.VARIABLE) {
            return true;
        }
        return plain instanceof RecordType r && isVariableRecord(r);
    }

    /** Whether a struct ends in a variable-length array ({@code int b[?]}): its size is its count's. */
    static boolean isVariableRecord(RecordType r) {
        if (r.isComplete() && !r.body().members().isEmpty()) {
            CType last = CdataConversion.plain(r.body().members().getLast().type());
            return last instanceof CType.Array a && a.kind() == CType.ArrayKind.VARIABLE;
        }
        return false;
    }

    private static final Object[] NO_TYPE_PARAMETERS = new Object[0];

    /**
     * {@code ffi.cast} for one result, its arguments in the caller's registers: a pointer cast
     * to a type string's pointer type (what a comparator does to its {@code const void *}
     * arguments) without the argument and result arrays once the string was parsed, anything
     * else by {@link #cast}.
     */
    private Object castForOneResult(Object[] registers, int from, int count) {
        if (count > 1 && registers[from + 1] instanceof Cdata.Pointer p) {
            // The same string object as last time (a constant of the calling function) names the same type.
            Object name = registers[from];
            if (name == lastPointerCastName) {
                return pointerCast(lastPointerCastType, p);
            }
            if (name instanceof LuaString s && lib.parsedType(s) instanceof CType type && CType.unqualified(type) instanceof CType.Pointer) {
                lastPointerCastName = s;
                lastPointerCastType = type;
                return pointerCast(type, p);
            }
        }
        return cast(Arrays.copyOfRange(registers, from, from + count))[0];
    }

    /**
     * A pointer cast to a pointer type (a callback's void * to what it points at): the address
     * and what it anchors kept, whatever the types, as C's cast rules need nothing else.
     */
    private Cdata.Pointer pointerCast(CType type, Cdata.Pointer p) {
        return new Cdata.Pointer(lib, type, p.address(), p.anchor());
    }

    /** Whether {@code f} is this module's {@code ffi.cast}. */
    boolean isCast(Object f) {
        return f == castFunction;
    }

    private Object[] cast(Object[] args) {
        Arguments a = new Arguments("cast", args);
        CType type = lib.typeOf(ctypeArgument(args, "cast"), NO_TYPE_PARAMETERS);
        if (args.length > 1 && args[1] instanceof Cdata.Pointer p && CType.unqualified(type) instanceof CType.Pointer) {
            return new Object[] {pointerCast(type, p)};
        }
        var reference = CdataConversion.reference(type);
        if (reference.isPresent()) {
            a.checkAny(1);
            return new Object[] {bindReference(type, reference.get(), a.get(1), true)};
        }
        // LuaJIT casts to numbers, pointers and enums only (lj_cf_ffi_cast): not to void,
        // records, arrays, functions, vectors or complex numbers (arrays of two in LuaJIT).
        boolean isScalar = switch (CdataConversion.plain(type)) {
            case Primitive p -> p.isInteger() || p.isFloating();
            case CType.Pointer p -> true;
            case dev.isthmus.cparser.type.EnumType e -> true;
            default -> false;
        };
        if (!isScalar) {
            throw a.bad(0, "invalid C type");
        }
        a.checkAny(1);
        Object v = a.get(1);
        // An array decays to a pointer to its first element, so it casts to an integer as that
        // pointer would (ffi.cast("uintptr_t", buf) is the buffer's address in LuaJIT; ffi.new refuses it).
        if (v instanceof Cdata.Memory m && CdataConversion.plain(m.type()) instanceof CType.Array array
                && (CdataConversion.plain(type) instanceof Primitive p && p.isInteger() && p != Primitive.BOOL
                    || CdataConversion.plain(type) instanceof dev.isthmus.cparser.type.EnumType)) {
            v = new Cdata.Pointer(lib, CType.pointerTo(array.element()), m.data().segment().address(), m);
        }
        return new Object[] {castValue(type, v)};
    }

    /**
     * A reference of {@code type} bound to what {@code v} designates, as LuaJIT converts a value
     * to {@code T &} (a pointer to it, dereferenced wherever it is used): an object of the
     * referenced type, an array's first element, or what a pointer points to; a cast takes any
     * pointer or object whatever its type. LuaJIT also makes NULL references (no initializer,
     * a NULL pointer); using one faults, and a fault kills the JVM, so here making one is an error.
     */
    private Cdata.Memory bindReference(CType type, CType.Reference reference, Object v, boolean isCast) {
        CType target = reference.target();
        long size = lib.elementSize(target);
        CType from;
        long address;
        switch (v) {
            case null -> throw new LuaError("cannot bind '" + FfiLibrary.render(type) + "' to a NULL pointer");
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Array a -> {
                from = a.element();
                address = m.data().segment().address();
            }
            case Cdata.Memory m when !(CdataConversion.plain(m.type()) instanceof CType.Pointer) -> {
                from = m.type();
                address = m.data().segment().address();
            }
            case Cdata.Memory m -> {
                from = ((CType.Pointer) CdataConversion.plain(m.type())).target();
                address = ((MemorySegment) m.data().get()).address();
            }
            case Cdata.Pointer p when CdataConversion.plain(p.type()) instanceof CType.Pointer ptr -> {
                from = ptr.target();
                address = p.address();
            }
            default -> throw CdataConversion.cannotConvert(v, type);
        }
        if (!isCast && !lib.conversion().isCompatiblePointee(from, target, false)) {
            throw CdataConversion.cannotConvert(v, type);
        }
        if (address == 0) {
            throw new LuaError("cannot bind '" + FfiLibrary.render(type) + "' to a NULL pointer");
        }
        if (dev.isthmus.ffi.AddressSpace.isNeverMapped(address, size)) {
            throw FfiLibrary.inaccessible(address);
        }
        var view = lib.ffi().view(target, MemorySegment.ofAddress(address).reinterpret(size));
        return new Cdata.Memory(lib, view, new java.util.ArrayList<>(java.util.List.of(v)), type);
    }

    /** A complex float's part holds a float's value. */
    private static double narrow(double part, boolean isFloat) {
        return isFloat ? (float) part : part;
    }

    private static double complexPart(Object v, CType type) {
        return switch (v) {
            case null -> 0;
            case Double d -> d;
            default -> throw CdataConversion.cannotConvert(v, type);
        };
    }

    static LuaError tooManyInitializers(CType type) {
        return new LuaError("too many initializers for '" + FfiLibrary.render(type) + "'");
    }

    /** {@code ffi.cast}: a conversion by C's cast rules, to a boxed scalar, pointer or 64-bit value. */
    Object castValue(CType type, Object v) {
        ConversionRules.check(v, type, true);
        return convertScalar(type, v);
    }

    /** A value LuaJIT's conversion table allows for {@code type} ({@link ConversionRules}), converted. */
    private Object convertScalar(CType type, Object v) {
        CType plain = CdataConversion.plain(type);
        if (plain instanceof CType.Pointer ptr) {
            return switch (v) {
                case null -> new Cdata.Pointer(lib, type, 0);
                case Double d -> new Cdata.Pointer(lib, type, (long) (double) d);
                case Cdata.Int64 i -> new Cdata.Pointer(lib, type, i.value());
                case Cdata.Pointer p -> new Cdata.Pointer(lib, type, p.address(), p.anchor());
                case Cdata.Memory m -> castToPointer(type, m);
                case Cdata.EnumValue e -> new Cdata.Pointer(lib, type, e.value());
                case NativeCall n -> new Cdata.Pointer(lib, type, n.address(), n);
                // The string's one native copy (LuaString.nativeCopy), anchored by the string.
                case LuaString s -> new Cdata.Pointer(lib, type, s.nativeCopy().address(), s);
                case LuaFunction f when CdataConversion.plain(ptr.target()) instanceof CType.Function -> lib.callback(type, f);
                default -> throw CdataConversion.cannotConvert(v, type);
            };
        }
        if (CdataConversion.is64BitInteger(plain, lib)) {
            boolean isUnsigned = ((Primitive) plain).isUnsigned();
            long bits = switch (v) {
                case null -> 0;
                case Double d -> isUnsigned ? doubleToUint64(d) : doubleToInt64(d);
                case Cdata.Int64 i -> i.value();
                case Cdata.Pointer p -> p.address();
                case LuaString s -> s.nativeCopy().address();
                case Boolean b -> b ? 1 : 0;
                case NativeCall n -> n.address();
                case Cdata.Memory p when CdataConversion.plain(p.type()) instanceof CType.Pointer -> ((MemorySegment) p.data().get()).address();
                default -> {
                    Object j = lib.conversion().toJava(v, type, null);
                    yield j instanceof Number n ? n.longValue() : 0;
                }
            };
            return new Cdata.Int64(lib, bits, isUnsigned);
        }
        if (plain == Primitive.COMPLEX_DOUBLE || plain == Primitive.COMPLEX_FLOAT) {
            boolean isFloat = plain == Primitive.COMPLEX_FLOAT;
            return switch (v) {
                case Cdata.ComplexValue c -> new Cdata.ComplexValue(lib, plain, narrow(c.re(), isFloat), narrow(c.im(), isFloat));
                case Double d -> new Cdata.ComplexValue(lib, plain, narrow(d, isFloat), 0);
                default -> {
                    Complex c = (Complex) lib.conversion().toJava(v, type, null);
                    yield new Cdata.ComplexValue(lib, plain, narrow(c.re(), isFloat), narrow(c.im(), isFloat));
                }
            };
        }
        Cdata.Memory m = lib.allocate(type, -1);
        Object value = v;
        // Pointers cast to integers and enums as their addresses (ConversionRules allows no other
        // destination): nil is NULL, and a string the const char array it converts to.
        if (v instanceof Cdata.Pointer p) {
            value = new Cdata.Int64(lib, p.address(), true);
        } else if (v == null) {
            value = 0.0;
        } else if (v instanceof LuaString str && plain instanceof Primitive) {
            value = new Cdata.Int64(lib, str.nativeCopy().address(), true);
        }
        lib.initializer().store(m.data(), value, m.anchors());
        return m;
    }

    /**
     * An object cast to a pointer: a pointer object gives the pointer it holds, an integer or
     * enum scalar its value (LuaJIT: {@code ffi.cast("void *", ffi.new("int", -1))} is
     * {@code (void *)-1}), an array or struct its address; other scalars do not convert.
     */
    private Cdata.Pointer castToPointer(CType type, Cdata.Memory m) {
        CType plain = CdataConversion.plain(m.type());
        if (plain instanceof CType.Pointer) {
            return new Cdata.Pointer(lib, type, ((MemorySegment) m.data().get()).address(), m);
        }
        if (plain instanceof Primitive p && p.isInteger() && p != Primitive.BOOL || plain instanceof dev.isthmus.cparser.type.EnumType) {
            return new Cdata.Pointer(lib, type, ((Number) m.data().get()).longValue());
        }
        if (plain instanceof Primitive) {
            throw CdataConversion.cannotConvert(m, type);
        }
        return new Cdata.Pointer(lib, type, m.data().segment().address(), m);
    }

    /**
     * A double to uint64 as LuaJIT converts it (checked against luajit): numbers from -1 down,
     * NaN and numbers from 2^64 + 2^63 up give 2^63; numbers between -1 and 0 truncate to 0;
     * numbers from 2^63 up wrap through the signed range, and from 2^64 up wrap once more.
     */
    static long doubleToUint64(double d) {
        if (Double.isNaN(d) || d <= -1) {
            return Long.MIN_VALUE;
        }
        if (d >= 1.8446744073709552E19) {
            // LuaJIT subtracts 2^64 once: up to 2^64 + 2^63 the rest wraps, beyond it is out of range.
            double rest = d - 1.8446744073709552E19;
            return rest < 9.223372036854775807E18 ? (long) rest : Long.MIN_VALUE;
        }
        if (d >= 9.223372036854775807E18) {
            return (long) (d - 9.223372036854775808E18) + Long.MIN_VALUE;
        }
        return (long) d;
    }

    /**
     * A double to a C integer type of {@code byteSize} bytes, as LuaJIT converts it on x64
     * (checked against luajit): 64-bit types by {@link #doubleToInt64}/{@link #doubleToUint64},
     * {@code uint32_t} through int64, and {@code int32_t} and every narrower type through
     * {@link #doubleToInt32}; the caller keeps the low bytes.
     */
    static long doubleToInteger(double d, long byteSize, boolean isUnsigned) {
        if (byteSize == 8) {
            return isUnsigned ? doubleToUint64(d) : doubleToInt64(d);
        }
        return byteSize == 4 && isUnsigned ? doubleToInt64(d) : doubleToInt32(d);
    }

    /** A double to int32 as x64's truncating conversion gives it: out of range and NaN give INT_MIN. */
    static int doubleToInt32(double d) {
        return d > -2147483649.0 && d < 2147483648.0 ? (int) d : Integer.MIN_VALUE;
    }

    /**
     * A double to int64 as LuaJIT's conversion does on x64: truncation, NaN and everything out of
     * range (2^63 and up included) giving the "integer indefinite" INT64_MIN.
     */
    static long doubleToInt64(double d) {
        if (Double.isNaN(d) || d >= 9.223372036854775807E18 || d < -9.223372036854775808E18) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    private Object[] metatype(Object[] args) {
        Arguments a = new Arguments("metatype", args);
        CType type = CdataConversion.plain(lib.typeOf(ctypeArgument(args, "metatype"), new Object[0]));
        LuaTable mt = a.checkTable(1);
        if (!(type instanceof RecordType)) {
            throw new LuaArgumentError(1, "metatype", "invalid C type");
        }
        if (lib.metatypes().containsKey(type)) {
            throw new LuaError("cannot change a protected metatable");
        }
        lib.metatypes().put(type, mt);
        return new Object[] {new Cdata.TypeObject(lib, type)};
    }

    private Object[] gc(Object[] args) {
        Arguments a = new Arguments("gc", args);
        Object target = a.get(0);
        if (target instanceof NativeCall) {
            throw a.bad(0, "invalid C type");
        }
        if (!(target instanceof Cdata c)) {
            throw new LuaArgumentError(1, "gc", "cdata expected, got " + (args.length == 0 ? "no value" : LuaType.of(target).luaName()));
        }
        a.checkAny(1);
        // LuaJIT finalizes pointers, structs, unions and arrays only, not scalars or boxed numbers.
        CType plain = CdataConversion.plain(c.type());
        if (!(plain instanceof CType.Pointer || plain instanceof RecordType || plain instanceof CType.Array)) {
            throw a.bad(0, "invalid C type");
        }
        setFinalizer(c, a.get(1));
        return new Object[] {target};
    }

    /** An object's finalizer, replaceable: {@code ffi.gc} sets another or, with nil, none (LuaJIT). */
    private static final class FinalizerSlot {
        volatile Object finalizer;

        FinalizerSlot(Object finalizer) {
            this.finalizer = finalizer;
        }
    }

    /**
     * The finalizer slots of objects that have one, by the object's identity: the memory
     * ({@link dev.isthmus.ffi.CData}, compared by identity) of an object with storage, else the
     * cdata itself. Weak, so the map keeps nothing alive.
     */
    private final java.util.Map<Object, FinalizerSlot> finalizers = new java.util.WeakHashMap<>();

    private static Object finalizerKey(Cdata c) {
        return c instanceof Cdata.Memory m ? m.data() : c;
    }

    /** {@code ffi.gc(c, finalizer)}, and a metatype's {@code __gc} at construction: replaces the finalizer, nil removing it. */
    void setFinalizer(Cdata c, Object finalizer) {
        FinalizerSlot slot = finalizers.get(finalizerKey(c));
        if (slot != null) {
            slot.finalizer = finalizer;
        } else if (finalizer != null) {
            registerFinalizer(c, finalizer);
        }
    }

    /**
     * Runs {@code finalizer} once {@code c} is unreachable, on the Lua thread at the next safe
     * point, with a new cdata for the same object (the original cannot be resurrected on the
     * JVM); for memory the VM allocated, the finalizer keeps that memory alive until it has run.
     */
    private void registerFinalizer(Cdata c, Object finalizer) {
        Object twin = switch (c) {
            case Cdata.Pointer p -> new Cdata.Pointer(lib, p.type(), p.address());
            case Cdata.Memory m -> new Cdata.Memory(lib, lib.ffi().view(m.data().type(), m.data().segment()), m.anchors(), m.type());
            default -> c;
        };
        FinalizerSlot slot = new FinalizerSlot(finalizer);
        finalizers.put(finalizerKey(c), slot);
        var runtime = lib.runtime();
        runtime.finalizerRegistered(c);
        // Always enqueued, so collectgarbage counts it as arrived; run only if still set.
        FINALIZERS.register(c, () -> runtime.enqueueFinalizer(() -> {
            Object f = slot.finalizer;
            if (f != null) {
                runtime.semantics().call(f, new Object[] {twin});
            }
        }));
    }

    private static final java.lang.ref.Cleaner FINALIZERS = java.lang.ref.Cleaner.create();

    private Object[] sizeof(Object[] args) {
        Arguments a = new Arguments("sizeof", args);
        Object v = ctypeArgument(args, "sizeof");
        if (v instanceof Cdata.Memory m) {
            return new Object[] {(double) m.data().byteSize()};
        }
        CType type = lib.typeOf(v, new Object[0]);
        CType plain = CdataConversion.plain(type);
        if (isVariable(plain)) {
            if (a.get(1) == null) {
                throw new LuaArgumentError(2, "sizeof", "value expected");
            }
            long count = variableCount(type, args[1] instanceof Double d ? d : (double) intArgument(args, 1, "sizeof"));
            return new Object[] {count < 0 ? null : (double) lib.ffi().variableByteSize(type, count)};
        }
        if (!hasKnownSize(plain)) {
            return new Object[] {null};
        }
        // A reference's size is what it refers to (LuaJIT), its alignment a pointer's.
        CType sized = CdataConversion.reference(type).<CType>map(CType.Reference::target).orElse(type);
        return new Object[] {(double) lib.ffi().layouts().layoutOf(sized).byteSize()};
    }

    /** {@code ffi.alignof}: a type without a size (void, a function, an incomplete type) aligns to 1 in LuaJIT. */
    private Object[] alignof(Object[] args) {
        CType type = lib.typeOf(ctypeArgument(args, "alignof"), new Object[0]);
        CType plain = CdataConversion.plain(type);
        boolean aligns = plain instanceof CType.Array a ? hasKnownSize(CdataConversion.plain(a.element())) : hasKnownSize(plain);
        return new Object[] {aligns ? (double) lib.ffi().layouts().layoutOf(type).byteAlignment() : 1.0};
    }

    /** A LuaJIT variable-length array {@code T[?]}, or a struct ending in one. */
    private Object[] offsetof(Object[] args) {
        Arguments a = new Arguments("offsetof", args);
        CType type = lib.typeOf(ctypeArgument(args, "offsetof"), new Object[0]);
        String field = a.checkString(1).toString();
        // No such member (or no record): LuaJIT returns no value at all, not nil.
        if (!(CdataConversion.plain(type) instanceof RecordType r) || field.isEmpty()) {
            return new Object[0];
        }
        var layout = lib.ffi().layouts().abi().layoutOf(r);
        for (var f : layout.fields()) {
            if (f.name().isPresent() && f.name().get().equals(field)) {
                if (f.bitField().isPresent()) {
                    var b = f.bitField().get();
                    long storage = lib.ffi().layouts().layoutOf(f.type()).byteSize();
                    long unit = b.bitOffset() / (storage * 8) * storage;
                    return new Object[] {(double) unit, (double) (b.bitOffset() - unit * 8), (double) b.bitWidth()};
                }
                return new Object[] {(double) f.byteOffset()};
            }
        }
        try {
            FieldAccess access = lib.fieldAccess(type, field);
            return new Object[] {(double) access.byteOffset()};
        } catch (IllegalArgumentException e) {
            return new Object[0];
        }
    }

    /**
     * {@code ffi.istype(ct, obj)}: whether {@code obj} (a cdata, or a ctype object for the
     * type it stands for) has the type {@code ct}, as LuaJIT's ffi_istype decides: types equal
     * once typedefs and qualifiers are gone, numbers differing only in how their type was
     * spelled ({@code long} and {@code long long}), pointers compatible ignoring qualifiers,
     * and a struct matched by a pointer to it.
     */
    private Object[] istype(Object[] args) {
        Arguments a = new Arguments("istype", args);
        CType type = CdataConversion.plain(lib.typeOf(ctypeArgument(args, "istype"), new Object[0]));
        Object v = a.checkAny(1);
        if (!(v instanceof Cdata c)) {
            return new Object[] {Boolean.FALSE};
        }
        CType actual = CdataConversion.plain(v instanceof Cdata.TypeObject t ? t.type() : c.type());
        boolean viaPointer = type instanceof RecordType && actual instanceof CType.Pointer p && CdataConversion.plain(p.target()).equals(type);
        return new Object[] {sameType(type, actual) || viaPointer};
    }

    private boolean sameType(CType t1, CType t2) {
        return switch (t1) {
            case Primitive p1 when t2 instanceof Primitive p2 -> p1 == p2 || p1.isInteger() && p2.isInteger()
                    && p1 != Primitive.BOOL && p2 != Primitive.BOOL && p1.isUnsigned() == p2.isUnsigned()
                    && lib.elementSize(p1) == lib.elementSize(p2);
            case CType.Array a1 when t2 instanceof CType.Array a2 -> a1.kind() == a2.kind() && a1.length() == a2.length()
                    && sameType(CdataConversion.plain(a1.element()), CdataConversion.plain(a2.element()));
            // LuaJIT's pointer compatibility with qualifiers ignored (CCF_IGNQUAL): no void shortcut.
            case CType.Pointer p1 when t2 instanceof CType.Pointer p2 -> lib.conversion().isCompatiblePointee(
                    CdataConversion.plain(p1.target()), CdataConversion.plain(p2.target()), true);
            default -> t1.equals(t2);
        };
    }

    private Object[] string(Object[] args) {
        Arguments a = new Arguments("string", args);
        Object v = a.checkAny(0);
        // Given a length, the argument converts to const void *; without, to const char * (LuaJIT's ffi.string).
        boolean hasLength = a.get(1) != null;
        if (v instanceof Cdata && !(v instanceof Cdata.Pointer && ((Cdata.Pointer) v).address() == 0)
                && !(hasLength ? isMemory(v) : isCharMemory(v))) {
            throw new LuaArgumentError(1, "string", "cannot convert '" + CdataConversion.nameOf(v) + "' to '"
                    + (hasLength ? "const void *" : "const char *") + "'");
        }
        MemorySegment start = switch (v) {
            case null -> null;
            case Cdata.Pointer p -> p.address() == 0 ? null : MemorySegment.ofAddress(p.address());
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Pointer -> (MemorySegment) m.data().get();
            case Cdata.Memory m -> m.data().segment();
            case LuaString s -> null;
            default -> throw new LuaArgumentError(1, "string", "cannot convert '" + CdataConversion.nameOf(v) + "' to 'const char *'");
        };
        // The length converts to an int as C arguments do (LuaJIT's ffi_checkint).
        long length = hasLength ? intArgument(args, 1, "string") : -1;
        if (hasLength && length < 0) {
            // LuaJIT reads the length as an unsigned size, so a negative one is too long.
            throw new LuaError("string length overflow");
        }
        if (v instanceof LuaString s) {
            return new Object[] {hasLength ? s.substring(0, (int) Math.min(s.length(), length)) : s};
        }
        if (length == 0) {
            return new Object[] {LuaString.EMPTY}; // reads no byte, so even NULL is fine, as in LuaJIT
        }
        if (start == null || start.address() == 0) {
            throw new LuaArgumentError(1, "string", "cannot convert 'NULL' to 'const char *'");
        }
        if (dev.isthmus.ffi.AddressSpace.isNeverMapped(start.address())) {
            throw FfiLibrary.inaccessible(start.address());
        }
        long extent = FfiLibrary.extentAt(v);
        if (hasLength) {
            long n = length;
            if (n > 0 && dev.isthmus.ffi.AddressSpace.isNeverMapped(start.address(), n)) {
                throw FfiLibrary.inaccessible(start.address() + n - 1);
            }
            if (extent >= 0 && n > extent) {
                throw new LuaError("index out of bounds");
            }
            return new Object[] {LuaString.wrap(start.reinterpret(n).toArray(ValueLayout.JAVA_BYTE))};
        }
        // Up to the first NUL; within the object when its end is known, as C's strlen would not stop.
        MemorySegment bytes = start.reinterpret(extent >= 0 ? extent : Long.MAX_VALUE);
        long n = 0;
        long limit = bytes.byteSize();
        while (n < limit && bytes.get(ValueLayout.JAVA_BYTE, n) != 0) {
            n++;
        }
        return new Object[] {LuaString.wrap(bytes.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE))};
    }

    /** Whether a cdata converts to {@code const void *}: a pointer, an array or a struct. */
    private static boolean isMemory(Object v) {
        return v instanceof Cdata.Pointer || v instanceof Cdata.Memory;
    }

    /** Whether a cdata converts to {@code const char *}: a pointer to or an array of void or a byte-sized integer other than bool. */
    private static boolean isCharMemory(Object v) {
        CType type = v instanceof Cdata c ? CdataConversion.plain(c.type()) : null;
        CType target = switch (type) {
            case CType.Pointer p when isMemory(v) -> CdataConversion.plain(p.target());
            case CType.Array a when v instanceof Cdata.Memory -> CdataConversion.plain(a.element());
            case null, default -> null;
        };
        return target == Primitive.VOID || target == Primitive.CHAR || target == Primitive.SIGNED_CHAR || target == Primitive.UNSIGNED_CHAR;
    }

    /**
     * Argument 1 of the functions taking a C type: a type string, a ctype or a cdata; else
     * LuaJIT's argument error ("C type expected, got number").
     */
    private static Object ctypeArgument(Object[] args, String function) {
        Object v = args.length > 0 ? args[0] : null;
        if (!(v instanceof LuaString || v instanceof Cdata || v instanceof NativeCall)) {
            throw new LuaArgumentError(1, function, "C type expected, got " + (args.length == 0 ? "no value" : LuaType.of(v).luaName()));
        }
        return v;
    }

    /**
     * An integer argument (a length, a count, a byte, errno) converted as LuaJIT converts it
     * to a C {@code int}: numbers truncated, 64-bit cdata, booleans as 0 and 1; anything else
     * is its argument error ("cannot convert 'string' to 'int'"), a missing one "value expected".
     */
    private long intArgument(Object[] args, int index, String function) {
        if (index >= args.length) {
            throw new LuaArgumentError(index + 1, function, "value expected");
        }
        return switch (args[index]) {
            case Double d -> (long) (double) d;
            case Cdata.Int64 i -> i.value();
            case Boolean b -> b ? 1 : 0;
            case Cdata.EnumValue e -> e.value();
            // Any other value converts as to an int parameter, or is that conversion's error for this argument.
            case null, default -> {
                try {
                    yield ((Number) lib.conversion().toJava(args[index], Primitive.INT, null)).longValue();
                } catch (LuaError e) {
                    throw new LuaArgumentError(index + 1, function, e.getMessage());
                }
            }
        };
    }

    /** The {@code n} bytes at a pointer, array or struct for copy and fill; addresses no memory can be at are refused. */
    private MemorySegment destination(Object v, long n) {
        Long address = switch (v) {
            case null -> 0L;
            case Cdata.Pointer p -> p.address();
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Pointer -> ((MemorySegment) m.data().get()).address();
            default -> null;
        };
        if (address != null && n > 0 && dev.isthmus.ffi.AddressSpace.isNeverMapped(address, n)) {
            throw FfiLibrary.inaccessible(address == 0 || dev.isthmus.ffi.AddressSpace.isNeverMapped(address) ? address : address + n - 1);
        }
        long extent = FfiLibrary.extentAt(v);
        if (extent >= 0 && n > extent) {
            throw new LuaError("index out of bounds");
        }
        return switch (v) {
            case Cdata.Pointer p -> MemorySegment.ofAddress(p.address()).reinterpret(n);
            case Cdata.Memory m when CdataConversion.plain(m.type()) instanceof CType.Pointer -> ((MemorySegment) m.data().get()).reinterpret(n);
            case Cdata.Memory m -> m.data().segment().asSlice(0, n);
            default -> throw new LuaError("cannot convert '" + CdataConversion.nameOf(v) + "' to 'void *'");
        };
    }

    /** {@code ffi.copy(dst, src, len)} or {@code ffi.copy(dst, str)}, arguments checked in order as LuaJIT does. */
    private Object[] copy(Object[] args) {
        Object dst = memoryArgument(args, 0, "copy", "void *");
        Object src = args.length > 1 && args[1] instanceof LuaString ? args[1] : memoryArgument(args, 1, "copy", "const void *");
        if (src instanceof LuaString s) {
            long n = args.length > 2 && args[2] != null ? intArgument(args, 2, "copy") : s.length() + 1L;
            MemorySegment to = destination(dst, n);
            byte[] bytes = Arrays.copyOf(s.bytes(), (int) n);
            MemorySegment.copy(bytes, 0, to, ValueLayout.JAVA_BYTE, 0, (int) n);
            return LuaFunction.NONE;
        }
        long n = intArgument(args, 2, "copy");
        destination(dst, n).copyFrom(destination(src, n));
        return LuaFunction.NONE;
    }

    private Object[] fill(Object[] args) {
        Object dst = memoryArgument(args, 0, "fill", "void *");
        long n = intArgument(args, 1, "fill");
        long value = args.length > 2 && args[2] != null ? intArgument(args, 2, "fill") : 0;
        destination(dst, n).fill((byte) value);
        return LuaFunction.NONE;
    }

    /** A pointer, array or struct argument of copy and fill; nil is NULL (refused when used); else LuaJIT's conversion error. */
    private static Object memoryArgument(Object[] args, int index, String function, String cType) {
        if (index >= args.length) {
            throw new LuaArgumentError(index + 1, function, "value expected");
        }
        Object v = args[index];
        if (v != null && !(v instanceof Cdata.Pointer || v instanceof Cdata.Memory)) {
            throw new LuaArgumentError(index + 1, function, "cannot convert '" + CdataConversion.nameOf(v) + "' to '" + cType + "'");
        }
        return v;
    }
}
