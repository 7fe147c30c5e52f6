package dev.isthmus.ffi;

/** A declared function or variable whose symbol the library does not have. */
public final class NativeSymbolException extends RuntimeException {
    private final String symbol;
    private final String libraryName;

    public NativeSymbolException(String symbol, String libraryName) {
        super("undefined symbol '" + symbol + "' in " + libraryName, null, false, false);
        this.symbol = symbol;
        this.libraryName = libraryName;
    }

    public String symbol() {
        return symbol;
    }

    public String libraryName() {
        return libraryName;
    }
}
