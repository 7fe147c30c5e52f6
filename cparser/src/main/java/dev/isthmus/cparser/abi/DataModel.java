package dev.isthmus.cparser.abi;

import dev.isthmus.cparser.type.Primitive;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An ABI's primitive sizes and alignments, one table. Built once per ABI; complex types
 * are derived from their parts (C11 6.2.5p13: laid out as an array of two), not listed.
 */
record DataModel(Map<Primitive, Long> byteSizes, Map<Primitive, Long> byteAlignments, boolean isCharSigned,
                 long pointerByteSize, Primitive sizeType, Primitive pointerDifferenceType, Primitive wideCharType) {

    DataModel {
        // Enum maps, not Map.copyOf's hash table: an ordinal indexes them, and the FFI reads the
        // size of an element's primitive on every p[i] it interprets.
        byteSizes = Collections.unmodifiableMap(new EnumMap<>(byteSizes));
        byteAlignments = Collections.unmodifiableMap(new EnumMap<>(byteAlignments));
    }

    long sizeOf(Primitive primitive) {
        if (primitive.category() == Primitive.Category.COMPLEX) {
            return 2 * sizeOf(primitive.complexPart());
        }
        return lookup(byteSizes, primitive);
    }

    long alignOf(Primitive primitive) {
        return lookup(byteAlignments, primitive.complexPart());
    }

    private static long lookup(Map<Primitive, Long> table, Primitive primitive) {
        Long value = table.get(primitive);
        if (value == null) {
            throw new IllegalStateException("data model has no entry for " + primitive);
        }
        return value;
    }

    /** A table builder: {@code of(VOID, 1, 1).with(BOOL, 1, 1)...}. */
    static final class Builder {
        private final Map<Primitive, Long> sizes = new EnumMap<>(Primitive.class);
        private final Map<Primitive, Long> alignments = new EnumMap<>(Primitive.class);

        Builder with(long byteSize, long byteAlignment, Primitive... primitives) {
            for (Primitive p : primitives) {
                sizes.put(p, byteSize);
                alignments.put(p, byteAlignment);
            }
            return this;
        }

        DataModel build(boolean isCharSigned, long pointerByteSize, Primitive sizeType,
                        Primitive pointerDifferenceType, Primitive wideCharType) {
            for (Primitive p : Primitive.values()) {
                if (p.category() != Primitive.Category.COMPLEX && !sizes.containsKey(p)) {
                    throw new IllegalStateException("data model misses " + p);
                }
            }
            return new DataModel(sizes, alignments, isCharSigned, pointerByteSize, sizeType,
                    pointerDifferenceType, wideCharType);
        }
    }

    /** The integer and floating sizes common to the three 64-bit ABIs we support. */
    static Builder common64() {
        return new Builder()
                .with(1, 1, Primitive.VOID, Primitive.BOOL, Primitive.CHAR, Primitive.SIGNED_CHAR, Primitive.UNSIGNED_CHAR)
                .with(2, 2, Primitive.SHORT, Primitive.UNSIGNED_SHORT, Primitive.FLOAT16)
                .with(4, 4, Primitive.INT, Primitive.UNSIGNED_INT, Primitive.FLOAT, Primitive.BOOL_INT)
                .with(8, 8, Primitive.LONG_LONG, Primitive.UNSIGNED_LONG_LONG, Primitive.DOUBLE)
                .with(16, 16, Primitive.INT128, Primitive.UNSIGNED_INT128, Primitive.FLOAT128)
                // LuaJIT aligns a mode-sized integer to at most 16 bytes (lj_cparse.c, cp_decl_intern).
                .with(32, 16, Primitive.INT256, Primitive.UNSIGNED_INT256);
    }
}
