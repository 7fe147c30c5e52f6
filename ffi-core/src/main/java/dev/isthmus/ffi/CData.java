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

    /** The value of a member path: a scalar, enum, pointer or bitfield member. */
    public Object get(String path) {
        Accessor a = ffi.accessor(type, path);
        if (a.bitField().isPresent()) {
            var b = a.bitField().get();
            long raw = BitFieldAccess.read(segment, b.bitOffset(), b.bitWidth());
            return MemoryValues.bitFieldToJava(ffi, raw, b.bitWidth(), a.type());
        }
        return MemoryValues.read(ffi, segment, a.byteOffset(), a.type());
    }

    /** Stores into a member path (a bitfield keeps the low bits, as a C assignment does). */
    public void set(String path, Object value) {
        Accessor a = ffi.accessor(type, path);
        if (a.bitField().isPresent()) {
            var b = a.bitField().get();
            BitFieldAccess.write(segment, b.bitOffset(), b.bitWidth(), MemoryValues.integerBits(value, a.type()));
            return;
        }
        MemoryValues.write(ffi, segment, a.byteOffset(), a.type(), value);
    }

    /** A view of a member path that is an aggregate or array (or any non-bitfield member). */
    public CData field(String path) {
        Accessor a = ffi.accessor(type, path);
        if (a.bitField().isPresent()) {
            throw new IllegalArgumentException("'" + path + "' is a bit-field, which has no address");
        }
        return new CData(ffi, a.type(), segment.asSlice(a.byteOffset(), ffi.layouts().layoutOf(a.type()).byteSize()));
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
