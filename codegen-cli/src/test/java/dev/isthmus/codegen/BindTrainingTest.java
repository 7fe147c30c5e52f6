package dev.isthmus.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The training run of bind's start-up cache: bind over the training headers, leaving nothing behind. */
class BindTrainingTest {
    /** The checkout: surefire runs in the module's folder. */
    private static final Path TRAINING = Path.of("").toAbsolutePath().getParent().resolve("aot-training");

    @Test
    void run_overTheTrainingHeaders_bindsThemAndLeavesNothing(@TempDir Path temporary) throws IOException {
        assertEquals(0, BindTraining.run(List.of(TRAINING.resolve("codegen-cli.h"), TRAINING.resolve("bind.h")), temporary));
        assertEquals(List.of(), contents(temporary));
    }

    @Test
    void run_overABadHeader_failsAndLeavesNothing(@TempDir Path folder, @TempDir Path temporary) throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.h"), "struct s { int x };\nint f(;\n");
        assertNotEquals(0, BindTraining.run(List.of(bad), temporary));
        assertEquals(List.of(), contents(temporary));
    }

    private static List<Path> contents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
