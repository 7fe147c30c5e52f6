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
 * writes, each flushed before the other starts) or a standard stream.
 */
final class LuaFile implements LuaObject {
    private final LuaTable metatable;
    private final RandomAccessFile file;
    private final InputStream input;
    private final OutputStream output;
    private final boolean isStandard;
    /** What closing a stream file also ends (a pipe's process), or null. */
    private final AutoCloseable resource;
    private final byte[] readBuffer = new byte[8192];
    private int readPos;
    private int readLimit;
    private final ByteArrayOutputStream writeBuffer = new ByteArrayOutputStream();
    private boolean closed;

    LuaFile(LuaTable metatable, RandomAccessFile file) {
        this.metatable = metatable;
        this.file = file;
        this.input = null;
        this.output = null;
        this.isStandard = false;
        this.resource = null;
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
        int n = file != null ? file.read(readBuffer) : input != null ? input.read(readBuffer) : -1;
        if (n <= 0) {
            return false;
        }
        readPos = 0;
        readLimit = n;
        return true;
    }

    void write(byte[] bytes) throws IOException {
        if (readPos != readLimit && file != null) {
            // Reads were buffered ahead: move the file position back to where reading stopped.
            file.seek(file.getFilePointer() - (readLimit - readPos));
        }
        readPos = readLimit = 0;
        writeBuffer.writeBytes(bytes);
        if (writeBuffer.size() >= 8192 || isStandard) {
            flushWrites();
        }
    }

    void flushWrites() throws IOException {
        if (writeBuffer.size() > 0) {
            if (file != null) {
                file.write(writeBuffer.toByteArray());
            } else if (output != null) {
                output.write(writeBuffer.toByteArray());
                output.flush();
            }
            writeBuffer.reset();
        }
        if (output != null) {
            output.flush();
        }
    }

    /** Seeks as C's {@code fseek} with {@code whence} "set", "cur" or "end"; returns the new position. */
    long seek(String whence, long offset) throws IOException {
        if (file == null) {
            throw new IOException("Illegal seek");
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
            throw new IOException("Invalid argument");
        }
        file.seek(target);
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
