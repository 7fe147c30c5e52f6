package dev.isthmus.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.cparser.type.TypeRenderer;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;

/**
 * A member path of one C type resolved ahead of time, for code that reads or writes the
 * same member of many objects: no path parsing, no cache lookup per access, only the
 * offset and the member's layout (bitfields and aggregate members go through
 * {@link CData#get(String)}). {@link #valueLayout()} and {@link #byteOffset()} let a
 * JIT emit the plain memory access itself.
 */
public final class FieldAccess {
    private final Ffi ffi;
    private final CType owner;
    private final String path;
    private final Accessor accessor;
    private final ValueLayout layout;
    /**
     * Whether the member sits at its natural alignment in every object of its owner (its offset
     * and the owner's alignment are multiples of its size, so not in a packed struct); then the
     * JDK's aligned constant layouts apply.
     */
    private final boolean isAligned;

    FieldAccess(Ffi ffi, CType owner, String path, Accessor accessor) {
        this.ffi = ffi;
        this.owner = owner;
        this.path = path;
        this.accessor = accessor;
        MemoryLayout member = accessor.bitField().isPresent() ? null : ffi.layouts().layoutOf(accessor.type());
        this.layout = member instanceof ValueLayout v ? v : null;
        this.isAligned = layout != null && accessor.byteOffset() % layout.byteSize() == 0
                && layout.byteAlignment() == layout.byteSize()
                && ffi.layouts().layoutOf(owner).byteAlignment() % layout.byteSize() == 0;
    }

    /** The offset, after checking the member is stored as the carrier the typed accessor reads. */
    private long offsetFor(Class<? extends ValueLayout> carrierLayout, String carrier) {
        if (!carrierLayout.isInstance(layout)) {
            throw wrongCarrier(carrier);
        }
        return accessor.byteOffset();
    }

    private ClassCastException wrongCarrier(String carrier) {
        return new ClassCastException("'" + path + "' of '" + TypeRenderer.render(owner) + "' is not stored as a Java "
                + carrier);
    }

    /**
     * The member's value in {@code data}, as {@link CData#get(String)} reads it; {@code data} must have the
     * owner type.
     */
    public Object get(CData data) {
        check(data);
        if (layout == null) {
            return data.get(path);
        }
        return ffi.conversion().toJava(CarrierAccess.get(data.segment(), accessor.byteOffset(), layout), accessor.type());
    }

    /** Stores into the member of {@code data}, as {@link CData#set(String, Object)} does. */
    public void set(CData data, Object value) {
        check(data);
        if (layout == null) {
            data.set(path, value);
            return;
        }
        MemoryValues.write(ffi, data.segment(), accessor.byteOffset(), accessor.type(), value);
    }

    /**
     * Typed access without boxing, for members whose layout is an {@code int}, {@code long}
     * or {@code double} ({@link ClassCastException} naming the member otherwise). The value is the C bits as
     * Java sees them: an {@code unsigned int} member reads as a (possibly negative) int.
     */
    public int getInt(CData data) {
        check(data);
        long offset = offsetFor(ValueLayout.OfInt.class, "int");
        return data.segment().get(isAligned ? ValueLayout.JAVA_INT : ValueLayout.JAVA_INT_UNALIGNED, offset);
    }

    /** Stores an {@code int}-carried member's bits; see {@link #getInt}. */
    public void setInt(CData data, int value) {
        check(data);
        long offset = offsetFor(ValueLayout.OfInt.class, "int");
        data.segment().set(isAligned ? ValueLayout.JAVA_INT : ValueLayout.JAVA_INT_UNALIGNED, offset, value);
    }

    /** Reads a {@code long}-carried member's bits; see {@link #getInt}. */
    public long getLong(CData data) {
        check(data);
        long offset = offsetFor(ValueLayout.OfLong.class, "long");
        return data.segment().get(isAligned ? ValueLayout.JAVA_LONG : ValueLayout.JAVA_LONG_UNALIGNED, offset);
    }

    /** Stores a {@code long}-carried member's bits; see {@link #getInt}. */
    public void setLong(CData data, long value) {
        check(data);
        long offset = offsetFor(ValueLayout.OfLong.class, "long");
        data.segment().set(isAligned ? ValueLayout.JAVA_LONG : ValueLayout.JAVA_LONG_UNALIGNED, offset, value);
    }

    /** Reads a {@code double} member; see {@link #getInt}. */
    public double getDouble(CData data) {
        check(data);
        long offset = offsetFor(ValueLayout.OfDouble.class, "double");
        return data.segment().get(isAligned ? ValueLayout.JAVA_DOUBLE : ValueLayout.JAVA_DOUBLE_UNALIGNED, offset);
    }

    /** Stores a {@code double} member; see {@link #getInt}. */
    public void setDouble(CData data, double value) {
        check(data);
        long offset = offsetFor(ValueLayout.OfDouble.class, "double");
        data.segment().set(isAligned ? ValueLayout.JAVA_DOUBLE : ValueLayout.JAVA_DOUBLE_UNALIGNED, offset, value);
    }

    /** The member's offset from the start of the object. */
    public long byteOffset() {
        return accessor.byteOffset();
    }

    /** The member's value layout; null for bitfields and aggregate members. */
    public ValueLayout valueLayout() {
        return layout;
    }

    /** The member's declared C type. */
    public CType memberType() {
        return accessor.type();
    }

    private void check(CData data) {
        // Qualifiers do not change members: a const struct's fields are read the same way.
        if (data.type() != owner && !ValueConversion.plain(data.type()).equals(ValueConversion.plain(owner))) {
            throw new IllegalArgumentException("a field of '" + TypeRenderer.render(owner) + "' read from a '"
                    + TypeRenderer.render(data.type()) + "'");
        }
    }
}
