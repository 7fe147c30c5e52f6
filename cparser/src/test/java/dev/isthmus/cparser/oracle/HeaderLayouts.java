package dev.isthmus.cparser.oracle;

import dev.isthmus.cparser.CScope;
import dev.isthmus.cparser.Declaration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code cc -E} over a program, and lists the complete struct and union types a scope
 * holds by a spelling that compiles inside {@code sizeof}: {@code struct tag}, or the
 * typedef name for an anonymous one.
 */
public final class HeaderLayouts {
    /** The system headers the oracle tests parse: libc's common ones, zlib and sqlite3 (installed by .ci/run). */
    public static final List<String> SYSTEM_HEADERS = List.of("stdio.h", "stdlib.h", "string.h", "math.h", "time.h",
            "signal.h", "pthread.h", "sys/socket.h", "netinet/in.h", "sys/stat.h", "dirent.h", "unistd.h", "fcntl.h",
            "termios.h", "sys/mman.h", "poll.h", "zlib.h", "sqlite3.h");

    private HeaderLayouts() {
    }

    public static List<String> systemHeaders() {
        return SYSTEM_HEADERS;
    }

    public static String preprocess(String program, List<String> flags) throws IOException, InterruptedException {
        Path source = Files.createTempFile("isthmus-headers", ".c");
        try {
            Files.writeString(source, program);
            List<String> command = new ArrayList<>(List.of("cc", "-E"));
            command.addAll(flags);
            command.add(source.toString());
            Process cc = new ProcessBuilder(command).redirectErrorStream(true).start();
            cc.getOutputStream().close();
            String output = new String(cc.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
                throw new IOException("cc -E failed:\n" + output.lines().limit(10).reduce("", (a, b) -> a + b + "\n"));
            }
            return output;
        } finally {
            Files.deleteIfExists(source);
        }
    }

    /** Every complete named struct, union and enum in the scope, each type once. */
    public static List<LayoutCheck.Named> namedRecords(CScope scope) {
        List<LayoutCheck.Named> result = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Declaration d : scope.declarations()) {
            switch (d) {
                case Declaration.Record r -> {
                    if (r.type().isComplete() && seen.add(r.type())) {
                        result.add(new LayoutCheck.Named(r.name(), r.type()));
                    }
                }
                case Declaration.Enum e -> {
                    if (e.type().isComplete() && seen.add(e.type())) {
                        result.add(new LayoutCheck.Named(e.name(), e.type()));
                    }
                }
                case Declaration.Typedef t -> LayoutCheck.recordOf(t.type())
                        .filter(record -> record.tag().isEmpty() && seen.add(record))
                        .ifPresent(record -> result.add(new LayoutCheck.Named(t.name(), t.type())));
                default -> {
                }
            }
        }
        return result;
    }
}
