package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.ffi.FieldAccess;
import dev.isthmus.jit.CScalar;
import dev.isthmus.lua.runtime.LuaString;

import java.lang.foreign.MemorySegment;

/**
 * What the trace compiler needs to know about cdata to turn member and element accesses
 * into loads and stores at offsets: the layout facts, decided by the same rules as
 * {@link CdataOperations} (a member wins over a metatype, bitfields and aggregates are not
 * scalars, a const location cannot be written), and the helpers compiled code calls.
 */
public final class CdataTraces {
    private CdataTraces() {
    }

    /** A scalar read or written at {@code offset} from where an element starts, of C kind {@code scalar}. */
    public record Slot(long offset, CScalar scalar, boolean isWritable) {
    }

    /**
     * The scalar of a Lua number type a member or element of type {@code type} is (chars,
     * shorts, ints of 32 bits, float, double), or null: 64-bit integers, bools, enums and
     * pointers read as other Lua values.
     */
    static CScalar numberScalar(FfiLibrary lib, CType type) {
        Primitive p = ScalarAccess.storageOf(type);
        if (p == null || p == Primitive.BOOL) {
            return null;
        }
        CScalar s = CScalar.of(p, lib.ffi().layouts().abi());
        return s == CScalar.INT64 || s == CScalar.UINT64 ? null : s;
    }

    /** Member {@code name} of the struct or union {@code m} is (or views), when it is a number scalar; else null. */
    public static Slot member(Cdata.Memory m, LuaString name) {
        if (!(CdataConversion.plain(m.type()) instanceof RecordType r) || !r.isComplete()) {
            return null;
        }
        FieldAccess access = m.library().member(r, name);
        if (access == null || access.valueLayout() == null) {
            return null;
        }
        CScalar scalar = numberScalar(m.library(), access.memberType());
        return scalar == null ? null : new Slot(access.byteOffset(), scalar, CdataOperations.isWritable(m.type()) && CdataOperations.isWritable(access.memberType()));
    }

    /** The element type of the array {@code m} is, or null when it is no array. */
    public static CType elementType(Cdata.Memory m) {
        return CdataConversion.plain(m.type()) instanceof CType.Array a ? a.element() : null;
    }

    public static long elementSize(Cdata.Memory m, CType element) {
        return m.library().elementSize(element);
    }

    /** The element of the array {@code m} read as a number scalar, or null. */
    public static Slot element(Cdata.Memory m) {
        CType element = elementType(m);
        CScalar scalar = element == null ? null : numberScalar(m.library(), element);
        return scalar == null ? null : new Slot(0, scalar, CdataOperations.isWritable(element));
    }

    /** The element {@code p[i]} reads as a number scalar (the pointer's target type), or null. */
    public static Slot pointerElement(Cdata.Pointer p) {
        if (!(CdataConversion.plain(p.type()) instanceof CType.Pointer pointer)) {
            return null;
        }
        CScalar scalar = numberScalar(p.library(), pointer.target());
        return scalar == null ? null : new Slot(0, scalar, CdataOperations.isWritable(pointer.target()));
    }

    /** The size of what the pointer {@code p} points to. */
    public static long pointerElementSize(Cdata.Pointer p) {
        return p.library().elementSize(((CType.Pointer) CdataConversion.plain(p.type())).target());
    }

    /**
     * The address of {@code p[index]} ({@code elementSize} bytes), or 0 where the interpreter
     * raises an error instead ({@link CdataOperations#accessAt}; or the offset overflows):
     * compiled code leaves the trace then.
     */
    public static long pointerElementAddress(Object pointer, long index, long elementSize) {
        Cdata.Pointer p = (Cdata.Pointer) pointer;
        // The product fits: bounds that fold with the trace's constant size, and the whole
        // check with a constant index (a comparator's p[0]); the JIT compiler computes
        // Math.multiplyHigh even of constants. (A zero size, an empty struct's, never overflows.)
        long most = elementSize <= 1 ? Long.MAX_VALUE : Long.MAX_VALUE / elementSize;
        if (index > most || index < -most) {
            return 0;
        }
        long address = p.address() + index * elementSize;
        return CdataOperations.accessAt(p, address, elementSize) == CdataOperations.PointerAccess.ALLOWED ? address : 0;
    }

