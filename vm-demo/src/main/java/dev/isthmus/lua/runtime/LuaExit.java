package dev.isthmus.lua.runtime;

/**
 * Raised by {@code os.exit}: unwinds every Lua frame (no {@code pcall} catches it) up to the
 * launcher, which exits with {@link #status}.
 */
public final class LuaExit extends RuntimeException {
    private final int status;

    public LuaExit(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
