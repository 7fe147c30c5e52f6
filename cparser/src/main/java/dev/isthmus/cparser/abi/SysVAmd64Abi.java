package dev.isthmus.cparser.abi;

import dev.isthmus.cparser.type.Primitive;

/**
 * The System V AMD64 psABI (x86-64 Linux, BSD, macOS data model): LP64, signed
 * {@code char}, {@code long double} the 80-bit x87 format in 16 bytes aligned to 16
 * (psABI 3.1.2, Figure 3.1), GCC's bitfield allocation.
 */
public final class SysVAmd64Abi extends LayoutAbi {
    public static final SysVAmd64Abi INSTANCE = new SysVAmd64Abi();

    private SysVAmd64Abi() {
        super("sysv-x86_64", DataModel.common64()
                .with(8, 8, Primitive.LONG, Primitive.UNSIGNED_LONG)
                .with(16, 16, Primitive.LONG_DOUBLE)
                .build(true, 8, Primitive.UNSIGNED_LONG, Primitive.LONG, Primitive.INT));
    }
}
