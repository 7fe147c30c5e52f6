package dev.isthmus.lua.ffi;

import dev.isthmus.cparser.type.CType;
import dev.isthmus.lua.interp.KeptArgument;

/** The pointer cdata kept for one pointer parameter of a callback ({@link KeptArgument}). */
final class KeptPointer extends KeptArgument {
    private final FfiLibrary library;
    private final CType type;

    KeptPointer(FfiLibrary library, CType type) {
        this.library = library;
        this.type = type;
    }

    @Override
    protected Cdata.Pointer made(long address) {
        return new Cdata.Pointer(library, type, address);
    }
}
