package dev.isthmus.lua.lib;

import dev.isthmus.lua.interp.LuaRuntime;
import dev.isthmus.lua.runtime.LuaTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Programs run through the shell, as C's {@code popen} and {@code system} run them:
 * {@code io.popen}'s pipes and {@code os.execute}. A child writes into the Lua state's own
 * output and error streams (copied there, so a state embedded with other streams sees them).
 */
final class PipeFiles {
    private PipeFiles() {
    }

    /** {@code io.popen(command, "r" | "w")}: a file reading the command's output or writing its input. */
    static LuaFile open(LuaRuntime runtime, LuaTable fileMetatable, String command, boolean isRead) throws IOException {
        flush(runtime);
        ProcessBuilder builder = shell(command);
        if (isRead) {
            builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        }
        Process process = builder.start();
        Thread errors = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), runtime.err()));
        Thread output = isRead ? null : Thread.ofVirtual().start(() -> copy(process.getInputStream(), runtime.out()));
        InputStream in = isRead ? process.getInputStream() : null;
        OutputStream out = isRead ? null : process.getOutputStream();
        AutoCloseable pclose = () -> {
            if (out != null) {
                out.close();
                output.join();
            }
            process.waitFor();
            errors.join();
            if (in != null) {
                in.close();
            }
        };
        return new LuaFile(fileMetatable, in, out, pclose);
    }

    /** {@code os.execute(command)}: C's {@code system}, answering the wait status (exit code times 256). */
    static int execute(LuaRuntime runtime, String command) throws IOException, InterruptedException {
        flush(runtime);
        ProcessBuilder builder = shell(command).redirectInput(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        Thread errors = Thread.ofVirtual().start(() -> copy(process.getErrorStream(), runtime.err()));
        copy(process.getInputStream(), runtime.out());
        errors.join();
        return process.waitFor() << 8;
    }

    private static ProcessBuilder shell(String command) {
        return new ProcessBuilder("/bin/sh", "-c", command);
    }

    private static void flush(LuaRuntime runtime) {
        runtime.out().flush();
        runtime.err().flush();
    }

    private static void copy(InputStream from, PrintStream to) {
        try (from) {
            from.transferTo(to);
            to.flush();
        } catch (IOException e) {
            // The child closed its end early: what it wrote so far has been copied.
        }
    }
}
