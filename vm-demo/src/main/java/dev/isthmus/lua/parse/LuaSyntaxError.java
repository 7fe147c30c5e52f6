package dev.isthmus.lua.parse;

import dev.isthmus.lua.runtime.LuaError;

/** A syntax error, its message formatted as Lua formats it: {@code chunk:line: message near 'token'}. */
public final class LuaSyntaxError extends LuaError {
    public LuaSyntaxError(String chunkName, int line, String message, String near) {
        super(chunkName + ":" + line + ": " + message + (near == null ? "" : " near '" + near + "'"));
    }
}
