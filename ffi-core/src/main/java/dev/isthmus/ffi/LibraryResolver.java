package dev.isthmus.ffi;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds a shared library by the names people type, the way the platform's dynamic loader
 * and {@code ld -l} would: a path ({@code ./libfoo.so}, {@code /usr/lib/x/libz.so.1}), a
 * soname ({@code libz.so.1}), or a short name ({@code z}, {@code sqlite3}, {@code m}),
 * which tries {@code libNAME.so} and then the highest {@code libNAME.so.N} in the library
 * directories (Debian's {@code libm.so} is a linker script, not a library, so the versioned
 * file is what loads). A failure lists everything tried.
 */
final class LibraryResolver {
    private LibraryResolver() {
    }

    record Resolved(SymbolLookup lookup, String description) {
    }

    static Resolved resolve(String name, Arena arena) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("a library name is needed");
        }
        List<LibraryNotFoundException.Attempt> tried = new ArrayList<>();
        if (name.contains("/")) {
            Path path = Path.of(name).toAbsolutePath();
            return load(path.toString(), arena, tried).orElseThrow(() -> notFound(name, tried));
        }
        if (name.startsWith("lib") && name.contains(".so")) {
            return load(name, arena, tried).orElseThrow(() -> notFound(name, tried));
        }
        // As LuaJIT's ffi.load names it: ".so" added, and "lib" unless the name has it already.
        var found = load((name.startsWith("lib") ? "" : "lib") + name + ".so", arena, tried);
        if (found.isPresent()) {
            return found.get();
        }
        for (Path candidate : versionedCandidates(name)) {
            found = load(candidate.toString(), arena, tried);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw notFound(name, tried);
    }

    private static java.util.Optional<Resolved> load(String nameOrPath, Arena arena, List<LibraryNotFoundException.Attempt> tried) {
        if (DynamicLoader.isAvailable()) {
            return switch (DynamicLoader.open(nameOrPath)) {
                case DynamicLoader.Outcome.Loaded loaded -> java.util.Optional.of(new Resolved(loaded.lookup(), nameOrPath));
                case DynamicLoader.Outcome.Failed failed -> {
                    tried.add(new LibraryNotFoundException.Attempt(nameOrPath, failed.reason()));
                    yield java.util.Optional.empty();
                }
            };
        }
        try {
            return java.util.Optional.of(new Resolved(SymbolLookup.libraryLookup(nameOrPath, arena), nameOrPath));
        } catch (IllegalArgumentException e) {
            tried.add(new LibraryNotFoundException.Attempt(nameOrPath, e.getMessage()));
            return java.util.Optional.empty();
        }
    }

    private static LibraryNotFoundException notFound(String name, List<LibraryNotFoundException.Attempt> tried) {
        return new LibraryNotFoundException(name, tried);
    }

    /** {@code libNAME.so.N...} files in the library directories, highest version first. */
    private static List<Path> versionedCandidates(String name) {
        String prefix = "lib" + name + ".so.";
        List<Path> found = new ArrayList<>();
        for (Path dir : libraryDirectories()) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.getFileName().toString().startsWith(prefix)).forEach(found::add);
            } catch (IOException | SecurityException e) {
                // A directory we cannot list has no candidates for us.
            }
        }
        found.sort(Comparator.comparing((Path p) -> versionKey(p.getFileName().toString().substring(prefix.length())))
                .reversed());
        return found;
    }

    private static String versionKey(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format(Locale.ROOT, "%8s", part)).append('.');
        }
        return key.toString();
    }

    private static List<Path> libraryDirectories() {
        Set<String> dirs = new LinkedHashSet<>();
        String ldPath = System.getenv("LD_LIBRARY_PATH");
        if (ldPath != null) {
            dirs.addAll(List.of(ldPath.split(":")));
        }
        String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
        for (String root : List.of("/lib", "/usr/lib", "/usr/local/lib")) {
            dirs.add(root + "/" + arch + "-linux-gnu");
            dirs.add(root + "64");
            dirs.add(root);
        }
        return dirs.stream().filter(d -> !d.isEmpty()).map(Path::of).filter(Files::isDirectory).toList();
    }
}
