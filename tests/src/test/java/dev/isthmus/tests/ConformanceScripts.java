package dev.isthmus.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The conformance scripts on the test class path, under {@code lua/<area>/<file>.lua}. */
final class ConformanceScripts {
    private ConformanceScripts() {
    }

    /** A parsed script with the area (directory) it belongs to. */
    record Script(String area, LuaBlockScript script) {
        /** The dynamic test's name for one of this script's blocks: {@code area/file: name}. */
        String testName(LuaBlockScript.Block block) {
            return area + "/" + script.fileName() + ": " + block.name();
        }
    }

    /** Every script, sorted by area and file name. */
    static List<Script> all() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".lua"))
                    .sorted()
                    .map(p -> new Script(root.relativize(p.getParent()).toString(), read(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LuaBlockScript read(Path file) {
        try {
            return LuaBlockScript.parse(file.getFileName().toString(),
                    Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root() {
        try {
            return Path.of(ConformanceScripts.class.getResource("/lua").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the test resources' lua directory has no file path", e);
        }
    }
}
