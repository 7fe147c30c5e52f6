package dev.isthmus.cparser.layout;

/**
 * A bitfield's position. {@code bitOffset} counts bits from the start of the enclosing
 * struct (bit 0 is the least significant bit of the byte at offset 0 on the little-endian
 * ABIs we support). The storage unit is the naturally aligned unit of the declared type
 * that a C compiler loads to read the field: {@code storageByteOffset} and
 * {@code storageByteSize}, so that the field is bits
 * {@code [bitOffset - 8*storageByteOffset, +bitWidth)} of that unit.
 */
public record BitField(long bitOffset, int bitWidth, long storageByteOffset, long storageByteSize) {
    public BitField {
        if (bitOffset < 0 || bitWidth < 0 || storageByteOffset < 0 || storageByteSize < 0) {
            throw new IllegalArgumentException("negative bitfield position: bit " + bitOffset + ", width " + bitWidth
                    + ", storage at " + storageByteOffset + " of " + storageByteSize);
        }
    }

    public BitField shiftedBy(long byteDelta) {
        return new BitField(bitOffset + 8 * byteDelta, bitWidth, storageByteOffset + byteDelta, storageByteSize);
    }
}
