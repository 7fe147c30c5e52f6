package dev.isthmus.lua.lib;

import dev.isthmus.lua.runtime.LuaObject;
import dev.isthmus.lua.runtime.LuaTable;
import dev.isthmus.lua.runtime.LuaType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;

/**
 * A file handle of the io library: a regular file (random access, buffered reads and
 * writes, each flushed before the other starts), a standard stream, or a directory. C's
 * {@code fopen} opens a directory for reading, as LuaJIT's {@code io.open} then does: the
 * handle exists, each read fails with EISDIR and seeking moves a position only.
 */
final class LuaFile implements LuaObject {
    private final LuaTable metatable;
    private final RandomAccessFile file;
    private final InputStream input;
    private final OutputStream output;
    private final boolean isStandard;
    /** Whether writes reach anything: false for a file opened "r", stdin and a directory (EBADF). */
    private final boolean isWritable;
    private final boolean isDirectory;
    /** A directory's position, moved by seek only. */
    private long directoryPosition;
    /** What closing a stream file also ends (a pipe's process), or null. */
    private final AutoCloseable resource;
    private final byte[] readBuffer = new byte[8192];
    private int readPos;
    private int readLimit;
    private final ByteArrayOutputStream writeBuffer = new ByteArrayOutputStream();
    private boolean closed;
    /** Set by {@code setvbuf("no")} or {@code ("line")}: each write flushed. */
    private boolean unbuffered;

    LuaFile(LuaTable metatable, RandomAccessFile file, boolean isWritable) {
        this.metatable = metatable;
        this.file = file;
        this.input = null;
        this.output = null;
        this.isStandard = false;
        this.isWritable = isWritable;
        this.isDirectory = false;
        this.resource = null;
    }

    private LuaFile(LuaTable metatable) {
        this.metatable = metatable;
        this.file = null;
        this.input = null;
        this.output = null;
        this.isStandard = false;
        this.isWritable = false;
        this.isDirectory = true;
        this.resource = null;
    }

    /** A directory opened for reading. */
    static LuaFile directory(LuaTable metatable) {
        return new LuaFile(metatable);
    }

    /** A standard stream: never closed by Lua. */
    LuaFile(LuaTable metatable, InputStream input, OutputStream output) {
        this(metatable, input, output, null);
    }

    /** A stream file; {@code resource}, when not null, is closed with it (and the file is not standard). */
    LuaFile(LuaTable metatable, InputStream input, OutputStream output, AutoCloseable resource) {
        this.metatable = metatable;
        this.file = null;
        this.input = input;
        this.output = output;
        this.isStandard = resource == null;
        this.isWritable = output != null;
        this.isDirectory = false;
        this.resource = resource;
    }

    @Override
    public LuaType luaType() {
        return LuaType.USERDATA;
    }

    @Override
    public LuaTable metatable() {
        return metatable;
    }

    boolean isClosed() {
        return closed;
    }

    boolean isStandard() {
        return isStandard;
    }

    /** The next byte, or -1 at the end. */
    int read() throws IOException {
        flushWrites();
        if (readPos == readLimit && !fill()) {
            return -1;
        }
        return readBuffer[readPos++] & 0xFF;
    }

    /** The next byte without consuming it, or -1. */
    int peek() throws IOException {
        flushWrites();
        if (readPos == readLimit && !fill()) {
            return -1;
        }
        return readBuffer[readPos] & 0xFF;
    }

    private boolean fill() throws IOException {
        if (isDirectory) {
            throw FileError.isDirectory();
        }
        int n = file != null ? file.read(readBuffer) : input != null ? input.read(readBuffer) : -1;
        if (n <= 0) {
            return false;
        }
        readPos = 0;
        readLimit = n;
        return true;
    }

    void write(byte[] bytes) throws IOException {
        if (!isWritable) {
            throw FileError.badDescriptor();
        }
        if (readPos != readLimit && file != null) {
            // Reads were buffered ahead: move the file position back to where reading stopped.
            file.seek(file.getFilePointer() - (readLimit - readPos));
        }
        readPos = readLimit = 0;
        if (output != null) {
            // A stream buffers (or not) as it was made to: standard output as C's stdout would.
            output.write(bytes);
            if (unbuffered) {
                output.flush();
            }
            return;
        }
        writeBuffer.writeBytes(bytes);
        if (writeBuffer.size() >= 8192 || unbuffered) {
            flushWrites();
        }
    }

    /** {@code file:setvbuf(mode)}: "no" and "line" write the file through at every write, "full" leaves it to its buffer. */
    void setBuffering(String mode) {
        unbuffered = !mode.equals("full");
    }

    void flushWrites() throws IOException {
        // (Only a regular file's writes wait in the buffer: a stream's go to it at once.)
        if (writeBuffer.size() > 0) {
            file.write(writeBuffer.toByteArray());
            writeBuffer.reset();
        }
        if (output != null) {
            output.flush();
        }
    }

    /** Seeks as C's {@code fseek} with {@code whence} "set", "cur" or "end"; returns the new position. */
    long seek(String whence, long offset) throws IOException {
        if (isDirectory) {
            return seekDirectory(whence, offset);
        }
        if (file == null) {
            throw new FileError("Illegal seek", FileError.ESPIPE);
        }
        flushWrites();
        long current = file.getFilePointer() - (readLimit - readPos);
        readPos = readLimit = 0;
        long target = switch (whence) {
            case "set" -> offset;
            case "end" -> file.length() + offset;
            default -> current + offset;
        };
        if (target < 0) {
            throw FileError.invalidArgument();
        }
        file.seek(target);
        return target;
    }

    /**
     * A directory's lseek(2) as ext4, Debian's default file system, answers it: "end" is the
     * largest offset (its hashed directories' end), the others move the position, and a
     * position below 0 or past the largest is EINVAL.
     */
    private long seekDirectory(String whence, long offset) throws IOException {
        long target = switch (whence) {
            case "set" -> offset;
            case "end" -> offset <= 0 ? Long.MAX_VALUE + offset : -1;
            default -> offset <= 0 || directoryPosition <= Long.MAX_VALUE - offset ? directoryPosition + offset : -1;
        };
        if (target < 0) {
            throw FileError.invalidArgument();
        }
        directoryPosition = target;
        return target;
    }

    void close() throws IOException {
        flushWrites();
        closed = true;
        if (file != null) {
            file.close();
        }
        if (resource != null) {
            try {
                resource.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
