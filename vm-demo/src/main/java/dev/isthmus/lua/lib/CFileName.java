package dev.isthmus.lua.lib;

import dev.isthmus.lua.runtime.LuaString;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A Lua string used as a file name, as the C library receives it from LuaJIT: a C string, so
 * the name ends at its first NUL byte ({@code io.open("a\0b")} opens {@code a}, and its
 * message names {@code a}). Java would refuse the NUL with an exception of its own.
 */
final class CFileName {
    private CFileName() {
    }

    /** The name up to its first NUL byte. */
    static String of(LuaString name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.byteAt(i) == 0) {
                return name.substring(0, i).toString();
            }
        }
        return name.toString();
    }

    /**
     * The name as a path. The empty name is no file (fopen fails with ENOENT), where
     * {@code Path.of("")} would be the working directory.
     */
    static Path path(String name) throws NoSuchFileException {
        if (name.isEmpty()) {
            throw new NoSuchFileException(name);
        }
        return Path.of(name);
    }
}
