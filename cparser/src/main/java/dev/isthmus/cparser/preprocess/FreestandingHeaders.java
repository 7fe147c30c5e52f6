package dev.isthmus.cparser.preprocess;

import dev.isthmus.cparser.abi.Abi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headers a freestanding C implementation provides ({@code stdint.h}, {@code stddef.h},
 * {@code stdbool.h}, {@code stdarg.h}, {@code limits.h}), Isthmus's own, written over the
 * target compiler's predefined macros ({@code __INT64_TYPE__}, {@code __SIZE_TYPE__},
 * {@code __LONG_MAX__}, ...), as {@code clang -ffreestanding} would give them. The host's
 * compiler knows only the host's C library, whose {@code stdint.h} describes the host
 * (glibc's {@code int64_t} is a {@code long}, 4 bytes on Win64); searched before the host's
 * system directories, these make a header that needs only them right for any target.
 */
public final class FreestandingHeaders {
    private static Path directory;

    private FreestandingHeaders() {
    }

    /** Where the headers are: a directory of this module's classes, or of its jar. */
    public static synchronized Path directory() {
        if (directory == null) {
            directory = locate();
        }
        return directory;
    }

    /**
     * The system directories to preprocess for {@code target}: the host compiler's, after
     * these headers when {@code target} is not the host.
     */
    public static List<Path> systemDirectoriesFor(Abi target, List<Path> hostDirectories) {
        if (target.name().equals(Abi.host().name())) {
            return hostDirectories;
        }
        List<Path> all = new ArrayList<>();
        all.add(directory());
        all.addAll(hostDirectories);
        return List.copyOf(all);
    }

    private static Path locate() {
        try {
            URI uri = FreestandingHeaders.class.getResource("freestanding/stdint.h").toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // Opened before: Path.of finds it.
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the freestanding headers' location is not a URI", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the freestanding headers in " + e.getMessage(), e);
        }
    }
}
