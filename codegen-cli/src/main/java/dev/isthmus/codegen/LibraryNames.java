package dev.isthmus.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names generated code tries when it opens a library given as {@code -l NAME}: a path
 * or a file name as given; a short name as {@code System.mapLibraryName} spells it
 * ({@code libz.so}, which only a development package installs) and then the versioned
 * names found in this machine's library directories ({@code libz.so.1}), so the bindings
 * also load where only the runtime package is installed.
 */
final class LibraryNames {
    private static final List<String> DIRECTORIES = List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
            "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
            "/usr/local/lib");

    private LibraryNames() {
    }

    static List<String> candidates(String library) {
        if (library == null) {
            return List.of();
        }
        if (library.contains("/")) {
            return List.of(Path.of(library).toAbsolutePath().normalize().toString());
        }
        if (library.contains(".so") || library.endsWith(".dylib") || library.endsWith(".dll")) {
            return List.of(library);
        }
        List<String> names = new ArrayList<>(List.of(System.mapLibraryName(library)));
        Pattern versioned = Pattern.compile(Pattern.quote("lib" + library + ".so.") + "[0-9]+");
        for (String dir : DIRECTORIES) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.map(p -> p.getFileName().toString()).filter(n -> versioned.matcher(n).matches())
                        .sorted(Comparator.naturalOrder()).filter(n -> !names.contains(n)).forEach(names::add);
            } catch (IOException e) {
                // A directory this machine does not have.
            }
        }
        return List.copyOf(names);
    }
}
