package dev.isthmus.codegen;

import dev.isthmus.cparser.abi.Abi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses headers read for one ABI from another's C library. The system include
 * directories are the host compiler's, so for another target ({@code --abi win64}, or
 * portable bindings) a header that includes the C library's reads the host's
 * architecture-specific headers ({@code /usr/include/x86_64-linux-gnu/bits/types.h}),
 * whose typedefs describe the host: Win64 would get glibc's {@code typedef long int64_t},
 * 4 bytes there. Such bindings would be wrong without a word, so they are an error
 * naming the header; giving the target's own headers with {@code --system-include} avoids it.
 */
final class ForeignSystemHeaders {
    /** Debian's multiarch directories: {@code /usr/include/x86_64-linux-gnu}, {@code /usr/include/aarch64-linux-gnu}. */
    private static final Pattern MULTIARCH = Pattern.compile(".*/include/(x86_64|aarch64)-linux-gnu/?");
    private static final Pattern LINE_MARKER = Pattern.compile("(?m)^# \\d+ \"([^\"]+)\"");

    private ForeignSystemHeaders() {
    }

    /** Whether {@code systemDirectories} hold another architecture's C library headers than {@code target}'s. */
    static boolean possible(Abi target, List<Path> systemDirectories) {
        String own = ownArchitecture(target);
        return systemDirectories.stream().map(d -> MULTIARCH.matcher(d.toString()))
                .anyMatch(m -> m.matches() && !m.group(1).equals(own));
    }

    /** Where Debian puts the target's C library headers, and the package that installs them. */
    private static String suggestion(Abi target) {
        return switch (target.name()) {
            case "aarch64" -> "/usr/aarch64-linux-gnu/include, from libc6-dev-arm64-cross";
            case "win64" -> "/usr/x86_64-w64-mingw32/include, from mingw-w64-x86-64-dev";
            default -> "/usr/include/x86_64-linux-gnu and /usr/include, from libc6-dev";
        };
    }

    private static String ownArchitecture(Abi target) {
        return switch (target.name()) {
            case "sysv-x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> "";
        };
    }

    /**
     * The explanation for a preprocessing error in a header of another architecture's C
     * library (glibc's x86-64 {@code gnu/stubs.h} asks for {@code gnu/stubs-32.h} when
     * {@code __x86_64__} is not defined), or empty when {@code file} is not such a header.
     */
    static Optional<String> explainError(String file, Abi target, List<Path> systemDirectories) {
        return firstRead("# 1 \"" + file + "\"\n", target, systemDirectories);
    }

    /** An error message when {@code text} (preprocessed for {@code target}) came in part from another architecture's headers. */
    static Optional<String> firstRead(String text, Abi target, List<Path> systemDirectories) {
        String own = ownArchitecture(target);
        for (Path directory : systemDirectories) {
            Matcher m = MULTIARCH.matcher(directory.toString());
            if (!m.matches() || m.group(1).equals(own)) {
                continue;
            }
            String prefix = directory.toString().endsWith("/") ? directory.toString() : directory + "/";
            Matcher marker = LINE_MARKER.matcher(text);
            while (marker.find()) {
                if (marker.group(1).startsWith(prefix)) {
                    return Optional.of(marker.group(1) + ": error: this header of the C library describes " + m.group(1)
                            + "-linux-gnu, not " + target.name() + "; give " + target.name()
                            + "'s own C library headers with --system-include " + target.name() + "=DIR ("
                            + suggestion(target) + "), or bind headers that include only the freestanding ones"
                            + " (stdint.h, stddef.h, stdbool.h, stdarg.h, limits.h: Isthmus's own for other targets)");
                }
            }
        }
        return Optional.empty();
    }
}
