package dev.isthmus.bench.cparser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system headers issue #2 names, preprocessed by {@code cc -E} as one translation
 * unit (each header's text once, as a program including all of them sees it). The same
 * set is what the cparser tests check against the compiler.
 */
final class HeaderSet {
    static final List<String> HEADERS = List.of(
            "stdio.h", "stdlib.h", "string.h", "math.h", "time.h", "signal.h", "pthread.h",
            "sys/socket.h", "netinet/in.h", "sys/stat.h", "dirent.h", "unistd.h", "fcntl.h",
            "termios.h", "sys/mman.h", "poll.h", "zlib.h", "sqlite3.h");

    private HeaderSet() {
    }

    /** The program that includes every header. */
    static String includeProgram() {
        StringBuilder source = new StringBuilder();
        for (String header : HEADERS) {
            source.append("#include <").append(header).append(">\n");
        }
        return source.toString();
    }

    /**
     * Runs {@code cc -E} over {@link #includeProgram()} with {@code extraFlags} and returns
     * the preprocessed text. Fails with the compiler's message when a header is missing.
     */
    static String preprocess(List<String> extraFlags) throws IOException, InterruptedException {
        Path source = Files.createTempFile("isthmus-headers", ".c");
        try {
            Files.writeString(source, includeProgram());
            List<String> command = new ArrayList<>(List.of("cc", "-E"));
            command.addAll(extraFlags);
            command.add(source.toString());
            Process cc = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] output = cc.getInputStream().readAllBytes();
            if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
                throw new IOException("cc -E failed over " + HEADERS + " (are zlib1g-dev and libsqlite3-dev installed?)");
            }
            return new String(output, StandardCharsets.ISO_8859_1);
        } finally {
            Files.deleteIfExists(source);
        }
    }
}
