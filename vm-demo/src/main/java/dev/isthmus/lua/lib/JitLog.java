package dev.isthmus.lua.lib;

import dev.isthmus.lua.runtime.LuaError;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Where the trace compiler's verbose ({@code -jv}) and dump ({@code -jdump}) text goes: the
 * state's error stream, or the file {@code jit.v.on(file)} or {@code jit.dump.on(opt, file)}
 * named ("-" is standard output, as in LuaJIT's v.lua and dump.lua), until their {@code off}.
 * The engine writes to {@link #stream()} throughout; only the destination changes. LuaJIT
 * keeps a file per module; here both share the last one named.
 */
public final class JitLog {
    private final PrintStream errors;
    private final PrintStream output;
    private OutputStream target;
    /** The file opened by the last {@code on}, closed at {@code off}; null when writing to a standard stream. */
    private OutputStream file;
    private final PrintStream stream;

    public JitLog(PrintStream errors, PrintStream output) {
        this.errors = errors;
        this.output = output;
        this.target = errors;
        this.stream = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                target.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                target.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                target.flush();
            }
        }, true);
    }

    /** What the engine writes to. */
    public PrintStream stream() {
        return stream;
    }

    /** Sends the text to {@code name} ("-" standard output; null the error stream), truncating a file as fopen "w" does. */
    void redirect(String name) {
        close();
        if (name == null) {
            return;
        }
        if (name.equals("-")) {
            target = output;
            return;
        }
        try {
            file = new FileOutputStream(name);
            target = file;
        } catch (IOException e) {
            throw new LuaError(name + ": " + (java.nio.file.Files.isDirectory(java.nio.file.Path.of(name)) ? "Is a directory"
                    : java.nio.file.Files.exists(java.nio.file.Path.of(name)) ? "Permission denied" : "No such file or directory"));
        }
    }

    /** Closes a file named by {@link #redirect} and goes back to the error stream. */
    void close() {
        stream.flush();
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // What was written reached the file system; a failed close loses nothing more here.
            }
            file = null;
        }
        target = errors;
    }
}
