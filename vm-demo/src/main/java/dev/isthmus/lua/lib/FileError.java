package dev.isthmus.lua.lib;

import java.io.IOException;

/**
 * A failed C stdio operation as LuaJIT reports it: {@code strerror(errno)} as the message and
 * errno itself, which io functions return as their third result ({@code nil, msg, errno}).
 * Other {@link IOException}s reach Lua as EIO.
 */
final class FileError extends IOException {
    static final int EBADF = 9;
    static final int EISDIR = 21;
    static final int EIO = 5;
    static final int EINVAL = 22;
    static final int ESPIPE = 29;

    private final int errno;

    FileError(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    /** Reading a directory: glibc's read(2) on one fails with EISDIR. */
    static FileError isDirectory() {
        return new FileError("Is a directory", EISDIR);
    }

    /** Writing a stream opened for reading only: glibc's fwrite refuses it with EBADF. */
    static FileError badDescriptor() {
        return new FileError("Bad file descriptor", EBADF);
    }

    /** A position or argument the call refuses. */
    static FileError invalidArgument() {
        return new FileError("Invalid argument", EINVAL);
    }

    /** The errno Lua sees for {@code e}. */
    static double errnoOf(IOException e) {
        return e instanceof FileError f ? f.errno : EIO;
    }
}
