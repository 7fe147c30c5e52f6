package dev.isthmus.cparser.preprocess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompilerAnswerCacheTest {
    @TempDir
    Path cacheDir;

    @TempDir
    Path includes;

    @Test
    void answer_isKeptUntilTheKeyChangesOrADirectoryIsGone() throws Exception {
        Path a = Files.createDirectory(includes.resolve("a"));
        Path b = Files.createDirectory(includes.resolve("b"));
        AtomicInteger asked = new AtomicInteger();
        Supplier<List<Path>> compiler = () -> {
            asked.incrementAndGet();
            return List.of(a, b);
        };
        CompilerAnswerCache cache = new CompilerAnswerCache(cacheDir, "cc=/usr/bin/gcc-12 size=1 modified=2");
        assertEquals(List.of(a, b), cache.directories("system-includes", compiler));
        assertEquals(List.of(a, b), cache.directories("system-includes", compiler));
        assertEquals(1, asked.get(), "asked once, then read from the file");

        new CompilerAnswerCache(cacheDir, "cc=/usr/bin/gcc-13 size=1 modified=3").directories("system-includes", compiler);
        assertEquals(2, asked.get(), "another compiler is asked");

        Files.delete(b);
        new CompilerAnswerCache(cacheDir, "cc=/usr/bin/gcc-13 size=1 modified=3").directories("system-includes", compiler);
        assertEquals(3, asked.get(), "a directory that is gone makes it ask again");
    }

    @Test
    void withoutACompiler_nothingIsKept() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        CompilerAnswerCache cache = new CompilerAnswerCache(cacheDir, null);
        cache.directories("system-includes", () -> List.of(Path.of(String.valueOf(asked.incrementAndGet()))));
        cache.directories("system-includes", () -> List.of(Path.of(String.valueOf(asked.incrementAndGet()))));
        assertEquals(2, asked.get());
        try (var files = Files.list(cacheDir)) {
            assertEquals(0, files.count());
        }
    }
}