    /** {@link #pointerElementAddress(Object, long, long)} with a Lua number index, converted as indexing converts it. */
    public static long pointerElementAddress(Object pointer, double key, long elementSize) {
        return pointerElementAddress(pointer, CdataOperations.indexOf(key), elementSize);
    }

    /**
     * The pointer type {@code ffi.cast(name, value)} gives when the cast only gives a pointer
     * another pointer type (as a comparator casts its {@code const void *} arguments): {@code cast}
     * is the {@code ffi.cast} of {@code value}'s library, {@code value} a pointer cdata and
     * {@code name} a type string that library has parsed to a pointer type. Null otherwise.
     */
    public static CType pointerCastType(Object cast, Object name, Object value) {
        if (!(value instanceof Cdata.Pointer p) || !(name instanceof LuaString s) || !p.library().functions().isCast(cast)) {
            return null;
        }
        CType type = p.library().parsedType(s);
        return type != null && CType.unqualified(type) instanceof CType.Pointer ? type : null;
    }

    /** The pointer {@code ffi.cast} makes of {@code pointer} for the pointer type {@code type} ({@link #pointerCastType}). */
    public static Object pointerCast(Object pointer, CType type) {
        Cdata.Pointer p = (Cdata.Pointer) pointer;
        return new Cdata.Pointer(p.library(), type, p.address(), p.anchor());
    }

    /** Whether the element type is a struct or union: indexing gives a view of it. */
    public static boolean isRecord(CType type) {
        return CdataConversion.plain(type) instanceof RecordType r && r.isComplete();
    }

    /**
     * The address of element {@code key} (a Lua number, converted as indexing converts it) of
     * {@code elementSize} bytes in the memory at {@code address} of {@code extent} bytes, or -1
     * when the element is not all inside it: compiled code leaves the trace then, and the
     * interpreter raises its error.
     */
    public static long elementAddress(long address, long extent, double key, long elementSize) {
        long index = CdataOperations.indexOf(key);
        // No division: a product that overflows has a high half (one multiply on x64).
        if (index < 0 || Math.multiplyHigh(index, elementSize) != 0) {
            return -1;
        }
        long at = index * elementSize;
        return at >= 0 && at <= extent - elementSize ? address + at : -1;
    }

    /** How many elements of {@code elementSize} bytes lie in {@code extent} bytes, as an int (at most its largest). */
    public static int elementCount(long extent, long elementSize) {
        return (int) Math.min(extent / elementSize, Integer.MAX_VALUE);
    }

    /** The memory of a cdata object with storage. */
    public static MemorySegment segment(Object memory) {
        return ((Cdata.Memory) memory).data().segment();
    }

    /** Element {@code key} of the array {@code memory}, as the interpreter makes it (a view of a struct element). */
    public static Object element(Object memory, double key) {
        return ((Cdata.Memory) memory).index(key);
    }

    /** The ctype of a cdata value, for guards (types are interned: one identity compare). */
    public static CType typeOf(Object cdata) {
        return ((Cdata) cdata).type();
    }

    /** A Lua number stored into a C integer of {@code byteSize} bytes, as LuaJIT converts it (the caller keeps the low bytes). */
    public static long toInteger(double d, int byteSize, boolean isUnsigned) {
        return FfiFunctions.doubleToInteger(d, byteSize, isUnsigned);
    }

    /** 64-bit integer division as LuaJIT's ({@code lj_carith.c}): truncating, a zero divisor giving INT64_MIN. */
    public static long int64Divide(long a, long b, boolean isUnsigned) {
        return Int64Arithmetic.divide(a, b, isUnsigned);
    }

    /** 64-bit integer modulo as LuaJIT's: the remainder of truncating division, a zero divisor giving INT64_MIN. */
    public static long int64Remainder(long a, long b, boolean isUnsigned) {
        return Int64Arithmetic.remainder(a, b, isUnsigned);
    }

    /** 64-bit integer power as LuaJIT's: by squaring, wrapping; a negative signed exponent 0 except for bases 1 and -1. */
    public static long int64Power(long a, long b, boolean isUnsigned) {
        return Int64Arithmetic.power(a, b, isUnsigned);
    }
}
