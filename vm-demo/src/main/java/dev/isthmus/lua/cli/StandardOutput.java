package dev.isthmus.lua.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The standard output of {@code isthmus run}, buffered as C's stdio buffers LuaJIT's: written
 * through at every write to a terminal, in 64 KiB blocks to a file or a pipe. A program printing
 * a line at a time (fasta writes 166,000 lines of 61 bytes) otherwise makes a system call a line.
 * The launcher flushes it on every way out ({@link LuaLauncher#run}, {@code os.exit}).
 */
final class StandardOutput {
    private static final int BLOCK = 1 << 16;

    private StandardOutput() {
    }

    static PrintStream open() {
        if (isTerminal()) {
            return new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        }
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), BLOCK), false);
    }

    /**
     * Whether file descriptor 1 is a terminal, by what Linux's {@code /proc} says it is (the
     * JDK's {@code Console} asks about standard input too, and loads a line editor to answer).
     * Where that cannot be read, it is taken as one: written through, as before.
     */
    private static boolean isTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return true;
        }
    }
}
