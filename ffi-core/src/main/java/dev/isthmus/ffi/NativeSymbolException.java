package dev.isthmus.ffi;

/** A declared function or variable whose symbol the library does not have. */
public final class NativeSymbolException extends RuntimeException {
    private final String symbol;
    private final String libraryName;

    /** {@code symbol} is missing from the library named {@code libraryName}. */
    public NativeSymbolException(String symbol, String libraryName) {
        super("undefined symbol '" + symbol + "' in " + libraryName, null, false, false);
        this.symbol = symbol;
        this.libraryName = libraryName;
    }

    /** The symbol looked up (after {@code asm("name")} redirects). */
    public String symbol() {
        return symbol;
    }

    /** The library that lacks the symbol, as {@link NativeLibrary#name()} names it. */
    public String libraryName() {
        return libraryName;
    }
}
