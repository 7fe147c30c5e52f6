package dev.isthmus.cparser.abi;

import dev.isthmus.cparser.type.Primitive;

/**
 * The Procedure Call Standard for the Arm 64-bit Architecture (AAPCS64) with the LP64
 * data model Linux uses: unsigned {@code char}, {@code long double} IEEE binary128,
 * {@code wchar_t} an {@code unsigned int} (AAPCS64 10.1), GCC's bitfield allocation, in
 * which unnamed bitfields also align the struct.
 */
public final class Aapcs64Abi extends LayoutAbi {
    public static final Aapcs64Abi INSTANCE = new Aapcs64Abi();

    private Aapcs64Abi() {
        super("aarch64", DataModel.common64()
                .with(8, 8, Primitive.LONG, Primitive.UNSIGNED_LONG)
                .with(16, 16, Primitive.LONG_DOUBLE)
                .build(false, 8, Primitive.UNSIGNED_LONG, Primitive.LONG, Primitive.UNSIGNED_INT));
    }

    @Override
    boolean unnamedBitFieldsAlignRecord() {
        return true;
    }
}
