package dev.isthmus.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.Primitive;
import dev.isthmus.cparser.type.RecordType;
import dev.isthmus.cparser.type.TypeRenderer;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * A typed view of native memory, like LuaJIT's cdata: a C object type and the segment
 * holding the object. Scalars, pointers, arrays, structs, unions and bitfields are read
 * and written through it by the same conversion table as calls
 * ({@code docs/ffi-conversions.md}); member paths such as {@code "pos.x"} or
 * {@code "items[2].id"} are resolved once per type and cached.
 *
 * <p>Bounds are the segment's: an array or struct allocated by {@link Ffi#newCData} checks
 * every access, memory from C reached through a pointer has the extent C gives it
 * (one element, or as many as an index asks for). Dereferencing NULL throws
 * {@link NullPointerException}; using memory whose arena was closed throws
 * {@link IllegalStateException} (the FFM API's check). Not thread-safe beyond what the
 * underlying memory is.
 */
public final class CData {
    private final Ffi ffi;
    private final CType type;
    private final MemorySegment segment;

    CData(Ffi ffi, CType type, MemorySegment segment) {
        this.ffi = ffi;
        this.type = type;
        this.segment = segment;
    }

    /** A pointer cdata of {@code pointerType} (a pointer, possibly qualified) holding {@code address}. */
    static CData ofPointer(Ffi ffi, CType pointerType, MemorySegment address) {
        MemorySegment holder = java.lang.foreign.Arena.ofAuto().allocate(ValueLayout.ADDRESS);
        holder.set(ValueLayout.ADDRESS, 0, address);
        return new CData(ffi, pointerType, holder);
    }

    /** The C type this object has, as declared or cast ({@code struct tm *}, {@code int[4]}), qualifiers included. */
    public CType type() {
        return type;
    }

    /** The memory of the object itself (for a pointer, the 8 bytes holding it). */
    public MemorySegment segment() {
        return segment;
    }

    /** The object's size in bytes ({@code sizeof}); for a variable-length array, its allocated size. */
    public long byteSize() {
        return segment.byteSize();
    }

    // ---- Scalars -------------------------------------------------------------------------------

    /** This object's value, if it is a scalar, enum or pointer (a pointer reads as a {@link MemorySegment}). */
    public Object get() {
        return MemoryValues.read(ffi, segment, 0, type);
    }

    /** Stores a value into this scalar, enum or pointer object. */
    public void set(Object value) {
        MemoryValues.write(ffi, segment, 0, type, value);
    }

    // ---- Members and elements --------------------------------------------------------------------

    /**
     * The value of a member path: a scalar, enum, pointer or bitfield member. On a pointer,
     * a path starting with a member name reads through the pointer ({@code p.get("tm_year")}
     * is C's {@code p->tm_year}), and one starting with an index indexes it
     * ({@code p.get("[2].x")} is {@code p[2].x}), as LuaJIT does.
     */
    public Object get(String path) {
        if (isPointerPath(path)) {
            return throughPointer(path).get(restOf(path));
        }
        Accessor a = ffi.accessor(type, path);
        if (a.bitField().isPresent()) {
            var b = a.bitField().get();
            long raw = BitFieldAccess.read(segment, b.bitOffset(), b.bitWidth());
            return MemoryValues.bitFieldToJava(ffi, raw, b.bitWidth(), a.type());
        }
        return MemoryValues.read(ffi, segment, a.byteOffset(), a.type());
    }

    /**
     * A member path's value as an {@code int}: for integer, enum, {@code _Bool} and bitfield
     * members of at most 32 bits; an {@code unsigned int} above {@link Integer#MAX_VALUE}
     * reads as its bits, negative, as Java's {@code int} holds it. Wider or non-integer
     * members throw {@link IllegalArgumentException} naming the type (use {@link #getLong} or
     * {@link #getDouble}). Pointers are read through as by {@link #get(String)}.
     */
    public int getInt(String path) {
        return ScalarReads.asInt(get(path), memberType(path), path, ffi.layouts().abi());
    }

    /** This scalar's value as an {@code int}, as {@link #getInt(String)} reads a member. */
    public int getInt() {
        return ScalarReads.asInt(get(), type, "", ffi.layouts().abi());
    }

    /**
     * A member path's value as a {@code long}: for every integer, enum, {@code _Bool} and
     * bitfield member; an {@code unsigned long} above {@link Long#MAX_VALUE} reads as its
     * bits. Floating members throw {@link IllegalArgumentException} (use {@link #getDouble}).
     */
    public long getLong(String path) {
        return ScalarReads.asLong(get(path), memberType(path), path);
    }

    /** This scalar's value as a {@code long}, as {@link #getLong(String)} reads a member. */
    public long getLong() {
        return ScalarReads.asLong(get(), type, "");
    }

    /**
     * A member path's value as a {@code double}: for floating members, and for integer ones
     * converted as C converts them. Pointers and aggregates throw {@link IllegalArgumentException}.
     */
    public double getDouble(String path) {
        return ScalarReads.asDouble(get(path), memberType(path), path);
    }

    /** This scalar's value as a {@code double}, as {@link #getDouble(String)} reads a member. */
    public double getDouble() {
        return ScalarReads.asDouble(get(), type, "");
    }

    /** The declared type of a member path (through a pointer as {@link #get(String)} goes). */
    public CType memberType(String path) {
        if (isPointerPath(path)) {
            return throughPointer(path).memberType(restOf(path));
        }
        return ffi.accessor(type, path).type();
    }

    /**
     * Stores into a member path (a bitfield keeps the low bits, as a C assignment does); through a pointer as
     * {@link #get(String)}.
     */
    public void set(String path, Object value) {
        if (isPointerPath(path)) {
            throughPointer(path).set(restOf(path), value);
            return;
        }
        Accessor a = ffi.accessor(type, path);
        if (a.bitField().isPresent()) {
            var b = a.bitField().get();
            BitFieldAccess.write(segment, b.bitOffset(), b.bitWidth(), MemoryValues.integerBits(value, a.type()));
            return;
        }
        MemoryValues.write(ffi, segment, a.byteOffset(), a.type(), value);
    }

    /**
     * A view of a member path that is an aggregate or array (or any non-bitfield member); through a pointer as
     * {@link #get(String)}.
     */
    public CData field(String path) {
        if (isPointerPath(path)) {
            return throughPointer(path).field(restOf(path));
        }
        Accessor a = ffi.accessor(type, path);
        if (a.bitField().isPresent()) {
            throw new IllegalArgumentException("'" + path + "' is a bit-field, which has no address");
        }
        return new CData(ffi, a.type(), segment.asSlice(a.byteOffset(), ffi.layouts().layoutOf(a.type()).byteSize()));
    }

    /** Whether {@code path} starts on a pointer, so its first step goes through it ({@code p->m} or {@code p[i]}). */
    private boolean isPointerPath(String path) {
        return !path.isBlank() && ValueConversion.plain(type) instanceof CType.Pointer;
    }

    /** The object a pointer path's first step reaches: {@code *p} for a member name, {@code p[i]} for an index. */
    private CData throughPointer(String path) {
        String trimmed = path.stripLeading();
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in '" + path + "'");
            }
            return at(Long.parseLong(trimmed.substring(1, close).strip()));
        }
        return deref();
    }

    /** The path left after {@link #throughPointer}'s step. */
    private static String restOf(String path) {
        String trimmed = path.stripLeading();
        return trimmed.startsWith("[") ? trimmed.substring(trimmed.indexOf(']') + 1) : trimmed;
    }

    /**
     * Element {@code index} of an array, or of the memory a pointer points to ({@code p[i]}).
     * Arrays check the bound; a pointer's memory has the extent C gives it.
     */
    public CData at(long index) {
        CType plain = ValueConversion.plain(type);
        return switch (plain) {
            case CType.Array a -> {
                long size = elementSize(a.element());
                yield new CData(ffi, a.element(), segment.asSlice(index * size, size));
            }
            case CType.Pointer p -> {
                long size = elementSize(p.target());
                MemorySegment target = pointee(p);
                yield new CData(ffi, p.target(), target.reinterpret(Math.multiplyExact(index + 1, size)).asSlice(index * size, size));
            }
            default -> throw new IllegalArgumentException("'" + TypeRenderer.render(type) + "' cannot be indexed");
        };
    }

    /** What a pointer points to ({@code *p}). */
    public CData deref() {
        return at(0);
    }

    /** Whether this pointer is NULL. */
    public boolean isNull() {
        return ValueConversion.plain(type) instanceof CType.Pointer && pointerValue().address() == 0;
    }

    /** The address an array or struct starts at, or the address a pointer holds. */
    public MemorySegment address() {
        return ValueConversion.plain(type) instanceof CType.Pointer ? pointerValue() : segment;
    }

    /** {@code p + n}: a new pointer {@code n} elements further (for an array, from its first element). */
    public CData plus(long n) {
        CType plain = ValueConversion.plain(type);
        CType.Pointer pointerType = switch (plain) {
            case CType.Pointer p -> p;
            case CType.Array a -> CType.pointerTo(a.element());
            default -> throw new IllegalArgumentException("'" + TypeRenderer.render(type) + "' is not a pointer or array");
        };
        long base = address().address();
        long step = elementSize(pointerType.target());
        return ffi.pointer(pointerType, MemorySegment.ofAddress(base + n * step));
    }

    /** {@code p - q} in elements, for two pointers to the same type. */
    public long minus(CData other) {
        if (!(ValueConversion.plain(type) instanceof CType.Pointer p)) {
            throw new IllegalArgumentException("'" + TypeRenderer.render(type) + "' is not a pointer");
        }
        return (address().address() - other.address().address()) / elementSize(p.target());
    }

    /** Whether two pointers (or objects, by their addresses) designate the same address: C's {@code p == q}. */
    public boolean isSameAddress(CData other) {
        return address().address() == other.address().address();
    }

    /** C's ordering of two pointers ({@code p < q}) as a comparison of their addresses, unsigned. */
    public int compareAddress(CData other) {
        return Long.compareUnsigned(address().address(), other.address().address());
    }

    /** The NUL-terminated string at a {@code char *} or in a {@code char} array, read as UTF-8. */
    public String string() {
        MemorySegment start = ValueConversion.plain(type) instanceof CType.Pointer p ? pointee(p).reinterpret(Long.MAX_VALUE) : segment;
        return start.getString(0, StandardCharsets.UTF_8);
    }

    /** {@code length} bytes at the pointer or array, as ISO-8859-1 so every byte is one char. */
    public String string(long length) {
        MemorySegment start = ValueConversion.plain(type) instanceof CType.Pointer p ? pointee(p).reinterpret(length) : segment;
        return new String(start.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.ISO_8859_1);
    }

    private MemorySegment pointerValue() {
        return segment.get(ValueLayout.ADDRESS, 0);
    }

    private MemorySegment pointee(CType.Pointer p) {
        MemorySegment target = pointerValue();
        if (target.address() == 0) {
            throw new NullPointerException("dereferencing a NULL '" + TypeRenderer.render(p) + "'");
        }
        return target;
    }

    private long elementSize(CType element) {
        CType plain = ValueConversion.plain(element);
        if (plain == Primitive.VOID) {
            return 1;
        }
        MemoryLayout layout = ffi.layouts().layoutOf(plain);
        return layout.byteSize();
    }

    @Override
    public String toString() {
        String name = TypeRenderer.render(type);
        return switch (ValueConversion.plain(type)) {
            case CType.Pointer p -> "cdata<" + name + ">: 0x" + Long.toHexString(pointerValue().address());
            case RecordType r -> "cdata<" + name + ">: 0x" + Long.toHexString(segment.address());
            case CType.Array a -> "cdata<" + name + ">: 0x" + Long.toHexString(segment.address());
            default -> "cdata<" + name + ">: " + get();
        };
    }
}
