package dev.isthmus.cparser.layout;

import dev.isthmus.cparser.type.CType;

import java.util.Objects;
import java.util.Optional;

/**
 * One member's place in its struct or union. {@code byteOffset} is where the member
 * starts; for a bitfield it is the offset of the storage unit {@link BitField} describes.
 * {@code name} is empty for anonymous members and unnamed bitfields.
 */
public record FieldLayout(Optional<String> name, CType type, long byteOffset, Optional<BitField> bitField) {
    public FieldLayout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bitField, "bitField");
        if (byteOffset < 0) {
            throw new IllegalArgumentException("negative offset " + byteOffset);
        }
    }

    public boolean isBitField() {
        return bitField.isPresent();
    }

    /** The same field seen from an enclosing record in which its record starts at {@code delta}. */
    public FieldLayout shiftedBy(long delta) {
        return new FieldLayout(name, type, byteOffset + delta, bitField.map(b -> b.shiftedBy(delta)));
    }
}
