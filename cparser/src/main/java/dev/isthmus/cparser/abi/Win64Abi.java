package dev.isthmus.cparser.abi;

import dev.isthmus.cparser.type.Primitive;

/**
 * The Microsoft x64 ABI (LLP64): {@code long} is 4 bytes, {@code long double} is
 * {@code double} as MSVC has it, {@code wchar_t} is {@code unsigned short}, and
 * bitfields follow Microsoft's allocation (a new storage unit whenever the declared
 * type's size changes).
 */
public final class Win64Abi extends LayoutAbi {
    public static final Win64Abi INSTANCE = new Win64Abi();

    private Win64Abi() {
        super("win64", DataModel.common64()
                .with(4, 4, Primitive.LONG, Primitive.UNSIGNED_LONG)
                .with(8, 8, Primitive.LONG_DOUBLE)
                .build(true, 8, Primitive.UNSIGNED_LONG_LONG, Primitive.LONG_LONG, Primitive.UNSIGNED_SHORT));
    }

    @Override
    boolean usesMicrosoftBitFields() {
        return true;
    }
}
